"""The stage cache (validator verdicts, datamodel-code-generator modules): a run that
takes answers from it writes exactly what a cold run without any cache writes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator.diagnostics import Level, warning
from generator.emit.stage_cache import (
    StageCache,
    diagnostics_from_json,
    diagnostics_to_json,
)

from .conftest import FORMAT_CACHE, ROOT, SEED


def _generate(spec: Path, out: Path, cache: str) -> subprocess.CompletedProcess[str]:
    command = ["generate", "--force", "--spec", str(spec), "--out", str(out)]
    done = subprocess.run(
        [sys.executable, "-m", "generator", *command],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, FORMAT_CACHE: cache},
    )
    assert done.returncode == 0, done.stderr
    return done


def _line(done: subprocess.CompletedProcess[str], stage: str) -> str:
    return next(line for line in done.stdout.splitlines() if line.split()[0] == stage)


def _seed_copy(tmp_path: Path) -> tuple[dict[str, Any], Path, str]:
    """The seed as a document to edit, the file it is written to, and a cache folder."""
    document = json.loads(SEED.read_text(encoding="utf-8"))
    spec = tmp_path / SEED.name
    spec.write_text(json.dumps(document), encoding="utf-8")
    return document, spec, str(tmp_path / "cache")


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_warm_runs_after_a_description_edit_write_what_a_cold_run_without_cache_writes(
    tmp_path: Path,
) -> None:
    document, spec, cache = _seed_copy(tmp_path)
    _generate(spec, tmp_path / "first", cache)  # fills the caches
    document["paths"]["/v1/jobs"]["get"]["description"] = "Every job you have run, newest first."
    spec.write_text(json.dumps(document), encoding="utf-8")

    updated = _generate(spec, tmp_path / "warm", cache)
    assert "from the stage cache" in _line(updated, "models")  # the schemas did not change
    assert "from the stage cache" not in _line(updated, "validate")  # the document did
    again = _generate(spec, tmp_path / "again", cache)
    assert "from the stage cache" in _line(again, "validate")
    cold = _generate(spec, tmp_path / "cold", "off")
    assert "from the stage cache" not in cold.stdout

    assert _tree(tmp_path / "warm") == _tree(tmp_path / "cold")
    assert _tree(tmp_path / "again") == _tree(tmp_path / "cold")
    assert any(b"newest first" in text for text in _tree(tmp_path / "cold").values())


def test_a_changed_schema_makes_datamodel_code_generator_run_again(tmp_path: Path) -> None:
    document, spec, cache = _seed_copy(tmp_path)
    _generate(spec, tmp_path / "first", cache)
    schema = next(iter(document["components"]["schemas"].values()))
    schema["description"] = "A description no run has seen."
    spec.write_text(json.dumps(document), encoding="utf-8")
    updated = _generate(spec, tmp_path / "warm", cache)
    note = re.search(
        r"\((\d+) of (\d+) schema groups from the stage cache\)", _line(updated, "models")
    )
    assert note is not None, _line(updated, "models")
    assert int(note[1]) == int(note[2]) - 1  # only the changed schema's group ran again
    _generate(spec, tmp_path / "cold", "off")
    assert _tree(tmp_path / "warm") == _tree(tmp_path / "cold")
    assert any(b"A description no run has seen." in t for t in _tree(tmp_path / "cold").values())


def test_a_spec_update_regenerates_one_group_and_writes_what_a_cold_run_writes(
    tmp_path: Path,
) -> None:
    """The benchmark's update: one schema's description and a new property."""
    document, spec, cache = _seed_copy(tmp_path)
    _generate(spec, tmp_path / "first", cache)
    schemas = document["components"]["schemas"]
    version = schemas["VersionResponse"]
    version["description"] = "Updated in the new release."
    version.setdefault("properties", {})["bench_added_member"] = {"type": "string"}
    spec.write_text(json.dumps(document), encoding="utf-8")
    updated = _generate(spec, tmp_path / "warm", cache)
    assert "schema groups from the stage cache" in _line(updated, "models")
    _generate(spec, tmp_path / "cold", "off")
    assert _tree(tmp_path / "warm") == _tree(tmp_path / "cold")
    assert any(b"bench_added_member" in t for t in _tree(tmp_path / "cold").values())


def test_diagnostics_survive_the_round_trip_through_an_entry() -> None:
    found = [warning("spec.json", "/paths/~1jobs", "an example does not fit", "fix it")]
    assert diagnostics_from_json(json.loads(json.dumps(diagnostics_to_json(found)))) == found


@pytest.mark.parametrize(
    "entry",
    [{"not": "a list"}, [["warning", "f", "/p", "m"]], [["fatal", "f", "/p", "m", ""]], [[1] * 5]],
)
def test_an_entry_of_another_shape_is_a_miss(entry: object) -> None:
    assert diagnostics_from_json(entry) is None


def test_an_entry_is_read_back_only_for_the_same_input_and_setup(tmp_path: Path) -> None:
    cache = StageCache(tmp_path / "validate", "validator 1")
    cache.put("document", [[Level.WARNING.value, "f", "", "m", ""]])
    assert cache.get("document") == [["warning", "f", "", "m", ""]]
    assert cache.get("document ") is None
    assert StageCache(tmp_path / "validate", "validator 2").get("document") is None
    assert not StageCache(None, "validator 1").enabled
