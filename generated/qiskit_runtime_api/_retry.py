"""When a failed attempt is tried again, and after how long.

Pure decisions, and the log line of each retry. Idempotent methods (GET, PUT,
DELETE ...) are retried on connection errors, timeouts and the transient
statuses. POST and PATCH are retried only when the request surely did not
reach the service: no connection was made. An answer, even a 503 or a 429
with ``Retry-After``, means the request arrived, and a POST that arrived may
have created what it asked for (retried submissions are how an SDK makes
duplicates); with no idempotency key to make a resend safe, the error goes to
the caller, who can look for what was created before sending again. Nothing is ever
submitted twice by the client.

A retry whose wait would end past the call's deadline is not made.
"""

from __future__ import annotations

import email.utils
import random
from collections.abc import Callable
from typing import TYPE_CHECKING

import httpx

from ._logs import logger

if TYPE_CHECKING:
    from ._limits import Deadline

__all__ = [
    "IDEMPOTENT_METHODS",
    "MAX_RETRY_AFTER",
    "RETRYABLE_STATUSES",
    "backoff",
    "parse_retry_after",
    "retry_delay",
    "retry_status",
    "retry_transport_error",
    "retry_wait",
    "surely_not_sent",
]

IDEMPOTENT_METHODS = frozenset({"GET", "PUT", "DELETE", "HEAD", "OPTIONS"})
RETRYABLE_STATUSES = frozenset({408, 429, 500, 502, 503, 504, 520, 521, 522, 523, 524})
MAX_RETRY_AFTER = 60.0
INITIAL_BACKOFF = 0.5
MAX_BACKOFF = 8.0


def surely_not_sent(exc: httpx.TransportError) -> bool:
    """The request never left: no connection was made (or none was free)."""
    return isinstance(exc, (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout))


def retry_transport_error(method: str, exc: httpx.TransportError) -> bool:
    if isinstance(exc, httpx.LocalProtocolError):
        return False  # the client could not write the request: it will fail the same way
    return method in IDEMPOTENT_METHODS or surely_not_sent(exc)


def retry_status(method: str, status: int, retry_after: float | None) -> bool:
    """Whether an answer with ``status`` is worth another attempt (``retry_after`` is kept
    for the caller's sake: it never makes a non-idempotent request safe to send again)."""
    return status in RETRYABLE_STATUSES and method in IDEMPOTENT_METHODS


def parse_retry_after(value: str | None, now: float) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (seconds or an HTTP date)."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        seconds = float(text)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError):
            return None
        seconds = when.timestamp() - now
    if seconds != seconds:  # NaN
        return None
    return max(0.0, seconds)


def backoff(retry: int, jitter: float) -> float:
    """``min(0.5 * 2**retry, 8)`` seconds, less up to a quarter by ``jitter`` in [0, 1)."""
    return min(INITIAL_BACKOFF * 2.0**retry, MAX_BACKOFF) * (1.0 - 0.25 * jitter)


def retry_delay(
    retry: int, retry_after: float | None, jitter: Callable[[], float] = random.random
) -> float:
    """How long to wait before retry number ``retry`` (0 for the first)."""
    if retry_after is not None:
        return min(retry_after, MAX_RETRY_AFTER)
    return backoff(retry, jitter())


def retry_wait(
    deadline: Deadline,
    what: str,
    retries: int,
    retry_after: float | None,
    why: object,
    request: httpx.Request | None = None,
) -> float:
    """The wait before retry ``retries + 1`` of ``what`` (logged); raises
    ``DeadlineExceededError`` when the retry could not start before the deadline."""
    delay = retry_delay(retries, retry_after)
    if delay >= deadline.remaining():
        raise deadline.error(f"before retry {retries + 1} of {what} (after: {why})", request)
    logger.info("retrying %s in %.2f s (retry %d) after: %s", what, delay, retries + 1, why)
    return delay
