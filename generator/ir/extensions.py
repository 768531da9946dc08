"""Operation extensions the runtime acts on: ``x-timeout``, ``x-pagination``, ``x-wait``.

They are read after the IR is built, because checking them needs the
operation's parameters and its response model. Each mistake is an error at
the extension's JSON pointer, e.g. a pagination ``items`` member that is not an
array in the 2xx response, or a parameter the operation does not have::

    x-timeout: 900          # seconds to read the response (POST /v1/jobs)
    x-pagination: {style: offset, method: list_all, items: jobs,
                   limit: limit, offset: offset, total: count}
    x-pagination: {style: cursor, method: list_all, items: workloads,
                   limit: limit, cursor: next, next: next/href}
    x-python-presets: [{method: close, body: {accepting_jobs: false}, summary: ...}]
    x-wait: {method: wait, status: status, final: [Completed, Failed, Cancelled],
             failed: [Failed], cancelled: [Cancelled],   # raise_on_failure raises on these
             reason: {reason: state/reason, reason_code: state/reason_code}}
"""

from __future__ import annotations

import dataclasses
import keyword
from typing import Any

from generator.diagnostics import Diagnostic, error
from generator.emit.reserved import resource_members
from generator.ir.hoist import MODEL_REF_PREFIX
from generator.ir.model import Api, Model, Operation, Pagination, Resource, Waiter
from generator.spec import pointer as jp

__all__ = ["apply_runtime_extensions", "member_schema", "success_schema"]

_HINT = "fix the extension in spec/overlays/"


def apply_runtime_extensions(api: Api, file: str) -> tuple[Api, list[Diagnostic]]:
    models = {m.name: m for m in api.models}
    diagnostics: list[Diagnostic] = []
    resources = tuple(_resource(r, models, file, diagnostics) for r in api.resources)
    return dataclasses.replace(api, resources=resources), diagnostics


def _resource(
    resource: Resource, models: dict[str, Model], file: str, diagnostics: list[Diagnostic]
) -> Resource:
    taken = {op.python_name for op in resource.operations} | resource_members()
    operations = []
    for op in resource.operations:
        reader = _Reader(op, models, file, taken)
        operations.append(
            dataclasses.replace(
                op, timeout=reader.timeout(), pagination=reader.pagination(), waiter=reader.waiter()
            )
        )
        diagnostics.extend(reader.diagnostics)
    for op in list(operations):
        reader = _Reader(op, models, file, taken)
        operations += reader.presets()
        diagnostics.extend(reader.diagnostics)
    return dataclasses.replace(resource, operations=tuple(operations))


