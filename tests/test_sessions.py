"""Sessions named as qiskit-ibm-runtime names them, sent to Prism, which checks each request
against the spec: ``close`` lets queued jobs run, ``cancel`` drops them."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from qiskit_runtime_api import Client

from .fakes import FaultServer
from .test_client_runtime import CRN, client_with


@pytest.fixture
def credentials(fake_iam: FaultServer) -> dict[str, Any]:
    return {"api_key": "good-key", "iam_url": fake_iam.url, "service_crn": CRN}


def test_close_stops_accepting_jobs_with_a_patch(
    prism_url: str, credentials: dict[str, Any]
) -> None:
    with Client(base_url=prism_url, strict=True, **credentials) as client:
        assert client.sessions.close("session-1") is None  # type: ignore[func-returns-value]


def test_cancel_is_the_delete_that_drops_queued_jobs(
    prism_url: str, credentials: dict[str, Any]
) -> None:
    with Client(base_url=prism_url, strict=True, **credentials) as client:
        assert client.sessions.cancel("session-1") is None  # type: ignore[func-returns-value]


def test_close_and_cancel_send_what_qiskit_ibm_runtime_sends() -> None:
    client, seen = client_with(lambda request: httpx.Response(204))
    client.sessions.close("s1")
    client.sessions.cancel("s1")
    close, cancel = seen
    assert (close.method, close.url.path) == ("PATCH", "/api/v1/sessions/s1")
    assert json.loads(close.content) == {"accepting_jobs": False}
    assert (cancel.method, cancel.url.path, cancel.content) == (
        "DELETE",
        "/api/v1/sessions/s1/close",
        b"",
    )
