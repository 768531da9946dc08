"""The validator's clean verdicts kept across validations (``generator/spec/clean_values.py``)
change no diagnostic: with a cold cache, a warm one and none (``reuse=False``: the
library's pieces alone), ``located_errors`` gives the same pointers, messages and kinds of
error on real specs (the seed as published and overlaid, the apis-guru sample, Blockfrost
as published and overlaid, OpenAI, Azure OpenAI and Cohere; this is also where they are
compared with the library's pieces, for ``test_validator_reuse.py``); and a warm cache made
from one document, used on a broken variant of it, still finds every break: breaks put
into copies of schemas whose clean values were stored under other pointers, breaks
outside the schemas (in path items, operations, responses, components, servers), and
breaks that leave a schema's value as it was but change what its ``$ref``s reach (a
``required`` name, a default). The seed after the bench's update, over the original's
cache, checks only what changed and finds a break in the update or beside it. The diff
validates its two sides in one worker, and the second checks no schema value the first
found clean.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.diff.compare import compare_sides
from generator.diff.sources import Side
from generator.spec import one_worker
from generator.spec.clean_values import clean_values, forget

from .conftest import OVERLAYS, SEED
from .test_validator_reuse import (
    APIS_GURU,
    BREAKS,
    CORPUS,
    OUTSIDE_SCHEMAS,
    VENDOR,
    Found,
    _as_31,
    _errors,
    _load,
)

CACHE = "QISKIT_RUNTIME_API_GENERATOR_CACHE"


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Each test starts from an empty cache of its own and no verdict in memory."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(CACHE, str(folder))
    forget()
    yield folder
    forget()


def _run(spec: dict[str, Any]) -> tuple[Found, int, int]:
    """A run's diagnostics (its verdicts stored, as the worker stores them), and how many
    schema values it checked and how many it found known clean."""
    forget()  # a new run: only what the cache holds is known
    found = _errors(copy.deepcopy(spec), reuse=True)
    clean = clean_values()
    clean.save()
    return found, clean.checked, clean.reused


def _same_cold_warm_and_plain(spec: dict[str, Any]) -> Found:
    plain = _errors(copy.deepcopy(spec), reuse=False)
    cold, checked, _ = _run(spec)
    assert cold == plain
    warm, warm_checked, warm_reused = _run(spec)
    assert warm == plain
    assert warm_reused and warm_checked < checked  # the warm run reused
    return plain


def test_the_seed_has_the_same_diagnostics_cold_warm_and_without_reuse() -> None:
    published = _load(SEED)
    assert _same_cold_warm_and_plain(published)  # the spec as published has an error
    assert _same_cold_warm_and_plain(_as_31(published))
    assert _same_cold_warm_and_plain(_load(SEED, OVERLAYS)) == []


@pytest.mark.parametrize("path", APIS_GURU, ids=lambda p: Path(p).stem)
def test_apis_guru_specs_have_the_same_diagnostics_cold_warm_and_without_reuse(
    path: Path,
) -> None:
    spec = _load(path)
    _same_cold_warm_and_plain(spec)
    _same_cold_warm_and_plain(_as_31(spec))


def test_azure_openai_has_the_same_diagnostics_cold_warm_and_without_reuse() -> None:
    spec = _load(VENDOR / "openai" / "azure" / "openapi.json")
    assert _same_cold_warm_and_plain(spec)
    assert _same_cold_warm_and_plain(_as_31(spec))


@pytest.mark.slow
def test_blockfrost_has_the_same_diagnostics_cold_warm_and_without_reuse() -> None:
    path = CORPUS / "blockfrost" / "openapi.yaml"
    assert len(_same_cold_warm_and_plain(_load(path))) == 6
    assert _same_cold_warm_and_plain(_load(path, CORPUS / "blockfrost" / "overlays")) == []


@pytest.mark.slow
@pytest.mark.parametrize(
    "path",
    [
        VENDOR / "openai" / "official" / "openapi.yml",
        VENDOR / "cohere" / "official" / "openapi.yml",
    ],
    ids=["openai", "cohere"],
)
def test_large_31_specs_have_the_same_diagnostics_cold_warm_and_without_reuse(path: Path) -> None:
    assert _same_cold_warm_and_plain(_load(path))  # both have errors as published


def _with_broken_copies(spec: dict[str, Any], name: str) -> dict[str, Any]:
    """``spec`` with break ``name``; a break of schemas goes into copies of them, beside
    the originals, so that each broken value sits under a pointer of its own."""
    broken = copy.deepcopy(spec)
    if name in OUTSIDE_SCHEMAS:
        BREAKS[name](broken)
        return broken
    schemas = broken["components"]["schemas"]
    copies = {"components": {"schemas": {f"{k}Copy": copy.deepcopy(v) for k, v in schemas.items()}}}
    BREAKS[name](copies)
    schemas.update(copies["components"]["schemas"])
    return broken


@pytest.mark.parametrize("version", ["3.0.3", "3.1.0"])
@pytest.mark.parametrize("name", sorted(BREAKS))
def test_a_warm_cache_of_a_document_finds_every_break_of_a_variant(name: str, version: str) -> None:
    spec = json.loads((CORPUS / "apis-guru" / "amazonaws.com" / "iotfleethub.json").read_text())
    spec["openapi"] = version
    before = _run(spec)[0]  # its clean values stored (one `pattern` is no Python regex)
    broken = _with_broken_copies(spec, name)
    plain = _errors(copy.deepcopy(broken), reuse=False)
    warm, _, reused = _run(broken)
    assert warm == plain
    assert reused  # the originals' values came from the cache
    if name == "unknown-dialect" and version.startswith("3.0"):
        return  # `$schema` is no keyword of OpenAPI 3.0's schemas: nothing to find
    found = [e for e in plain if e not in before]
    assert found, f"{name} breaks nothing in OpenAPI {version}"
    if name not in OUTSIDE_SCHEMAS:
        assert all("Copy" in pointer for pointer, _, _ in found)


def _updated(spec: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """``spec`` after the bench's update (one schema's description, one new property), and
    that schema."""
    new = copy.deepcopy(spec)
    schema = next(s for s in new["components"]["schemas"].values() if "properties" in s)
    schema["description"] = str(schema.get("description", "")) + " Updated."
    schema["properties"]["added_member"] = {"type": "string", "description": "New."}
    return new, schema


def _break_in_the_update(schema: dict[str, Any]) -> None:
    schema["properties"]["added_member"]["type"] = "strin"


def _break_beside_the_update(spec: dict[str, Any]) -> None:
    """The first response of the document (not a ``$ref``) without its description."""
    response = next(
        response
        for item in spec["paths"].values()
        for operation in item.values()
        if isinstance(operation, dict)
        for response in operation.get("responses", {}).values()
        if "description" in response
    )
    del response["description"]


@pytest.mark.parametrize("version", ["3.0.3", "3.1.0"])
@pytest.mark.parametrize("where", ["nowhere", "in-the-update", "beside-the-update"])
def test_a_spec_update_over_the_originals_cache_has_the_diagnostics_of_an_uncached_run(
    version: str, where: str
) -> None:
    original = _load(SEED, OVERLAYS)
    original["openapi"] = version
    _, cold_checked, _ = _run(original)  # the original's clean values stored
    updated, schema = _updated(original)
    if where == "in-the-update":
        _break_in_the_update(schema)
    elif where == "beside-the-update":
        _break_beside_the_update(updated)
    plain = _errors(copy.deepcopy(updated), reuse=False)
    warm, checked, reused = _run(updated)
    assert warm == plain
    assert checked < cold_checked // 10 and reused  # only the changed values were checked
    pointers = [pointer for pointer, _, _ in plain]
    if where == "nowhere":
        assert plain == []
    elif where == "in-the-update":
        assert pointers and all("/properties/added_member" in p for p in pointers)
    else:
        assert pointers and all(p.startswith("/paths/") for p in pointers)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("path", "overlays"),
    [
        (CORPUS / "blockfrost" / "openapi.yaml", CORPUS / "blockfrost" / "overlays"),
        (VENDOR / "cohere" / "official" / "openapi.yml", None),
    ],
    ids=["blockfrost", "cohere"],
)
def test_breaks_in_and_beside_a_large_specs_schemas_are_found_over_its_warm_cache(
    path: Path, overlays: Path | None
) -> None:
    spec = _load(path, overlays)
    before = _run(spec)[0]  # its clean values stored
    broken, schema = _updated(spec)
    _break_in_the_update(schema)
    _break_beside_the_update(broken)
    plain = _errors(copy.deepcopy(broken), reuse=False)
    warm, _, reused = _run(broken)
    assert warm == plain and reused
    found = {entry[0].split("/")[1] for entry in plain if entry not in before}
    assert found == {"components", "paths"}


def _holders(spec: dict[str, Any]) -> None:
    """Three schemas added to ``spec``: ``Target``, with one property, and two whose
    checks reach it through ``$ref``: one requires its property of an ``allOf`` member,
    one has a default its ``allOf`` member constrains."""
    schemas = spec["components"]["schemas"]
    schemas["Target"] = {"type": "object", "properties": {"member": {"type": "string"}}}
    ref = {"$ref": "#/components/schemas/Target"}
    schemas["RequiresMember"] = {"allOf": [ref], "required": ["member"]}
    schemas["DefaultsMember"] = {"allOf": [ref], "default": {"member": "x"}}


@pytest.mark.parametrize("version", ["3.0.3", "3.1.0"])
def test_a_break_reached_through_a_ref_of_a_cached_value_is_found(version: str) -> None:
    spec = _load(CORPUS / "apis-guru" / "amazonaws.com" / "iotfleethub.json")
    spec["openapi"] = version
    _holders(spec)
    assert not any("Member" in pointer for pointer, _, _ in _run(spec)[0])
    broken = copy.deepcopy(spec)
    # The holders' values are as they were; what their `$ref` reaches is not.
    broken["components"]["schemas"]["Target"] = {"type": "object", "additionalProperties": False}
    plain = _errors(copy.deepcopy(broken), reuse=False)
    warm, _, reused = _run(broken)
    assert warm == plain and reused
    pointers = {pointer for pointer, _, _ in plain}
    assert "/components/schemas/RequiresMember/required" in pointers
    assert "/components/schemas/DefaultsMember/default" in pointers


def test_a_damaged_cache_file_is_a_miss(own_cache: Path) -> None:
    spec = _load(SEED, OVERLAYS)
    cold = _run(spec)
    [stored] = list((own_cache / "validate-values").iterdir())
    lines = stored.read_text().split("\n")
    lines[-1] = lines[-1][:-1] + ("0" if lines[-1][-1] != "0" else "1")  # one digest changed
    stored.write_text("\n".join(lines))
    assert _run(spec) == cold  # a cold run again: nothing known from the file
    stored.write_bytes(b"\xff\xfe not a cache")
    assert _run(spec) == cold
    assert _run(spec)[1] < cold[1]  # the run before wrote it anew


def _seed_update(tmp_path: Path) -> tuple[Path, Path]:
    """The seed overlaid, and after a small update (a description, a new property)."""
    old = _load(SEED, OVERLAYS)
    new = copy.deepcopy(old)
    schema = next(s for s in new["components"]["schemas"].values() if "properties" in s)
    schema["description"] = str(schema.get("description", "")) + " Updated."
    schema["properties"]["added_member"] = {"type": "string", "description": "New."}
    paths = tmp_path / "old.json", tmp_path / "new.json"
    for path, data in zip(paths, (old, new), strict=True):
        path.write_text(json.dumps(data), encoding="utf-8")
    return paths


def test_the_diffs_second_side_checks_no_value_the_first_found_clean(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old, new = _seed_update(tmp_path)
    # What the new side checks after the old side's validation, and alone.
    monkeypatch.setenv(CACHE, "off")
    forget()
    first = _run(json.loads(old.read_text()))[1]
    after = _run_more(json.loads(new.read_text()))
    alone = _run(json.loads(new.read_text()))[1]
    assert 0 < after < alone // 10
    monkeypatch.setenv(CACHE, str(tmp_path / "cache"))
    forget()
    workers: list[one_worker.OneWorker] = []
    closing = one_worker.OneWorker.close

    def close(self: one_worker.OneWorker) -> None:
        workers.append(self)
        closing(self)

    monkeypatch.setattr(one_worker.OneWorker, "close", close)
    report = compare_sides(Side(str(old), old, None), Side(str(new), new, None))
    assert report.changes and not report.problems
    [worker] = workers  # both sides in one worker
    assert [worker.stats[0]["checked"], worker.stats[1]["checked"]] == [first, after]


def _run_more(spec: dict[str, Any]) -> int:
    """How many values a validation checks after those before it in the same process."""
    clean = clean_values()
    before = clean.checked
    _errors(copy.deepcopy(spec), reuse=True)
    return clean.checked - before
