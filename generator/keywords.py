"""JSON Schema keywords the generated models can't check, said rather than dropped.

pydantic v2 (through datamodel-code-generator) expresses types, enums,
``const``, numeric and length bounds, ``pattern``, ``prefixItems`` (tuples),
``additionalProperties``, ``patternProperties``, nullability and the
compositions. The keywords in ``UNCHECKED`` have no pydantic form: the
generator leaves them out of the model and says so with the JSON pointer of
each. ``prefixItems`` is kept but loosened: datamodel-code-generator types a
tuple as ``list[Any]``, so its item types are not checked, and that is said too. The same goes for a
``format`` that neither the type hints nor datamodel-code-generator know
(``format: ulid-ish``): the value is typed by its ``type`` alone.
"""

from __future__ import annotations

from typing import Any

from datamodel_code_generator.parser.jsonschema import json_schema_data_formats

__all__ = ["LOOSENED", "UNCHECKED", "unchecked_keywords", "unknown_format"]

UNCHECKED = frozenset(
    {
        "not",
        "if",
        "then",
        "else",
        "contains",
        "minContains",
        "maxContains",
        "propertyNames",
        "dependentSchemas",
        "dependentRequired",
        "dependencies",
        "unevaluatedProperties",
        "unevaluatedItems",
        "minProperties",
        "maxProperties",
        "$dynamicRef",
        "$recursiveRef",
        "contentSchema",
    }
)


LOOSENED = frozenset({"prefixItems"})


def unchecked_keywords(node: dict[str, Any]) -> list[str]:
    """The keywords of ``node`` that the client does not check, in document order."""
    return [key for key in node if key in UNCHECKED or key in LOOSENED]


def unknown_format(node: dict[str, Any]) -> bool:
    """``node`` has a ``format`` that no generator part understands for its type."""
    fmt = node.get("format")
    if not isinstance(fmt, str):
        return False
    kinds = node.get("type")
    kinds = kinds if isinstance(kinds, list) else [kinds or "string"]
    return not any(fmt in json_schema_data_formats.get(str(kind), {}) for kind in kinds)
