"""The two sides' packages, generated side by side (for ``compare``).

Each side goes through the pipeline a stage at a time (``pipeline.Staged``), the
two interleaved so that neither worker waits on this process:

1. the old side loaded and overlaid (its validation starts in the one validation
   worker, ``one_worker``), its IR built, then its models made on a thread:
   datamodel-code-generator in the models worker, the longest piece of work here
   (without a worker, as off Linux, the models are made in turn, on this thread);
2. meanwhile, this process loads and overlays the new side (its validation is
   queued after the old side's, which it reuses), builds its IR, plans and renders
   both packages (their models modules left empty), and does the caller's work that
   needs no models (``beside``);
3. the new side's models, which take the old side's pieces of the schema groups
   the update leaves as they were (``model_groups.shared_pieces``).

The caller's models worker (``models_worker``) serves both sides. A side whose
generation stops on an error is taken as ``unvalidated`` gives it; the sides are
taken in order, so the error that reaches the caller is the one the first bad side
gives, as when the sides were generated one after the other.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from generator.diagnostics import GeneratorError
from generator.emit import models_worker
from generator.emit.model_groups import shared_pieces
from generator.emit.render import models_path
from generator.ir.model import Api
from generator.pipeline import Options, Run, Staged, Unverified
from generator.spec.dereference import Resolved

from .sources import Side

__all__ = ["Built", "generate_sides"]

T = TypeVar("T")


@dataclass(frozen=True)
class Built:
    resolved: Resolved
    api: Api | None  # None: the side fails validation, no package
    files: dict[str, str]
    version: str = ""
    problems: tuple[str, ...] = ()


def generate_sides(
    sides: dict[str, Side],
    package: str,
    pending: dict[str, tuple[Side, Unverified]],
    unvalidated: Callable[[Side, GeneratorError], Built],
    beside: Callable[[dict[str, Built]], None],
) -> dict[str, Built]:
    """Each side's package by key, generated without waiting for its validator (added to
    ``pending``); a side as ``unvalidated`` gives it when its generation stops on an error.
    ``beside`` is given the sides built so far, their models modules still empty, while
    the old side's models are made. The caller gives the run its models worker
    (``models_worker``), which serves both sides."""
    runs = {key: _SideRun(side, package) for key, side in sides.items()}

    def start(key: str, run: _SideRun) -> None:
        run.step(run.start)
        if run.staged is not None:
            pending[key] = (run.side, run.staged.unverified())
        run.step(run.build)

    with shared_pieces():
        (first_key, first), *others = runs.items()
        start(first_key, first)
        models = None
        if models_worker.current() is None:  # no worker to wait for: the models made here
            first.step(first.add_own_models)
        elif first.failure is None:
            models = _Background(first.models)
        # Should this raise, the thread is left to end (a daemon: it dies with the process).
        for key, run in others:
            start(key, run)
        for run in runs.values():
            run.step(run.render)
        beside({key: run.built() for key, run in runs.items() if run.ok})
        if models is not None:
            first.step(lambda: first.add_models(models.result))
        for _, run in others:
            run.step(run.add_own_models)
    built = {}
    for key, run in runs.items():
        if run.failure is not None:
            pending.pop(key, None)
            built[key] = unvalidated(run.side, run.failure)
        else:
            built[key] = run.built()
    return built


class _SideRun:
    """One side's generation in progress; its first error ends it (``failure``)."""

    def __init__(self, side: Side, package: str) -> None:
        self.side = side
        self.options = Options(
            spec=side.spec, overlays=side.overlays, out=side.spec.parent, package=package
        )
        self.failure: GeneratorError | None = None
        self.staged: Staged | None = None
        self._resolved: Resolved | None = None
        self._api: Api | None = None
        self._files: dict[str, str] = {}
        self._built: Built | None = None

    @property
    def ok(self) -> bool:
        return self.failure is None and self._api is not None

    def step(self, work: Callable[[], object]) -> None:
        if self.failure is None:
            try:
                work()
            except GeneratorError as exc:
                self.failure = exc

    def start(self) -> None:
        self.staged = Staged(self.options, Run())

    def build(self) -> None:
        assert self.staged is not None
        self._resolved, self._api = self.staged.build()

    def models(self) -> str:
        assert self.staged is not None and self._api is not None
        return self.staged.models(self._api)

    def render(self) -> None:
        assert self.staged is not None and self._api is not None
        self._files.update(self.staged.rendered(self._api, ""))

    def add_models(self, source: Callable[[], str]) -> None:
        assert self.staged is not None
        self._files[models_path(self.options.package)] = self.staged.stage(source)

    def add_own_models(self) -> None:
        self.add_models(self.models)

    def built(self) -> Built:
        """The side as built so far: one object, its files filled in as they are made."""
        if self._built is None:
            assert self._resolved is not None
            self._built = Built(self._resolved, self._api, self._files)
        return self._built


class _Background(Generic[T]):
    """``work()`` on a thread of its own; ``result`` waits for it and gives its outcome."""

    def __init__(self, work: Callable[[], T]) -> None:
        self._outcome: tuple[bool, T | BaseException] | None = None
        self._thread = threading.Thread(target=self._run, args=(work,), daemon=True)
        self._thread.start()

    def _run(self, work: Callable[[], T]) -> None:
        try:
            self._outcome = (True, work())
        except BaseException as exc:  # given to the caller by ``result``
            self._outcome = (False, exc)

    def result(self) -> T:
        self._thread.join()
        assert self._outcome is not None
        done, value = self._outcome
        if done:
            return value  # type: ignore[return-value]
        raise value  # type: ignore[misc]
