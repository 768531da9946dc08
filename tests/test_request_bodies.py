"""What the client puts on the wire for the bodies and values quantum developers write."""

from __future__ import annotations

import datetime
import json
import time
from collections.abc import Iterator

import httpx
import pytest

from qiskit_runtime_api import models

from .test_client_runtime import client_with

# An OpenQASM 3 Bell circuit, as qiskit.qasm3.dumps writes it.
BELL = (
    'OPENQASM 3.0;\ninclude "stdgates.inc";\nbit[2] c;\nqubit[2] q;\n'
    "h q[0];\ncx q[0], q[1];\nc[0] = measure q[0];\nc[1] = measure q[1];\n"
)


def created(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json={"id": "job-1", "backend": "ibm_torino"})


def test_a_model_inside_a_plain_dict_body_sends_only_its_set_fields() -> None:
    client, seen = client_with(created)
    client.jobs.create(
        body={
            "program_id": "sampler",
            "backend": "ibm_torino",
            "params": models.SamplerV2Input(pubs=[[BELL]], shots=100),
        }
    )
    assert (
        seen[0].content
        == json.dumps(
            {
                "program_id": "sampler",
                "backend": "ibm_torino",
                "params": {"pubs": [[BELL]], "shots": 100},
            },
            separators=(",", ":"),
        ).encode()
    )


def test_models_in_lists_inside_dicts_are_dumped_as_top_level_models() -> None:
    client, seen = client_with(lambda request: httpx.Response(204))
    nested = models.SamplerV2InputOptionsDynamicalDecoupling(enable=True)
    # "extra" is a key the body's TypedDict lacks: sent all the same (the models allow extras)
    client.jobs.replace_tags(
        "j1",
        body={"tags": ["x"], "extra": [{"dd": nested}, (nested,)]},  # type: ignore[arg-type]
    )
    assert json.loads(seen[0].content) == {
        "tags": ["x"],
        "extra": [{"dd": {"enable": True}}, [{"enable": True}]],
    }


@pytest.fixture
def in_new_york(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The process's local time zone is New York's (UTC-5 in March) for one test."""
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("in_new_york")
def test_a_naive_datetime_is_sent_as_local_time_in_utc() -> None:
    client, seen = client_with(lambda request: httpx.Response(200, json={}))
    client.analytics.get_usage(interval_start=datetime.datetime(2026, 3, 1, 12, 30))
    assert seen[0].url.params["interval_start"] == "2026-03-01T17:30:00+00:00"


@pytest.mark.usefixtures("in_new_york")
def test_a_naive_datetime_in_a_body_is_sent_in_utc() -> None:
    client, seen = client_with(lambda request: httpx.Response(204))
    client.jobs.replace_tags(
        "j1",
        body={"tags": ["x"], "at": datetime.datetime(2026, 3, 1, 12)},  # type: ignore[arg-type]
    )
    assert json.loads(seen[0].content)["at"] == "2026-03-01T17:00:00+00:00"


def test_an_aware_datetime_keeps_its_instant() -> None:
    client, seen = client_with(lambda request: httpx.Response(200, json={}))
    aware = datetime.datetime(
        2026, 3, 1, 12, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=2))
    )
    client.analytics.get_usage(interval_start=aware)
    assert seen[0].url.params["interval_start"] == "2026-03-01T10:30:00+00:00"
