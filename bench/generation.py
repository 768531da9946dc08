"""Generation time: ``make generate`` on the seed against openapi-python-client.

Both generators run as fresh processes, interleaved (ours, peer, ours, ...)
after one untimed warm-up each, into new folders; medians of 5. Ours runs
without its format cache (the judged figure), and interleaved with those, with
the cache the warm-up filled (what a regeneration after a small spec update
costs, when most pieces are unchanged). Our CLI's
per-stage lines give the stage breakdown; what the stages do not account for
is interpreter start-up and imports. Then a regeneration after a spec update:
the seed with one schema's description changed and one new property,
generated over the previous output with the caches the original's run left
(each repetition from a fresh copy of both). Then the no-op paths: ``generate``
again on an up-to-date output, and ``check``. The generator's modules are
compiled first, as pip compiled the peer's and every library's. Last, the
floors: black's own time on the pieces, and the required libraries' own work
(``bench.library_floor``).

    python -m bench.generation [--quick]
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import cli
from .black_floor import floor_jobs
from .library_floor import LibraryFloor, measure_library_floor
from .measure import ProcessRun, run_measured
from .ours import (
    SEED,
    SEED_OVERLAYS,
    TINY,
    generator_command,
    largest,
    stage_notes,
    stages,
    with_format_cache,
)
from .peers import opc_command, opc_environment, opc_version, overlaid_spec, peer_python
from .profiles import profile_module
from .report import PEER_NOT_MEASURED, ROOT, Section, cpu_bound, judge, median, seconds

__all__ = [
    "UPDATED_PROPERTY",
    "Floor",
    "black_floor",
    "first_object_schema",
    "measure",
    "time_black",
    "updated_spec",
    "usable_cores",
]

STARTUP = "start-up and imports"
GENERATE = "cold `generate` (no cache of any earlier run) / openapi-python-client's, seed"
UPDATE = "regeneration after a spec update / the peer's full run"
NOOP = "no-op `generate` / `check`"
RATIO_TARGET = 1.0
UPDATE_TARGET = 0.5
NOOP_TARGET = 0.08
UPDATED_PROPERTY = "bench_added_member"


def first_object_schema(node: Any) -> dict[str, Any] | None:
    """The first schema with ``properties`` under ``node``, in document order."""
    if isinstance(node, dict):
        if isinstance(node.get("properties"), dict) and node["properties"]:
            return node
        children: Any = node.values()
    elif isinstance(node, list):
        children = node
    else:
        return None
    for child in children:
        found = first_object_schema(child)
        if found is not None:
            return found
    return None


def updated_spec(spec: Path, overlays: Path | None, target: Path) -> Path:
    """``spec`` (overlays applied) after a small update: one schema's description changed
    and one new optional property, as an upstream release often does."""
    data = json.loads(overlaid_spec(spec, overlays, target).read_text(encoding="utf-8"))
    schema = first_object_schema(data.get("components", {})) or first_object_schema(
        data.get("paths", {})
    )
    if schema is None:
        raise RuntimeError(f"{spec} has no object schema to update")
    schema["description"] = str(schema.get("description", "")) + " Updated in the new release."
    schema["properties"][UPDATED_PROPERTY] = {
        "type": "string",
        "description": "A member the new release adds.",
    }
    target.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return target


def _compiled() -> None:
    """The generator's modules compiled, as on a maintainer's machine: this one may set
    ``PYTHONDONTWRITEBYTECODE``, which would make every run compile them again (the
    peer and every library were compiled when pip installed them)."""
    compiled = [sys.executable, "-m", "compileall", "-q", str(ROOT / "generator")]
    _ensure(run_measured(compiled, cwd=ROOT), "compileall")


def _ensure(run: ProcessRun, what: str) -> ProcessRun:
    if not run.ok:
        raise RuntimeError(f"{what} failed: {run.first_error()}")
    return run


def _stage_medians(runs: list[ProcessRun]) -> dict[str, float]:
    """Median seconds per stage, and the wall time no sequential stage accounts for."""
    per_run = [stages(r.stdout) for r in runs]
    notes = stage_notes(runs[0].stdout)
    names = list(dict.fromkeys(name for found in per_run for name in found))
    medians = {name: median([found.get(name, 0.0) for found in per_run]) for name in names}
    medians[STARTUP] = median(
        [
            r.seconds - sum(t for name, t in found.items() if not _beside(notes.get(name)))
            for r, found in zip(runs, per_run, strict=True)
        ]
    )
    return medians


def measure(quick: bool) -> Section:
    section = Section("generation", "Generation: `make generate` against openapi-python-client")
    repetitions = 1 if quick else 5
    spec, overlays, package = (
        (TINY, None, "tiny_api") if quick else (SEED, SEED_OVERLAYS, "qiskit_runtime_api")
    )
    peer = None if quick else peer_python()
    _compiled()
    with tempfile.TemporaryDirectory(prefix="bench-generation-") as name:
        tmp = Path(name)
        peer_spec = overlaid_spec(spec, overlays, tmp / "overlaid.json") if peer else None

        cache = with_format_cache(tmp / "format-cache")

        def ours(label: str, env: dict[str, str] | None = None) -> ProcessRun:
            command = generator_command("generate", spec, overlays, tmp / label, package)
            return _ensure(run_measured(command, cwd=ROOT, env=env), "our generator")

        def theirs(label: str) -> ProcessRun:
            assert peer_spec is not None
            command = opc_command(peer_spec, tmp / label)
            run = _ensure(run_measured(command, env=opc_environment()), "openapi-python-client")
            if "ruff is not in PATH" in run.stdout + run.stderr:
                raise RuntimeError("openapi-python-client ran without its ruff post-hooks")
            return run

        ours("warm-ours", cache)  # also fills the format cache
        if not quick and peer:
            theirs("warm-peer")
        floor = black_floor(spec, overlays, package)
        time_black(floor)  # untimed warm-up: black's first run builds its caches
        floor.black_seconds.clear()
        our_runs: list[ProcessRun] = []
        cached_runs: list[ProcessRun] = []
        peer_runs: list[ProcessRun] = []
        for index in range(repetitions):
            our_runs.append(ours(f"ours-{index}"))
            if peer:
                peer_runs.append(theirs(f"peer-{index}"))
            cached_runs.append(ours(f"cached-{index}", cache))
            time_black(floor)
        output = tmp / "ours-0"
        update_runs = _update_runs(spec, overlays, tmp, package, repetitions)
        floor_repetitions = 1 if quick else 3
        update_floor = measure_library_floor(tmp / "update-new.json", floor_repetitions)
        cold_floor = measure_library_floor(
            overlaid_spec(spec, overlays, tmp / "floor.json"),
            floor_repetitions,
            full=True,
            black_run=floor.one_core,
        )
        noop_runs, check_runs = _noop_runs(spec, overlays, output, package, repetitions)

    _timing_table(section, our_runs, cached_runs, peer_runs, quick)
    medians = _stage_medians(our_runs)
    ours_median = median([r.seconds for r in our_runs])
    breakdown = section.table(
        f"Stage breakdown of our runs without the format cache (median of {repetitions}; "
        "a stage that runs beside the others is left out of the sum):",
        "stage",
        "median",
        "share",
        "note",
    )
    notes = stage_notes(our_runs[0].stdout)
    for stage, value in medians.items():
        breakdown.add(stage, seconds(value), f"{value / ours_median:.0%}", notes.get(stage, ""))

    noop = section.table(
        f"No-op paths on an up-to-date output (median of {repetitions}, whole process):",
        "command",
        "median",
        "min",
        "max",
    )
    for label, runs in (("generate, nothing changed", noop_runs), ("check", check_runs)):
        times = [r.seconds for r in runs]
        noop.add(label, seconds(median(times)), seconds(min(times)), seconds(max(times)))

    update_times = [r.seconds for r in update_runs]
    updates = section.table(
        f"Regeneration after a spec update (median of {repetitions}): the seed with one "
        f"schema's description changed and a new property `{UPDATED_PROPERTY}`, over the "
        "previous output, with the caches its run left:",
        "run",
        "median",
        "min",
        "max",
        "largest stages",
    )
    updates.add(
        "ours, spec updated",
        seconds(median(update_times)),
        seconds(min(update_times)),
        seconds(max(update_times)),
        largest(_stage_medians(update_runs)),
    )
    cores = usable_cores()
    peer_median = median([r.seconds for r in peer_runs]) if peer_runs else float("nan")
    floor_note = (
        f"; the floor: black's `format_str` alone on the {len(floor.pieces)} pieces our "
        f"format stage formats takes {seconds(floor.one_core)} on one core, "
        f"{seconds(floor.all_cores)} shared over {cores} usable cores; with it, "
        f"{cold_floor.shown(cores)}, {cold_floor.on(cores) / peer_median:.2f}× "
        f"the peer's whole run of {seconds(peer_median)}; {_cpu_bound(our_runs, peer_runs)}"
    )
    section.notes.append(
        f"The floor of a cold run (black, which the design card fixes): `black.format_str` "
        f"with our mode, in one process on one core, on exactly the {len(floor.pieces)} "
        f"pieces ({sum(map(len, floor.pieces)):,} characters) our format stage gives black "
        f"(the rendered modules cut as it cuts them, after isort; the hand-written runtime "
        f"is copied verbatim and not formatted); median of {len(floor.black_seconds)} passes "
        f"interleaved with the runs above: {seconds(floor.one_core)}, i.e. "
        f"{seconds(floor.all_cores)} over {cores} cores if shared perfectly. isort on the "
        f"same pieces: {seconds(floor.isort_seconds)} (one pass)."
    )
    _targets(section, ours_median, peer_runs, medians, noop_runs, check_runs, quick, floor_note)
    _update_target(section, update_runs, peer_runs, quick, update_floor)
    section.notes.append(
        "Both generators read the seed with our overlays applied (ours applies them itself, "
        "the peer gets the overlaid document): the raw seed makes the peer skip two operations."
        if not quick
        else f"Input: bench/tiny-spec.json. {PEER_NOT_MEASURED}."
    )
    section.notes.append(
        "Peak RSS is that of the largest process of the run (`ru_maxrss` of a wrapper's "
        "children): ours or one of its forked black workers (which share its pages); the "
        "peer or one of its ruff post-hooks."
    )
    if peer:
        section.notes.append(f"Peer: openapi-python-client {opc_version()}, in bench/.peers.")
    if not quick:
        _profiles(section)
    return section


def _profiles(section: Section) -> None:
    """A profile of each missed target's run: full generation, or the no-op paths."""
    missed = {t.name for t in section.missed}
    with tempfile.TemporaryDirectory(prefix="bench-profile-") as name:
        out = Path(name) / "out"
        full = generator_command("generate", SEED, SEED_OVERLAYS, out, "qiskit_runtime_api")
        if GENERATE in missed:
            section.profiles.append(
                (f"Profile of {GENERATE}, full (pyinstrument)", profile_module(full[2:]))
            )
            section.notes.append(
                "The profile sees one process: black runs in forked workers, so the format "
                "stage shows there as the parent waiting (`lock.acquire`); the stage breakdown "
                "above has its wall time."
            )
        if UPDATE in missed:
            tmp = Path(name)
            base = overlaid_spec(SEED, SEED_OVERLAYS, tmp / "original.json")
            new = updated_spec(SEED, SEED_OVERLAYS, tmp / "new.json")
            env = with_format_cache(tmp / "cache")
            package = "qiskit_runtime_api"
            first = generator_command("generate", base, None, tmp / "update", package)
            run_measured(first, cwd=ROOT, env=env)
            again = generator_command("generate", new, None, tmp / "update", package, full=False)
            section.profiles.append(
                (f"Profile of the {UPDATE} (pyinstrument)", profile_module(again[2:], env))
            )
        if NOOP in missed:
            run_measured(full, cwd=ROOT)
        for command in ("generate", "check"):
            if NOOP in missed:
                args = generator_command(
                    command, SEED, SEED_OVERLAYS, out, "qiskit_runtime_api", full=False
                )
                section.profiles.append(
                    (f"Profile of the no-op `{command}` (pyinstrument)", profile_module(args[2:]))
                )


