"""Escape hatches, as the Stainless SDKs have them: per-call extras and limits,
``client.request()`` for an endpoint the spec lacks, ``with_options(base_url=,
http_client=)``, and the trace id of an answer; on httpx.MockTransport."""

from __future__ import annotations

import ast
import asyncio
import dataclasses
import inspect
import json
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from generator.emit.options import CALL_OPTIONS
from qiskit_runtime_api import (
    AsyncClient,
    Client,
    DeadlineExceededError,
    InternalServerError,
    InvalidRequestError,
    NotFoundError,
    ResponseTooLargeError,
    models,
    params,
)
from qiskit_runtime_api._base_client import CallOptions
from qiskit_runtime_api._endpoint import Endpoint, ResponseKind, prepare

from .fakes import FakeClock

ROOT = Path(__file__).resolve().parent.parent
CRN = "crn:v1:bluemix:public:quantum-computing:us-east:a/1::"
BASE = "https://quantum.cloud.ibm.com/api"
JOB = {"id": "j1", "status": "Completed", "state": {"status": "Completed"}}
Handler = Callable[[httpx.Request], httpx.Response]


def make_client(handler: Handler, **options: object) -> tuple[Client, list[httpx.Request]]:
    seen: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return handler(request)

    settings: dict[str, object] = {"token": "tok", **options}
    client = Client(
        service_crn=CRN,
        http_client=httpx.Client(transport=httpx.MockTransport(record)),
        **settings,  # type: ignore[arg-type]
    )
    client._clock = FakeClock()
    return client, seen


def answer(body: object, status: int = 200, **headers: str) -> Handler:
    return lambda request: httpx.Response(status, json=body, headers=headers)


# -- the call options: one list, declared by every method, read by the runtime


def _runtime_call_options() -> tuple[str, ...]:
    tree = ast.parse((ROOT / "templates" / "runtime" / "_call_options.py").read_text())
    found = next(
        node for node in tree.body if isinstance(node, ast.ClassDef) and node.name == "CallOptions"
    )
    return tuple(
        f"{ast.unparse(field.target)}: {ast.unparse(field.annotation)} = {ast.unparse(field.value)}"
        for field in found.body
        if isinstance(field, ast.AnnAssign) and field.value is not None
    )


def test_the_generator_declares_exactly_the_runtime_call_options_in_order() -> None:
    assert _runtime_call_options() == tuple(a.declaration for a in CALL_OPTIONS)


def test_every_generated_method_takes_every_call_option() -> None:
    from qiskit_runtime_api.resources import jobs, sessions

    names = [f.name for f in dataclasses.fields(CallOptions)]
    assert {"extra_query", "extra_body", "deadline", "max_response_bytes"} <= set(names)
    for cls in (jobs.Jobs, jobs.AsyncJobs, sessions.Sessions):
        for name, method in inspect.getmembers(cls, inspect.isfunction):
            if name.startswith("_") or name == "wait":
                continue
            parameters = list(inspect.signature(method).parameters)
            assert parameters[-len(names) :] == names, f"{cls.__name__}.{name}"


# -- extra_query and extra_body


def test_extra_query_replaces_a_parameter_adds_new_ones_and_none_removes() -> None:
    client, seen = make_client(answer({"jobs": []}))
    client.jobs.list(limit=5, pending=True, extra_query={"limit": 7, "new": ["a", "b"]})
    client.jobs.list(limit=5, extra_query={"limit": None})
    assert seen[0].url.params.multi_items() == [
        ("pending", "true"),
        ("limit", "7"),
        ("new", "a"),
        ("new", "b"),
    ]
    assert "limit" not in seen[1].url.params


