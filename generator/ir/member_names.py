"""The names of resources and their methods, settled apart (``generator.ir.scope``).

Each resource class's methods are one scope, beside the members the resource
template gives every class (``with_raw_response``, ``_client``); the client's
resource attributes are another, beside the runtime client's members
(``close``, ``base_url``); the resource classes' names, with their ``Async``
and ``WithRawResponse`` forms, are a third, beside what their module and
``_client.py`` import. An ``x-python-name`` must be a Python identifier that
is not a keyword.
"""

from __future__ import annotations

import dataclasses
import keyword
from typing import Any

from generator.diagnostics import Diagnostic, GeneratorError, error, warning
from generator.emit.reserved import client_attributes, resource_class_reserved, resource_members
from generator.ir.model import Operation, Resource
from generator.ir.naming import class_name
from generator.ir.scope import Claim, digest, settle
from generator.spec import pointer as jp

__all__ = ["explicit_name", "name_methods", "name_resources"]

_METHOD_HINT = "give the operation an x-python-name in an overlay"
_TAG_HINT = "rename the tag in an overlay"


def explicit_name(value: Any, file: str, pointer: str) -> str | None:
    """An ``x-python-name``, refused (an error at ``pointer``) unless it is an identifier."""
    if value is None:
        return None
    if (
        not isinstance(value, str)
        or not value.isidentifier()
        or keyword.iskeyword(value)
        or keyword.issoftkeyword(value)
        or value.startswith("__")
    ):
        raise GeneratorError(
            [
                error(
                    file,
                    jp.join(pointer, "x-python-name"),
                    f"x-python-name {value!r} is not a Python identifier (nor may it be a "
                    "keyword or start with '__')",
                    "give it letters, digits and underscores, not starting with a digit",
                )
            ]
        )
    return value


def name_methods(
    file: str, tag: str, operations: list[Operation]
) -> tuple[list[str], list[Diagnostic]]:
    """A method name for each operation of one resource class."""
    members = {
        name: f"the resource class's own {name!r} (templates/package/resources/resource.py.j2)"
        for name in resource_members()
    }
    claims = [
        Claim(
            op.python_name,
            op.operation_id,
            op.pointer,
            qualifier=op.method,
            explicit="x-python-name" in op.extensions,
        )
        for op in operations
    ]
    return settle(claims, members, file, f"method of resource {tag!r}", _METHOD_HINT)


def name_resources(
    file: str, resources: list[Resource], pointers: dict[str, str]
) -> tuple[list[Resource], list[Diagnostic]]:
    """Resource attributes apart from each other and the client's members, then
    class names apart from each other and from what their modules import."""
    attributes = {
        name: f"the client's own {name!r} (templates/runtime/_base_client.py)"
        for name in client_attributes()
    }
    claims = [Claim(r.python_name, r.tag, pointers[r.tag], qualifier="resource") for r in resources]
    names, diagnostics = settle(claims, attributes, file, "client attribute", _TAG_HINT)
    renamed = [
        r
        if name == r.python_name
        else dataclasses.replace(r, python_name=name, class_name=class_name(name))
        for r, name in zip(resources, names, strict=True)
    ]
    reserved = {
        name: f"{name!r}, which a resource module or _client.py imports or defines"
        for name in resource_class_reserved()
    }
    # Each class brings four names: Items, AsyncItems and their WithRawResponse views.
    families = {r.tag: _family(r.class_name) for r in renamed}
    owners: dict[str, list[str]] = {}
    for tag, family in families.items():
        for name in family:
            owners.setdefault(name, []).append(tag)
    final = []
    for r in renamed:
        clash = [n for n in families[r.tag] if n in reserved or len(owners[n]) > 1]
        if not clash:
            final.append(r)
            continue
        new = class_name(f"{r.class_name} {digest(r.tag)}")
        others = [
            reserved.get(n) or ", ".join(f"{file}#{pointers[t]}" for t in owners[n] if t != r.tag)
            for n in clash
        ]
        if any(n in reserved or n in owners for n in _family(new)):
            diagnostics.append(
                error(file, pointers[r.tag], f"resource class {r.class_name!r} is taken", _TAG_HINT)
            )
            continue
        diagnostics.append(
            _warning(file, pointers[r.tag], r.class_name, r.tag, "; ".join(others), new)
        )
        final.append(dataclasses.replace(r, class_name=new))
    return final, diagnostics


def _family(name: str) -> tuple[str, ...]:
    return (name, f"Async{name}", f"{name}WithRawResponse", f"Async{name}WithRawResponse")


def _warning(file: str, pointer: str, name: str, tag: str, holders: str, new: str) -> Diagnostic:
    message = (
        f"resource class: the name {name!r} (from tag {tag!r}) is also {holders}; using {new!r}"
    )
    return warning(file, pointer, message, _TAG_HINT)