@dataclass(frozen=True)
class Floor:
    """Black's own time on what our format stage gives it (the design card fixes black)."""

    pieces: list[str]
    """The texts black is given: each piece the format stage formats, after isort."""
    isort_seconds: float
    black_seconds: list[float] = field(default_factory=list)
    """One core, ``black.format_str`` with our mode on every piece, once per repetition."""

    @property
    def one_core(self) -> float:
        return median(self.black_seconds)

    @property
    def all_cores(self) -> float:
        """The one-core time shared perfectly between the usable cores."""
        return self.one_core / usable_cores()


def usable_cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def black_floor(spec: Path, overlays: Path | None, package: str) -> Floor:
    """The pieces of the client ``spec`` makes, as the format stage gives them to black:
    the pipeline's rendered files (``formatted=False``), cut as the format stage cuts
    them, the hand-written runtime left out (it is copied verbatim), isort applied."""
    import isort

    from generator.emit.format import formatters

    jobs = floor_jobs(spec, overlays, package)
    _, config = formatters()
    started = time.perf_counter()
    pieces = [isort.code(text, config=config) for _, _, text in jobs]
    return Floor(pieces, time.perf_counter() - started)


def time_black(floor: Floor) -> None:
    """One timed pass of black over the floor's pieces, in this process, on one core."""
    import black

    from generator.emit.format import formatters

    mode, _ = formatters()
    started = time.perf_counter()
    for piece in floor.pieces:
        black.format_str(piece, mode=mode)
    floor.black_seconds.append(time.perf_counter() - started)


