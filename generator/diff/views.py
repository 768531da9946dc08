"""What a schema node says, read the same way on both sides of a comparison.

``$ref`` chains are followed with the pointer moving to the target and the
display path restarting at a component's name; ``allOf`` parts are merged
into one set of properties; a type list, ``nullable`` and a ``null`` enum
value all mean "accepts null".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.spec import pointer as jp
from generator.spec.dereference import Resolved

__all__ = [
    "SchemaSide",
    "covers",
    "follow_schema",
    "has_flag",
    "is_nullable",
    "object_view",
    "types_of",
]

_COMPONENT_SCHEMAS = "/components/schemas/"


@dataclass(frozen=True)
class SchemaSide:
    """A schema node as found in one spec, with its pointer and display path."""

    node: Any
    pointer: str
    path: str


def follow_schema(spec: Resolved, side: SchemaSide) -> SchemaSide:
    node, pointer, path = side.node, side.pointer, side.path
    for _ in range(100):
        if not (isinstance(node, dict) and isinstance(node.get("$ref"), str)):
            break
        pointer = node["$ref"].lstrip("#")
        if pointer.startswith(_COMPONENT_SCHEMAS):
            path = jp.parse(pointer)[2]
        node = jp.follow(spec.spec, pointer)
    return SchemaSide(node if isinstance(node, dict) else {}, pointer, path)


def types_of(schema: dict[str, Any]) -> frozenset[str]:
    kind = schema.get("type")
    types = set(kind) if isinstance(kind, list) else {kind} if isinstance(kind, str) else set()
    if not types and isinstance(schema.get("properties"), dict):
        types = {"object"}
    if not types and "items" in schema:
        types = {"array"}
    if not types:
        types = set(_member_types(schema))
    return frozenset(types - {"null"})


def _member_types(schema: dict[str, Any]) -> frozenset[str]:
    """The types of an ``anyOf``/``oneOf`` whose members all say theirs (else: any type)."""
    for keyword in ("anyOf", "oneOf"):
        members = schema.get(keyword)
        if isinstance(members, list) and members and all(isinstance(m, dict) for m in members):
            found = [types_of(m) | ({"null"} if is_nullable(m) else set()) for m in members]
            if all(found):
                return frozenset().union(*found)
    return frozenset()


def is_nullable(schema: dict[str, Any]) -> bool:
    kind = schema.get("type")
    return (
        schema.get("nullable") is True
        or (isinstance(kind, list) and "null" in kind)
        or (isinstance(schema.get("enum"), list) and None in schema["enum"])
    )


def covers(wide: frozenset[str], narrow: frozenset[str]) -> bool:
    """Every value of a ``narrow`` type is a value of ``wide`` (no type: anything)."""
    if not wide:
        return True
    return all(t in wide or (t == "integer" and "number" in wide) for t in narrow) and bool(narrow)


def has_flag(spec: Resolved, node: Any, name: str) -> bool:
    return bool(spec.follow(node).get(name, False)) if isinstance(node, dict) else False


def object_view(spec: Resolved, side: SchemaSide) -> tuple[dict[str, tuple[Any, str]], set[str]]:
    """Properties (node, pointer) and required names, with ``allOf`` parts merged."""
    properties: dict[str, tuple[Any, str]] = {}
    required: set[str] = set()
    pending = [(side.node, side.pointer)]
    seen: set[str] = set()
    while pending:
        node, pointer = pending.pop(0)
        if isinstance(node, dict) and isinstance(node.get("$ref"), str):
            pointer = node["$ref"].lstrip("#")
            if pointer in seen:
                continue
            seen.add(pointer)
            node = spec.follow(node)
        if not isinstance(node, dict):
            continue
        for name, child in (node.get("properties") or {}).items():
            properties.setdefault(str(name), (child, jp.join(pointer, "properties", name)))
        required.update(str(r) for r in node.get("required") or [])
        for index, part in enumerate(node.get("allOf") or []):
            pending.append((part, jp.join(pointer, "allOf", index)))
    return properties, required
