"""Dict bodies are typed: ``mypy --strict`` checks a dict literal against the body's TypedDict.

A user script (sync and async, with and without ``from __future__ import
annotations``) is checked in one mypy run over the committed client; every line
that must be an error carries ``# error: <what>``, and no other line may be one.
The wire test sends a ``params.CreateJobRequestParam`` through ``httpx.MockTransport``.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from qiskit_runtime_api import AsyncClient, models, params

from .conftest import ROOT
from .test_client_runtime import CRN, client_with
from .test_request_bodies import BELL, created

GENERATED = ROOT / "generated"

USER_SCRIPT = """\
from qiskit_runtime_api import AsyncClient, Client, models, params

QASM = "OPENQASM 3.0; qubit[1] q; bit[1] c; c[0] = measure q[0];"


def sync_calls(client: Client) -> None:
    client.jobs.create(body={"program_id": "sampler", "backnd": "ibm_torino"})  # error: misspelt key
    client.jobs.create(body={"program_id": "sampler"})  # error: missing required key
    client.jobs.create(body={"program_id": "sampler", "backend": "ibm_torino", "log_level": "verbose"})  # error: not an enum value
    client.jobs.create(body={"program_id": "sampler", "backend": "ibm_torino", "params": {"pubs": [[QASM]], "shots": "100"}})  # error: nested value of the wrong type
    client.jobs.create(body={"program_id": "sampler", "backend": "ibm_torino", "params": {"pubs": [[QASM]], "shotz": 100}})  # error: nested misspelt key
    client.sessions.update("s1", body={"accepting_jobz": False})  # error: misspelt key
    client.jobs.create(body={"program_id": "sampler", "backend": "ibm_torino"})
    client.jobs.create(body={"program_id": "sampler", "backend": "ibm_torino", "log_level": "info", "params": {"pubs": [[QASM]], "shots": 100, "options": {"default_shots": 10}}})
    client.jobs.create(body={"program_id": "estimator", "backend": "ibm_torino", "params": {"pubs": [[QASM, "ZZ"]], "resilience_level": 1}})
    client.jobs.create(body={"program_id": "sampler", "backend": "ibm_torino", "params": models.SamplerV2Input(pubs=[[QASM]])})
    client.jobs.create(body=models.JobRequest(program_id="sampler", backend="ibm_torino"))
    body: params.CreateJobRequestParam = {"program_id": "sampler", "backend": "ibm_torino"}
    client.jobs.create(body=body)
    client.sessions.update("s1", body={"accepting_jobs": False})
    client.sessions.create(body={"mode": "batch", "max_ttl": 600})


async def async_calls(client: AsyncClient) -> None:
    await client.jobs.create(body={"program_id": "sampler", "backnd": "ibm_torino"})  # error: misspelt key
    await client.jobs.create(body={"backend": "ibm_torino"})  # error: missing required key
    await client.jobs.create(body={"program_id": "sampler", "backend": "ibm_torino", "params": {"pubs": [[QASM]]}})
"""

FUTURE = "from __future__ import annotations\n\n"


def run_mypy_strict(
    cwd: Path, *targets: str, path: Path = GENERATED
) -> subprocess.CompletedProcess[str]:
    """``mypy --strict`` over ``targets`` in ``cwd``, finding packages in ``path``."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--cache-dir",
            str(cwd / ".mypy_cache"),
            *targets,
        ],
        cwd=cwd,
        env={**os.environ, "MYPYPATH": str(path)},
        capture_output=True,
        text=True,
        timeout=600,
    )


def _expected(script: str) -> dict[int, str]:
    return {
        number: line.split("# error: ")[1]
        for number, line in enumerate(script.splitlines(), start=1)
        if "# error: " in line
    }


@pytest.fixture(scope="module")
def mypy_errors(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[int]]:
    """File name -> the lines mypy --strict reports an error on (one run, both scripts)."""
    folder = tmp_path_factory.mktemp("typed_bodies")
    (folder / "plain_script.py").write_text(USER_SCRIPT, encoding="utf-8")
    (folder / "future_script.py").write_text(FUTURE + USER_SCRIPT, encoding="utf-8")
    done = run_mypy_strict(folder, "plain_script.py", "future_script.py")
    assert "qiskit_runtime_api" not in done.stdout, done.stdout  # the client itself is clean
    found: dict[str, set[int]] = {"plain_script.py": set(), "future_script.py": set()}
    for match in re.finditer(r"^(\w+\.py):(\d+): error:", done.stdout, re.MULTILINE):
        found[match[1]].add(int(match[2]))
    assert done.returncode == (1 if any(found.values()) else 0), done.stdout + done.stderr
    return found


def _lines(script: str, what: str) -> set[int]:
    return {n for n, text in _expected(script).items() if text == what}


