"""Credentials never show: not in reprs, logs, exception messages or warnings."""

from __future__ import annotations

import logging
import warnings
from collections.abc import Callable
from typing import Any

import pytest

from qiskit_runtime_api import APIError, Client

from .conftest import free_port
from .fakes import Close, Delay, FakeClock, Received, Reply, iam_script, json_reply, serve

API_KEY = "good-KEY-5ecret-0001"
BAD_KEY = "bad-KEY-5ecret-0002"
TOKEN = "TOKEN-5ecret-0003"
CRN: dict[str, Any] = {"service_crn": "crn:v1:bluemix:public:quantum-computing:us-east:a/1::"}
IAM_TOKEN_PREFIX = "IAMTOKEN-5ecret"
JOB = {"id": "j1", "status": "Completed", "state": {"status": "Completed"}, "program": {"id": "p"}}


def service(request: Received) -> Reply | Close | Delay:
    if request.path.endswith("/missing"):
        return json_reply({"errors": [{"message": "no such job"}], "trace": "t-404"}, 404)
    if request.path.endswith("/slow"):
        return Delay(1.0, json_reply(JOB))
    if request.path.endswith("/closed") or b"closed" in request.body:
        return Close()
    return json_reply(JOB)


def test_no_secret_appears_in_reprs_logs_errors_or_warnings(
    debug_log: None, capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    seen: list[str] = []
    clock = FakeClock()
    with (
        serve(iam_script(token_prefix=IAM_TOKEN_PREFIX)) as iam,
        serve(service) as server,
        warnings.catch_warnings(record=True) as caught_warnings,
        caplog.at_level(logging.DEBUG, logger="qiskit_runtime_api"),
    ):
        warnings.simplefilter("always")
        iam_client = Client(
            api_key=API_KEY, iam_url=iam.url, base_url=server.url, timeout=0.3, **CRN
        )
        token_client = Client(token=TOKEN, base_url=server.url, timeout=0.3, **CRN)
        refused = Client(api_key=BAD_KEY, iam_url=iam.url, base_url=server.url, **CRN)
        offline = Client(api_key=API_KEY, iam_url=f"http://127.0.0.1:{free_port()}", **CRN)
        apikey_client = Client(api_key=API_KEY, auth="apikey", base_url=server.url, **CRN)
        clients = [iam_client, token_client, refused, offline, apikey_client]
        for client in clients:
            client._clock = clock
            seen += [repr(client), str(client._settings), repr(client._auth)]
        iam_client.jobs.get("j1")
        token_client.jobs.get("j1")
        apikey_client.jobs.get("j1")
        iam_client.jobs.list(created_after="2026-01-01")  # a deprecated-free call with a query
        calls: list[Callable[[], object]] = [
            lambda: iam_client.jobs.get("missing"),
            lambda: iam_client.jobs.get("slow"),
            lambda: token_client.jobs.create(body={"program_id": "closed", "backend": "b"}),
            lambda: token_client.jobs.get("closed"),
            lambda: refused.jobs.get("j1"),
            lambda: offline.jobs.get("j1"),
        ]
        errors = []
        for call in calls:
            with pytest.raises(APIError) as caught:
                call()
            errors.append(caught.value)
        seen += [f"{e!s} {e!r} {e.args!r}" for e in errors]
        seen += [str(w.message) for w in caught_warnings]
    seen.append(capfd.readouterr().err)
    seen.append(caplog.text)
    text = "\n".join(seen)
    assert "request headers" in text and "IBM Cloud IAM token obtained" in text  # it was logged
    assert "could not reach IBM Cloud IAM" in text and "no such job" in text
    for secret in (API_KEY, BAD_KEY, TOKEN, IAM_TOKEN_PREFIX):
        assert secret not in text
