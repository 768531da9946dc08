"""Wire-contract changes as values: severity, kind, where, and a sentence.

A rule finds one ``Change`` per place (an operation and a JSON pointer).
``group_changes`` then reports a change that repeats in many places (a shared
schema used by many operations) once, with the list of its places.

Severities follow the classic rules of oasdiff and Optic:

* ``breaking``: a client that worked before fails now;
* ``warning``: it may fail (a closed enum meets a new value, a default moved);
* ``info``: an addition or a relaxation.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

__all__ = ["Change", "Place", "Severity", "group_changes"]


class Severity(enum.Enum):
    BREAKING = "breaking"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"breaking": 0, "warning": 1, "info": 2}[self.value]


@dataclass(frozen=True)
class Place:
    """An operation (``GET /v1/jobs``, or ``""`` for the whole API) and a pointer.

    ``pointer`` is in the new spec: where the change is, or for a removal, the
    node that no longer holds the removed part. ``old_pointer`` is where the
    removed or changed part was in the old spec.
    """

    operation: str
    pointer: str
    old_pointer: str = ""


@dataclass(frozen=True)
class Change:
    severity: Severity
    kind: str
    message: str
    places: tuple[Place, ...]
    # The wire name the change is about (a parameter, a property path), for
    # linking Python API changes to it; not part of the report.
    subject: str = field(default="", compare=False)
    # Whether the change adds to the API (a new operation, parameter, value):
    # it decides between a minor and a patch version.
    addition: bool = field(default=False, compare=False)

    @property
    def operation(self) -> str:
        return self.places[0].operation

    @property
    def pointer(self) -> str:
        return self.places[0].pointer

    @property
    def operations(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(p.operation for p in self.places))


def group_changes(changes: list[Change]) -> list[Change]:
    """One change per (kind, message), its places merged; most severe first.

    Messages name what changed without the operation (``response property
    `Job.backend`: removed``), so the same edit of a shared component, or of a
    parameter that every operation repeats inline, is one change. Changes to
    an operation itself name it, and stay apart.
    """
    grouped: dict[tuple[str, str], Change] = {}
    for change in changes:
        key = (change.kind, change.message)
        known = grouped.get(key)
        if known is None:
            grouped[key] = change
        else:
            places = tuple(dict.fromkeys(known.places + change.places))
            grouped[key] = Change(
                known.severity, known.kind, known.message, places, known.subject, known.addition
            )
    return sorted(
        grouped.values(),
        key=lambda c: (c.severity.rank, c.operation, c.pointer, c.kind, c.message),
    )
