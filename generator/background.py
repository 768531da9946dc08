"""Validation run beside the later stages, on another core.

openapi-spec-validator is one of the slowest stages and nothing downstream
needs its answer until the end, so on Linux it runs in a forked worker while
the main process dereferences, builds the IR, the models and the files. A
second worker, forked once the document is dereferenced, checks its examples
against their schemas (warnings only). The workers import the validator
libraries themselves, so the main process never loads them.
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
    """One document's validation, started now and finished when its verdict is needed.

    Its tasks each run in their own forked worker: the validation of the
    document as written, and (``check_examples``) the examples of the
    dereferenced document against their schemas. Forked when its input is
    ready, a worker inherits it: nothing is pickled on the way in.
    """

    def __init__(self, spec: Any, name: str, uri: str, allow_remote: bool) -> None:
        self._tasks: list[_Forked | Outcome] = []
        self._outcome: Outcome | None = None
        self._start(_timed_validate, spec, name, uri, allow_remote)

    def _start(self, work: Callable[..., Outcome], *args: Any) -> None:
        self._tasks.append(_Forked(work, *args) if sys.platform == "linux" else work(*args))

    def check_examples(self, resolved_spec: Any, name: str) -> None:
        """Also check the examples of the dereferenced document (warnings only)."""
        self._start(_timed_examples, resolved_spec, name)

    def finish(self) -> Outcome:
        """The warnings and the seconds it took; raises ``GeneratorError`` with its errors."""
        if self._outcome is None:
            problems: list[Diagnostic] = []
            seconds = 0.0
            try:
                for task in self._tasks:
                    found, took = task.result() if isinstance(task, _Forked) else task
                    problems += found
                    seconds += took
                    if any(p.level is Level.ERROR for p in found):
                        break  # the validator's errors decide; later tasks need not be read
            finally:
                self.cancel()  # whatever was not read
            self._outcome = problems, seconds
        problems, seconds = self._outcome
        errors = [d for d in problems if d.level is Level.ERROR]
        if errors:
            raise GeneratorError(errors)
        return problems, seconds

    def cancel(self) -> None:
        for task in self._tasks:
            if isinstance(task, _Forked):
                task.cancel()
