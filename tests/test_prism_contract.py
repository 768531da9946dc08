"""The generated client calls every operation of the seed against Prism.

Prism validates each request against the (overlaid) spec and answers 4xx to
a bad one, so a 2xx for every operation proves the client sends what the
spec asks: path, query, headers, credentials, API version and body. Prism
answers with the spec's examples, which are answers of the real service;
a strict client (``strict=True``) raises when one does not fit its models.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from pydantic import BaseModel

import qiskit_runtime_api
from generator.emit.models import models_document
from generator.ir.model import Api, Operation
from qiskit_runtime_api import OPERATIONS, AsyncClient, Client

from .fakes import FaultServer
from .samples import sample

# Slow: starts Prism (npm). In `make test`, not in `make test-fast`.
pytestmark = pytest.mark.slow

CRN = "crn:v1:bluemix:public:quantum-computing:us-east:a/1::"


@pytest.fixture
def credentials(fake_iam: FaultServer) -> dict[str, Any]:
    """An API key the local fake IAM exchanges for a bearer token, and the CRN."""
    return {"api_key": "good-key", "iam_url": fake_iam.url, "service_crn": CRN}


def _operations(api: Api) -> dict[str, Operation]:
    return {op.operation_id: op for r in api.resources for op in r.operations}


def _arguments(api: Api, operation_id: str) -> tuple[list[Any], dict[str, Any]]:
    op = _operations(api)[operation_id]
    root = models_document(api)
    positional = [sample(p.schema, root) for p in op.parameters if p.location == "path"]
    keywords = {
        p.python_name: sample(p.schema, root)
        for p in op.parameters
        if p.required and p.location != "path" and p.python_name != "api_version"
    }
    if op.body is not None:
        keywords["body"] = sample(op.body.schema, root)
    return positional, keywords


def _expected_type(api: Api, operation_id: str) -> type | None:
    op = _operations(api)[operation_id]
    success = [r for r in op.responses if r.status.startswith("2")]
    first = success[0]
    if not first.content:
        return type(None)
    content = first.content[0]
    if content.media_type.startswith("text/"):
        return str
    schema = content.schema or {}
    return BaseModel if "$ref" in schema else {"array": list}.get(schema.get("type", ""), dict)


def test_the_seed_has_thirty_operations() -> None:
    assert len(OPERATIONS) == 30


@pytest.mark.parametrize("operation_id", sorted(OPERATIONS))
def test_operation_gets_a_2xx_from_prism_and_a_strict_client_parses_the_answer(
    prism_url: str, seed_api: Api, credentials: dict[str, Any], operation_id: str
) -> None:
    info = OPERATIONS[operation_id]
    positional, keywords = _arguments(seed_api, operation_id)
    with Client(base_url=prism_url, strict=True, **credentials) as client:
        method = getattr(getattr(client, info.resource), info.name)
        result = method(*positional, **keywords)
    expected = _expected_type(seed_api, operation_id)
    assert expected is not None and isinstance(result, expected), (operation_id, type(result))


async def _call_async(
    prism_url: str, seed_api: Api, credentials: dict[str, Any], operation_id: str
) -> Any:
    info = OPERATIONS[operation_id]
    positional, keywords = _arguments(seed_api, operation_id)
    async with AsyncClient(base_url=prism_url, **credentials) as client:
        method = getattr(getattr(client, info.resource), info.name)
        return await method(*positional, **keywords)


@pytest.mark.parametrize(
    "operation_id", ["list_jobs", "create_job", "get_jog_logs_jid", "delete_job"]
)
def test_async_client_gets_a_2xx_from_prism(
    prism_url: str, seed_api: Api, credentials: dict[str, Any], operation_id: str
) -> None:
    result = asyncio.run(_call_async(prism_url, seed_api, credentials, operation_id))
    expected = _expected_type(seed_api, operation_id)
    assert expected is not None and isinstance(result, expected)


def test_logs_are_read_as_text_with_a_text_accept_header(
    prism_url: str, credentials: dict[str, Any]
) -> None:
    with Client(base_url=prism_url, **credentials) as client:
        logs = client.jobs.get_logs("job-1")
    assert isinstance(logs, str)


@pytest.mark.parametrize(
    ("code", "error_class"),
    [
        (400, qiskit_runtime_api.BadRequestError),
        (401, qiskit_runtime_api.AuthenticationError),
        (403, qiskit_runtime_api.PermissionDeniedError),
        (404, qiskit_runtime_api.NotFoundError),
        (409, qiskit_runtime_api.ConflictError),
    ],
)
def test_an_error_answer_raises_its_class_with_the_body_parsed(
    prism_url: str,
    credentials: dict[str, Any],
    seed_api: Api,
    code: int,
    error_class: type[qiskit_runtime_api.APIStatusError],
) -> None:
    _, keywords = _arguments(seed_api, "create_job")
    with (
        Client(base_url=prism_url, max_retries=0, **credentials) as client,
        pytest.raises(error_class) as caught,
    ):
        client.jobs.create(**keywords, extra_headers={"Prefer": f"code={code}"})
    error = caught.value
    assert type(error) is error_class and error.status_code == code
    assert isinstance(error.body, dict) and "errors" in error.body
    assert str(code) in str(error)


def test_list_all_walks_the_pages_of_jobs_and_workloads(
    prism_url: str, credentials: dict[str, Any]
) -> None:
    with Client(base_url=prism_url, **credentials) as client:
        jobs = list(client.jobs.list_all(page_size=10))
        workloads = list(client.workloads.list_all())
    assert jobs and all(isinstance(job, qiskit_runtime_api.models.JobResponse) for job in jobs)
    assert workloads


def test_wait_returns_a_job_in_a_final_status(prism_url: str, credentials: dict[str, Any]) -> None:
    with Client(base_url=prism_url, **credentials) as client:
        job = client.jobs.wait("job-1", max_wait=30)
    assert job.status in ("Completed", "Failed", "Cancelled", "Cancelled - Ran too long")


def test_raw_response_gives_status_headers_and_the_parsed_value(
    prism_url: str, credentials: dict[str, Any]
) -> None:
    async def call() -> qiskit_runtime_api.APIResponse[qiskit_runtime_api.models.JobResponse]:
        async with AsyncClient(base_url=prism_url, **credentials) as client:
            return await client.jobs.with_raw_response.get("job-1")

    with Client(base_url=prism_url, **credentials) as client:
        raw = client.jobs.with_raw_response.get("job-1")
    assert raw.status_code == 200 and raw.headers["content-type"].startswith("application/json")
    assert isinstance(raw.parsed, qiskit_runtime_api.models.JobResponse)
    assert raw.retries_taken == 0
    async_raw = asyncio.run(call())
    assert async_raw.status_code == 200 and async_raw.parsed.id == raw.parsed.id
