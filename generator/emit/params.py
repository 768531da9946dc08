"""Request ``TypedDict`` planning: every model a request can send, as a dict type.

A body or a parameter that is a model takes a plain dict too; this module plans
the ``params`` module that types those dicts, so that mypy and IDEs check a dict
literal's keys and values (``{"backnd": ...}`` is an error). One entry per
model a request reaches (through bodies, parameters and the models they use),
named ``<Model>Param`` (``types.param_name``):

* an object (its ``allOf`` members merged) becomes a ``TypedDict``, ``total=False``
  with ``Required[...]`` on the schema's ``required`` keys; ``readOnly``
  properties are left out (a server sets them);
* an object that allows other keys (``additionalProperties``) stays a
  ``Mapping[str, ...]`` of its values' types;
* anything else (a ``oneOf``/``anyOf`` union, an array, an enum, an ``allOf``
  that holds a union) becomes a type alias of its type: a union of the members'
  TypedDicts, and elsewhere each model as ``<Model>Param | models.<Model>``.

A key that is not a plain identifier (``IBM-API-Version``, ``from``, a name the
module binds) puts its ``TypedDict`` in the functional form, its docstring a
string after it. The module has no ``from __future__ import annotations``, so
that ``Required`` is seen at run time (``__required_keys__``, pydantic): each
definition comes after those it names, and in a cycle a key's type names a
later one as a string, while an alias in a cycle is ``Mapping[str, Any]`` or
``Any``.
"""

from __future__ import annotations

import keyword
from dataclasses import dataclass, replace
from typing import Any, TypeAlias

from generator.emit import code, layout
from generator.emit.code import Code, DocText
from generator.emit.expressions import (
    ANY,
    NONE,
    Expr,
    Import,
    Name,
    Quoted,
    Subscript,
    from_import,
    import_lines,
    imports_of,
    names_in,
    union,
)
from generator.emit.types import TypeContext, model_names_in, nullable, param_name, type_hint
from generator.ir.hoist import MODEL_REF_PREFIX
from generator.ir.model import Api, Model

__all__ = ["AliasPlan", "KeyPlan", "ParamsPlan", "TypedDictPlan", "plan_params"]

# The params module binds the models as ``from . import models``, its own names locally.
_CTX = TypeContext(for_parameter=True, models=Import(".", "models"), params=None)
_TYPED_DICT = from_import("typing_extensions", "TypedDict")
_REQUIRED = from_import("typing_extensions", "Required")
_TYPE_ALIAS = from_import("typing", "TypeAlias")
_MAPPING = from_import("collections.abc", "Mapping")
_STR = Name("str")
_OPEN = Subscript(_MAPPING, (_STR, ANY))


@dataclass(frozen=True)
class KeyPlan:
    key: str  # as on the wire
    value: Expr  # the value's type
    required: bool
    doc: DocText

    @property
    def annotation(self) -> Expr:
        return Subscript(_REQUIRED, (self.value,)) if self.required else self.value

    @property
    def name(self) -> code.Name:
        """The key as a class attribute (the class form: ``key`` is a plain identifier)."""
        return code.name(self.key)

    @property
    def literal(self) -> Code:
        """The key as a string literal (the functional form)."""
        return code.literal(self.key)

    @property
    def annotation_code(self) -> Code:
        return code.expression(self.annotation.render())

    @property
    def attribute(self) -> Code:
        """``key: type`` in the class form (at 4 columns), laid out as black lays it out."""
        node = layout.Keyed(f"{self.name}: ", self.annotation.node())
        return code.laid_out(node, 4)

    @property
    def entry(self) -> Code:
        """``"key": type`` in the functional form (at 8 columns, a comma after)."""
        node = layout.Keyed(code.dict_key(self.key), self.annotation.node())
        return code.laid_out(node, 8, after=",")


@dataclass(frozen=True)
class TypedDictPlan:
    name: code.Name
    docstring: DocText
    keys: tuple[KeyPlan, ...]
    functional: bool  # a key can't be a class attribute
    is_alias = False

    def uses(self) -> set[str]:
        return {n.text for k in self.keys for n in names_in(k.value)}


@dataclass(frozen=True)
class AliasPlan:
    name: code.Name
    value: Expr
    is_alias = True

    @property
    def type_alias(self) -> Code:
        return code.expression(_TYPE_ALIAS.render())

    @property
    def value_code(self) -> Code:
        """The aliased type after ``Name: TypeAlias = ``, laid out as black lays it out."""
        before = f"{self.name}: {_TYPE_ALIAS.render()} = "
        return code.laid_out(self.value.node(), 0, before)

    def uses(self) -> set[str]:
        return {n.text for n in names_in(self.value)}


