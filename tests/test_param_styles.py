"""Parameters on the wire by their ``style`` and ``explode``, checked two ways.

1. The runtime's serialisation against the "Style Examples" table of the OpenAPI
   Specification (3.0.4 and 3.1.1 give the same table, which follows RFC 6570:
   ``color`` = ``"blue"``, ``["blue", "black", "brown"]`` and
   ``{"R": 100, "G": 200, "B": 150}``; source:
   https://spec.openapis.org/oas/v3.1.1.html#style-examples, Apache-2.0).
2. A client generated for a spec with a parameter in every style and shape:
   the URL and headers it sends, and Prism's verdict on the styles Prism can
   read back (it answers 422 to a wrongly serialised list or object).

Prism 5.14 (tests/prism) can't be the judge of every style: it refuses the
table's own ``R=100&G=200&B=150`` (form, exploded object) and
``color[R]=100&...`` (deepObject), does not split ``blue%20black``
(spaceDelimited), and crashes on a ``simple`` list in a path
(``value.split is not a function``). Those are checked against the table only.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from qiskit_runtime_api._styles import delimited, path_text, query_pairs

from .conftest import running_prism
from .in_process import importable_client

STRING = "blue"
ARRAY = ["blue", "black", "brown"]
OBJECT = {"R": 100, "G": 200, "B": 150}

# (style, explode, value) -> the table's cell, as it appears in the URL before
# percent-encoding of the query (the path cells are already what the URL holds).
PATH_TABLE = [
    ("matrix", False, STRING, ";color=blue"),
    ("matrix", False, ARRAY, ";color=blue,black,brown"),
    ("matrix", False, OBJECT, ";color=R,100,G,200,B,150"),
    ("matrix", True, STRING, ";color=blue"),
    ("matrix", True, ARRAY, ";color=blue;color=black;color=brown"),
    ("matrix", True, OBJECT, ";R=100;G=200;B=150"),
    ("label", False, STRING, ".blue"),
    ("label", False, ARRAY, ".blue,black,brown"),
    ("label", False, OBJECT, ".R,100,G,200,B,150"),
    ("label", True, STRING, ".blue"),
    ("label", True, ARRAY, ".blue.black.brown"),
    ("label", True, OBJECT, ".R=100.G=200.B=150"),
    ("simple", False, STRING, "blue"),
    ("simple", False, ARRAY, "blue,black,brown"),
    ("simple", False, OBJECT, "R,100,G,200,B,150"),
    ("simple", True, STRING, "blue"),
    ("simple", True, ARRAY, "blue,black,brown"),
    ("simple", True, OBJECT, "R=100,G=200,B=150"),
]
QUERY_TABLE = [
    ("form", False, STRING, "color=blue"),
    ("form", False, ARRAY, "color=blue,black,brown"),
    ("form", False, OBJECT, "color=R,100,G,200,B,150"),
    ("form", True, STRING, "color=blue"),
    ("form", True, ARRAY, "color=blue&color=black&color=brown"),
    ("form", True, OBJECT, "R=100&G=200&B=150"),
    ("spaceDelimited", False, ARRAY, "color=blue black brown"),
    ("spaceDelimited", False, OBJECT, "color=R 100 G 200 B 150"),
    ("pipeDelimited", False, ARRAY, "color=blue|black|brown"),
    ("pipeDelimited", False, OBJECT, "color=R|100|G|200|B|150"),
    ("deepObject", True, OBJECT, "color[R]=100&color[G]=200&color[B]=150"),
]


@pytest.mark.parametrize(("style", "explode", "value", "cell"), PATH_TABLE)
def test_a_path_parameter_is_written_as_the_openapi_style_examples_table_says(
    style: str, explode: bool, value: Any, cell: str
) -> None:
    assert path_text("color", style, explode, value) == cell


@pytest.mark.parametrize(("style", "explode", "value", "cell"), QUERY_TABLE)
def test_a_query_parameter_is_written_as_the_openapi_style_examples_table_says(
    style: str, explode: bool, value: Any, cell: str
) -> None:
    pairs = query_pairs("color", style, explode, value)
    assert "&".join(f"{name}={text}" for name, text in pairs) == cell


def test_a_header_takes_the_simple_style_of_the_table() -> None:
    assert delimited(False, ARRAY) == "blue,black,brown"
    assert delimited(False, OBJECT) == "R,100,G,200,B,150"
    assert delimited(True, OBJECT) == "R=100,G=200,B=150"


def test_path_values_and_keys_are_percent_encoded_but_the_separators_are_not() -> None:
    assert path_text("c", "simple", False, ["a/b", "c,d"]) == "a%2Fb,c%2Cd"
    assert path_text("c", "label", True, {"k=": "v."}) == ".k%3D=v."
    assert path_text("c d", "matrix", False, "x y") == ";c%20d=x%20y"


def test_a_none_property_is_left_out_and_deep_objects_nest() -> None:
    assert query_pairs("f", "form", True, {"a": 1, "b": None}) == [("a", "1")]
    assert query_pairs("f", "deepObject", True, {"a": {"b": [1, 2]}, "c": True}) == [
        ("f[a][b]", "1"),
        ("f[a][b]", "2"),
        ("f[c]", "true"),
    ]


PACKAGE = "styles_api"
RGB = {
    "type": "object",
    "required": ["R", "G", "B"],
    "properties": {n: {"type": "integer"} for n in ("R", "G", "B")},
}
COLORS = {"type": "array", "minItems": 2, "items": {"type": "string", "enum": ARRAY}}


def _param(name: str, where: str, style: str, explode: bool, schema: Any) -> dict[str, Any]:
    return {
        "name": name,
        "in": where,
        "required": True,
        "style": style,
        "explode": explode,
        "schema": schema,
    }


_ANSWER = {
    "200": {
        "description": "ok",
        "content": {"application/json": {"schema": {"type": "object"}, "example": {}}},
    }
}
PRISM_READS = ("form_list", "csv", "pipes", "rgb_flat")
QUERY_PARAMS = [
    _param("form_list", "query", "form", True, COLORS),
    _param("csv", "query", "form", False, COLORS),
    _param("ssv", "query", "spaceDelimited", False, COLORS),
    _param("pipes", "query", "pipeDelimited", False, COLORS),
    _param("rgb", "query", "form", True, RGB),
    _param("rgb_flat", "query", "form", False, RGB),
    _param("deep", "query", "deepObject", True, RGB),
]
PATH_PARAMS = [
    _param("simple", "path", "simple", False, COLORS),
    _param("label", "path", "label", True, COLORS),
    _param("matrix", "path", "matrix", False, COLORS),
]
SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Styles API", "version": "1.0.0"},
    "servers": [{"url": "https://styles.example"}],
    "paths": {
        "/colors": {
            "get": {
                "operationId": "query_styles",
                "tags": ["colors"],
                "parameters": [
                    *QUERY_PARAMS,
                    _param("X-Rgb", "header", "simple", True, RGB),
                ],
                "responses": _ANSWER,
            }
        },
        "/checked": {
            "get": {
                "operationId": "checked_styles",
                "tags": ["colors"],
                "parameters": [
                    *(p for p in QUERY_PARAMS if p["name"] in PRISM_READS),
                    _param("X-Rgb", "header", "simple", True, RGB),
                ],
                "responses": _ANSWER,
            }
        },
        "/paint/{simple}/{label}/{matrix}": {
            "get": {
                "operationId": "path_styles",
                "tags": ["colors"],
                "parameters": PATH_PARAMS,
                "responses": _ANSWER,
            }
        },
    },
}
QUERY_ARGUMENTS: dict[str, Any] = {
    "form_list": ["blue", "black"],
    "csv": ["blue", "black"],
    "ssv": ["blue", "black"],
    "pipes": ["blue", "black"],
    "rgb": OBJECT,
    "rgb_flat": OBJECT,
    "deep": OBJECT,
    "x_rgb": OBJECT,
}
PATH_ARGUMENTS: dict[str, Any] = {name: ["blue", "black"] for name in ("simple", "label", "matrix")}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Any]]:
    with importable_client(tmp_path_factory.mktemp("styles"), PACKAGE, SPEC) as client:
        yield client.spec, importlib.import_module(PACKAGE)


def test_the_generated_client_sends_every_style_as_the_table_says(
    generated: tuple[Path, Any],
) -> None:
    _, package = generated
    seen: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={})

    with package.Client(http_client=httpx.Client(transport=httpx.MockTransport(record))) as client:
        client.colors.query_styles(**QUERY_ARGUMENTS)
        client.colors.path_styles(**PATH_ARGUMENTS)
    query, path = seen
    assert query.url.params.multi_items() == [
        ("form_list", "blue"),
        ("form_list", "black"),
        ("csv", "blue,black"),
        ("ssv", "blue black"),
        ("pipes", "blue|black"),
        ("R", "100"),
        ("G", "200"),
        ("B", "150"),
        ("rgb_flat", "R,100,G,200,B,150"),
        ("deep[R]", "100"),
        ("deep[G]", "200"),
        ("deep[B]", "150"),
    ]
    assert query.headers["X-Rgb"] == "R=100,G=200,B=150"
    assert path.url.raw_path == b"/paint/blue,black/.blue.black/;matrix=blue,black"


def test_prism_accepts_the_lists_and_objects_the_generated_client_sends(
    generated: tuple[Path, Any], tmp_path: Path
) -> None:
    spec, package = generated
    refused: list[str] = []
    with running_prism(spec, tmp_path) as url, package.Client(base_url=url) as client:
        arguments = {k: v for k, v in QUERY_ARGUMENTS.items() if k in (*PRISM_READS, "x_rgb")}
        try:
            assert client.colors.checked_styles(**arguments) == {}
        except package.APIStatusError as exc:  # Prism's 422 names what it refused
            refused.append(exc.response.text)
    assert refused == []
