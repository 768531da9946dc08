"""JSON Schema → Python type expressions (``generator.emit.expressions`` trees).

Models are referred to as ``models.<Name>``. Parameters and bodies take the
friendliest types that serialise correctly (``Sequence[str]``, ``datetime | str``),
and a model there is also taken as its ``TypedDict`` (``params.<Name>Param``, see
``generator.emit.params``), so that a dict literal is checked; responses get
exactly the schema's type. Names in ``shadowed`` (a resource
class with a method called ``list``) are spelt ``builtins.list``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.emit.expressions import (
    ANY,
    NONE,
    Expr,
    Import,
    Literal,
    Name,
    Subscript,
    from_import,
    module_name,
    union,
)
from generator.ir.hoist import MODEL_REF_PREFIX

__all__ = [
    "MODELS",
    "MODULES_BOUND",
    "PARAMS",
    "TypeContext",
    "model_names_in",
    "nullable",
    "param_name",
    "type_hint",
]

MODELS = Import("..", "models")
"""How a resource module binds the models module."""
PARAMS = Import("..", "params")
"""How a resource module binds the request ``TypedDict`` module."""
_PARAM_SUFFIX = "Param"
_BUILTINS = "builtins"
_DATETIME = "datetime"
MODULES_BOUND = frozenset({MODELS.bound, PARAMS.bound, _BUILTINS, _DATETIME})
"""The modules a type expression may bind by name (``models.Job``, ``datetime.date``)."""

_SCALARS = {"integer": "int", "number": "float", "boolean": "bool"}


def param_name(model: str) -> str:
    """The request ``TypedDict`` (or alias) of a model: ``JobRequest`` -> ``JobRequestParam``.

    Always the model's name and a suffix, so the names are as stable as the
    models' and two models never share one.
    """
    return model + _PARAM_SUFFIX


@dataclass(frozen=True)
class TypeContext:
    for_parameter: bool = False
    """Types for what the client sends: friendlier types, and models taken as TypedDicts."""
    shadowed: frozenset[str] = frozenset()
    models: Import | None = MODELS
    """How the models module is bound; ``None``: the expressions live in it."""
    datetime_alias: str = ""
    """The name ``import datetime`` binds, when not ``datetime``."""
    params: Import | None = PARAMS
    """How the request ``TypedDict`` module is bound; ``None``: the expressions live in it."""

    def builtin(self, name: str) -> Name:
        return module_name(_BUILTINS, name) if name in self.shadowed else Name(name)

    def model(self, name: str) -> Name:
        if self.models is None:
            return Name(name)
        return Name(f"{self.models.bound}.{name}", self.models)

    def param(self, model: str) -> Name:
        """The request ``TypedDict`` of ``model``."""
        if self.params is None:
            return Name(param_name(model))
        return Name(f"{self.params.bound}.{param_name(model)}", self.params)

    def datetime(self, name: str) -> Name:
        return module_name(_DATETIME, name, self.datetime_alias)


def type_hint(schema: dict[str, Any] | None, ctx: TypeContext) -> Expr:
    if not schema:
        return ANY
    hint = _hint(schema, ctx)
    return union([hint, NONE]) if nullable(schema) else hint


def nullable(schema: dict[str, Any]) -> bool:
    kind = schema.get("type")
    return bool(schema.get("nullable")) or (isinstance(kind, list) and "null" in kind)


def _hint(schema: dict[str, Any], ctx: TypeContext) -> Expr:
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith(MODEL_REF_PREFIX):
        name = ref[len(MODEL_REF_PREFIX) :]
        if ctx.for_parameter:  # a dict checked against the TypedDict, or the model
            return union([ctx.param(name), ctx.model(name)])
        return ctx.model(name)
    if "const" in schema:
        return Literal((schema["const"],))
    if isinstance(schema.get("enum"), list):
        values = [v for v in schema["enum"] if v is not None]
        if values and all(isinstance(v, (str, int, bool)) for v in values):
            return Literal(tuple(values))
    for key in ("oneOf", "anyOf"):
        if isinstance(schema.get(key), list) and schema[key]:
            return union(type_hint(member, ctx) for member in schema[key])
    if isinstance(schema.get("allOf"), list) and len(schema["allOf"]) == 1:
        return _hint(schema["allOf"][0], ctx)
    kind = schema.get("type")
    if isinstance(kind, list):
        return union(_hint({**schema, "type": k}, ctx) for k in kind if k != "null")
    if kind == "string":
        return _string(schema, ctx)
    if kind in _SCALARS:
        return Name(_SCALARS[kind])
    if kind == "null":
        return NONE
    if kind == "array":
        item = type_hint(schema.get("items") or {}, ctx)
        if ctx.for_parameter:
            return Subscript(from_import("collections.abc", "Sequence"), (item,))
        return Subscript(ctx.builtin("list"), (item,))
    if kind == "object" or "properties" in schema or "additionalProperties" in schema:
        extra = schema.get("additionalProperties")
        value = type_hint(extra, ctx) if isinstance(extra, dict) and extra else ANY
        if ctx.for_parameter:
            return Subscript(from_import("collections.abc", "Mapping"), (Name("str"), value))
        return Subscript(ctx.builtin("dict"), (Name("str"), value))
    return ANY


def _string(schema: dict[str, Any], ctx: TypeContext) -> Expr:
    fmt = schema.get("format")
    if fmt == "binary":
        return Name("bytes")
    if fmt in ("date-time", "date"):
        value = ctx.datetime("datetime" if fmt == "date-time" else "date")
        return union([value, Name("str")]) if ctx.for_parameter else value
    return Name("str")


def model_names_in(schema: Any) -> set[str]:
    """Every model a schema refers to."""
    found: set[str] = set()
    if isinstance(schema, dict):
        ref = schema.get("$ref")
        if isinstance(ref, str) and ref.startswith(MODEL_REF_PREFIX):
            found.add(ref[len(MODEL_REF_PREFIX) :])
        for value in schema.values():
            found |= model_names_in(value)
    elif isinstance(schema, list):
        for value in schema:
            found |= model_names_in(value)
    return found
