"""Names that meet in one scope get distinct, deterministic names, and say so.

Issue 16: operationIds ``fooBar``, ``foo_bar`` and ``FooBar`` all cleaned to
``foo_bar`` (two operations unreachable); an operationId ``with_raw_response``
replaced the raw-response view; a schema ``Annotated`` shadowed
``typing.Annotated`` in ``models.py`` (its responses a plain dict, unvalidated
even in strict mode). Each spec here is generated through the whole pipeline,
imported, and called through ``httpx.MockTransport``.
"""

from __future__ import annotations

import ast
import contextlib
import importlib
import json
import pkgutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from generator.diagnostics import GeneratorError, Level
from generator.emit.reserved import MODELS_MODULE_NAMES, RESOURCE_MODULE_NAMES
from generator.pipeline import Options, Run, generate_files

from .in_process import importable_client

Handler = Callable[[httpx.Request], httpx.Response]
_EMPTY = {"204": {"description": "done"}}


def _spec(paths: dict[str, Any], schemas: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "Collide", "version": "1"},
        "servers": [{"url": "https://example.test"}],
        "paths": paths,
        "components": {"schemas": schemas or {}},
    }


def _post(operation_id: str, tag: str = "Items", **extra: Any) -> dict[str, Any]:
    return {"post": {"operationId": operation_id, "tags": [tag], "responses": _EMPTY, **extra}}


class Generated:
    def __init__(self, package: str, run: Run) -> None:
        self.package = package
        self.run = run

    def module(self, name: str = "") -> Any:
        return importlib.import_module(f"{self.package}.{name}" if name else self.package)

    def warnings(self) -> list[str]:
        return [d.format() for d in self.run.diagnostics if d.level is Level.WARNING]

    def client(self, handler: Handler, **options: Any) -> tuple[Any, list[httpx.Request]]:
        seen: list[httpx.Request] = []

        def record(request: httpx.Request) -> httpx.Response:
            seen.append(request)
            return handler(request)

        http = httpx.Client(transport=httpx.MockTransport(record))
        client = self.module().Client(base_url="http://test", http_client=http, **options)
        return client, seen


@pytest.fixture
def generate(tmp_path: Path) -> Iterator[Callable[[str, dict[str, Any]], Generated]]:
    """Generates a spec in-process into its own package, importable by its name."""
    with contextlib.ExitStack() as stack:

        def run(package: str, spec: dict[str, Any]) -> Generated:
            client = stack.enter_context(importable_client(tmp_path, package, spec))
            return Generated(package, client.run)

        yield run


def _no_content(request: httpx.Request) -> httpx.Response:
    return httpx.Response(204)


def _refusal(spec: dict[str, Any], tmp_path: Path) -> list[str]:
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    options = Options(spec=path, overlays=None, out=tmp_path / "never", package="refused")
    with pytest.raises(GeneratorError) as caught:
        generate_files(options, Run())
    assert not (tmp_path / "never").exists()
    return [d.format() for d in caught.value.diagnostics]


def _methods(resource: Any) -> set[str]:
    return {n for n in vars(type(resource)) if not n.startswith("_")}


def test_operation_ids_that_clean_to_one_name_each_get_a_method_that_sends_their_request(
    generate: Callable[[str, dict[str, Any]], Generated],
) -> None:
    ids = ["fooBar", "foo_bar", "FooBar"]
    spec = _spec({f"/collide/{i}": _post(operation_id) for i, operation_id in enumerate(ids)})
    generated = generate("collide_ids", spec)
    client, seen = generated.client(_no_content)
    methods = _methods(client.items) - {"with_raw_response"}
    assert len(methods) == 3
    assert "foo_bar" in methods  # the operationId spelt as the name keeps it
    for name in sorted(methods):
        getattr(client.items, name)()
    assert sorted(r.url.path for r in seen) == ["/collide/0", "/collide/1", "/collide/2"]
    sent = {r.url.path: name for r, name in zip(seen, sorted(methods), strict=True)}
    assert sent["/collide/1"] == "foo_bar"
    # The two renamed ones are reported, each with the pointers of the others.
    renamed = [w for w in generated.warnings() if "'foo_bar'" in w and "using" in w]
    assert len(renamed) == 2
    for warning in renamed:
        assert warning.count("#/paths/~1collide~1") == 3