def test_extra_body_merges_over_a_model_body_and_sends_no_unset_fields() -> None:
    client, seen = make_client(answer({"id": "j1", "backend": "ibm_torino"}))
    body: params.JobRequestParam = {
        "program_id": "sampler",
        "backend": "ibm_torino",
        "params": models.SamplerV2Input(pubs=[["OPENQASM 3.0;"]]),
    }
    client.jobs.create(body=body, extra_body={"backend": "ibm_fez", "private": True})
    sent = json.loads(seen[0].content)
    assert sent == {
        "program_id": "sampler",
        "backend": "ibm_fez",
        "params": {"pubs": [["OPENQASM 3.0;"]]},
        "private": True,
    }
    assert seen[0].headers["Content-Type"].startswith("application/json")


def test_extra_body_is_the_whole_body_of_a_method_without_one() -> None:
    client, seen = make_client(lambda request: httpx.Response(204))
    client.jobs.cancel("j1", extra_body={"reason": "test"})
    assert json.loads(seen[0].content) == {"reason": "test"}


def test_extra_body_on_a_body_that_is_not_an_object_is_refused_before_sending() -> None:
    endpoint = Endpoint(
        "put_list", "PUT", "/v1/list", "application/json", {}, {"200": (ResponseKind.EMPTY, None)}
    )
    with pytest.raises(InvalidRequestError, match=r"JSON object body.*list"):
        prepare(endpoint, {}, ["a"], extra_body={"b": 1})
    with pytest.raises(InvalidRequestError, match="bytes"):
        prepare(endpoint, {}, b"raw", extra_body={"b": 1})


def test_extra_headers_query_and_body_reach_list_all_pages() -> None:
    client, seen = make_client(answer({"jobs": [], "count": 0}))
    list(client.jobs.list_all(extra_query={"trace": "1"}, extra_headers={"X-Test": "y"}))
    assert seen[0].url.params["trace"] == "1" and seen[0].headers["X-Test"] == "y"


# -- per-call limits


def test_max_response_bytes_per_call_bounds_this_call_only() -> None:
    client, _ = make_client(answer(JOB))
    with pytest.raises(ResponseTooLargeError) as caught:
        client.jobs.get("j1", max_response_bytes=10)
    assert caught.value.limit == 10
    assert client.jobs.get("j1").id == "j1"  # the client's limit (100 MiB) again


def test_deadline_per_call_bounds_this_call_only() -> None:
    clock = FakeClock()

    def slow(request: httpx.Request) -> httpx.Response:
        clock.advance(20)  # the answer comes 20 s after the request
        return httpx.Response(200, json=JOB)

    client, _ = make_client(slow)
    client._clock = clock
    with pytest.raises(DeadlineExceededError, match="deadline of 5 s"):
        client.jobs.get("j1", deadline=5)
    assert client.jobs.get("j1").id == "j1"  # the client's 1800 s


def test_call_options_refuse_a_limit_that_is_not_positive() -> None:
    client, seen = make_client(answer(JOB))
    with pytest.raises(ValueError, match="max_response_bytes"):
        client.jobs.get("j1", max_response_bytes=0)
    with pytest.raises(ValueError, match="deadline"):
        client.jobs.get("j1", deadline=-1)
    assert seen == []


# -- client.request()


def test_request_sends_with_the_client_credentials_and_reads_json() -> None:
    client, seen = make_client(answer({"ok": True}))
    value = client.request("get", "/v1/new_endpoint", params={"q": 1}, headers={"X-Extra": "1"})
    assert value == {"ok": True}
    request = seen[0]
    assert str(request.url) == f"{BASE}/v1/new_endpoint?q=1"
    assert request.method == "GET"
    assert request.headers["Authorization"] == "Bearer tok"
    assert request.headers["Service-CRN"] == CRN
    assert request.headers["X-Extra"] == "1"
    assert request.headers["IBM-API-Version"] == "2026-02-01"  # the client's api_version


def test_request_validates_as_cast_to_and_sends_a_json_body() -> None:
    client, seen = make_client(answer(JOB))
    job = client.request(
        "POST", "/v1/jobs/j1/copy", json={"tags": ["a"]}, cast_to=models.JobResponse
    )
    assert isinstance(job, models.JobResponse) and job.id == "j1"
    assert json.loads(seen[0].content) == {"tags": ["a"]}


