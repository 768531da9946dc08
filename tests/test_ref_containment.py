"""``$ref`` reaches only files under the spec's folder (or ``--ref-root``), and no error
message ever shows what a referenced file holds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .test_cli import run_cli
from .tiny_spec import base, write_spec

SECRET = "SECRET_7c1d_do_not_print"


def _generate(spec: Path, out: Path, *extra: str) -> tuple[int, str]:
    none = spec.parent / "none"
    none.mkdir(exist_ok=True)
    result = run_cli(
        "generate", "--spec", str(spec), "--overlays", str(none), "--out", str(out),
        "--package-name", "contained", *extra,
    )  # fmt: skip
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    return result.returncode, result.stdout + result.stderr


def _spec_referring_to(folder: Path, ref: str) -> Path:
    spec = base()
    spec["components"]["schemas"]["Leak"] = {"$ref": ref}
    spec["components"]["schemas"]["Item"]["properties"]["leak"] = {
        "$ref": "#/components/schemas/Leak"
    }
    return write_spec(folder / "api" / "spec.json", spec)


def _secret_file(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps({"type": "object", "description": SECRET, "properties": {SECRET: {}}}),
        encoding="utf-8",
    )
    return path


def test_an_absolute_ref_to_a_system_file_is_refused_without_showing_its_content(
    tmp_path: Path,
) -> None:
    spec = _spec_referring_to(tmp_path, "/etc/passwd")
    status, output = _generate(spec, tmp_path / "out")
    assert status == 2
    assert f"error: {spec}#/components/schemas/Leak/$ref: " in output
    assert "leads outside" in output and "--ref-root" in output
    assert "root:" not in output  # /etc/passwd's first line
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "ref", ["../outside/secret.json", "../api/../outside/secret.json", "OUTSIDE_ABSOLUTE"]
)
def test_a_ref_outside_the_spec_folder_is_refused_and_its_content_never_copied(
    tmp_path: Path, ref: str
) -> None:
    secret = _secret_file(tmp_path / "outside" / "secret.json")
    spec = _spec_referring_to(tmp_path, ref.replace("OUTSIDE_ABSOLUTE", str(secret)))
    status, output = _generate(spec, tmp_path / "out")
    assert status == 2
    assert "leads outside" in output
    assert SECRET not in output
    assert not (tmp_path / "out").exists()


def test_a_symlink_in_the_spec_folder_that_points_outside_is_refused(tmp_path: Path) -> None:
    secret = _secret_file(tmp_path / "outside" / "secret.json")
    spec = _spec_referring_to(tmp_path, "linked.json")
    (spec.parent / "linked.json").symlink_to(secret)
    status, output = _generate(spec, tmp_path / "out")
    assert status == 2
    assert "leads outside" in output and SECRET not in output


def test_ref_root_widens_where_refs_may_read_explicitly(tmp_path: Path) -> None:
    _secret_file(tmp_path / "outside" / "secret.json")
    spec = _spec_referring_to(tmp_path, "../outside/secret.json")
    status, output = _generate(spec, tmp_path / "out", "--ref-root", str(tmp_path))
    assert status == 0, output[-3000:]
    assert SECRET in (tmp_path / "out" / "contained" / "models.py").read_text(encoding="utf-8")


def test_a_referenced_file_that_is_not_json_or_yaml_is_reported_without_its_content(
    tmp_path: Path,
) -> None:
    spec = _spec_referring_to(tmp_path, "notes.txt")
    (spec.parent / "notes.txt").write_text(
        f"{SECRET}: [unclosed\n  '{SECRET}' : : :\n", encoding="utf-8"
    )
    status, output = _generate(spec, tmp_path / "out")
    assert status == 2
    assert "invalid YAML" in output
    assert SECRET not in output
