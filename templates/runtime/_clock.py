"""Time as the client sees it: one object to replace in tests.

Retries, token refresh and job waiting read the time and sleep only through
a ``Clock``, so a test can count and skip every wait instead of sleeping.
"""

from __future__ import annotations

import asyncio
import time as _time

__all__ = ["SYSTEM_CLOCK", "Clock"]


class Clock:
    """Wall time, monotonic time and sleeping, from the standard library."""

    # The standard library's functions themselves, not methods that call them: a call
    # reads the monotonic clock three to four times, and a Python frame costs more than
    # the reading.
    time = staticmethod(_time.time)
    monotonic = staticmethod(_time.monotonic)

    def sleep(self, seconds: float) -> None:
        if seconds > 0:
            _time.sleep(seconds)

    async def asleep(self, seconds: float) -> None:
        if seconds > 0:
            await asyncio.sleep(seconds)


SYSTEM_CLOCK = Clock()