def test_names_do_not_depend_on_the_order_of_the_paths(
    generate: Callable[[str, dict[str, Any]], Generated],
) -> None:
    ids = ["fooBar", "foo_bar", "FooBar"]
    forward = {f"/collide/{i}": _post(o) for i, o in enumerate(ids)}
    backward = dict(reversed(list(forward.items())))
    names = []
    for package, paths in (("order_forward", forward), ("order_backward", backward)):
        operations = generate(package, _spec(paths)).module("_operations").OPERATIONS
        names.append({op_id: info.name for op_id, info in operations.items()})
    assert names[0] == names[1]


def test_an_operation_named_with_raw_response_leaves_the_raw_response_view_in_place(
    generate: Callable[[str, dict[str, Any]], Generated],
) -> None:
    spec = _spec({"/raw": _post("with_raw_response"), "/other": _post("other")})
    generated = generate("collide_raw", spec)
    client, seen = generated.client(_no_content)
    raw = client.items.with_raw_response
    assert type(raw).__name__ == "ItemsWithRawResponse"
    assert raw.other().status_code == 204
    renamed = _methods(client.items) - {"with_raw_response", "other"}
    assert len(renamed) == 1
    getattr(client.items, renamed.pop())()
    assert [r.url.path for r in seen] == ["/other", "/raw"]
    assert any("resource class's own 'with_raw_response'" in w for w in generated.warnings())


def test_a_schema_named_annotated_is_validated_and_leaves_typing_annotated_alone(
    generate: Callable[[str, dict[str, Any]], Generated],
) -> None:
    schemas = {
        "Annotated": {
            "type": "object",
            "required": ["value"],
            "properties": {"value": {"type": "integer"}},
        }
    }
    ref = {"$ref": "#/components/schemas/Annotated"}
    answer = {"200": {"description": "it", "content": {"application/json": {"schema": ref}}}}
    paths = {
        "/thing": {"get": {"operationId": "get_thing", "tags": ["Items"], "responses": answer}}
    }
    generated = generate("collide_annotated", _spec(paths, schemas))
    models = generated.module("models")
    assert getattr(models, "Annotated", None) in (None, __import__("typing").Annotated)
    client, _ = generated.client(lambda r: httpx.Response(200, json={"value": 3}), strict=True)
    thing = client.items.get_thing()
    assert type(thing).__module__ == models.__name__ and thing.value == 3
    bad, _ = generated.client(lambda r: httpx.Response(200, json={"value": "x"}), strict=True)
    with pytest.raises(generated.module().ResponseValidationError):
        bad.items.get_thing()
    assert any("'Annotated' is a name models.py imports" in w for w in generated.warnings())


def test_a_tag_named_like_a_client_member_leaves_the_member_keeps_its_resource_and_says_so(
    generate: Callable[[str, dict[str, Any]], Generated],
) -> None:
    spec = _spec({"/closing": _post("shut", tag="close")})
    generated = generate("collide_close", spec)
    client, seen = generated.client(_no_content)
    assert callable(client.close) and client.close.__func__.__qualname__.endswith(".close")
    resources = [n for n in vars(type(client)) if n.startswith("close_")]
    assert len(resources) == 1
    getattr(client, resources[0]).shut()
    assert [r.url.path for r in seen] == ["/closing"]
    client.close()
    assert any("the client's own 'close'" in w for w in generated.warnings())


def test_a_tag_named_like_what_a_resource_module_imports_keeps_the_import_working(
    generate: Callable[[str, dict[str, Any]], Generated],
) -> None:
    spec = _spec({"/options": _post("set_options", tag="Call Options")})
    generated = generate("collide_import", spec)
    client, seen = generated.client(_no_content)
    client.call_options.set_options()
    assert [r.url.path for r in seen] == ["/options"]
    module = generated.module("resources.call_options")
    assert module.CallOptions is generated.module("_base_client").CallOptions  # the runtime's


