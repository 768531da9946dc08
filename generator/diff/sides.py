"""The two sides' generations at once: the new side's in a forked process.

Each side's generation (``pipeline.generate_unverified``: load, overlays,
dereference, IR, datamodel-code-generator in its worker, plan, render) is work
on one core, and most of a side's wall time is spent waiting for its models
worker. On Linux the new side is generated in a child forked before the old
side starts, so the two run on two cores; the child sends back what the
parent needs (the dereferenced spec, the IR and the rendered files: a few MB
of pickle), then waits for its own validator and sends the verdict, read
when the caller asks for it (``Pending.finish``), as the validators' verdicts
are read last in ``compare``. The child runs the very code the parent would:
its answers are the same values.

A child that dies without answering, or that can't be started, is passed
over: the side is generated in the parent, as elsewhere than on Linux.
"""

from __future__ import annotations

import multiprocessing
import sys
from contextlib import suppress
from multiprocessing.connection import Connection
from typing import Any, Protocol

from generator.diagnostics import GeneratorError
from generator.ir.model import Api
from generator.pipeline import Options, Run, generate_unverified
from generator.spec.dereference import Resolved

from .surface import Surface, read_surface

__all__ = ["Beside", "Generation", "Pending", "generate_here"]

Generation = tuple[Resolved, Api, dict[str, str], Surface]
"""The dereferenced spec, the IR, the rendered files and their public surface."""


class Pending(Protocol):
    """A generation's validator verdict, not read yet."""

    def finish(self) -> None: ...  # raises ``GeneratorError`` with the validator's errors
    def cancel(self) -> None: ...


class _Gone(Exception):
    """The child ended without answering."""


def generate_here(options: Options) -> tuple[Generation, Pending]:
    """The side's package generated in this process and its surface read, its validator still running;
    ``GeneratorError`` when the generation stops on an error."""
    resolved, api, files, unverified = generate_unverified(options, Run(), formatted=False)
    try:
        surface = read_surface(files, options.package)
    except BaseException:
        unverified.cancel()
        raise
    return (resolved, api, files, surface), unverified


class Beside:
    """``generate_here(options)`` started now in a forked child (on Linux):
    ``result`` waits for its answer (and raises what ``generate_here`` would);
    ``cancel`` stops a child whose answer is no longer wanted."""

    def __init__(self, options: Options) -> None:
        self._options = options
        self._child: _Child | None = None
        if sys.platform == "linux":
            with suppress(OSError):
                self._child = _Child(options)

    def result(self) -> tuple[Generation, Pending]:
        if self._child is not None:
            try:
                return self._child.generation(), self._child
            except _Gone:
                self._child.cancel()
        return generate_here(self._options)

    def cancel(self) -> None:
        if self._child is not None:
            self._child.cancel()


def _serve(options: Options, sender: Connection, parents: Connection) -> None:
    """In the child: generate, send it, then wait for the verdict and send that."""
    from generator.spec.worker import die_with_parent

    parents.close()
    die_with_parent()
    unverified: Pending | None = None
    try:
        generation, unverified = generate_here(options)
        _send(sender, ("returned", generation))
        unverified.finish()
        _send(sender, ("returned", None))
    except GeneratorError as exc:  # its diagnostics pickle; the exception may not
        _send(sender, ("failed", exc.diagnostics))
    except BaseException as exc:  # the parent raises it
        _send(sender, ("raised", exc))
    finally:
        if unverified is not None:
            unverified.cancel()


def _send(sender: Connection, answer: tuple[str, Any]) -> None:
    try:
        try:
            sender.send(answer)
        except (TypeError, AttributeError, ValueError) as exc:  # would not pickle
            sender.send(("raised", RuntimeError(f"{type(exc).__name__}: {exc}")))
    except OSError:
        pass  # the parent no longer listens


class _Child:
    """Not a daemon: it forks the side's validator and models workers. It dies
    with its parent (``die_with_parent``) and is joined in ``cancel``."""

    def __init__(self, options: Options) -> None:
        context = multiprocessing.get_context("fork")
        self._receiver, sender = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_serve, args=(options, sender, self._receiver), daemon=False
        )
        self._process.start()
        sender.close()
        self._done = False

    def _read(self) -> Any:
        try:
            kind, value = self._receiver.recv()
        except (EOFError, OSError):
            raise _Gone from None
        if kind == "failed":
            self.cancel()
            raise GeneratorError(value)
        if kind == "raised":
            self.cancel()
            raise value
        return value

    def generation(self) -> Generation:
        found: Generation = self._read()
        return found

    def finish(self) -> None:
        try:
            self._read()
        except _Gone:
            self.cancel()
            raise RuntimeError(
                f"the diff's generation worker ended without a verdict"
                f" (exit code {self._process.exitcode})"
            ) from None
        self.cancel()

    def cancel(self) -> None:
        if self._done:
            return
        self._done = True
        with suppress(OSError):
            self._receiver.close()
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
