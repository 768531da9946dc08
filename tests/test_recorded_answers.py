"""Real answers of the service (tests/data/recorded/, see its README) against the client.

The backend recordings are the configurations and properties of 68 IBM devices from
qiskit-ibm-runtime 0.51.0; the check parses each with the generated models in strict
mode, in lenient mode (no warning allowed) and against the spec's JSON Schema.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.diagnostics import GeneratorError
from generator.pipeline import Run
from generator.responses import check_responses, propose_overlay
from generator.responses.findings import Findings, Occurrence, group_mismatches
from generator.responses.recordings import load_recordings

from .conftest import OVERLAYS, ROOT, seed_options

RECORDED = ROOT / "tests" / "data" / "recorded"
CONFIGURATION = "get_backend_configuration"
PROPERTIES = "get_backend_properties"
WHEEL_RECORDINGS = 137  # 68 configurations and 69 properties in the qiskit-ibm-runtime wheel
H_LATEX = (
    "/paths/~1v1~1backends~1{id}~1configuration/get/responses/200/content/application~1json"
    "/schema/properties/hamiltonian/allOf/0/properties/h_latex"
)


@pytest.fixture(scope="module")
def project_findings() -> Findings:
    return check_responses(seed_options(), RECORDED, Run())


def _overlays_before_85(tmp_path: Path) -> Path:
    """The project's overlays without the one written from the recordings."""
    folder = tmp_path / "overlays"
    shutil.copytree(OVERLAYS, folder)
    (folder / "85-recorded-answers.yaml").unlink()
    return folder


def _recordings(tmp_path: Path, operation: str, *devices: str) -> Path:
    folder = tmp_path / "recorded"
    (folder / operation).mkdir(parents=True)
    for device in devices:
        shutil.copy(RECORDED / operation / f"{device}.json", folder / operation)
    return folder


def test_every_wheel_recording_is_there() -> None:
    backends = [
        p
        for operation in (CONFIGURATION, PROPERTIES)
        for p in (RECORDED / operation).glob("*.json")
        if not p.name.startswith("spec-")
    ]
    assert len(backends) == WHEEL_RECORDINGS


def test_every_recorded_answer_parses_strictly_and_fits_the_json_schema(
    project_findings: Findings,
) -> None:
    assert project_findings.recordings == WHEEL_RECORDINGS + 13  # and the spec's examples
    assert project_findings.strict_failures == []
    assert project_findings.model == []
    assert project_findings.schema_failures == []
    assert project_findings.schema == []


def test_no_recorded_answer_makes_the_lenient_client_warn(project_findings: Findings) -> None:
    assert project_findings.lenient_warnings == []


def test_the_stable_undocumented_members_of_backend_answers_are_typed(
    project_findings: Findings,
) -> None:
    left = {(e.name, len(e.recordings)) for e in project_findings.extras}
    # What stays untyped is seen once: a member that is always null, and the spec's
    # own examples.
    assert all(count == 1 for _, count in left), left
    for name in ("url", "meas_kernels", "channels", "qub", "general_qlists", "allow_q_object"):
        assert name not in {n for n, _ in left}


def test_the_same_mismatch_in_two_real_answers_is_one_entry_with_its_count(
    tmp_path: Path,
) -> None:
    # algiers and auckland both send a LaTeX Hamiltonian past the spec's 4096 characters.
    folder = _recordings(tmp_path, CONFIGURATION, "algiers", "auckland")
    options = seed_options()
    options = type(options)(options.spec, _overlays_before_85(tmp_path), options.out)
    findings = check_responses(options, folder, Run())
    assert not findings.fits
    assert sorted(findings.strict_failures) == [
        f"{CONFIGURATION}/algiers.json",
        f"{CONFIGURATION}/auckland.json",
    ]
    (too_long,) = [g for g in findings.schema if g.keyword == "maxLength"]
    assert too_long.spec_pointer == H_LATEX
    assert too_long.count == 2
    assert too_long.example == f"{CONFIGURATION}/algiers.json#/hamiltonian/h_latex"
    (model_too_long,) = [g for g in findings.model if g.keyword == "string_too_long"]
    assert model_too_long.spec_pointer == H_LATEX
    assert model_too_long.count == 2
    assert {(e.name, len(e.recordings)) for e in findings.extras} >= {("url", 2), ("qub", 2)}


