"""Spec text on its way into the generated README: Markdown that shows, never acts.

The README's Jinja environment (``generator.emit.render``) prints only
``Markdown`` (and ``Name``s, numbers, the template's own constants); a
``Markdown`` is made only here:

* ``text``: spec text as a sentence's words: HTML's ``& < >`` become entities
  (no tag renders), and ``\\ ` * _ [ ] |`` are backslash-escaped (no code span,
  emphasis, link or table cell starts or ends in it);
* ``code_span``: spec text as inline code, between backtick runs longer than
  any inside it;
* ``prose``: Markdown the spec wrote (an ``x-client.readme`` note): its code
  spans are kept (re-delimited by ``code_span``), every other character is
  escaped as by ``text`` but for emphasis (``*``, ``_``), which it may use;
* ``snippet``: an ``x-client.readme`` section: each fenced code block comes
  back inside a fence longer than any backtick run in it (an unclosed one is
  closed), and the lines between them are ``prose``;
* ``fence``: lines of code (the generator's examples) as a fenced block;
* ``compose``/``join``: the generator's own Markdown around such parts. Its
  text is a string constant in the generator's source (``tests/test_escaping.py``
  holds every call to it to one) and may hold no HTML.
"""

from __future__ import annotations

import html
import re
import textwrap
from collections.abc import Iterable

from generator import text as spec_text
from generator.emit.code import Name, UnescapedText

__all__ = [
    "EMPTY",
    "Markdown",
    "code_span",
    "compose",
    "fence",
    "join",
    "prose",
    "snippet",
    "text",
    "wrap",
]


class Markdown(str):
    """README text whose spec parts were escaped for where they stand."""

    __slots__ = ()


EMPTY = Markdown()
"""No text (a section that has none)."""

_INLINE = re.compile(r"([\\`*_\[\]|])")
_PROSE = re.compile(r"([\\\[\]|])")


def _one_line(value: str) -> str:
    return " ".join(spec_text.printable(html.unescape(value)).split())


def text(value: str) -> Markdown:
    """Spec text as plain words on one line."""
    return Markdown(_INLINE.sub(r"\\\1", html.escape(_one_line(value), quote=False)))


def _ticks(value: str) -> int:
    return max((len(run) for run in re.findall("`+", value)), default=0)


def code_span(value: str) -> Markdown:
    """Spec text as inline code on one line."""
    line = _one_line(value)
    ticks = "`" * (_ticks(line) + 1)
    pad = " " if line.startswith("`") or line.endswith("`") else ""
    return Markdown(f"{ticks}{pad}{line}{pad}{ticks}")


def _prose_line(line: str) -> str:
    """One line of spec Markdown: code spans re-delimited, the rest escaped."""
    out: list[str] = []
    position = 0
    for match in re.finditer("`+", line):
        if match.start() < position:
            continue
        run = match.group()
        close = re.compile(rf"(?<!`){run}(?!`)").search(line, match.end())
        out.append(_PROSE.sub(r"\\\1", html.escape(line[position : match.start()], quote=False)))
        if close is None:  # an unmatched run is literal backticks
            out.append("\\`" * len(run))
            position = match.end()
            continue
        inner = line[match.end() : close.start()]
        if inner.strip(" ") and inner.startswith(" ") and inner.endswith(" "):
            inner = inner[1:-1]
        out.append(code_span(inner) if inner else "\\`" * (2 * len(run)))
        position = close.end()
    out.append(_PROSE.sub(r"\\\1", html.escape(line[position:], quote=False)))
    return "".join(out)


def prose(value: str) -> Markdown:
    """Markdown prose from the spec, on one line."""
    return Markdown(_prose_line(" ".join(spec_text.printable(value).split())))


_OPENING = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")


def snippet(value: str) -> Markdown:
    """An ``x-client.readme`` section: fenced blocks and the prose lines between them."""
    lines = spec_text.printable(value).split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        opening = _OPENING.match(lines[index])
        if opening is None or (opening.group(1)[0] == "`" and "`" in opening.group(2)):
            out.append(_prose_line(lines[index]))
            index += 1
            continue
        marker = opening.group(1)
        closing = re.compile(rf"^ {{0,3}}{marker[0]}{{{len(marker)},}}\s*$")
        body: list[str] = []
        index += 1
        while index < len(lines) and not closing.match(lines[index]):
            body.append(lines[index])
            index += 1
        index += 1  # the closing fence (or the end: the block is closed here)
        out.append(fence(body, opening.group(2).strip()).rstrip("\n"))
    return Markdown("\n".join(out))


def fence(lines: Iterable[str], info: str = "python") -> Markdown:
    """Lines of code as a fenced block no line of it can close."""
    body = [spec_text.printable(line).replace("\n", " ") for line in lines]
    ticks = "`" * max(3, _ticks("\n".join(body)) + 1)
    info = re.sub(r"[^A-Za-z0-9_+.-]", "", info)
    return Markdown(f"{ticks}{info}\n" + "".join(line + "\n" for line in body) + f"{ticks}\n")


def _checked(part: object) -> str:
    if isinstance(part, (Markdown, Name)) or type(part) in (int, float):
        return str(part)
    raise UnescapedText(f"Markdown made of a value no escaper made: {part!r:.200}")


def compose(template: str, *parts: object) -> Markdown:
    """The generator's Markdown ``template`` (a constant) with escaped ``parts`` in its ``{}``."""
    if re.search(r"[<>&]", template):
        raise ValueError(f"HTML in the generator's Markdown: {template!r:.200}")
    return Markdown(template.format(*(_checked(p) for p in parts)))


def join(parts: Iterable[object], separator: str = "") -> Markdown:
    """Escaped parts joined by punctuation."""
    if separator not in ("", ", ", " and ", " or ", " ", "\n"):
        raise TypeError(f"not punctuation: {separator!r}")
    return Markdown(separator.join(_checked(p) for p in parts))


def wrap(value: object, width: int = 92) -> Markdown:
    """Jinja's ``wrap`` for Markdown, which stays Markdown (lines break at spaces only)."""
    if not isinstance(value, Markdown):
        raise UnescapedText(f"wrap of {value!r:.200}")
    return Markdown(textwrap.fill(value, width, break_on_hyphens=False, break_long_words=False))
