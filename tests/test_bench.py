"""The benchmark scripts still run and still say what they measured.

Each script runs with ``--quick`` (its tiny input, once, no peers); the tests
read the rows of its Markdown tables. No timing is asserted: speed targets are
judged by ``make bench`` alone.
"""

from __future__ import annotations

import functools
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bench import run
from bench.jobs import jobs_body
from bench.measure import run_measured
from bench.profiles import import_profile, profile_call
from bench.report import NOT_JUDGED, PEER_NOT_MEASURED, Section

# Slow: runs each bench script. In `make test`, not in `make test-fast`.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
TIME = re.compile(r"^\d+(\.\d+)? (s|ms|µs)$")

# Per script: the rows it must produce, by their first cells, and whether the
# row carries a measured time in its next cell.
EXPECTED_ROWS: dict[str, list[tuple[tuple[str, ...], bool]]] = {
    "generation": [
        (("ours (`python -m generator generate`), no format cache",), True),
        (("ours, format cache warm (a spec update's regeneration)",), True),
        (("openapi-python-client", PEER_NOT_MEASURED), False),
        (("start-up and imports",), True),
        (("generate, nothing changed",), True),
        (("check",), True),
    ],
    "scale": [
        (("bench/tiny-spec.json",), False),
        (("Anthropic", "not measured in quick mode"), False),
        (("OpenAI", "not measured in quick mode"), False),
        (("GitHub", "not measured in quick mode"), False),
    ],
    "parsing": [
        (("json.loads alone",), True),
        (("qiskit_runtime_api (`parse_response`)",), True),
        (("plain pydantic v2 model (`model_validate_json`)",), True),
        (("openapi-python-client", PEER_NOT_MEASURED), False),
    ],
    "spec_diff": [
        (("tiny-spec.json (0.00 MB)",), False),
        (("the same, its stage caches in place (after `generate`)",), False),
    ],
    "calls": [
        (("sync, run 1 of 3", "qiskit_runtime_api"), True),
        (("sync, run 1 of 3", "bare httpx + json.loads"), True),
        (("async", "qiskit_runtime_api"), True),
        (("async", "bare httpx + json.loads"), True),
    ],
    "imports": [
        (("`import qiskit_runtime_api`",), True),
        (("`import httpx, pydantic`",), True),
    ],
    "package": [
        (("qiskit-runtime-api with httpx and pydantic",), True),
    ],
}
# Scripts that report figures no issue bounds: they list no targets.
JUDGES_NOTHING = {"package", "imports"}  # imports: a figure the issue does not bound


def table_rows(markdown: str) -> list[list[str]]:
    """The cells of every table row (header and separator rows included)."""
    return [
        [cell.strip() for cell in re.split(r"(?<!\\)\|", line.strip()[1:-1])]
        for line in markdown.splitlines()
        if line.startswith("| ")
    ]


def find_row(rows: list[list[str]], first: tuple[str, ...]) -> list[str]:
    for row in rows:
        if tuple(row[: len(first)]) == first:
            return row
    raise AssertionError(f"no row starting with {first}; rows: {rows}")


