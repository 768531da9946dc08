"""Retries and timeouts, against a local server that injects real faults.

The server is a real socket on 127.0.0.1; only the client's sleeps are fake
(``FakeClock`` records them), so every delay can be asserted without waiting.
"""

from __future__ import annotations

import asyncio
import email.utils
import random
from collections import Counter
from collections.abc import Callable, Sequence

import pytest

from qiskit_runtime_api import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    AsyncClient,
    Client,
    InternalServerError,
    params,
)
from qiskit_runtime_api._retry import (
    backoff,
    parse_retry_after,
    retry_delay,
    retry_status,
    retry_transport_error,
)

from .conftest import free_port
from .fakes import (
    Action,
    Close,
    Delay,
    FakeClock,
    Received,
    Reply,
    Reset,
    json_reply,
    serve,
)

JOB = {"id": "j1", "status": "Completed", "state": {"status": "Completed"}, "program": {"id": "p"}}
CRN = "crn:v1:bluemix:public:quantum-computing:us-east:a/1::"
SUBMISSION: params.JobRequestParam = {"program_id": "sampler", "backend": "ibm_torino"}
SLOW = 1.0  # the server's stall, longer than the client's 0.25 s read timeout


def client_for(url: str, clock: FakeClock, **options: object) -> Client:
    client = Client(token="tok", service_crn=CRN, base_url=url, timeout=0.25, **options)  # type: ignore[arg-type]
    client._clock = clock
    return client


def error_body(trace: str) -> dict[str, object]:
    return {
        "errors": [{"code": "1", "message": "overloaded", "solution": "wait", "more_info": ""}],
        "trace": trace,
    }


FAULTS: dict[str, Action] = {
    "500": json_reply(error_body("t"), 500),
    "502": Reply(502, b"<html>bad gateway</html>"),
    "503": json_reply(error_body("t"), 503),
    "504": Reply(504),
    "408": Reply(408),
    "429": json_reply(error_body("t"), 429),
    "520": Reply(520),
    "reset mid-response": Reset(json_reply(JOB)),
    "closed without answer": Close(),
    "stalled past the timeout": Delay(SLOW, json_reply(JOB)),
}
RETRY_AFTER = {
    "429 with Retry-After": json_reply(error_body("t"), 429, {"Retry-After": "2"}),
    "503 with Retry-After": json_reply(error_body("t"), 503, {"Retry-After": "2"}),
}


def fail_then(faults: Sequence[Action], success: Action) -> Callable[[Received], Action]:
    queue = list(faults)
    return lambda request: queue.pop(0) if queue else success


# -- the decisions, as pure functions ------------------------------------------------------


def test_backoff_doubles_from_half_a_second_to_eight_less_up_to_a_quarter_of_jitter() -> None:
    assert [backoff(n, 0.0) for n in range(6)] == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0]
    assert backoff(0, 0.999) == pytest.approx(0.375, abs=0.001)


def test_retry_after_is_read_as_seconds_or_an_http_date() -> None:
    now = 1_800_000_000.0
    assert parse_retry_after("3", now) == 3.0
    assert parse_retry_after(email.utils.formatdate(now + 7, usegmt=True), now) == 7.0
    assert parse_retry_after(email.utils.formatdate(now - 7, usegmt=True), now) == 0.0
    assert parse_retry_after("soon", now) is None and parse_retry_after(None, now) is None


def test_retry_after_is_honoured_up_to_sixty_seconds() -> None:
    assert retry_delay(0, 7.0) == 7.0
    assert retry_delay(3, 120.0) == 60.0


def test_posts_are_retried_only_when_the_request_surely_did_not_arrive() -> None:
    import httpx

    connect, read = httpx.ConnectError("x"), httpx.ReadTimeout("x")
    assert retry_transport_error("POST", connect) and retry_transport_error("PATCH", connect)
    assert not retry_transport_error("POST", read) and retry_transport_error("GET", read)
    assert not retry_status("POST", 500, None) and not retry_status("POST", 429, None)
    # An answer means the request arrived: even with Retry-After, a POST is not resent.
    assert not retry_status("POST", 429, 1.0) and not retry_status("PATCH", 503, 0.0)
    assert not retry_status("POST", 502, 1.0)
    for method in ("GET", "PUT", "DELETE", "HEAD", "OPTIONS"):
        assert all(retry_status(method, s, None) for s in (408, 429, 500, 502, 503, 504, 520, 524))
        assert not retry_status(method, 400, None) and not retry_status(method, 404, None)


