"""The generated client works on the oldest httpx and pydantic its pyproject.toml allows.

A fresh venv gets exactly the lower bounds (``tests/lowest.py``, wheels the
Makefile downloads into ``.venv/wheelhouse-lowest``; the install reads nothing
else) and runs the committed package against Prism: sync and async calls,
typed models parsed from the responses, a typed error.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from .conftest import ROOT
from .lowest import LOWEST_WHEELHOUSE, lowest_pins
from .package_index import install_into_new_venv

# Slow: installs the oldest httpx and pydantic into a fresh venv. In `make test`, not in `make test-fast`.
pytestmark = pytest.mark.slow

_CALLS = """
import asyncio, importlib.metadata, json, sys, typing
import qiskit_runtime_api
from qiskit_runtime_api import AsyncClient, Client, NotFoundError, models, params

options = dict(token="test-token", service_crn="crn:v1:test", base_url=sys.argv[1])
with Client(**options) as client:
    versions = client.versions.list()
    jobs = client.jobs.list(limit=5)
    try:
        client.jobs.get("nope", extra_headers={"Prefer": "code=404"})
    except NotFoundError as error:
        missing = error.status_code

async def main():
    async with AsyncClient(**options) as client:
        return await client.jobs.list(limit=5)

async_jobs = asyncio.run(main())
print(json.dumps({
    "file": qiskit_runtime_api.__file__,
    "versions": {
        n: importlib.metadata.version(n) for n in ("httpx", "pydantic", "typing-extensions")
    },
    "required": sorted(params.JobRequestParam.__required_keys__),
    "hinted": sorted(typing.get_type_hints(params.JobRequestParam)),
    "types": [type(versions).__name__, type(jobs).__name__, type(async_jobs).__name__],
    "job": type(jobs.jobs[0]).__name__ if jobs.jobs else None,
    "missing": missing,
}))
"""


def test_the_client_runs_on_the_lowest_httpx_and_pydantic_it_allows(
    tmp_path: Path, prism_url: str
) -> None:
    pins = lowest_pins()
    if not any(LOWEST_WHEELHOUSE.glob("pydantic-*.whl")):
        pytest.fail(f"{LOWEST_WHEELHOUSE} holds no wheels: run `make test`")
    venv = tmp_path / "venv"
    install_into_new_venv(venv, "--no-index", "--find-links", str(LOWEST_WHEELHOUSE), *pins)
    python = str(venv / "bin" / "python")
    called = subprocess.run(
        [python, "-c", _CALLS, prism_url],
        cwd=tmp_path,
        env={"PATH": os.environ["PATH"], "PYTHONPATH": str(ROOT / "generated")},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert called.returncode == 0, called.stderr
    facts = json.loads(called.stdout)
    assert facts["file"].startswith(str(ROOT / "generated"))
    wanted = dict(pin.split("==") for pin in pins)
    assert facts["versions"] == {
        name: version + ".0" if version.count(".") == 1 else version
        for name, version in wanted.items()
    }
    assert facts["types"] == ["VersionResponse", "JobsResponse", "JobsResponse"]
    assert facts["required"] == ["backend", "program_id"]  # typing_extensions' TypedDict
    assert "params" in facts["hinted"]
    assert facts["job"] == "JobResponse"
    assert facts["missing"] == 404
