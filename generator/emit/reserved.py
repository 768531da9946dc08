"""Names the generated code already uses, that a name from the spec must not take.

Each set is read from where the names are defined: the client classes of the
hand-written runtime (``templates/runtime/_base_client.py``, parsed with
``ast``), and the names the templates spell in a client's ``__init__`` and in
a method's body (tests/test_reserved.py holds those two equal to what the
templates render). Plain functions returning frozensets, for every check
of a name against the generated code's own.
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

from generator.inputs import TEMPLATES

__all__ = [
    "CLIENT_CLASSES",
    "client_attributes",
    "client_init_names",
    "method_body_names",
    "runtime_class_members",
]

CLIENT_CLASSES = ("_BaseClient", "SyncAPIClient", "AsyncAPIClient")
"""The runtime classes the generated ``Client`` and ``AsyncClient`` derive from."""

_CLIENT_TEMPLATE_MEMBERS = frozenset(
    {"__init__", "_package_version", "from_saved_account", "with_options"}
)
"""What ``templates/package/_client.py.j2`` defines on ``Client`` besides its resources."""

_CLIENT_INIT_NAMES = frozenset(
    {
        "self",
        "api_key",
        "cloud_url",
        "exchange",
        "fallback_url",
        "token",
        "service_crn",
        "auth",
        "iam_url",
        "base_url",
        "region",
        "timeout",
        "max_retries",
        "max_response_bytes",
        "deadline",
        "http_client",
        "default_headers",
        "strict",
        "settings",
    }
)
"""The arguments and locals of the generated ``Client.__init__``, header options aside."""

_METHOD_BODY_NAMES = frozenset({"self", "body", "result", "pager"})
"""What a generated method's body binds besides the call and convenience options."""


def runtime_class_members(source: Path, classes: tuple[str, ...]) -> frozenset[str]:
    """Every attribute ``classes`` of the module ``source`` define: methods, class
    attributes and the ``self.<name>`` their methods assign."""
    tree = ast.parse(source.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name in classes:
            for item in node.body:
                if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef):
                    names.add(item.name)
                    names |= _self_attributes(item)
                elif isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
                    names.add(item.target.id)
                elif isinstance(item, ast.Assign):
                    names |= {t.id for t in item.targets if isinstance(t, ast.Name)}
    return frozenset(names)


def _self_attributes(function: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    return {
        node.attr
        for node in ast.walk(function)
        if isinstance(node, ast.Attribute)
        and isinstance(node.ctx, ast.Store)
        and isinstance(node.value, ast.Name)
        and node.value.id == "self"
    }


@functools.cache
def client_attributes(templates: Path = TEMPLATES) -> frozenset[str]:
    """Attributes of the generated client classes, which a resource must not take."""
    runtime = templates / "runtime" / "_base_client.py"
    return runtime_class_members(runtime, CLIENT_CLASSES) | _CLIENT_TEMPLATE_MEMBERS


def client_init_names() -> frozenset[str]:
    """Names in the generated ``Client.__init__``, which a header option must not take."""
    return _CLIENT_INIT_NAMES


def method_body_names() -> frozenset[str]:
    """Names a generated method's body binds besides its options (``self``, ``result``)."""
    return _METHOD_BODY_NAMES
