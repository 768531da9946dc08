"""Dereference: files bundled, dangling refs and ref cycles refused with pointers."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import pytest

from generator.diagnostics import GeneratorError
from generator.ir.build import build_api
from generator.spec.dereference import dereference


def spec_with(
    schema: Mapping[str, object], components: Mapping[str, object] | None = None
) -> dict[str, object]:
    return {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/things": {
                "get": {
                    "operationId": "list_things",
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {"application/json": {"schema": schema}},
                        }
                    },
                }
            }
        },
        "components": {"schemas": components or {}},
    }


def test_a_relative_file_reference_is_bundled_under_components(tmp_path: Path) -> None:
    (tmp_path / "common.json").write_text(
        json.dumps(
            {
                "components": {
                    "schemas": {
                        "Thing": {
                            "type": "object",
                            "properties": {"owner": {"$ref": "#/components/schemas/Owner"}},
                        },
                        "Owner": {"type": "object", "properties": {"name": {"type": "string"}}},
                    }
                }
            }
        )
    )
    resolved = dereference(
        spec_with({"$ref": "common.json#/components/schemas/Thing"}), "main.json", tmp_path
    )
    schemas = resolved.spec["components"]["schemas"]
    assert schemas["Thing"]["properties"]["owner"] == {"$ref": "#/components/schemas/Owner"}
    assert "name" in schemas["Owner"]["properties"]
    api, _ = build_api(resolved)
    assert {m.name for m in api.models} == {"Thing", "Owner"}


def test_a_dangling_reference_is_an_error_at_its_pointer(tmp_path: Path) -> None:
    with pytest.raises(GeneratorError) as caught:
        dereference(spec_with({"$ref": "#/components/schemas/Missing"}), "main.json", tmp_path)
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.pointer == (
        "/paths/~1things/get/responses/200/content/application~1json/schema/$ref"
    )
    assert "dangling" in diagnostic.message


def test_a_reference_cycle_without_a_value_is_an_error(tmp_path: Path) -> None:
    components = {"A": {"$ref": "#/components/schemas/B"}, "B": {"$ref": "#/components/schemas/A"}}
    with pytest.raises(GeneratorError) as caught:
        dereference(
            spec_with({"$ref": "#/components/schemas/A"}, components), "main.json", tmp_path
        )
    assert "cycle" in caught.value.diagnostics[0].message


def test_a_remote_reference_is_refused_by_default(tmp_path: Path) -> None:
    with pytest.raises(GeneratorError) as caught:
        dereference(spec_with({"$ref": "https://example.com/x.json#/X"}), "main.json", tmp_path)
    assert "remote reference" in caught.value.diagnostics[0].message
    assert "--allow-remote-refs" in caught.value.diagnostics[0].hint


def test_a_recursive_schema_stays_a_named_recursive_model(tmp_path: Path) -> None:
    components = {
        "Node": {
            "type": "object",
            "properties": {
                "name": {"type": "string"},
                "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}},
            },
        }
    }
    api, _ = build_api(
        dereference(spec_with({"$ref": "#/components/schemas/Node"}, components), "m", tmp_path)
    )
    (node,) = api.models
    assert node.name == "Node"
    assert node.schema["properties"]["children"]["items"] == {"$ref": "#/components/schemas/Node"}
