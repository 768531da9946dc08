"""ECMA-262 ``\\p{…}`` property escapes, spelled as the character classes they stand for.

JSON Schema patterns are ECMA-262 regular expressions, and ECMA-262 (with the
``u`` flag) reads ``\\p{L}``, ``\\P{C}``, ``\\p{gc=Lu}``, ``\\p{ASCII}``. Python's
``re``, which the validator and every check of an example use, reads none of
them. ``expand_properties`` writes each such escape as the explicit class of
code points it names, which ``re`` and pydantic-core's Rust engine both read
the same way: the translation is exact for the Unicode version of Python's
``unicodedata`` (``UNICODE_VERSION``). Surrogates are left out of every class:
no string pydantic can check holds one.

What it can't spell exactly, it refuses (``None`` with the reason): a script
(``\\p{Script=Greek}``, which ``unicodedata`` does not know), a binary property
other than ``ASCII``/``Any``/``ASCII_Hex_Digit``, or a name ECMA-262 does not
have at all (the Java/POSIX ``\\p{Print}``, ``\\p{Alnum}``, ``\\p{XDigit}``,
``\\p{IsLetter}``: in ECMA-262 these are syntax errors, so no reading is exact).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

__all__ = ["UNICODE_VERSION", "expand_properties", "has_properties"]

UNICODE_VERSION = unicodedata.unidata_version

# ECMA-262 table "Value aliases and canonical values for the Unicode property
# General_Category" (from the UCD's PropertyValueAliases.txt): every name → categories.
_CATEGORIES = {
    "C": "Cc Cf Cn Co Cs",
    "Other": "Cc Cf Cn Co Cs",
    "Cc": "Cc",
    "Control": "Cc",
    "cntrl": "Cc",
    "Cf": "Cf",
    "Format": "Cf",
    "Cn": "Cn",
    "Unassigned": "Cn",
    "Co": "Co",
    "Private_Use": "Co",
    "Cs": "Cs",
    "Surrogate": "Cs",
    "L": "Ll Lm Lo Lt Lu",
    "Letter": "Ll Lm Lo Lt Lu",
    "LC": "Ll Lt Lu",
    "Cased_Letter": "Ll Lt Lu",
    "M": "Mc Me Mn",
    "Mark": "Mc Me Mn",
    "Combining_Mark": "Mc Me Mn",
    "N": "Nd Nl No",
    "Number": "Nd Nl No",
    "Nd": "Nd",
    "Decimal_Number": "Nd",
    "digit": "Nd",
    "P": "Pc Pd Pe Pf Pi Po Ps",
    "Punctuation": "Pc Pd Pe Pf Pi Po Ps",
    "punct": "Pc Pd Pe Pf Pi Po Ps",
    "S": "Sc Sk Sm So",
    "Symbol": "Sc Sk Sm So",
    "Z": "Zl Zp Zs",
    "Separator": "Zl Zp Zs",
}
_ONE = {
    "Ll": "Lowercase_Letter",
    "Lm": "Modifier_Letter",
    "Lo": "Other_Letter",
    "Lt": "Titlecase_Letter",
    "Lu": "Uppercase_Letter",
    "Mc": "Spacing_Mark",
    "Me": "Enclosing_Mark",
    "Mn": "Nonspacing_Mark",
    "Nl": "Letter_Number",
    "No": "Other_Number",
    "Pc": "Connector_Punctuation",
    "Pd": "Dash_Punctuation",
    "Pe": "Close_Punctuation",
    "Pf": "Final_Punctuation",
    "Pi": "Initial_Punctuation",
    "Po": "Other_Punctuation",
    "Ps": "Open_Punctuation",
    "Sc": "Currency_Symbol",
    "Sk": "Modifier_Symbol",
    "Sm": "Math_Symbol",
    "So": "Other_Symbol",
    "Zl": "Line_Separator",
    "Zp": "Paragraph_Separator",
    "Zs": "Space_Separator",
}
for _short, _long in _ONE.items():
    _CATEGORIES[_short] = _CATEGORIES[_long] = _short
_BINARY = {
    "ASCII": ((0, 0x7F),),
    "Any": ((0, 0x10FFFF),),
    "ASCII_Hex_Digit": ((0x30, 0x39), (0x41, 0x46), (0x61, 0x66)),
    "AHex": ((0x30, 0x39), (0x41, 0x46), (0x61, 0x66)),
}
_SURROGATES = (0xD800, 0xDFFF)
_ESCAPE = re.compile(r"\\([pP])\{([^}]*)\}")


def has_properties(pattern: str) -> bool:
    """Whether ``pattern`` holds a ``\\p{…}``/``\\P{…}`` escape (not an escaped backslash)."""
    return any(kind for kind, _, _ in _tokens(pattern))


def expand_properties(pattern: str) -> tuple[str | None, str]:
    """``pattern`` with every property escape spelled as its class, and ``""``; or
    ``None`` and why one escape has no exact spelling."""
    out: list[str] = []
    for kind, text, inside in _tokens(pattern):
        if not kind:
            out.append(text)
            continue
        ranges = _ranges(text)
        if ranges is None:
            return None, f"\\{kind}{{{text}}} is no ECMA-262 property this translation spells"
        if kind == "P":
            ranges = _complement(ranges)
        body = "".join(_range(low, high) for low, high in ranges)
        out.append(body if inside else f"[{body}]")
    return "".join(out), ""


def _tokens(pattern: str) -> list[tuple[str, str, bool]]:
    """(``p``/``P``/``""``, the property name or the plain text, inside a class)."""
    found: list[tuple[str, str, bool]] = []
    index, inside, size = 0, False, len(pattern)
    while index < size:
        char = pattern[index]
        if char == "\\":
            match = _ESCAPE.match(pattern, index)
            if match:
                found.append((match.group(1), match.group(2), inside))
                index = match.end()
                continue
            found.append(("", pattern[index : index + 2], inside))
            index += 2
            continue
        if char == "[" and not inside:
            inside = True
        elif char == "]" and inside:
            inside = False
        found.append(("", char, inside))
        index += 1
    return found


def _ranges(name: str) -> tuple[tuple[int, int], ...] | None:
    key, _, value = name.partition("=")
    if value:
        return _category(value) if key in ("General_Category", "gc") else None
    if name in _BINARY:
        return _BINARY[name]
    return _category(name)


def _category(name: str) -> tuple[tuple[int, int], ...] | None:
    categories = _CATEGORIES.get(name)
    return _category_ranges(categories) if categories else None


@cache
def _category_ranges(categories: str) -> tuple[tuple[int, int], ...]:
    wanted = set(categories.split())
    table = _table()
    ranges: list[tuple[int, int]] = []
    for low, high, category in table:
        if category not in wanted:
            continue
        if ranges and ranges[-1][1] + 1 == low:
            ranges[-1] = (ranges[-1][0], high)
        else:
            ranges.append((low, high))
    return tuple(ranges)


@cache
def _table() -> tuple[tuple[int, int, str], ...]:
    """Runs of code points of one general category, surrogates left out."""
    runs: list[tuple[int, int, str]] = []
    start, current = 0, unicodedata.category("\0")
    for point in range(1, 0x110000):
        category = "" if _SURROGATES[0] <= point <= _SURROGATES[1] else None
        category = unicodedata.category(chr(point)) if category is None else category
        if category != current:
            runs.append((start, point - 1, current))
            start, current = point, category
    runs.append((start, 0x10FFFF, current))
    return tuple(run for run in runs if run[2])


def _complement(ranges: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    low = 0
    for start, end in sorted((*ranges, _SURROGATES)):
        if start > low:
            out.append((low, start - 1))
        low = max(low, end + 1)
    if low <= 0x10FFFF:
        out.append((low, 0x10FFFF))
    return tuple(out)


def _range(low: int, high: int) -> str:
    if low == high:
        return _char(low)
    return f"{_char(low)}-{_char(high)}"


def _char(point: int) -> str:
    if point < 0x80:
        char = chr(point)
        return char if char.isalnum() else f"\\x{point:02x}"
    return f"\\u{point:04x}" if point <= 0xFFFF else f"\\U{point:08x}"
