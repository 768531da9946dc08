"""Validation run beside the later stages, on another core.

openapi-spec-validator is one of the slowest stages and nothing downstream
needs its answer until the end, so on Linux it runs in a forked worker while
the main process dereferences, builds the IR, the models and the files. The
worker then dereferences the document itself and checks its examples against
their schemas (warnings only): on another core, that costs less than sending
it the main process's dereferenced document, and it loads the validator
libraries once. The main process never loads them.
Its verdict still comes first: ``finish`` raises its errors, and a later
stage that fails on an invalid document reports the validator's errors, not
its own confusion. Elsewhere the validation simply runs in place.
"""

from __future__ import annotations

import multiprocessing
import sys
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostic, GeneratorError, Level

__all__ = ["Validation"]

Outcome = tuple[list[Diagnostic], float]


def _timed_validation(spec: Any, name: str, uri: str, base: Path, allow_remote: bool) -> Outcome:
    """The validator's verdict, then (when it found no error) the examples' warnings."""
    started = time.perf_counter()
    from generator.spec.dereference import dereference
    from generator.spec.validate import check_examples, validate_spec  # loaded here, in the worker

    problems = validate_spec(spec, name, uri, allow_remote)
    if not any(p.level is Level.ERROR for p in problems):
        try:
            resolved = dereference(spec, name, base, allow_remote)
        except GeneratorError:
            pass  # the main process dereferences too, and says what is wrong
        else:
            problems += check_examples(resolved.spec, name)
    return problems, time.perf_counter() - started


def _answer(sender: Connection, work: Callable[..., Outcome], args: tuple[Any, ...]) -> None:
    """In the child: run the work and send back what it returned or raised."""
    answer: tuple[str, Any]
    try:
        answer = ("returned", work(*args))
    except BaseException as exc:  # the parent decides what it means
        answer = ("raised", exc)
    try:
        try:
            sender.send(answer)
        except (TypeError, AttributeError, ValueError) as exc:  # the answer would not pickle
            sender.send(("raised", RuntimeError(f"{type(exc).__name__}: {exc}")))
    except OSError:
        pass  # the parent is gone or no longer listening: nobody needs the answer


class _Forked:
    """One piece of work run in a forked child, which inherits its arguments.

    A plain process and a pipe, not a ``ProcessPoolExecutor``: an executor
    shut down without waiting leaves its manager thread running into
    interpreter exit, where CPython 3.11's exit hook can write to the pipe
    that thread has just closed and print an ``OSError`` traceback.
    """

    def __init__(self, work: Callable[..., Outcome], *args: Any) -> None:
        context = multiprocessing.get_context("fork")
        self._receiver, sender = context.Pipe(duplex=False)
        self._process = context.Process(target=_answer, args=(sender, work, args), daemon=True)
        self._process.start()
        sender.close()

    def result(self) -> Outcome:
        try:
            kind, value = self._receiver.recv()  # before joining: a large answer fills the pipe
        except EOFError:
            self._process.join()
            raise RuntimeError(
                f"the validation worker ended without answering (exit code {self._process.exitcode})"
            ) from None
        finally:
            self._receiver.close()
        self._process.join()
        if kind == "raised":
            raise value
        outcome: Outcome = value
        return outcome

    def cancel(self) -> None:
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._receiver.close()


class Validation:
    """One document's validation, started now and finished when its verdict is needed."""

    def __init__(self, spec: Any, name: str, uri: str, base: Path, allow_remote: bool) -> None:
        arguments = (spec, name, uri, base, allow_remote)
        self._task: _Forked | Outcome = (
            _Forked(_timed_validation, *arguments)
            if sys.platform == "linux"
            else _timed_validation(*arguments)
        )
        self._outcome: Outcome | None = None

    def finish(self) -> Outcome:
        """The warnings and the seconds it took; raises ``GeneratorError`` with its errors."""
        if self._outcome is None:
            try:
                self._outcome = (
                    self._task.result() if isinstance(self._task, _Forked) else self._task
                )
            finally:
                self.cancel()  # a no-op once the answer is read
        problems, seconds = self._outcome
        errors = [d for d in problems if d.level is Level.ERROR]
        if errors:
            raise GeneratorError(errors)
        return problems, seconds

    def cancel(self) -> None:
        if isinstance(self._task, _Forked):
            self._task.cancel()
