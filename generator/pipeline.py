"""The stages in order, each timed: load → overlays → validate → dereference
→ IR → models → plan → render → format. ``write`` and ``check`` consume the result.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from generator.diagnostics import Diagnostic, GeneratorError, Level, warning
from generator.inputs import inputs_hash as hash_inputs
from generator.inputs import overlay_files
from generator.ir.build import build_api
from generator.ir.model import Api
from generator.release.changelog import read_changelog
from generator.release.version import read_release
from generator.spec.dereference import Resolved, dereference
from generator.spec.load import MAX_SPEC_MB, load_document
from generator.spec.worker import Validator, WorkerLimits
from generator.text import package_version
from generator.validation_stage import Verdict, validation_first, validation_of

__all__ = [
    "Options",
    "Run",
    "Staged",
    "Unverified",
    "build_ir",
    "generate_files",
    "generate_unverified",
    "inputs_hash",
    "resolve_and_generate",
]

T = TypeVar("T")


@dataclass(frozen=True)
class Options:
    spec: Path
    overlays: Path | None
    out: Path
    package: str = "qiskit_runtime_api"
    allow_remote_refs: bool = False
    max_spec_mb: int = MAX_SPEC_MB
    ref_root: Path | None = None
    """The folder ``$ref``s may read files under (default: the spec's folder)."""
    worker: WorkerLimits = field(default_factory=WorkerLimits)
    """Time and memory the validation worker may take."""
    release: Path | None = None
    """``release.json`` (see ``generator.release.version``); without it the version is ``info.version``."""
    changelog: Path | None = None
    """The changelog copied into the package as ``CHANGELOG.md``; none without it."""

    @property
    def distribution(self) -> str:
        return self.package.replace("_", "-")


@dataclass
class Run:
    """Timings and diagnostics of one pipeline run."""

    timings: list[tuple[str, float]] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)
    """A word on a stage's timing, by stage name (printed beside it)."""

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.timings.append((name, time.perf_counter() - started))

    def timed(self, name: str, work: Callable[[], T]) -> T:
        with self.stage(name):
            return work()


def _resolved(options: Options, run: Run) -> tuple[Resolved, Verdict]:
    spec, name, validation = _loaded(options, run)
    return _dereferenced(spec, name, validation, options, run), validation


def _loaded(options: Options, run: Run) -> tuple[Any, str, Verdict]:
    """The spec loaded and overlaid, and its validation started (it runs beside the
    stages after this one; its verdict is read at the end)."""
    # The validator's worker starts first, to load its libraries beside load and overlays.
    validator = Validator(options.worker) if sys.platform == "linux" else None
    try:
        document = run.timed("load", lambda: load_document(options.spec, options.max_spec_mb))
        name = document.name
        files = overlay_files(options.overlays)
        spec, found = run.timed("overlays", lambda: _overlaid(document.data, files))
    except BaseException:
        if validator is not None:
            validator.cancel()
        raise
    run.diagnostics.extend(found)
    uri = options.spec.resolve().as_uri()
    base = options.spec.resolve().parent
    try:
        validation = validation_of(spec, name, uri, base, options, run, validator)
    except BaseException:
        if validator is not None:
            validator.cancel()
        raise
    return spec, name, validation


def _overlaid(spec: Any, files: list[Path]) -> tuple[Any, list[Diagnostic]]:
    """``spec`` with the overlay ``files`` applied, in place. Without any, the overlay
    machinery (python-jsonpath: 50 ms of imports) is not loaded: the workers fork
    after this module's imports, and would wait for it."""
    if not files:
        return spec, []
    from generator.spec.overlays import apply_overlays

    return apply_overlays(spec, files, owned=True)


def _dereferenced(
    spec: Any, name: str, validation: Verdict, options: Options, run: Run
) -> Resolved:
    base = options.spec.resolve().parent
    root = options.ref_root.resolve() if options.ref_root else None
    with validation_first(validation):
        return run.timed(
            "dereference",
            lambda: dereference(
                spec, name, base, options.allow_remote_refs, root, options.max_spec_mb
            ),
        )


