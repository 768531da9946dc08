"""A valid OpenAPI 3.1 document built to trip a generator.

Names that are keywords, builtins, pydantic's own attributes, start with
digits, hold spaces, dashes, dots, unicode or only punctuation, or collide
after sanitising; and text fields that each carry a payload of Python code,
so a test can prove that none of it ever runs or leaves a string literal.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["HOSTILE_NAMES", "MARKER", "TEXT_FIELDS", "hostile_spec", "payload"]

MARKER = "PWNED_5f3a"

# Each way out of a string the generated code could offer, with the marker.
_ESCAPES = [
    '"""; __import__("os").system("touch {m}"); """',
    "'''; __import__('os').system('touch {m}'); '''",
    '"; {m} = 1; "',
    '\\"; {m}_backslash = 1 #',
    "{{{{ {m} }}}} {{% if {m} %}}{{% endif %}}",
    "line\nimport {m}\n",
    "nul\x00ctrl\x07\x1b[31m{m}\r\nx",
    "\\N{{LATIN SMALL LETTER A}} \\x00 \\u0000 {m}",
    "{m}" + "x" * 5000,
    "# -*- coding: latin-1 -*- {m}",
]


def payload(index: int) -> str:
    return _ESCAPES[index % len(_ESCAPES)].format(m=MARKER)


HOSTILE_NAMES = [
    "class",
    "from",
    "None",
    "list",
    "type",
    "self",
    "model_config",
    "model_fields",
    "json",
    "schema",
    "dict",
    "1st-place",
    "with space",
    "user-id",
    "user_id",
    "userId",
    "a.b.c",
    "ünïcödé",
    "名前",
    "!!!",
    "---",
    "_",
    "__init__",
    "models",
    "body",
    "timeout",
    "extra_headers",
]

# OpenAPI allows only ^[a-zA-Z0-9._-]+$ as a component name; the others
# reach the generator as titles of inline schemas.
COMPONENT_NAMES = [n for n in HOSTILE_NAMES if re.fullmatch(r"[a-zA-Z0-9._-]+", n)]

TEXT_FIELDS: list[str] = []  # filled by hostile_spec(): the JSON pointer of each payload


class _Texts:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self, pointer: str) -> str:
        TEXT_FIELDS.append(pointer)
        self.count += 1
        return payload(self.count)


def hostile_spec() -> dict[str, Any]:
    TEXT_FIELDS.clear()
    text = _Texts()
    properties: dict[str, Any] = {
        name: {
            "type": "string",
            "description": text(f"property {name} description"),
            "example": text(f"property {name} example"),
            "default": text(f"property {name} default"),
        }
        for name in HOSTILE_NAMES
    }
    properties["status"] = {
        "type": "string",
        "enum": ["Cancelled - Ran too long", "2026-02-01", "", "class", "None", "1", "ü"],
    }
    properties["mixed"] = {"enum": [1, "one", True, None, 2.5]}
    properties["payload_enum"] = {"type": "string", "enum": [payload(0), payload(1), payload(5)]}
    for name in HOSTILE_NAMES:  # inline objects named by their title
        properties[f"{name} object"] = {
            "type": "object",
            "title": name,
            "properties": {name: {"type": "integer"}, "value": {"type": "boolean"}},
        }
    schemas: dict[str, Any] = {
        name: {
            "type": "object",
            "title": text(f"schema {name} title") if name == "class" else name,
            "description": text(f"schema {name} description"),
            "properties": {"value": {"type": "integer"}, "payload": {"type": "string"}},
        }
        for name in COMPONENT_NAMES
    }
    schemas["Everything"] = {
        "type": "object",
        "description": text("Everything description"),
        "required": ["class", "user-id"],
        "properties": properties,
        "example": {"class": payload(0)},
    }
    parameters = [
        {
            "name": name,
            "in": location,
            "description": text(f"parameter {name} {location}"),
            "schema": {"type": "string", "default": payload(3)},
        }
        for location in ("query", "header", "cookie")
        for name in HOSTILE_NAMES[:20]
    ]
    paths: dict[str, Any] = {}
    for index, tag in enumerate(HOSTILE_NAMES):
        op_id = ["import", "1op", "list", "op-id", "op_id", "with", "__class__"][index % 7]
        paths[f"/things/{index}/{{id}}"] = {
            "parameters": [
                {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
            ],
            "post": {
                "operationId": f"{op_id}{index}" if index >= 7 else op_id,
                "tags": [tag],
                "summary": text(f"operation {index} summary"),
                "description": text(f"operation {index} description"),
                "parameters": parameters if index == 0 else [],
                "requestBody": {
                    "description": text(f"operation {index} body"),
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Everything"}}
                    },
                },
                "responses": {
                    "200": {
                        "description": text(f"operation {index} response"),
                        "content": {
                            "application/json": {
                                "schema": {"$ref": f"#/components/schemas/{_component(index)}"}
                            }
                        },
                    }
                },
            },
        }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": text("info title"),
            "version": text("info version")[:40],
            "description": text("info description"),
        },
        "servers": [{"url": "https://example.com/api", "description": text("server")}],
        "tags": [{"name": tag, "description": text(f"tag {tag}")} for tag in HOSTILE_NAMES],
        "paths": paths,
        "components": {"schemas": schemas},
    }


def _component(index: int) -> str:
    return COMPONENT_NAMES[index % len(COMPONENT_NAMES)]
