"""API keys exchanged at a local fake IBM Cloud IAM: one exchange, shared, renewed in time."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest

from qiskit_runtime_api import APIConnectionError, AsyncClient, AuthenticationError, Client

from .conftest import free_port
from .fakes import FakeClock, FaultServer, Received, Reply, iam_script, json_reply, serve

JOB = {"id": "j1", "status": "Completed", "state": {"status": "Completed"}, "program": {"id": "p"}}
CRN = "crn:v1:bluemix:public:quantum-computing:us-east:a/1::"


def service_script(request: Received) -> Reply:
    if not request.headers.get("authorization", "").startswith("Bearer iam-token-"):
        return json_reply({"errors": [{"message": "bad token"}], "trace": "t"}, 401)
    return json_reply(JOB)


def sync_client(iam: FaultServer, service: FaultServer, clock: FakeClock | None = None) -> Client:
    client = Client(api_key="good-key", service_crn=CRN, iam_url=iam.url, base_url=service.url)
    if clock is not None:
        client._clock = clock
    return client


def test_the_api_key_is_exchanged_once_and_sent_as_a_bearer_token() -> None:
    with serve(iam_script()) as iam, serve(service_script) as service:
        client = sync_client(iam, service)
        client.jobs.get("j1")
        client.jobs.get("j2")
    exchange = iam.requests("POST", "/identity/token")
    assert len(exchange) == 1
    assert exchange[0].form() == {
        "grant_type": "urn:ibm:params:oauth:grant-type:apikey",
        "apikey": "good-key",
        "response_type": "cloud_iam",
    }
    assert [r.headers["authorization"] for r in service.requests()] == ["Bearer iam-token-1"] * 2
    assert all(r.headers["service-crn"] == CRN for r in service.requests())


def test_fifty_concurrent_threads_share_one_exchange() -> None:
    with serve(iam_script(delay=0.2)) as iam, serve(service_script) as service:
        client = sync_client(iam, service)
        with ThreadPoolExecutor(max_workers=50) as pool:
            jobs = list(pool.map(lambda n: client.jobs.get(f"j{n}"), range(50)))
    assert len(jobs) == 50 and len(iam.requests()) == 1
    assert {r.headers["authorization"] for r in service.requests()} == {"Bearer iam-token-1"}


def test_fifty_concurrent_tasks_share_one_exchange() -> None:
    async def calls(iam: FaultServer, service: FaultServer) -> int:
        async with AsyncClient(
            api_key="good-key", service_crn=CRN, iam_url=iam.url, base_url=service.url
        ) as client:
            jobs = await asyncio.gather(*(client.jobs.get(f"j{n}") for n in range(50)))
            return len(jobs)

    with serve(iam_script(delay=0.2)) as iam, serve(service_script) as service:
        assert asyncio.run(calls(iam, service)) == 50
    assert len(iam.requests()) == 1


@pytest.mark.parametrize(
    ("expires_in", "still_fresh", "renewed"),
    [(3600, 2879, 2881), (30, 19, 21)],  # 80 % of the lifetime, or 10 s before it ends
)
def test_the_token_is_renewed_before_it_expires(
    expires_in: int, still_fresh: float, renewed: float
) -> None:
    clock = FakeClock()
    with serve(iam_script(clock.time, expires_in)) as iam, serve(service_script) as service:
        client = sync_client(iam, service, clock)
        client.jobs.get("j1")
        clock.advance(still_fresh)
        client.jobs.get("j1")
        assert len(iam.requests()) == 1
        clock.advance(renewed - still_fresh)
        client.jobs.get("j1")
    assert len(iam.requests()) == 2
    assert service.requests()[-1].headers["authorization"] == "Bearer iam-token-2"


def test_a_refused_api_key_is_an_authentication_error_that_says_why() -> None:
    with serve(iam_script()) as iam, serve(service_script) as service:
        client = Client(api_key="wrong-key", service_crn="c", iam_url=iam.url, base_url=service.url)
        with pytest.raises(AuthenticationError) as caught:
            client.jobs.get("j1")
    message = str(caught.value)
    assert "IBM Cloud IAM" in message and "Provided API key could not be found" in message
    assert "iam-req-1" in message and "wrong-key" not in message
    assert len(iam.requests()) == 1 and service.requests() == []


def test_an_iam_outage_is_retried_and_then_reported_as_unreachable() -> None:
    answers = iter([Reply(503), Reply(502)])

    def flaky(request: Received) -> Reply:
        return next(answers, None) or iam_script()(request)  # type: ignore[return-value]

    clock = FakeClock()
    with serve(flaky) as iam, serve(service_script) as service:
        assert sync_client(iam, service, clock).jobs.get("j1").id == "j1"
    assert len(iam.requests()) == 3 and len(clock.sleeps) == 2
    client = Client(api_key="good-key", service_crn="c", iam_url=f"http://127.0.0.1:{free_port()}")
    client._clock = FakeClock()
    with pytest.raises(APIConnectionError, match="could not reach IBM Cloud IAM"):
        client.jobs.get("j1")


def test_a_401_renews_the_token_once_and_repeats_the_call() -> None:
    refused = iter([True])

    def revoking(request: Received) -> Reply:
        if next(refused, False):
            return json_reply({"errors": [{"message": "token revoked"}], "trace": "t"}, 401)
        return service_script(request)

    with serve(iam_script()) as iam, serve(revoking) as service:
        assert sync_client(iam, service).jobs.get("j1").id == "j1"
    assert len(iam.requests()) == 2
    assert [r.headers["authorization"] for r in service.requests()] == [
        "Bearer iam-token-1",
        "Bearer iam-token-2",
    ]


def test_auth_apikey_sends_the_key_as_is_without_an_exchange() -> None:
    with serve(iam_script()) as iam, serve(lambda r: json_reply(JOB)) as service:
        Client(
            api_key="k", service_crn="c", auth="apikey", iam_url=iam.url, base_url=service.url
        ).jobs.get("j")
    assert iam.requests() == []
    assert service.requests()[0].headers["authorization"] == "apikey k"


def test_iam_url_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    with serve(iam_script()) as iam, serve(service_script) as service:
        monkeypatch.setenv("QISKIT_RUNTIME_API_IAM_URL", iam.url)
        Client(api_key="good-key", service_crn="c", base_url=service.url).jobs.get("j1")
    assert len(iam.requests()) == 1