def _verdict(validation: Verdict, run: Run) -> None:
    """The validator's errors stop the run; its warnings and time join the others."""
    problems, seconds = validation.finish()
    run.diagnostics[:0] = problems
    run.timings.insert(2, ("validate", seconds))  # after load and overlays, where it began
    run.notes.setdefault("validate", "beside the stages after it")


def _build(options: Options, run: Run) -> tuple[Resolved, Api, Verdict]:
    resolved, validation = _resolved(options, run)
    return resolved, _ir(resolved, validation, run), validation


def _ir(resolved: Resolved, validation: Verdict, run: Run) -> Api:
    with validation_first(validation):
        api, found = run.timed("IR", lambda: build_api(resolved))
        errors = [d for d in found if d.level is Level.ERROR]
        if errors:
            raise GeneratorError(errors)
    run.diagnostics.extend(found)
    return api


def build_ir(options: Options, run: Run) -> Api:
    _, api, validation = _build(options, run)
    _verdict(validation, run)
    return api


def generate_files(options: Options, run: Run) -> tuple[Api, dict[str, str]]:
    _, api, files = resolve_and_generate(options, run)
    return api, files


def resolve_and_generate(
    options: Options, run: Run, *, formatted: bool = True
) -> tuple[Resolved, Api, dict[str, str]]:
    """``generate_files``, with the dereferenced spec the IR was built from (for ``diff``).

    With ``formatted=False`` the Python files are left as rendered, before the format
    stage: the same code (black changes no syntax tree) for a caller that reads it
    with ``ast`` and formats only what it shows (``diff``: see ``generator.diff.diffstat``).
    """
    resolved, api, files, unverified = generate_unverified(options, run, formatted=formatted)
    unverified.finish()
    return resolved, api, files


@dataclass
class Unverified:
    """A generation whose validator may still be running (see ``generate_unverified``)."""

    validation: Verdict
    run: Run

    def finish(self) -> None:
        """Wait for the verdict: its errors raise, its warnings and time join the run's."""
        _verdict(self.validation, self.run)

    def cancel(self) -> None:
        self.validation.cancel()


def generate_unverified(
    options: Options, run: Run, *, formatted: bool = True
) -> tuple[Resolved, Api, dict[str, str], Unverified]:
    """``resolve_and_generate`` without waiting for the validator: a caller with more
    work does it first, while the validator still runs (``diff``), then calls
    ``finish`` (or ``cancel``) on the last item."""
    from generator.emit.format_cache import may_hold_entries
    from generator.emit.models_worker import formatter, models_worker

    # Loads datamodel-code-generator beside the stages before models, and black too
    # when the format cache may leave it the few pieces a spec update changes (and
    # the run has no worker that loaded black as it started: ``formatter_ahead``).
    # Without the cache's folder every piece goes to black, on all cores for a spec
    # of any size, and the worker would load black for nothing (CPU the others lack
    # on a loaded machine); a tiny spec's few pieces it still formats, loading it then.
    cached = formatted and may_hold_entries()
    with models_worker(formatter=cached and formatter() is None):
        staged = Staged(options, run)
        resolved, api = staged.build()
        files = staged.stage(lambda: _files(api, options, run, format_code=formatted))
    return resolved, api, files, staged.unverified()


class Staged:
    """``generate_unverified`` a stage at a time, for a caller that interleaves two runs
    (``diff``: one side's IR while the models worker makes the other side's models).
    Created, it has loaded and overlaid the spec and started its validation; an error
    in a stage run through ``stage`` reports the validator's errors instead, when it
    found any, as ``generate_unverified`` does."""

    def __init__(self, options: Options, run: Run) -> None:
        self.options, self.run = options, run
        self._spec, self._name, self._validation = _loaded(options, run)

    def stage(self, work: Callable[[], T]) -> T:
        with validation_first(self._validation):
            return work()

    def build(self) -> tuple[Resolved, Api]:
        """The dereference and IR stages."""
        resolved = _dereferenced(self._spec, self._name, self._validation, self.options, self.run)
        self._spec = None  # the resolved spec is all the stages after need
        return resolved, _ir(resolved, self._validation, self.run)

    def models(self, api: Api) -> str:
        """The models stage alone, unchecked (it may run on another thread: the caller
        passes its outcome through ``stage``)."""
        with self.run.stage("models"):
            source, texts = _models_later(api, self.run)()
        _warn(texts, api, self.options, self.run)
        return source

    def rendered(self, api: Api, models_source: str) -> dict[str, str]:
        """The plan and render stages: the package's files, unformatted."""
        return self.stage(lambda: _rendered(api, self.options, self.run, models_source))

    def unverified(self) -> Unverified:
        return Unverified(self._validation, self.run)


