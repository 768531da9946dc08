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

The worker is bounded (``WorkerLimits``): the parent waits at most
``seconds`` for its answer and then kills it; in the child, ``setrlimit``
caps its address space and CPU time, and ``prctl(PR_SET_PDEATHSIG)`` kills it
when its parent dies (a ``generate`` killed at its time limit once left its
validator spinning for half an hour). Either bound ends the run with an error
naming the option that raises it.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostic, GeneratorError, Level, error
from generator.spec import validator_settings
from generator.spec.references import RefPolicy

__all__ = ["Validation", "Validator", "WorkerLimits", "die_with_parent"]

Outcome = tuple[list[Diagnostic], float]

_PR_SET_PDEATHSIG = 1


@dataclass(frozen=True)
class WorkerLimits:
    """How long the validation worker may take and how much memory it may map."""

    seconds: float = 120.0
    megabytes: int = 4096


def _timed_validation(
    spec: Any,
    name: str,
    uri: str,
    base: Path,
    allow_remote: bool,
    ref_root: Path | None = None,
    max_mb: int = 32,
) -> Outcome:
    """The references' and the validator's verdict, then the examples' warnings.

    References are checked by the generator's own rules first; a document that
    refers to other files is validated once bundled (``dereference``), so the
    validator, which may fetch nothing, never needs to.
    """
    started = time.perf_counter()
    import generator.spec.validate  # noqa: F401 - loaded here, in the worker

    try:
        return _validation_of(spec, name, uri, base, allow_remote, ref_root, max_mb, started)
    finally:
        from generator.spec.clean_values import clean_values

        clean_values().save()  # the values found clean, for the next run


def _validation_of(
    spec: Any,
    name: str,
    uri: str,
    base: Path,
    allow_remote: bool,
    ref_root: Path | None,
    max_mb: int,
    started: float,
) -> Outcome:
    from generator.spec.dereference import Resolved, dereference
    from generator.spec.validate import (
        check_examples,
        external_refs,
        refs_of,
        refused_refs,
        validate_spec,
    )

    refs = refs_of(spec)
    refused = refused_refs(spec, name, base, RefPolicy(ref_root or base, allow_remote), refs)
    if refused:
        return refused, time.perf_counter() - started
    if not external_refs(spec, base, refs):
        # Nothing to bundle: dereference would give back a copy of the document, its local
        # references checked, as validate_spec has just checked them.
        problems = validate_spec(spec, name, uri)
        if not any(p.level is Level.ERROR for p in problems):
            problems += check_examples(spec, name)
        return problems, time.perf_counter() - started
    try:
        resolved: Resolved = dereference(spec, name, base, allow_remote, ref_root, max_mb)
    except GeneratorError as exc:
        return exc.diagnostics, time.perf_counter() - started
    problems = validate_spec(resolved.spec, name, uri)
    if not any(p.level is Level.ERROR for p in problems):
        problems += check_examples(resolved.spec, name)
    return problems, time.perf_counter() - started


def die_with_parent() -> None:
    """In a forked child (Linux): be killed when the parent dies."""
    if sys.platform == "linux":
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
        if os.getppid() == 1:  # the parent died before the call: nobody waits for us
            os._exit(1)


def _bound_this_process(limits: WorkerLimits) -> None:
    """In the child: die with the parent; cap memory and CPU time."""
    die_with_parent()
    import resource

    memory = limits.megabytes * 1024 * 1024
    cpu = int(limits.seconds) + 5
    for which, value in ((resource.RLIMIT_AS, memory), (resource.RLIMIT_CPU, cpu)):
        _, hard = resource.getrlimit(which)
        if hard == resource.RLIM_INFINITY or value < hard:
            resource.setrlimit(which, (value, hard))


def _answer(
    sender: Connection,
    work: Callable[..., Outcome],
    args: tuple[Any, ...],
    limits: WorkerLimits | None = None,
) -> None:
    """In the child: run the work and send back what it returned or raised."""
    if limits is not None:
        _bound_this_process(limits)
    answer = _outcome(work, args)
    try:
        try:
            sender.send(answer)
        except (TypeError, AttributeError, ValueError) as exc:  # the answer would not pickle
            sender.send(("raised", RuntimeError(f"{type(exc).__name__}: {exc}")))
    except OSError:
        pass  # the parent is gone or no longer listening: nobody needs the answer


def _outcome(work: Callable[..., Outcome], args: tuple[Any, ...]) -> tuple[str, Any]:
    """What the work returned or raised."""
    try:
        return ("returned", work(*args))
    except BaseException as exc:  # the parent decides what it means
        return ("raised", exc)


def load_the_validator() -> None:
    """In a process that only validates: load the validator's libraries, lightly.

    jsonschema-path loads requests (and urllib3, http.client, ...) for its URL handlers
    when it can, urllib's when it can't (an ImportError); the validator's handlers refuse
    every URL anyway (spec_validators), so such a process goes without: a fifth of the
    import, 0.14 s of CPU. The libraries' settings come without pydantic-settings
    (``validator_settings``): half of the rest of it. The library's walk asks its node
    check faster (``spec_validators.fast_node_checks``).
    """
    sys.modules.setdefault("requests", None)  # type: ignore[arg-type]
    validator_settings.install()
    import generator.spec.validate  # noqa: F401 - what the wait is for
    from generator.spec.spec_validators import fast_node_checks

    fast_node_checks()


