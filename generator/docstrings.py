"""Spec text made safe to place in generated Python: docstrings and one-line cells."""

from __future__ import annotations

import html

__all__ = ["one_line", "safe_docstring"]


def one_line(text: str) -> str:
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
