"""Spec text made safe for the places generated files put it.

Descriptions and titles are free text: they may hold NUL and other control
characters, quotes, backslashes, template syntax. ``printable`` shows control
characters as ``\\xNN`` (a Python source file can't hold NUL at all);
``one_line`` also folds whitespace and escapes ``\\`` and ``"``, which makes
the result mean itself both inside a Python string and a TOML basic string.
``safe_docstring`` makes text that sits inside a triple-quoted docstring and
means itself; ``folded`` is prose folded onto one line (a table cell, a
parameter's one-line description), HTML entities decoded.
"""

from __future__ import annotations

import html
import re

__all__ = ["folded", "one_line", "package_version", "printable", "safe_docstring"]


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


def folded(text: str) -> str:
    """Prose on one line: HTML entities decoded, whitespace folded (no escaping)."""
    return " ".join(html.unescape(text).split())


def safe_docstring(text: str) -> str:
    """Spec text that can sit inside a triple-quoted string and mean itself."""
    text = html.unescape(text).replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(c if c in "\n\t" or c.isprintable() else f"\\x{ord(c):02x}" for c in text)
    text = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    lines = [line.rstrip() for line in text.strip("\n").split("\n")]
    text = "\n".join(lines)
    backslashes = len(text[:-1]) - len(text[:-1].rstrip("\\"))
    if text.endswith('"') and backslashes % 2 == 0:  # it would run into the closing quotes
        text = text[:-1] + '\\"'
    return text
