"""Inline schemas hoisted into named models, one model per distinct shape.

Two passes over the schemas the operations use:

1. *Shapes*, bottom-up. Every object-like schema (one with properties or a
   composition) gets a key: its component name when it is a component, else
   a hash of its shape with descriptions, titles and examples left out, its
   own object-like children already replaced by their keys. Structurally
   identical schemas share a key, so they become one model.
2. *Names* (``model_names``), round by round from the roots, independent of
   the document's order: a key's ``x-python-name``, component name or
   ``title``, else its role (``CreateJobRequest``, ``ListJobsResponse``) or
   its parent's name and the label of its place (``JobResponseProgram``).
   Names never take a counter or a hash; two models wanting one name are
   told apart by their places.
"""

from __future__ import annotations

import copy
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from generator.diagnostics import Diagnostic, warning
from generator.ir.compositions import (
    COMPOSITIONS,
    NOT_STRUCTURAL,
    merge_conflicting_all_of,
    simplify,
)
from generator.ir.keywords import (
    UNCHECKED,
    json_type,
    literal_misfits,
    literal_value,
    package_format,
    pattern_problem,
    unchecked_keywords,
    unknown_format,
)
from generator.ir.model import Model
from generator.ir.model_names import KEY_PREFIX, ModelNamer
from generator.spec import pointer as jp
from generator.spec.dereference import Resolved
from generator.text import printable

__all__ = ["MODEL_REF_PREFIX", "Hoister"]

MODEL_REF_PREFIX = "#/components/schemas/"
_KEY_PREFIX = KEY_PREFIX
_DROPPED = frozenset({"example", "examples", "title", "xml", "externalDocs", "$schema", "$id"})
# Kept on properties, left off array items and union members: pydantic can only
# express them there through extra wrapper classes that would need names.
_ITEM_CONSTRAINTS = frozenset(
    {
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "multipleOf",
        "minLength",
        "maxLength",
        "pattern",
        "minItems",
        "maxItems",
        "uniqueItems",
        "description",
        "default",
    }
)
_UNCHECKED = " is not checked by the generated models"
_ITEM_NOTES = frozenset({"description", "default"})  # left off, but they constrain nothing


