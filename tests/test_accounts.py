"""Accounts as qiskit-ibm-runtime keeps them: its saved-accounts file and its variables.

The files in tests/data/qiskit_accounts were written by qiskit-ibm-runtime 0.51.0's
own ``save_config`` (see the README there). No test reaches IBM Cloud: requests go
to ``httpx.MockTransport`` or to local fakes.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import httpx
import pytest

from qiskit_runtime_api import Client

from .conftest import ROOT
from .fakes import iam_script, json_reply, serve

ACCOUNTS = ROOT / "tests" / "data" / "qiskit_accounts"
US_EAST = "crn:v1:bluemix:public:quantum-computing:us-east:a/0123::"
EU_DE = "crn:v1:bluemix:public:quantum-computing:eu-de:a/4567::"
JOB = {"id": "j1", "status": "Completed", "state": {"status": "Completed"}, "program": {"id": "p"}}


def sent_by(client_factory: type[Client], **options: Any) -> httpx.Request:
    """The request ``jobs.get`` sends, with the API key sent as is (no IAM exchange)."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=JOB)

    http = httpx.Client(transport=httpx.MockTransport(handler))
    with client_factory.from_saved_account(auth="apikey", http_client=http, **options) as client:
        client.jobs.get("j1")
    return seen[0]


def test_from_saved_account_takes_the_default_platform_account() -> None:
    request = sent_by(Client, filename=str(ACCOUNTS / "qiskit-ibm.json"))
    assert request.url.host == "quantum.cloud.ibm.com"
    assert request.url.path == "/api/v1/jobs/j1"
    assert request.headers["authorization"] == "apikey saved-key-us"
    assert request.headers["service-crn"] == US_EAST


def test_from_saved_account_by_name_calls_the_region_of_its_crn() -> None:
    request = sent_by(Client, name="eu", filename=str(ACCOUNTS / "qiskit-ibm.json"))
    assert request.url.host == "eu-de.quantum.cloud.ibm.com"
    assert request.headers["authorization"] == "apikey saved-key-eu"
    assert request.headers["service-crn"] == EU_DE


def test_from_saved_account_prefers_the_account_marked_default() -> None:
    request = sent_by(Client, filename=str(ACCOUNTS / "qiskit-ibm-default-marked.json"))
    assert request.headers["service-crn"] == EU_DE


def test_from_saved_account_follows_the_channel_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QISKIT_IBM_CHANNEL", "ibm_cloud")
    request = sent_by(Client, filename=str(ACCOUNTS / "qiskit-ibm.json"))
    assert request.headers["service-crn"] == EU_DE


def test_from_saved_account_reads_the_home_file_by_default(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / ".qiskit").mkdir()
    shutil.copy(ACCOUNTS / "qiskit-ibm.json", tmp_path / ".qiskit" / "qiskit-ibm.json")
    monkeypatch.setenv("HOME", str(tmp_path))
    request = sent_by(Client)
    assert request.headers["authorization"] == "apikey saved-key-us"


def test_from_saved_account_arguments_win_over_the_account() -> None:
    request = sent_by(
        Client,
        name="eu",
        filename=str(ACCOUNTS / "qiskit-ibm.json"),
        base_url="http://127.0.0.1:9/api",
    )
    assert request.url.host == "127.0.0.1"
    assert request.headers["service-crn"] == EU_DE


def test_from_saved_account_names_a_missing_account() -> None:
    with pytest.raises(ValueError, match="no account named 'nope'"):
        Client.from_saved_account(name="nope", filename=str(ACCOUNTS / "qiskit-ibm.json"))
    with pytest.raises(ValueError, match="no saved-accounts file"):
        Client.from_saved_account(filename=str(ACCOUNTS / "absent.json"))


def test_from_saved_account_refuses_an_account_of_another_channel(tmp_path: Path) -> None:
    path = tmp_path / "accounts.json"
    path.write_text('{"old": {"channel": "ibm_quantum", "token": "t"}}', encoding="utf-8")
    with pytest.raises(ValueError, match="ibm_quantum"):
        Client.from_saved_account(name="old", filename=str(path))


def test_qiskit_ibm_url_gives_the_regional_service_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QISKIT_IBM_URL", "https://test.cloud.ibm.com")
    client = Client(api_key="k", service_crn=EU_DE)
    assert client.base_url == "https://eu-de.quantum.test.cloud.ibm.com/api"
    monkeypatch.setenv("QISKIT_RUNTIME_API_URL", "http://127.0.0.1:9/api")
    assert Client(api_key="k", service_crn=EU_DE).base_url == "http://127.0.0.1:9/api"
    assert Client(api_key="k", service_crn=EU_DE, region="us-east").base_url == (
        "http://127.0.0.1:9/api"
    )


def test_a_staging_crn_exchanges_its_key_at_iams_test_host(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("QISKIT_RUNTIME_API_IAM_URL")  # the tests' closed port
    staging = "crn:v1:staging:public:quantum-computing:us-east:a/1::"
    client = Client(api_key="k", service_crn=staging, base_url="http://127.0.0.1:9")
    assert client._auth.iam_url == "https://iam.test.cloud.ibm.com"  # type: ignore[attr-defined]


def test_an_unrelated_iam_url_variable_does_not_redirect_the_key(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with (
        serve(iam_script()) as iam,
        serve(iam_script()) as stranger,
        serve(lambda request: json_reply(JOB)) as service,
    ):
        monkeypatch.setenv("IAM_URL", stranger.url)
        monkeypatch.setenv("QISKIT_RUNTIME_API_IAM_URL", iam.url)
        Client(api_key="good-key", service_crn=US_EAST, base_url=service.url).jobs.get("j1")
    assert stranger.requests() == []
    assert len(iam.requests("POST", "/identity/token")) == 1


def test_a_key_without_an_instance_fails_at_construction_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with pytest.raises(ValueError, match="service_crn= or set QISKIT_IBM_INSTANCE"):
        Client(api_key="k")
    monkeypatch.setenv("QISKIT_IBM_TOKEN", "env-key")
    with pytest.raises(ValueError, match="QISKIT_IBM_INSTANCE") as caught:
        Client()
    assert "env-key" not in str(caught.value)
    with pytest.raises(ValueError, match="QISKIT_IBM_INSTANCE"):
        Client(token="t")


def test_an_explicit_token_wins_over_a_key_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("QISKIT_IBM_TOKEN", "env-key")
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=JOB)

    http = httpx.Client(transport=httpx.MockTransport(handler))
    Client(token="tok", service_crn=US_EAST, base_url="http://test", http_client=http).jobs.get(
        "j1"
    )
    assert seen[0].headers["authorization"] == "Bearer tok"
