"""What a request may not be, checked before it is sent.

``refuse_line_breaks``: a header value with a line break or NUL would split
the request (header injection); it is refused, naming the header, and nothing
is sent. ``origin`` and ``base_origin``: a request goes only to ``base_url``'s
origin (scheme, host, port), so the credentials merged into its headers never
reach another host; ``_base_client`` compares the two for every request it builds.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

import httpx

from ._exceptions import InvalidRequestError

__all__ = ["base_origin", "origin", "refuse_line_breaks"]

_LINE_BREAKS = ("\r", "\n", "\0")


def origin(url: httpx.URL) -> tuple[bytes, str, int | None]:
    return (url.raw_scheme, url.host, url.port)


@functools.lru_cache(maxsize=64)
def base_origin(base_url: str) -> tuple[bytes, str, int | None]:
    """``base_url``'s origin, parsed once per URL rather than once per call."""
    return origin(httpx.URL(base_url))


def refuse_line_breaks(headers: Mapping[str, str]) -> None:
    joined = "".join(headers.values())  # one scan in the usual case: nothing to refuse
    if "\r" not in joined and "\n" not in joined and "\0" not in joined:  # _LINE_BREAKS
        return
    for name, value in headers.items():
        if any(mark in value for mark in _LINE_BREAKS):
            raise InvalidRequestError(
                f"the value of header {name!r} contains a line break or NUL, which would "
                "split the request; nothing was sent (remove it from the value)"
            )
