"""Validation run beside the later stages, on another core.

openapi-spec-validator is one of the slowest stages and nothing downstream
needs its answer until the end, so on Linux it runs in a forked worker while
the main process dereferences, builds the IR, the models and the files. The
worker also checks the examples against their schemas (warnings only), and it
imports the validator libraries itself, so the main process never loads them.
Its verdict still comes first: ``finish`` raises its errors, and a later
stage that fails on an invalid document reports the validator's errors, not
its own confusion. Elsewhere the validation simply runs in place.
"""

from __future__ import annotations

import multiprocessing
import sys
import time
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

from .diagnostics import Diagnostic, GeneratorError, Level
from .resolve import dereference

__all__ = ["Validation"]


def _timed_validate(
    spec: Any, name: str, uri: str, base: Path, allow_remote: bool
) -> tuple[list[Diagnostic], float]:
    started = time.perf_counter()
    from .validate import check_examples, validate_spec  # loaded here, in the worker

    problems = validate_spec(spec, name, uri, allow_remote)
    if not any(p.level is Level.ERROR for p in problems):
        try:
            resolved = dereference(spec, name, base, allow_remote)
        except GeneratorError:
            pass  # the main process dereferences too, and says what is wrong
        else:
            problems += check_examples(resolved.spec, name)
    return problems, time.perf_counter() - started


class Validation:
    """One document's validation, started now and finished when its verdict is needed."""

    def __init__(self, spec: Any, name: str, uri: str, base: Path, allow_remote: bool) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._future: Future[tuple[list[Diagnostic], float]] | None = None
        self._result: tuple[list[Diagnostic], float] | None = None
        if sys.platform == "linux":
            self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
            self._future = self._pool.submit(_timed_validate, spec, name, uri, base, allow_remote)
        else:
            self._result = _timed_validate(spec, name, uri, base, allow_remote)

    def finish(self) -> tuple[list[Diagnostic], float]:
        """The warnings and the seconds it took; raises ``GeneratorError`` with its errors."""
        if self._result is None:
            assert self._future is not None and self._pool is not None
            try:
                self._result = self._future.result()
            finally:
                self._pool.shutdown()
        problems, seconds = self._result
        errors = [d for d in problems if d.level is Level.ERROR]
        if errors:
            raise GeneratorError(errors)
        return problems, seconds

    def cancel(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
