"""Two sides → one ``Report``: wire changes, Python API changes, diffstat, verdict.

Each side goes through the pipeline: its spec, overlaid and dereferenced,
feeds the wire rules; its generated package (in memory, never written, and
not formatted: black changes no syntax tree) feeds the Python API comparison
and the diffstat, which formats only the pieces of code that differ. With ``raw`` the wire
rules read the specs without overlays and without validation; the Python
API is still that of the packages the pipeline generates (with overlays),
since that is what users install.

A side that fails validation is still compared: the wire contract needs no
valid document, only a dereferenced one. Its validation problems go into
``Report.problems`` (the report lists them first), and without a package to
read, the Python API and diffstat sections are left empty.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from generator.diagnostics import GeneratorError, error
from generator.emit.models_worker import models_worker
from generator.inputs import overlay_files
from generator.pipeline import Unverified
from generator.release.version import Semver, bump_for_spec_update
from generator.spec.dereference import Resolved, dereference
from generator.spec.load import load_document
from generator.spec.one_worker import one_worker
from generator.spec.overlays import apply_overlays
from generator.text import package_version

from .changes import Change, Severity
from .diffstat import Diffstat, diffstat, rendered_diffstat
from .generations import Built, generate_sides
from .links import link_causes
from .python_api import ApiChange, compare_surfaces
from .renames import find_renames
from .sources import Side, relabel
from .surface import SurfaceReader
from .wire import compare_wire

__all__ = ["Report", "Semver", "compare_sides"]


@dataclass(frozen=True)
class Report:
    old_label: str
    new_label: str
    old_version: str  # the specs' info.version
    new_version: str
    changes: tuple[Change, ...]
    python_api: tuple[ApiChange, ...]
    diffstat: Diffstat
    package_version: str = ""  # the package's current version, when known

    @property
    def next_version(self) -> str:
        """The version this change issues (``bump_for_spec_update``), "" when unknown."""
        if not self.package_version:
            return ""
        new_spec = package_version(self.new_version)
        return bump_for_spec_update(self.package_version, new_spec, self.semver)

    problems: tuple[str, ...] = ()
    """The validation problems of a side that fails validation (the diff went on)."""
    distribution: str = "qiskit-runtime-api"
    """The name of the package whose next version the report gives (``--package-name``)."""

    @property
    def severities(self) -> set[Severity]:
        return {c.severity for c in self.changes} | {c.severity for c in self.python_api}

    @property
    def verdict(self) -> str:
        if Severity.BREAKING in self.severities:
            return "breaking"
        return "non-breaking" if self.changes or self.python_api else "no API change"

    @property
    def semver(self) -> Semver:
        """The version bump of the package: major, minor (additions) or patch."""
        if self.verdict == "breaking":
            return "major"
        if any(c.addition for c in self.changes) or any(c.addition for c in self.python_api):
            return "minor"
        return "patch"

    def fails(self, level: str) -> bool:
        """Whether a change at ``level`` (breaking | warning) or worse is in the report."""
        worst = min((s.rank for s in self.severities), default=Severity.INFO.rank + 1)
        return worst <= Severity(level).rank


def compare_sides(
    old: Side,
    new: Side,
    *,
    raw: bool = False,
    package: str = "qiskit_runtime_api",
    current_version: str = "",
) -> Report:
    """The report from ``old`` to ``new``; ``GeneratorError`` when a side is bad input.

    The validators' verdicts are read last: the two sides are validated in one worker,
    one after the other (the new side's validation reuses what the old side's found
    clean), beside the generations and the comparison, and the report is made again
    without the Python API when a side turns out not to validate.
    """
    # One models worker for both sides and the diffstat's black (loaded while it waits).
    with one_worker(), models_worker(formatter=True):
        return _compared(old, new, raw, package, current_version)


def _compared(old: Side, new: Side, raw: bool, package: str, current_version: str) -> Report:
    pending: dict[str, tuple[Side, Unverified]] = {}
    settings = (raw, package, current_version)
    keys = (_inputs_key(old), _inputs_key(new))
    sides: dict[str, Side] = {}
    for side, key in zip((old, new), keys, strict=True):
        sides.setdefault(key, side)
    early = _Early(package)
    try:
        built = generate_sides(sides, package, pending, _unvalidated, early.beside(raw, keys))
        report: Report | None = None
        try:
            report = _report(old, new, built[keys[0]], built[keys[1]], *settings, early=early)
        except Exception:
            if not pending:
                raise
            # A side that fails validation may be what tripped it: made again below.
        failed = False
        for key, (side, unverified) in list(pending.items()):
            del pending[key]
            try:
                unverified.finish()
            except GeneratorError as exc:
                built[key] = _unvalidated(side, exc)
                failed = True
    finally:
        for _, unverified in pending.values():
            unverified.cancel()
    if failed or report is None:
        report = _report(old, new, built[keys[0]], built[keys[1]], *settings)
    return report


class _Early:
    """The parts of the report that need no models module, made while the models are:
    the wire changes (from the dereferenced specs) and the surfaces of every other module
    (``SurfaceReader`` keeps them for the report's own reading of the two packages)."""

    def __init__(self, package: str) -> None:
        self.package = package
        self.reader = SurfaceReader()
        self.wire: tuple[Built, Built, list[Change]] | None = None

    def beside(self, raw: bool, keys: tuple[str, str]) -> Callable[[dict[str, Built]], None]:
        def work(built: dict[str, Built]) -> None:
            if raw or keys[0] not in built or keys[1] not in built:
                return
            before, after = built[keys[0]], built[keys[1]]
            try:
                self.wire = (before, after, compare_wire(before.resolved, after.resolved))
            except Exception:  # the report's own comparison says what went wrong
                self.wire = None
            for side in {id(before): before, id(after): after}.values():
                self.reader.read(side.files, self.package)

        return work

    def wire_changes(self, before: Built, after: Built) -> list[Change]:
        """``compare_wire`` of the two sides' dereferenced specs, made early when it was."""
        if self.wire is not None and self.wire[0] is before and self.wire[1] is after:
            return self.wire[2]
        return compare_wire(before.resolved, after.resolved)


def _report(
    old: Side,
    new: Side,
    before: Built,
    after: Built,
    raw: bool,
    package: str,
    current_version: str,
    early: _Early | None = None,
) -> Report:
    problems = tuple(
        f"{label}: {line}"
        for label, side in (("old", before), ("new", after))
        for line in side.problems
    )
    early = early or _Early(package)
    wire = compare_wire(_raw(old), _raw(new)) if raw else early.wire_changes(before, after)
    if before.api is None or after.api is None:
        return Report(
            old.label,
            new.label,
            before.version,
            after.version,
            tuple(wire),
            (),
            diffstat({}, {}),
            current_version,
            problems,
            package.replace("_", "-"),
        )
    surfaces = (early.reader.read(before.files, package), early.reader.read(after.files, package))
    apis = (before.api, after.api)
    renames = find_renames(*surfaces, apis)
    python_api = link_causes(compare_surfaces(*surfaces, renames), wire, apis, surfaces)
    return Report(
        old.label,
        new.label,
        before.api.version,
        after.api.version,
        tuple(wire),
        tuple(python_api),
        _diffstat(before.files, after.files, package),
        current_version,
        problems,
        package.replace("_", "-"),
    )


def _diffstat(old: dict[str, str], new: dict[str, str], package: str) -> Diffstat:
    """The diffstat of the two packages as ``generate`` writes them (formatted)."""
    from generator.emit.format import FORMATTERS, format_pieces, split_module
    from generator.emit.format_cache import FormatCache, cache_folder
    from generator.emit.render import runtime_paths

    cache = FormatCache(cache_folder(), FORMATTERS)
    stat = rendered_diffstat(
        old,
        new,
        verbatim=runtime_paths(package),
        split=lambda text: split_module(text, 0),
        format_pieces=lambda texts: format_pieces(texts, cache),
    )
    if cache.stored:
        cache.prune()
    return stat


def _unvalidated(side: Side, exc: GeneratorError) -> Built:
    """A side whose package can't be generated: its spec, overlaid and dereferenced, for
    the wire rules, and the reasons. ``exc`` again when even that fails."""
    try:
        document = load_document(side.spec)
        spec, _ = apply_overlays(document.data, overlay_files(side.overlays))
        resolved = dereference(spec, document.name, side.spec.resolve().parent)
    except GeneratorError:
        raise exc from None
    info = spec.get("info") if isinstance(spec, dict) else None
    version = str(info.get("version", "")) if isinstance(info, dict) else ""
    lines = tuple(d.format() for d in relabel(exc, (side,)).diagnostics)
    return Built(resolved, None, {}, version, lines)


def _inputs_key(side: Side) -> str:
    digest = hashlib.sha256()
    for path in [side.spec, *overlay_files(side.overlays)]:
        try:
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
        except OSError:
            digest.update(str(path).encode())  # generate_files reports it
    return digest.hexdigest()


def _raw(side: Side) -> Resolved:
    """The spec as published: no overlays, no validation, references checked."""
    document = load_document(side.spec)
    data: Any = document.data
    if not isinstance(data, dict) or not str(data.get("openapi", "")).startswith(("3.0", "3.1")):
        raise GeneratorError(
            [
                error(
                    document.name,
                    "/openapi",
                    "not an OpenAPI 3.0 or 3.1 document",
                    "check the file",
                )
            ]
        )
    return dereference(data, document.name, side.spec.resolve().parent)
