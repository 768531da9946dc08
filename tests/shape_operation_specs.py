"""Tiny specs of the operation shapes that trip generators (issue 7).

Each entry of ``OPERATION_SHAPES`` is a whole OpenAPI document;
``tests/shapes.py`` generates them.
"""

from __future__ import annotations

from typing import Any

from .shape_specs import INTEGER, STRING, Schema, document, obj, ref

__all__ = ["OPERATION_SHAPES"]


def answer(status: str, schema: Schema | None = None, media: str = "application/json") -> Schema:
    content = {"content": {media: {"schema": schema}}} if schema is not None else {}
    return {status: {"description": f"answer {status}", **content}}


def operation(operation_id: str | None, *responses: Schema, **more: Any) -> Schema:
    named = {"operationId": operation_id} if operation_id else {}
    merged: Schema = {}
    for response in responses or (answer("204"),):
        merged.update(response)
    return {**named, "tags": ["things"], "responses": merged, **more}


def body(*media_types: str, schema: Schema) -> Schema:
    return {"required": True, "content": {m: {"schema": schema} for m in media_types}}


FORM = obj(
    {"user": STRING, "scopes": {"type": "array", "items": STRING}, "remember": {"type": "boolean"}},
    ["user"],
)
UPLOAD = obj(
    {
        "file": {"type": "string", "format": "binary"},
        "note": STRING,
        "meta": obj({"size": INTEGER}),
        "labels": {"type": "array", "items": STRING},
    },
    ["file"],
)
THING = obj({"id": STRING}, ["id"])
PATH_ID = {"name": "item_id", "in": "path", "required": True, "schema": INTEGER}

OPERATION_SHAPES: dict[str, Schema] = {
    "webhooks": document(
        "3.1.0",
        {"Thing": THING, "Event": obj({"event": STRING}, ["event"])},
        {"/thing": {"get": operation("get_thing", answer("200", ref("Thing")))}},
        webhooks={
            "thingCreated": {
                "post": {
                    "requestBody": body("application/json", schema=ref("Event")),
                    "responses": answer("200"),
                }
            },
            "thingDeleted": {
                "post": {
                    "requestBody": body("application/json", schema=obj({"gone": STRING})),
                    "responses": answer("204"),
                }
            },
        },
    ),
    "several_2xx_responses": document(
        "3.0.3",
        {
            "Thing": THING,
            "Created": obj({"location": STRING}, ["location"]),
            "Queued": obj({"position": INTEGER}, ["position"]),
        },
        {
            "/things": {
                "post": operation(
                    "create_thing",
                    answer("200", ref("Thing")),
                    answer("201", ref("Created")),
                    answer("202", ref("Queued")),
                    answer("204"),
                )
            }
        },
    ),
    "several_media_types": document(
        "3.0.3",
        {"Report": obj({"rows": INTEGER}, ["rows"])},
        {
            "/report": {
                "get": operation(
                    "get_report",
                    {
                        "200": {
                            "description": "the report",
                            "content": {
                                "text/csv": {"schema": STRING},
                                "application/json": {"schema": ref("Report")},
                                "application/xml": {"schema": ref("Report")},
                            },
                        }
                    },
                ),
                "put": operation(
                    "put_report",
                    requestBody=body(
                        "application/x-www-form-urlencoded",
                        "application/json",
                        schema=ref("Report"),
                    ),
                ),
            },
            "/report.txt": {"get": operation("get_text", answer("200", STRING, "text/plain"))},
            "/report.bin": {
                "get": operation(
                    "get_binary",
                    answer(
                        "200", {"type": "string", "format": "binary"}, "application/octet-stream"
                    ),
                )
            },
        },
    ),
    "form_body": document(
        "3.0.3",
        {"Login": FORM},
        {
            "/login": {
                "post": operation(
                    "log_in",
                    requestBody=body("application/x-www-form-urlencoded", schema=ref("Login")),
                )
            }
        },
    ),
    "multipart_body": document(
        "3.0.3",
        {"Upload": UPLOAD},
        {
            "/upload": {
                "post": operation(
                    "upload", requestBody=body("multipart/form-data", schema=ref("Upload"))
                )
            }
        },
    ),
    "cookie_parameters": document(
        "3.0.3",
        {},
        {
            "/me": {
                "get": operation(
                    "get_me",
                    parameters=[
                        {"name": "session-id", "in": "cookie", "required": True, "schema": STRING},
                        {"name": "theme", "in": "cookie", "schema": STRING},
                    ],
                )
            }
        },
    ),
    "no_operation_id_or_tags": document(
        "3.0.3",
        {"Thing": THING},
        {
            "/items/{item_id}": {
                "parameters": [PATH_ID],
                "get": {"responses": answer("200", ref("Thing"))},
                "delete": {"responses": answer("204")},
            },
            "/ping": {"get": {"operationId": "ping", "responses": answer("204")}},
            "/items": {"post": {"tags": ["items"], "responses": answer("201", ref("Thing"))}},
        },
    ),
}
