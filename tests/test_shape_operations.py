"""Operation shapes that trip generators, each proven on the wire (issue 7).

Every shape of ``tests/shape_operation_specs.py`` is generated as its own
package; its client is called through ``httpx.MockTransport`` and the test
asserts on the request it sends and the value it returns.
"""

from __future__ import annotations

import email.parser
import email.policy
import inspect
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest

from .shapes import GeneratedShape

Handler = Callable[[httpx.Request], httpx.Response]


def client_for(shape: GeneratedShape, handler: Handler) -> tuple[Any, list[httpx.Request]]:
    """The shape's generated ``Client``, its requests recorded and answered by ``handler``."""
    seen: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return handler(request)

    http = httpx.Client(transport=httpx.MockTransport(record))
    client = shape.module().Client(base_url="http://test", http_client=http)
    return client, seen


def no_content(request: httpx.Request) -> httpx.Response:
    return httpx.Response(204)


@pytest.mark.parametrize(
    ("status", "payload", "model"),
    [
        (200, {"id": "t1"}, "Thing"),
        (201, {"location": "/things/t1"}, "Created"),
        (202, {"position": 3}, "Queued"),
        (204, None, None),
    ],
)
def test_each_2xx_status_is_parsed_to_its_own_type(
    shapes: dict[str, GeneratedShape], status: int, payload: Any, model: str | None
) -> None:
    shape = shapes["several_2xx_responses"]
    client, _ = client_for(shape, lambda request: httpx.Response(status, json=payload))
    result = client.things.create_thing()
    if model is None:
        assert result is None
    else:
        assert type(result) is getattr(shape.module("models"), model)
        assert result.model_dump() == payload


def test_several_2xx_responses_give_a_union_return_hint(
    shapes: dict[str, GeneratedShape],
) -> None:
    things = shapes["several_2xx_responses"].module("resources.things")
    for resource in (things.Things, things.AsyncThings):
        hint = inspect.signature(resource.create_thing).return_annotation
        assert hint == "models.Thing | models.Created | models.Queued | None"


def test_several_response_media_types_are_accepted_json_first_then_in_spec_order(
    shapes: dict[str, GeneratedShape],
) -> None:
    shape = shapes["several_media_types"]
    client, seen = client_for(shape, lambda request: httpx.Response(200, json={"rows": 2}))
    report = client.things.get_report()
    assert seen[0].headers["Accept"] == "application/json, text/csv, application/xml"
    assert type(report) is shape.module("models").Report and report.rows == 2


@pytest.mark.parametrize(
    ("method", "media_type", "answer", "expected"),
    [
        ("get_text", "text/plain", b"a,b\n1,2\n", "a,b\n1,2\n"),
        ("get_binary", "application/octet-stream", b"\x00\xff\x10", b"\x00\xff\x10"),
    ],
)
def test_a_response_that_is_not_json_is_returned_as_text_or_bytes(
    shapes: dict[str, GeneratedShape], method: str, media_type: str, answer: bytes, expected: Any
) -> None:
    client, seen = client_for(
        shapes["several_media_types"],
        lambda request: httpx.Response(200, content=answer, headers={"Content-Type": media_type}),
    )
    assert getattr(client.things, method)() == expected
    assert seen[0].headers["Accept"] == media_type


def test_a_body_offered_as_json_and_as_a_form_is_sent_as_json(
    shapes: dict[str, GeneratedShape],
) -> None:
    client, seen = client_for(shapes["several_media_types"], no_content)
    client.things.put_report(body={"rows": 4})
    assert seen[0].headers["Content-Type"] == "application/json"
    assert seen[0].content == b'{"rows":4}'


