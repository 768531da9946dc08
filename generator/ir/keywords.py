r"""JSON Schema keywords the generated models can't check, said rather than dropped.

pydantic v2 (through datamodel-code-generator) expresses types, enums,
``const``, numeric and length bounds, ``pattern``, ``prefixItems`` (tuples),
``additionalProperties``, ``patternProperties``, nullability and the
compositions. The keywords in ``UNCHECKED`` have no pydantic form: the
generator leaves them out of the model and says so with the JSON pointer of
each. ``prefixItems`` is kept but loosened: datamodel-code-generator types a
tuple as ``list[Any]``, so its item types are not checked, and that is said too. The same goes for a
``format`` that neither the type hints nor datamodel-code-generator know
(``format: ulid-ish``): the value is typed by its ``type`` alone. And
``enum``/``const`` values that a ``Literal`` can't hold (numbers with a
fraction, objects, arrays) are checked by their JSON type only.

Two more are left out so that the client imports whatever the spec says: a
``format`` whose pydantic type needs a package the client does not depend on
(``email`` → ``EmailStr`` needs email-validator; the client keeps to httpx and
pydantic, so the value is a plain ``str``), and a ``pattern`` that pydantic-core
can't compile (its Rust regex engine has no look-around, backreferences or
``\p{Print}``, and refuses a compiled size over 10 MiB), which would fail at import.
"""

from __future__ import annotations

import functools
import json
from functools import cache
from typing import Any

__all__ = [
    "LOOSENED",
    "UNCHECKED",
    "json_type",
    "literal_misfits",
    "literal_value",
    "package_format",
    "pattern_problem",
    "unchecked_keywords",
    "unknown_format",
]

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
    known = _known_formats()
    return not any(fmt in known.get(str(kind), ()) for kind in kinds)


@cache
def _known_formats() -> dict[str, frozenset[str]]:
    """datamodel-code-generator's formats by type (``generator.ir.known_formats``:
    without loading the library for the version they were read from)."""
    from generator.ir.known_formats import known_formats

    return known_formats()


_PACKAGE_FORMATS = {
    "email": "email-validator",
    "idn-email": "email-validator",
    "ulid": "python-ulid",
}


def package_format(node: dict[str, Any]) -> str | None:
    """The package the pydantic type of ``node``'s ``format`` needs, if it needs one."""
    fmt = node.get("format")
    return _PACKAGE_FORMATS.get(fmt) if isinstance(fmt, str) else None


@functools.lru_cache(maxsize=4096)
def pattern_problem(pattern: str) -> str | None:
    """Why pydantic-core can't compile ``pattern`` (as a model field's ``pattern``), or None."""
    from pydantic_core import SchemaError, SchemaValidator, core_schema

    try:
        SchemaValidator(core_schema.str_schema(pattern=pattern))
    except SchemaError as exc:
        lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
        return (lines[-1] if lines else "invalid").removeprefix("SchemaError: ")[:200]
    return None


def literal_value(value: Any) -> bool:
    """A JSON value ``Literal[...]`` can hold: a string, integer, boolean or null."""
    return value is None or isinstance(value, (str, int, bool))


def json_type(value: Any) -> str:
    """The JSON Schema ``type`` of a JSON value."""
    kinds = [
        ("boolean", bool),
        ("integer", int),
        ("number", float),
        ("string", str),
        ("object", dict),
        ("array", list),
    ]
    return next((kind for kind, python in kinds if isinstance(value, python)), "null")


def literal_misfits(node: dict[str, Any]) -> list[tuple[str, str]]:
    """(keyword, message) for each ``enum``/``const`` holding values no ``Literal`` can."""
    found = []
    members = node.get("enum")
    misfits = [v for v in members if not literal_value(v)] if isinstance(members, list) else []
    if "const" in node and not literal_value(node["const"]):
        found.append(
            (
                "const",
                f"const {json.dumps(node['const'])} is checked as any {json_type(node['const'])}",
            )
        )
    if misfits:
        kinds = sorted({json_type(v) for v in misfits})
        found.append(
            ("enum", f"enum members {json.dumps(misfits)} are checked as any {' or '.join(kinds)}")
        )
    return found
