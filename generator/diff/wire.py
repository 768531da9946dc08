"""Wire-contract rules: two dereferenced (and overlaid) specs → changes.

Operations are matched by method and path with parameter names left out
(``/v1/jobs/{id}`` is ``/v1/jobs/{job_id}``), parameters by name and place
(path parameters by position, so a renamed one is a rename), responses by
status and media type. Schemas are compared by ``schemas.compare_schemas``.
Error responses (4XX, 5XX, default) are compared by status only: the client
turns them into exceptions without typing their bodies. Servers and
security are ``access``'s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from generator.spec import pointer as jp
from generator.spec.dereference import Resolved

from .access import scheme_changes, security_changes, server_changes
from .changes import Change, Place, Severity, group_changes
from .schemas import Memo, SchemaSide, Where, compare_schemas

__all__ = ["compare_wire"]

BREAKING, WARNING, INFO = Severity.BREAKING, Severity.WARNING, Severity.INFO
_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_TEMPLATE = re.compile(r"\{([^}]*)\}")


@dataclass(frozen=True)
class _Operation:
    label: str  # GET /v1/jobs/{id}
    pointer: str
    node: dict[str, Any]
    parameters: dict[tuple[str, str], tuple[dict[str, Any], str]]  # (place, key) -> node, pointer
    security: frozenset[frozenset[str]]
    security_pointer: str


class _Found:
    """Changes collected for one comparison."""

    def __init__(self, old: Resolved, new: Resolved) -> None:
        self.old, self.new = old, new
        self.changes: list[Change] = []
        self.memo = Memo()

    def add(
        self,
        severity: Severity,
        kind: str,
        message: str,
        place: Place,
        subject: str = "",
        addition: bool = False,
    ) -> None:
        self.changes.append(Change(severity, kind, message, (place,), subject, addition))

    def schemas(self, old: SchemaSide, new: SchemaSide, where: Where) -> None:
        where = replace(where, memo=self.memo)  # shared components compared once
        self.changes.extend(compare_schemas(self.old, self.new, old, new, where))


def compare_wire(old: Resolved, new: Resolved) -> list[Change]:
    """Every change from ``old`` to ``new``, grouped, most severe first."""
    found = _Found(old, new)
    found.changes.extend(server_changes(old, new))
    found.changes.extend(scheme_changes(old, new))
    old_ops, new_ops = _operations(old), _operations(new)
    for key, op in old_ops.items():
        if key not in new_ops:
            path = jp.parse(op.pointer)[1]
            where = jp.join("/paths", path) if path in (new.spec.get("paths") or {}) else "/paths"
            note = " (it was deprecated)" if op.node.get("deprecated") else ""
            found.add(
                BREAKING,
                "operation-removed",
                f"operation `{op.label}` removed{note}",
                Place(op.label, where, op.pointer),
            )
    for key, op in new_ops.items():
        if key not in old_ops:
            place = Place(op.label, op.pointer)
            text = f"operation `{op.label}` added"
            found.add(INFO, "operation-added", text, place, addition=True)
        else:
            _operation(found, old_ops[key], op)
    return group_changes(found.changes)


def _operations(spec: Resolved) -> dict[tuple[str, str], _Operation]:
    result = {}
    for path, raw_item in (spec.spec.get("paths") or {}).items():
        item = spec.follow(raw_item)
        for method in _METHODS:
            node = item.get(method)
            if not isinstance(node, dict):
                continue
            pointer = jp.join("/paths", path, method)
            if "security" in node:
                security, security_pointer = node["security"], jp.join(pointer, "security")
            else:
                security, security_pointer = spec.spec.get("security") or [], "/security"
            result[(method, _TEMPLATE.sub("{}", path))] = _Operation(
                f"{method.upper()} {path}",
                pointer,
                node,
                _parameters(spec, path, item, node, pointer),
                frozenset(frozenset(alt) for alt in security or [] if isinstance(alt, dict)),
                security_pointer,
            )
    return result


def _parameters(
    spec: Resolved, path: str, item: dict[str, Any], op: dict[str, Any], pointer: str
) -> dict[tuple[str, str], tuple[dict[str, Any], str]]:
    """Path-level and operation-level parameters, the operation's winning."""
    names = _TEMPLATE.findall(path)
    merged = {}
    for owner, owner_pointer in ((item, jp.join("/paths", path)), (op, pointer)):
        for index, raw in enumerate(owner.get("parameters") or []):
            here = spec.pointer_of(raw, jp.join(owner_pointer, "parameters", index))
            param = spec.follow(raw)
            name, place = str(param.get("name")), str(param.get("in"))
            # Path parameters are matched by their position in the template.
            key = f"#{names.index(name)}" if place == "path" and name in names else name
            merged[(place, key)] = (param, here)
    return merged


