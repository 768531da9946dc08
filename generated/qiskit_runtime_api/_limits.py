"""What one call may cost, and the one way a request is sent.

A call has two bounds, set per client (``Client(max_response_bytes=...,
deadline=...)``) and per call (``client.with_options(deadline=5).jobs.get(...)``):

- ``max_response_bytes`` (default 100 MiB): the largest body, counted after
  decompression, read from the service or from a token exchange. The body is
  read in chunks and the read stops as soon as the total passes the limit
  (``ResponseTooLargeError``), so a 2 GB body or a gzip bomb never sits in
  memory; at most one decoded network chunk more than the limit is held.
- ``deadline`` (default 30 min; ``None``: none): seconds for the whole call,
  a token exchange, every attempt and the waits between them included.
  Every connect, write and read of an attempt waits at most the time left
  when the attempt began (httpx fixes an attempt's timeouts when it starts),
  the time is checked after each chunk of the body, and a retry whose wait
  would end past the deadline is not made (``DeadlineExceededError``). So a
  call ends by the deadline plus at most one such wait: a server that
  trickles a byte at a time is cut off at its first byte past the deadline.

``send_sync`` and ``send_async`` are the only places the client sends: each
request is sent with ``follow_redirects=False`` whatever the ``httpx`` client
says, so credentials never follow a redirect to another origin; a 3xx is
returned as an answer like any other.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import httpx

from ._clock import Clock
from ._exceptions import DeadlineExceededError, ResponseTooLargeError
from ._redact import redact

__all__ = [
    "DEFAULT_DEADLINE",
    "DEFAULT_MAX_RESPONSE_BYTES",
    "Deadline",
    "Limits",
    "send_async",
    "send_sync",
]

DEFAULT_MAX_RESPONSE_BYTES = 100 * 1024 * 1024
DEFAULT_DEADLINE = 1800.0


class Deadline:
    """The moment a call must be over by, on ``clock``'s monotonic time."""

    __slots__ = ("_at", "_clock", "seconds")

    def __init__(self, clock: Clock, seconds: float | None) -> None:
        self.seconds = seconds
        self._clock = clock
        self._at = math.inf if seconds is None else clock.monotonic() + seconds

    def remaining(self) -> float:
        return self._at - self._clock.monotonic()

    def expired(self) -> bool:
        return self._at - self._clock.monotonic() <= 0  # remaining(), without its call

    def error(self, where: str, request: httpx.Request | None = None) -> DeadlineExceededError:
        return DeadlineExceededError(
            f"the call's deadline of {self.seconds:g} s passed {where} "
            "(set deadline= on the client or with_options(deadline=...) for more time)",
            request,
        )

    def check(self, where: str, request: httpx.Request | None = None) -> None:
        if self._at - self._clock.monotonic() <= 0:  # expired(), checked after every chunk
            raise self.error(where, request)

    def cap(self, timeout: httpx.Timeout) -> httpx.Timeout:
        """``timeout`` with no wait longer than the time left."""
        left = self._at - self._clock.monotonic()  # remaining()
        if left == math.inf:
            return timeout
        if left <= 0:
            raise self.error("before the request was sent")
        connect, read, write, pool = timeout.connect, timeout.read, timeout.write, timeout.pool
        if (
            connect is not None
            and read is not None
            and write is not None
            and pool is not None
            and max(connect, read, write, pool) <= left
        ):
            return timeout  # nothing to cap: the usual case, far from the deadline

        def capped(value: float | None) -> float:
            return left if value is None else min(value, left)

        return httpx.Timeout(
            connect=capped(timeout.connect),
            read=capped(timeout.read),
            write=capped(timeout.write),
            pool=capped(timeout.pool),
        )


class Limits(NamedTuple):  # a named tuple: one per call, and cheaper to make than a dataclass
    max_response_bytes: int
    deadline: Deadline


def send_sync(http: httpx.Client, request: httpx.Request, limits: Limits) -> httpx.Response:
    """The answer to ``request``, its body read within ``limits``; redirects are not followed."""
    response = http.send(request, stream=True, follow_redirects=False)
    try:
        _check_declared_size(response, limits)
        chunks: list[bytes] = []
        size, most, deadline = 0, limits.max_response_bytes, limits.deadline
        at, monotonic = deadline._at, deadline._clock.monotonic
        for chunk in response.iter_bytes():  # inline: a call per chunk costs
            size += len(chunk)
            if size > most:
                raise _too_large(response, limits, f"passed {most} bytes")
            chunks.append(chunk)
            if at - monotonic() <= 0:  # deadline.check(), without its call
                raise deadline.error("while the response was read", request)
        response._content = b"".join(chunks)  # what ``Response.read()`` sets; one chunk: no copy
    finally:
        if not response.is_closed:  # read to its end, the stream closed it
            response.close()
    return response


async def send_async(
    http: httpx.AsyncClient, request: httpx.Request, limits: Limits
) -> httpx.Response:
    """``send_sync`` for ``httpx.AsyncClient``."""
    response = await http.send(request, stream=True, follow_redirects=False)
    try:
        _check_declared_size(response, limits)
        chunks: list[bytes] = []
        size, most, deadline = 0, limits.max_response_bytes, limits.deadline
        async for chunk in response.aiter_bytes():  # as in send_sync
            size += len(chunk)
            if size > most:
                raise _too_large(response, limits, f"passed {most} bytes")
            chunks.append(chunk)
            deadline.check("while the response was read", request)
        response._content = b"".join(chunks)
    finally:
        if not response.is_closed:
            await response.aclose()
    return response


def _check_declared_size(response: httpx.Response, limits: Limits) -> None:
    encodings: bytes | None = None  # the values of each header, joined by ", "
    lengths: bytes | None = None
    for name, value in response.headers.raw:  # one pass, not a lookup per header
        size = len(name)  # lowered only when it could be one of the two
        if size == 14 and name.lower() == b"content-length":
            lengths = value if lengths is None else lengths + b", " + value
        elif size == 16 and name.lower() == b"content-encoding":
            encodings = value if encodings is None else encodings + b", " + value
    if encodings is not None and encodings.strip().lower() != b"identity":
        return  # the limit is on the decoded size, known only while reading
    if lengths is None:
        return
    declared = lengths.strip()
    if declared.isdigit() and int(declared) > limits.max_response_bytes:
        raise _too_large(response, limits, f"declares {int(declared)} bytes")


def _too_large(response: httpx.Response, limits: Limits, what: str) -> ResponseTooLargeError:
    request = response.request
    where = redact(f"{request.method} {request.url.copy_with(query=None)}")
    return ResponseTooLargeError(
        f"the {response.status_code} answer to {where} {what}, more than the limit of "
        f"{limits.max_response_bytes} bytes (max_response_bytes= on the client or "
        "with_options(max_response_bytes=...) allows more)",
        request,
        limits.max_response_bytes,
    )
