"""The generated client's runtime, with httpx.MockTransport standing in for the service."""

from __future__ import annotations

import gc
import json
import logging
from collections.abc import Callable

import httpx
import pytest

import qiskit_runtime_api
from qiskit_runtime_api import (
    OPERATIONS,
    APIConnectionError,
    AsyncClient,
    Client,
    NotFoundError,
    ResponseValidationError,
    models,
)

JOB = {
    "id": "j1",
    "status": "Completed",
    "state": {"status": "Completed"},
    "program": {"id": "sampler"},
}
CRN = "crn:v1:bluemix:public:quantum-computing:us-east:a/1::"


def client_with(
    handler: Callable[[httpx.Request], httpx.Response], **options: object
) -> tuple[Client, list[httpx.Request]]:
    seen: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return handler(request)

    http = httpx.Client(transport=httpx.MockTransport(record))
    settings: dict[str, object] = {
        "api_key": "secret-key",
        "auth": "apikey",
        "service_crn": CRN,
        "http_client": http,
    }
    settings.update(options)
    return Client(**settings), seen  # type: ignore[arg-type]


def json_response(body: object, status: int = 200) -> Callable[[httpx.Request], httpx.Response]:
    return lambda request: httpx.Response(status, json=body)


def test_credentials_api_version_and_accept_are_sent() -> None:
    client, seen = client_with(json_response(JOB))
    job = client.jobs.get("job/1")
    request = seen[0]
    assert request.url == "https://quantum.cloud.ibm.com/api/v1/jobs/job%2F1"
    assert request.headers["Authorization"] == "apikey secret-key"
    assert request.headers["Service-CRN"] == CRN
    assert request.headers["IBM-API-Version"] == "2026-02-01"
    assert request.headers["Accept"] == "application/json"
    assert request.headers["User-Agent"].startswith(
        f"qiskit-runtime-api/{qiskit_runtime_api.__version__} Python/"
    )
    assert isinstance(job, models.JobResponse) and job.state is not None
    assert job.state.status == "Completed"


def test_a_token_is_sent_as_bearer_and_the_api_version_is_set_per_client_and_per_call() -> None:
    client, seen = client_with(
        json_response({"jobs": []}), token="tok", api_key=None, api_version="2025-05-01"
    )
    client.jobs.list()
    client.jobs.list(api_version="2024-01-01")
    assert seen[0].headers["Authorization"] == "Bearer tok"
    assert [r.headers["IBM-API-Version"] for r in seen] == ["2025-05-01", "2024-01-01"]


def test_query_arrays_repeat_and_booleans_are_lowercase() -> None:
    client, seen = client_with(json_response({"jobs": []}))
    client.jobs.list(tags=["a", "b"], pending=True, limit=5)
    assert seen[0].url.params.get_list("tags") == ["a", "b"]
    assert seen[0].url.params["pending"] == "true"
    assert seen[0].url.params["limit"] == "5"
    assert "offset" not in seen[0].url.params


def test_logs_ask_for_text_and_return_it() -> None:
    client, seen = client_with(lambda request: httpx.Response(200, text="line 1\n"))
    assert client.jobs.get_logs("j1") == "line 1\n"
    assert seen[0].headers["Accept"] == "text/plain"


def test_no_content_returns_none_and_the_body_is_sent_as_json() -> None:
    client, seen = client_with(lambda request: httpx.Response(204))
    # mypy knows the method returns None; the test holds the runtime to it.
    assert client.jobs.replace_tags("j1", body={"tags": ["x"]}) is None  # type: ignore[func-returns-value]
    assert json.loads(seen[0].content) == {"tags": ["x"]}
    assert seen[0].headers["Content-Type"] == "application/json"


def test_a_model_body_sends_only_the_fields_that_were_set() -> None:
    client, seen = client_with(lambda request: httpx.Response(204))
    client.jobs.replace_tags("j1", body=models.ReplaceJobTagsRequest(tags=["x"]))
    assert json.loads(seen[0].content) == {"tags": ["x"]}


def test_the_versions_operation_sends_no_credentials() -> None:
    client, seen = client_with(json_response({"versions": ["2026-02-01"]}))
    assert client.versions.list().versions == ["2026-02-01"]
    assert "Authorization" not in seen[0].headers


