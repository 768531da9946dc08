"""Runtime extensions read into the IR, and their mistakes reported at their pointers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.diagnostics import Diagnostic, Level
from generator.ir.build import build_api
from generator.ir.model import Api
from generator.spec.dereference import dereference

PAGE = {
    "type": "object",
    "properties": {
        "items": {"type": "array", "items": {"$ref": "#/components/schemas/Thing"}},
        "total": {"type": "integer"},
        "next": {"type": "object", "properties": {"href": {"type": "string"}}},
        "status": {"type": "string", "enum": ["Running", "Done", "Gone - Too Late"]},
    },
}


def build(extensions: dict[str, Any], tmp_path: Path) -> tuple[Api, list[Diagnostic]]:
    operation = {
        "operationId": "listThings",
        "tags": ["Things"],
        "parameters": [
            {"name": n, "in": "query", "schema": {"type": "integer"}} for n in ("limit", "offset")
        ]
        + [{"name": "cursor", "in": "query", "schema": {"type": "string"}}],
        "responses": {
            "200": {"description": "ok", "content": {"application/json": {"schema": PAGE}}}
        },
        **extensions,
    }
    spec = {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {"/things": {"get": operation}},
        "components": {
            "schemas": {"Thing": {"type": "object", "properties": {"id": {"type": "string"}}}}
        },
    }
    return build_api(dereference(spec, "t.json", tmp_path))


def test_offset_pagination_timeout_and_wait_are_read(tmp_path: Path) -> None:
    api, problems = build(
        {
            "x-timeout": 900,
            "x-pagination": {
                "style": "offset",
                "items": "items",
                "limit": "limit",
                "offset": "offset",
                "total": "total",
            },
            "x-wait": {"status": "status", "final": ["Done", "Gone - Too Late"]},
        },
        tmp_path,
    )
    op = api.resources[0].operations[0]
    assert problems == []
    assert op.timeout == 900.0
    assert op.pagination is not None and op.pagination.method == "list_all"
    assert (op.pagination.items, op.pagination.total) == ("items", "total")
    assert op.waiter is not None and op.waiter.final == ("Done", "Gone - Too Late")


def test_cursor_pagination_reads_a_nested_next_link(tmp_path: Path) -> None:
    api, problems = build(
        {
            "x-pagination": {
                "style": "cursor",
                "method": "every_thing",
                "items": "items",
                "cursor": "cursor",
                "next": "next/href",
            }
        },
        tmp_path,
    )
    pagination = api.resources[0].operations[0].pagination
    assert problems == [] and pagination is not None
    assert (pagination.method, pagination.cursor, pagination.next) == (
        "every_thing",
        "cursor",
        "next/href",
    )


@pytest.mark.parametrize(
    ("extensions", "pointer", "words"),
    [
        ({"x-timeout": -1}, "/x-timeout", "positive number"),
        ({"x-timeout": "long"}, "/x-timeout", "positive number"),
        ({"x-pagination": {"style": "pages"}}, "/x-pagination/style", "style: offset"),
        (
            {"x-pagination": {"style": "offset", "items": "things", "offset": "offset"}},
            "/x-pagination/items",
            "member of the 2xx response",
        ),
        (
            {"x-pagination": {"style": "offset", "items": "total", "offset": "offset"}},
            "/x-pagination/items",
            "not an array",
        ),
        (
            {"x-pagination": {"style": "offset", "items": "items", "offset": "skip"}},
            "/x-pagination/offset",
            "query parameter",
        ),
        (
            {"x-pagination": {"style": "cursor", "items": "items", "cursor": "cursor"}},
            "/x-pagination/next",
            "member of the 2xx response",
        ),
        (
            {
                "x-pagination": {
                    "style": "offset",
                    "items": "items",
                    "offset": "offset",
                    "method": "list_things",
                }
            },
            "/x-pagination/method",
            "free Python identifier",
        ),
        ({"x-wait": {"status": "status", "final": []}}, "/x-wait/final", "non-empty list"),
        ({"x-wait": {"status": "state", "final": ["Done"]}}, "/x-wait/status", "member"),
        ({"x-wait": {"status": "status", "final": ["Finished"]}}, "/x-wait/final/0", "'Finished'"),
        (
            {"x-wait": {"status": "status", "final": ["Done"], "failed": ["Gone - Too Late"]}},
            "/x-wait/failed/0",
            "not one of the final statuses",
        ),
        (
            {"x-wait": {"status": "status", "final": ["Done"], "reason": {"why": "status"}}},
            "/x-wait/reason/why",
            "reason takes reason",
        ),
        (
            {"x-wait": {"status": "status", "final": ["Done"], "reason": {"reason": "nope"}}},
            "/x-wait/reason/reason",
            "not in the 2xx response",
        ),
    ],
)
def test_a_wrong_extension_is_an_error_at_its_pointer(
    tmp_path: Path, extensions: dict[str, Any], pointer: str, words: str
) -> None:
    _, problems = build(extensions, tmp_path)
    assert problems, "no error reported"
    problem = problems[0]
    assert problem.level is Level.ERROR and problem.file == "t.json"
    assert problem.pointer == "/paths/~1things/get" + pointer
    assert words in problem.message and "spec/overlays" in problem.hint