def _operation(found: _Found, old: _Operation, new: _Operation) -> None:
    label = new.label
    was, now = bool(old.node.get("deprecated")), bool(new.node.get("deprecated"))
    place = Place(label, new.pointer, old.pointer)
    if now and not was:
        text = f"operation `{label}` deprecated"
        found.add(INFO, "operation-deprecated", text, place, addition=True)
    elif was and not now:
        text = f"operation `{label}` no longer deprecated"
        found.add(INFO, "operation-reactivated", text, place)
    if old.node.get("operationId") != new.node.get("operationId"):
        found.add(
            INFO,
            "operation-id-changed",
            f"`{label}`: operationId changed from `{old.node.get('operationId')}` "
            f"to `{new.node.get('operationId')}`",
            Place(label, jp.join(new.pointer, "operationId"), jp.join(old.pointer, "operationId")),
        )
    _operation_parameters(found, old, new)
    _request_body(found, old, new)
    _responses(found, old, new)
    found.changes.extend(
        security_changes(
            new.label,
            (old.security, old.security_pointer),
            (new.security, new.security_pointer),
        )
    )


def _operation_parameters(found: _Found, old: _Operation, new: _Operation) -> None:
    label = new.label
    for key, (param, pointer) in new.parameters.items():
        name = str(param.get("name"))
        what = f"{key[0]} parameter `{name}`"
        if key not in old.parameters:
            required = bool(param.get("required"))
            kind = "request-parameter-added-required" if required else "request-parameter-added"
            found.add(
                BREAKING if required else INFO,
                kind,
                f"{what}: added{', required' if required else ''}",
                Place(label, pointer),
                name,
                not required,
            )
            continue
        before, old_pointer = old.parameters[key]
        place = Place(label, pointer, old_pointer)
        if before.get("name") != name:
            found.add(
                INFO,
                "request-path-parameter-renamed",
                f"{what}: renamed from `{before.get('name')}` (the URL is unchanged)",
                place,
                name,
            )
        was, now = bool(before.get("required")), bool(param.get("required"))
        if was != now:
            kind = f"request-parameter-became-{'required' if now else 'optional'}"
            found.add(
                BREAKING if now else INFO,
                kind,
                f"{what}: now {kind.rsplit('-', 1)[1]}",
                place,
                name,
            )
        if param.get("deprecated") and not before.get("deprecated"):
            found.add(
                INFO, "request-parameter-deprecated", f"{what}: deprecated", place, name, True
            )
        if _serialisation(before) != _serialisation(param):
            found.add(
                WARNING,
                "request-parameter-style-changed",
                f"{what}: serialisation changed from `{_serialisation(before)}` "
                f"to `{_serialisation(param)}`",
                place,
                name,
            )
        found.schemas(
            SchemaSide(*_parameter_schema(before, old_pointer), ""),
            SchemaSide(*_parameter_schema(param, pointer), ""),
            Where("request", label, "request-parameter", what),
        )
    for key, (param, pointer) in old.parameters.items():
        if key not in new.parameters:
            name = str(param.get("name"))
            found.add(
                WARNING,
                "request-parameter-removed",
                f"{key[0]} parameter `{name}`: removed (the server ignores or rejects it)",
                Place(label, jp.join(new.pointer, "parameters"), pointer),
                name,
            )


def _serialisation(param: dict[str, Any]) -> str:
    """``style`` and ``explode`` with their defaults filled in (OpenAPI 3, Parameter Object)."""
    style = param.get("style") or ("simple" if param.get("in") in ("path", "header") else "form")
    explode = param.get("explode", style == "form")
    return f"style={style}, explode={str(bool(explode)).lower()}"


def _parameter_schema(param: dict[str, Any], pointer: str) -> tuple[Any, str]:
    if "schema" in param:
        return param["schema"], jp.join(pointer, "schema")
    for media_type, media in (param.get("content") or {}).items():
        return media.get("schema", {}), jp.join(pointer, "content", media_type, "schema")
    return {}, pointer


def _body(spec: Resolved, op: _Operation) -> tuple[dict[str, Any], str] | None:
    raw = op.node.get("requestBody")
    if raw is None:
        return None
    return spec.follow(raw), spec.pointer_of(raw, jp.join(op.pointer, "requestBody"))


