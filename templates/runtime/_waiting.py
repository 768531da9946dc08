"""Polling until a resource reaches a final status: ``client.jobs.wait(job_id)``.

The interval starts at ``poll_interval`` (1 s) and grows by half each poll up
to ``max_interval`` (10 s). Which statuses are final comes from the spec's
overlay (for jobs: Completed, Failed, Cancelled and "Cancelled - Ran too
long"); waiting past ``max_wait`` raises ``WaitTimeoutError`` with the last value.
With ``raise_on_failure=True`` a failed or cancelled final status raises
``JobFailedError`` or ``JobCancelledError`` with the reason the answer gives.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ._clock import Clock
from ._exceptions import JobCancelledError, JobFailedError, WaitTimeoutError
from ._parsing import read_path

__all__ = ["FinalStatus", "WaitSchedule"]

GROWTH = 1.5


@dataclass(frozen=True)
class FinalStatus:
    field: str  # path in the response to the status
    final: frozenset[str]
    failed: frozenset[str] = frozenset()
    cancelled: frozenset[str] = frozenset()
    # JobFailedError's reason, reason_code, reason_solution -> path in the response
    reasons: tuple[tuple[str, str], ...] = ()

    def status_of(self, value: Any) -> str | None:
        status = read_path(value, self.field)
        return None if status is None else str(getattr(status, "value", status))

    def reached(self, value: Any) -> bool:
        return self.status_of(value) in self.final

    def raise_for_failure(self, value: Any, what: str) -> None:
        """Raise ``JobFailedError`` (``JobCancelledError``) when ``value``'s final
        status is one of the failed (cancelled) ones."""
        status = self.status_of(value)
        if status is None or status not in self.failed | self.cancelled:
            return
        reasons = {name: read_path(value, path) for name, path in self.reasons}
        reason, code, solution = (
            reasons.get(n) for n in ("reason", "reason_code", "reason_solution")
        )
        kind = JobCancelledError if status in self.cancelled else JobFailedError
        message = f"{what} ended with status {status!r}"
        message += f": {reason}" if reason else ""
        message += f" (code {code})" if code is not None else ""
        message += f". {solution}" if solution else ""
        raise kind(
            message,
            value,
            status,
            None if reason is None else str(reason),
            code if isinstance(code, int) else None,
            None if solution is None else str(solution),
        )


class WaitSchedule:
    """When to poll next, and when to give up; ``what`` names the call in messages."""

    def __init__(
        self,
        clock: Clock,
        what: str,
        timeout: float | None,
        poll_interval: float,
        max_interval: float,
    ) -> None:
        if poll_interval <= 0 or max_interval <= 0:
            raise ValueError("poll_interval and max_interval must be positive")
        self._clock = clock
        self.what = what
        self._timeout = timeout
        self._deadline = None if timeout is None else clock.monotonic() + timeout
        self._interval = min(poll_interval, max_interval)
        self._max = max_interval

    def next_sleep(self, final: FinalStatus, value: Any) -> float:
        """Seconds to sleep before the next poll; raises once the time is up."""
        now = self._clock.monotonic()
        if self._deadline is not None and now >= self._deadline:
            raise WaitTimeoutError(
                f"{self.what} did not reach a final status within {self._timeout:g} s "
                f"(last status: {final.status_of(value)})",
                value,
            )
        sleep = self._interval
        if self._deadline is not None:
            sleep = min(sleep, self._deadline - now)
        self._interval = min(self._interval * GROWTH, self._max)
        return sleep
