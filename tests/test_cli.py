"""The command line: exit statuses, messages with file and pointer, nothing lost."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, SEED

STAGES = [
    "load",
    "overlays",
    "validate",
    "dereference",
    "IR",
    "models",
    "plan",
    "render",
    "format",
    "write",
]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def tree_digest(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_generate_prints_each_stage_and_a_summary_and_is_deterministic(tmp_path: Path) -> None:
    first = run_cli("generate", "--out", str(tmp_path / "a"))
    second = run_cli("generate", "--out", str(tmp_path / "b"))
    assert first.returncode == 0, first.stderr
    assert second.returncode == 0, second.stderr
    lines = first.stdout.splitlines()
    assert [line.split()[0] for line in lines[: len(STAGES)]] == STAGES
    assert lines[-1].startswith("wrote ")
    assert "31 operations" in lines[-1] and "96 models" in lines[-1]
    assert tree_digest(tmp_path / "a") == tree_digest(tmp_path / "b")


def test_invalid_default_is_reported_at_its_pointer_and_nothing_is_written(
    generated_copy: Path, tmp_path: Path
) -> None:
    before = tree_digest(generated_copy)
    empty = tmp_path / "no-overlays"
    empty.mkdir()
    result = run_cli("generate", "--overlays", str(empty), "--out", str(generated_copy))
    assert result.returncode == 2
    assert (
        f"{SEED}#/paths/~1v1~1backends/get/parameters/0/schema/default: "
        "'' is not one of ['wait_time_seconds']"
    ) in result.stderr
    assert "overlay" in result.stderr  # says what to do
    assert "Traceback" not in result.stderr
    assert tree_digest(generated_copy) == before


def test_a_wrong_runtime_extension_stops_the_run_and_writes_nothing(
    generated_copy: Path, tmp_path: Path
) -> None:
    overlays = tmp_path / "overlays"
    shutil.copytree(ROOT / "spec" / "overlays", overlays)
    runtime = overlays / "60-runtime.yaml"
    runtime.write_text(runtime.read_text().replace("total: count", "total: counted"))
    before = tree_digest(generated_copy)
    result = run_cli("generate", "--overlays", str(overlays), "--out", str(generated_copy))
    assert result.returncode == 2
    assert f"{SEED}#/paths/~1v1~1jobs/get/x-pagination/total: " in result.stderr
    assert "'counted'" in result.stderr and "spec/overlays" in result.stderr
    assert tree_digest(generated_copy) == before


def test_invalid_json_gives_line_and_column(tmp_path: Path, generated_copy: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"openapi": "3.0.0",\n  "info": {,}\n}')
    before = tree_digest(generated_copy)
    result = run_cli("generate", "--spec", str(broken), "--out", str(generated_copy))
    assert result.returncode == 2
    assert f"{broken}#: invalid JSON at line 2, column 12" in result.stderr
    assert tree_digest(generated_copy) == before


def test_check_passes_on_a_fresh_tree_and_fails_with_a_diff_on_an_edited_one(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    assert run_cli("generate", "--out", str(out)).returncode == 0
    assert run_cli("check", "--out", str(out)).returncode == 0
    edited = out / "qiskit_runtime_api" / "_version.py"
    edited.write_text(edited.read_text() + "# edited by hand\n")
    result = run_cli("check", "--out", str(out))
    assert result.returncode == 1
    assert "-# edited by hand" in result.stdout
    assert "make generate" in result.stderr


def test_regeneration_with_unchanged_inputs_skips_the_stages_and_touches_nothing(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    assert run_cli("generate", "--out", str(out)).returncode == 0
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*")}
    again = run_cli("generate", "--out", str(out))
    checked = run_cli("check", "--out", str(out))
    assert again.returncode == 0 and "is up to date" in again.stdout
    assert checked.returncode == 0 and "is up to date" in checked.stdout
    assert "format" not in again.stdout  # no stage ran
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*")} == stamps
    forced = run_cli("generate", "--out", str(out), "--force")
    assert (
        forced.returncode == 0
        and [line.split()[0] for line in forced.stdout.splitlines()][: len(STAGES)] == STAGES
    )


def test_a_changed_overlay_is_not_mistaken_for_unchanged_inputs(tmp_path: Path) -> None:
    out, overlays = tmp_path / "out", tmp_path / "overlays"
    shutil.copytree(ROOT / "spec" / "overlays", overlays)
    assert run_cli("generate", "--out", str(out), "--overlays", str(overlays)).returncode == 0
    names = overlays / "50-python-names.yaml"
    names.write_text(names.read_text().replace("x-python-name: get_logs", "x-python-name: logs"))
    assert run_cli("check", "--out", str(out), "--overlays", str(overlays)).returncode == 1
    result = run_cli("generate", "--out", str(out), "--overlays", str(overlays))
    assert result.returncode == 0 and "wrote" in result.stdout
    assert "def logs(" in (out / "qiskit_runtime_api" / "resources" / "jobs.py").read_text()


def test_foreign_files_in_the_output_are_named_and_kept(generated_copy: Path) -> None:
    foreign = generated_copy / "notes.txt"
    foreign.write_text("mine")
    before = tree_digest(generated_copy)
    result = run_cli("generate", "--out", str(generated_copy))
    assert result.returncode == 2
    assert "notes.txt" in result.stderr
    assert tree_digest(generated_copy) == before


def test_build_outputs_survive_regeneration(generated_copy: Path) -> None:
    dist = generated_copy / "dist"
    dist.mkdir()
    (dist / "pkg.whl").write_text("wheel")
    assert run_cli("generate", "--out", str(generated_copy)).returncode == 0
    assert (dist / "pkg.whl").read_text() == "wheel"


def test_ir_prints_operations_with_their_pointers() -> None:
    result = run_cli("ir")
    assert result.returncode == 0, result.stderr
    api = json.loads(result.stdout)
    operations = [op for r in api["resources"] for op in r["operations"]]
    assert len(operations) == 31  # 30 operations and the sessions.close preset
    logs = next(op for op in operations if op["operation_id"] == "get_jog_logs_jid")
    assert logs["python_name"] == "get_logs"
    assert logs["pointer"] == "/paths/~1v1~1jobs~1{id}~1logs/get"


# The overlays that make the seed's response schemas fit its examples.
EXAMPLE_FIXES = (
    "70-response-constraints.yaml",
    "75-backend-response-types.yaml",
    "80-examples.yaml",
)


def test_validate_warns_about_the_seed_examples_that_break_their_schemas(tmp_path: Path) -> None:
    overlays = tmp_path / "overlays"
    shutil.copytree(ROOT / "spec" / "overlays", overlays)
    for name in EXAMPLE_FIXES:
        (overlays / name).unlink()
    result = run_cli("validate", "--overlays", str(overlays))
    assert result.returncode == 0
    warned = [line for line in result.stderr.splitlines() if "example does not match" in line]
    places = {
        area
        for line in warned
        for area in ("properties", "configuration", "workloads")
        if area in line.split("#", 1)[1].split(":", 1)[0]
    }
    assert places == {"properties", "configuration", "workloads"}
    assert all("#/paths/" in line for line in warned)


def test_the_project_spec_warns_only_of_constraints_the_models_cannot_check() -> None:
    """No example breaks its schema and every overlay action finds its target: what is left
    is the generator's known limit, so a new kind of warning stands out."""
    result = run_cli("validate")
    assert result.returncode == 0
    lines = result.stderr.splitlines()
    warned = [line for line in lines if line.startswith("warning: ")]
    assert warned, "the seed has array items whose constraints the models cannot check"
    unchecked = "(the client accepts such values unchecked; see README, OpenAPI 3.1)"
    assert [line for line in warned if not line.endswith(unchecked)] == []
    assert lines[-1] == f"{len(warned)} warnings, by what to do: {len(warned)} × {unchecked[1:-1]}"