@functools.cache
def run_quick(module: str, *args: str) -> str:
    """The output of ``python -m MODULE --quick ARGS`` (each run once per session)."""
    result = subprocess.run(
        [sys.executable, "-m", module, "--quick", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("script", sorted(EXPECTED_ROWS))
def test_each_bench_script_runs_quick_and_produces_its_rows(script: str) -> None:
    output = run_quick(f"bench.{script}")
    rows = table_rows(output)
    for first, timed in EXPECTED_ROWS[script]:
        row = find_row(rows, first)
        if timed:
            assert TIME.match(row[len(first)]), row
    # Quick mode judges nothing: every target row says so.
    target_rows = [r for r in rows if len(r) == 4 and r[2].startswith(("≤", "≥", "<"))]
    assert bool(target_rows) is (script not in JUDGES_NOTHING), "the section lists its targets"
    assert all(r[3] in (NOT_JUDGED, "not measured in quick mode") for r in target_rows), target_rows


def test_the_generation_breakdown_reads_the_clis_stage_lines() -> None:
    rows = table_rows(run_quick("bench.generation"))
    header = rows.index(["stage", "median", "share", "note"])
    stages = [r[0] for r in rows[header + 2 :] if len(r) == 4 and r[2].endswith("%")]
    assert "start-up and imports" in stages
    assert len(stages) >= 4, stages  # the CLI's own stages, read from its output


def test_run_writes_one_report_with_machine_info_and_a_summary(tmp_path: Path) -> None:
    committed = (ROOT / "bench" / "RESULTS.md").read_bytes()
    output = tmp_path / "RESULTS.md"
    run_quick("bench.run", "--only", "parsing,imports", "--output", str(output))
    report = output.read_text(encoding="utf-8")
    rows = table_rows(report)
    assert report.startswith("# Benchmarks")
    for name in ("CPU", "cores", "Python", "date (UTC)"):
        assert find_row(rows, (name,))[1]
    assert "## Summary: 0 targets met, 0 missed, 1 not judged" in report
    assert "## Client parsing" in report and "## Import time" in report
    assert (ROOT / "bench" / "RESULTS.md").read_bytes() == committed


def test_a_failing_script_becomes_a_missed_target_with_its_traceback() -> None:
    def broken(quick: bool) -> Section:
        raise ValueError("the peer's output moved")

    section, ran = run._run("broken", broken, quick=True)
    assert not ran
    assert [t.met for t in section.targets] == [False]
    assert "ValueError: the peer's output moved" in section.targets[0].verdict
    assert section.profiles[0][0] == "Traceback"


def test_measured_runs_report_peak_memory_and_the_first_error() -> None:
    grow = "x = bytearray(160 * 2**20); x[::4096] = b'1' * len(x[::4096])"
    grown = run_measured([sys.executable, "-c", grow])
    assert grown.ok and grown.peak_mib >= 160
    failed = run_measured(
        [sys.executable, "-c", "import sys; print('warning: a'); sys.exit('error: b went wrong')"]
    )
    assert not failed.ok
    assert failed.first_error() == "error: b went wrong"


def test_measured_cpu_counts_the_workers_a_command_forks() -> None:
    # As the generator's validation and models workers and black's pool: forked children
    # the command waits for. Their CPU is part of what the run costs on the machine.
    spin = (
        "import os, time\n"
        "def spin():\n"
        "    while time.process_time() < 0.3: pass\n"
        "pid = os.fork()\n"
        "if pid == 0:\n"
        "    spin(); os._exit(0)\n"
        "spin(); os.waitpid(pid, 0)\n"
    )
    run = run_measured([sys.executable, "-c", spin])
    assert run.ok, run.stderr
    assert run.cpu_seconds >= 0.6  # the parent's 0.3 s and the child's


def test_the_jobs_body_is_a_valid_list_jobs_response_with_varied_jobs() -> None:
    from qiskit_runtime_api import models

    body = jobs_body(5000)
    assert 2.6e6 < len(body) < 3.2e6  # the 2.9 MB
    parsed = models.JobsResponse.model_validate_json(body)
    jobs = parsed.jobs or []
    assert len(jobs) == 5000
    assert len({j.id for j in jobs}) == 5000
    assert len({j.backend for j in jobs}) > 3 and len({j.status for j in jobs}) > 3
    assert jobs_body(10) == jobs_body(10)  # the same bytes on every run
    assert json.loads(jobs_body(10))["jobs"][0]["params"]["pubs"]


def test_profiles_name_the_code_that_took_the_time() -> None:
    def spin_in_sorting() -> None:
        for _ in range(30):
            sorted(range(100_000), key=lambda n: -n)

    assert "spin_in_sorting" in profile_call(spin_in_sorting)
    summary = import_profile("import json", top=200)
    assert "json.decoder" in summary and "cumulative ms" in summary


def test_the_library_floor_is_its_longest_chain_or_its_total_shared_over_the_cores() -> None:
    from bench.library_floor import LibraryFloor

    floor = LibraryFloor(
        validator_import=0.5, validation=1.0, models_import=0.3, black_import=0.1, jinja_import=0.1
    )
    assert floor.on(1) == 2.0  # one core: everything in turn
    assert floor.on(2) == 1.5  # validation cannot start before its library is loaded
    assert floor.on(4) == 1.5
    cold = LibraryFloor(0.5, 1.0, 0.3, 0.1, 0.1, models_run=1.5, black_run=4.5)
    assert cold.on(2) == 4.0  # 8.0 s in all, over two cores
    assert cold.on(8) == 1.8  # datamodel-code-generator's import, then its run


def test_the_library_floor_measures_the_libraries_on_the_spec_and_refuses_an_invalid_one(
    tmp_path: Path,
) -> None:
    from bench.library_floor import measure_library_floor
    from bench.ours import TINY

    floor = measure_library_floor(TINY, repetitions=1, full=True, black_run=0.25)
    assert min(floor.validator_import, floor.validation, floor.models_import) > 0
    assert floor.models_run > 0 and floor.black_run == 0.25
    broken = tmp_path / "broken.json"
    document = json.loads(TINY.read_text(encoding="utf-8"))
    document["paths"] = {"no-leading-slash": {}}
    broken.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(RuntimeError, match="is not valid"):
        measure_library_floor(broken, repetitions=1)