def _files(api: Api, options: Options, run: Run, format_code: bool = True) -> dict[str, str]:
    """The models worker is asked for ``models.py`` first; while it makes it, plan,
    render and black on the rendered modules; then its answer and black on its
    pieces. The stages print in their usual order, each line the main process's
    time in it (``models``: the asking and the wait)."""
    # Imported here, not at the top: while the validator works in its forked
    # worker, this process is still loading datamodel-code-generator and black.
    from generator.emit.format import FORMATTERS, Formatting
    from generator.emit.format_cache import FormatCache, cache_folder
    from generator.emit.render import models_path, runtime_paths

    models_at = len(run.timings)
    started = time.perf_counter()
    models = _models_later(api, run)
    asked = time.perf_counter() - started
    files = _rendered(api, options, run, "")
    path = models_path(options.package)
    cache = FormatCache(cache_folder(), FORMATTERS) if format_code else None
    with Formatting(runtime_paths(options.package), cache=cache) as formatting:
        started = time.perf_counter()
        if format_code:
            formatting.begin({name: text for name, text in files.items() if name != path})
        begun = time.perf_counter() - started
        with run.stage("models"):
            source, texts = models()
        name, seconds = run.timings.pop()
        run.timings.insert(models_at, (name, seconds + asked))
        _warn(texts, api, options, run)
        files[path] = source
        if not format_code:
            return files
        formatted = run.timed("format", lambda: formatting.end(files))
    name, seconds = run.timings[-1]
    run.timings[-1] = (name, seconds + begun)
    assert cache is not None
    if cache.folder is not None:
        run.notes["format"] = f"{formatted.cached} of {formatted.pieces} pieces from the cache"
    if cache.stored:
        cache.prune()
    return formatted.files


def _warn(texts: list[str], api: Api, options: Options, run: Run) -> None:
    """datamodel-code-generator's warnings, as the run's, each at its model."""
    for text in texts:
        run.diagnostics.append(
            warning(
                str(options.spec),
                _model_pointer(api, text),
                text,
                "the constraint is not checked by the client",
            )
        )


def _rendered(api: Api, options: Options, run: Run, models_source: str) -> dict[str, str]:
    """The plan and render stages: every file, unformatted."""
    from generator.emit.plan import plan_client
    from generator.emit.render import render_files

    version = (
        read_release(options.release).version if options.release else package_version(api.version)
    )
    plan = run.timed(
        "plan", lambda: plan_client(api, options.package, options.distribution, version)
    )
    changelog = read_changelog(options.changelog) if options.changelog else None
    return run.timed("render", lambda: render_files(plan, models_source, changelog))


def _models_later(api: Api, run: Run) -> Callable[[], tuple[str, list[str]]]:
    """datamodel-code-generator's module and warnings, asked now, given by the
    returned function; each group of schemas that refer only to one another comes
    from the stage cache when it has been given that very group before (see
    ``generator.emit.model_groups``)."""
    from generator.emit.model_groups import models_later
    from generator.emit.models import models_document, with_aliases
    from generator.emit.stage_cache import stage_cache

    made = models_later(models_document(api), api.title, stage_cache("models"))

    def finish() -> tuple[str, list[str]]:
        source, texts, note, outline = made()
        if note:
            run.notes["models"] = note
        return with_aliases(source, api, outline), texts

    return finish


def _model_pointer(api: Api, message: str) -> str:
    """Where in the spec the model a datamodel-code-generator warning names comes from."""
    places = {m.name: m.pointers for m in api.models}
    for name in re.findall(r"\b[A-Z]\w*\b", message):  # the first model it names
        if places.get(name):
            return places[name][0]
    return "/components/schemas"


def inputs_hash(options: Options) -> str:
    """A hash of everything the output depends on (see ``generator.inputs``)."""
    return hash_inputs(
        options.spec, options.overlays, options.package, options.release, options.changelog
    )
