"""Discriminator values their own members reject: found after validation, repaired.

openapi-spec-validator does not check that a ``discriminator.mapping`` value is
one its member's property allows. When the member's property (or the one it
inherits through ``allOf``) has an ``enum`` without the value, the generated
member narrows the inherited field to a value outside it, which ``mypy --strict``
rejects, and the server's answers with that value fail validation. Cohere's
``ChatStreamEvent.event_type`` lists 7 events while ``StreamedChatResponse``
maps 9 to its members. The mapping is the more specific statement, so the
repair adds the missing values to the enum.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.spec.pointer import follow, join
from generator.spec.repair_rules import Fix, json_path

__all__ = ["fix_mapping_value", "mapping_problems"]


def _walk(node: Any, pointer: str) -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        yield pointer, node
        for key, value in node.items():
            if not str(key).startswith("x-"):
                yield from _walk(value, join(pointer, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, join(pointer, index))


def _enum_of(document: Any, ref: str, name: str, seen: frozenset[str]) -> str | None:
    """The pointer of the ``enum`` of property ``name`` in the schema ``ref`` names (or in
    what it inherits through ``allOf``), if there is one."""
    if not ref.startswith("#/") or ref in seen:
        return None
    try:
        schema = follow(document, ref[1:])
    except (KeyError, ValueError):
        return None
    if not isinstance(schema, dict):
        return None
    prop = (schema.get("properties") or {}).get(name)
    if isinstance(prop, dict):
        if isinstance(prop.get("$ref"), str):
            return _enum_of_schema(document, prop["$ref"])
        if isinstance(prop.get("enum"), list):
            return join(ref[1:], "properties", name, "enum")
        return None
    for index, member in enumerate(schema.get("allOf") or []):
        if isinstance(member, dict) and isinstance(member.get("$ref"), str):
            found = _enum_of(document, member["$ref"], name, seen | {ref})
        elif isinstance(member, dict):
            found = _enum_of(document, f"{ref}/allOf/{index}", name, seen | {ref})
        else:
            found = None
        if found:
            return found
    return None


def _enum_of_schema(document: Any, ref: str) -> str | None:
    try:
        target = follow(document, ref[1:])
    except (KeyError, ValueError):
        return None
    return join(ref[1:], "enum") if isinstance(target, dict) and "enum" in target else None


def mapping_problems(document: Any) -> list[tuple[str, str]]:
    """(pointer of the enum, message) for each mapping value its member's enum lacks."""
    missing: dict[str, list[str]] = {}
    places: dict[str, str] = {}
    for pointer, node in _walk(document, ""):
        discriminator = node.get("discriminator")
        if not isinstance(discriminator, dict) or not isinstance(
            discriminator.get("mapping"), dict
        ):
            continue
        name = discriminator.get("propertyName")
        for value, ref in discriminator["mapping"].items():
            if not isinstance(name, str) or not isinstance(ref, str):
                continue
            enum_pointer = _enum_of(document, ref, name, frozenset())
            if enum_pointer is None:
                continue
            allowed = follow(document, enum_pointer)
            if value not in allowed and value not in missing.get(enum_pointer, []):
                missing.setdefault(enum_pointer, []).append(value)
                places.setdefault(enum_pointer, join(pointer, "discriminator", "mapping"))
    return [
        (
            enum,
            f"{places[enum]} maps {values} to schemas whose {enum.rsplit('/', 2)[-2]!r} "
            "enum lacks them",
        )
        for enum, values in missing.items()
    ]


def fix_mapping_value(document: Any, pointer: str, message: str) -> Fix | None:
    """Add the values the message names to the enum at ``pointer`` (an update appends)."""
    start, end = message.find(" maps ["), message.find("] to schemas")
    if start < 0 or end < 0:
        return None
    import ast

    values = ast.literal_eval(message[start + len(" maps ") : end + 1])
    holder = pointer.rpartition("/")[0]
    action = {"target": json_path(document, holder), "description": "", "update": {"enum": values}}
    return Fix([action], f"add {values} to the enum")
