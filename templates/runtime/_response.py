"""Raw responses: ``client.jobs.with_raw_response.get(...)``.

The parsed value itself carries no response facts (a list, a ``str`` or
``None`` could not, and a model's equality and dumps stay its fields'):
``with_raw_response`` is the way to the status, headers and ``request_id``.

The wrapper calls the ordinary method while a context variable asks the
client to keep the final ``httpx.Response``; it works the same for threads and
asyncio tasks, and the method's own signature and return type carry over.
"""

from __future__ import annotations

import contextvars
import functools
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Generic, ParamSpec, TypeVar

import httpx

__all__ = [
    "TRACE_HEADERS",
    "APIResponse",
    "async_raw_response",
    "raw_response",
    "record_response",
    "request_id",
]

T = TypeVar("T")
P = ParamSpec("P")


@dataclass(frozen=True)
class APIResponse(Generic[T]):
    """What the service answered, with the value the plain method returns."""

    http_response: httpx.Response
    parsed: T
    retries_taken: int

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def url(self) -> httpx.URL:
        return self.http_response.url

    @property
    def request_id(self) -> str | None:
        """The answer's trace id, to quote to the service's support: its ``uber-trace-id``
        header, else ``X-Request-ID``; ``None``
        when it has neither. An error's is ``APIStatusError.trace``."""
        return request_id(self.http_response.headers)

    @property
    def elapsed(self) -> float:
        """Seconds from sending the request to reading the whole response."""
        return self.http_response.elapsed.total_seconds()


TRACE_HEADERS = ("uber-trace-id", "x-request-id")


def request_id(headers: httpx.Headers) -> str | None:
    """The trace id an answer's headers carry (``TRACE_HEADERS``, first found)."""
    for name in TRACE_HEADERS:
        value: str | None = headers.get(name)
        if value:
            return value
    return None


@dataclass
class _Captured:
    response: httpx.Response | None = None
    retries: int = 0


_CAPTURE: contextvars.ContextVar[_Captured | None] = contextvars.ContextVar(
    __name__ + "_capture", default=None
)


def record_response(response: httpx.Response, retries: int) -> None:
    """Called by the client with each call's final response."""
    captured = _CAPTURE.get()
    if captured is not None:
        captured.response = response
        captured.retries = retries


def _result(captured: _Captured, value: T) -> APIResponse[T]:
    if captured.response is None:
        raise RuntimeError("the call returned without an HTTP response to show")
    return APIResponse(captured.response, value, captured.retries)


def raw_response(method: Callable[P, T]) -> Callable[P, APIResponse[T]]:
    @functools.wraps(method)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> APIResponse[T]:
        captured = _Captured()
        token = _CAPTURE.set(captured)
        try:
            value = method(*args, **kwargs)
        finally:
            _CAPTURE.reset(token)
        return _result(captured, value)

    return wrapped


def async_raw_response(
    method: Callable[P, Awaitable[T]],
) -> Callable[P, Awaitable[APIResponse[T]]]:
    @functools.wraps(method)
    async def wrapped(*args: P.args, **kwargs: P.kwargs) -> APIResponse[T]:
        captured = _Captured()
        token = _CAPTURE.set(captured)
        try:
            value = await method(*args, **kwargs)
        finally:
            _CAPTURE.reset(token)
        return _result(captured, value)

    return wrapped
