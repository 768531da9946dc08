"""Validation run beside the later stages, on another core.

openapi-spec-validator is one of the slowest stages and nothing downstream
needs its answer until the end, so on Linux it runs in a forked worker while
the main process dereferences, builds the IR, the models and the files. The
worker then checks the dereferenced document's examples against their schemas
(warnings only). It imports the validator libraries itself, so the main
process never loads them.
Its verdict still comes first: ``finish`` raises its errors, and a later
stage that fails on an invalid document reports the validator's errors, not
its own confusion. Elsewhere the validation simply runs in place.
"""

from __future__ import annotations

import multiprocessing
import sys
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from .diagnostics import Diagnostic, GeneratorError, Level

__all__ = ["Validation"]

Outcome = tuple[list[Diagnostic], float]


def _timed_validate(spec: Any, name: str, uri: str, allow_remote: bool) -> Outcome:
    started = time.perf_counter()
    from .validate import validate_spec  # loaded here, in the worker

    return validate_spec(spec, name, uri, allow_remote), time.perf_counter() - started


def _timed_examples(spec: Any, name: str) -> Outcome:
    started = time.perf_counter()
    from .validate import check_examples

    return check_examples(spec, name), time.perf_counter() - started


class Validation:
    """One document's validation, started now and finished when its verdict is needed.

    Its tasks run one after the other in one worker: the validation of the
    document as written, then (``check_examples``) the examples of the
    dereferenced document against their schemas.
    """

    def __init__(self, spec: Any, name: str, uri: str, allow_remote: bool) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._tasks: list[Future[Outcome] | Outcome] = []
        self._outcome: Outcome | None = None
        if sys.platform == "linux":
            self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
        self._start(_timed_validate, spec, name, uri, allow_remote)

    def _start(self, work: Callable[..., Outcome], *args: Any) -> None:
        self._tasks.append(self._pool.submit(work, *args) if self._pool else work(*args))

    def check_examples(self, resolved_spec: Any, name: str) -> None:
        """Also check the examples of the dereferenced document (warnings only)."""
        self._start(_timed_examples, resolved_spec, name)

    def finish(self) -> Outcome:
        """The warnings and the seconds it took; raises ``GeneratorError`` with its errors."""
        if self._outcome is None:
            problems: list[Diagnostic] = []
            seconds = 0.0
            read_all = False
            try:
                for task in self._tasks:
                    found, took = task.result() if isinstance(task, Future) else task
                    problems += found
                    seconds += took
                    if any(p.level is Level.ERROR for p in found):
                        break  # the validator's errors decide; later tasks need not be read
                else:
                    read_all = True
            finally:
                if self._pool is not None:
                    self._pool.shutdown(wait=read_all, cancel_futures=True)
            self._outcome = problems, seconds
        problems, seconds = self._outcome
        errors = [d for d in problems if d.level is Level.ERROR]
        if errors:
            raise GeneratorError(errors)
        return problems, seconds

    def cancel(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
