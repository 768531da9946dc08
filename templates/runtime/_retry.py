"""When a failed attempt is tried again, and after how long.

Pure decisions, no I/O. Idempotent methods are retried on connection errors,
timeouts and the transient statuses; POST and PATCH only when the request
surely did not reach the service (the connection was never made, or a 429 or
503 came with ``Retry-After``), so a job is never submitted twice.
"""

from __future__ import annotations

import email.utils
import random
from collections.abc import Callable

import httpx

__all__ = [
    "IDEMPOTENT_METHODS",
    "MAX_RETRY_AFTER",
    "RETRYABLE_STATUSES",
    "backoff",
    "parse_retry_after",
    "retry_delay",
    "retry_status",
    "retry_transport_error",
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
    return method in IDEMPOTENT_METHODS or surely_not_sent(exc)


def retry_status(method: str, status: int, retry_after: float | None) -> bool:
    if status not in RETRYABLE_STATUSES:
        return False
    if method in IDEMPOTENT_METHODS:
        return True
    return status in (429, 503) and retry_after is not None


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
