"""``python -m generator diff``: exit statuses, the JSON and Markdown reports, git refs."""

from __future__ import annotations

import copy
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main

from .conftest import ROOT, SEED
from .test_cli import run_cli
from .tiny_spec import at, base, param, schema, write_spec

SPEC = "spec/qiskit-runtime-api.json"


def edited_seed() -> dict[str, Any]:
    """A realistic upstream edit: a response property gone, a required query parameter,
    a new enum value, a new operation."""
    spec: dict[str, Any] = json.loads(SEED.read_text(encoding="utf-8"))
    job = at(spec, "paths", "/v1/jobs/{id}", "get", "responses", "200", "content")
    properties = job["application/json"]["schema"]["properties"]
    properties.pop("backend")
    properties["state"]["properties"]["status"]["enum"].append("Paused")
    at(spec, "paths", "/v1/jobs", "get", "parameters").append(
        {
            "in": "query",
            "name": "region",
            "required": True,
            "description": "Region the jobs ran in",
            "schema": {"type": "string", "enum": ["us-east", "eu-de"]},
        }
    )
    retry = copy.deepcopy(at(spec, "paths", "/v1/jobs/{id}/cancel"))
    retry["post"].update(
        {"operationId": "retry_job", "summary": "Retry a job", "description": "Run it again."}
    )
    spec["paths"]["/v1/jobs/{id}/retry"] = retry
    return spec


@pytest.fixture
def empty_overlays(tmp_path: Path) -> Path:
    folder = tmp_path / "no-overlays"
    folder.mkdir()
    return folder


