"""The stages in order, each timed: load → overlays → validate → dereference
→ IR → models → render → format. ``write`` and ``check`` consume the result.
"""

from __future__ import annotations

import re
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from .build import build_api
from .diagnostics import Diagnostic, GeneratorError, Level, warning
from .fmt import format_files
from .inputs import inputs_hash as hash_inputs
from .inputs import overlay_files
from .ir import Api
from .load import MAX_SPEC_MB, load_document
from .models import render_models
from .overlay import apply_overlays
from .plan import plan_client
from .release import read_release
from .render import render_files, runtime_paths
from .resolve import Resolved, dereference
from .text import package_version
from .validate import check_examples, validate_spec

__all__ = ["Options", "Run", "build_ir", "generate_files", "inputs_hash", "resolve_spec"]

T = TypeVar("T")


@dataclass(frozen=True)
class Options:
    spec: Path
    overlays: Path | None
    out: Path
    package: str = "qiskit_runtime_api"
    allow_remote_refs: bool = False
    release: Path | None = None
    """``release.json`` (see ``generator.release``); without it the version is ``info.version``."""
    max_spec_mb: int = MAX_SPEC_MB

    @property
    def distribution(self) -> str:
        return self.package.replace("_", "-")


@dataclass
class Run:
    """Timings and diagnostics of one pipeline run."""

    timings: list[tuple[str, float]] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

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


def resolve_spec(options: Options, run: Run) -> Resolved:
    """Load, overlays, validate and dereference: the spec every later stage reads."""
    document = run.timed("load", lambda: load_document(options.spec, options.max_spec_mb))
    name = document.name
    files = overlay_files(options.overlays)
    spec, found = run.timed("overlays", lambda: apply_overlays(document.data, files))
    run.diagnostics.extend(found)

    def validate() -> None:
        problems = validate_spec(
            spec, name, options.spec.resolve().as_uri(), options.allow_remote_refs
        )
        errors = [d for d in problems if d.level is Level.ERROR]
        if errors:
            raise GeneratorError(errors)
        run.diagnostics.extend(problems)

    run.timed("validate", validate)
    resolved = run.timed(
        "dereference",
        lambda: dereference(spec, name, options.spec.resolve().parent, options.allow_remote_refs),
    )
    run.diagnostics.extend(check_examples(resolved.spec, name))
    return resolved


def build_ir(options: Options, run: Run, resolved: Resolved | None = None) -> Api:
    """The IR of ``options.spec``, or of ``resolved`` when it was resolved already."""
    resolved = resolved or resolve_spec(options, run)
    api, found = run.timed("IR", lambda: build_api(resolved))
    errors = [d for d in found if d.level is Level.ERROR]
    if errors:
        raise GeneratorError(errors)
    run.diagnostics.extend(found)
    return api


def generate_files(
    options: Options, run: Run, resolved: Resolved | None = None
) -> tuple[Api, dict[str, str]]:
    api = build_ir(options, run, resolved)

    def models() -> str:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            source = render_models(api)
        for item in caught:
            text = str(item.message)
            run.diagnostics.append(
                warning(
                    str(options.spec),
                    _model_pointer(api, text),
                    text,
                    "the constraint is not checked by the client",
                )
            )
        return source

    source = run.timed("models", models)
    version = (
        read_release(options.release).version if options.release else package_version(api.version)
    )
    plan = plan_client(api, options.package, options.distribution, version)
    files = run.timed("render", lambda: render_files(plan, source))
    verbatim = runtime_paths(options.package)
    formatted = run.timed("format", lambda: format_files(files, verbatim))
    return api, formatted


def _model_pointer(api: Api, message: str) -> str:
    """Where in the spec the model a datamodel-code-generator warning names comes from."""
    places = {m.name: m.pointers for m in api.models}
    for name in re.findall(r"\b([A-Z]\w*)\.\w+", message):
        if places.get(name):
            return places[name][0]
    return "/components/schemas"


def inputs_hash(options: Options) -> str:
    """A hash of everything the output depends on (see ``generator.inputs``)."""
    return hash_inputs(options.spec, options.overlays, options.package, options.release)