Definition: TypeAlias = TypedDictPlan | AliasPlan


@dataclass(frozen=True)
class ParamsPlan:
    definitions: tuple[Definition, ...]  # each after those it needs at import
    imports: tuple[Code, ...]

    @property
    def exports(self) -> list[code.Name]:
        return sorted(d.name for d in self.definitions)

    @property
    def spaced(self) -> list[tuple[Definition, bool]]:
        """Each definition, and whether it follows a class: an alias takes two blank
        lines after one (black's), else one (the classes' two are the template's)."""
        after_class = [isinstance(d, TypedDictPlan) and not d.functional for d in self.definitions]
        return [
            (d, bool(number) and after_class[number - 1])
            for number, d in enumerate(self.definitions)
        ]


def plan_params(api: Api) -> ParamsPlan:
    models = {m.name: m for m in api.models}
    names = _request_models(api, models)
    drafts: dict[str, Definition] = {}
    for name in names:
        shape = _object_shape(models[name].schema, models)
        if shape is not None and not shape.open:
            drafts[param_name(name)] = _typed_dict(name, models[name], shape, names)
        elif shape is not None:
            drafts[param_name(name)] = AliasPlan(code.name(param_name(name)), _open_mapping(shape))
        else:
            drafts[param_name(name)] = AliasPlan(
                code.name(param_name(name)), _alias_value(models[name].schema)
            )
    definitions = _ordered(drafts)
    used: list[Expr] = []
    for d in definitions:
        if isinstance(d, AliasPlan):
            used += [_TYPE_ALIAS, d.value]
        else:
            used += [_TYPED_DICT, *(k.annotation for k in d.keys)]
    return ParamsPlan(definitions, code.import_block(import_lines(imports_of(used))))


def _ordered(drafts: dict[str, Definition]) -> tuple[Definition, ...]:
    """Each definition after those it names (annotations are evaluated at import).

    In a cycle, a ``TypedDict``'s key names one defined later as a string (a
    forward reference); an alias can't, and is ``Mapping[str, Any]`` or ``Any``.
    """
    done: dict[str, Definition] = {}

    def visit(name: str, stack: frozenset[str]) -> None:
        draft = drafts[name]
        for used in sorted(draft.uses() & drafts.keys()):
            if used not in done and used not in stack and used != name:
                visit(used, stack | {name})
        later = (draft.uses() & drafts.keys()) - done.keys()
        if isinstance(draft, AliasPlan) and later:
            open_object = isinstance(draft.value, Subscript) and draft.value.base == _MAPPING
            done[name] = AliasPlan(draft.name, _OPEN if open_object else ANY)
        elif isinstance(draft, TypedDictPlan) and later:
            keys = tuple(
                replace(k, value=Quoted(k.value))
                if {n.text for n in names_in(k.value)} & later
                else k
                for k in draft.keys
            )
            done[name] = replace(draft, keys=keys)
        else:
            done[name] = draft

    for name in sorted(drafts):
        if name not in done:
            visit(name, frozenset())
    return tuple(done.values())


def _request_models(api: Api, models: dict[str, Model]) -> list[str]:
    """Every model a request can send: those bodies and parameters name, and theirs."""
    todo: set[str] = set()
    for resource in api.resources:
        for op in resource.operations:
            if op.body is not None and op.preset_body is None:
                todo |= model_names_in(op.body.schema)
            for parameter in op.parameters:
                todo |= model_names_in(parameter.schema)
    found: set[str] = set()
    while todo:
        name = todo.pop()
        if name in found or name not in models:
            continue
        found.add(name)
        todo |= model_names_in(models[name].schema)
    return sorted(found)


@dataclass(frozen=True)
class _Shape:
    properties: dict[str, dict[str, Any]]
    required: frozenset[str]
    open: bool  # other keys allowed
    extra: dict[str, Any]  # their schema ({}: any)


