"""IR from tiny specs: parameters, resources, names and deprecations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.ir.build import build_api
from generator.ir.model import Api
from generator.spec.dereference import dereference


def api_of(paths: dict[str, Any], tmp_path: Path) -> Api:
    spec = {"openapi": "3.0.3", "info": {"title": "t", "version": "1.2.3"}, "paths": paths}
    return build_api(dereference(spec, "t.json", tmp_path))[0]


def test_parameters_of_every_location_keep_wire_names_and_pointers(tmp_path: Path) -> None:
    api = api_of(
        {
            "/users/{user-id}": {
                "parameters": [
                    {
                        "name": "user-id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string"},
                    }
                ],
                "get": {
                    "operationId": "getUser",
                    "tags": ["Users"],
                    "parameters": [
                        {
                            "name": "fields",
                            "in": "query",
                            "schema": {"type": "array", "items": {"type": "string"}},
                        },
                        {
                            "name": "X-Trace",
                            "in": "header",
                            "schema": {"type": "string"},
                            "deprecated": True,
                        },
                        {"name": "session", "in": "cookie", "schema": {"type": "string"}},
                    ],
                    "responses": {"204": {"description": "none"}},
                },
            }
        },
        tmp_path,
    )
    (resource,) = api.resources
    assert (resource.python_name, resource.class_name) == ("users", "Users")
    (op,) = resource.operations
    assert op.python_name == "get_user"
    found = [(p.name, p.python_name, p.location, p.deprecated) for p in op.parameters]
    assert found == [
        ("user-id", "user_id", "path", False),
        ("fields", "fields", "query", False),
        ("X-Trace", "x_trace", "header", True),
        ("session", "session", "cookie", False),
    ]
    assert op.parameters[0].pointer == "/paths/~1users~1{user-id}/parameters/0"
    assert op.parameters[1].explode is True


def test_an_operation_without_id_or_tags_gets_a_name_and_the_default_resource(
    tmp_path: Path,
) -> None:
    api = api_of({"/health": {"get": {"responses": {"200": {"description": "ok"}}}}}, tmp_path)
    (resource,) = api.resources
    assert resource.python_name == "default"
    assert resource.operations[0].python_name == "get_health"


def test_a_header_with_a_default_everywhere_becomes_a_client_option(seed_api: Api) -> None:
    (option,) = seed_api.client_options
    assert (option.header, option.python_name, option.default) == (
        "IBM-API-Version",
        "api_version",
        "2026-02-01",
    )


def test_deprecated_operations_are_marked_and_warn(tmp_path: Path) -> None:
    import warnings

    from qiskit_runtime_api._endpoint import Endpoint, prepare

    api = api_of(
        {
            "/old": {
                "get": {
                    "operationId": "old",
                    "deprecated": True,
                    "responses": {"200": {"description": "ok"}},
                }
            }
        },
        tmp_path,
    )
    assert api.resources[0].operations[0].deprecated
    endpoint = Endpoint("old", "GET", "/old", "application/json", {}, {}, deprecated=True)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        prepare(endpoint, {})
    assert [w.category for w in caught] == [DeprecationWarning]


def test_path_parameters_follow_the_order_of_the_path_template(tmp_path: Path) -> None:
    api = api_of(
        {
            "/a/{first}/b/{second}": {
                "get": {
                    "operationId": "get_b",
                    "parameters": [
                        {
                            "name": "second",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        },
                        {"name": "q", "in": "query", "schema": {"type": "string"}},
                        {
                            "name": "first",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        },
                    ],
                    "responses": {"204": {"description": "none"}},
                }
            }
        },
        tmp_path,
    )
    assert [p.name for p in api.resources[0].operations[0].parameters] == ["first", "second", "q"]
