"""``update-spec``: spec copied verbatim, changelog newest first, version bumped by the
verdict, code regenerated; a spec that does not validate touches nothing."""

from __future__ import annotations

import functools
import json
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.release.version import load_release

from .conftest import ROOT
from .test_cli import tree_digest
from .test_diff_cli import SPEC, edited_seed
from .tiny_spec import at, write_spec


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project's spec/ and generated/ to update."""
    root = tmp_path / "project"
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(ROOT / "spec", root / "spec", ignore=ignore)
    shutil.copytree(ROOT / "generated", root / "generated", ignore=ignore)
    return root


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A folder served over http on 127.0.0.1, and its URL."""
    folder = tmp_path / "served"
    folder.mkdir()
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield folder, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def _check(project: Path) -> int:
    return main(
        [
            "check",
            "--spec",
            str(project / SPEC),
            "--overlays",
            str(project / "spec" / "overlays"),
            "--out",
            str(project / "generated"),
            "--release",
            str(project / "spec" / "release.json"),
            "--changelog",
            str(project / "spec" / "CHANGELOG.md"),
        ]
    )


def test_updates_from_a_file_then_a_url_bump_the_version_and_stack_the_changelog(
    project: Path, served: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    breaking = write_spec(tmp_path / "breaking.json", edited_seed())
    assert main(["update-spec", str(breaking), "--root", str(project)]) == 0
    assert "needs a major version" in capsys.readouterr().out
    assert (project / SPEC).read_bytes() == breaking.read_bytes()
    assert load_release(project).version == "1.0.0"  # 0.41.6, breaking
    version_file = project / "generated" / "qiskit_runtime_api" / "_version.py"
    assert '__version__ = "1.0.0"' in version_file.read_text()
    assert _check(project) == 0  # generated/ is exactly what the new spec and version give

    folder, url = served
    addition = edited_seed()
    addition["info"]["version"] = "0.42.0"
    at(addition, "paths", "/v1/jobs", "get", "parameters").append(
        {"in": "query", "name": "owner", "schema": {"type": "string"}}
    )
    write_spec(folder / "next.json", addition)
    assert main(["update-spec", f"{url}/next.json", "--root", str(project)]) == 0
    assert load_release(project).version == "1.1.0"  # 1.0.0, an addition
    assert json.loads((project / SPEC).read_text())["info"]["version"] == "0.42.0"
    changelog = (project / "spec" / "CHANGELOG.md").read_text()
    newer = changelog.index("## 1.1.0 (")
    older = changelog.index("## 1.0.0 (")
    assert changelog.startswith("# Changelog\n")
    assert changelog.index("\n## ") == newer - 1  # the newest entry comes first
    assert newer < older
    assert f"Generated from spec version 0.42.0 ({url}/next.json)." in changelog[newer:older]
    assert "query parameter `owner`: added" in changelog[newer:older]
    assert "query parameter `region`: added, required" in changelog[older:]
    assert _check(project) == 0


def test_a_spec_that_does_not_validate_exits_2_and_touches_nothing(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = edited_seed()
    at(spec, "paths", "/v1/jobs", "get", "parameters", 0)["in"] = "body"
    broken = write_spec(tmp_path / "broken.json", spec)
    before = tree_digest(project)
    assert main(["update-spec", str(broken), "--root", str(project)]) == 2
    err = capsys.readouterr().err
    assert f"error: {broken}#/paths/~1v1~1jobs/get/parameters/0" in err
    overlays = project / "spec" / "overlays"
    assert f"python -m generator repair --spec {broken} --overlays {overlays}" in err
    assert tree_digest(project) == before


def test_an_unreachable_url_exits_2_and_touches_nothing(
    project: Path, served: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    before = tree_digest(project)
    _, url = served
    assert main(["update-spec", f"{url}/missing.json", "--root", str(project)]) == 2
    assert "cannot download the spec" in capsys.readouterr().err
    assert tree_digest(project) == before


def test_the_spec_already_there_changes_nothing(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = tree_digest(project)
    assert main(["update-spec", str(project / SPEC), "--root", str(project)]) == 0
    assert "nothing to do" in capsys.readouterr().out
    assert tree_digest(project) == before


def test_an_update_that_real_answers_would_break_says_so_in_its_report(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    recorded = project / "tests" / "data" / "recorded" / "get_backend_configuration"
    recorded.mkdir(parents=True)
    for device in ("fez", "brisbane"):  # ibm_fez fits 8 characters, ibm_brisbane does not
        shutil.copy(
            ROOT / "tests" / "data" / "recorded" / recorded.name / f"{device}.json", recorded
        )
    spec = json.loads((ROOT / SPEC).read_text(encoding="utf-8"))
    configuration = at(
        spec, "paths", "/v1/backends/{id}/configuration", "get", "responses", "200", "content"
    )
    configuration["application/json"]["schema"]["properties"]["backend_name"]["maxLength"] = 8
    tighter = write_spec(tmp_path / "tighter.json", spec)
    assert main(["update-spec", str(tighter), "--root", str(project)]) == 0
    out = capsys.readouterr().out
    section = "**1 of 2 recordings (tests/data/recorded) do not fit this spec**"
    assert section in out
    assert "`maxLength` at `/paths/~1v1~1backends~1{id}~1configuration/get/responses/200" in out
    assert "e.g. `get_backend_configuration/brisbane.json#/backend_name`" in out
    assert section in (project / "spec" / "CHANGELOG.md").read_text()


def test_a_yaml_spec_file_is_taken_in_as_json_and_the_changelog_names_no_local_path(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    addition = json.loads((project / SPEC).read_text())
    addition["info"]["version"] = "0.42.0"
    at(addition, "paths", "/v1/jobs", "get", "parameters").append(
        {"in": "query", "name": "owner", "schema": {"type": "string"}}
    )
    source = tmp_path / "incoming" / "next.yaml"
    source.parent.mkdir()
    source.write_text(yaml.safe_dump(addition, sort_keys=False), encoding="utf-8")
    assert main(["update-spec", str(source), "--root", str(project)]) == 0
    assert "needs a minor version (additions): 0.41.6" in capsys.readouterr().out
    assert json.loads((project / SPEC).read_text()) == addition
    changelog = (project / "spec" / "CHANGELOG.md").read_text()
    assert "Generated from spec version 0.42.0 (next.yaml)." in changelog
    assert str(tmp_path) not in changelog
    assert _check(project) == 0
