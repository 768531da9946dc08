"""Valid sample values for JSON schemas, for calling operations in tests."""

from __future__ import annotations

from typing import Any

from generator.spec import pointer as jp

_STRING_FORMATS = {
    "date-time": "2026-01-01T00:00:00Z",
    "date": "2026-01-01",
    "uuid": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
    "uri": "https://example.com/a",
    "email": "user@example.com",
}


def sample(schema: dict[str, Any] | None, root: dict[str, Any], depth: int = 0) -> Any:
    """The simplest value ``schema`` accepts: required properties only."""
    if not schema or depth > 20:
        return {}
    if "$ref" in schema:
        return sample(jp.follow(root, schema["$ref"]), root, depth + 1)
    if "example" in schema and _simple(schema["example"]):
        return schema["example"]
    if "default" in schema and schema["default"] not in ("", None):
        return schema["default"]
    if "enum" in schema:
        return next(v for v in schema["enum"] if v is not None)
    for key in ("oneOf", "anyOf"):
        if schema.get(key):
            return sample(schema[key][0], root, depth + 1)
    if schema.get("allOf"):
        merged: dict[str, Any] = {}
        for part in schema["allOf"]:
            value = sample(part, root, depth + 1)
            if isinstance(value, dict):
                merged.update(value)
        return merged
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next(k for k in kind if k != "null")
    if kind == "string":
        value = _STRING_FORMATS.get(schema.get("format", ""), "a")
        return value * max(1, int(schema.get("minLength", 1))) if value == "a" else value
    if kind == "integer":
        return int(schema.get("minimum", 1))
    if kind == "number":
        return float(schema.get("minimum", 1))
    if kind == "boolean":
        return True
    if kind == "array":
        return [
            sample(schema.get("items"), root, depth + 1)
            for _ in range(int(schema.get("minItems", 1)))
        ]
    properties = schema.get("properties", {})
    return {
        name: sample(properties.get(name), root, depth + 1) for name in schema.get("required", [])
    }


def _simple(value: Any) -> bool:
    return isinstance(value, (str, int, float, bool)) and not isinstance(value, list)
