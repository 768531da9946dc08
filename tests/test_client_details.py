"""Small things a qiskit-ibm-runtime user meets in the generated client: closed
parameters typed as Literals, typed pages and wait errors, docstrings that read
as text, IAM's 400 documented, the retry rule of a job submission explained."""

from __future__ import annotations

import os
import subprocess
import sys
import typing
from pathlib import Path

import httpx
import pytest

from generator.emit.models import models_document
from generator.ir.model import Api
from qiskit_runtime_api import AuthenticationError, Client
from qiskit_runtime_api.resources.jobs import AsyncJobs, Jobs

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "generated"
CRN = "crn:v1:bluemix:public:quantum-computing:us-east:a/1::"


def test_jobs_list_sort_is_a_literal_of_the_two_values_the_spec_pattern_allows() -> None:
    for cls in (Jobs, AsyncJobs):
        hints = typing.get_type_hints(cls.list)
        assert hints["sort"] == typing.Literal["ASC", "DESC"] | None


def test_model_docstrings_have_their_html_entities_decoded() -> None:
    source = (GENERATED / "qiskit_runtime_api" / "models.py").read_text(encoding="utf-8")
    assert "&ast;" not in source and "&lt;" not in source and "&gt;" not in source
    assert "**Warning:** While this parameter is not currently required" in source


def test_decoding_touches_descriptions_only_not_the_values_a_schema_holds(
    seed_api: Api,
) -> None:
    document = models_document(seed_api)
    schemas = document["components"]["schemas"]
    texts = [repr(schema) for schema in schemas.values()]
    assert not any("&ast;" in text for text in texts)
    raw = {model.name: model.schema for model in seed_api.models}
    for name, schema in schemas.items():
        for key in ("default", "enum", "examples", "example"):
            assert schema.get(key) == raw[name].get(key)


def test_a_parameter_description_ends_its_sentence_before_the_client_default() -> None:
    doc = Jobs.get.__doc__ or ""
    assert "api_version: API version to use. Defaults to the client's api_version" in doc


def test_a_refused_iam_key_is_an_authentication_error_with_iam_400_as_documented() -> None:
    def iam_and_service(request: httpx.Request) -> httpx.Response:
        assert request.url.path == "/identity/token", "nothing reaches the service"
        # IBM Cloud IAM's answer to an unknown API key (as tests/fakes.py's iam_script).
        return httpx.Response(
            400,
            json={
                "errorCode": "BXNIM0415E",
                "errorMessage": "Provided API key could not be found.",
                "context": {"requestId": "iam-req-1"},
            },
        )

    http = httpx.Client(transport=httpx.MockTransport(iam_and_service))
    client = Client(api_key="wrong-api-key-0000", service_crn=CRN, http_client=http)
    with pytest.raises(AuthenticationError) as caught:
        client.jobs.get("j1")
    assert caught.value.status_code == 400
    assert caught.value.errors[0].code == "BXNIM0415E" and caught.value.trace == "iam-req-1"
    documented = AuthenticationError.__doc__ or ""
    assert "400" in documented and "token service answers 400" in documented


def test_the_readme_says_why_a_job_submission_is_not_resent_and_what_qiskit_does() -> None:
    text = " ".join((GENERATED / "README.md").read_text(encoding="utf-8").split())
    assert "a job is never submitted twice by a retry" in text
    # qiskit-ibm-runtime 0.51.0's qiskit_ibm_runtime/api/session.py: PostForcelistRetry
    # resends POST on STATUS_FORCELIST (500, 502, 503, 504, 520, 521, 522, 524).
    assert "qiskit-ibm-runtime (0.51.0) does otherwise" in text
    assert "500, 502, 503, 504, 520, 521, 522 and 524" in text
    assert "PostForcelistRetry" in text


TYPED = """
from qiskit_runtime_api import Client, WaitTimeoutError, models
from qiskit_runtime_api._pagination import SyncPager

client = Client(token="t")
pager = client.jobs.list_all()
reveal_type(pager)
for page in pager.iter_pages():
    reveal_type(page)
for job in pager:
    reveal_type(job)
error = WaitTimeoutError("timed out", client.jobs.get("j"))
reveal_type(error.last)
old_style: SyncPager[models.JobResponse] = pager
"""


def test_pager_pages_and_a_wait_timeouts_last_answer_are_typed_for_mypy(
    tmp_path: Path,
) -> None:
    script = tmp_path / "typed.py"
    script.write_text(TYPED, encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--cache-dir",
            str(tmp_path / "cache"),
            str(script),
        ],
        env={**os.environ, "MYPYPATH": str(GENERATED)},
        capture_output=True,
        text=True,
        timeout=600,
    )
    revealed = [
        line.split("Revealed type is ")[1]
        for line in done.stdout.splitlines()
        if "Revealed type is" in line
    ]
    assert revealed == [
        '"qiskit_runtime_api._pagination.SyncPager[qiskit_runtime_api.models.JobResponse, '
        'qiskit_runtime_api.models.JobsResponse]"',
        '"qiskit_runtime_api.models.JobsResponse"',
        '"qiskit_runtime_api.models.JobResponse"',
        '"qiskit_runtime_api.models.JobResponse"',
    ], done.stdout
    assert "error" not in done.stdout.replace("WaitTimeoutError", ""), done.stdout
