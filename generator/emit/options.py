"""The keyword arguments generated methods add to an operation's own.

Every method ends with the call options; ``list_all`` takes a page size and
``wait`` its polling options. Their names are reserved: a parameter from the
spec that has one takes a ``_`` (``generator.emit.methods``).
"""

from __future__ import annotations

from generator.emit.expressions import NONE, Argument, Expr, Name, Subscript, from_import, union
from generator.emit.expressions import module_name as _module_name

__all__ = [
    "CALL_OPTIONS",
    "CALL_OPTION_NAMES",
    "PAGE_SIZE",
    "option_names",
    "optional",
    "wait_options",
]

MAPPING = from_import("collections.abc", "Mapping")
_STR = Name("str")
_FLOAT = Name("float")
_TIMEOUT = union([_FLOAT, _module_name("httpx", "Timeout")])


def optional(name: str, annotation: Expr) -> Argument:
    """``name: annotation | None = None``."""
    return Argument(name, union([annotation, NONE]), "None")


_OBJECT_MAPPING = Subscript(MAPPING, (_STR, Name("object")))
CALL_OPTIONS = (
    optional("extra_headers", Subscript(MAPPING, (_STR, _STR))),
    optional("extra_query", _OBJECT_MAPPING),
    optional("extra_body", _OBJECT_MAPPING),
    optional("timeout", _TIMEOUT),
    optional("max_retries", Name("int")),
    optional("deadline", _FLOAT),
    optional("max_response_bytes", Name("int")),
)
"""What every generated method ends with: ``_base_client.CallOptions``'s fields, in
order (tests/test_escape_hatches.py holds the two equal); each is passed on by name."""

CALL_OPTION_NAMES = tuple(a.name for a in CALL_OPTIONS)

PAGE_SIZE = optional("page_size", Name("int"))
"""``list_all``'s own keyword, before the call options."""

_EXTRA_HEADERS, _MAX_RETRIES = (
    a for a in CALL_OPTIONS if a.name in ("extra_headers", "max_retries")
)


def wait_options(raises: bool) -> tuple[Argument, ...]:
    """``wait``'s keywords: ``max_wait`` is the whole wait's, ``poll_timeout`` each poll's;
    ``raise_on_failure`` where the spec names failed or cancelled statuses."""
    return (
        optional("max_wait", _FLOAT),
        Argument("poll_interval", _FLOAT, "1.0"),
        Argument("max_interval", _FLOAT, "10.0"),
        *([Argument("raise_on_failure", Name("bool"), "False")] if raises else []),
        _EXTRA_HEADERS,
        optional("poll_timeout", _TIMEOUT),
        _MAX_RETRIES,
    )


def option_names() -> frozenset[str]:
    return frozenset(a.name for a in (*CALL_OPTIONS, PAGE_SIZE, *wait_options(raises=True)))