@dataclass
class Hoister:
    resolved: Resolved
    _shapes: dict[str, dict[str, Any]] = field(default_factory=dict)
    _titles: dict[str, set[str]] = field(default_factory=dict)
    _python_names: dict[str, set[str]] = field(default_factory=dict)
    _containers: dict[str, dict[str, Any]] = field(default_factory=dict)
    _places: dict[str, list[str]] = field(default_factory=dict)
    _memo: dict[int, str] = field(default_factory=dict)
    _inlining: list[str] = field(default_factory=list)
    _said: set[str] = field(default_factory=set)
    _named: bool = False
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._namer = ModelNamer(
            self.resolved.name, self._shapes, self._titles, self._python_names, self._places
        )
        self._namer.containers = self._containers

    # -- pass 1: shapes -------------------------------------------------

    def schema(self, node: Any, pointer: str, nested: bool = False) -> dict[str, Any]:
        """``node`` as a JSON Schema whose object-like parts are model references.

        ``nested`` marks array items and union members, which keep their types
        but not their validation constraints.
        """
        simple = self._simple(node)
        if self.is_model(simple):
            ref = {"$ref": _KEY_PREFIX + self._key(node, simple, pointer)}
            return {**ref, "nullable": True} if _nullable_ref(simple) else ref
        shape = self._shape(simple, pointer, nested)
        if not nested:
            return shape
        dropped = [k for k in shape if k in _ITEM_CONSTRAINTS and k not in _ITEM_NOTES]
        if dropped:
            names = ", ".join(repr(k) for k in dropped)
            self._say(
                pointer,
                f"the constraints {names} of an array item, map value or union member are not "
                "checked by the generated models",
            )
        return {k: v for k, v in shape.items() if k not in _ITEM_CONSTRAINTS}

    def is_model(self, node: Any, seen: frozenset[str] = frozenset()) -> bool:
        """Object-like: has properties, or composes something that has."""
        if isinstance(node, dict) and isinstance(node.get("$ref"), str):
            ref = node["$ref"]
            if ref in seen:
                return False
            if ref.startswith(MODEL_REF_PREFIX) and ref in self._inlining:
                return True  # a recursive component must be named to be expressed
            return self.is_model(self._simple(self.resolved.follow(node)), seen | {ref})
        if not isinstance(node, dict):
            return False
        if isinstance(node.get("properties"), dict) and node["properties"]:
            return True
        return any(
            isinstance(node.get(k), list) and any(self.is_model(m, seen) for m in node[k])
            for k in COMPOSITIONS
        )

    def _simple(self, node: Any) -> Any:
        return merge_conflicting_all_of(simplify(node), self.resolved)

    def _key(self, original: Any, node: Any, pointer: str) -> str:
        """The model key of ``node``, the simplified form of ``original``."""
        if isinstance(node.get("$ref"), str):
            ref = node["$ref"]
            target_pointer = ref.lstrip("#")
            key: str = (
                "component:" + ref[len(MODEL_REF_PREFIX) :]
                if ref.startswith(MODEL_REF_PREFIX)
                else "ref:" + target_pointer
            )
            self._places.setdefault(key, [])
            if key not in self._shapes:
                self._shapes[key] = {}  # reserved: recursion stops here
                target = self._simple(self.resolved.follow(node))
                self._note_names(key, target)
                self._inlining.append(ref)
                try:
                    self._shapes[key] = self._shape(target, target_pointer)
                finally:
                    self._inlining.pop()
                self._places[key].append(target_pointer)
            return key
        if id(original) in self._memo:  # `original` lives in the spec: its id is stable
            key = self._memo[id(original)]
        else:
            shape = self._shape(node, pointer)
            digest = hashlib.sha256(_canonical(shape).encode()).hexdigest()[:16]
            key = "shape:" + digest
            self._memo[id(original)] = key
            if key not in self._shapes:
                self._shapes[key] = shape
        self._note_names(key, node)
        self._places.setdefault(key, []).append(pointer)
        return key

    def _note_names(self, key: str, node: dict[str, Any]) -> None:
        """The ``title`` and ``x-python-name`` of every schema a key stands for."""
        for names, keyword in ((self._titles, "title"), (self._python_names, "x-python-name")):
            value = node.get(keyword)
            names.setdefault(key, set())
            if isinstance(value, str) and value.strip():
                names[key].add(value)

    def _shape(self, node: Any, pointer: str, nested: bool = False) -> dict[str, Any]:
        if not isinstance(node, dict):
            return {}
        if isinstance(node.get("$ref"), str):
            ref = node["$ref"]
            if ref in self._inlining:  # a recursive chain through non-model schemas
                return {}
            self._inlining.append(ref)
            try:
                target = self._shape(
                    self._simple(self.resolved.follow(node)), ref.lstrip("#"), nested
                )
            finally:
                self._inlining.pop()
            if ref.startswith(MODEL_REF_PREFIX):  # a component that holds models, if any
                self._containers.setdefault(jp.parse(ref)[-1], target)
            return {**target, "nullable": True} if _nullable_ref(node) else target
        shape: dict[str, Any] = {}
        for keyword in unchecked_keywords(node):
            self._say(jp.join(pointer, keyword), f"JSON Schema keyword {keyword!r}" + _UNCHECKED)
        if unknown_format(node):
            self._say(jp.join(pointer, "format"), f"format {node['format']!r}" + _UNCHECKED)
        for keyword, message in literal_misfits(node):
            self._say(jp.join(pointer, keyword), message)
        package = package_format(node)
        if package:
            self._say(
                jp.join(pointer, "format"),
                f"format {node['format']!r} is typed as a plain string: its pydantic type "
                f"needs {package}, which the client does not depend on",
            )
        pattern = node.get("pattern")
        broken = pattern_problem(pattern) if isinstance(pattern, str) else None
        if broken:
            self._say(
                jp.join(pointer, "pattern"),
                f"pattern left out: pydantic-core can't compile it ({broken})",
            )
        for key, value in node.items():
            if key in _DROPPED or key in UNCHECKED or key.startswith("x-"):
                continue
            if key == "format" and (unknown_format(node) or package):
                continue
            if key == "pattern" and broken:
                continue
            here = jp.join(pointer, key)
            if key == "properties" and isinstance(value, dict):
                shape[key] = {
                    name: self.schema(sub, jp.join(here, name)) for name, sub in value.items()
                }
            elif key in ("items", "additionalProperties") and isinstance(value, dict):
                shape[key] = self.schema(value, here, nested=True)
            elif key in (*COMPOSITIONS, "prefixItems") and isinstance(value, list):
                shape[key] = [
                    self.schema(sub, jp.join(here, i), nested=True) for i, sub in enumerate(value)
                ]
            elif key == "discriminator" and isinstance(value, dict):
                if self._mapping_to_models(value, here):
                    shape[key] = self._discriminator(value)
            elif key in ("$defs", "definitions"):
                continue
            elif key in ("description", "title") and isinstance(value, str):
                shape[key] = printable(value)
            elif key == "const" and not literal_value(value):
                shape.setdefault("type", json_type(value))
            elif key == "nullable" and value is not True:
                continue  # `false` is the default; datamodel-code-generator types it `T = None`
            elif key == "type" and _one_type_or_null(value):
                # datamodel-code-generator drops `additionalProperties` beside
                # `type: [object, "null"]`; it keeps them beside `nullable`.
                shape[key] = next(kind for kind in value if kind != "null")
                shape["nullable"] = True
            else:
                shape[key] = copy.deepcopy(value)
        return shape

    def _say(self, pointer: str, message: str) -> None:
        if pointer not in self._said:
            self._said.add(pointer)
            self.diagnostics.append(
                warning(
                    self.resolved.name,
                    pointer,
                    message,
                    "the client accepts such values unchecked; see README, OpenAPI 3.1",
                )
            )

    def _mapping_to_models(self, discriminator: dict[str, Any], pointer: str) -> bool:
        """Whether every ``mapping`` target is an object model: a tag can't select an
        array or a string (GitHub's ``content-directory``), so such a discriminator is
        left out and the union is told apart by its members' types."""
        mapping = discriminator.get("mapping")
        for tag, ref in mapping.items() if isinstance(mapping, dict) else ():
            if isinstance(ref, str) and ref.startswith("#") and not self._resolves(ref):
                # digitalocean.com: `#/floating_ip_action_assign`, a leftover of bundling
                self._say(
                    jp.join(pointer, "mapping", tag),
                    f"discriminator left out: {tag!r} maps to {ref}, which names nothing",
                )
                return False
            if isinstance(ref, str) and ref.startswith("#") and not self.is_model({"$ref": ref}):
                self._say(
                    jp.join(pointer, "mapping", tag),
                    f"discriminator left out: {tag!r} maps to {ref}, which is not an object",
                )
                return False
        return True

    def _resolves(self, ref: str) -> bool:
        try:
            self.resolved.follow({"$ref": ref})
        except (KeyError, ValueError):
            return False
        return True

    def _discriminator(self, discriminator: dict[str, Any]) -> dict[str, Any]:
        result = {"propertyName": discriminator.get("propertyName")}
        mapping = discriminator.get("mapping")
        if isinstance(mapping, dict):
            result["mapping"] = {
                value: _KEY_PREFIX + self._key({"$ref": ref}, {"$ref": ref}, ref.lstrip("#"))
                for value, ref in mapping.items()
                if isinstance(ref, str) and ref.startswith("#")
            }
        return result

    # -- pass 2: names (see model_names) --------------------------------

    def name_component(self, component: str) -> None:
        self._namer.components.append("component:" + component)

    def name_root(self, schema: dict[str, Any], candidates: list[str]) -> None:
        """The model ``schema`` refers to (or those inside it) take a root role's names."""
        self._namer.roots.append((schema, candidates))

    @property
    def _names(self) -> dict[str, str]:
        if not self._named:
            self._named = True
            self._namer.run()
            self.diagnostics.extend(self._namer.diagnostics)
        return self._namer.names

    # -- output ---------------------------------------------------------

    def finish(self, schema: dict[str, Any]) -> dict[str, Any]:
        """``schema`` with model keys replaced by ``#/components/schemas/<Name>`` refs."""
        finished: dict[str, Any] = _replace_keys(schema, self._names)
        return finished

    def models(self) -> list[Model]:
        models = []
        for key, name in self._names.items():
            models.append(
                Model(
                    name=name,
                    schema=_replace_keys(self._shapes[key], self._names),
                    pointers=tuple(sorted(set(self._places.get(key, [])))),
                )
            )
        return sorted(models, key=lambda m: m.name)


