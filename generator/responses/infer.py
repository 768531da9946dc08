"""A schema for values seen in answers: the loosest reading of what was sent,
for members the spec does not describe."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = ["MAP_KEYS", "infer_schema", "json_type"]

MAP_KEYS = 16
"""An object with more distinct member names than this across the answers (or only
digit names, as qubit numbers) is a map: ``additionalProperties``, not ``properties``."""


def json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def infer_schema(values: Iterable[Any], oas31: bool = False) -> dict[str, Any]:
    """One schema every value in ``values`` fits (none: any value)."""
    by_type: dict[str, list[Any]] = {}
    for value in values:
        by_type.setdefault(json_type(value), []).append(value)
    nullable = by_type.pop("null", None) is not None
    if "integer" in by_type and "number" in by_type:
        by_type["number"] += by_type.pop("integer")
    options = [_of_type(kind, seen, oas31) for kind, seen in sorted(by_type.items())]
    schema: dict[str, Any] = (
        options[0] if len(options) == 1 else {"anyOf": options} if options else {}
    )
    if nullable:
        if oas31 and "type" in schema:
            schema["type"] = [schema["type"], "null"]
        elif oas31:
            schema = {"anyOf": [schema, {"type": "null"}]} if schema else {}
        else:
            schema["nullable"] = True
    return schema


def _of_type(kind: str, seen: list[Any], oas31: bool) -> dict[str, Any]:
    if kind == "array":
        items = infer_schema((item for value in seen for item in value), oas31)
        return {"type": "array", "items": items}
    if kind != "object":
        return {"type": kind}
    names: dict[str, list[Any]] = {}
    for value in seen:
        for name, member in value.items():
            names.setdefault(name, []).append(member)
    if not names:
        return {"type": "object"}
    if len(names) > MAP_KEYS or all(name.isdigit() for name in names):
        members = [m for found in names.values() for m in found]
        return {"type": "object", "additionalProperties": infer_schema(members, oas31)}
    return {
        "type": "object",
        "properties": {name: infer_schema(found, oas31) for name, found in names.items()},
    }