def _request_body(found: _Found, old_op: _Operation, new_op: _Operation) -> None:
    old, new, label = _body(found.old, old_op), _body(found.new, new_op), new_op.label
    if old is None and new is not None:
        required = bool(new[0].get("required"))
        found.add(
            BREAKING if required else INFO,
            "request-body-added-required" if required else "request-body-added",
            f"request body added{', required' if required else ''}",
            Place(label, new[1]),
            addition=not required,
        )
    elif old is not None and new is None:
        place = Place(label, new_op.pointer, old[1])
        found.add(WARNING, "request-body-removed", "request body removed", place)
    if old is None or new is None:
        return
    (before, old_pointer), (after, new_pointer) = old, new
    place = Place(label, new_pointer, old_pointer)
    if bool(after.get("required")) and not before.get("required"):
        found.add(BREAKING, "request-body-became-required", "request body now required", place)
    if bool(before.get("required")) and not after.get("required"):
        found.add(INFO, "request-body-became-optional", "request body now optional", place)
    _contents(found, before, old_pointer, after, new_pointer, label, "request")


def _contents(
    found: _Found,
    before: dict[str, Any],
    old_pointer: str,
    after: dict[str, Any],
    new_pointer: str,
    label: str,
    direction: str,
    status: str = "",
) -> None:
    """Media types of a request body or a success response, and their schemas."""
    old_content, new_content = before.get("content") or {}, after.get("content") or {}
    kind = "request-body" if direction == "request" else "response"
    where = f"{status} response" if status else "request body"
    for media_type in old_content:
        if media_type not in new_content:
            # A response type still offered without a parameter (`; charset=utf-8`): the
            # client asks for and reads the same type.
            variant = direction == "response" and _essence(media_type) in {
                _essence(m) for m in new_content
            }
            found.add(
                INFO if variant else BREAKING,
                f"{kind}-media-type-{'variant-removed' if variant else 'removed'}",
                f"{where}: media type `{media_type}` removed"
                + (f" (`{_essence(media_type)}` stays)" if variant else ""),
                Place(
                    label,
                    jp.join(new_pointer, "content"),
                    jp.join(old_pointer, "content", media_type),
                ),
            )
    for media_type, media in new_content.items():
        media_pointer = jp.join(new_pointer, "content", media_type)
        if media_type not in old_content:
            found.add(
                INFO,
                f"{kind}-media-type-added",
                f"{where}: media type `{media_type}` added",
                Place(label, media_pointer),
                addition=True,
            )
            continue
        old_media_pointer = jp.join(old_pointer, "content", media_type)
        found.schemas(
            SchemaSide(
                (old_content[media_type] or {}).get("schema", {}),
                jp.join(old_media_pointer, "schema"),
                "",
            ),
            SchemaSide((media or {}).get("schema", {}), jp.join(media_pointer, "schema"), ""),
            Where(direction, label, f"{direction}-body", f"{where} body" if status else where),
        )


def _essence(media_type: str) -> str:
    """``type/subtype`` of a media type, parameters left out, in lower case."""
    return media_type.split(";", 1)[0].strip().lower()


def _responses(found: _Found, old_op: _Operation, new_op: _Operation) -> None:
    old = old_op.node.get("responses") or {}
    new = new_op.node.get("responses") or {}
    label = new_op.label
    for status, raw in old.items():
        success = str(status).startswith("2")
        old_pointer = found.old.pointer_of(raw, jp.join(old_op.pointer, "responses", status))
        if status not in new:
            found.add(
                BREAKING if success else INFO,
                f"response-{'success' if success else 'error'}-status-removed",
                f"response status `{status}` removed",
                Place(label, jp.join(new_op.pointer, "responses"), old_pointer),
            )
        elif success:
            new_pointer = found.new.pointer_of(
                new[status], jp.join(new_op.pointer, "responses", status)
            )
            _contents(
                found,
                found.old.follow(raw),
                old_pointer,
                found.new.follow(new[status]),
                new_pointer,
                label,
                "response",
                str(status),
            )
    for status, raw in new.items():
        if status not in old:
            success = str(status).startswith("2")
            found.add(
                INFO,
                f"response-{'success' if success else 'error'}-status-added",
                f"response status `{status}` added",
                Place(
                    label, found.new.pointer_of(raw, jp.join(new_op.pointer, "responses", status))
                ),
                addition=success,
            )
