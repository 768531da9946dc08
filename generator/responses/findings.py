"""Mismatches grouped by the schema place they break, undocumented members by the
object schema that lacks them: one entry each, with counts and an example."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from generator.spec import pointer as jp

__all__ = [
    "Extra",
    "Findings",
    "Mismatch",
    "Occurrence",
    "answer_path",
    "group_extras",
    "group_mismatches",
    "value_at",
]


@dataclass(frozen=True)
class Occurrence:
    """One failure in one recording: the schema place, the keyword, the answer's value."""

    recording: str
    spec_pointer: str
    keyword: str
    answer_pointer: str
    message: str
    value: Any


@dataclass
class Mismatch:
    spec_pointer: str
    keyword: str
    message: str  # the first occurrence's
    example: str  # ``<recording>#<answer pointer>``
    count: int = 0
    recordings: list[str] = field(default_factory=list)
    occurrences: list[tuple[str, Any]] = field(default_factory=list)  # (recording, value)

    @property
    def values(self) -> list[Any]:
        return [value for _, value in self.occurrences]


@dataclass
class Extra:
    spec_pointer: str  # the object schema that does not list the member
    name: str
    example: str
    count: int = 0
    recordings: list[str] = field(default_factory=list)
    values: list[Any] = field(default_factory=list)


@dataclass
class Findings:
    recordings: int
    strict_failures: list[str]  # recordings the models refuse with strict=True
    lenient_warnings: list[str]  # recordings the client warns about in lenient mode
    schema_failures: list[str]  # recordings the JSON Schema refuses
    model: list[Mismatch]
    schema: list[Mismatch]
    extras: list[Extra]
    by_operation: dict[str, int] = field(default_factory=dict)  # recordings per operationId
    spec: dict[str, Any] = field(default_factory=dict, repr=False)  # overlaid, dereferenced

    @property
    def fits(self) -> bool:
        return not (self.strict_failures or self.lenient_warnings or self.schema_failures)


def group_mismatches(occurrences: Iterable[Occurrence]) -> list[Mismatch]:
    """One ``Mismatch`` per (schema place, keyword), in the order first met."""
    groups: dict[tuple[str, str], Mismatch] = {}
    for o in occurrences:
        key = (o.spec_pointer, o.keyword)
        group = groups.get(key)
        if group is None:
            group = groups[key] = Mismatch(
                o.spec_pointer, o.keyword, o.message, f"{o.recording}#{o.answer_pointer}"
            )
        group.count += 1
        group.occurrences.append((o.recording, o.value))
        if o.recording not in group.recordings:
            group.recordings.append(o.recording)
    return sorted(groups.values(), key=lambda g: (-len(g.recordings), -g.count, g.spec_pointer))


def group_extras(found: Iterable[tuple[str, str, str, str, Any]]) -> list[Extra]:
    """``(recording, object schema, member, answer pointer, value)`` grouped by schema and member."""
    groups: dict[tuple[str, str], Extra] = {}
    for recording, schema, name, answer, value in found:
        group = groups.get((schema, name))
        if group is None:
            group = groups[(schema, name)] = Extra(schema, name, f"{recording}#{answer}")
        group.count += 1
        group.values.append(value)
        if recording not in group.recordings:
            group.recordings.append(recording)
    return sorted(
        groups.values(), key=lambda g: (-len(g.recordings), -g.count, g.spec_pointer, g.name)
    )


def answer_path(data: Any, loc: Sequence[str | int]) -> list[str | int]:
    """pydantic's ``loc`` as a path into ``data``: the tokens naming a union branch
    (``BackendConfiguration``, ``list[int]``) are dropped."""
    path: list[str | int] = []
    value = data
    for token in loc:
        if not _holds(value, token):
            continue
        value = value[token]
        path.append(token)
    return path


def _holds(value: Any, token: str | int) -> bool:
    if isinstance(value, dict):
        return isinstance(token, str) and token in value
    return isinstance(value, list) and isinstance(token, int) and 0 <= token < len(value)


def value_at(data: Any, path: Sequence[str | int]) -> Any:
    return jp.follow(data, jp.from_parts(path)) if path else data
