"""Interleaved timing of rival pieces of work, to resist a noisy machine.

Each round times every candidate once, starting from a different one each
round, after a garbage collection; a slow spell then hits all candidates
alike. Stdlib only: the peer's process imports it too.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Mapping

__all__ = ["interleaved"]


def interleaved(
    candidates: Mapping[str, Callable[[], object]], rounds: int, warmup: int = 1
) -> dict[str, list[float]]:
    """Seconds per call of each candidate, ``rounds`` samples each (after ``warmup`` rounds)."""
    names = list(candidates)
    samples: dict[str, list[float]] = {name: [] for name in names}
    for round_index in range(warmup + rounds):
        shift = round_index % len(names)
        for name in names[shift:] + names[:shift]:
            gc.collect()
            started = time.perf_counter()
            candidates[name]()
            elapsed = time.perf_counter() - started
            if round_index >= warmup:
                samples[name].append(elapsed)
    return samples
