"""The per-call shortcuts of the sync and async call path keep the call's rules.

Each call used to re-parse ``base_url`` for the origin check, re-derive the
client's secrets, build a capped ``httpx.Timeout`` and scan every header
value character class by class; these tests hold the shortcuts to the same
answers in the cases where the long way matters.
"""

from __future__ import annotations

import httpx
import pytest

from qiskit_runtime_api import Client, InvalidRequestError
from qiskit_runtime_api._limits import Deadline
from qiskit_runtime_api._request_checks import refuse_line_breaks
from qiskit_runtime_api._settings import Settings

from .fakes import FakeClock

JOB = {
    "id": "j1",
    "state": {"status": "Queued"},
    "status": "Queued",
    "program": {"id": "sampler"},
    "created": "2026-11-24T00:00:00Z",
    "cost": 7,
}


def test_a_timeout_far_from_the_deadline_is_sent_as_it_is() -> None:
    timeout = httpx.Timeout(60.0, connect=5.0)
    assert Deadline(FakeClock(), 1800).cap(timeout) is timeout


@pytest.mark.parametrize(
    "timeout",
    [httpx.Timeout(60.0, connect=5.0), httpx.Timeout(None), httpx.Timeout(5.0, read=None)],
)
def test_a_timeout_near_the_deadline_or_unbounded_is_capped_to_the_time_left(
    timeout: httpx.Timeout,
) -> None:
    clock = FakeClock()
    deadline = Deadline(clock, 1800)
    clock.advance(1790)
    capped = deadline.cap(timeout)
    assert capped.read == pytest.approx(10.0) and capped.pool is not None
    assert capped.connect is not None and capped.connect <= 10.0


def test_a_line_break_in_any_header_value_is_named_even_after_clean_ones() -> None:
    clean = {"Accept": "application/json", "X-One": "a"}
    refuse_line_breaks(clean)
    for mark in ("\r", "\n", "\0"):
        with pytest.raises(InvalidRequestError, match="'X-Two'"):
            refuse_line_breaks({**clean, "X-Two": f"b{mark}c"})


def test_the_secrets_follow_the_settings_they_belong_to() -> None:
    first = Settings(base_url="https://u:pw1@api.test", credentials={"k": ("s1",)})
    second = first.with_changes(base_url="https://u:pw2@api.test")
    assert set(first.secrets) == {"s1", "pw1"}
    assert set(second.secrets) == {"s1", "pw2"}


def _recording_client(
    default_headers: dict[str, str] | None = None,
) -> tuple[Client, list[httpx.Request]]:
    """A client of ``https://one.test`` whose every request is kept and answered with JOB."""
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json=JOB)

    http = httpx.Client(transport=httpx.MockTransport(answer))
    client = Client(
        token="t",
        service_crn="crn:x",
        base_url="https://one.test",
        http_client=http,
        default_headers=default_headers,
    )
    return client, sent


def test_the_origin_check_follows_a_changed_base_url() -> None:
    client, sent = _recording_client()
    assert client.jobs.get("j1").id == "j1"
    other = client.with_options(base_url="https://two.test")
    assert other.jobs.get("j1").id == "j1"
    assert [r.url.host for r in sent] == ["one.test", "two.test"]


def test_the_fixed_headers_follow_the_settings_they_belong_to() -> None:
    """The User-Agent, default headers and token are merged once per settings: a copy
    made by ``with_options`` sends its own default headers, the original keeps its own,
    and both keep the token and the operation's own headers over the defaults."""
    client, sent = _recording_client(default_headers={"X-Team": "one", "Accept": "text/plain"})
    client.jobs.get("j1")  # merged here, before the copy is made
    other = client.with_options(default_headers={"X-Team": "two"})
    other.jobs.get("j1")
    client.jobs.get("j1", extra_headers={"X-Team": "three"})
    assert [r.headers["X-Team"] for r in sent] == ["one", "two", "three"]
    assert {r.headers["Authorization"] for r in sent} == {"Bearer t"}
    assert {r.headers["Accept"] for r in sent} == {"application/json"}  # the operation's
    assert len({r.headers["User-Agent"] for r in sent}) == 1


def test_a_call_sends_the_timeout_httpx_would_set_from_it() -> None:
    """The timeout goes to httpx as its ``timeout`` extension, as ``timeout=`` would set it."""
    client, sent = _recording_client()
    client.jobs.get("j1")
    client.jobs.get("j1", timeout=7)
    expected = [
        httpx.Client().build_request("GET", "https://one.test", timeout=t).extensions["timeout"]
        for t in (httpx.Timeout(60.0, connect=5.0), httpx.Timeout(7.0, connect=5.0))
    ]
    assert [r.extensions["timeout"] for r in sent] == expected