def _update_runs(
    spec: Path, overlays: Path | None, tmp: Path, package: str, repetitions: int
) -> list[ProcessRun]:
    """Regenerations after ``updated_spec``, each over a fresh copy of the original's output
    and of the caches its run left (so no repetition finds the update's own pieces)."""
    base_spec = overlaid_spec(spec, overlays, tmp / "update-original.json")
    new_spec = updated_spec(spec, overlays, tmp / "update-new.json")
    base_out, base_cache = tmp / "update-base", tmp / "update-cache"
    command = generator_command("generate", base_spec, None, base_out, package)
    _ensure(run_measured(command, cwd=ROOT, env=with_format_cache(base_cache)), "our generator")
    runs = []
    for index in range(repetitions):
        out, cache = tmp / f"update-{index}", tmp / f"update-cache-{index}"
        shutil.copytree(base_out, out)
        shutil.copytree(base_cache, cache)
        command = generator_command("generate", new_spec, None, out, package, full=False)
        run = run_measured(command, cwd=ROOT, env=with_format_cache(cache))
        runs.append(_ensure(run, "our regeneration after a spec update"))
    return runs


def _cpu_bound(runs: list[ProcessRun], peer_runs: list[ProcessRun]) -> str:
    """``cpu_bound`` of the runs' median CPU, beside the peer's CPU and run."""
    if not peer_runs:
        return "the peer was not measured"
    cores = usable_cores()
    cpu = median([r.cpu_seconds for r in runs])
    peer_median = median([r.seconds for r in peer_runs])
    peer_cpu = median([r.cpu_seconds for r in peer_runs])
    return (
        f"{cpu_bound(cpu, cores)}, {cpu / cores / peer_median:.2f}× the peer's run "
        f"(whose processes take {seconds(peer_cpu)})"
    )


