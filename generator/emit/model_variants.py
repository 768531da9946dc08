"""The classes datamodel-code-generator makes of a schema's inline variants, and
the names their numbers depend on (see ``generator.emit.model_groups``).

The library names the models it makes of a schema's variants (an ``anyOf`` of
``required`` lists, an object ``oneOf``) after the schema, with the first number
no model of the run holds yet: ``ImageRefParam1``, then ``ImageRefParam3``, as
the schema ``ImageRefParam2`` holds 2. So a variant's name depends only on the
schemas spelt as its schema's name and a number, and on the order the library
meets them in: a group's piece records those names (``reserved``), and a run
of some groups takes those groups' namesakes too (``with_companions``).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

__all__ = ["anchor", "fits", "reserved", "with_companions"]


def anchor(name: str, schemas: Collection[str]) -> str | None:
    """The schema whose inline variant the library named ``name``: that schema's name
    and a number (``ImageRefParam3``: ``ImageRefParam``); ``None`` when no schema, or
    more than one (``Foo`` and ``Foo1`` for ``Foo12``), is so spelt."""
    stem = name.rstrip("0123456789")
    fits = [name[:end] for end in range(len(stem), len(name)) if name[:end] in schemas]
    return fits[0] if len(fits) == 1 and stem else None


def reserved(schemas: Iterable[str], members: set[str], anchors: set[str]) -> tuple[str, ...]:
    """The schemas outside the group ``members`` spelt as one of ``anchors`` and a
    number: the names the library steps over when it numbers their variants."""
    if not anchors:
        return ()
    spelt = [re.compile(re.escape(anchor) + "[0-9]+") for anchor in sorted(anchors)]
    return tuple(
        sorted(
            name
            for name in schemas
            if name not in members and any(pattern.fullmatch(name) for pattern in spelt)
        )
    )


def fits(
    classes: Iterable[str], said: tuple[str, ...], members: list[str], schemas: Collection[str]
) -> bool:
    """Whether a group's ``classes``, made for the group ``members`` beside the names
    ``said`` (its ``reserved``), are what the library makes of it beside ``schemas``:
    its variants are numbered around the same names."""
    group = set(members)
    anchors = set()
    for name in classes:
        if name not in group:
            schema = anchor(name, schemas)
            if schema not in group:
                return False
            anchors.add(schema)
    return said == reserved(schemas, group, anchors)


def with_companions(groups: list[list[str]], missing: list[int]) -> list[int]:
    """The ``missing`` groups and those holding a schema spelt as one of theirs and a
    number, or one of theirs spelt as such a schema and a number (``ImageRefParam2``
    beside ``ImageRefParam``): which of the two takes a name the library numbers
    depends on the order it meets them in, which a run of both groups keeps."""
    group_of = {name: index for index, names in enumerate(groups) for name in names}
    linked: dict[str, set[str]] = {}
    for name in group_of:
        stem = name.rstrip("0123456789")
        for end in range(len(stem), len(name)):
            if name[:end] in group_of:
                linked.setdefault(name[:end], set()).add(name)
                linked.setdefault(name, set()).add(name[:end])
    wanted = set(missing)
    for index in missing:
        for name in groups[index]:
            wanted.update(group_of[other] for other in linked.get(name, ()))
    return sorted(wanted)
