"""A remote ``$ref`` is refused however it is spelt, and nothing, not even the
validator, fetches it: a server on 127.0.0.1 that would answer receives nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.spec.references import target_of

from .fakes import Received, Reply, json_reply, serve
from .test_cli import run_cli
from .tiny_spec import base, write_spec

SPELLINGS = ["http://{host}/s.json", "HTTP://{host}/s.json", "Http://{host}/s.json",
             " http://{host}/s.json", "\thttps://{host}/s.json", "//{host}/s.json"]  # fmt: skip


def _answer(request: Received) -> Reply:
    return json_reply({"type": "object", "properties": {"fetched": {"type": "string"}}})


def _refuse_run(spec: Path, tmp_path: Path) -> str:
    none = tmp_path / "none"
    none.mkdir(exist_ok=True)
    result = run_cli(
        "generate", "--spec", str(spec), "--overlays", str(none), "--out", str(tmp_path / "out"),
    )  # fmt: skip
    assert result.returncode == 2, result.stdout[-2000:]
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()
    return result.stderr


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_a_remote_ref_in_any_spelling_is_refused_and_never_fetched(
    tmp_path: Path, spelling: str
) -> None:
    with serve(_answer) as server:
        spec = base()
        ref = spelling.format(host=f"127.0.0.1:{server.port}")
        spec["components"]["schemas"]["Remote"] = {"$ref": ref}
        stderr = _refuse_run(write_spec(tmp_path / "spec.json", spec), tmp_path)
        assert server.requests() == []
    assert "#/components/schemas/Remote/$ref: remote reference" in stderr


def test_a_remote_ref_inside_a_referenced_local_file_is_refused_and_never_fetched(
    tmp_path: Path,
) -> None:
    with serve(_answer) as server:
        (tmp_path / "common.json").write_text(
            json.dumps({"Thing": {"$ref": f"HTTP://127.0.0.1:{server.port}/s.json"}}),
            encoding="utf-8",
        )
        spec = base()
        spec["components"]["schemas"]["Local"] = {"$ref": "common.json#/Thing"}
        stderr = _refuse_run(write_spec(tmp_path / "spec.json", spec), tmp_path)
        assert server.requests() == []
    assert "remote reference" in stderr


@pytest.mark.parametrize(
    ("ref", "kind"),
    [
        ("#/components/schemas/A", "local"),
        ("  #/components/schemas/A", "local"),
        ("HTTPS://example.com/a.json#/A", "remote"),
        ("ftp://example.com/a.json", "remote"),
        ("data:application/json,{}", "remote"),
        ("file://example.com/etc/passwd", "remote"),
        ("file:///etc/passwd", "file"),
        ("common.json#/A", "file"),
        ("%2e%2e/x.json", "file"),
    ],
)
def test_remote_ness_is_decided_on_the_parsed_normalised_reference(ref: str, kind: str) -> None:
    assert target_of(ref, "/specs").kind == kind


def test_a_percent_encoded_parent_step_resolves_outside_the_folder() -> None:
    assert target_of("%2e%2e/x.json", "/specs/api").location == "/specs/x.json"
