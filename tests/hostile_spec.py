"""A valid OpenAPI 3.1 document built to trip a generator.

Names that are keywords, builtins, pydantic's own attributes, start with
digits, hold spaces, dashes, dots, unicode or only punctuation, or collide
after sanitising; and text fields that each carry a payload of Python code,
so a test can prove that none of it ever runs or leaves a string literal.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = [
    "HOSTILE_NAMES",
    "MARKER",
    "TEXT_FIELDS",
    "hostile_spec",
    "payload",
    "payload_everywhere",
]

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


# -- the payload in every string a spec can hold --------------------------------

BREAKOUT = (
    '""" + str(__import__("os").system("touch {marker}")) + """'
    "\n# ''' + str(__import__('os').system('touch {marker}_single')) + ''' \\"
    " {{{{ {marker} }}}} {{% if 1 %}}</code><script>{marker}</script>\n```\n<img src=x"
    " onerror={marker}> ~~~ `` \\` | [x](javascript:{marker}) *"
)
"""Ways out of a Python string (both quotes, a backslash before the closing quotes),
of a comment (a line break), of a Jinja template, and of the README's Markdown: a
code span or fence closed early, raw HTML, a table cell, a link."""

# Values the OpenAPI and JSON Schema vocabularies fix: replacing them would only
# make the document invalid (exit 2, nothing generated, nothing proven).
_STRUCTURAL_KEYS = frozenset(
    {"type", "format", "in", "style", "$ref", "openapi", "scheme", "bearerFormat",
     "pattern", "$schema", "discriminator", "mapping", "x-pagination", "x-wait"}
)  # fmt: skip
# Extensions the generator reads keep their names (their values get the payload).
_READ_EXTENSIONS = frozenset(
    {
        "x-region",
        "x-timeout",
        "x-pagination",
        "x-wait",
        "x-client",
        "x-doc",
        "x-auth",
        "x-value-prefix",
        "x-python-presets",
    }
)
# Constraints a longer string would break: dropped, so the payload can stand in any default.
_DROPPED_KEYS = frozenset({"maxLength", "pattern", "format"})


def payload_everywhere(seed: dict[str, Any], marker: str) -> dict[str, Any]:
    """``seed`` with a code-injection payload appended to every string, keys included.

    The same string always becomes the same text, so what refers to it by name
    (``required`` lists, tags, pagination parameters) still finds it. Kept as
    they are: the vocabulary's values (``type``, ``in``, ...), component names
    and path templates (OpenAPI allows no such characters there), media types,
    status codes, and the names the runtime extensions refer to. Every server
    gets an ``x-region`` (the client's region names), to carry the payload too.
    """
    seed = {
        **seed,
        "servers": [{**s, "x-region": f"region{i}"} for i, s in enumerate(seed["servers"])],
    }
    keep = _kept_names(seed)

    breakout = BREAKOUT.format(marker=marker)  # the other ways out: hostile_spec()

    def text(value: str) -> str:
        return value if value in keep else value + breakout

    def walk(node: Any, parents: tuple[str, ...]) -> Any:
        if isinstance(node, list):
            return [walk(v, parents) for v in node]
        if isinstance(node, str):
            return node if parents and parents[-1] in _STRUCTURAL_KEYS else text(node)
        if not isinstance(node, dict):
            return node
        result: dict[str, Any] = {}
        for key, value in node.items():
            here = (*parents, key)
            if key in _DROPPED_KEYS and parents[-1:] != ("properties",):
                continue
            if key in _STRUCTURAL_KEYS:
                result[key] = value
            else:
                result[_key(key, parents, text)] = walk(value, here)
        return result

    walked: dict[str, Any] = walk(seed, ())
    return walked


def _key(key: str, parents: tuple[str, ...], text: Any) -> str:
    """A mapping key with the payload where OpenAPI lets a key be any string."""
    parent = parents[-1] if parents else ""
    grandparent = parents[-2] if len(parents) > 1 else ""
    if parent == "properties" or (key.startswith("x-") and key not in _READ_EXTENSIONS):
        return str(text(key))  # property names; extension names (x-<payload>)
    if parent == "examples" and grandparent != "components":
        return str(text(key))
    return key


def _kept_names(seed: dict[str, Any]) -> set[str]:
    keep: set[str] = set()

    def collect(node: Any, parents: tuple[str, ...]) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if parents[-1:] in (("schemas",), ("securitySchemes",), ("paths",)):
                    keep.add(key)
                if key in ("x-pagination", "x-wait"):  # they name members by path
                    names = _strings(value)
                    keep.update(names, *(n.replace(".", "/").split("/") for n in names))
                if key == "x-python-presets" and isinstance(value, list):
                    for preset in value:  # its method, and the body members it sets ("/": a path)
                        keep.update([str(preset.get("method")), *preset.get("body", {})])
                if key == "x-auth" and isinstance(value, dict):  # a kind, names it refers to
                    keep.update(str(value.get(k)) for k in ("kind", "instance", "cloud-url-env"))
                if key == "security" or parents[-1:] == ("content",):
                    keep.update(_strings(value if key == "security" else key))
                if key == "name" and isinstance(node.get("in"), str) and node["in"] == "path":
                    keep.add(value)
                collect(value, (*parents, key))
        elif isinstance(node, list):
            for value in node:
                collect(value, parents)

    collect(seed, ("",))
    return keep


def _strings(node: Any) -> set[str]:
    if isinstance(node, str):
        return {node}
    if isinstance(node, dict):
        return set(node) | {s for v in node.values() for s in _strings(v)}
    if isinstance(node, list):
        return {s for v in node for s in _strings(v)}
    return set()