# -- against the fault server ------------------------------------------------------------


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_an_idempotent_call_succeeds_after_two_faults(fault: str) -> None:
    clock = FakeClock()
    with serve(fail_then([FAULTS[fault]] * 2, json_reply(JOB))) as server:
        job = client_for(server.url, clock).jobs.get("j1")
    assert job.id == "j1"
    assert len(server.requests("GET")) == 3
    assert len(clock.sleeps) == 2
    assert 0.375 <= clock.sleeps[0] <= 0.5 and 0.75 <= clock.sleeps[1] <= 1.0


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_a_job_submission_is_not_retried_after_a_fault_that_may_have_reached_the_service(
    fault: str,
) -> None:
    clock = FakeClock()
    with serve(fail_then([FAULTS[fault]], json_reply(JOB))) as server:
        client = client_for(server.url, clock)
        with pytest.raises(APIError) as caught:
            client.jobs.create(body=SUBMISSION)
        client.close()
    assert len(server.requests("POST")) == 1 and clock.sleeps == []
    if fault == "stalled past the timeout":
        assert isinstance(caught.value, APITimeoutError)


@pytest.mark.parametrize("fault", sorted(RETRY_AFTER))
def test_a_job_submission_answered_503_or_429_with_retry_after_is_sent_once(fault: str) -> None:
    """The answer proves the POST arrived; it may have created the job (qiskit-ibm-runtime
    issue 1114), and the spec defines no idempotency key: the caller gets the error."""
    clock = FakeClock()
    with serve(fail_then([RETRY_AFTER[fault]], json_reply(JOB))) as server:
        client = client_for(server.url, clock)
        with pytest.raises(APIStatusError) as caught:
            client.jobs.create(body=SUBMISSION)
        client.close()
    assert len(server.requests("POST")) == 1 and clock.sleeps == []
    assert caught.value.status_code in (429, 503)
    assert caught.value.response.headers["Retry-After"] == "2"


def test_a_refused_connection_is_retried_even_for_a_submission() -> None:
    clock = FakeClock()
    client = client_for(f"http://127.0.0.1:{free_port()}", clock)
    with pytest.raises(APIConnectionError) as caught:
        client.jobs.create(body=SUBMISSION)
    assert not isinstance(caught.value, APITimeoutError)
    assert len(clock.sleeps) == 2
    assert "ConnectError" in str(caught.value)


def test_when_retries_run_out_the_last_error_is_raised_with_its_body() -> None:
    traces = iter(["t-1", "t-2", "t-3"])
    with (
        serve(lambda request: json_reply(error_body(next(traces)), 503)) as server,
        pytest.raises(InternalServerError) as caught,
    ):
        client_for(server.url, FakeClock()).jobs.get("j1")
    error = caught.value
    assert error.status_code == 503 and error.trace == "t-3"
    assert error.errors[0].message == "overloaded" and "overloaded" in str(error)
    assert len(server.requests()) == 3


def test_retry_after_as_an_http_date_and_above_sixty_seconds() -> None:
    clock = FakeClock()
    date = email.utils.formatdate(clock.now + 7, usegmt=True)
    replies = [
        json_reply(error_body("t"), 429, {"Retry-After": date}),
        json_reply(error_body("t"), 503, {"Retry-After": "600"}),
    ]
    with serve(fail_then(replies, json_reply(JOB))) as server:
        client_for(server.url, clock).jobs.get("j1")
    assert clock.sleeps == [7.0, 60.0]


def test_max_retries_is_set_per_client_and_per_call() -> None:
    with serve(lambda request: Reply(502)) as server:
        clock = FakeClock()
        client = client_for(server.url, clock, max_retries=0)
        with pytest.raises(InternalServerError):
            client.jobs.get("j1")
        assert len(server.requests()) == 1
        with pytest.raises(InternalServerError):
            client.jobs.get("j1", max_retries=4)
        assert len(server.requests()) == 6
        with pytest.raises(InternalServerError):
            client.with_options(max_retries=1).jobs.get("j1")
        assert len(server.requests()) == 8