def _answer_when_given(
    receiver: Connection, sender: Connection, limits: WorkerLimits, parents: list[Connection]
) -> None:
    """In a child forked before the document is known: load the validator, then
    validate the document the parent sends (``Validator.start``)."""
    for end in parents:  # the parent's ends: a closed one must read as the end here
        end.close()
    _bound_this_process(limits)
    given: list[Any] = []

    def read() -> None:
        with contextlib.suppress(EOFError, OSError):  # no validation needed, or no parent
            given.append(receiver.recv())

    # Read while the libraries load: the parent's send of a large document would
    # otherwise wait for the pipe to drain, the main process stopped meanwhile.
    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    load_the_validator()

    reader.join()
    if given:
        _answer(sender, _timed_validation, given[0])


class Validator:
    """A validation worker started before the document is read, so that the
    validator's libraries load while the main process loads the spec and
    applies the overlays; ``Validation`` gives it the document. Inside
    ``one_worker()`` it is a job of that context's worker instead."""

    def __init__(self, limits: WorkerLimits) -> None:
        from generator.spec.one_worker import current

        self.limits = limits
        self._given = False
        self._shared = current()
        if self._shared is not None:
            self._shared.start(limits)  # its libraries load meanwhile, if it is the first
            return
        context = multiprocessing.get_context("fork")
        self._receiver, sender = context.Pipe(duplex=False)
        theirs, self._sender = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_answer_when_given,
            args=(theirs, sender, limits, [self._receiver, self._sender]),
            daemon=True,
        )
        self._process.start()
        sender.close()
        theirs.close()

    def start(self, args: tuple[Any, ...]) -> _Forked:
        """The worker, given its document: its answer is read as a ``_Forked``'s."""
        self._given = True
        if self._shared is not None:
            return self._shared.submit(args, self.limits)
        try:
            self._sender.send(args)
        except OSError:
            pass  # it died: ``result`` reports it
        finally:
            self._sender.close()
        return _Forked.adopt(self._process, self._receiver, self.limits)

    def cancel(self) -> None:
        """Stop a worker that was never given a document."""
        if not self._given and self._shared is None:
            self._given = True
            self._sender.close()
            if self._process.is_alive():
                self._process.terminate()
            self._process.join()
            self._receiver.close()


class _Forked:
    """One piece of work run in a forked child, which inherits its arguments.

    A plain process and a pipe, not a ``ProcessPoolExecutor``: an executor
    shut down without waiting leaves its manager thread running into
    interpreter exit, where CPython 3.11's exit hook can write to the pipe
    that thread has just closed and print an ``OSError`` traceback.
    """

    def __init__(
        self, work: Callable[..., Outcome], *args: Any, limits: WorkerLimits | None = None
    ) -> None:
        context = multiprocessing.get_context("fork")
        self._receiver, sender = context.Pipe(duplex=False)
        self._limits = limits
        self._process = context.Process(
            target=_answer, args=(sender, work, args, limits), daemon=True
        )
        self._process.start()
        sender.close()

    @classmethod
    def adopt(cls, process: Any, receiver: Connection, limits: WorkerLimits | None) -> _Forked:
        """The running ``process`` that will answer on ``receiver``."""
        forked = cls.__new__(cls)
        forked._process, forked._receiver, forked._limits = process, receiver, limits
        return forked

    def result(self) -> Outcome:
        """The work's answer; ``TimeoutError`` when it takes longer than its limit."""
        try:
            if self._limits is not None and not self._receiver.poll(self._limits.seconds):
                self._process.kill()
                self._process.join()
                raise TimeoutError(self._limits.seconds)
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

    def __init__(
        self,
        spec: Any,
        name: str,
        uri: str,
        base: Path,
        allow_remote: bool,
        ref_root: Path | None = None,
        max_mb: int = 32,
        limits: WorkerLimits | None = None,
        validator: Validator | None = None,
    ) -> None:
        """``validator``: a worker started earlier (with the same limits) to use."""
        arguments = (spec, name, uri, base, allow_remote, ref_root, max_mb)
        self._name = name
        self._limits = limits = limits or WorkerLimits()
        self._task: _Forked | Outcome
        if validator is not None:
            self._task = validator.start(arguments)
        elif sys.platform == "linux":
            self._task = _Forked(_timed_validation, *arguments, limits=limits)
        else:
            self._task = _timed_validation(*arguments)
        self._outcome: Outcome | None = None

    def finish(self) -> Outcome:
        """The warnings and the seconds it took; raises ``GeneratorError`` with its errors."""
        if self._outcome is None:
            try:
                self._outcome = (
                    self._task.result() if isinstance(self._task, _Forked) else self._task
                )
            except TimeoutError:
                raise self._beyond(
                    f"validation took more than {self._limits.seconds:g} s",
                    "pass --worker-seconds to allow longer",
                ) from None
            except MemoryError:
                raise self._beyond(
                    f"validation needed more than {self._limits.megabytes} MB",
                    "pass --worker-mb to allow more",
                ) from None
            except RuntimeError as exc:  # killed: out of CPU time, or by a signal
                raise self._beyond(
                    f"the validation worker died ({exc})",
                    "pass --worker-seconds or --worker-mb to allow more",
                ) from None
            finally:
                self.cancel()  # a no-op once the answer is read
        problems, seconds = self._outcome
        errors = [d for d in problems if d.level is Level.ERROR]
        if errors:
            raise GeneratorError(errors)
        return problems, seconds

    def _beyond(self, message: str, hint: str) -> GeneratorError:
        return GeneratorError([error(self._name, "", message, hint)])

    def cancel(self) -> None:
        if isinstance(self._task, _Forked):
            self._task.cancel()