def _update_target(
    section: Section,
    update_runs: list[ProcessRun],
    peer_runs: list[ProcessRun],
    quick: bool,
    floor: LibraryFloor,
) -> None:
    peer_median = median([r.seconds for r in peer_runs]) if peer_runs else float("nan")
    update_median = median([r.seconds for r in update_runs])
    ratio = update_median / peer_median
    cores = usable_cores()
    floor_note = (
        f"; the floor (no model or piece to redo counted, only the libraries' loading and "
        f"the validation): {floor.shown(cores)}, {floor.on(cores) / peer_median:.2f}× the "
        f"peer's run; {_cpu_bound(update_runs, peer_runs)}"
    )
    section.targets.append(
        judge(
            UPDATE,
            ratio,
            "≤",
            UPDATE_TARGET,
            f"{ratio:.2f}× ({seconds(update_median)} vs {seconds(peer_median)})"
            if peer_runs
            else "n/a",
            f"{UPDATE_TARGET}×",
            quick=quick,
            why=f"largest stages: {largest(_stage_medians(update_runs))}{floor_note}"
            if peer_runs
            else "peer not installed (run `make bench`)",
        )
    )


def _noop_runs(
    spec: Path, overlays: Path | None, output: Path, package: str, repetitions: int
) -> tuple[list[ProcessRun], list[ProcessRun]]:
    """``generate`` and ``check`` on ``output``, which the same inputs just generated.

    As a maintainer meets them: the generator's modules compiled (``_compiled``) and
    one run of each before the measured ones (the first after a ``generate`` hashes
    the files it just wrote, too new for the digest cache to trust), with the caches on."""
    again = generator_command("generate", spec, overlays, output, package, full=False)
    check = generator_command("check", spec, overlays, output, package)
    # The maintainer's caches (the digest cache among them) in a folder of this run:
    # the other measures turn every cache off.
    env = with_format_cache(output.parent / f"{output.name}-noop-cache")
    time.sleep(0.2)  # past the digest cache's racy window for the files just written
    _ensure(run_measured(again, cwd=ROOT, env=env), "no-op generate, warm-up")
    _ensure(run_measured(check, cwd=ROOT, env=env), "check, warm-up")
    noop_runs = [
        _ensure(run_measured(again, cwd=ROOT, env=env), "no-op generate")
        for _ in range(repetitions)
    ]
    check_runs = [
        _ensure(run_measured(check, cwd=ROOT, env=env), "check") for _ in range(repetitions)
    ]
    return noop_runs, check_runs


