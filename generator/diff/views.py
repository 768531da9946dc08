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
    "unwrap_nullable",
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


def unwrap_nullable(spec: Resolved, side: SchemaSide) -> SchemaSide:
    """``anyOf``/``oneOf`` of one schema and ``{type: 'null'}`` as that schema, nullable.

    It is how OpenAPI 3.1 (and 3.0 with ``nullable`` members) says "X or null"; read
    so, ``string`` becoming ``anyOf [string, null]`` is "became nullable", and the
    string's own keywords are compared with the string's.
    """
    node = side.node
    if "type" in node or "properties" in node:
        return side
    for keyword in ("anyOf", "oneOf"):
        members = node.get(keyword)
        if not isinstance(members, list) or len(members) < 2:
            continue
        others = [
            (i, m) for i, m in enumerate(members) if not (isinstance(m, dict) and _own_null(m))
        ]
        if len(others) != 1 or len(others[0][1]) == 0:
            continue
        index, member = others[0]
        inner = follow_schema(
            spec, SchemaSide(member, jp.join(side.pointer, keyword, index), side.path)
        )
        rest = {k: v for k, v in node.items() if k not in (keyword, "description", "title")}
        return SchemaSide({**inner.node, **rest, "nullable": True}, inner.pointer, inner.path)
    return side


def types_of(schema: dict[str, Any], spec: Resolved | None = None) -> frozenset[str]:
    kind = schema.get("type")
    types = set(kind) if isinstance(kind, list) else {kind} if isinstance(kind, str) else set()
    if not types and isinstance(schema.get("properties"), dict):
        types = {"object"}
    if not types and "items" in schema:
        types = {"array"}
    if not types:
        types = set(_member_types(schema, spec))
    return frozenset(types - {"null"})


def _member_types(schema: dict[str, Any], spec: Resolved | None) -> frozenset[str]:
    """The types of an ``anyOf``/``oneOf`` whose members all say theirs (else: any type);
    ``spec`` given, members that are ``$ref`` say their target's."""
    for keyword in ("anyOf", "oneOf"):
        members = schema.get(keyword)
        if isinstance(members, list) and members and all(isinstance(m, dict) for m in members):
            if spec is not None:
                members = [follow_schema(spec, SchemaSide(m, "", "")).node for m in members]
            found = [
                types_of(m, spec) | ({"null"} if _own_null(m) or is_nullable(m) else set())
                for m in members
            ]
            if all(found):
                return frozenset().union(*found)
    return frozenset()


def _own_null(schema: dict[str, Any]) -> bool:
    """``{type: 'null'}`` (OpenAPI 3.1), a member that only admits null."""
    kind = schema.get("type")
    return kind == "null" or (isinstance(kind, list) and kind == ["null"])


def is_nullable(schema: dict[str, Any]) -> bool:
    """Whether ``schema`` admits null: ``nullable``, a ``null`` type or enum value, or an
    ``anyOf``/``oneOf`` member that is ``{type: 'null'}``."""
    kind = schema.get("type")
    members = [m for k in ("anyOf", "oneOf") for m in schema.get(k) or [] if isinstance(m, dict)]
    return (
        schema.get("nullable") is True
        or (isinstance(kind, list) and "null" in kind)
        or kind == "null"
        or (isinstance(schema.get("enum"), list) and None in schema["enum"])
        or any(_own_null(m) or m.get("nullable") is True for m in members)
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
