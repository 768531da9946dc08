"""Inline schemas hoisted into named models, one model per distinct shape.

Two passes over the schemas the operations use:

1. *Shapes*, bottom-up. Every object-like schema (one with properties or a
   composition) gets a key: its component name when it is a component, else
   a hash of its shape with descriptions, titles and examples left out, its
   own object-like children already replaced by their keys. Structurally
   identical schemas share a key, so they become one model.
2. *Names*, top-down in document order. A key's name comes from the first
   place that uses it: its ``title`` when it has one, otherwise its role
   (``CreateJobRequest``, ``ListJobsResponse``) or its parent's name and the
   property it sits in (``JobResponseProgram``). Names never take a counter;
   a collision falls to the next, more qualified candidate, and names are cut
   to 40 characters by dropping their least specific leading words.
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Iterator
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
from generator.ir.naming import (
    MAX_CLASS_NAME,
    class_name,
    pascal_case,
    shorten_class_name,
    singular,
)
from generator.spec import pointer as jp
from generator.spec.dereference import Resolved
from generator.text import printable

__all__ = ["MODEL_REF_PREFIX", "Hoister"]

MODEL_REF_PREFIX = "#/components/schemas/"
_KEY_PREFIX = "key:"
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
    _titles: dict[str, str] = field(default_factory=dict)
    _places: dict[str, list[str]] = field(default_factory=dict)
    _memo: dict[int, str] = field(default_factory=dict)
    _inlining: list[str] = field(default_factory=list)
    _names: dict[str, str] = field(default_factory=dict)
    _taken: dict[str, str] = field(default_factory=dict)
    _said: set[str] = field(default_factory=set)
    diagnostics: list[Diagnostic] = field(default_factory=list)

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
                self._titles[key] = str(target.get("title", ""))
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
                self._titles[key] = str(node.get("title", ""))
        self._places.setdefault(key, []).append(pointer)
        return key

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
            if isinstance(ref, str) and ref.startswith("#") and not self.is_model({"$ref": ref}):
                self._say(
                    jp.join(pointer, "mapping", tag),
                    f"discriminator left out: {tag!r} maps to {ref}, which is not an object",
                )
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

    # -- pass 2: names --------------------------------------------------

    def name_component(self, component: str) -> str:
        return self._assign("component:" + component, [])

    def name_root(self, schema: dict[str, Any], candidates: list[str]) -> None:
        """Name the model ``schema`` refers to (if any) from a root role's candidates."""
        ref = schema.get("$ref", "")
        if ref.startswith(_KEY_PREFIX):
            self._assign(ref[len(_KEY_PREFIX) :], candidates)
        else:
            for child_key, suffix in _children(schema, ""):
                self._assign(child_key, [suffix or "Model"])

    def _assign(self, key: str, role_names: list[str]) -> str:
        """Name ``key`` (once), then its children after it."""
        if key in self._names:
            return self._names[key]
        name = self._first_free(key, self._candidates(key, role_names))
        self._names[key] = name
        self._taken[name] = key
        for child_key, suffix in _children(self._shapes.get(key, {}), ""):
            self._assign(child_key, [name + suffix])
        return name

    def _candidates(self, key: str, role_names: list[str]) -> list[str]:
        """A component's own name wherever it is met; else its title, then its role."""
        if key.startswith("component:"):
            component = str(class_name(key.split(":", 1)[1]))
            return [component, component + "Schema"]
        title = self._titles.get(key, "")
        names = [title, *role_names] if title else role_names
        return [str(class_name(n)) for n in names]

    def _first_free(self, key: str, candidates: list[str]) -> str:
        for candidate in candidates:
            candidate = shorten_class_name(candidate, MAX_CLASS_NAME)
            if candidate and self._taken.get(candidate, key) == key:
                return candidate
        base = shorten_class_name(candidates[-1] if candidates else "Model", MAX_CLASS_NAME - 7)
        suffix = key.split(":", 1)[1]
        digest = hashlib.sha256(suffix.encode()).hexdigest()[:6]
        return f"{base}X{digest}"

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

    def unnamed(self) -> list[str]:
        return [key for key in self._shapes if key not in self._names]


def _one_type_or_null(kinds: Any) -> bool:
    """``[T, "null"]``: one type, nullable."""
    return isinstance(kinds, list) and "null" in kinds and len(set(kinds) - {"null"}) == 1


def _nullable_ref(node: dict[str, Any]) -> bool:
    """A ``$ref`` that says ``nullable: true`` beside it (``simplify`` keeps it there)."""
    return isinstance(node.get("$ref"), str) and node.get("nullable") is True


def _children(shape: Any, suffix: str) -> Iterator[tuple[str, str]]:
    """(key, name suffix) of each model directly inside ``shape``, in order."""
    if not isinstance(shape, dict):
        return
    ref = shape.get("$ref")
    if isinstance(ref, str) and ref.startswith(_KEY_PREFIX):
        yield ref[len(_KEY_PREFIX) :], suffix
        return
    for name, sub in (shape.get("properties") or {}).items():
        yield from _children(sub, suffix + pascal_case(name))
    items = shape.get("items")
    if isinstance(items, dict):
        if suffix and singular(suffix) != suffix:
            yield from _children(items, singular(suffix))
        else:
            yield from _children(items, suffix + "Item")
    for index, sub in enumerate(shape.get("prefixItems") or []):
        yield from _children(sub, f"{suffix}Item{index + 1}")
    if isinstance(shape.get("additionalProperties"), dict):
        yield from _children(shape["additionalProperties"], suffix + "Value")
    mapping = (shape.get("discriminator") or {}).get("mapping") or {}
    by_key = {target: value for value, target in mapping.items()}
    for word, composition in (("Part", "allOf"), ("Option", "oneOf"), ("Option", "anyOf")):
        for index, sub in enumerate(shape.get(composition) or []):
            tag = by_key.get(sub.get("$ref", "")) if isinstance(sub, dict) else None
            label = pascal_case(tag) if tag else f"{word}{index + 1}"
            yield from _children(sub, suffix + label)


def _canonical(shape: Any) -> str:
    return json.dumps(_structural(shape), sort_keys=True, separators=(",", ":"))


def _structural(node: Any) -> Any:
    if isinstance(node, dict):
        return {
            k: (_structural(v) if k != "properties" else {p: _structural(s) for p, s in v.items()})
            for k, v in node.items()
            if k not in NOT_STRUCTURAL
        }
    if isinstance(node, list):
        return [_structural(v) for v in node]
    return node


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
