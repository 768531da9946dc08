"""Regular expressions from input files, refused when they could backtrack for ever.

An overlay's JSONPath may call ``match()`` or ``search()`` with a pattern of
its own, and Python's ``re`` backtracks: ``(a+)+$`` on forty ``a`` and a
``b`` never finishes, and nothing can interrupt it. ``unsafe_reason`` reads
the pattern's parse tree and names what makes it exponential: a repeat that
contains another repeat or an alternation, or a back-reference (I-Regexp,
RFC 9485, which RFC 9535 prescribes, has none). What remains matches in time
polynomial in the text. ``GuardedMatch``/``GuardedSearch`` are the JSONPath
functions with that check in front.
"""

from __future__ import annotations

import re
from re import _constants as sre_constants  # type: ignore[attr-defined]  # Python 3.11+
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

from jsonpath import function_extensions

__all__ = ["GuardedMatch", "GuardedSearch", "UnsafePattern", "unsafe_reason"]

_REPEATS = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT}
_REPEATS |= {getattr(sre_constants, "POSSESSIVE_REPEAT", sre_constants.MAX_REPEAT)}


class UnsafePattern(ValueError):
    """A pattern ``unsafe_reason`` refused; ``args`` are the pattern and the reason."""


def unsafe_reason(pattern: str) -> str | None:
    """Why ``pattern`` could take exponential time, or ``None`` if it cannot."""
    try:
        tree = sre_parse.parse(pattern)
    except re.error as exc:
        return f"it is not a regular expression ({exc})"
    return _walk(list(tree), inside_repeat=False)


def _walk(items: list[tuple[Any, Any]], inside_repeat: bool) -> str | None:
    for op, value in items:
        if op in _REPEATS:
            _, high, body = value
            repeats = high > 1  # MAXREPEAT (no upper bound) is a large number too
            if inside_repeat and repeats:
                return "a repeat inside a repeat"
            found = _walk(list(body), inside_repeat or repeats)
            if found:
                return found
        elif op is sre_constants.BRANCH:
            if inside_repeat:
                return "an alternation inside a repeat"
            for branch in value[1]:
                found = _walk(list(branch), inside_repeat)
                if found:
                    return found
        elif op is sre_constants.SUBPATTERN:
            found = _walk(list(value[-1]), inside_repeat)
            if found:
                return found
        elif op in (sre_constants.GROUPREF, sre_constants.GROUPREF_EXISTS):
            return "a back-reference"
        elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            found = _walk(list(value[1]), inside_repeat)
            if found:
                return found
    return None


class _Guarded:
    def check_cache(self, pattern: str) -> Any:
        reason = unsafe_reason(pattern)
        if reason is not None:
            raise UnsafePattern(pattern, reason)
        return super().check_cache(pattern)  # type: ignore[misc]


class GuardedMatch(_Guarded, function_extensions.Match):
    """RFC 9535 ``match()``, refusing patterns that could backtrack for ever."""


class GuardedSearch(_Guarded, function_extensions.Search):
    """RFC 9535 ``search()``, refusing patterns that could backtrack for ever."""
