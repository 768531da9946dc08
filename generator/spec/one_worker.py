"""Several validations in one worker, one after the other (the diff's two sides).

Inside ``one_worker()``, every ``Validator`` the pipeline starts is a job of one
forked worker rather than a worker of its own: the worker validates the documents
in the order they are given, in one process, so a document's validation finds
clean what the ones before it found clean (``clean_values``: the second of two
OpenAI-size specs checks only the schema values the first did not have). Each job
keeps the limits of a worker of its own: the parent waits at most ``seconds`` for
its answer, counted from when it asks, and the worker's CPU limit is raised by
``seconds`` for each job it starts.

The worker reads the jobs on a thread of its own as they come, so that the parent
never waits on a full pipe while the worker validates the job before.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import queue
import sys
import threading
from collections.abc import Iterator
from multiprocessing.connection import Connection
from typing import Any

from generator.spec.worker import (
    Outcome,
    WorkerLimits,
    _bound_this_process,
    _Forked,
    _outcome,
    _timed_validation,
    load_the_validator,
)

__all__ = ["OneWorker", "current", "one_worker"]

_CURRENT: list[OneWorker] = []


def current() -> OneWorker | None:
    """The worker the validations started now share, if any (Linux only)."""
    return _CURRENT[-1] if _CURRENT and sys.platform == "linux" else None


@contextlib.contextmanager
def one_worker() -> Iterator[OneWorker]:
    """While inside, the validations started run one after the other in one worker."""
    shared = OneWorker()
    _CURRENT.append(shared)
    try:
        yield shared
    finally:
        _CURRENT.remove(shared)
        shared.close()


class OneWorker:
    """One forked worker, started with the first job's limits, answering jobs in turn."""

    def __init__(self) -> None:
        self._process: Any = None
        self._sender: Connection | None = None
        self._receiver: Connection | None = None
        self._answers: dict[int, tuple[str, Any, dict[str, int]]] = {}
        self._jobs = 0
        self.stats: dict[int, dict[str, int]] = {}
        """By job: how many schema values its validation checked and reused."""

    def start(self, limits: WorkerLimits) -> None:
        """Fork the worker, unless it runs already (it loads the validator meanwhile)."""
        if self._process is not None:
            return
        context = multiprocessing.get_context("fork")
        self._receiver, sender = context.Pipe(duplex=False)
        theirs, self._sender = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_answer_each,
            args=(theirs, sender, limits, [self._receiver, self._sender]),
            daemon=True,
        )
        self._process.start()
        sender.close()
        theirs.close()

    def submit(self, args: tuple[Any, ...], limits: WorkerLimits) -> _Job:
        """Give the worker a document to validate after those given before."""
        self.start(limits)
        assert self._sender is not None
        number = self._jobs
        self._jobs += 1
        with contextlib.suppress(OSError):  # it died: ``answer`` reports it
            self._sender.send((number, args, limits.seconds))
        return _Job.of(self, number, limits)

    def answer(self, number: int, seconds: float) -> tuple[str, Any]:
        """Job ``number``'s answer; ``TimeoutError`` when none comes within ``seconds``."""
        assert self._receiver is not None
        while number not in self._answers:
            try:
                if not self._receiver.poll(seconds):
                    self._process.kill()
                    self._process.join()
                    raise TimeoutError(seconds)
                got, kind, value, stats = self._receiver.recv()
            except (EOFError, OSError):
                self._process.join()
                raise RuntimeError(
                    "the validation worker ended without answering "
                    f"(exit code {self._process.exitcode})"
                ) from None
            self._answers[got] = (kind, value, stats)
        kind, value, stats = self._answers.pop(number)
        self.stats[number] = stats
        return kind, value

    def close(self) -> None:
        """Stop the worker (the jobs not answered yet are given up)."""
        if self._process is None:
            return
        assert self._sender is not None and self._receiver is not None
        self._sender.close()
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._receiver.close()


class _Job(_Forked):
    """A job of a ``OneWorker``, read as a worker of its own is."""

    _worker: OneWorker
    _number: int

    @classmethod
    def of(cls, worker: OneWorker, number: int, limits: WorkerLimits) -> _Job:
        job = cls.__new__(cls)
        job._worker, job._number, job._limits = worker, number, limits
        return job

    def result(self) -> Outcome:
        seconds = self._limits.seconds if self._limits is not None else 1e9
        kind, value = self._worker.answer(self._number, seconds)
        if kind == "raised":
            raise value
        outcome: Outcome = value
        return outcome

    def cancel(self) -> None:
        pass  # the others' jobs go on; ``one_worker`` stops the worker at its end


def _answer_each(
    receiver: Connection, sender: Connection, limits: WorkerLimits, parents: list[Connection]
) -> None:
    """In the child: load the validator, then validate each document given, in turn."""
    for end in parents:
        end.close()
    _bound_this_process(limits)
    jobs: queue.SimpleQueue[Any] = queue.SimpleQueue()

    def read() -> None:
        with contextlib.suppress(EOFError, OSError):
            while True:
                jobs.put(receiver.recv())
        jobs.put(None)

    threading.Thread(target=read, daemon=True).start()
    load_the_validator()
    from generator.spec.clean_values import clean_values

    first = True
    while (job := jobs.get()) is not None:
        number, args, seconds = job
        if not first:
            _more_cpu(seconds)
        first = False
        clean = clean_values()
        checked, reused = clean.checked, clean.reused
        kind, value = _outcome(_timed_validation, args)
        stats = {"checked": clean.checked - checked, "reused": clean.reused - reused}
        try:
            try:
                sender.send((number, kind, value, stats))
            except (TypeError, AttributeError, ValueError) as exc:  # would not pickle
                error = RuntimeError(f"{type(exc).__name__}: {exc}")
                sender.send((number, "raised", error, stats))
        except OSError:
            return  # the parent is gone or no longer listening


def _more_cpu(seconds: float) -> None:
    """Raise the CPU limit to what this process has used and ``seconds`` more."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    limit = int(usage.ru_utime + usage.ru_stime + seconds) + 5
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    if hard == resource.RLIM_INFINITY or limit < hard:
        resource.setrlimit(resource.RLIMIT_CPU, (limit, hard))