def _one_type_or_null(kinds: Any) -> bool:
    """``[T, "null"]``: one type, nullable."""
    return isinstance(kinds, list) and "null" in kinds and len(set(kinds) - {"null"}) == 1


def _nullable_ref(node: dict[str, Any]) -> bool:
    """A ``$ref`` that says ``nullable: true`` beside it (``simplify`` keeps it there)."""
    return isinstance(node.get("$ref"), str) and node.get("nullable") is True


def _canonical(shape: Any) -> str:
    return json.dumps(_structural(shape), sort_keys=True, separators=(",", ":"))


def _structural(node: Any) -> Any:
    """``node`` without what doesn't constrain; union members in a canonical order.

    The order of ``oneOf``/``anyOf`` members changes nothing that validates, so
    a spec that reorders them keeps its models (and their names).
    """
    if isinstance(node, dict):
        result: dict[str, Any] = {}
        for k, v in node.items():
            if k in NOT_STRUCTURAL:
                continue
            if k == "properties" and isinstance(v, dict):
                result[k] = {p: _structural(s) for p, s in v.items()}
            elif k in ("oneOf", "anyOf") and isinstance(v, list):
                result[k] = sorted((_structural(m) for m in v), key=_sort_key)
            else:
                result[k] = _structural(v)
        return result
    if isinstance(node, list):
        return [_structural(v) for v in node]
    return node


def _sort_key(node: Any) -> str:
    return json.dumps(node, sort_keys=True, separators=(",", ":"))


def _replace_keys(node: Any, names: dict[str, str]) -> Any:
    if isinstance(node, dict):
        result: dict[str, Any] = {}
        for k, v in node.items():
            if k == "$ref" and isinstance(v, str) and v.startswith(_KEY_PREFIX):
                result[k] = MODEL_REF_PREFIX + names[v[len(_KEY_PREFIX) :]]
            elif k == "properties" and isinstance(v, dict):
                result[k] = {p: _replace_keys(s, names) for p, s in v.items()}
            elif k == "mapping" and isinstance(v, dict):
                result[k] = {
                    tag: MODEL_REF_PREFIX + names[t[len(_KEY_PREFIX) :]]
                    if isinstance(t, str) and t.startswith(_KEY_PREFIX)
                    else t
                    for tag, t in v.items()
                }
            else:
                result[k] = _replace_keys(v, names)
        return result
    if isinstance(node, list):
        return [_replace_keys(v, names) for v in node]
    return node