def test_tags_whose_classes_meet_through_the_async_prefix_each_keep_their_resource(
    generate: Callable[[str, dict[str, Any]], Generated],
) -> None:
    spec = _spec({"/a": _post("one", tag="Items"), "/b": _post("two", tag="Async Items")})
    generated = generate("collide_async", spec)
    client, seen = generated.client(_no_content)
    client.items.one()
    client.async_items.two()
    assert [r.url.path for r in seen] == ["/a", "/b"]
    exports = generated.module("resources").__all__
    assert len(exports) == len(set(exports)) == 8


def test_two_x_python_names_that_collide_are_refused_with_both_pointers(tmp_path: Path) -> None:
    spec = _spec(
        {
            "/a": _post("one", **{"x-python-name": "same"}),
            "/b": _post("two", **{"x-python-name": "same"}),
        }
    )
    errors = _refusal(spec, tmp_path)
    assert len(errors) == 2
    for line in errors:
        assert (
            line.startswith("error: ") and "#/paths/~1a/post" in line and "#/paths/~1b/post" in line
        )


def test_an_x_python_name_that_is_not_an_identifier_is_refused(tmp_path: Path) -> None:
    spec = _spec({"/a": _post("one", **{"x-python-name": "a(); import os"})})
    errors = _refusal(spec, tmp_path)
    assert (
        errors and errors[0].startswith("error: ") and "#/paths/~1a/post/x-python-name" in errors[0]
    )


def test_models_module_names_cover_every_import_datamodel_code_generator_can_write() -> None:
    import datamodel_code_generator
    from datamodel_code_generator.imports import Import

    found: set[str] = set()
    for info in pkgutil.walk_packages(
        datamodel_code_generator.__path__, datamodel_code_generator.__name__ + "."
    ):
        if "._runtime" in info.name or info.name.endswith("graphql"):
            continue  # its HTTP client and server runtime (optional extras): no model imports
        module = importlib.import_module(info.name)
        found |= {v.alias or v.import_ for v in vars(module).values() if isinstance(v, Import)}
    assert len(found) > 50
    assert found <= MODELS_MODULE_NAMES


def test_resource_module_names_cover_what_the_rendered_resource_modules_import(
    seed_files: dict[str, str],
) -> None:
    imported: set[str] = set()
    for name, source in seed_files.items():
        if "/resources/" in name and not name.endswith("__init__.py"):
            for node in ast.walk(ast.parse(source)):
                if isinstance(node, ast.Import | ast.ImportFrom):
                    imported |= {a.asname or a.name.split(".")[0] for a in node.names}
    assert imported and imported <= RESOURCE_MODULE_NAMES


def test_a_model_datamodel_code_generator_would_rename_is_refused_not_aliased_to_a_dict() -> None:
    # The IR keeps model names off models.py's imports; this is the check behind it.
    from generator.emit.models import render_models
    from generator.ir.model import Api, Model

    schema = {"type": "object", "properties": {"value": {"type": "integer"}}}
    model = Model("Annotated", schema, ("/components/schemas/Annotated",))
    # A constrained field makes models.py import typing.Annotated.
    limited = {"type": "object", "properties": {"name": {"type": "string", "maxLength": 5}}}
    other = Model("Item", limited, ("/components/schemas/Item",))
    api = Api("T", "1", "", "3.1.0", (), (), (), (model, other), ())
    with pytest.raises(GeneratorError) as caught:
        render_models(api)
    [found] = caught.value.diagnostics
    assert found.pointer == "/components/schemas/Annotated" and "'Annotated'" in found.message


def test_method_names_that_upper_case_to_one_constant_each_send_their_own_request(
    generate: Callable[[str, dict[str, Any]], Generated],
) -> None:
    # foo_bar and an x-python-name fooBar are two methods; both constants were _FOO_BAR.
    spec = _spec({"/a": _post("foo_bar"), "/b": _post("other", **{"x-python-name": "fooBar"})})
    client, seen = generate("collide_constants", spec).client(_no_content)
    client.items.foo_bar()
    client.items.fooBar()
    assert [r.url.path for r in seen] == ["/a", "/b"]