@pytest.mark.parametrize(
    "name, script", [("plain_script.py", USER_SCRIPT), ("future_script.py", FUTURE + USER_SCRIPT)]
)
def test_mypy_flags_a_misspelt_key_in_a_dict_body_sync_and_async(
    mypy_errors: dict[str, set[int]], name: str, script: str
) -> None:
    misspelt = _lines(script, "misspelt key")
    assert len(misspelt) == 3
    assert misspelt <= mypy_errors[name]


@pytest.mark.parametrize(
    "name, script", [("plain_script.py", USER_SCRIPT), ("future_script.py", FUTURE + USER_SCRIPT)]
)
def test_mypy_flags_a_missing_required_key_and_wrong_nested_values(
    mypy_errors: dict[str, set[int]], name: str, script: str
) -> None:
    wrong = {
        n
        for what in (
            "missing required key",
            "not an enum value",
            "nested value of the wrong type",
            "nested misspelt key",
        )
        for n in _lines(script, what)
    }
    assert len(wrong) == 5
    assert wrong <= mypy_errors[name]


@pytest.mark.parametrize(
    "name, script", [("plain_script.py", USER_SCRIPT), ("future_script.py", FUTURE + USER_SCRIPT)]
)
def test_correct_dict_bodies_and_models_inside_them_type_check_clean(
    mypy_errors: dict[str, set[int]], name: str, script: str
) -> None:
    assert mypy_errors[name] == set(_expected(script))


def test_a_typed_dict_body_is_sent_exactly_as_given_with_nested_models_unset_excluded() -> None:
    client, seen = client_with(created)
    options: params.SamplerV2InputOptionsParam = {"default_shots": 10}
    body: params.CreateJobRequestParam = {
        "program_id": "sampler",
        "backend": "ibm_torino",
        "params": {
            "pubs": [[BELL]],
            "options": options,
            "version": 2,
        },
    }
    client.jobs.create(body=body)
    nested: params.JobRequestParam = {
        "program_id": "estimator",
        "backend": "ibm_torino",
        "params": models.EstimatorV2Input(pubs=[[BELL, "ZZ"]], resilience_level=1),
    }
    client.jobs.create(body=nested)
    assert (
        seen[0].content
        == json.dumps(
            {
                "program_id": "sampler",
                "backend": "ibm_torino",
                "params": {"pubs": [[BELL]], "options": {"default_shots": 10}, "version": 2},
            },
            separators=(",", ":"),
        ).encode()
    )
    assert (
        seen[1].content
        == json.dumps(
            {
                "program_id": "estimator",
                "backend": "ibm_torino",
                "params": {"pubs": [[BELL, "ZZ"]], "resilience_level": 1},
            },
            separators=(",", ":"),
        ).encode()
    )
    assert seen[0].headers["Content-Type"] == "application/json"


def test_an_async_client_sends_a_typed_dict_body_as_the_sync_one_does() -> None:
    seen: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    body: params.UpdateSessionRequestParam = {"accepting_jobs": False}

    async def run() -> None:
        http = httpx.AsyncClient(transport=httpx.MockTransport(record))
        async with AsyncClient(
            api_key="secret-key", auth="apikey", service_crn=CRN, http_client=http
        ) as client:
            await client.sessions.update("s1", body=body)

    asyncio.run(run())
    assert seen[0].method == "PATCH"
    assert seen[0].content == b'{"accepting_jobs":false}'


def test_the_params_module_is_exported_and_its_required_keys_are_the_schemas() -> None:
    import qiskit_runtime_api

    assert qiskit_runtime_api.params is params
    assert "params" in qiskit_runtime_api.__all__
    assert params.JobRequestParam.__required_keys__ == {"program_id", "backend"}
    assert "params" in params.JobRequestParam.__optional_keys__
    assert params.SamplerV2InputParam.__required_keys__ == {"pubs"}
    assert set(params.CreateJobRequestParam.__args__) == {
        params.JobRequestParam,
        params.ChannelPartnerJobRequestParam,
    }


def test_the_job_create_readme_example_is_a_dict_literal_that_type_checks(tmp_path: Path) -> None:
    readme = (GENERATED / "README.md").read_text(encoding="utf-8")
    block = next(
        b for b in re.findall(r"```python\n(.*?)```", readme, re.DOTALL) if "jobs.create(" in b
    )
    assert "body={" in block
    (tmp_path / "readme_example.py").write_text(block, encoding="utf-8")
    done = run_mypy_strict(tmp_path, "readme_example.py")
    assert done.returncode == 0, done.stdout
    misspelt = block.replace('"backend"', '"backnd"', 1)
    (tmp_path / "misspelt_example.py").write_text(misspelt, encoding="utf-8")
    done = run_mypy_strict(tmp_path, "misspelt_example.py")
    assert done.returncode == 1 and "misspelt_example.py" in done.stdout, done.stdout
