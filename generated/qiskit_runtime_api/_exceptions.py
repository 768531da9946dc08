"""Errors raised by the client.

    APIError                      anything the client raises on a call
    ├── InvalidRequestError       the call cannot be sent as given; nothing was sent
    │                             (also a ``ValueError``)
    ├── APIConnectionError        the request did not get an HTTP answer
    │   └── APITimeoutError       ... because it timed out
    │       └── DeadlineExceededError  ... because the call's overall deadline passed
    ├── APIStatusError            the answer's status was not 2xx
    │   ├── BadRequestError            400
    │   ├── AuthenticationError        401, or a token exchange's 400 for a refused API key
    │   ├── PermissionDeniedError      403
    │   ├── NotFoundError              404
    │   ├── ConflictError              409
    │   ├── UnprocessableEntityError   422
    │   ├── RateLimitError             429
    │   └── InternalServerError        5xx
    ├── ResponseValidationError   a 2xx body did not match its schema (strict mode),
    │                             or is not JSON, or is nested too deeply
    ├── ResponseTooLargeError     a body grew past the call's ``max_response_bytes``
    ├── WaitTimeoutError          ``wait()`` gave up before the job reached a final status
    └── JobFailedError            ``wait(raise_on_failure=True)``: the job ended in failure
        └── JobCancelledError     ... because it was cancelled

``APIStatusError`` carries the response, the parsed body, the service's
``errors`` list (``code``, ``message``, ``solution``, ``more_info``) and its
``trace`` id (a token service's ``errorCode``/``errorMessage``/``context.requestId``
are read the same way; without one in the body, the ``uber-trace-id`` or
``X-Request-ID`` header). ``str(err)`` gives the status, the first message and
its solution, and the trace id; a body that is not JSON is kept as text. Its
message and ``body`` never contain credentials: both pass through
``_redact.redact`` (``response`` and ``request`` are httpx's own objects, as
sent and received).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import httpx

from ._json import load_json
from ._redact import redact, secrets_of
from ._response import request_id

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "DeadlineExceededError",
    "ErrorDetail",
    "InternalServerError",
    "InvalidRequestError",
    "JobCancelledError",
    "JobFailedError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "UnprocessableEntityError",
    "WaitTimeoutError",
    "status_error",
]

LastT = TypeVar("LastT")


class APIError(Exception):
    """Base class of every error the client raises for a call."""

    def __init__(self, message: str, request: httpx.Request | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.request = request


class APIConnectionError(APIError):
    """No HTTP answer: the connection failed, was reset, or timed out."""


class APITimeoutError(APIConnectionError):
    """The request timed out."""


class DeadlineExceededError(APITimeoutError):
    """The call's overall ``deadline`` passed (token exchange, attempts and waits included)."""


class InvalidRequestError(APIError, ValueError):
    """The call's arguments cannot be sent as given; nothing was sent, nothing is retried."""


class ResponseTooLargeError(APIError):
    """A response body grew past ``max_response_bytes`` (counted after decompression)."""

    def __init__(self, message: str, request: httpx.Request, limit: int) -> None:
        super().__init__(message, request)
        self.limit = limit


@dataclass(frozen=True)
class ErrorDetail:
    """One entry of the service's ``errors`` list."""

    code: str
    message: str
    solution: str
    more_info: str


class APIStatusError(APIError):
    """The service answered with a status that is not 2xx."""

    def __init__(
        self, response: httpx.Response, body: Any, context: str = "", secrets: Iterable[str] = ()
    ) -> None:
        known = [*secrets, *secrets_of(response.request.headers)]
        self.response = response
        self.status_code = response.status_code
        self.body = redact(body, known)
        self.errors = _error_details(self.body)
        self.trace = _trace(self.body) or request_id(response.headers) or ""
        super().__init__(redact(self._describe(context), known), response.request)

    def _describe(self, context: str) -> str:
        text = f"{self.status_code} {self.response.reason_phrase}".strip()
        request = self.response.request
        text += f" from {request.method} {request.url.copy_with(query=None)}"
        if context:
            text = f"{context}: {text}"
        location = self.response.headers.get("Location")
        if 300 <= self.status_code < 400 and location:
            text += f" (a redirect to {_shorten(location)}, not followed: credentials stay with"
            text += " the configured URL; set base_url (or a token exchange's URL) to the new"
            text += " address if trusted)"
        if self.errors:
            first = self.errors[0]
            text += f": {first.message}" if first.message else ""
            text += f" (solution: {first.solution})" if first.solution else ""
            if len(self.errors) > 1:
                text += f" [+{len(self.errors) - 1} more]"
        elif isinstance(self.body, str) and self.body.strip():
            text += ": " + _shorten(self.body.strip())
        elif self.body is not None:
            text += ": " + _shorten(json.dumps(self.body, ensure_ascii=False))
        if self.trace:
            text += f" [trace {self.trace}]"
        return text


