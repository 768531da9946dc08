"""The formats the IR takes as known: the library's own, without waiting for it on a cold run."""

from __future__ import annotations

import sys
from typing import Any

import pytest

from generator.emit import models_worker as models_worker_module
from generator.emit.models_worker import ModelsWorker, models_worker
from generator.ir import keywords, known_formats
from generator.ir.build import build_api
from generator.pipeline import Run, build_ir
from generator.spec.dereference import dereference
from tests.conftest import ROOT, seed_options
from tests.tiny_spec import base as tiny_spec
from tests.tiny_spec import schema


def _library_formats() -> dict[str, frozenset[str]]:
    """``json_schema_data_formats``, read from the installed library itself."""
    from datamodel_code_generator.parser.jsonschema import json_schema_data_formats

    return {
        str(kind): frozenset(map(str, formats))
        for kind, formats in json_schema_data_formats.items()
    }


@pytest.fixture
def no_known_formats_yet(monkeypatch: pytest.MonkeyPatch) -> Any:
    """A cold run's state: no stage cache, and the IR has not looked the formats up."""
    monkeypatch.setenv("QISKIT_RUNTIME_API_GENERATOR_CACHE", "off")
    keywords._known_formats.cache_clear()
    yield
    keywords._known_formats.cache_clear()


@pytest.fixture
def requests_to_the_models_worker(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The kind of each request the models worker is sent."""
    sent: list[str] = []
    ask = ModelsWorker._ask

    def recording(self: ModelsWorker, *request: Any) -> Any:
        sent.append(request[0])
        return ask(self, *request)

    monkeypatch.setattr(ModelsWorker, "_ask", recording)
    return sent


def test_the_written_formats_are_those_of_the_installed_library_version() -> None:
    from generator.inputs import library_version

    installed = library_version("datamodel-code-generator")
    assert installed == known_formats.CHECKED_VERSION, (
        f"datamodel-code-generator {installed} is installed: read its "
        "json_schema_data_formats into generator/ir/known_formats.py and set CHECKED_VERSION"
    )
    assert _library_formats() == known_formats.FORMATS
    assert known_formats.known_formats() == _library_formats()


@pytest.mark.skipif(sys.platform != "linux", reason="the models worker forks on Linux only")
def test_a_cold_ir_build_of_the_seed_does_not_ask_the_models_worker(
    no_known_formats_yet: None, requests_to_the_models_worker: list[str]
) -> None:
    with models_worker():
        assert models_worker_module.current() is not None
        api = build_ir(seed_options(), Run())
    assert api.models  # the IR was built, formats and all
    assert requests_to_the_models_worker == []


@pytest.mark.skipif(sys.platform != "linux", reason="the models worker forks on Linux only")
def test_an_unknown_format_is_said_without_asking_the_models_worker(
    no_known_formats_yet: None, requests_to_the_models_worker: list[str]
) -> None:
    spec = tiny_spec()
    schema(spec, "Item")["properties"]["code"] = {"type": "string", "format": "ulid-ish"}
    schema(spec, "Item")["properties"]["at"] = {"type": "string", "format": "date-time"}
    resolved = dereference(spec, "tiny.json", ROOT)
    with models_worker():
        _, found = build_api(resolved)
    said = [d.pointer for d in found if "format" in d.message]
    assert said == ["/components/schemas/Item/properties/code/format"]
    assert requests_to_the_models_worker == []


@pytest.mark.skipif(sys.platform != "linux", reason="the models worker forks on Linux only")
def test_another_installed_version_asks_the_library_and_takes_its_answer(
    no_known_formats_yet: None,
    requests_to_the_models_worker: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(known_formats, "library_version", lambda library: "0.0.1")
    # What is written down for another version must not count for this one.
    monkeypatch.setattr(known_formats, "FORMATS", {"string": frozenset({"ulid-ish"})})
    with models_worker():
        found = keywords._known_formats()
    assert requests_to_the_models_worker == ["formats"]
    assert found == _library_formats()
    assert keywords.unknown_format({"type": "string", "format": "ulid-ish"})
    assert not keywords.unknown_format({"type": "string", "format": "uuid4"})
