"""Files and lines added and removed between two generated trees."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

__all__ = ["Diffstat", "FileStat", "diffstat"]


@dataclass(frozen=True)
class FileStat:
    path: str
    status: str  # added | removed | changed
    added: int
    removed: int


@dataclass(frozen=True)
class Diffstat:
    files: tuple[FileStat, ...]

    @property
    def lines_added(self) -> int:
        return sum(f.added for f in self.files)

    @property
    def lines_removed(self) -> int:
        return sum(f.removed for f in self.files)

    def count(self, status: str) -> int:
        return sum(1 for f in self.files if f.status == status)


def diffstat(old: dict[str, str], new: dict[str, str]) -> Diffstat:
    """Per file (path -> text), the lines a unified diff adds and removes."""
    stats = []
    for path in sorted(old.keys() | new.keys()):
        before, after = old.get(path), new.get(path)
        if before == after:
            continue
        old_lines = (before or "").splitlines()
        new_lines = (after or "").splitlines()
        added = removed = 0
        matcher = difflib.SequenceMatcher(None, old_lines, new_lines)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag in ("replace", "delete"):
                removed += i2 - i1
            if tag in ("replace", "insert"):
                added += j2 - j1
        status = "added" if before is None else "removed" if after is None else "changed"
        stats.append(FileStat(path, status, added, removed))
    return Diffstat(tuple(stats))