def _object_shape(
    schema: dict[str, Any],
    models: dict[str, Model],
    seen: frozenset[str] = frozenset(),
    member: bool = False,
) -> _Shape | None:
    """An object's keys with its ``allOf`` members merged; ``None``: not an object.

    An ``allOf`` member may say no more than ``required`` (or nothing at all)."""
    ref = schema.get("$ref")
    if isinstance(ref, str):
        name = ref[len(MODEL_REF_PREFIX) :] if ref.startswith(MODEL_REF_PREFIX) else ""
        if name not in models or name in seen:
            return None
        return _object_shape(models[name].schema, models, seen | {name}, member)
    alternatives = [m for k in ("oneOf", "anyOf") for m in schema.get(k) or []]
    if alternatives and not all(_only_required(m) for m in alternatives):
        return None
    members = schema.get("allOf") or []
    if not members and "properties" not in schema and not member:
        return None
    kind = schema.get("type", "object")
    if kind != "object" and not (isinstance(kind, list) and "object" in kind):
        return None
    properties = {
        key: sub
        for key, sub in (schema.get("properties") or {}).items()
        if isinstance(sub, dict) and not sub.get("readOnly")
    }
    required = {r for r in schema.get("required") or [] if isinstance(r, str)}
    if alternatives:  # "one of these keys is required": those all alternatives require
        required |= set.intersection(*(set(m.get("required") or []) for m in alternatives))
    extra = schema.get("additionalProperties")
    shape = _Shape(properties, frozenset(required), extra not in (None, False), _schema(extra))
    for member in members:
        part = _object_shape(member, models, seen, True) if isinstance(member, dict) else None
        if part is None:
            return None
        for key, sub in part.properties.items():
            if key in shape.properties and shape.properties[key] != sub:
                shape.properties[key] = {}  # two definitions: either is sent as given
            else:
                shape.properties.setdefault(key, sub)
        shape = _Shape(
            shape.properties,
            shape.required | part.required,
            shape.open or part.open,
            shape.extra or part.extra,
        )
    return shape


_NOTES = frozenset({"description", "title"})


def _only_required(alternative: Any) -> bool:
    """An alternative that only requires keys (``anyOf: [{required: [a]}, {required: [b]}]``):
    a TypedDict can't say "a or b", so it leaves both optional."""
    return isinstance(alternative, dict) and set(alternative) <= _NOTES | {"required"}


def _schema(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _typed_dict(name: str, model: Model, shape: _Shape, names: list[str]) -> TypedDictPlan:
    bound = {param_name(n) for n in names} | {"models", "datetime", "builtins"}
    keys = []
    for key, sub in shape.properties.items():
        hint = type_hint(sub, _CTX)
        bound |= {n.text.split(".")[0] for n in names_in(hint)}
        doc = code.docstring(str(sub.get("description") or ""))
        keys.append(KeyPlan(key, hint, key in shape.required, doc))
    bound |= {_REQUIRED.text, _TYPED_DICT.text}
    functional = not all(_attribute(k.key, bound) for k in keys)
    description = str(model.schema.get("description") or "")
    text = f"``models.{name}`` as a dict" + (f": {description}" if description.strip() else ".")
    return TypedDictPlan(code.name(param_name(name)), code.docstring(text), tuple(keys), functional)


def _attribute(key: str, bound: set[str]) -> bool:
    """``key`` can be a class attribute and mean itself: an ASCII identifier (no NFKC
    folding), no keyword, no private ``__name`` (mangled), no name the module binds."""
    return (
        key.isascii()
        and key.isidentifier()
        and not keyword.iskeyword(key)
        and not (key.startswith("__") and not key.endswith("__"))
        and key not in bound
    )


def _open_mapping(shape: _Shape) -> Expr:
    """An object that takes other keys: a mapping to its values' types."""
    values = [type_hint(s, _CTX) for s in shape.properties.values()]
    values.append(type_hint(shape.extra, _CTX))
    return Subscript(_MAPPING, (_STR, union(values)))


def _alias_value(schema: dict[str, Any]) -> Expr:
    """A model that is not an object, as the type of its dicts: a union's members
    that are models as their ``TypedDict`` alone (the body takes the models beside)."""
    members = [m for k in ("oneOf", "anyOf") for m in schema.get(k) or [] if isinstance(m, dict)]
    if not members or "properties" in schema:
        return type_hint(schema, _CTX)
    parts = [_member(m) for m in members]
    return union([*parts, NONE] if nullable(schema) else parts)


def _member(schema: dict[str, Any]) -> Expr:
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith(MODEL_REF_PREFIX) and not nullable(schema):
        return _CTX.param(ref[len(MODEL_REF_PREFIX) :])
    return type_hint(schema, _CTX)
