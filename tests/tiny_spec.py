"""A small but complete spec for the diff tests, and helpers to edit copies of it."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from generator.diff.changes import Change
from generator.diff.wire import compare_wire
from generator.spec.dereference import dereference

_ITEM_REF = {"$ref": "#/components/schemas/Item"}


def _json(schema: dict[str, Any]) -> dict[str, Any]:
    return {"application/json": {"schema": schema}}


BASE: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Items", "version": "1.0.0"},
    "servers": [
        {"url": "https://us.example.com/api", "x-region": "us"},
        {"url": "https://eu.example.com/api", "x-region": "eu"},
    ],
    "security": [{"ApiKey": []}],
    "paths": {
        "/items": {
            "get": {
                "operationId": "list_items",
                "tags": ["Items"],
                "parameters": [
                    {
                        "in": "query",
                        "name": "limit",
                        "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 10},
                    },
                    {
                        "in": "query",
                        "name": "state",
                        "schema": {"type": "string", "enum": ["open", "closed"]},
                    },
                    {
                        "in": "query",
                        "name": "name",
                        "schema": {"type": "string", "minLength": 1, "maxLength": 50},
                    },
                    {
                        "in": "query",
                        "name": "tags",
                        "schema": {"type": "array", "maxItems": 5, "items": {"type": "string"}},
                    },
                    {
                        "in": "header",
                        "name": "API-Version",
                        "schema": {"type": "string", "default": "2026-01-01"},
                    },
                ],
                "responses": {
                    "200": {
                        "description": "the items",
                        "content": _json(
                            {
                                "type": "object",
                                "required": ["items"],
                                "properties": {"items": {"type": "array", "items": _ITEM_REF}},
                            }
                        ),
                    },
                    "400": {"description": "bad request"},
                },
            },
            "post": {
                "operationId": "create_item",
                "tags": ["Items"],
                "requestBody": {
                    "required": False,
                    "content": _json({"$ref": "#/components/schemas/NewItem"}),
                },
                "responses": {"201": {"description": "created", "content": _json(_ITEM_REF)}},
            },
        },
        "/items/{id}": {
            "get": {
                "operationId": "get_item",
                "tags": ["Items"],
                "parameters": [
                    {"in": "path", "name": "id", "required": True, "schema": {"type": "string"}}
                ],
                "responses": {"200": {"description": "the item", "content": _json(_ITEM_REF)}},
            },
            "delete": {
                "operationId": "delete_item",
                "tags": ["Items"],
                "parameters": [
                    {"in": "path", "name": "id", "required": True, "schema": {"type": "string"}}
                ],
                "responses": {"204": {"description": "deleted"}},
            },
        },
        "/health": {
            "get": {
                "operationId": "get_health",
                "tags": ["Health"],
                "security": [],
                "responses": {
                    "200": {
                        "description": "up",
                        "content": {"text/plain": {"schema": {"type": "string"}}},
                    }
                },
            }
        },
    },
    "components": {
        "securitySchemes": {
            "ApiKey": {"type": "apiKey", "in": "header", "name": "X-Key"},
            "Bearer": {"type": "http", "scheme": "bearer"},
        },
        "schemas": {
            "Item": {
                "type": "object",
                "required": ["id", "name", "state"],
                "properties": {
                    "id": {"type": "string"},
                    "name": {"type": "string", "maxLength": 50},
                    "state": {"type": "string", "enum": ["open", "closed"]},
                    "size": {"type": "integer"},
                    "note": {"type": "string"},
                    "created": {"type": "string", "format": "date-time"},
                },
            },
            "NewItem": {
                "type": "object",
                "required": ["name"],
                "properties": {
                    "name": {"type": "string", "maxLength": 50},
                    "state": {"type": "string", "enum": ["open", "closed"], "default": "open"},
                    "size": {"type": "integer", "minimum": 0},
                    "labels": {"type": "array", "maxItems": 10, "items": {"type": "string"}},
                    "shape": {
                        "oneOf": [
                            {
                                "title": "Square",
                                "type": "object",
                                "properties": {"side": {"type": "number"}},
                            },
                            {
                                "title": "Circle",
                                "type": "object",
                                "properties": {"radius": {"type": "number"}},
                            },
                        ]
                    },
                },
            },
        },
    },
}


def base() -> dict[str, Any]:
    return copy.deepcopy(BASE)


def at(spec: dict[str, Any], *path: str | int) -> Any:
    """The node of ``spec`` under ``path`` (keys and list indexes)."""
    node: Any = spec
    for token in path:
        node = node[token]
    return node


def param(spec: dict[str, Any], path: str, method: str, name: str) -> dict[str, Any]:
    found: dict[str, Any] = next(
        p for p in spec["paths"][path][method]["parameters"] if p["name"] == name
    )
    return found


def schema(spec: dict[str, Any], name: str) -> dict[str, Any]:
    found: dict[str, Any] = spec["components"]["schemas"][name]
    return found


def wire_changes(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    return compare_wire(
        dereference(old, "old.json", Path(".")), dereference(new, "new.json", Path("."))
    )


def write_spec(path: Path, spec: dict[str, Any]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(spec, indent=1), encoding="utf-8")
    return path