def test_request_reads_text_and_empty_answers_by_their_content_type() -> None:
    replies = iter([httpx.Response(200, text="line 1\n"), httpx.Response(204)])
    client, _ = make_client(lambda request: next(replies))
    assert client.request("GET", "/v1/text") == "line 1\n"
    assert client.request("DELETE", "/v1/thing") is None


def test_request_retries_a_get_but_never_resends_an_answered_post() -> None:
    client, seen = make_client(answer({"errors": [{"message": "down"}]}, 503))
    with pytest.raises(InternalServerError):
        client.request("GET", "/v1/flaky")
    assert len(seen) == 3  # the client's max_retries=2
    seen.clear()
    with pytest.raises(InternalServerError):
        client.request("POST", "/v1/flaky", json={})
    assert len(seen) == 1


def test_request_raises_the_typed_error_without_secrets() -> None:
    secret = "bearer-token-0123456789"
    refusal = {"errors": [{"message": f"bad token {secret}"}], "trace": "t-1"}
    client, _ = make_client(answer(refusal, 404), token=secret)
    with pytest.raises(NotFoundError) as caught:
        client.request("GET", "/v1/missing")
    assert caught.value.trace == "t-1" and "bad token" in str(caught.value)
    assert secret not in str(caught.value) and secret not in json.dumps(caught.value.body)


@pytest.mark.parametrize(
    "path",
    [
        "https://evil.example/v1",
        "//evil.example/v1",
        "@evil.example/v1",
        ":8443/v1",
        "v1/jobs",
        "/v1/../../admin",
        "/./v1",
    ],
)
def test_request_refuses_a_path_that_could_leave_the_base_url(path: str) -> None:
    client, seen = make_client(answer({}))
    with pytest.raises(InvalidRequestError, match="nothing was sent"):
        client.request("GET", path)
    assert seen == []


def test_async_request_is_the_same_call() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=JOB)

    async def main() -> models.JobResponse:
        http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
        async with AsyncClient(token="tok", service_crn=CRN, http_client=http) as client:
            return await client.request("GET", "/v1/jobs/j1", cast_to=models.JobResponse)

    job = asyncio.run(main())
    assert job.id == "j1" and seen[0].headers["Authorization"] == "Bearer tok"


# -- with_options(base_url=, http_client=)


def test_with_options_changes_base_url_and_http_client_of_the_copy_only() -> None:
    client, seen = make_client(answer(JOB))
    other: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        other.append(request)
        return httpx.Response(200, json=JOB)

    http = httpx.Client(transport=httpx.MockTransport(record))
    copy = client.with_options(base_url="https://staging.example/api/", http_client=http)
    copy.jobs.get("j1")
    client.jobs.get("j1")
    assert [str(r.url) for r in other] == ["https://staging.example/api/v1/jobs/j1"]
    assert [str(r.url) for r in seen] == [f"{BASE}/v1/jobs/j1"]
    assert copy.base_url == "https://staging.example/api" and client.base_url == BASE
    copy.close()
    assert not http.is_closed  # the copy does not own the client it was given


# -- the trace id of an answer


def test_a_raw_response_gives_the_trace_id_of_the_answer() -> None:
    client, _ = make_client(answer(JOB, 200, **{"uber-trace-id": "abc:def:0:1"}))
    raw = client.jobs.with_raw_response.get("j1")
    assert raw.request_id == "abc:def:0:1" and raw.parsed.id == "j1"


def test_an_error_without_a_trace_in_its_body_takes_the_header_trace() -> None:
    client, _ = make_client(answer({"errors": []}, 404, **{"x-request-id": "req-9"}))
    with pytest.raises(NotFoundError) as caught:
        client.jobs.get("j1")
    assert caught.value.trace == "req-9" and "req-9" in str(caught.value)
