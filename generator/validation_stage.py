"""The validate stage's verdict: from the stage cache when it has seen this very document,
else the validation worker's (``generator.spec.worker.Validation``), whose clean verdict is
stored for the next run; and the rule that a later stage failing on an invalid document
reports the validator's errors instead of its own.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from generator.diagnostics import Diagnostic
from generator.spec.worker import Validation, Validator

if TYPE_CHECKING:
    from generator.pipeline import Options, Run

__all__ = ["Verdict", "validation_first", "validation_of"]


class Verdict(Protocol):
    """A validation under way, or its verdict already known."""

    def finish(self) -> tuple[list[Diagnostic], float]: ...
    def cancel(self) -> None: ...


_LOCAL_ONLY = re.compile(r'"\$ref": *"(?!#)')


def validation_of(
    spec: Any,
    name: str,
    uri: str,
    base: Path,
    options: Options,
    run: Run,
    validator: Validator | None = None,
) -> Verdict:
    """The validator's verdict: from the stage cache when it has seen this very
    document (a document with a ``$ref`` to another file is always validated),
    else a ``Validation`` whose clean verdict is stored for the next run."""
    from generator.emit.stage_cache import stage_cache

    started = time.perf_counter()
    root = options.ref_root.resolve() if options.ref_root else None
    cache = stage_cache("validate")
    given = None
    if cache.enabled:
        try:
            text = json.dumps(spec, ensure_ascii=False, allow_nan=False)
        except (TypeError, ValueError):
            text = None
        if text is not None and not _LOCAL_ONLY.search(text):
            settings = [name, uri, str(base), options.allow_remote_refs, str(root)]
            given = json.dumps(settings) + "\n" + text
    known = _known_verdict(cache.get(given)) if given is not None else None
    if known is not None:
        if validator is not None:
            validator.cancel()
        run.notes["validate"] = "from the stage cache"
        return _Known(known, time.perf_counter() - started)
    validation = Validation(
        spec,
        name,
        uri,
        base,
        options.allow_remote_refs,
        root,
        options.max_spec_mb,
        options.worker,
        validator,
    )
    return _Storing(validation, cache, given)


def _known_verdict(entry: object) -> list[Diagnostic] | None:
    from generator.emit.stage_cache import diagnostics_from_json

    return diagnostics_from_json(entry)


@dataclass
class _Known:
    problems: list[Diagnostic]
    seconds: float

    def finish(self) -> tuple[list[Diagnostic], float]:
        return list(self.problems), self.seconds  # only clean verdicts are stored

    def cancel(self) -> None:
        pass


@dataclass
class _Storing:
    validation: Validation
    cache: Any
    given: str | None

    def finish(self) -> tuple[list[Diagnostic], float]:
        from generator.emit.stage_cache import diagnostics_to_json

        problems, seconds = self.validation.finish()  # raises on errors: those aren't kept
        if self.given is not None:
            self.cache.put(self.given, diagnostics_to_json(problems))
            self.given = None
            self.cache.prune()
        return problems, seconds

    def cancel(self) -> None:
        self.validation.cancel()


@contextmanager
def validation_first(validation: Verdict) -> Iterator[None]:
    """A stage that fails on an invalid document reports the validator's errors instead."""
    try:
        yield
    except Exception:
        validation.finish()  # raises the validator's errors, if it found any
        raise
    except BaseException:
        validation.cancel()
        raise