def test_an_error_status_raises_its_class_with_the_body_parsed() -> None:
    body = {
        "errors": [
            {
                "code": "1234",
                "message": "Job not found",
                "solution": "Check the id",
                "more_info": "",
            }
        ],
        "trace": "trace-1",
    }
    client, _ = client_with(json_response(body, 404))
    with pytest.raises(NotFoundError) as caught:
        client.jobs.get("j1")
    error = caught.value
    assert error.status_code == 404 and error.trace == "trace-1"
    assert error.errors[0].message == "Job not found"
    assert (
        "Job not found" in str(error) and "Check the id" in str(error) and "trace-1" in str(error)
    )


def test_a_non_json_error_body_keeps_the_raw_text() -> None:
    client, _ = client_with(lambda request: httpx.Response(502, text="<html>bad gateway</html>"))
    with pytest.raises(qiskit_runtime_api.InternalServerError) as caught:
        client.jobs.get("j1")
    assert caught.value.body == "<html>bad gateway</html>"
    assert "bad gateway" in str(caught.value)


def test_a_mismatched_response_is_kept_and_logged(caplog: pytest.LogCaptureFixture) -> None:
    drifted = {
        **JOB,
        "state": {"status": "Completed", "reason_code": "not-a-number"},
        "new_field": 1,
    }
    client, _ = client_with(json_response(drifted))
    with caplog.at_level(logging.WARNING, logger="qiskit_runtime_api"):
        job = client.jobs.get("j1")
    assert isinstance(job, models.JobResponse)
    assert job.program is not None and job.program.id == "sampler"  # typed where it fits
    assert isinstance(job.state, models.JobState)
    assert job.state.reason_code == "not-a-number"  # type: ignore[comparison-overlap]
    assert "state.reason_code" in caplog.text


def test_strict_mode_raises_with_the_raw_body() -> None:
    client, _ = client_with(json_response({"jobs": "nope"}), strict=True)
    with pytest.raises(ResponseValidationError) as caught:
        client.jobs.list()
    assert caught.value.raw_body == b'{"jobs":"nope"}'


def test_a_connection_failure_is_an_api_connection_error_without_secrets() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    client, _ = client_with(refuse)
    with pytest.raises(APIConnectionError) as caught:
        client.jobs.list()
    assert "secret-key" not in str(caught.value)


