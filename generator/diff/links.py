"""Each Python API change tied to the wire changes that caused it.

The IR of each side says where every Python name comes from: a resource
method is an operation (``Jobs.list`` is ``GET /v1/jobs``; a helper such as
``list_all`` is the operation whose endpoint its source uses), a method
parameter is a wire parameter, a model stands for the spec places in
``Model.pointers``. A wire change is a cause when it is in the method's
operation (and about the same parameter), or when its pointer is inside the
model or field (``…/properties/status``), or contains it (the operation that
added the model). A Python change without a cause comes from the generator
itself (a naming rule, a template).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from generator.ir.model import Api
from generator.spec import pointer as jp

from .changes import Change
from .python_api import ApiChange, Surface

__all__ = ["link_causes"]


@dataclass
class _Origins:
    """Where Python names come from, on both sides."""

    operations: dict[tuple[str, str], str] = field(default_factory=dict)  # (class, method)
    parameters: dict[tuple[str, str, str], str] = field(default_factory=dict)  # + python name
    resources: dict[str, set[str]] = field(default_factory=dict)  # class or attribute -> ops
    models: dict[str, set[str]] = field(default_factory=dict)  # model -> spec pointers

    def add(self, api: Api) -> None:
        for resource in api.resources:
            classes = (resource.class_name, "Async" + resource.class_name)
            labels = {f"{op.method} {op.path}" for op in resource.operations}
            for name in (*classes, resource.python_name):
                self.resources.setdefault(name, set()).update(labels)
            for op, cls in ((op, cls) for op in resource.operations for cls in classes):
                label = f"{op.method} {op.path}"
                self.operations[(cls, op.python_name)] = label
                for param in op.parameters:
                    self.parameters[(cls, op.python_name, param.python_name)] = param.name
        for model in api.models:
            self.models.setdefault(model.name, set()).update(model.pointers)


def link_causes(
    changes: list[ApiChange],
    wire: list[Change],
    apis: tuple[Api, Api],
    surfaces: tuple[Surface, Surface],
) -> list[ApiChange]:
    origins = _Origins()
    for api in apis:
        origins.add(api)
    return [
        c
        if c.kind == "class-renamed"
        else replace(c, caused_by=_causes(c, wire, origins, surfaces))
        for c in changes
    ]


def _causes(
    change: ApiChange, wire: list[Change], origins: _Origins, surfaces: tuple[Surface, Surface]
) -> tuple[Change, ...]:
    found: dict[Change, None] = {}
    for owner in change.owners:  # merged owners each have their own causes
        one = replace(change, owners=(owner,))
        for cause in _direct_causes(one, wire, origins, surfaces) or _sharing_causes(
            one, wire, origins
        ):
            found[cause] = None
    return tuple(found)


def _sharing_causes(change: ApiChange, wire: list[Change], origins: _Origins) -> list[Change]:
    """Wire changes that made a model stop (or start) being shared.

    Structurally identical schemas are one model; when one of its places
    changes, the others get a model of their own, with a new name. The cause of
    the new class, or of a type that now names it, is at the places its old
    model (or the model now at its places) stands for.
    """
    names = set(change.mentions)
    if not change.member and change.owners[0] in origins.models:
        names.add(change.owners[0])
    places = {p for name in names for p in origins.models.get(name, ())}
    for model_places in origins.models.values():
        if model_places & places:
            places |= model_places
    return [c for c in wire if any(_related(p, places) for p in _pointers(c))]


def _direct_causes(
    change: ApiChange, wire: list[Change], origins: _Origins, surfaces: tuple[Surface, Surface]
) -> list[Change]:
    owner = change.owners[0]
    if "." in owner:  # a method's parameter or return type
        qualified, method = owner.split(".", 1)
        cls = _bare(qualified)
        operation = origins.operations.get((cls, method)) or _called(qualified, method, surfaces)
        if change.member in ("", "body"):
            prefix = "response" if change.member == "" else "request-"
            return [
                c
                for c in wire
                if operation in c.operations
                and c.kind.startswith(prefix)
                and not c.kind.startswith("request-parameter")
            ]
        name = origins.parameters.get((cls, method, change.member), change.member)
        return [
            c
            for c in wire
            if operation in c.operations and c.kind.startswith("request-") and c.subject == name
        ]
    operation = origins.operations.get((_bare(owner), change.member)) or _called(
        owner, change.member, surfaces
    )
    if change.member and operation:  # a method added or removed
        return [c for c in wire if operation in c.operations and c.kind.startswith("operation-")]
    if owner in origins.models:
        places = origins.models[owner]
        if change.member:
            wire_name = _wire_name(owner, change.member, surfaces)
            places = {_merged(jp.join(p, "properties", wire_name)) for p in places}
            return [c for c in wire if any(_related(_merged(p), places) for p in _pointers(c))]
        return [c for c in wire if any(_related(p, places) for p in _pointers(c))]
    # A resource class, or the client's attribute that holds one.
    resource = change.member or _bare(owner)
    if resource in origins.resources:
        operations = origins.resources[resource]
        return [
            c
            for c in wire
            if set(c.operations) & operations and c.kind in ("operation-added", "operation-removed")
        ]
    return []


def _bare(owner: str) -> str:
    """A class name without the module that tells it from its namesake (``surface.py``)."""
    return owner.split(" (", 1)[0]


def _called(cls: str, method: str, surfaces: tuple[Surface, Surface]) -> str:
    """The operation a generated method calls, read from its source (``list_all`` too)."""
    for surface in surfaces:
        member = surface.owners.get(cls, {}).get(method)
        if member is not None and member.operation:
            return member.operation
    return ""


def _wire_name(owner: str, member: str, surfaces: tuple[Surface, Surface]) -> str:
    for surface in surfaces:
        found = surface.owners.get(owner, {}).get(member)
        if found is not None and found.alias:
            return found.alias
    return member


def _pointers(change: Change) -> set[str]:
    """The pointers of what changed: for a removal, where the removed part was."""
    found = set()
    for place in change.places:
        if place.old_pointer.startswith(place.pointer + "/"):  # pointer: its old container
            found.add(place.old_pointer)
        else:
            found.update(p for p in (place.pointer, place.old_pointer) if p)
    return found


def _merged(pointer: str) -> str:
    """``pointer`` without its ``allOf/N`` steps: the members' properties are the model's fields."""
    parts, kept = jp.parse(pointer), []
    i = 0
    while i < len(parts):
        is_member = (
            parts[i] == "allOf"
            and i + 1 < len(parts)
            and parts[i + 1].isdigit()
            and (i == 0 or parts[i - 1] != "properties")  # not a property named allOf
        )
        if is_member:
            i += 2
            continue
        kept.append(parts[i])
        i += 1
    return jp.from_parts(kept)


def _related(pointer: str, places: set[str]) -> bool:
    """``pointer`` is inside one of ``places``, or is an operation or more that contains it."""
    for place in places:
        if pointer == place or pointer.startswith(place + "/"):
            return True
        if len(jp.parse(pointer)) >= 3 and place.startswith(pointer + "/"):
            return True
    return False