class _Reader:
    def __init__(self, op: Operation, models: dict[str, Model], file: str, taken: set[str]) -> None:
        self.op = op
        self.models = models
        self.file = file
        self.taken = taken
        self.diagnostics: list[Diagnostic] = []

    def _fail(self, key: str, where: str, message: str) -> None:
        pointer = jp.join(self.op.pointer, key, *[p for p in where.split("/") if p])
        self.diagnostics.append(error(self.file, pointer, message, _HINT))

    def timeout(self) -> float | None:
        value = self.op.extensions.get("x-timeout")
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
            self._fail(
                "x-timeout", "", f"x-timeout must be a positive number of seconds, not {value!r}"
            )
            return None
        return float(value)

    def _method_name(self, key: str, value: dict[str, Any], default: str) -> str:
        name = str(value.get("method") or default)
        if not name.isidentifier() or keyword.iskeyword(name) or name in self.taken:
            self._fail(key, "method", f"method name {name!r} is not a free Python identifier")
        self.taken.add(name)
        return name

    def _query_param(self, key: str, value: dict[str, Any], field: str, required: bool) -> str:
        name = value.get(field)
        if name is None and not required:
            return ""
        wire = {p.name for p in self.op.parameters if p.location == "query"}
        if not isinstance(name, str) or name not in wire:
            self._fail(
                key,
                field,
                f"{field} must name a query parameter of {self.op.method} {self.op.path} "
                f"(one of: {', '.join(sorted(wire)) or 'none'}), not {name!r}",
            )
            return ""
        return name

    def _member(self, key: str, value: dict[str, Any], field: str, required: bool) -> str:
        path = value.get(field)
        if path is None and not required:
            return ""
        schema = success_schema(self.op)
        found = member_schema(schema, path, self.models) if isinstance(path, str) else None
        if found is None:
            self._fail(key, field, f"{field} must name a member of the 2xx response, not {path!r}")
            return ""
        return str(path)

    def pagination(self) -> Pagination | None:
        value = self.op.extensions.get("x-pagination")
        if value is None:
            return None
        key = "x-pagination"
        if not isinstance(value, dict) or value.get("style") not in ("offset", "cursor"):
            self._fail(key, "style", "x-pagination needs style: offset or style: cursor")
            return None
        items = self._member(key, value, "items", True)
        if items and member_schema(success_schema(self.op), items, self.models, array=True) is None:
            self._fail(key, "items", f"items {items!r} is not an array in the 2xx response")
        offset_style = value["style"] == "offset"
        pagination = Pagination(
            style=value["style"],
            method=self._method_name(key, value, "list_all"),
            items=items,
            limit=self._query_param(key, value, "limit", False),
            offset=self._query_param(key, value, "offset", True) if offset_style else "",
            total=self._member(key, value, "total", False) if offset_style else "",
            cursor="" if offset_style else self._query_param(key, value, "cursor", True),
            next="" if offset_style else self._member(key, value, "next", True),
            pointer=jp.join(self.op.pointer, key),
        )
        return None if self.diagnostics else pagination

    def waiter(self) -> Waiter | None:
        value = self.op.extensions.get("x-wait")
        if value is None:
            return None
        key = "x-wait"
        if not isinstance(value, dict):
            self._fail(key, "", "x-wait must be an object with status and final")
            return None
        status = self._member(key, value, "status", True)
        final = value.get("final")
        if not isinstance(final, list) or not final or not all(isinstance(v, str) for v in final):
            self._fail(key, "final", "final must be a non-empty list of status strings")
            return None
        schema = member_schema(success_schema(self.op), status, self.models) if status else None
        allowed = (schema or {}).get("enum")
        for index, item in enumerate(final):
            if isinstance(allowed, list) and item not in allowed:
                self._fail(key, f"final/{index}", f"{item!r} is not a value of {status!r}")
        outcomes = {kind: self._final_subset(key, value, kind, final) for kind in _OUTCOMES}
        waiter = Waiter(
            method=self._method_name(key, value, "wait"),
            status=status,
            final=tuple(final),
            pointer=jp.join(self.op.pointer, key),
            failed=outcomes["failed"],
            cancelled=outcomes["cancelled"],
            reasons=self._reasons(key, value),
        )
        return None if self.diagnostics else waiter

    def presets(self) -> list[Operation]:
        """``x-python-presets``: methods that call this operation with a fixed body."""
        value = self.op.extensions.get("x-python-presets")
        if value is None:
            return []
        key = "x-python-presets"
        if not isinstance(value, list) or self.op.body is None:
            self._fail(key, "", "x-python-presets must be a list, on an operation with a body")
            return []
        found = []
        for index, preset in enumerate(value):
            where = str(index)
            if not isinstance(preset, dict) or not isinstance(preset.get("body"), dict):
                self._fail(key, where, "a preset is an object with a method and a body object")
                continue
            name = preset.get("method")
            if (
                not isinstance(name, str)
                or not name.isidentifier()
                or keyword.iskeyword(name)
                or name in self.taken
            ):
                self._fail(key, f"{where}/method", f"method {name!r} is not a free identifier")
                continue
            self.taken.add(name)
            for member in preset["body"]:
                if "/" in member or member_schema(self.op.body.schema, member, self.models) is None:
                    self._fail(key, f"{where}/body/{member}", f"{member!r} is not in the body")
            summary = preset.get("summary", self.op.summary)
            description = preset.get("description", self.op.description)
            found.append(
                dataclasses.replace(
                    self.op,
                    python_name=name,
                    summary=str(summary),
                    description=str(description),
                    pointer=jp.join(self.op.pointer, key, where),
                    preset_body=preset["body"],
                    extensions={},
                    pagination=None,
                    waiter=None,
                )
            )
        return [] if self.diagnostics else found

    def _final_subset(
        self, key: str, value: dict[str, Any], member: str, final: list[str]
    ) -> tuple[str, ...]:
        """``failed`` or ``cancelled``: final statuses that ``raise_on_failure`` raises on."""
        statuses = value.get(member, [])
        if not isinstance(statuses, list) or not all(isinstance(s, str) for s in statuses):
            self._fail(key, member, f"{member} must be a list of status strings")
            return ()
        for index, item in enumerate(statuses):
            if item not in final:
                self._fail(key, f"{member}/{index}", f"{item!r} is not one of the final statuses")
        return tuple(statuses)

    def _reasons(self, key: str, value: dict[str, Any]) -> tuple[tuple[str, str], ...]:
        """``reason``: where the answer says why it failed (``reason``, ``reason_code``,
        ``reason_solution``: each a path such as ``state/reason``)."""
        reasons = value.get("reason", {})
        if not isinstance(reasons, dict):
            self._fail(key, "reason", f"reason must map {', '.join(_REASONS)} to paths")
            return ()
        found = []
        for name, path in reasons.items():
            if name not in _REASONS or not isinstance(path, str):
                self._fail(key, f"reason/{name}", f"reason takes {', '.join(_REASONS)}: paths")
            elif member_schema(success_schema(self.op), path, self.models) is None:
                self._fail(key, f"reason/{name}", f"{path!r} is not in the 2xx response")
            else:
                found.append((name, path))
        return tuple(found)


_OUTCOMES = ("failed", "cancelled")
_REASONS = ("reason", "reason_code", "reason_solution")


def success_schema(op: Operation) -> dict[str, Any] | None:
    """The JSON schema of the operation's first 2xx response."""
    for response in op.responses:
        if response.status.startswith("2"):
            for content in response.content:
                if content.schema is not None and "json" in content.media_type:
                    return content.schema
    return None


def member_schema(
    schema: dict[str, Any] | None, path: str, models: dict[str, Model], array: bool = False
) -> dict[str, Any] | None:
    """The schema at ``path`` (``"next/href"``) inside ``schema``, following model refs."""
    current = _expand(schema, models)
    for part in [p for p in path.split("/") if p]:
        found = None
        for candidate in _alternatives(current, models):
            properties = candidate.get("properties")
            if isinstance(properties, dict) and part in properties:
                found = _expand(properties[part], models)
                break
        if found is None:
            return None
        current = found
    if current is None or (array and current.get("type") != "array"):
        return None
    return current


def _expand(schema: Any, models: dict[str, Model]) -> dict[str, Any] | None:
    if not isinstance(schema, dict):
        return None
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith(MODEL_REF_PREFIX):
        model = models.get(ref[len(MODEL_REF_PREFIX) :])
        return model.schema if model else None
    return schema


def _alternatives(schema: dict[str, Any] | None, models: dict[str, Model]) -> list[dict[str, Any]]:
    """``schema`` and the members of its ``allOf`` (where inherited properties live)."""
    if schema is None:
        return []
    found = [schema]
    for member in schema.get("allOf") or []:
        found.extend(_alternatives(_expand(member, models), models))
    return found