def _beside(note: str | None) -> bool:
    """Whether a stage's note says it runs beside the others (not in their sequence)."""
    return bool(note and note.startswith("beside"))


def _timing_table(
    section: Section,
    ours: list[ProcessRun],
    cached: list[ProcessRun],
    peer: list[ProcessRun],
    quick: bool,
) -> None:
    table = section.table(
        f"Full generation, fresh process each (median of {len(ours)}, interleaved):",
        "generator",
        "median",
        "min",
        "max",
        "peak RSS",
        "CPU, all processes",
        "× openapi-python-client",
    )
    peer_median = median([r.seconds for r in peer]) if peer else float("nan")
    for label, runs in (
        ("ours (`python -m generator generate`), no format cache", ours),
        ("ours, format cache warm (a spec update's regeneration)", cached),
        ("openapi-python-client", peer),
    ):
        if not runs:
            reason = PEER_NOT_MEASURED if quick else "peer not installed (run `make bench`)"
            table.add(label, reason, "", "", "", "", "")
            continue
        times = [r.seconds for r in runs]
        ratio = median(times) / peer_median if peer else float("nan")
        table.add(
            label,
            seconds(median(times)),
            seconds(min(times)),
            seconds(max(times)),
            f"{median([r.peak_mib for r in runs]):.0f} MiB",
            seconds(median([r.cpu_seconds for r in runs])),
            "n/a" if ratio != ratio else f"{ratio:.2f}×",
        )


def _targets(
    section: Section,
    ours_median: float,
    peer_runs: list[ProcessRun],
    medians: dict[str, float],
    noop_runs: list[ProcessRun],
    check_runs: list[ProcessRun],
    quick: bool,
    floor: str,
) -> None:
    peer_median = median([r.seconds for r in peer_runs]) if peer_runs else float("nan")
    ratio = ours_median / peer_median
    shown = f"{ratio:.2f}× ({seconds(ours_median)} vs {seconds(peer_median)})"
    section.targets.append(
        judge(
            GENERATE,
            ratio,
            "≤",
            RATIO_TARGET,
            shown if peer_runs else "n/a",
            f"{RATIO_TARGET}×",
            quick=quick,
            why=f"largest stages: {largest(medians)}{floor}"
            if peer_runs
            else "peer not installed (run `make bench`)",
        )
    )
    noop, check = (median([r.seconds for r in runs]) for runs in (noop_runs, check_runs))
    found = stages(noop_runs[0].stdout) or stages(check_runs[0].stdout)
    why = f"it ran the stages: {largest(found)}" if found else "see the profiles below"
    section.targets.append(
        judge(
            NOOP,
            max(noop, check),
            "≤",
            NOOP_TARGET,
            f"{seconds(noop)} / {seconds(check)}",
            f"{NOOP_TARGET * 1000:.0f} ms",
            quick=quick,
            why=why,
        )
    )


if __name__ == "__main__":
    cli.main(measure)
