"""Tiny specs of the schema shapes that trip generators (issue 7).

Each entry of ``MODEL_SHAPES`` is a whole OpenAPI document whose one
operation answers the shape; ``tests/shapes.py`` generates them.
"""

from __future__ import annotations

from typing import Any

__all__ = ["INTEGER", "MODEL_SHAPES", "STRING", "Schema", "document", "obj", "ref"]

Schema = dict[str, Any]


def document(version: str, schemas: Schema, paths: Schema | None = None, **extra: Any) -> Schema:
    return {
        "openapi": version,
        "info": {"title": "Shapes", "version": "1.0.0"},
        "paths": paths or {},
        "components": {"schemas": schemas},
        **extra,
    }


def ref(name: str) -> Schema:
    return {"$ref": f"#/components/schemas/{name}"}


def json_content(schema: Schema) -> Schema:
    return {"application/json": {"schema": schema}}


def returning(name: str, version: str = "3.1.0", **schemas: Schema) -> Schema:
    """A document whose one operation, ``GET /thing``, answers the component ``name``."""
    response = {"description": "ok", "content": json_content(ref(name))}
    operation = {"operationId": "get_thing", "tags": ["things"], "responses": {"200": response}}
    return document(version, schemas, {"/thing": {"get": operation}})


def obj(properties: Schema, required: list[str] | None = None, **more: Any) -> Schema:
    return {
        "type": "object",
        "properties": properties,
        **({"required": required} if required else {}),
        **more,
    }


STRING = {"type": "string"}
INTEGER = {"type": "integer"}
PET_KINDS = {
    "Cat": obj({"kind": STRING, "meow": {"type": "boolean"}}, ["kind"]),
    "Dog": obj({"kind": STRING, "bark": {"type": "boolean"}}, ["kind"]),
}
CAT_OR_DOG = [ref("Cat"), ref("Dog")]

