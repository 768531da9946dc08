"""An answer walked beside its schema: which schema describes a value, and which
members of an answer's objects no schema describes.

Both follow ``$ref`` and look through ``allOf``, ``anyOf`` and ``oneOf``: a
member is described when any schema of the composition (for ``anyOf`` and
``oneOf``, the branch naming most of the object's members) lists it under
``properties`` or gives ``additionalProperties`` a schema. An object schema
without ``properties`` is free-form on purpose and is not searched.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from generator.spec import pointer as jp

__all__ = ["Undocumented", "resolved_pointer", "schema_at", "undocumented"]


@dataclass(frozen=True)
class Undocumented:
    schema_pointer: str  # the object schema that would list the member
    name: str
    answer_pointer: str
    value: Any


def _resolved(spec: dict[str, Any], pointer: str) -> tuple[str, Any]:
    node = jp.follow(spec, pointer)
    for _ in range(100):
        if not (isinstance(node, dict) and isinstance(node.get("$ref"), str)):
            break
        pointer = node["$ref"].split("#", 1)[-1]
        node = jp.follow(spec, pointer)
    return pointer, node


def resolved_pointer(spec: dict[str, Any], pointer: str) -> str:
    """``pointer``, or where the chain of ``$ref`` starting there ends."""
    return _resolved(spec, pointer)[0]


def _branches(pointer: str, node: dict[str, Any]) -> Iterator[str]:
    for keyword in ("allOf", "anyOf", "oneOf"):
        for index, _ in enumerate(node.get(keyword) or []):
            yield jp.join(pointer, keyword, index)


def _child(spec: dict[str, Any], pointer: str, token: str | int, value: Any) -> str | None:
    """The pointer of the schema of ``value[token]`` under the schema at ``pointer``."""
    pointer, node = _resolved(spec, pointer)
    if not isinstance(node, dict):
        return None
    if isinstance(value, list) and isinstance(token, int) and isinstance(node.get("items"), dict):
        return jp.join(pointer, "items")
    if isinstance(value, dict) and isinstance(token, str):
        if token in (node.get("properties") or {}):
            return jp.join(pointer, "properties", token)
        if isinstance(node.get("additionalProperties"), dict):
            return jp.join(pointer, "additionalProperties")
    for branch in _branches(pointer, node):
        found = _child(spec, branch, token, value)
        if found is not None:
            return found
    return None


def schema_at(spec: dict[str, Any], pointer: str, data: Any, path: Sequence[str | int]) -> str:
    """The spec pointer of the schema that describes ``data`` at ``path`` (or the
    deepest schema on the way there)."""
    value = data
    for token in path:
        found = _child(spec, pointer, token, value)
        if found is None:
            break
        pointer = found
        present = isinstance(value, (dict, list)) and (
            token in value if isinstance(value, dict) else 0 <= int(token) < len(value)
        )
        if not present:  # a required member that is missing: its schema, no value
            break
        value = value[token]
    return _resolved(spec, pointer)[0]


@dataclass
class _Members:
    owner: str | None = None  # the first schema listing properties
    named: dict[str, str] | None = None  # member -> its schema's pointer
    mapped: str | None = None  # additionalProperties schema


def _members(spec: dict[str, Any], pointer: str, keys: set[str], into: _Members) -> None:
    pointer, node = _resolved(spec, pointer)
    if not isinstance(node, dict):
        return
    properties = node.get("properties")
    if isinstance(properties, dict):
        if into.owner is None:
            into.owner = pointer
        named = into.named if into.named is not None else {}
        for name in properties:
            named.setdefault(name, jp.join(pointer, "properties", name))
        into.named = named
    if isinstance(node.get("additionalProperties"), dict) and into.mapped is None:
        into.mapped = jp.join(pointer, "additionalProperties")
    for index, _ in enumerate(node.get("allOf") or []):
        _members(spec, jp.join(pointer, "allOf", index), keys, into)
    for keyword in ("anyOf", "oneOf"):
        options = node.get(keyword) or []
        if options:
            best = max(range(len(options)), key=lambda i: _overlap(spec, pointer, keyword, i, keys))
            _members(spec, jp.join(pointer, keyword, best), keys, into)


def _overlap(spec: dict[str, Any], pointer: str, keyword: str, index: int, keys: set[str]) -> int:
    found = _Members()
    _members(spec, jp.join(pointer, keyword, index), keys, found)
    return len(keys & set(found.named or {}))


def undocumented(
    spec: dict[str, Any], pointer: str, data: Any, answer: str = ""
) -> Iterator[Undocumented]:
    """Every member of ``data``'s objects that the schema at ``pointer`` does not describe."""
    if isinstance(data, list):
        child = _child(spec, pointer, 0, data)
        if child is not None:
            for index, item in enumerate(data):
                yield from undocumented(spec, child, item, jp.join(answer, index))
        return
    if not isinstance(data, dict):
        return
    found = _Members()
    _members(spec, pointer, set(data), found)
    for key, value in data.items():
        place = jp.join(answer, key)
        if found.named is not None and key in found.named:
            yield from undocumented(spec, found.named[key], value, place)
        elif found.mapped is not None:
            yield from undocumented(spec, found.mapped, value, place)
        elif found.owner is not None:
            yield Undocumented(found.owner, key, place, value)
