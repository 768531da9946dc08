"""Spec text made safe for the places generated files put it.

Descriptions and titles are free text: they may hold NUL and other control
characters, quotes, backslashes, template syntax. ``printable`` shows control
characters as ``\\xNN`` (a Python source file can't hold NUL at all);
``one_line`` also folds whitespace and escapes ``\\`` and ``"``, which makes
the result mean itself both inside a Python string and a TOML basic string.
"""

from __future__ import annotations

import re

__all__ = ["one_line", "package_version", "printable"]


def printable(text: str) -> str:
    """``text`` with every control character but newline and tab spelt ``\\xNN``."""
    return "".join(
        c if c in "\n\t" or c.isprintable() else f"\\x{ord(c):02x}"
        for c in text.replace("\r\n", "\n")
    )


def one_line(text: str, limit: int = 200) -> str:
    """``text`` on one line, at most ``limit`` characters, with ``\\`` and ``"`` escaped."""
    line = " ".join(printable(text).split())
    if len(line) > limit:
        line = line[: limit - 3].rstrip() + "..."
    return line.replace("\\", "\\\\").replace('"', '\\"')


def package_version(version: str) -> str:
    """The spec's ``info.version`` as a PEP 440 version for the generated package.

    ``2.1.0`` stays; ``2024-10-21`` becomes ``2024.10.21``; anything else that
    isn't a version (``v2 beta``, free text) becomes ``0.0.0``.
    """
    if re.fullmatch(r"\d+(\.\d+)*((a|b|rc)\d+)?(\.post\d+)?(\.dev\d+)?", version):
        return version
    if re.fullmatch(r"v?\d+([.\-_]\d+)*", version):
        return ".".join(str(int(part)) for part in re.findall(r"\d+", version))
    return "0.0.0"
