"""Shapes met in real specs that broke the pipeline: each generates, and the models import.

Each case is cut down from the spec it was found in (named in the test).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from generator.diagnostics import Level
from generator.emit.models import render_models
from generator.ir.build import build_api
from generator.spec.dereference import dereference


def _spec(response: dict[str, Any], schemas: dict[str, Any]) -> dict[str, Any]:
    return {
        "openapi": "3.0.3",
        "info": {"title": "shapes", "version": "1"},
        "paths": {
            "/thing": {
                "get": {
                    "operationId": "get_thing",
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {"application/json": {"schema": response}},
                        }
                    },
                }
            }
        },
        "components": {"schemas": schemas},
    }


def _models(spec: dict[str, Any], folder: Path, name: str) -> tuple[ModuleType, list[str]]:
    api, diagnostics = build_api(dereference(spec, f"{name}.json", folder))
    source = render_models(api)
    path = folder / f"{name}.py"
    path.write_text(source)
    loader = importlib.util.spec_from_file_location(name, path)
    assert loader is not None and loader.loader is not None
    module = importlib.util.module_from_spec(loader)
    sys.modules[name] = module
    loader.loader.exec_module(module)
    return module, [d.format() for d in diagnostics if d.level is Level.WARNING]


def _item(kind: str) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["type"],
        "properties": {"type": {"type": "string"}, "name": {"type": "string"}},
    }


def test_a_discriminator_mapping_to_an_array_component_is_left_out(tmp_path: Path) -> None:
    # @octokit/openapi 23.0.2, GET /repos/{owner}/{repo}/contents/{path}: `array` maps to
    # content-directory, a list; the IR crashed with KeyError 'component:content-directory'.
    response = {
        "oneOf": [
            {"$ref": "#/components/schemas/content-directory"},
            {"$ref": "#/components/schemas/content-file"},
        ],
        "discriminator": {
            "propertyName": "type",
            "mapping": {
                "array": "#/components/schemas/content-directory",
                "file": "#/components/schemas/content-file",
            },
        },
    }
    schemas = {
        "content-directory": {"type": "array", "items": _item("dir")},
        "content-file": _item("file"),
    }
    module, warnings = _models(_spec(response, schemas), tmp_path, "github_contents")
    listing = module.GetThingResponse.model_validate([{"type": "dir", "name": "src"}]).root
    assert isinstance(listing, list) and listing[0].name == "src"
    assert type(module.GetThingResponse.model_validate({"type": "file"}).root).__name__ == (
        "ContentFile"
    )
    assert any("/discriminator/mapping/array" in w and "not an object" in w for w in warnings)
