"""Overlay 1.0 actions: update merges, remove deletes, misses are said."""

from __future__ import annotations

from typing import Any

import pytest

from generator.diagnostics import GeneratorError, Level
from generator.spec.overlays import apply_overlay


def overlay(*actions: dict[str, Any]) -> dict[str, Any]:
    return {"overlay": "1.0.0", "info": {"title": "t", "version": "1"}, "actions": list(actions)}


SPEC = {
    "openapi": "3.0.3",
    "servers": [],
    "paths": {
        "/a": {
            "get": {
                "operationId": "get_a",
                "parameters": [
                    {"name": "x", "in": "query", "schema": {"type": "string", "default": ""}},
                    {"name": "y", "in": "query", "schema": {"type": "string"}},
                ],
            }
        }
    },
}


def test_update_merges_objects_recursively_and_appends_to_arrays() -> None:
    spec, found = apply_overlay(
        SPEC,
        overlay(
            {"target": "$.paths['/a'].get", "update": {"x-python-name": "get", "summary": "S"}},
            {"target": "$.servers", "update": {"url": "https://example.com"}},
        ),
        "o.yaml",
    )
    assert spec["paths"]["/a"]["get"]["x-python-name"] == "get"
    assert spec["paths"]["/a"]["get"]["operationId"] == "get_a"
    assert spec["servers"] == [{"url": "https://example.com"}]
    assert found == []


def test_remove_deletes_every_selected_node_and_filters_select_by_value() -> None:
    spec, _ = apply_overlay(
        SPEC,
        overlay(
            {"target": "$.paths['/a'].get.parameters[?@.name=='x'].schema.default", "remove": True}
        ),
        "o.yaml",
    )
    assert "default" not in spec["paths"]["/a"]["get"]["parameters"][0]["schema"]
    assert spec["paths"]["/a"]["get"]["parameters"][1]["name"] == "y"


def test_a_target_that_selects_nothing_is_a_warning_with_its_pointer() -> None:
    _, found = apply_overlay(SPEC, overlay({"target": "$.nothing", "remove": True}), "o.yaml")
    assert [(d.level, d.file, d.pointer) for d in found] == [
        (Level.WARNING, "o.yaml", "/actions/0/target")
    ]


def test_an_invalid_jsonpath_is_an_error_with_its_pointer() -> None:
    with pytest.raises(GeneratorError) as caught:
        apply_overlay(SPEC, overlay({"target": "$.[", "remove": True}), "o.yaml")
    (diagnostic,) = caught.value.diagnostics
    assert (diagnostic.file, diagnostic.pointer) == ("o.yaml", "/actions/0/target")
    assert "JSONPath" in diagnostic.message


def test_a_document_that_is_not_an_overlay_is_refused() -> None:
    with pytest.raises(GeneratorError) as caught:
        apply_overlay(SPEC, {"actions": []}, "o.yaml")
    assert caught.value.diagnostics[0].pointer == "/overlay"


def test_seed_overlays_fix_servers_security_and_names(seed_api: Any) -> None:
    assert [s.url for s in seed_api.servers] == [
        "https://quantum.cloud.ibm.com/api",
        "https://eu-de.quantum.cloud.ibm.com/api",
    ]
    ops = {op.operation_id: op for r in seed_api.resources for op in r.operations}
    assert ops["list_jobs"].security == (
        ("IBMCloudAPIKey", "ServiceCRN"),
        ("IBMCloudAuth", "ServiceCRN"),
    )
    assert ops["get_versions"].security == ()
    assert ops["get_jog_logs_jid"].python_name == "get_logs"
    assert [p.python_name for p in ops["get_job"].parameters if p.location == "path"] == ["job_id"]
