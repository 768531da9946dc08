"""``oneOf``/``anyOf`` members of two versions of a schema, paired by structure.

Titles are documentation, not identity: OpenAI's ``CreateEmbeddingRequest.input``
has three ``type: array`` members all titled ``array``, and pairing them by
title compared an array of strings with an array of integers. Members are
paired in rounds, each round only among the members still unpaired, the
strongest evidence first:

1. the same ``$ref`` target (the same component, whatever it now says);
2. the same discriminator value (the ``mapping``, a one-value ``enum`` or
   ``const`` of the discriminating property, or the component name);
3. identical content;
4. the same shape: types, array items' shape, property names;
5. the same types and item types, when one member on each side has them;
6. the same types, when one member on each side has them.

What is left unpaired was removed (old side) or added (new side). A schema
compared with itself therefore pairs every member with itself (round 3 at
the latest), and the report of a document against itself is empty.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

from generator.spec import pointer as jp
from generator.spec.dereference import Resolved

from .views import SchemaSide, follow_schema, is_nullable, types_of

__all__ = ["Pairing", "pair_variants", "variant_labels"]

_COMPONENT_SCHEMAS = "/components/schemas/"
_SHAPE_DEPTH = 4
_SHOWN_PROPERTIES = 4


@dataclass(frozen=True)
class Pairing:
    pairs: tuple[tuple[int, int], ...]  # (old index, new index)
    removed: tuple[int, ...]
    added: tuple[int, ...]


@dataclass(frozen=True)
class _Member:
    raw: Any
    node: dict[str, Any]  # with $ref followed
    ref: str  # the $ref target's component name, "" for an inline member
    discriminator: str | None


def pair_variants(
    old_spec: Resolved,
    new_spec: Resolved,
    old_parent: dict[str, Any],
    new_parent: dict[str, Any],
    keyword: str,
) -> Pairing:
    before = _members(old_spec, old_parent, keyword)
    after = _members(new_spec, new_parent, keyword)
    pairs: list[tuple[int, int]] = []
    left_old, left_new = list(range(len(before))), list(range(len(after)))
    for key_of, unique_only in _ROUNDS:
        old_keys = {i: key_of(old_spec, before[i]) for i in left_old}
        new_keys = {j: key_of(new_spec, after[j]) for j in left_new}
        for i in list(left_old):
            key = old_keys[i]
            if key is None:
                continue
            candidates = [j for j in left_new if new_keys[j] == key]
            if not candidates:
                continue
            if unique_only and (
                len(candidates) > 1 or sum(1 for k in left_old if old_keys[k] == key) > 1
            ):
                continue
            pairs.append((i, candidates[0]))
            left_old.remove(i)
            left_new.remove(candidates[0])
    return Pairing(tuple(sorted(pairs, key=lambda p: p[1])), tuple(left_old), tuple(left_new))


_ROUNDS: tuple[tuple[Callable[[Resolved, _Member], Hashable], bool], ...] = (
    (lambda spec, m: m.ref or None, False),
    (lambda spec, m: m.discriminator, False),
    (lambda spec, m: _canonical(m.node), False),
    (lambda spec, m: _shape(spec, m.node, _SHAPE_DEPTH), False),
    (lambda spec, m: _shape(spec, m.node, 1), True),
    (lambda spec, m: _types(m.node), True),
)


def variant_labels(spec: Resolved, parent: dict[str, Any], keyword: str) -> list[str]:
    """How each member is named in messages: its component, its title when no sibling
    shares it, else its shape (``array[integer]``), else its position."""
    members = _members(spec, parent, keyword)
    titles = [m.node.get("title") if isinstance(m.node.get("title"), str) else "" for m in members]
    shapes = [_shape_text(spec, m.node, 2) for m in members]
    labels = []
    for index, (member, title, shape) in enumerate(zip(members, titles, shapes, strict=True)):
        if member.ref:
            labels.append(member.ref)
        elif title and titles.count(title) == 1:
            labels.append(title)
        elif shape and shapes.count(shape) == 1:
            labels.append(shape)
        else:
            labels.append(f"option {index + 1}")
    return labels


def _members(spec: Resolved, parent: dict[str, Any], keyword: str) -> list[_Member]:
    raw_members = parent.get(keyword)
    if not isinstance(raw_members, list):
        return []
    discriminator = parent.get("discriminator")
    found = []
    for raw in raw_members:
        node = follow_schema(spec, SchemaSide(raw, "", "")).node
        ref = ""
        if isinstance(raw, dict) and isinstance(raw.get("$ref"), str):
            target = raw["$ref"].lstrip("#")
            ref = jp.parse(target)[-1] if target.startswith(_COMPONENT_SCHEMAS) else target
        found.append(_Member(raw, node, ref, _discriminator_value(spec, discriminator, raw, node)))
    return found


def _discriminator_value(
    spec: Resolved, discriminator: Any, raw: Any, node: dict[str, Any]
) -> str | None:
    if not isinstance(discriminator, dict) or not isinstance(
        discriminator.get("propertyName"), str
    ):
        return None
    found = raw.get("$ref") if isinstance(raw, dict) else None
    reference = found if isinstance(found, str) else None
    for value, target in (discriminator.get("mapping") or {}).items():
        if reference is None or not isinstance(target, str):
            continue
        if target == reference or reference.endswith("/" + target):
            return str(value)
    prop = (node.get("properties") or {}).get(discriminator["propertyName"])
    prop = follow_schema(spec, SchemaSide(prop, "", "")).node if isinstance(prop, dict) else {}
    if "const" in prop:
        return json.dumps(prop["const"])
    enum = prop.get("enum")
    if isinstance(enum, list) and len(enum) == 1:
        return json.dumps(enum[0])
    if reference is not None:
        return reference.rsplit("/", 1)[-1]
    return None


def _canonical(node: dict[str, Any]) -> str:
    return json.dumps(node, sort_keys=True, default=str)


def _types(node: dict[str, Any]) -> tuple[tuple[str, ...], bool]:
    return tuple(sorted(types_of(node))), is_nullable(node)


def _shape(spec: Resolved, node: dict[str, Any], depth: int) -> Hashable:
    types = _types(node)
    if depth <= 0:
        return types
    items = node.get("items")
    if isinstance(items, dict):
        return (
            types,
            "items",
            _shape(spec, follow_schema(spec, SchemaSide(items, "", "")).node, depth - 1),
        )
    properties = node.get("properties")
    if isinstance(properties, dict):
        return (types, "properties", tuple(sorted(map(str, properties))))
    return types


def _shape_text(spec: Resolved, node: dict[str, Any], depth: int) -> str:
    names = sorted(types_of(node))
    text = " | ".join(names)
    items = node.get("items")
    if depth > 0 and isinstance(items, dict):
        inner = _shape_text(spec, follow_schema(spec, SchemaSide(items, "", "")).node, depth - 1)
        text = f"{text}[{inner or 'any'}]"
    properties = node.get("properties")
    if depth > 0 and isinstance(properties, dict) and properties:
        shown = ", ".join(sorted(map(str, properties))[:_SHOWN_PROPERTIES])
        more = ", …" if len(properties) > _SHOWN_PROPERTIES else ""
        text = f"{text or 'object'}{{{shown}{more}}}"
    return text