def test_mismatches_group_by_schema_place_and_keyword_most_recordings_first() -> None:
    def at(recording: str, pointer: str, keyword: str) -> Occurrence:
        return Occurrence(recording, pointer, keyword, "/x", "message", 1)

    groups = group_mismatches(
        [
            at("a.json", "/p", "type"),
            at("a.json", "/q", "pattern"),
            at("b.json", "/q", "pattern"),
            at("b.json", "/q", "pattern"),
            at("b.json", "/q", "maxLength"),
        ]
    )
    assert [(g.spec_pointer, g.keyword, g.count, g.recordings) for g in groups] == [
        ("/q", "pattern", 3, ["a.json", "b.json"]),
        ("/p", "type", 1, ["a.json"]),
        ("/q", "maxLength", 1, ["b.json"]),
    ]
    assert groups[0].example == "a.json#/x"


def test_the_proposed_overlay_makes_a_real_answer_fit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # aachen (Heron) leaves out u_channel_lo, sends null and float values and members
    # the spec does not list.
    folder = _recordings(tmp_path, CONFIGURATION, "aachen")
    overlays = _overlays_before_85(tmp_path)
    proposal = tmp_path / "proposal.yaml"
    arguments = ["check-responses", "--recordings", str(folder), "--overlays", str(overlays)]
    assert main([*arguments, "--propose-overlay", str(proposal)]) == 1
    document = yaml.safe_load(proposal.read_text())
    assert document["overlay"] == "1.0.0"
    descriptions = [a["description"] for a in document["actions"]]
    assert any("leave out `u_channel_lo`: needed by 1 of 1 recordings" in d for d in descriptions)
    assert any("carry `url`" in d for d in descriptions)
    shutil.copy(proposal, overlays / "99-proposed.yaml")
    capsys.readouterr()
    assert main(arguments) == 0
    assert "every recording fits" in capsys.readouterr().out


def test_the_proposal_widens_a_bound_to_what_the_answers_reach(tmp_path: Path) -> None:
    folder = _recordings(tmp_path, CONFIGURATION, "algiers")
    options = seed_options()
    options = type(options)(options.spec, _overlays_before_85(tmp_path), options.out)
    findings = check_responses(options, folder, Run())
    actions = propose_overlay(findings, findings.spec)["actions"]
    longest = len(
        json.loads((folder / CONFIGURATION / "algiers.json").read_text())["hamiltonian"]["h_latex"]
    )
    assert {"maxLength": longest} in [a.get("update") for a in actions]


def test_a_folder_that_is_no_operation_is_bad_input(tmp_path: Path) -> None:
    (tmp_path / "get_backend_calibration").mkdir()
    with pytest.raises(GeneratorError) as caught:
        load_recordings(tmp_path, {CONFIGURATION})
    (problem,) = caught.value.diagnostics
    assert problem.format().startswith(f"error: {tmp_path / 'get_backend_calibration'}#: ")


def test_a_recording_that_is_not_json_is_bad_input(tmp_path: Path) -> None:
    (tmp_path / CONFIGURATION).mkdir()
    (tmp_path / CONFIGURATION / "cut.json").write_text('{"backend_name": ')
    with pytest.raises(GeneratorError) as caught:
        load_recordings(tmp_path, {CONFIGURATION})
    assert "not JSON" in caught.value.diagnostics[0].message


def test_check_responses_exits_2_on_a_missing_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check-responses", "--recordings", str(tmp_path / "none")]) == 2
    assert capsys.readouterr().err.startswith(f"error: {tmp_path / 'none'}#: no such folder")
