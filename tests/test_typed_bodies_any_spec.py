"""Request TypedDicts for any spec: a small invented one with every shape a body can take.

Required and optional keys, enums, nested objects, a ``oneOf`` body, an
``allOf`` whose member only adds ``required``, ``anyOf`` alternatives that only
require keys, an open object
(``additionalProperties``), keys that can't be class attributes (``from``,
``X-Trace``, a name the module binds), a ``readOnly`` key, a model that contains
itself, a nullable reference and an object-typed query parameter. The client is
generated in-process, imported (the TypedDicts' required keys are read at run
time) and checked with ``mypy --strict`` together with a user script.
"""

from __future__ import annotations

import importlib
import re
import typing
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from .in_process import importable_client
from .test_typed_bodies import run_mypy_strict

PACKAGE = "pets_api"


def _json_body(ref: str) -> dict[str, Any]:
    return {
        "required": True,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{ref}"}}},
    }


_OK = {"204": {"description": "done"}}

SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Pets API", "version": "1.0.0"},
    "servers": [{"url": "https://pets.example/api"}],
    "paths": {
        "/pets": {
            "post": {
                "operationId": "create_pet",
                "tags": ["pets"],
                "requestBody": _json_body("NewPet"),
                "responses": _OK,
            },
            "get": {
                "operationId": "list_pets",
                "tags": ["pets"],
                "parameters": [
                    {
                        "name": "filter",
                        "in": "query",
                        "schema": {"$ref": "#/components/schemas/PetFilter"},
                    }
                ],
                "responses": _OK,
            },
        },
        "/adoptions": {
            "post": {
                "operationId": "adopt",
                "tags": ["pets"],
                "requestBody": _json_body("Adoption"),
                "responses": _OK,
            }
        },
        "/batches": {
            "post": {
                "operationId": "create_batch",
                "tags": ["pets"],
                "requestBody": _json_body("Batch"),
                "responses": _OK,
            }
        },
        "/trees": {
            "put": {
                "operationId": "put_tree",
                "tags": ["pets"],
                "requestBody": _json_body("Tree"),
                "responses": _OK,
            }
        },
    },
    "components": {
        "schemas": {
            "NewPet": {
                "type": "object",
                "description": 'A pet to create. """Quotes""" and a \\ backslash.',
                "required": ["name", "kind"],
                "properties": {
                    "name": {"type": "string", "description": "The pet's name."},
                    "kind": {"type": "string", "enum": ["cat", "dog"]},
                    "age": {"type": "integer", "nullable": True},
                    "id": {"type": "string", "readOnly": True},
                    "owner": {"$ref": "#/components/schemas/Owner"},
                    "labels": {"type": "object", "additionalProperties": {"type": "string"}},
                },
            },
            "Owner": {
                "type": "object",
                "required": ["email"],
                "properties": {
                    "email": {"type": "string"},
                    "from": {"type": "string", "description": "A keyword as a key."},
                    "X-Trace": {"type": "string"},
                    "Required": {"type": "boolean", "description": "A name the module binds."},
                },
            },
            "PetFilter": {
                "type": "object",
                "properties": {"kind": {"type": "string", "enum": ["cat", "dog"]}},
            },
            "Adoption": {
                "oneOf": [
                    {"$ref": "#/components/schemas/Rescue"},
                    {"$ref": "#/components/schemas/Purchase"},
                ]
            },
            "Rescue": {
                "type": "object",
                "required": ["shelter"],
                "properties": {"shelter": {"type": "string"}},
            },
            "Purchase": {
                "allOf": [
                    {"$ref": "#/components/schemas/Rescue"},
                    {"required": ["price"], "properties": {"price": {"type": "number"}}},
                ]
            },
            "Batch": {
                "type": "object",
                "required": ["kind"],
                "properties": {
                    "kind": {"type": "string"},
                    "ids": {"type": "array", "items": {"type": "string"}},
                    "names": {"type": "array", "items": {"type": "string"}},
                },
                "anyOf": [{"required": ["ids"]}, {"required": ["names"]}],
            },
            "Tree": {
                "type": "object",
                "required": ["value"],
                "properties": {
                    "value": {"type": "integer"},
                    "children": {"type": "array", "items": {"$ref": "#/components/schemas/Tree"}},
                    "parent": {"allOf": [{"$ref": "#/components/schemas/Tree"}], "nullable": True},
                    "extras": {"$ref": "#/components/schemas/Extras"},
                },
            },
            "Extras": {
                "type": "object",
                "properties": {"note": {"type": "string"}},
                "additionalProperties": {"type": "integer"},
            },
        }
    },
}

