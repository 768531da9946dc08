"""The reserved names of ``generator.emit.reserved`` match what the templates render.

The runtime's client members are parsed from ``_base_client.py``; the names
the templates themselves spell (a client's ``__init__``, a method's body) are
held equal here to the seed's rendered ``_client.py`` and resource modules.
"""

from __future__ import annotations

import ast

from generator.emit.options import option_names
from generator.emit.plan import plan_client
from generator.emit.reserved import client_attributes, client_init_names, method_body_names
from generator.ir.model import Api

PACKAGE = "qiskit_runtime_api"


def _class(tree: ast.Module, name: str) -> ast.ClassDef:
    return next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == name)


def _method(cls: ast.ClassDef, name: str) -> ast.FunctionDef:
    return next(n for n in cls.body if isinstance(n, ast.FunctionDef) and n.name == name)


def _bound_in(function: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    """The function's parameters and the names its body assigns."""
    arguments = function.args
    names = {a.arg for a in [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]}
    return names | {
        n.id for n in ast.walk(function) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)
    }


def test_client_init_names_are_what_the_rendered_client_init_binds(
    seed_files: dict[str, str], seed_api: Api
) -> None:
    tree = ast.parse(seed_files[f"{PACKAGE}/_client.py"])
    plan = plan_client(seed_api, PACKAGE, "qiskit-runtime-api", "0")
    options = {o.python_name for o in plan.header_options}
    for name in ("Client", "AsyncClient"):
        init = _method(_class(tree, name), "__init__")
        assert _bound_in(init) - options == client_init_names()


def test_client_attributes_cover_every_member_of_the_rendered_clients(
    seed_files: dict[str, str], seed_api: Api
) -> None:
    tree = ast.parse(seed_files[f"{PACKAGE}/_client.py"])
    resources = {r.attribute for r in plan_client(seed_api, PACKAGE, "q", "0").resources}
    for name in ("Client", "AsyncClient"):
        members = {n.name for n in _class(tree, name).body if isinstance(n, ast.FunctionDef)}
        members |= {
            t.id
            for n in _class(tree, name).body
            if isinstance(n, ast.Assign)
            for t in n.targets
            if isinstance(t, ast.Name)
        }
        assert members - resources <= client_attributes()


def test_client_attributes_are_the_runtime_clients_real_members() -> None:
    attributes = client_attributes()
    assert {"close", "base_url", "max_retries", "with_options", "_copy_with", "_http"} <= attributes
    assert "aclose" not in attributes  # the client has none: it closes with `await close()`


def test_method_body_names_are_what_the_rendered_methods_bind_besides_their_options(
    seed_files: dict[str, str],
) -> None:
    tree = ast.parse(seed_files[f"{PACKAGE}/resources/jobs.py"])
    bound: set[str] = set()
    spec_arguments: set[str] = set()
    for name in ("Jobs", "AsyncJobs"):
        for node in _class(tree, name).body:
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name not in (
                "__init__",
                "with_raw_response",
            ):
                bound |= _bound_in(node)
                spec_arguments |= (
                    {a.arg for a in [*node.args.args, *node.args.kwonlyargs] if a.arg != "self"}
                    - option_names()
                    - {"body"}
                )
    assert bound - spec_arguments - option_names() == method_body_names()