def _diff(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    status = main(["diff", *args])
    return status, capsys.readouterr().out


def test_seed_against_itself_reports_no_api_change() -> None:
    done = run_cli("diff", SPEC, SPEC, "--format", "json", "--fail-on", "warning")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["verdict"] == "no API change"
    assert report["semver"] == "patch"
    assert (report["changes"], report["python_api"], report["diffstat"]["files"]) == ([], [], [])


def test_realistic_seed_edit_is_breaking_with_python_changes_tied_to_their_wire_causes(
    tmp_path: Path,
) -> None:
    edited = write_spec(tmp_path / "edited.json", edited_seed())
    done = run_cli("diff", SPEC, str(edited), "--format", "json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert (report["verdict"], report["semver"]) == ("breaking", "major")
    kinds = {(c["kind"], c["severity"], c["operation"]) for c in report["changes"]}
    assert kinds == {
        ("request-parameter-added-required", "breaking", "GET /v1/jobs"),
        ("response-optional-property-removed", "warning", "GET /v1/jobs/{id}"),
        ("response-property-enum-value-added", "warning", "GET /v1/jobs/{id}"),
        ("operation-added", "info", "POST /v1/jobs/{id}/retry"),
    }
    api = {(c["kind"], c["member"]): c for c in report["python_api"]}
    region = api[("parameter-added-required", "region")]
    assert region["severity"] == "breaking"
    assert {"Jobs.list", "AsyncJobs.list"} <= set(region["where"])
    assert [c["kind"] for c in region["caused_by"]] == ["request-parameter-added-required"]
    assert [c["kind"] for c in api[("field-removed", "backend")]["caused_by"]] == [
        "response-optional-property-removed"
    ]
    assert [c["kind"] for c in api[("enum-member-added", "status")]["caused_by"]] == [
        "response-property-enum-value-added"
    ]
    assert [c["kind"] for c in api[("method-added", "retry_job")]["caused_by"]] == [
        "operation-added"
    ]
    # GET /v1/jobs's items no longer have the shape of GET /v1/jobs/{id}'s job: they get
    # a model of their own, caused by the edits of the other place.
    split = api[("type-changed", "jobs")]
    assert split["where"] == ["JobsResponse"]
    assert "response-optional-property-removed" in [c["kind"] for c in split["caused_by"]]
    stat = report["diffstat"]
    assert stat["lines_added"] > 0
    assert "qiskit_runtime_api/resources/jobs.py" in {f["path"] for f in stat["files"]}


def test_a_field_from_an_all_of_member_is_tied_to_the_wire_change_inside_the_member(
    tmp_path: Path,
) -> None:
    spec: dict[str, Any] = json.loads(SEED.read_text(encoding="utf-8"))
    configuration = at(spec, "paths", "/v1/backends/{id}/configuration", "get", "responses")
    processor = configuration["200"]["content"]["application/json"]["schema"]["properties"]
    family = processor["processor_type"]["allOf"][0]["properties"]["family"]
    family.clear()
    family.update({"type": "integer", "description": "Processor family, as a number"})
    done = run_cli("diff", SPEC, str(write_spec(tmp_path / "e.json", spec)), "--format", "json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    field = next(c for c in report["python_api"] if c["member"] == "family")
    assert field["where"] == ["BackendConfigurationProcessorType"]
    assert "response-property-type-changed" in [c["kind"] for c in field["caused_by"]]
    for cause in field["caused_by"]:  # the type, and the string constraints that went with it
        assert cause["pointer"].endswith("/processor_type/allOf/0/properties/family")


def test_markdown_opens_with_the_verdict_and_a_summary_table_and_folds_the_details(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, empty_overlays: Path
) -> None:
    new = base()
    param(new, "/items", "get", "limit")["required"] = True
    old_file, new_file = (
        write_spec(tmp_path / "a.json", base()),
        write_spec(tmp_path / "b.json", new),
    )
    status, out = _diff(capsys, str(old_file), str(new_file), "--overlays", str(empty_overlays))
    assert status == 0
    lines = out.splitlines()
    assert lines[2].startswith("**breaking**: `qiskit-runtime-api` needs a major version")
    assert lines[4] == "| | breaking | warning | info |"
    assert lines[6] == "| Wire contract | 1 | 0 | 0 |"
    first_details = lines.index("<details>")
    assert lines[first_details + 1] == "<summary>Wire-contract changes (1)</summary>"
    assert out.count("<details>") == out.count("</details>") == 3
    assert "request-parameter-became-required" in out


@pytest.mark.parametrize(
    ("edit", "fail_on", "status"),
    [
        (lambda s: param(s, "/items", "get", "limit").update({"required": True}), "breaking", 1),
        (lambda s: schema(s, "Item")["properties"]["state"]["enum"].append("x"), "breaking", 0),
        (lambda s: schema(s, "Item")["properties"]["state"]["enum"].append("x"), "warning", 1),
        (lambda s: schema(s, "Item")["properties"].update({"o": {"type": "string"}}), "warning", 0),
    ],
    ids=["breaking/breaking", "warning/breaking", "warning/warning", "info/warning"],
)
def test_fail_on_exits_1_only_when_a_change_of_that_severity_is_found(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    empty_overlays: Path,
    edit: Any,
    fail_on: str,
    status: int,
) -> None:
    new = base()
    edit(new)
    old_file, new_file = (
        write_spec(tmp_path / "a.json", base()),
        write_spec(tmp_path / "b.json", new),
    )
    args = (str(old_file), str(new_file), "--overlays", str(empty_overlays), "--fail-on", fail_on)
    assert _diff(capsys, *args)[0] == status


def test_json_report_has_the_documented_shape(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, empty_overlays: Path
) -> None:
    new = base()
    schema(new, "Item")["properties"].pop("note")
    old_file, new_file = (
        write_spec(tmp_path / "a.json", base()),
        write_spec(tmp_path / "b.json", new),
    )
    status, out = _diff(
        capsys, str(old_file), str(new_file), "--overlays", str(empty_overlays), "--format", "json"
    )
    assert status == 0
    report = json.loads(out)
    assert {"verdict", "semver", "changes", "python_api", "diffstat"} <= set(report)
    [change] = report["changes"]
    assert {"severity", "kind", "operation", "pointer", "message"} <= set(change)
    assert change["kind"] == "response-optional-property-removed"
    assert [p["operation"] for p in change["places"]] == [
        "GET /items",
        "POST /items",
        "GET /items/{id}",
    ]
    assert report["python_api"][0]["kind"] == "field-removed"
    assert set(report["diffstat"]) >= {
        "files_added",
        "files_removed",
        "lines_added",
        "lines_removed",
    }


def test_bad_input_exits_2_naming_the_file_and_pointer(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, empty_overlays: Path
) -> None:
    good = write_spec(tmp_path / "good.json", base())
    overlays = ("--overlays", str(empty_overlays))
    assert main(["diff", str(good), str(tmp_path / "missing.json"), *overlays]) == 2
    assert "cannot read the file" in capsys.readouterr().err
    assert main(["diff", "git:no-such-ref", str(good), "--repo", str(ROOT)]) == 2
    assert "error: git:no-such-ref#: git show failed" in capsys.readouterr().err


def test_a_side_that_fails_validation_is_diffed_with_its_problems_on_top(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, empty_overlays: Path
) -> None:
    good = write_spec(tmp_path / "good.json", base())
    broken = base()
    param(broken, "/items", "get", "limit")["in"] = "body"
    del broken["paths"]["/items/{id}"]
    bad = write_spec(tmp_path / "bad.json", broken)
    overlays = ("--overlays", str(empty_overlays))
    assert main(["diff", str(good), str(bad), *overlays]) == 0
    report = capsys.readouterr().out
    problem = f"new: error: {bad}#/paths/~1items/get/parameters/0"
    assert report.index("fails validation") < report.index(problem) < report.index("<details>")
    assert "operation-removed" in report  # the wire contract was still compared
    assert main(["diff", str(good), str(bad), *overlays, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert any(p.startswith(problem) for p in data["validation_problems"])


def test_a_side_that_generates_but_fails_validation_loses_its_python_api_section(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, empty_overlays: Path
) -> None:
    # The package is generated before the validator's verdict is read (the verdict
    # comes last, beside the rest of the diff): a late verdict still takes the side's
    # Python API out of the report, as an early one does.
    good = write_spec(tmp_path / "good.json", base())
    invalid = base()
    invalid["info"]["termsOfService"] = 5  # not a string; nothing the generator reads
    schema(invalid, "Item")["properties"]["colour"] = {"type": "string"}
    bad = write_spec(tmp_path / "bad.json", invalid)
    overlays = ("--overlays", str(empty_overlays), "--format", "json")
    assert main(["diff", str(good), str(bad), *overlays]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [p.split(" (")[0] for p in data["validation_problems"]] == [
        f"new: error: {bad}#/info/termsOfService: 5 is not of type 'string'"
    ]
    assert data["python_api"] == [] and data["diffstat"]["files_changed"] == 0
    assert any(c["kind"].endswith("property-added") for c in data["changes"])


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


OVERLAY = """overlay: 1.0.0
info: {{title: servers, version: 1.0.0}}
actions:
  - target: "$.servers[?@.x-region=='eu']"
    update: {{url: "{url}"}}
"""


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """Two commits: the second adds a required parameter (spec) and moves a server (overlay)."""
    root = tmp_path / "repo"
    overlays = root / "spec" / "overlays"
    overlays.mkdir(parents=True)
    _git(root, "init", "-q", "-b", "main")
    write_spec(root / SPEC, base())
    (overlays / "10-servers.yaml").write_text(OVERLAY.format(url="https://eu1.example.com/api"))
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "first")
    new = base()
    at(new, "paths", "/items", "get", "parameters").append(
        {"in": "query", "name": "owner", "required": True, "schema": {"type": "string"}}
    )
    write_spec(root / SPEC, new)
    (overlays / "10-servers.yaml").write_text(OVERLAY.format(url="https://eu2.example.com/api"))
    _git(root, "commit", "-q", "-am", "second")
    return root


def test_git_refs_read_the_spec_and_the_overlays_committed_at_each_ref(
    capsys: pytest.CaptureFixture[str], repo: Path
) -> None:
    status, out = _diff(capsys, "git:HEAD~1", "git:main", "--repo", str(repo), "--format", "json")
    assert status == 0
    kinds = {c["kind"]: c for c in json.loads(out)["changes"]}
    assert set(kinds) == {"request-parameter-added-required", "server-url-changed"}
    assert "eu1.example.com" in kinds["server-url-changed"]["message"]


def test_raw_compares_the_specs_without_their_overlays(
    capsys: pytest.CaptureFixture[str], repo: Path
) -> None:
    args = ("git:HEAD~1", "git:HEAD", "--repo", str(repo), "--format", "json", "--raw")
    status, out = _diff(capsys, *args)
    assert status == 0
    assert [c["kind"] for c in json.loads(out)["changes"]] == ["request-parameter-added-required"]


def test_a_git_ref_against_the_working_tree_file(
    capsys: pytest.CaptureFixture[str], repo: Path
) -> None:
    """What `make diff` runs: the committed spec against the working tree's."""
    status, out = _diff(
        capsys,
        "git:HEAD",
        str(repo / SPEC),
        "--repo",
        str(repo),
        "--overlays",
        str(repo / "spec" / "overlays"),
        "--format",
        "json",
    )
    assert status == 0
    assert json.loads(out)["verdict"] == "no API change"


def test_another_apis_diff_names_its_own_package_and_no_version_of_this_project(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, empty_overlays: Path
) -> None:
    # A real history of another API (tests/data/diff-pairs: Twilio Lookups v2, Apache 2.0).
    from .test_diff_real_pairs import spec_file

    old, new = (
        spec_file(f"specs/twilio-lookups-v2-od{v}.json", tmp_path) for v in ("1.3.0", "1.3.17")
    )
    status, out = _diff(
        capsys, str(old), str(new), "--overlays", str(empty_overlays), "--package-name", "lookups"
    )
    assert status == 0
    verdict = out.splitlines()[2]
    assert verdict.startswith("**breaking**: `lookups` needs a major version (breaking).")
    assert "qiskit" not in out
    assert "→ **" not in verdict  # spec/release.json is this project's, not the lookups client's
