"""Compositions rewritten into what Python classes can express.

* ``simplify``: compositions that say nothing go (empty members, a lone
  member with nothing beside it).
* ``merge_conflicting_all_of``: ``allOf`` members become base classes, and
  Python can't inherit one attribute with two types; when members define a
  property differently, they are merged into one object instead, and an
  ``allOf`` holding a union is distributed over the union's options.
"""

from __future__ import annotations

from typing import Any

from generator.spec.dereference import Resolved

__all__ = ["COMPOSITIONS", "NOT_STRUCTURAL", "merge_conflicting_all_of", "simplify"]

NOT_STRUCTURAL = frozenset({"description", "title", "example", "examples", "deprecated"})
COMPOSITIONS = ("allOf", "oneOf", "anyOf")

_WRAPPER_KEYS = NOT_STRUCTURAL | {"discriminator", "nullable", "default", "readOnly", "writeOnly"}


def simplify(node: Any) -> Any:
    """``node`` without compositions that say nothing.

    Empty members of ``allOf``/``oneOf``/``anyOf`` are dropped, and a
    composition of one member with nothing else beside it is that member
    (with the wrapper's description when the member is inline, and the
    wrapper's ``nullable: true`` either way).
    """
    if not isinstance(node, dict) or "$ref" in node:
        return node
    if not any(isinstance(node.get(k), list) for k in COMPOSITIONS):
        return node
    node = dict(node)
    for k in COMPOSITIONS:
        if isinstance(node.get(k), list):
            members = [m for m in node[k] if m != {}]
            if members:
                node[k] = members
            else:
                del node[k]
    for k in COMPOSITIONS:
        members = node.get(k)
        if isinstance(members, list) and len(members) == 1 and set(node) - _WRAPPER_KEYS == {k}:
            member = members[0]
            if isinstance(member, dict) and "$ref" in member:
                return {**member, "nullable": True} if node.get("nullable") is True else member
            rest = {x: v for x, v in node.items() if x not in (k, "discriminator")}
            return simplify({**rest, **member} if isinstance(member, dict) else node)
    return node


def merge_conflicting_all_of(node: Any, resolved: Resolved) -> Any:
    """``node`` as one object when its ``allOf`` members define a property differently.

    Each ``allOf`` member would be a base class, and Python can't inherit one
    attribute with two types. All members apply at once, so their properties
    and ``required`` lists are merged, later members winning, into the node.
    """
    members = node.get("allOf") if isinstance(node, dict) else None
    if not isinstance(members, list) or len(members) < 2:
        return node
    flat = [_flat_object(m, resolved, frozenset()) for m in members]
    if sum(f is None for f in flat) == 1:
        return _distribute_union(node, members, flat, resolved)
    if any(f is None for f in flat):
        return node
    seen: dict[str, Any] = {}
    conflict = False
    for member in flat:
        for name, sub in (member or {}).get("properties", {}).items():
            conflict = conflict or (name in seen and seen[name] != sub)
            seen[name] = sub
    if not conflict:
        return node
    merged = {k: v for k, v in node.items() if k != "allOf"}
    own = _flat_object(merged, resolved, frozenset()) or {}
    properties: dict[str, Any] = {}
    required: list[str] = []
    for member in [*flat, own]:
        properties.update((member or {}).get("properties", {}))
        required += [r for r in (member or {}).get("required", []) if r not in required]
    merged.update(type="object", properties=properties)
    if required:
        merged["required"] = required
    return merged


_OBJECT_KEYS = ("type", "properties", "required", "additionalProperties")


def _distribute_union(
    node: dict[str, Any], members: list[Any], flat: list[Any], resolved: Resolved
) -> Any:
    """``allOf: [oneOf: [A, B], C]`` as ``oneOf: [allOf: [A, C], allOf: [B, C]]``.

    Only when some option defines a property of C differently: otherwise each
    option inherits from C without a clash, as datamodel-code-generator writes it.
    """
    index = next(i for i, f in enumerate(flat) if f is None)
    union = resolved.follow(members[index])
    kind = next((k for k in ("oneOf", "anyOf") if isinstance(union, dict) and k in union), None)
    if kind is None or not isinstance(union[kind], list):
        return node
    others = [m for i, m in enumerate(members) if i != index]
    shared = {k: v for k, v in node.items() if k in _OBJECT_KEYS}
    common = _flat_object({"allOf": others, **shared}, resolved, frozenset())
    options = [_flat_object(option, resolved, frozenset()) for option in union[kind]]
    if common is None or any(option is None for option in options):
        return node
    clash = any(
        name in common["properties"] and common["properties"][name] != sub
        for option in options
        for name, sub in (option or {}).get("properties", {}).items()
    )
    if not clash:
        return node
    rest = {k: v for k, v in node.items() if k != "allOf" and k not in _OBJECT_KEYS}
    return {**rest, kind: [{"allOf": [option, *others], **shared} for option in union[kind]]}


def _flat_object(node: Any, resolved: Resolved, seen: frozenset[str]) -> dict[str, Any] | None:
    """Properties and required names of an object schema and its ``allOf``; None if not one."""
    if isinstance(node, dict) and isinstance(node.get("$ref"), str):
        if node["$ref"] in seen:
            return None
        seen = seen | {node["$ref"]}
        node = resolved.follow(node)
    if not isinstance(node, dict) or any(k in node for k in ("oneOf", "anyOf", "not")):
        return None
    properties = dict(node.get("properties") or {})
    required = [r for r in node.get("required") or [] if isinstance(r, str)]
    for member in node.get("allOf") or []:
        inner = _flat_object(member, resolved, seen)
        if inner is None:
            return None
        properties = {**inner["properties"], **properties}
        required += [r for r in inner["required"] if r not in required]
    return {"properties": properties, "required": required}