USER_SCRIPT = """\
from pets_api import Client, models, params


def calls(client: Client) -> None:
    client.pets.create_pet(body={"name": "Rex", "kind": "dog", "owner": {"email": "a@b.c", "from": "x", "X-Trace": "t", "Required": True}, "labels": {"a": "b"}, "age": None})
    client.pets.create_pet(body={"name": "Rex", "kind": "dog", "owner": models.Owner(email="a@b.c")})
    client.pets.create_pet(body={"name": "Rex", "kind": "parrot"})  # error: not an enum value
    client.pets.create_pet(body={"name": "Rex"})  # error: missing required key
    client.pets.create_pet(body={"name": "Rex", "kind": "cat", "owner": {"emial": "a@b.c"}})  # error: nested misspelt key
    client.pets.create_pet(body={"name": "Rex", "kind": "cat", "labels": {"a": 1}})  # error: open object value
    client.pets.create_pet(body={"name": "Rex", "kind": "cat", "id": "p1"})  # error: read-only key
    client.pets.list_pets(filter={"kind": "cat"})
    client.pets.list_pets(filter={"knd": "cat"})  # error: misspelt key in a parameter
    client.pets.adopt(body={"shelter": "North"})
    client.pets.adopt(body={"shelter": "North", "price": 10.5})
    client.pets.adopt(body={"price": 10.5})  # error: no union member
    tree: params.TreeParam = {"value": 1, "children": [{"value": 2, "parent": None}], "extras": {"note": "n", "x": 3}}
    client.pets.put_tree(body=tree)
    client.pets.put_tree(body={"value": 1, "children": [{"valeu": 2}]})  # error: misspelt key deep down
    client.pets.create_batch(body={"kind": "k", "ids": ["a"]})
    client.pets.create_batch(body={"kind": "k", "idz": ["a"]})  # error: misspelt key beside required-only alternatives
"""


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    with importable_client(tmp_path_factory.mktemp("pets"), PACKAGE, SPEC) as client:
        yield client.out


def _params(generated: Path) -> ModuleType:
    return importlib.import_module(f"{PACKAGE}.params")


def test_required_and_optional_keys_follow_the_schema_and_read_only_keys_are_left_out(
    generated: Path,
) -> None:
    params = _params(generated)
    assert params.NewPetParam.__required_keys__ == {"name", "kind"}
    assert params.NewPetParam.__optional_keys__ == {"age", "owner", "labels"}
    assert params.OwnerParam.__required_keys__ == {"email"}
    assert params.OwnerParam.__optional_keys__ == {"from", "X-Trace", "Required"}
    assert params.PurchaseParam.__required_keys__ == {"shelter", "price"}
    # anyOf alternatives that only require keys: a TypedDict can't say "ids or names"
    assert params.BatchParam.__required_keys__ == {"kind"}
    assert params.BatchParam.__optional_keys__ == {"ids", "names"}
    hints = typing.get_type_hints(params.TreeParam)  # forward references resolve
    assert params.TreeParam in typing.get_args(typing.get_args(hints["children"])[0])


def test_a_one_of_body_is_a_union_of_typed_dicts_and_open_objects_stay_mappings(
    generated: Path,
) -> None:
    params = _params(generated)
    assert set(typing.get_args(params.AdoptionParam)) == {params.RescueParam, params.PurchaseParam}
    source = (generated / PACKAGE / "params.py").read_text(encoding="utf-8")
    assert re.search(r"^ExtrasParam: TypeAlias = Mapping\[str, str \| int\]$", source, re.M)
    assert params.PetFilterParam.__optional_keys__ == {"kind"}  # the query parameter's


def test_spec_text_in_docstrings_is_escaped(generated: Path) -> None:
    params = _params(generated)
    assert params.NewPetParam.__doc__ == (
        '``models.NewPet`` as a dict: A pet to create. """Quotes""" and a \\ backslash.'
    )


def test_typed_dict_bodies_are_sent_as_given(generated: Path) -> None:
    client_module = importlib.import_module(PACKAGE)
    models = importlib.import_module(f"{PACKAGE}.models")
    seen: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    http = httpx.Client(transport=httpx.MockTransport(record))
    with client_module.Client(http_client=http) as client:
        client.pets.create_pet(
            body={"name": "Rex", "kind": "dog", "owner": models.Owner(email="a@b.c")}
        )
        client.pets.adopt(body={"shelter": "North", "price": 10.5})
    assert seen[0].content == b'{"name":"Rex","kind":"dog","owner":{"email":"a@b.c"}}'
    assert seen[1].content == b'{"shelter":"North","price":10.5}'


def test_mypy_strict_checks_dict_literals_against_the_generated_typed_dicts(
    generated: Path,
) -> None:
    (generated / "user_script.py").write_text(USER_SCRIPT, encoding="utf-8")
    done = run_mypy_strict(generated, PACKAGE, "user_script.py", path=generated)
    assert done.returncode == 1, done.stdout + done.stderr
    assert f"{PACKAGE}/" not in done.stdout, done.stdout  # the client is clean
    flagged = {int(n) for n in re.findall(r"^user_script\.py:(\d+): error", done.stdout, re.M)}
    expected = {
        number
        for number, line in enumerate(USER_SCRIPT.splitlines(), start=1)
        if "# error: " in line
    }
    assert len(expected) == 9
    assert flagged == expected, done.stdout
