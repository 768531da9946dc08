"""The public Python API of two generated packages compared, by direction.

The surfaces come from ``surface.py``. Severities follow the direction of a
value, as on the wire: what callers pass (parameters, fields of request
models) may widen freely and breaks when it narrows; what they receive
(return types, fields of response models) may narrow freely, and a widened
one is a warning (code that handles every case meets a new one). A model that
travels both ways gets the stricter reading. ``Literal[...]`` values count as
enum members, since that is how the generator spells a string enum.

A class the generator renamed (``renames``: same spec places, or the same
members, under a new name) is one ``class-renamed`` warning, never a wire
change; its members are compared under the new name, and the old name is
read as the new one in every type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .annotations import added_values, relate, removed_values
from .changes import Change, Severity
from .surface import Member, Parameter, Surface, read_surface, type_names

__all__ = ["ApiChange", "Surface", "compare_surfaces", "read_surface"]

BREAKING, WARNING, INFO = Severity.BREAKING, Severity.WARNING, Severity.INFO


@dataclass(frozen=True)
class ApiChange:
    severity: Severity
    kind: str
    owners: tuple[str, ...]  # "Jobs.list", "AsyncJobs.list"; "JobState"
    member: str  # the parameter or field name, "" for the owner itself
    message: str
    addition: bool = False
    caused_by: tuple[Change, ...] = ()
    mentions: tuple[str, ...] = ()  # class names in the old and new types of a type change


@dataclass(frozen=True)
class _Flow:
    """Model classes callers pass (``inputs``) and receive (``outputs``), on either side."""

    inputs: frozenset[str]
    outputs: frozenset[str]

    def direction(self, owner: str) -> str:
        """``in``, ``out`` or ``both`` (``both`` when unknown: the stricter reading)."""
        passed, received = owner in self.inputs, owner in self.outputs
        return "in" if passed and not received else "out" if received and not passed else "both"


def compare_surfaces(
    old: Surface, new: Surface, renames: dict[str, str] | None = None
) -> list[ApiChange]:
    """Changes from ``old`` to ``new``; one per change, owners with the same change merged."""
    renames = renames or {}
    found: list[ApiChange] = [
        ApiChange(
            WARNING,
            "class-renamed",
            (after,),
            "",
            f"renamed from `{before}` by the generator (its spec places are the same): "
            "code naming the old class must use the new name",
            mentions=(before, after),
        )
        for before, after in sorted(renames.items())
    ]
    old = _renamed(old, renames)
    flow = _flow(old, new)
    for owner in sorted(old.owners.keys() - new.owners.keys()):
        found.append(ApiChange(BREAKING, "class-removed", (owner,), "", "removed"))
    for owner in sorted(new.owners.keys() - old.owners.keys()):
        found.append(ApiChange(INFO, "class-added", (owner,), "", "added", addition=True))
    for owner in sorted(old.owners.keys() & new.owners.keys()):
        before, after = old.owners[owner], new.owners[owner]
        for name in sorted(before.keys() - after.keys()):
            kind = before[name].kind
            text = f"{kind} `{name}` removed"
            found.append(ApiChange(BREAKING, _kind(kind, "removed"), (owner,), name, text))
        for name in sorted(after.keys() - before.keys()):
            found.append(_added(owner, name, after[name], flow))
        for name in sorted(before.keys() & after.keys()):
            found += _member_changes(owner, name, before[name], after[name], flow)
    return _merge_owners(found)


def _renamed(surface: Surface, renames: dict[str, str]) -> Surface:
    """``surface`` with each renamed class under its new name, in keys and in types."""
    if not renames:
        return surface
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, renames)) + r")\b")

    def text(annotation: str) -> str:
        return pattern.sub(lambda m: renames[m.group(1)], annotation)

    def member(item: Member) -> Member:
        parameters = tuple(
            Parameter(p.name, text(p.annotation), p.required, p.positional) for p in item.parameters
        )
        return Member(
            item.kind, text(item.annotation), item.required, item.alias, parameters, item.operation
        )

    owners = {
        renames.get(owner, owner): {name: member(m) for name, m in members.items()}
        for owner, members in surface.owners.items()
    }
    return Surface(owners, {renames.get(m, m) for m in surface.models})


def _flow(*surfaces: Surface) -> _Flow:
    """The models reachable from method parameters and from return types, through fields."""
    inputs: set[str] = set()
    outputs: set[str] = set()
    for surface in surfaces:
        for owner, members in surface.owners.items():
            if owner in surface.models:
                continue
            for item in members.values():
                inputs.update(type_names(*(p.annotation for p in item.parameters)))
                if item.kind in ("method", "function"):
                    outputs.update(type_names(item.annotation))
    fields = {
        owner: type_names(*(m.annotation for m in members.values() if m.kind == "field"))
        for surface in surfaces
        for owner, members in surface.owners.items()
        if owner in surface.models
    }
    return _Flow(frozenset(_closure(inputs, fields)), frozenset(_closure(outputs, fields)))


def _closure(names: set[str], fields: dict[str, tuple[str, ...]]) -> set[str]:
    pending, seen = list(names), set()
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        seen.add(name)
        pending += fields.get(name, ())
    return seen


def _kind(member_kind: str, what: str) -> str:
    return f"{member_kind.replace(' ', '-')}-{what}"


def _added(owner: str, name: str, member: Member, flow: _Flow) -> ApiChange:
    if member.kind == "field" and member.required and flow.direction(owner) != "out":
        text = f"field `{name}: {member.annotation}` added, required"
        return ApiChange(WARNING, "field-added-required", (owner,), name, text)
    shown = f"{name}: {member.annotation}" if member.kind == "field" else name
    text = f"{member.kind} `{shown}` added" + (", required" if member.required else "")
    return ApiChange(INFO, _kind(member.kind, "added"), (owner,), name, text, True)


def _member_changes(
    owner: str, name: str, old: Member, new: Member, flow: _Flow
) -> list[ApiChange]:
    found: list[ApiChange] = []
    if old.kind in ("field", "attribute"):
        direction = flow.direction(owner) if old.kind == "field" else "both"
        what = f"{old.kind} `{name}`"
        found += _typed(owner, name, what, old.annotation, new.annotation, direction)
        if old.required != new.required and new.annotation == old.annotation:
            text = f"{old.kind} `{name}` now " + ("required" if new.required else "optional")
            kind = _kind(old.kind, "became-required" if new.required else "became-optional")
            found.append(ApiChange(WARNING if new.required else INFO, kind, (owner,), name, text))
        return found
    if old.kind == "enum member":
        if old.annotation != new.annotation:
            text = f"enum member `{name}` value changed from {old.annotation} to {new.annotation}"
            found.append(ApiChange(BREAKING, "enum-member-changed", (owner,), name, text))
        return found
    owner = f"{owner}.{name}"
    found += _typed(owner, "", "return type", old.annotation, new.annotation, "out", "return")
    found += _parameter_changes(owner, old.parameters, new.parameters)
    return found


# (relation, direction) -> severity; "both" takes the stricter of "in" and "out".
_SEVERITY = {
    ("wider", "in"): INFO,
    ("wider", "out"): WARNING,
    ("wider", "both"): WARNING,
    ("narrower", "in"): BREAKING,
    ("narrower", "out"): INFO,
    ("narrower", "both"): BREAKING,
}


def _typed(
    owner: str, name: str, what: str, old: str, new: str, direction: str, stem: str = ""
) -> list[ApiChange]:
    """A type change of a field (``stem`` ""), ``parameter`` or ``return`` value."""
    relation = relate(old, new)
    if relation == "same":
        return []
    prefix = f"{stem}-" if stem else ""
    mentions = type_names(old, new)
    if relation == "other":
        text = (
            f"returns `{new}` instead of `{old}`"
            if stem == "return"
            else f"{what}: type `{old}` became `{new}`"
        )
        return [
            ApiChange(BREAKING, f"{prefix}type-changed", (owner,), name, text, mentions=mentions)
        ]
    severity = _SEVERITY[(relation, direction)]
    wider = relation == "wider"
    values = added_values(old, new) if wider else removed_values(old, new)
    only_values = not set(type_names(new)) ^ set(type_names(old))
    if values and only_values:
        word = "added" if wider else "removed"
        text = f"{what}: enum member {_listed(values)} {word}"
        kind = f"{prefix}enum-member-{word}"
    else:
        more = "accepts more" if wider else "accepts less"
        text = f"{what}: type `{old}` became `{new}` ({more})"
        kind = f"{prefix}type-{'widened' if wider else 'narrowed'}"
    addition = severity is INFO and wider
    return [ApiChange(severity, kind, (owner,), name, text, addition, mentions=mentions)]


def _listed(values: list[object]) -> str:
    return ", ".join(f"`{v!r}`" for v in values)


def _parameter_changes(
    owner: str, old: tuple[Parameter, ...], new: tuple[Parameter, ...]
) -> list[ApiChange]:
    found = []
    before = {p.name: p for p in old}
    after = {p.name: p for p in new}
    old_positional = [p.name for p in old if p.positional and p.name in after]
    new_positional = [p.name for p in new if p.positional and p.name in before]
    if old_positional != new_positional:
        text = f"positional parameters reordered: ({', '.join(new_positional)})"
        found.append(ApiChange(BREAKING, "parameters-reordered", (owner,), "", text))
    for name in before:
        if name not in after:
            text = f"parameter `{name}` removed"
            found.append(ApiChange(BREAKING, "parameter-removed", (owner,), name, text))
    for name, param in after.items():
        if name not in before:
            if param.required:
                text = f"parameter `{name}: {param.annotation}` added, required"
                found.append(ApiChange(BREAKING, "parameter-added-required", (owner,), name, text))
            else:
                text = f"parameter `{name}: {param.annotation}` added"
                found.append(ApiChange(INFO, "parameter-added", (owner,), name, text, True))
            continue
        was = before[name]
        old_type, new_type = was.annotation, param.annotation
        if was.required != param.required:  # `| None` comes and goes with the default
            old_type, new_type = _without_none(old_type), _without_none(new_type)
        found += _typed(owner, name, f"parameter `{name}`", old_type, new_type, "in", "parameter")
        if was.required != param.required:
            text = f"parameter `{name}` now " + ("required" if param.required else "optional")
            kind = "parameter-became-required" if param.required else "parameter-became-optional"
            found.append(
                ApiChange(BREAKING if param.required else INFO, kind, (owner,), name, text)
            )
    return found


def _without_none(annotation: str) -> str:
    return re.sub(r"\s*\|\s*None\b", "", annotation)


def _merge_owners(changes: list[ApiChange]) -> list[ApiChange]:
    """The same change in several owners (``Jobs.list`` and ``AsyncJobs.list``) once."""
    merged: dict[tuple[str, str, str], ApiChange] = {}
    for change in changes:
        key = (change.kind, change.member, change.message)
        if key in merged:
            known = merged[key]
            merged[key] = replace(
                known,
                owners=known.owners + change.owners,
                mentions=tuple(dict.fromkeys(known.mentions + change.mentions)),
            )
        else:
            merged[key] = change
    return sorted(merged.values(), key=lambda c: (c.severity.rank, c.owners, c.kind, c.member))