@pytest.mark.parametrize("command", ["validate", "ir", "generate", "check"])
def test_every_command_takes_the_common_options(command: str) -> None:
    result = run_cli(command, "--help")
    assert result.returncode == 0
    for option in ("--spec", "--overlays", "--out", "--package-name"):
        assert option in result.stdout


def test_many_warnings_end_with_one_line_counting_them_by_what_to_do() -> None:
    from generator.cli.output import warning_summary
    from generator.diagnostics import error, warning

    found = [warning("s.json", f"/p/{n}", "m", "fix the example") for n in range(4)]
    assert warning_summary(found) == ""  # a few are read one by one
    found += [warning("s.json", "/q", "m", "not checked"), warning("s.json", "/r", "m")]
    found += [error("s.json", "/e", "broken")]
    assert warning_summary(found) == (
        "6 warnings, by what to do: 4 × fix the example · 1 × no action named · 1 × not checked"
    )


def test_generate_on_the_seed_counts_its_warnings_after_listing_them(tmp_path: Path) -> None:
    result = run_cli("generate", "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    listed = [line for line in lines if line.startswith("warning: ")]
    summary = [
        line for line in lines if line.startswith(f"{len(listed)} warnings, by what to do: ")
    ]
    assert len(listed) >= 5 and len(summary) == 1
    counted = [int(part.split(" × ")[0]) for part in summary[0].split(": ", 1)[1].split(" · ")]
    assert sum(counted) == len(listed)
