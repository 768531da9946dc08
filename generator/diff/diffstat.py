"""Files and lines added and removed between two generated trees.

``diffstat`` reads two formatted trees. ``rendered_diffstat`` reads two trees as
rendered, before the format stage, and formats only what differs: each Python
module is cut before every top-level class (``split_module``, where black puts
two blank lines anyway, so a module formatted piece by piece is the module
formatted whole), the pieces of the two sides are matched, and only the pieces
that are not on both sides go through black. A diff of two big specs that differ
in a few schemas formats a few classes, not two packages.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

__all__ = ["Diffstat", "FileStat", "diffstat", "rendered_diffstat"]

Formatter = Callable[[list[str]], list[str]]
"""Python pieces → the same pieces formatted (black and isort), in order."""
Splitter = Callable[[str], list[str]]
"""A module → its pieces, joined formatted with two blank lines between them."""


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
        added, removed = _count((before or "").splitlines(), (after or "").splitlines())
        stats.append(FileStat(path, _status(before, after), added, removed))
    return Diffstat(tuple(stats))


def rendered_diffstat(
    old: dict[str, str],
    new: dict[str, str],
    *,
    verbatim: Iterable[str],
    split: Splitter,
    format_pieces: Formatter,
) -> Diffstat:
    """``diffstat`` of the two trees once formatted, from the trees as rendered.

    Files outside the format stage (not ``.py``, or in ``verbatim``) are compared as
    they are; a Python module's pieces are matched, and the pieces only one side
    has are formatted (all of them in one ``format_pieces`` call) and compared line
    by line, with the two blank lines that join each piece to the next.
    """
    skip = set(verbatim)
    plain: dict[str, tuple[str | None, str | None]] = {}
    blocks: list[tuple[str, list[str], list[str], bool, bool]] = []
    for path in sorted(old.keys() | new.keys()):
        before, after = old.get(path), new.get(path)
        if before == after:
            continue
        if not path.endswith(".py") or path in skip:
            plain[path] = (before, after)
            continue
        old_pieces = split(before) if before is not None else []
        new_pieces = split(after) if after is not None else []
        matcher = difflib.SequenceMatcher(None, old_pieces, new_pieces, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag != "equal":
                blocks.append(
                    (
                        path,
                        old_pieces[i1:i2],
                        new_pieces[j1:j2],
                        i2 == len(old_pieces),  # the block ends the old module
                        j2 == len(new_pieces),
                    )
                )
    texts = [piece for _, olds, news, _, _ in blocks for piece in (*olds, *news)]
    done = iter(format_pieces(texts) if texts else [])
    counts: dict[str, list[int]] = {}
    for path, olds, news, old_last, new_last in blocks:
        old_lines = _lines([next(done) for _ in olds], old_last)
        new_lines = _lines([next(done) for _ in news], new_last)
        added, removed = _count(old_lines, new_lines)
        total = counts.setdefault(path, [0, 0])
        total[0] += added
        total[1] += removed
    stats = []
    for path in sorted(plain.keys() | counts.keys()):
        if path in plain:
            before, after = plain[path]
            added, removed = _count((before or "").splitlines(), (after or "").splitlines())
        else:
            added, removed = counts[path]
            before, after = old.get(path), new.get(path)
            if before is not None and after is not None and not added and not removed:
                continue  # rendered apart, formatted alike
        stats.append(FileStat(path, _status(before, after), added, removed))
    return Diffstat(tuple(stats))


def _lines(formatted: Sequence[str], last: bool) -> list[str]:
    """The lines pieces make in their module: each followed by the two blank lines
    that join it to the next, but for the module's last piece."""
    lines: list[str] = []
    for number, text in enumerate(formatted):
        lines += text.strip("\n").splitlines()
        if not (last and number == len(formatted) - 1):
            lines += ["", ""]
    return lines


def _count(old_lines: list[str], new_lines: list[str]) -> tuple[int, int]:
    """(added, removed) lines of the diff from ``old_lines`` to ``new_lines``."""
    added = removed = 0
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("replace", "delete"):
            removed += i2 - i1
        if tag in ("replace", "insert"):
            added += j2 - j1
    return added, removed


def _status(before: str | None, after: str | None) -> str:
    return "added" if before is None else "removed" if after is None else "changed"
