"""datamodel-code-generator in a forked worker, loaded while the main process
is still loading the spec and building the IR.

Importing the library and its first ``generate`` (which loads its templates
and the parser modules it imports lazily) take longer than the few groups of
schemas a spec update leaves to it, and longer than the IR that the models
wait for. So ``generate`` starts this worker before the spec is even read
(on Linux, where ``fork`` is cheap): it loads the library and warms it up on
a one-schema document while the main process works, then answers: the
library's formats (``formats``, which the IR asks for), the module of a
models document (``module``), and the few pieces of code a spec update leaves
to black (``format``: it loads black and isort after its warm-up, when nothing
is asked yet). The main process never loads the library, nor black on such a run.

A worker of the same kind without the library (``formatter_ahead``) loads black
and isort alone, forked by ``generate`` and ``check`` before they import the
stages: by the time a spec update's pieces are rendered it has them loaded, where
the models worker, still loading the library then, would load them only when the
run is nearly done. The format stage gives it those pieces first.

Its answers are the library's own (a warm-up does not change what a later
``generate`` writes: tests generate many documents in one process and compare
them with fresh runs). A worker that dies or can't be started is passed over:
the work is done in place instead, as it is elsewhere than on Linux. The
worker dies with its parent (``PR_SET_PDEATHSIG``) and is stopped when the
run ends.
"""

from __future__ import annotations

import multiprocessing
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from multiprocessing.connection import Connection
from typing import Any

from generator.diagnostics import GeneratorError

__all__ = [
    "ModelsWorker",
    "current",
    "formats",
    "formatter",
    "formatter_ahead",
    "in_place",
    "models_worker",
]

_WARM_UP: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "warm-up", "version": "0"},
    "paths": {},
    "components": {
        "schemas": {
            "WarmUp": {
                "type": "object",
                "properties": {"at": {"type": "string", "format": "date-time"}},
            }
        }
    },
}

_workers: dict[str, ModelsWorker] = {}  # the run's, by kind: "models", "formatter"


def current() -> ModelsWorker | None:
    """The worker of the run in progress, if it has one."""
    return _workers.get("models")


def formatter() -> ModelsWorker | None:
    """The run's worker that loaded black and isort as it started, and makes no
    models (``formatter_ahead``), if it has one."""
    return _workers.get("formatter")


def formats() -> dict[str, list[str]]:
    from datamodel_code_generator.parser.jsonschema import json_schema_data_formats

    return {
        str(kind): sorted(map(str, formats)) for kind, formats in json_schema_data_formats.items()
    }


def in_place(document: dict[str, Any], title: str) -> tuple[str, list[str]]:
    import warnings

    from generator.emit.models import datamodel_module

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        source = datamodel_module(document, title)
    return source, [str(item.message) for item in caught]


def _serve(connection: Connection, parents: Connection, formatter: bool, library: bool) -> None:
    """In the child: load and warm up the library (with ``library``; and black, isort
    with ``formatter``), then answer until told to stop."""
    from generator.spec.worker import die_with_parent

    parents.close()  # the parent's end: once it closes it, ``recv`` here ends
    die_with_parent()
    if library:
        with suppress(Exception):  # the real request reports what is wrong
            in_place(_WARM_UP, "warm-up")
    if formatter and not (library and connection.poll(0)):  # nothing asked yet: black too
        from generator.emit.format import format_python

        format_python("x = ( 1 )\n")
    while True:
        try:
            request = connection.recv()
        except (EOFError, OSError):
            return
        if request[0] == "stop":
            return
        answer: tuple[str, Any]
        try:
            answer = ("returned", _answer(request))
        except GeneratorError as exc:  # its diagnostics pickle; the exception does not
            answer = ("failed", exc.diagnostics)
        except BaseException as exc:  # the parent raises it
            answer = ("raised", exc)
        try:
            connection.send(answer)
        except (TypeError, AttributeError, ValueError) as exc:  # would not pickle
            connection.send(("raised", RuntimeError(f"{type(exc).__name__}: {exc}")))
        except OSError:
            return


def _answer(request: tuple[Any, ...]) -> Any:
    if request[0] == "formats":
        return formats()
    if request[0] == "format":
        from generator.emit.format import format_batch

        return format_batch(request[1])
    return in_place(*request[1:])


class _Gone(Exception):
    """The worker no longer answers: the caller does the work itself."""