class BadRequestError(APIStatusError):
    """400: the request was malformed."""


class AuthenticationError(APIStatusError):
    """401: the credentials are missing, wrong or expired.

    Also raised, with ``status_code`` 400, when a key-for-token exchange refuses
    the API key: the token service answers 400 for a key it does not know (for
    example ``BXNIM0415E``, "Provided API key could not be found"), and every 4xx
    of the exchange but 429 is a refused key. Its ``errors[0].code`` is the
    service's ``errorCode`` and ``trace`` its request id.
    """


class PermissionDeniedError(APIStatusError):
    """403: the credentials do not allow this."""


class NotFoundError(APIStatusError):
    """404: no such resource."""


class ConflictError(APIStatusError):
    """409: the resource is not in a state that allows this."""


class UnprocessableEntityError(APIStatusError):
    """422: the request was understood but not valid."""


class RateLimitError(APIStatusError):
    """429: too many requests."""


class InternalServerError(APIStatusError):
    """5xx: the service failed."""


class ResponseValidationError(APIError):
    """A successful response's body did not match the spec (``strict=True`` only)."""

    def __init__(self, message: str, response: httpx.Response, raw_body: bytes) -> None:
        super().__init__(message, response.request)
        self.response = response
        self.raw_body = raw_body


class WaitTimeoutError(APIError, Generic[LastT]):
    """``wait()`` ran out of time; ``last`` is the value seen last.

    ``WaitTimeoutError[models.JobResponse]`` types ``last`` (an ``except`` clause
    cannot name the parameter: ``cast`` the caught error, or read ``last``
    through ``isinstance``).
    """

    def __init__(self, message: str, last: LastT) -> None:
        super().__init__(message)
        self.last: LastT = last


class JobFailedError(APIError):
    """``wait(raise_on_failure=True)`` saw a final status that means failure.

    ``job`` is the last answer; ``status``, ``reason``, ``reason_code`` and
    ``reason_solution`` are read from it (``None`` where it has none), where the
    spec's ``x-wait`` says they are.
    """

    def __init__(
        self,
        message: str,
        job: Any,
        status: str,
        reason: str | None = None,
        reason_code: int | None = None,
        reason_solution: str | None = None,
    ) -> None:
        super().__init__(message)
        self.job = job
        self.status = status
        self.reason = reason
        self.reason_code = reason_code
        self.reason_solution = reason_solution


class JobCancelledError(JobFailedError):
    """``wait(raise_on_failure=True)`` saw a status that means the job was cancelled."""


_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def status_error(
    response: httpx.Response,
    context: str = "",
    kind: type[APIStatusError] | None = None,
    secrets: Iterable[str] = (),
) -> APIStatusError:
    """The exception for a non-2xx ``response`` (its body already read), of ``kind`` if given.

    A body that is not JSON, or is nested too deeply to parse, is kept as text.
    """
    body: Any
    try:
        body = load_json(response.content) if response.content else None
    except ValueError:
        body = response.text
    if kind is None:
        kind = (
            InternalServerError
            if response.status_code >= 500
            else _BY_STATUS.get(response.status_code, APIStatusError)
        )
    return kind(response, body, context, secrets)


def _shorten(text: str) -> str:
    return text if len(text) <= 200 else text[:197] + "..."


def _trace(body: Any) -> str:
    if not isinstance(body, dict):
        return ""
    if body.get("trace"):
        return str(body["trace"])
    context = body.get("context")
    return str(context.get("requestId", "")) if isinstance(context, dict) else ""


def _error_details(body: Any) -> list[ErrorDetail]:
    if isinstance(body, dict) and "errorMessage" in body:  # a token service's error
        return [ErrorDetail(str(body.get("errorCode", "")), str(body["errorMessage"]), "", "")]
    if not isinstance(body, dict) or not isinstance(body.get("errors"), list):
        return []
    details = []
    for entry in body["errors"]:
        if isinstance(entry, dict):
            details.append(
                ErrorDetail(
                    code=str(entry.get("code", "")),
                    message=str(entry.get("message", "")),
                    solution=str(entry.get("solution", "")),
                    more_info=str(entry.get("more_info", "")),
                )
            )
    return details
