"""Pagination, job waiting, raw responses, per-call options, timeouts and logging,
with ``httpx.MockTransport`` standing in for the service."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable, Iterator, Mapping
from urllib.parse import parse_qs

import httpx
import pytest

from qiskit_runtime_api import (
    AsyncClient,
    Client,
    JobCancelledError,
    JobFailedError,
    WaitTimeoutError,
    models,
)
from qiskit_runtime_api._logs import logger as runtime_logger

from .fakes import FakeClock

CRN = "crn:v1:bluemix:public:quantum-computing:us-east:a/1::"
Handler = Callable[[httpx.Request], httpx.Response]


def job(job_id: str, status: str = "Completed") -> dict[str, object]:
    return {
        "id": job_id,
        "status": status,
        "state": {"status": "Queued"},
        "program": {"id": "p"},
        "created": "2026-11-24T00:00:00Z",
        "cost": 0,
    }


def recording(handler: Handler) -> tuple[httpx.MockTransport, list[httpx.Request]]:
    seen: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return handler(request)

    return httpx.MockTransport(record), seen


def make_client(handler: Handler, **options: object) -> tuple[Client, list[httpx.Request]]:
    transport, seen = recording(handler)
    client = Client(
        token="tok",
        service_crn=CRN,
        http_client=httpx.Client(transport=transport),
        **options,  # type: ignore[arg-type]
    )
    client._clock = FakeClock()
    return client, seen


def jobs_pages(total: int, count_known: bool = True) -> Handler:
    def handler(request: httpx.Request) -> httpx.Response:
        offset = int(request.url.params.get("offset", 0))
        limit = int(request.url.params.get("limit", 3))
        ids = [f"j{n}" for n in range(offset, min(offset + limit, total))]
        body: dict[str, object] = {"jobs": [job(i) for i in ids], "offset": offset, "limit": limit}
        if count_known:
            body["count"] = total
        return httpx.Response(200, json=body)

    return handler


# -- pagination ----------------------------------------------------------------------------


def test_list_all_walks_offset_pages_until_the_total_is_reached() -> None:
    client, seen = make_client(jobs_pages(7))
    ids = [j.id for j in client.jobs.list_all(page_size=3, pending=True)]
    assert ids == [f"j{n}" for n in range(7)]
    assert [r.url.params.get("offset", "0") for r in seen] == ["0", "3", "6"]
    assert all(r.url.params["limit"] == "3" and r.url.params["pending"] == "true" for r in seen)


def test_list_all_is_lazy() -> None:
    client, seen = make_client(jobs_pages(100))
    first = next(iter(client.jobs.list_all(page_size=3)))
    assert first.id == "j0" and len(seen) == 1


def test_list_all_without_a_total_stops_at_an_empty_page() -> None:
    client, seen = make_client(jobs_pages(5, count_known=False))
    assert len(list(client.jobs.list_all(page_size=2))) == 5
    assert len(seen) == 4  # pages of 2, 2, 1, then an empty one


def test_iter_pages_gives_each_whole_page() -> None:
    client, _ = make_client(jobs_pages(4))
    pages = list(client.jobs.list_all(page_size=3).iter_pages())
    assert [p.count for p in pages] == [4, 4] and [len(p.jobs or []) for p in pages] == [3, 1]


def test_async_list_all_walks_the_same_pages() -> None:
    async def collect() -> list[str]:
        transport, _ = recording(jobs_pages(5))
        async with AsyncClient(
            token="t", service_crn="c", http_client=httpx.AsyncClient(transport=transport)
        ) as client:
            return [j.id async for j in client.jobs.list_all(page_size=2)]

    assert asyncio.run(collect()) == [f"j{n}" for n in range(5)]


def workloads_pages(pages: Mapping[str | None, tuple[list[str], str | None]]) -> Handler:
    def handler(request: httpx.Request) -> httpx.Response:
        items, following = pages[request.url.params.get("next")]
        body: dict[str, object] = {
            "workloads": [{"id": i} for i in items],
            "total_count": 5,
            "limit": 2,
        }
        if following is not None:
            body["next"] = {"href": f"https://example.test/v1/workloads?next={following}&limit=2"}
        return httpx.Response(200, json=body)

    return handler


def test_list_all_follows_cursors_from_the_next_link() -> None:
    pages = {None: (["w1", "w2"], "c2"), "c2": (["w3", "w4"], "c3"), "c3": (["w5"], None)}
    client, seen = make_client(workloads_pages(pages))
    assert [w.id for w in client.workloads.list_all(page_size=2)] == ["w1", "w2", "w3", "w4", "w5"]
    assert [r.url.params.get("next") for r in seen] == [None, "c2", "c3"]
    assert all("previous" not in r.url.params for r in seen)


def test_a_cursor_that_repeats_ends_the_iteration_with_a_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    pages = {None: (["w1"], "same"), "same": (["w2"], "same")}
    client, seen = make_client(workloads_pages(pages))
    with caplog.at_level(logging.WARNING, logger="qiskit_runtime_api"):
        assert [w.id for w in client.workloads.list_all()] == ["w1", "w2"]
    assert len(seen) == 2 and "already seen" in caplog.text


# -- waiting for a job -----------------------------------------------------------------------


def statuses(*sequence: str) -> Handler:
    remaining: Iterator[str] = iter(sequence)
    last = [sequence[-1]]

    def handler(request: httpx.Request) -> httpx.Response:
        last[0] = next(remaining, last[0])
        return httpx.Response(200, json=job("j1", last[0]))

    return handler


@pytest.mark.parametrize("final", ["Completed", "Failed", "Cancelled", "Cancelled - Ran too long"])
def test_wait_polls_with_a_growing_interval_until_a_final_status(final: str) -> None:
    client, seen = make_client(statuses("Queued", "Running", "Running", "Running", final))
    result = client.jobs.wait("j1")
    assert isinstance(result, models.JobResponse) and result.status == final
    assert len(seen) == 5
    assert client._clock.sleeps == [1.0, 1.5, 2.25, 3.375]  # type: ignore[attr-defined]


def test_wait_intervals_are_capped() -> None:
    client, _ = make_client(statuses(*["Running"] * 12, "Completed"))
    client.jobs.wait("j1", poll_interval=2, max_interval=5)
    assert client._clock.sleeps == [2, 3, 4.5] + [5] * 9  # type: ignore[attr-defined]


def test_wait_gives_up_after_its_timeout_with_the_last_job() -> None:
    client, seen = make_client(statuses("Running"))
    with pytest.raises(WaitTimeoutError) as caught:
        client.jobs.wait("j1", max_wait=10)
    assert sum(client._clock.sleeps) == pytest.approx(10)  # type: ignore[attr-defined]
    assert isinstance(caught.value.last, models.JobResponse)
    assert "Running" in str(caught.value) and "job_id='j1'" in str(caught.value)
    assert caught.value.last.status == "Running" and len(seen) == 6


def failing(status: str, state: dict[str, object]) -> Handler:
    """A job that runs once, then ends in ``status`` with ``state`` (its reason)."""
    answers = iter([job("j1", "Running"), {**job("j1", status), "state": state}])
    last: list[dict[str, object]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        last[:] = [next(answers, last[0] if last else {})]
        return httpx.Response(200, json=last[0])

    return handler


FAILED_STATE = {
    "status": "Failed",
    "reason": "Error raised during circuit execution.",
    "reason_code": 1517,
    "reason_solution": "Check the circuit and try again.",
}


def test_wait_raises_job_failed_error_with_the_reason_when_asked() -> None:
    client, _ = make_client(failing("Failed", FAILED_STATE))
    with pytest.raises(JobFailedError) as caught:
        client.jobs.wait("j1", raise_on_failure=True)
    error = caught.value
    assert not isinstance(error, JobCancelledError)
    assert isinstance(error.job, models.JobResponse) and error.job.status == "Failed"
    assert (error.status, error.reason, error.reason_code, error.reason_solution) == (
        "Failed",
        "Error raised during circuit execution.",
        1517,
        "Check the circuit and try again.",
    )
    assert "job_id='j1'" in str(error) and "(code 1517)" in str(error)


@pytest.mark.parametrize("status", ["Cancelled", "Cancelled - Ran too long"])
def test_wait_raises_job_cancelled_error_for_either_cancelled_status(status: str) -> None:
    client, _ = make_client(failing(status, {"status": "Cancelled"}))
    with pytest.raises(JobCancelledError) as caught:
        client.jobs.wait("j1", raise_on_failure=True)
    assert caught.value.status == status and caught.value.reason is None


def test_wait_returns_a_failed_job_unless_asked_to_raise() -> None:
    client, _ = make_client(failing("Failed", FAILED_STATE))
    assert client.jobs.wait("j1").status == "Failed"


def test_async_wait_raises_job_failed_error_too() -> None:
    async def wait() -> None:
        transport, _ = recording(failing("Failed", FAILED_STATE))
        async with AsyncClient(
            token="t", service_crn=CRN, http_client=httpx.AsyncClient(transport=transport)
        ) as client:
            client._clock = FakeClock()
            await client.jobs.wait("j1", raise_on_failure=True)

    with pytest.raises(JobFailedError, match="Error raised during circuit execution"):
        asyncio.run(wait())


def test_async_wait_returns_the_final_job() -> None:
    clock = FakeClock()

    async def wait() -> models.JobResponse:
        transport, _ = recording(statuses("Queued", "Completed"))
        async with AsyncClient(
            token="t", service_crn="c", http_client=httpx.AsyncClient(transport=transport)
        ) as client:
            client._clock = clock
            return await client.jobs.wait("j1")

    assert asyncio.run(wait()).status == "Completed" and clock.sleeps == [1.0]


# -- raw responses, options, timeouts --------------------------------------------------------


def test_with_raw_response_gives_status_headers_retries_and_the_value() -> None:
    answers = iter([httpx.Response(503)])
    ok = httpx.Response(200, json=job("j1"), headers={"x-r": "1"})
    client, _ = make_client(lambda request: next(answers, ok))
    raw = client.jobs.with_raw_response.get("j1")
    assert raw.status_code == 200 and raw.headers["x-r"] == "1" and raw.retries_taken == 1
    assert isinstance(raw.parsed, models.JobResponse) and raw.parsed.id == "j1"
    assert client.jobs.get("j1").id == "j1"  # the plain method is unchanged


def test_with_options_changes_a_copy_that_shares_the_connection() -> None:
    client, seen = make_client(lambda request: httpx.Response(200, json=job("j1")))
    copy = client.with_options(api_version="2025-05-01", default_headers={"X-Trace": "1"})
    copy.jobs.get("j1")
    copy.close()
    client.jobs.get("j1")
    assert seen[0].headers["IBM-API-Version"] == "2025-05-01" and seen[0].headers["X-Trace"] == "1"
    assert seen[1].headers["IBM-API-Version"] == "2026-02-01" and "X-Trace" not in seen[1].headers
    assert copy._http is client._http and copy.jobs is not client.jobs


def read_timeout(request: httpx.Request) -> tuple[float | None, float | None]:
    timeout = request.extensions["timeout"]
    return timeout["connect"], timeout["read"]


def test_timeouts_default_per_operation_and_are_overridable_per_client_and_per_call() -> None:
    created = {"id": "j1", "backend": "ibm_x"}
    client, seen = make_client(lambda request: httpx.Response(200, json=created))
    client.jobs.get("j1")
    client.jobs.create(body={"program_id": "p", "backend": "b"})
    client.jobs.create(body={"program_id": "p", "backend": "b"}, timeout=30)
    client.with_options(timeout=10).jobs.create(body={"program_id": "p", "backend": "b"})
    assert [read_timeout(r) for r in seen] == [(5.0, 60.0), (5.0, 900.0), (5.0, 30.0), (5.0, 10.0)]


def test_extra_headers_are_sent_on_one_call() -> None:
    client, seen = make_client(lambda request: httpx.Response(200, json=job("j1")))
    client.jobs.get("j1", extra_headers={"X-Request": "abc"})
    client.jobs.get("j1")
    assert seen[0].headers["X-Request"] == "abc" and "X-Request" not in seen[1].headers


# -- logging ---------------------------------------------------------------------------------


@pytest.fixture
def runtime_log(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    """Sets QISKIT_RUNTIME_API_LOG; removes the handler the client adds for it afterwards."""
    before = list(runtime_logger.handlers)
    level = runtime_logger.level
    yield lambda value: monkeypatch.setenv("QISKIT_RUNTIME_API_LOG", value)
    runtime_logger.handlers[:] = before
    runtime_logger.setLevel(level)


def test_info_logging_shows_each_attempt_and_retry(
    runtime_log: Callable[[str], None], capfd: pytest.CaptureFixture[str]
) -> None:
    runtime_log("info")
    answers = iter([httpx.Response(503), httpx.Response(200, json=job("j1"))])
    client, _ = make_client(lambda request: next(answers))
    client.jobs.get("j1")
    lines = capfd.readouterr().err.splitlines()
    attempts = [line for line in lines if "/v1/jobs/j1 ->" in line]
    assert len(attempts) == 2
    assert "GET https://quantum.cloud.ibm.com/api/v1/jobs/j1 -> 503" in attempts[0]
    assert "(attempt 1 of 3)" in attempts[0] and "(attempt 2 of 3)" in attempts[1]
    assert any("retrying GET /v1/jobs/{id}" in line for line in lines)
    assert " s (attempt" in attempts[1]  # the elapsed time


def test_debug_logging_shows_headers_with_the_credentials_redacted(
    runtime_log: Callable[[str], None], capfd: pytest.CaptureFixture[str]
) -> None:
    runtime_log("debug")
    client, _ = make_client(lambda request: httpx.Response(200, json=job("j1")))
    client.jobs.get("j1")
    err = capfd.readouterr().err
    assert "request headers" in err and "'authorization': '<redacted>'" in err
    assert "tok" not in err.replace("<redacted>", "")


def test_json_bodies_are_compact_utf8() -> None:
    client, seen = make_client(lambda request: httpx.Response(204))
    client.jobs.replace_tags("j1", body={"tags": ["é"]})
    assert (
        seen[0].content
        == json.dumps({"tags": ["é"]}, separators=(",", ":"), ensure_ascii=False).encode()
    )
    assert parse_qs(seen[0].url.query.decode()) == {}