class ModelsWorker:
    def __init__(self, formatter: bool = True, library: bool = True) -> None:
        context = multiprocessing.get_context("fork")
        self._connection, theirs = context.Pipe(duplex=True)
        args = (theirs, self._connection, formatter, library)
        self._process = context.Process(target=_serve, args=args, daemon=True)
        self._process.start()
        theirs.close()
        self._alive = True
        # Answers come in the order asked; the asker of each is told by its ticket, so
        # one caller may ask while another's request is being answered (``diff`` asks
        # from two threads, ``generate`` has pieces formatted before it reads the models).
        self._asking = threading.Lock()
        self._sent = self._read = 0
        self._answers: dict[int, tuple[str, Any]] = {}

    def _ask(self, *request: Any) -> Any:
        return self._receive(self._send(request))

    def _send(self, request: tuple[Any, ...]) -> int:
        """Send ``request``; its ticket for ``_receive``."""
        with self._asking:
            if not self._alive:
                raise _Gone
            try:
                self._connection.send(request)
            except OSError:
                self.stop()
                raise _Gone from None
            self._sent += 1
            return self._sent

    def _receive(self, ticket: int) -> Any:
        """The answer to the request of ``ticket``; those read before it are kept."""
        with self._asking:
            while ticket not in self._answers:
                if not self._alive:
                    raise _Gone
                try:
                    answer = self._connection.recv()
                except (EOFError, OSError):
                    self.stop()
                    raise _Gone from None
                self._read += 1
                self._answers[self._read] = answer
            kind, value = self._answers.pop(ticket)
        if kind == "failed":
            raise GeneratorError(value)
        if kind == "raised":
            raise value
        return value

    def formats(self) -> dict[str, list[str]]:
        try:
            found: dict[str, list[str]] = self._ask("formats")
        except _Gone:
            return formats()
        return found

    def module(self, document: dict[str, Any], title: str) -> tuple[str, list[str]]:
        """The library's module for ``document`` and the warnings it gave."""
        try:
            source, warnings = self._ask("module", document, title)
        except _Gone:
            return in_place(document, title)
        return source, warnings

    def module_later(
        self, document: dict[str, Any], title: str
    ) -> Callable[[], tuple[str, list[str]]]:
        """``module``, asked now (the worker makes it while the caller goes on) and
        answered when the returned function is called (other requests may be asked
        in between)."""
        try:
            ticket = self._send(("module", document, title))
        except _Gone:
            return lambda: in_place(document, title)

        def answer() -> tuple[str, list[str]]:
            try:
                source, warnings = self._receive(ticket)
            except _Gone:
                return in_place(document, title)
            return source, warnings

        return answer

    def format_later(
        self, jobs: list[tuple[str, int, str]]
    ) -> Callable[[], list[tuple[str, int, str]] | str]:
        """``format_batch`` of the format stage, done here: asked now and answered when
        the returned function is called."""
        from generator.emit.format import format_batch

        try:
            ticket = self._send(("format", jobs))
        except _Gone:
            return lambda: format_batch(jobs)

        def answer() -> list[tuple[str, int, str]] | str:
            try:
                done: list[tuple[str, int, str]] | str = self._receive(ticket)
            except _Gone:
                return format_batch(jobs)
            return done

        return answer

    def stop(self) -> None:
        if self._alive:
            self._alive = False
            with suppress(OSError):
                self._connection.send(("stop",))
            self._connection.close()
            self._process.join(timeout=1)
            if self._process.is_alive():
                self._process.kill()
                self._process.join()


@contextmanager
def models_worker(formatter: bool = True) -> Iterator[None]:
    """A worker for the run inside the block (on Linux), stopped when it ends; one
    without ``formatter`` does not load black and isort ahead (a run that formats nothing)."""
    with _running("models", lambda: ModelsWorker(formatter)):
        yield


@contextmanager
def formatter_ahead(wanted: bool = True) -> Iterator[None]:
    """A worker that loads black and isort as the run starts (on Linux, when
    ``wanted``), while the main process is still importing the stages and one core
    is idle; it formats the few pieces a spec update leaves to black, as soon as
    they are rendered, so that neither the models worker nor the main process loads
    black when the run is nearly done. Stopped when the block ends."""
    with _running("formatter", lambda: ModelsWorker(formatter=True, library=False), wanted):
        yield


@contextmanager
def _running(kind: str, start: Callable[[], ModelsWorker], wanted: bool = True) -> Iterator[None]:
    """The run's worker of ``kind``, started by ``start`` for the block unless the run
    has one already (the outer block's), stopped when the block ends."""
    if not wanted or sys.platform != "linux" or kind in _workers:
        yield
        return
    with suppress(OSError):  # no worker: the work is done in this process
        _workers[kind] = start()
    try:
        yield
    finally:
        worker = _workers.pop(kind, None)
        if worker is not None:
            worker.stop()
