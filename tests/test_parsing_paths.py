"""The client's parse of a JSON answer (``from_json``, then ``validate_python``) on real answers.

``parse_response`` used to validate the bytes with pydantic's JSON path
(``validate_json``); it now parses them once with pydantic-core's ``from_json``
and validates the data, which is what its lenient path always did. These
tests hold the two to the same objects on every recorded answer
(tests/data/recorded/, see its README: the qiskit-ibm-runtime wheel's
backends and the spec's examples), down to each model's set fields and
extra members, and hold the lenient path to its semantics on a recorded
answer with one member broken.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import httpx
import pytest
from pydantic import BaseModel, TypeAdapter

from generator.responses.client import _endpoints
from qiskit_runtime_api import models
from qiskit_runtime_api._endpoint import ResponseKind
from qiskit_runtime_api._parsing import lenient_validate, parse_response
from qiskit_runtime_api.resources.jobs import _LIST

from .conftest import ROOT

RECORDED = ROOT / "tests" / "data" / "recorded"
RECORDINGS = sorted(RECORDED.glob("*/*.json"))


def shape(value: Any) -> Any:
    """Everything that tells two parsed values apart: types, set fields, extras, values."""
    if isinstance(value, BaseModel):
        return (
            type(value).__qualname__,
            sorted(value.model_fields_set),
            {name: shape(item) for name, item in vars(value).items()},
            {name: shape(item) for name, item in (value.model_extra or {}).items()},
        )
    if isinstance(value, list):
        return ["list", *(shape(item) for item in value)]
    if isinstance(value, dict):
        return {"dict": {key: shape(item) for key, item in value.items()}}
    return (type(value).__qualname__, repr(value))


def answer(body: bytes) -> httpx.Response:
    return httpx.Response(200, content=body, headers={"content-type": "application/json"})


def _endpoint(operation_id: str) -> Any:
    import qiskit_runtime_api

    return _endpoints(qiskit_runtime_api)[operation_id]


def test_the_recordings_cover_both_sources() -> None:
    assert len(RECORDINGS) == 150  # 137 from the wheel, 13 spec examples
    assert {p.parent.name for p in RECORDINGS} >= {"get_backend_configuration", "list_jobs"}


@pytest.mark.parametrize("path", RECORDINGS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_recorded_answer_parses_to_the_objects_pydantics_json_path_makes(path: Path) -> None:
    endpoint = _endpoint(path.parent.name)
    kind, target = endpoint.responses["200"]
    assert kind is ResponseKind.JSON
    body = path.read_bytes()
    expected = shape(TypeAdapter(target).validate_json(body))
    for strict in (True, False):
        assert shape(parse_response(endpoint, answer(body), strict)) == expected


def test_a_broken_member_of_a_recorded_page_is_kept_as_received_with_a_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    page = json.loads((RECORDED / "list_jobs" / "spec-jobsResponseExample.json").read_bytes())
    page["jobs"][1]["state"]["status"] = "Exploded"
    page["jobs"][1]["cost"] = "a lot"
    page["surprise"] = {"kept": True}
    body = json.dumps(page).encode()

    with caplog.at_level(logging.WARNING, logger="qiskit_runtime_api"):
        parsed = parse_response(_LIST, answer(body), strict=False)

    (warning,) = [r.getMessage() for r in caplog.records]
    assert "list_jobs: the response does not match the spec at" in warning
    assert "jobs.1.cost" in warning and "jobs.1.state.status" in warning
    assert shape(parsed) == shape(lenient_validate(models.JobsResponse, json.loads(body)))
    assert isinstance(parsed, models.JobsResponse) and parsed.jobs is not None
    good, broken = parsed.jobs
    assert shape(good) == shape(models.JobResponse.model_validate(page["jobs"][0]))
    assert isinstance(broken, models.JobResponse) and isinstance(broken.state, models.JobState)
    kept: tuple[object, object] = (broken.cost, broken.state.status)  # as received, untyped
    assert kept == ("a lot", "Exploded")
    assert broken.program == models.JobResponseProgram(id="myprogram-abcdef12345")
    assert parsed.model_extra == {"surprise": {"kept": True}}