def test_the_async_client_retries_the_same_way() -> None:
    clock = FakeClock()

    async def calls(url: str) -> None:
        async with AsyncClient(token="t", service_crn=CRN, base_url=url, timeout=0.25) as client:
            client._clock = clock
            job = await client.jobs.get("j1")
            assert job.id == "j1"
            with pytest.raises(InternalServerError):
                await client.jobs.create(body=SUBMISSION)

    replies: list[Action] = [Reply(503), Reset(json_reply(JOB)), json_reply(JOB), Reply(502)]
    with serve(fail_then(replies, json_reply(JOB))) as server:
        asyncio.run(calls(server.url))
    assert [r.method for r in server.requests()] == ["GET", "GET", "GET", "POST"]
    assert len(clock.sleeps) == 2


# -- many calls under a 30 % fault rate -------------------------------------------------

FAULT_RATE = 0.3
CALLS = 500
# What each fault means for a submission: did the service create the job?
PROCESSED_THEN_FAILED: dict[str, Action] = {
    "500 after creating": json_reply(error_body("t"), 500),
    "502 from the proxy after creating": Reply(502),
    "504 from the proxy after creating": Reply(504),
    "reset mid-response": Reset(json_reply(JOB)),
    "stalled past the timeout": Delay(SLOW, json_reply(JOB)),
}
REJECTED: dict[str, Action] = {
    "429 with Retry-After": json_reply(error_body("t"), 429, {"Retry-After": "1"}),
    "503 with Retry-After": json_reply(error_body("t"), 503, {"Retry-After": "1"}),
    "503 without Retry-After": json_reply(error_body("t"), 503),
    "closed before reading": Close(),
}


class SubmissionService:
    """Creates a job per accepted submission, or injects a fault 30 % of the time."""

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)
        self.created: Counter[str] = Counter()
        self.faults: Counter[str] = Counter()
        self.history: dict[str, list[str]] = {}

    def __call__(self, request: Received) -> Action:
        tag = request.json()["tags"][0]  # type: ignore[index]
        outcome = "created"
        if self.random.random() < FAULT_RATE:
            outcome = self.random.choice(sorted(PROCESSED_THEN_FAILED) + sorted(REJECTED))
            self.faults[outcome] += 1
        self.history.setdefault(tag, []).append(outcome)
        if outcome == "created" or outcome in PROCESSED_THEN_FAILED:
            self.created[tag] += 1
        return PROCESSED_THEN_FAILED.get(outcome) or REJECTED.get(outcome) or json_reply(JOB)


def test_five_hundred_submissions_under_thirty_percent_faults_never_create_a_job_twice() -> None:
    service = SubmissionService(seed=20261124)
    succeeded = failed = 0
    with serve(service) as server:
        client = client_for(server.url, FakeClock())
        for call in range(CALLS):
            try:
                client.jobs.create(body={**SUBMISSION, "tags": [f"call-{call}"]})
                succeeded += 1
            except APIError:
                failed += 1
        client.close()
    duplicates = [tag for tag, count in service.created.items() if count > 1]
    print(
        f"\n{CALLS} create_job calls: {sum(service.faults.values())} faults injected "
        f"{dict(service.faults)}, {len(server.requests()) - CALLS} retries, "
        f"{succeeded} succeeded, {failed} failed, {len(duplicates)} jobs created twice"
    )
    assert duplicates == []
    assert succeeded + failed == CALLS and sum(service.faults.values()) >= 100
    for outcomes in service.history.values():
        # A submission is sent again only when no connection was made: an answer, any
        # answer, means it arrived (the server here always answers or closes after reading).
        assert len(outcomes) == 1


def test_five_hundred_reads_under_thirty_percent_faults_fail_only_when_every_attempt_failed() -> (
    None
):
    rng = random.Random(7)
    faults = sorted(FAULTS)
    attempts: Counter[str] = Counter()
    faulted: Counter[str] = Counter()

    def script(request: Received) -> Action:
        attempts[request.path] += 1
        if rng.random() < FAULT_RATE:
            faulted[request.path] += 1
            return FAULTS[rng.choice(faults)]
        return json_reply(JOB)

    failures = 0
    with serve(script) as server:
        client = client_for(server.url, FakeClock())
        for call in range(CALLS):
            try:
                client.jobs.get(f"job-{call}")
            except APIError:
                failures += 1
                assert attempts[f"/v1/jobs/job-{call}"] == 3
                assert faulted[f"/v1/jobs/job-{call}"] == 3
        client.close()
    print(f"\n{CALLS} get_job calls: {sum(faulted.values())} faults injected, {failures} failed")
    assert sum(faulted.values()) >= 100
    assert failures <= CALLS * 0.05
