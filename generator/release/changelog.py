"""The package's changelog: ``spec/CHANGELOG.md``, newest entry first.

The generator copies it into ``generated/CHANGELOG.md``. An entry starts with
a ``## <version> (<date>)`` heading; :func:`add_entry` (``bump``) and
:func:`prepend_entry` (``update-spec``) put a new one above the others,
:func:`entry_versions` lists the versions that have one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from generator.diagnostics import GeneratorError, error

__all__ = ["add_entry", "entry_versions", "prepend_entry", "read_changelog"]

_HEADING = re.compile(r"^## (\S+)", re.MULTILINE)


def read_changelog(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise GeneratorError(
            [
                error(
                    str(path),
                    "",
                    f"cannot read the changelog: {exc.strerror}",
                    "it holds one `## <version> (<date>)` section per release, newest first",
                )
            ]
        ) from None


def entry_versions(text: str) -> list[str]:
    """The versions with an entry, newest first."""
    return _HEADING.findall(text)


def prepend_entry(text: str, entry: str) -> str:
    """``text`` with ``entry`` (a whole section) above the newest section, below the
    introduction."""
    first = _HEADING.search(text)
    at = first.start() if first else len(text)
    return text[:at] + entry + text[at:]


def add_entry(text: str, version: str, date: str, lines: Sequence[str]) -> str:
    """``text`` with an entry for ``version``, one bullet a line, above the existing ones."""
    bullets = "".join(f"- {line}\n" for line in lines)
    return prepend_entry(text, f"## {version} ({date})\n\n{bullets}\n")