def test_a_form_body_is_sent_urlencoded(shapes: dict[str, GeneratedShape]) -> None:
    shape = shapes["form_body"]
    client, seen = client_for(shape, no_content)
    login = shape.module("models").Login(user="ann b", scopes=["read", "write"], remember=True)
    client.things.log_in(body=login)
    client.things.log_in(body={"user": "bob", "remember": False, "scopes": []})
    assert [r.headers["Content-Type"] for r in seen] == ["application/x-www-form-urlencoded"] * 2
    assert parse_qs(seen[0].content.decode(), keep_blank_values=True) == {
        "user": ["ann b"],
        "scopes": ["read", "write"],
        "remember": ["true"],
    }
    assert seen[1].content == b"user=bob&remember=false"


def multipart_parts(request: httpx.Request) -> dict[str, tuple[str | None, str | None, bytes]]:
    """name -> (filename, content type, content) of each part of a multipart request."""
    head = f"Content-Type: {request.headers['Content-Type']}\r\n\r\n".encode()
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + request.content)
    assert message.is_multipart()
    parts: dict[str, tuple[str | None, str | None, bytes]] = {}
    for part in message.iter_parts():
        name = str(part.get_param("name", header="content-disposition"))
        payload = part.get_payload(decode=True)
        assert isinstance(payload, bytes)
        content_type = part["Content-Type"]
        parts.setdefault(name, (part.get_filename(), content_type, b""))
        filename, kind, before = parts[name]
        parts[name] = (filename, kind, before + (b"|" if before else b"") + payload)
    return parts


def test_a_multipart_body_is_sent_as_multipart_with_its_file_as_bytes(
    shapes: dict[str, GeneratedShape],
) -> None:
    shape = shapes["multipart_body"]
    client, seen = client_for(shape, no_content)
    upload = shape.module("models").Upload(
        file=b"\x89PNG\x00\xff", note="a picture", meta={"size": 6}, labels=["x", "y"]
    )
    client.things.upload(body=upload)
    assert seen[0].headers["Content-Type"].startswith("multipart/form-data; boundary=")
    assert multipart_parts(seen[0]) == {
        "file": ("file", "application/octet-stream", b"\x89PNG\x00\xff"),
        "note": (None, None, b"a picture"),
        "meta": (None, "application/json", b'{"size": 6}'),
        "labels": (None, None, b"x|y"),
    }


def test_a_multipart_body_given_as_a_dict_is_sent_the_same_way(
    shapes: dict[str, GeneratedShape],
) -> None:
    client, seen = client_for(shapes["multipart_body"], no_content)
    client.things.upload(body={"file": b"raw", "note": "n"})
    parts = multipart_parts(seen[0])
    assert parts == {
        "file": ("file", "application/octet-stream", b"raw"),
        "note": (None, None, b"n"),
    }


def test_a_cookie_parameter_is_sent_as_a_cookie(shapes: dict[str, GeneratedShape]) -> None:
    client, seen = client_for(shapes["cookie_parameters"], no_content)
    client.things.get_me(session_id="abc123")
    client.things.get_me(session_id="s2", theme="dark")
    assert seen[0].headers["Cookie"] == "session-id=abc123"
    assert seen[1].headers["Cookie"] == "session-id=s2; theme=dark"
    assert "session-id" not in seen[0].url.params and "session-id" not in seen[0].headers


def test_operations_without_operation_id_or_tags_get_derived_names_in_a_default_resource(
    shapes: dict[str, GeneratedShape],
) -> None:
    shape = shapes["no_operation_id_or_tags"]
    client, seen = client_for(
        shape,
        lambda request: httpx.Response(204 if request.method != "GET" else 200, json={"id": "i"}),
    )
    thing = client.default.get_items_item_id(7)
    client.default.delete_items_item_id(7)
    client.default.ping()
    client.items.post_items()
    assert [(r.method, r.url.path) for r in seen] == [
        ("GET", "/items/7"),
        ("DELETE", "/items/7"),
        ("GET", "/ping"),
        ("POST", "/items"),
    ]
    assert type(thing) is shape.module("models").Thing
    operations = shape.module().OPERATIONS
    assert {(o.resource, o.name) for o in operations.values()} == {
        ("default", "get_items_item_id"),
        ("default", "delete_items_item_id"),
        ("default", "ping"),
        ("items", "post_items"),
    }