def test_no_credentials_fails_at_construction_naming_the_variables(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("QISKIT_IBM_TOKEN", raising=False)
    with pytest.raises(ValueError, match="QISKIT_IBM_TOKEN") as caught:
        Client()
    assert "QISKIT_IBM_INSTANCE" in str(caught.value)


def test_environment_variables_configure_the_client(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QISKIT_IBM_TOKEN", "env-key")
    monkeypatch.setenv("QISKIT_IBM_INSTANCE", "env-crn")
    monkeypatch.setenv("QISKIT_RUNTIME_API_URL", "http://127.0.0.1:9/api")
    client = Client()
    assert client.base_url == "http://127.0.0.1:9/api"
    assert "env-key" not in repr(client) and "env-key" not in repr(client._settings)


def test_region_selects_the_server() -> None:
    assert (
        Client(api_key="k", service_crn="c", region="eu-de").base_url
        == "https://eu-de.quantum.cloud.ibm.com/api"
    )
    with pytest.raises(ValueError, match="eu-de"):
        Client(api_key="k", service_crn="c", region="mars")


def test_operations_table_names_a_method_of_both_clients() -> None:
    sync_client = Client(api_key="k", service_crn="c")
    async_client = AsyncClient(api_key="k", service_crn="c")
    for info in OPERATIONS.values():
        assert callable(getattr(getattr(sync_client, info.resource), info.name))
        assert callable(getattr(getattr(async_client, info.resource), info.name))
    assert OPERATIONS["get_jog_logs_jid"].path == "/v1/jobs/{id}/logs"


def test_the_public_surface_is_declared() -> None:
    exported = set(qiskit_runtime_api.__all__)
    assert {
        "Client",
        "AsyncClient",
        "OPERATIONS",
        "APIError",
        "APIStatusError",
        "models",
    } <= exported
    assert all(hasattr(qiskit_runtime_api, name) for name in exported)


def test_async_client_sends_the_same_request() -> None:
    import asyncio

    seen: list[httpx.Request] = []

    async def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=JOB)

    async def call() -> models.JobResponse:
        http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
        async with AsyncClient(
            api_key="k", auth="apikey", service_crn=CRN, http_client=http
        ) as client:
            return await client.jobs.get("j1")

    job = asyncio.run(call())
    assert job.id == "j1"
    assert seen[0].headers["IBM-API-Version"] == "2026-02-01"


def test_importing_the_package_defers_models_and_resources() -> None:
    import os
    import subprocess
    import sys

    from .conftest import ROOT

    code = (
        "import sys, qiskit_runtime_api as q; "
        "print(sorted(m for m in sys.modules if m.startswith('qiskit_runtime_api.'))); "
        "print('pydantic.main' in sys.modules); "
        "q.Client(token='t', service_crn='c').jobs; print('qiskit_runtime_api.models' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT / "generated")},
    )
    loaded, pydantic_main, models_after_use = done.stdout.splitlines()
    assert "models" not in loaded and "resources" not in loaded and "_parsing" not in loaded
    assert pydantic_main == "False"
    assert models_after_use == "True"


def test_a_large_body_is_validated_with_the_collector_paused_then_resumed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from qiskit_runtime_api import _parsing

    seen: list[tuple[int, bool]] = []
    validator = _parsing._validator

    class Spy:
        def __init__(self, target: object) -> None:
            self.inner = validator(target)

        def validate_json(self, data: bytes) -> object:
            seen.append((len(data), gc.isenabled()))
            return self.inner.validate_json(data)

    monkeypatch.setattr(_parsing, "_validator", Spy)
    many = [
        {**JOB, "id": f"j{n}", "created": "2026-11-24T00:00:00Z", "cost": 7} for n in range(2000)
    ]
    large = {"jobs": many, "count": 2000, "offset": 0, "limit": 200}
    small = {"jobs": many[:2], "count": 2, "offset": 0, "limit": 200}
    for body in (small, large):
        client, _ = client_with(json_response(body))
        page = client.jobs.list()
        assert page.jobs is not None and len(page.jobs) == len(body["jobs"])  # type: ignore[arg-type]
    assert [enabled for _, enabled in seen] == [True, False]
    assert seen[1][0] >= _parsing.PAUSE_COLLECTOR_BYTES > seen[0][0]
    assert gc.isenabled()

    broken = {**large, "limit": "many"}
    client, _ = client_with(json_response(broken), strict=True)
    with pytest.raises(ResponseValidationError):
        client.jobs.list()
    assert gc.isenabled(), "a failed validation resumes the collector too"

    gc.disable()
    try:
        client, _ = client_with(json_response(large))
        client.jobs.list()
        assert not gc.isenabled(), "a collector turned off elsewhere stays off"
    finally:
        gc.enable()


def test_an_authenticator_that_makes_its_headers_is_asked_on_every_attempt() -> None:
    """The sync path takes fixed credentials (a key, a bearer token) without asking the
    authenticator; one that overrides ``headers_sync`` (an exchange) is still asked."""
    from qiskit_runtime_api._clock import Clock
    from qiskit_runtime_api._credentials import AuthCall, Authenticator

    asked: list[str | None] = []

    class Rotating(Authenticator):
        def headers_sync(
            self, http: httpx.Client, clock: Clock, stale: str | None, call: AuthCall
        ) -> dict[str, str]:
            asked.append(stale)
            return {"Authorization": f"Bearer t{len(asked)}"}

    answers = iter(
        [httpx.Response(503, headers={"Retry-After": "0"}), httpx.Response(200, json=JOB)]
    )
    client, seen = client_with(lambda request: next(answers), max_retries=1)
    client._auth = Rotating({})
    assert client._auth.fixed_headers() is None
    client.jobs.get("j1")
    assert asked == [None, None]
    assert [r.headers["Authorization"] for r in seen] == ["Bearer t1", "Bearer t2"]

    fixed, _ = client_with(json_response(JOB))
    headers = fixed._auth.fixed_headers()
    assert headers == {"Authorization": "apikey secret-key", "Service-CRN": CRN}
    headers["Authorization"] = "changed"  # a copy: the next call sends the key again
    assert fixed._auth.fixed_headers() == {"Authorization": "apikey secret-key", "Service-CRN": CRN}
