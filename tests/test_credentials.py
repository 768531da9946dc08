"""A client for another API authenticates as that API's ``securitySchemes`` say.

Tiny specs are generated in-process: their clients import, pass ``mypy --strict``,
name their own API and variables and no word of the Qiskit Runtime API, and send
each kind of credential (apiKey in a header, query or cookie, HTTP bearer and
basic) where it belongs, seen through ``httpx.MockTransport``.
"""

from __future__ import annotations

import base64
import importlib
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from generator.diagnostics import GeneratorError
from generator.emit.write import write_tree
from generator.pipeline import Options, Run, generate_files

# Words of the Qiskit Runtime API that no other client may carry.
FOREIGN = re.compile(r"ibm|qiskit|(?<![a-z])iam(?![a-z])|service-crn", re.IGNORECASE)


def _operation(security: list[dict[str, list[str]]] | None = None) -> dict[str, Any]:
    operation: dict[str, Any] = {
        "operationId": "list_things",
        "tags": ["things"],
        "responses": {
            "200": {
                "description": "ok",
                "content": {"application/json": {"schema": {"type": "object"}}},
            }
        },
    }
    if security is not None:
        operation["security"] = security
    return operation


def _spec(schemes: dict[str, Any], security: list[dict[str, list[str]]]) -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "Things API", "version": "1.2.0"},
        "servers": [{"url": "https://things.example/api"}],
        "security": security,
        "paths": {"/things": {"get": _operation()}},
        "components": {"securitySchemes": schemes},
    }


SPECS: dict[str, dict[str, Any]] = {
    "things": _spec(
        {"ThingsKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"}},
        [{"ThingsKey": []}],
    ),
    "anything": {
        "openapi": "3.0.3",
        "info": {"title": "Anything API", "version": "1.0.0"},
        "paths": {
            "/any": {
                "get": {
                    "operationId": "get_any",
                    "responses": {
                        "200": {
                            "description": "any JSON",
                            "content": {"application/json": {"schema": {}}},
                        }
                    },
                }
            }
        },
    },
    "every_kind": _spec(
        {
            "HeaderKey": {"type": "apiKey", "in": "header", "name": "X-Key"},
            "QueryKey": {"type": "apiKey", "in": "query", "name": "key"},
            "CookieKey": {"type": "apiKey", "in": "cookie", "name": "session"},
            "Bearer": {"type": "http", "scheme": "bearer"},
            "Basic": {"type": "http", "scheme": "basic"},
        },
        [{"HeaderKey": []}, {"QueryKey": []}, {"CookieKey": []}, {"Bearer": []}, {"Basic": []}],
    ),
}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("credentials")
    for package, spec in SPECS.items():
        path = root / f"{package}.json"
        path.write_text(json.dumps(spec), encoding="utf-8")
        options = Options(spec=path, overlays=None, out=root / package, package=package)
        _, files = generate_files(options, Run())
        write_tree(root / package, files, "credentials")
    sys.path[:0] = [str(root / p) for p in SPECS]
    yield root
    for p in SPECS:
        sys.path.remove(str(root / p))


def client_module(package: str) -> ModuleType:
    return importlib.import_module(package)


def recorded(client_class: Any, **arguments: Any) -> httpx.Request:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={})

    http = httpx.Client(transport=httpx.MockTransport(handler))
    with client_class(http_client=http, **arguments) as client:
        client.things.list_things()
    return seen[0]


def test_other_clients_carry_no_word_of_the_qiskit_runtime_api(generated: Path) -> None:
    for package in SPECS:
        for path in sorted((generated / package).rglob("*")):
            if path.is_file() and path.suffix in (".py", ".md", ".toml", ".txt", ""):
                found = FOREIGN.findall(path.read_text(encoding="utf-8"))
                assert not found, f"{path.relative_to(generated)}: {sorted(set(found))}"


def _mypy_strict(generated: Path, packages: list[str]) -> subprocess.CompletedProcess[str]:
    for package in packages:
        assert client_module(package).Client
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", *packages],
        cwd=generated,
        env={"MYPYPATH": ":".join(str(generated / p) for p in packages), "PATH": ""},
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_other_clients_import_and_pass_mypy_strict(generated: Path) -> None:
    done = _mypy_strict(generated, ["things", "every_kind"])
    assert done.returncode == 0, done.stdout[-3000:]


def test_a_client_of_an_any_response_imports_and_passes_mypy_strict(generated: Path) -> None:
    done = _mypy_strict(generated, ["anything"])
    assert done.returncode == 0, done.stdout[-3000:]


def test_an_api_key_header_client_names_its_own_variable(
    generated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    things = client_module("things")
    with pytest.raises(ValueError, match="THINGS_API_KEY"):
        things.Client()
    monkeypatch.setenv("THINGS_API_KEY", "env-key")
    request = recorded(things.Client)
    assert request.url == "https://things.example/api/things"
    assert request.headers["x-api-key"] == "env-key"
    assert request.headers["user-agent"].startswith("things/")
    readme = (generated / "things" / "README.md").read_text(encoding="utf-8")
    assert "`THINGS_API_KEY`" in readme and "client.things.list_things()" in readme


def test_a_client_without_security_takes_no_credentials(generated: Path) -> None:
    anything = client_module("anything")
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=[1])

    http = httpx.Client(transport=httpx.MockTransport(handler))
    with anything.Client(base_url="http://test", http_client=http) as client:
        assert client.default.get_any() == [1]
    assert "authorization" not in seen[0].headers


@pytest.mark.parametrize(
    ("arguments", "where", "expected"),
    [
        ({"header_key": "h"}, "header", ("x-key", "h")),
        ({"query_key": "q"}, "query", ("key", "q")),
        ({"cookie_key": "c"}, "header", ("cookie", "session=c")),
        ({"token": "t"}, "header", ("authorization", "Bearer t")),
        (
            {"username": "ann", "password": "pw"},
            "header",
            ("authorization", "Basic " + base64.b64encode(b"ann:pw").decode()),
        ),
    ],
    ids=["apikey-header", "apikey-query", "apikey-cookie", "bearer", "basic"],
)
def test_each_kind_of_credential_is_sent_where_its_scheme_says(
    generated: Path, arguments: dict[str, str], where: str, expected: tuple[str, str]
) -> None:
    request = recorded(client_module("every_kind").Client, **arguments)
    name, value = expected
    if where == "query":
        assert request.url.params[name] == value
    else:
        assert request.headers[name] == value


def test_a_query_key_is_redacted_from_logged_urls(generated: Path) -> None:
    client = client_module("every_kind").Client(query_key="secret-q")
    shown = client._auth.shown(httpx.URL("https://things.example/api/things?key=secret-q&a=1"))
    assert "secret-q" not in str(shown) and shown.params["a"] == "1"


def test_basic_needs_both_its_values(generated: Path) -> None:
    with pytest.raises(ValueError, match="password="):
        client_module("every_kind").Client(username="ann")


def test_an_unknown_exchange_is_an_error_at_its_pointer(tmp_path: Path) -> None:
    spec = _spec(
        {"Key": {"type": "apiKey", "in": "header", "name": "X-Key", "x-auth": "magic"}},
        [{"Key": []}],
    )
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    options = Options(spec=path, overlays=None, out=tmp_path / "out", package="things")
    with pytest.raises(GeneratorError) as caught:
        generate_files(options, Run())
    assert "#/components/securitySchemes/Key/x-auth" in str(caught.value)