MODEL_SHAPES: dict[str, Schema] = {
    "type_arrays_with_null": returning(
        "Thing",
        Thing=obj(
            {
                "name": {"type": ["string", "null"]},
                "labels": {"type": ["object", "null"], "additionalProperties": STRING},
                "size": {"type": ["integer", "string", "null"]},
                "scores": {"type": ["array", "null"], "items": {"type": ["number", "null"]}},
                "inner": {"anyOf": [ref("Inner"), {"type": "null"}]},
            },
            ["name", "labels", "inner"],
        ),
        Inner=obj({"x": INTEGER}, ["x"]),
    ),
    "nullable_everything": returning(
        "Thing",
        "3.0.3",
        Thing=obj(
            {
                "text": {"type": "string", "nullable": True},
                "choice": {"type": "string", "enum": ["a", "b", None], "nullable": True},
                "inner": {"allOf": [ref("Inner")], "nullable": True},
                "numbers": {
                    "type": "array",
                    "nullable": True,
                    "items": {**INTEGER, "nullable": True},
                },
                "map": {
                    "type": "object",
                    "nullable": True,
                    "additionalProperties": {**STRING, "nullable": True},
                },
                "color": ref("Color"),
                "object": obj({"y": STRING}, nullable=True),
                "note": {"type": "string", "nullable": False},
            },
            ["text", "choice", "inner", "numbers", "map", "color", "object"],
        ),
        Inner=obj({"x": INTEGER}, ["x"]),
        Color={"type": "string", "enum": ["red", "green", None], "nullable": True},
    ),
    "const": returning(
        "Thing",
        Thing=obj({"kind": {"const": "fixed"}, "version": {"const": 2}}, ["kind", "version"]),
    ),
    "defs_examples_content_media_type": returning(
        "Thing",
        Thing=obj(
            {
                "inner": {"$ref": "#/components/schemas/Thing/$defs/Inner"},
                "picture": {
                    "type": "string",
                    "contentMediaType": "image/png",
                    "contentEncoding": "base64",
                },
                "nick": {"type": "string", "examples": ["ann", "bob"]},
            },
            ["inner"],
            **{"$defs": {"Inner": obj({"x": INTEGER}, ["x"])}, "examples": [{"inner": {"x": 1}}]},
        ),
    ),
    "prefix_items": returning(
        "Thing",
        Thing=obj(
            {"pair": {"type": "array", "prefixItems": [STRING, INTEGER], "items": False}},
            ["pair"],
        ),
    ),
    "recursive": returning(
        "Node",
        "3.0.3",
        Node=obj({"name": STRING, "children": {"type": "array", "items": ref("Node")}}, ["name"]),
    ),
    "mutually_recursive": returning(
        "Folder",
        "3.0.3",
        Folder=obj({"name": STRING, "files": {"type": "array", "items": ref("File")}}, ["name"]),
        File=obj({"name": STRING, "parent": ref("Folder")}, ["name"]),
    ),
    "all_of_with_one_of": returning(
        "OwnedPet",
        "3.0.3",
        OwnedPet={"allOf": [obj({"owner": STRING}, ["owner"]), {"oneOf": CAT_OR_DOG}]},
        **PET_KINDS,
    ),
    "discriminator_with_mapping": returning(
        "Pet",
        "3.0.3",
        Pet={
            "oneOf": CAT_OR_DOG,
            "discriminator": {
                "propertyName": "kind",
                "mapping": {"cat": "#/components/schemas/Cat", "dog": "#/components/schemas/Dog"},
            },
        },
        **PET_KINDS,
    ),
    "discriminator_without_mapping": returning(
        "Pet",
        "3.0.3",
        Pet={"oneOf": CAT_OR_DOG, "discriminator": {"propertyName": "kind"}},
        **PET_KINDS,
    ),
    "discriminators_disagreeing_on_a_tag": returning(
        "Pets",
        "3.0.3",
        Pets=obj({"mapped": ref("MappedPet"), "unmapped": ref("UnmappedPet")}),
        MappedPet={
            "oneOf": CAT_OR_DOG,
            "discriminator": {
                "propertyName": "kind",
                "mapping": {"cat": "#/components/schemas/Cat", "dog": "#/components/schemas/Dog"},
            },
        },
        UnmappedPet={"oneOf": CAT_OR_DOG, "discriminator": {"propertyName": "kind"}},
        **PET_KINDS,
    ),
    "discriminator_on_a_base": returning(
        "Owner",
        "3.0.3",
        Owner=obj({"pet": ref("Pet")}),
        Pet=obj(
            {"kind": STRING, "name": STRING},
            ["kind"],
            discriminator={
                "propertyName": "kind",
                "mapping": {"cat": "#/components/schemas/Cat", "dog": "#/components/schemas/Dog"},
            },
        ),
        Cat={"allOf": [ref("Pet"), obj({"meow": {"type": "boolean"}})]},
        Dog={"allOf": [ref("Pet"), obj({"bark": {"type": "boolean"}})]},
    ),
    "additional_properties": returning(
        "Thing",
        Thing=obj(
            {
                "counts": {"type": "object", "additionalProperties": INTEGER},
                "anything": {"type": "object", "additionalProperties": True},
                "children": {"type": "object", "additionalProperties": ref("Inner")},
                "headers": {"type": "object", "patternProperties": {"^x-": STRING}},
            },
            ["counts"],
        ),
        Inner=obj({"x": INTEGER}, ["x"]),
    ),
    "free_form_objects_and_arrays_without_items": returning(
        "Thing",
        "3.0.3",
        Thing=obj(
            {"meta": {"type": "object"}, "blob": {}, "list": {"type": "array"}},
            ["meta", "list"],
        ),
    ),
    "enums_of_mixed_types_and_any_strings": returning(
        "Thing",
        Thing=obj(
            {
                "mixed": {"enum": [1, "one", True, None]},
                "status": {
                    "type": "string",
                    "enum": ["Cancelled - Ran too long", "2026-02-01", "", "class", "A", "a"],
                },
                "level": ref("Level"),
            },
            ["status"],
        ),
        Level={"type": "integer", "enum": [0, 1, 2]},
    ),
    "literal_misfits": returning(
        "Thing",
        Thing=obj({"ratio": {"enum": [0.5, 1.5, "none"]}, "origin": {"const": {"x": 0}}}),
    ),
    "names_that_are_not_identifiers": returning(
        "Thing",
        Thing=obj(
            {
                "first-name": STRING,
                "class": STRING,
                "2fa": {"type": "boolean"},
                "@type": STRING,
                "camelCase": INTEGER,
                "model_config": STRING,
            },
            ["first-name", "class"],
        ),
    ),
    "unexpressible_keywords": returning(
        "Thing",
        Thing=obj(
            {
                "code": {"type": "string", "not": {"const": "x"}},
                "tags": {"type": "array", "items": {"type": "string", "maxLength": 3}},
                "bag": {
                    "type": "object",
                    "propertyNames": {"pattern": "^[a-z]+$"},
                    "minProperties": 1,
                },
                "id": {"type": "string", "format": "snowflake-id"},
            },
            ["code"],
            **{
                "if": {"required": ["code"]},
                "then": {"required": ["tags"]},
                "dependentRequired": {"bag": ["id"]},
                "unevaluatedProperties": False,
            },
        ),
    ),
}
