"""Time as the client sees it: one object to replace in tests.

Retries, token refresh and job waiting read the time and sleep only through
a ``Clock``, so a test can count and skip every wait instead of sleeping.
"""

from __future__ import annotations

import asyncio
import time

__all__ = ["SYSTEM_CLOCK", "Clock"]


class Clock:
    """Wall time, monotonic time and sleeping, from the standard library."""

    def time(self) -> float:
        return time.time()

    def monotonic(self) -> float:
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        if seconds > 0:
            time.sleep(seconds)

    async def asleep(self, seconds: float) -> None:
        if seconds > 0:
            await asyncio.sleep(seconds)


SYSTEM_CLOCK = Clock()
