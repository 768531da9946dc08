"""JSON Schema → Python type expressions, as source text.

Models are referred to as ``models.<Name>``. Parameters take the friendliest
types that serialise correctly (``Sequence[str]``, ``datetime | str``);
responses get exactly the schema's type. Names in ``shadowed`` (a resource
class with a method called ``list``) are spelt ``builtins.list``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from generator.ir.hoist import MODEL_REF_PREFIX

__all__ = ["TypeContext", "model_names_in", "type_hint"]


@dataclass(frozen=True)
class TypeContext:
    for_parameter: bool = False
    shadowed: frozenset[str] = frozenset()
    model_prefix: str = "models."

    def builtin(self, name: str) -> str:
        return f"builtins.{name}" if name in self.shadowed else name


def type_hint(schema: dict[str, Any] | None, ctx: TypeContext) -> str:
    if not schema:
        return "Any"
    hint = _hint(schema, ctx)
    if _nullable(schema) and hint != "Any" and not hint.endswith("| None"):
        hint += " | None"
    return hint


def _nullable(schema: dict[str, Any]) -> bool:
    kind = schema.get("type")
    return bool(schema.get("nullable")) or (isinstance(kind, list) and "null" in kind)


def _hint(schema: dict[str, Any], ctx: TypeContext) -> str:
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith(MODEL_REF_PREFIX):
        return ctx.model_prefix + ref[len(MODEL_REF_PREFIX) :]
    if "const" in schema:
        return f"Literal[{schema['const']!r}]"
    if isinstance(schema.get("enum"), list):
        values = [v for v in schema["enum"] if v is not None]
        if values and all(isinstance(v, (str, int, bool)) for v in values):
            return "Literal[" + ", ".join(repr(v) for v in values) + "]"
    for key in ("oneOf", "anyOf"):
        if isinstance(schema.get(key), list) and schema[key]:
            return _union(type_hint(member, ctx) for member in schema[key])
    if isinstance(schema.get("allOf"), list) and len(schema["allOf"]) == 1:
        return _hint(schema["allOf"][0], ctx)
    kind = schema.get("type")
    if isinstance(kind, list):
        return _union(_hint({**schema, "type": k}, ctx) for k in kind if k != "null")
    if kind == "string":
        return _string(schema, ctx)
    if kind == "integer":
        return "int"
    if kind == "number":
        return "float"
    if kind == "boolean":
        return "bool"
    if kind == "null":
        return "None"
    if kind == "array":
        item = type_hint(schema.get("items") or {}, ctx)
        return f"Sequence[{item}]" if ctx.for_parameter else f"{ctx.builtin('list')}[{item}]"
    if kind == "object" or "properties" in schema or "additionalProperties" in schema:
        extra = schema.get("additionalProperties")
        value = type_hint(extra, ctx) if isinstance(extra, dict) and extra else "Any"
        return (
            f"Mapping[str, {value}]"
            if ctx.for_parameter
            else f"{ctx.builtin('dict')}[str, {value}]"
        )
    return "Any"


def _string(schema: dict[str, Any], ctx: TypeContext) -> str:
    fmt = schema.get("format")
    if fmt == "binary":
        return "bytes"
    if fmt == "date-time":
        return "datetime.datetime | str" if ctx.for_parameter else "datetime.datetime"
    if fmt == "date":
        return "datetime.date | str" if ctx.for_parameter else "datetime.date"
    return "str"


def _top_level_parts(hint: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for index, char in enumerate(hint):
        depth += char in "[("
        depth -= char in "])"
        if depth == 0 and hint.startswith(" | ", index):
            parts.append(hint[start:index])
            start = index + 3
    parts.append(hint[start:])
    return parts


def _union(hints: Iterable[str]) -> str:
    seen: list[str] = []
    for hint in hints:
        for part in _top_level_parts(hint):
            if part not in seen:
                seen.append(part)
    if "Any" in seen:
        return "Any"
    nones = [p for p in seen if p == "None"]
    return " | ".join([p for p in seen if p != "None"] + nones)


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
