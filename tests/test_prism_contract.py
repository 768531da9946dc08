"""The generated client calls every operation of the seed against Prism.

Prism validates each request against the (overlaid) spec and answers 4xx to
a bad one, so a 2xx for every operation proves the client sends what the
spec asks: path, query, headers, credentials, API version and body.
"""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel

import qiskit_runtime_api
from generator.ir import Api, Operation
from generator.models import models_document
from qiskit_runtime_api import OPERATIONS, AsyncClient, Client

from .samples import sample

CREDENTIALS = {
    "api_key": "test-api-key",
    "service_crn": "crn:v1:bluemix:public:quantum-computing:us-east:a/1::",
}


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
def test_operation_gets_a_2xx_from_prism(prism_url: str, seed_api: Api, operation_id: str) -> None:
    info = OPERATIONS[operation_id]
    positional, keywords = _arguments(seed_api, operation_id)
    with Client(base_url=prism_url, **CREDENTIALS) as client:
        method = getattr(getattr(client, info.resource), info.name)
        result = method(*positional, **keywords)
    expected = _expected_type(seed_api, operation_id)
    assert expected is not None and isinstance(result, expected), (operation_id, type(result))


async def _call_async(prism_url: str, seed_api: Api, operation_id: str) -> Any:
    info = OPERATIONS[operation_id]
    positional, keywords = _arguments(seed_api, operation_id)
    async with AsyncClient(base_url=prism_url, **CREDENTIALS) as client:
        method = getattr(getattr(client, info.resource), info.name)
        return await method(*positional, **keywords)


@pytest.mark.parametrize(
    "operation_id", ["list_jobs", "create_job", "get_jog_logs_jid", "delete_job"]
)
def test_async_client_gets_a_2xx_from_prism(
    prism_url: str, seed_api: Api, operation_id: str
) -> None:
    import asyncio

    result = asyncio.run(_call_async(prism_url, seed_api, operation_id))
    expected = _expected_type(seed_api, operation_id)
    assert expected is not None and isinstance(result, expected)


def test_missing_service_crn_is_refused_by_prism(prism_url: str) -> None:
    with (
        Client(base_url=prism_url, api_key="k") as client,
        pytest.raises(qiskit_runtime_api.AuthenticationError) as caught,
    ):
        client.jobs.list()
    assert caught.value.status_code == 401


def test_logs_are_read_as_text_with_a_text_accept_header(prism_url: str) -> None:
    with Client(base_url=prism_url, **CREDENTIALS) as client:
        logs = client.jobs.get_logs("job-1")
    assert isinstance(logs, str)
