"""Every name a generated module spells is bound by its imports, and every import is used.

Imports are collected from the plan's type expressions; these tests read the
generated modules back with ``ast`` and hold that collection to what the code
spells, on the seed and on small specs that reach the corners (a response
whose schema is ``{}``, a parameter named after a module the code imports).
"""

from __future__ import annotations

import ast
import builtins
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator.emit.write import write_tree
from generator.pipeline import Options, Run, generate_files

BUILTINS = frozenset(dir(builtins))


def one_operation(response_schema: dict[str, Any], **operation: Any) -> dict[str, Any]:
    return {
        "openapi": "3.0.3",
        "info": {"title": "Things", "version": "1.0.0"},
        "servers": [{"url": "https://api.example.com"}],
        "paths": {
            "/things": {
                "get": {
                    "operationId": "list_things",
                    "tags": ["Things"],
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {"application/json": {"schema": response_schema}},
                        }
                    },
                    **operation,
                }
            }
        },
    }


def generate(tmp_path: Path, spec: dict[str, Any], package: str) -> Path:
    path = tmp_path / "openapi.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    out = tmp_path / "out"
    _, files = generate_files(Options(spec=path, overlays=None, out=out, package=package), Run())
    write_tree(out, files, "test")
    return out


def unbound_and_unused(source: str) -> tuple[set[str], set[str]]:
    """Names loaded but bound nowhere in the module, and imports never loaded."""
    tree = ast.parse(source)
    imported: set[str] = set()
    bound: set[str] = set()
    loaded: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            for alias in node.names:
                imported.add(alias.asname or alias.name.split(".")[0])
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            bound.add(node.name)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
        elif isinstance(node, ast.Name):
            (loaded if isinstance(node.ctx, ast.Load) else bound).add(node.id)
    unbound = loaded - bound - imported - BUILTINS
    unused = imported - loaded - {"annotations"}  # from __future__ import annotations
    return unbound, unused


def resource_sources(out: Path, package: str) -> dict[str, str]:
    folder = out / package / "resources"
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.py"))}


def test_every_name_a_seed_resource_module_spells_is_imported_and_every_import_used(
    seed_files: dict[str, str],
) -> None:
    resources = {
        p: s for p, s in seed_files.items() if "/resources/" in p and not p.endswith("__init__.py")
    }
    assert len(resources) > 5
    for path, source in resources.items():
        assert unbound_and_unused(source) == (set(), set()), path


def test_a_response_whose_schema_is_empty_is_any_and_its_module_imports_any(
    tmp_path: Path,
) -> None:
    out = generate(tmp_path, one_operation({}), "any_client")
    source = resource_sources(out, "any_client")["things.py"]
    assert "(ResponseKind.JSON, Any)" in source
    assert unbound_and_unused(source) == (set(), set())
    result = subprocess.run(
        [sys.executable, "-W", "error", "-c", "import any_client.resources.things"],
        cwd=out,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]


@pytest.mark.parametrize(
    ("schema", "spelt"),
    [
        ({"type": "string", "format": "date-time"}, "datetime.datetime"),
        ({"type": "array", "items": {"type": "string", "format": "date"}}, "list[datetime.date]"),
        ({"type": "string", "enum": ["it's", 'say "hi"']}, 'Literal["it\'s", \'say "hi"\']'),
        ({"type": "object", "additionalProperties": {}}, "dict[str, Any]"),
    ],
)
def test_a_response_type_brings_exactly_the_imports_it_spells(
    tmp_path: Path, schema: dict[str, Any], spelt: str
) -> None:
    out = generate(tmp_path, one_operation(schema), "typed_client")
    source = resource_sources(out, "typed_client")["things.py"]
    assert f"(ResponseKind.JSON, {spelt})" in source
    assert unbound_and_unused(source) == (set(), set())


def test_a_parameter_named_after_an_imported_module_takes_an_underscore(tmp_path: Path) -> None:
    parameters = [
        {"in": "query", "name": name, "schema": {"type": "string", "format": "date-time"}}
        for name in ("datetime", "httpx", "models", "builtins")
    ]
    spec = one_operation({"type": "array", "items": {"type": "string"}}, parameters=parameters)
    out = generate(tmp_path, spec, "module_names_client")
    tree = ast.parse(resource_sources(out, "module_names_client")["things.py"])
    method = next(
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef) and node.name == "list_things"
    )
    names = [a.arg for a in method.args.kwonlyargs]
    assert names[:4] == ["datetime_", "httpx_", "models_", "builtins_"]
