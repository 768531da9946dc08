"""IR stage: a dereferenced spec becomes an ``ir.model.Api``.

Operations are grouped into one resource per (first) tag; parameters merge
path-level and operation-level ones; every schema an operation uses goes
through the ``Hoister``, so bodies, responses and parameters refer to named
models and nothing object-like stays inline.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlparse

from generator.diagnostics import Diagnostic, GeneratorError, error
from generator.inputs import TEMPLATES
from generator.ir.extensions import apply_runtime_extensions
from generator.ir.hoist import MODEL_REF_PREFIX, Hoister
from generator.ir.member_names import explicit_name, name_methods, name_resources
from generator.ir.model import (
    PARAMETER_LOCATIONS,
    Api,
    Body,
    ClientOption,
    Operation,
    Parameter,
    ParameterLocation,
    Resource,
    Response,
    ResponseContent,
    SecurityScheme,
    Server,
)
from generator.ir.naming import class_name, pascal_case, singular, snake_case, words
from generator.ir.security import build_client_config
from generator.spec import pointer as jp
from generator.spec.dereference import Resolved

__all__ = ["build_api"]

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_DEFAULT_TAG = "default"


@dataclass(frozen=True)
class _Root:
    """A schema an operation uses directly, with the names its role suggests."""

    schema: dict[str, Any]
    candidates: list[str]


def build_api(resolved: Resolved) -> tuple[Api, list[Diagnostic]]:
    spec = resolved.spec
    hoister = Hoister(resolved)
    diagnostics: list[Diagnostic] = []
    components = spec.get("components", {}).get("schemas", {}) or {}
    component_refs = [name for name in components if hoister.is_model(components[name])]
    for name in component_refs:
        hoister.schema(
            {"$ref": MODEL_REF_PREFIX + jp.escape(name)}, jp.join("/components/schemas", name)
        )
    roots: list[_Root] = []
    by_tag: dict[str, list[Operation]] = {}
    for path, item in (spec.get("paths") or {}).items():
        item_pointer = jp.join("/paths", path)
        item = resolved.follow(item)
        for method in HTTP_METHODS:
            if isinstance(item.get(method), dict):
                pointer = jp.join(item_pointer, method)
                operation = _operation(resolved, hoister, path, method, item, pointer, roots)
                tags = item[method].get("tags") or [_DEFAULT_TAG]
                by_tag.setdefault(str(tags[0]), []).append(operation)
    for name in component_refs:
        hoister.name_component(name)
    for root in roots:
        hoister.name_root(root.schema, root.candidates)
    named, found_names = name_resources(
        resolved.name,
        [_resource(resolved, tag, ops, hoister, diagnostics) for tag, ops in by_tag.items()],
        _tag_pointers(resolved.spec, by_tag),
    )
    diagnostics.extend(found_names)
    resources = tuple(named)
    api = Api(
        title=str(spec.get("info", {}).get("title", "")),
        version=str(spec.get("info", {}).get("version", "0.0.0")),
        description=str(spec.get("info", {}).get("description", "")),
        openapi=str(spec.get("openapi", "")),
        servers=tuple(_servers(spec)),
        security_schemes=tuple(_security_schemes(resolved)),
        resources=resources,
        models=tuple(hoister.models()),
        client_options=tuple(_client_options(resources)),
        extras=_extras(spec, resolved.name, diagnostics),
    )
    api, found = apply_runtime_extensions(api, resolved.name)
    client, about_client = build_client_config(api, resolved)
    return replace(api, client=client), [*hoister.diagnostics, *diagnostics, *found, *about_client]


def _operation(
    resolved: Resolved,
    hoister: Hoister,
    path: str,
    method: str,
    item: dict[str, Any],
    pointer: str,
    roots: list[_Root],
) -> Operation:
    op = item[method]
    operation_id = str(op.get("operationId") or snake_case(f"{method} {path}"))
    tag = str((op.get("tags") or [_DEFAULT_TAG])[0])
    given = explicit_name(op.get("x-python-name"), resolved.name, pointer)
    python_name = given or snake_case(operation_id)
    stem = _model_stem(python_name, tag) if op.get("x-python-name") else pascal_case(operation_id)
    parameters = _parameters(resolved, hoister, path, item, op, pointer, stem, roots)
    body = _body(resolved, hoister, op, pointer, stem, roots)
    responses = _responses(resolved, hoister, op, pointer, stem, roots)
    security = op.get("security", resolved.spec.get("security", []))
    return Operation(
        operation_id=operation_id,
        python_name=python_name,
        method=method.upper(),
        path=path,
        summary=str(op.get("summary", "")),
        description=str(op.get("description", "")),
        deprecated=bool(op.get("deprecated", False)),
        parameters=parameters,
        body=body,
        responses=responses,
        security=tuple(tuple(sorted(alternative)) for alternative in security or []),
        pointer=pointer,
        extensions={k: v for k, v in op.items() if isinstance(k, str) and k.startswith("x-")},
    )


def _location(where: str, file: str, pointer: str) -> ParameterLocation:
    for location in PARAMETER_LOCATIONS:
        if where == location:
            return location
    problem = f"parameter location {where!r} is not one of {', '.join(PARAMETER_LOCATIONS)}"
    raise GeneratorError([error(file, jp.join(pointer, "in"), problem, "fix the parameter's `in`")])


def _model_stem(python_name: str, tag: str) -> str:
    """``create`` in Jobs is ``CreateJob``; ``list`` is ``ListJobs``; ``get_metrics`` ``GetJobMetrics``."""
    verb, *rest = words(python_name) or ["call"]
    nouns = words(tag)
    if verb.lower() != "list" and nouns:
        nouns[-1] = singular(nouns[-1])
    return pascal_case(" ".join([verb, *nouns, *rest]))


def _parameters(
    resolved: Resolved,
    hoister: Hoister,
    path: str,
    item: dict[str, Any],
    op: dict[str, Any],
    pointer: str,
    stem: str,
    roots: list[_Root],
) -> tuple[Parameter, ...]:
    """Path-level and operation-level parameters merged, the operation's winning."""
    merged: dict[tuple[str, str], tuple[dict[str, Any], str]] = {}
    item_pointer = jp.join("/paths", path)
    for owner, owner_pointer in ((item, item_pointer), (op, pointer)):
        for index, raw in enumerate(owner.get("parameters") or []):
            here = resolved.pointer_of(raw, jp.join(owner_pointer, "parameters", index))
            param = resolved.follow(raw)
            merged[(str(param.get("name")), str(param.get("in")))] = (param, here)
    result = []
    for (name, where), (param, here) in merged.items():
        location = _location(where, resolved.name, here)
        raw_schema = param.get("schema")
        if raw_schema is None:  # `content` instead of `schema`
            media: dict[str, Any] = next(iter((param.get("content") or {}).values()), {})
            raw_schema = media.get("schema", {})
        schema = hoister.schema(raw_schema, jp.join(here, "schema"))
        roots.append(_Root(schema, [stem + pascal_case(name)]))
        style = param.get("style") or ("simple" if location in ("path", "header") else "form")
        result.append(
            Parameter(
                name=name,
                python_name=explicit_name(param.get("x-python-name"), resolved.name, here)
                or snake_case(name),
                location=location,
                required=bool(param.get("required", location == "path")),
                deprecated=bool(param.get("deprecated", False)),
                description=str(param.get("description", "")),
                schema=schema,
                style=str(style),
                explode=bool(param.get("explode", style == "form")),
                pointer=here,
            )
        )
    order = {"path": 0, "query": 1, "header": 2, "cookie": 3}

    def position(index_and_param: tuple[int, Parameter]) -> tuple[int, int]:
        index, p = index_and_param
        if p.location == "path":  # in the order the path template names them
            return (0, path.find("{" + p.name + "}"))
        return (order.get(p.location, 4), index)

    return tuple(p for _, p in sorted(enumerate(result), key=position))


def _body(
    resolved: Resolved,
    hoister: Hoister,
    op: dict[str, Any],
    pointer: str,
    stem: str,
    roots: list[_Root],
) -> Body | None:
    if "requestBody" not in op:
        return None
    here = resolved.pointer_of(op["requestBody"], jp.join(pointer, "requestBody"))
    body = resolved.follow(op["requestBody"])
    content = body.get("content") or {}
    if not content:
        return None
    media_type = _preferred_media_type(list(content))
    media_pointer = jp.join(here, "content", media_type)
    schema = hoister.schema(
        content[media_type].get("schema") or {}, jp.join(media_pointer, "schema")
    )
    roots.append(_Root(schema, [stem + "Request", stem + "Body"]))
    return Body(
        media_type=media_type,
        required=bool(body.get("required", False)),
        description=str(body.get("description", "")),
        schema=schema,
        pointer=media_pointer,
    )


def _preferred_media_type(media_types: list[str]) -> str:
    for preferred in (
        "application/json",
        "multipart/form-data",
        "application/x-www-form-urlencoded",
    ):
        if preferred in media_types:
            return preferred
    json_like = [m for m in media_types if m.endswith("+json")]
    return json_like[0] if json_like else media_types[0]


def _responses(
    resolved: Resolved,
    hoister: Hoister,
    op: dict[str, Any],
    pointer: str,
    stem: str,
    roots: list[_Root],
) -> tuple[Response, ...]:
    result = []
    for status, raw in (op.get("responses") or {}).items():
        status = str(status)
        here = resolved.pointer_of(raw, jp.join(pointer, "responses", status))
        response = resolved.follow(raw)
        success = status.startswith("2")
        contents = []
        for media_type, media in (response.get("content") or {}).items():
            media_pointer = jp.join(here, "content", media_type)
            raw_schema = media.get("schema") if isinstance(media, dict) else None
            schema = None
            if raw_schema is not None:
                schema = hoister.schema(raw_schema, jp.join(media_pointer, "schema"))
                roots.append(_Root(schema, _response_candidates(stem, status, success)))
            contents.append(ResponseContent(media_type, schema, media_pointer))
        result.append(Response(status, str(response.get("description", "")), tuple(contents), here))
    return tuple(result)


def _response_candidates(stem: str, status: str, success: bool) -> list[str]:
    if success:
        first = [stem + "Response"] if status in ("200", "201", "2XX") else []
        return [*first, f"{stem}{status}Response"]
    return ["ErrorResponse", f"{stem}ErrorResponse", f"{stem}{status}Error"]


def _tag_pointers(spec: dict[str, Any], by_tag: dict[str, list[Operation]]) -> dict[str, str]:
    """Where each resource's tag is: its entry in ``tags``, else its first operation's."""
    found = {tag: jp.join(ops[0].pointer, "tags", 0) for tag, ops in by_tag.items()}
    for index, entry in enumerate(spec.get("tags") or []):
        if isinstance(entry, dict) and str(entry.get("name")) in found:
            found[str(entry.get("name"))] = jp.join("/tags", index)
    return found


def _resource(
    resolved: Resolved,
    tag: str,
    operations: list[Operation],
    hoister: Hoister,
    diagnostics: list[Diagnostic],
) -> Resource:
    descriptions = {
        str(t.get("name")): str(t.get("description", "")) for t in resolved.spec.get("tags") or []
    }
    names, found = name_methods(resolved.name, tag, operations)
    diagnostics.extend(found)
    finished = [
        _finish_operation(op, name, hoister) for op, name in zip(operations, names, strict=True)
    ]
    return Resource(
        tag=tag,
        python_name=snake_case(tag, fallback="resource"),
        class_name=class_name(tag, fallback="Resource"),
        description=descriptions.get(tag, ""),
        operations=tuple(finished),
    )


def _finish_operation(op: Operation, python_name: str, hoister: Hoister) -> Operation:
    """``op`` with model keys in its schemas replaced by model references."""
    return Operation(
        **{
            **op.__dict__,
            "python_name": python_name,
            "parameters": tuple(
                Parameter(**{**p.__dict__, "schema": hoister.finish(p.schema)})
                for p in op.parameters
            ),
            "body": Body(**{**op.body.__dict__, "schema": hoister.finish(op.body.schema)})
            if op.body
            else None,
            "responses": tuple(
                Response(
                    r.status,
                    r.description,
                    tuple(
                        ResponseContent(
                            c.media_type,
                            hoister.finish(c.schema) if c.schema is not None else None,
                            c.pointer,
                        )
                        for c in r.content
                    ),
                    r.pointer,
                )
                for r in op.responses
            ),
        }
    )


def _servers(spec: dict[str, Any]) -> list[Server]:
    servers = []
    for server in spec.get("servers") or []:
        url = str(server.get("url", ""))
        for variable, value in (server.get("variables") or {}).items():
            url = url.replace("{" + variable + "}", str(value.get("default", "")))
        region = str(server.get("x-region") or urlparse(url).hostname or url)
        servers.append(Server(url.rstrip("/"), str(server.get("description", "")), region))
    return servers


def _security_schemes(resolved: Resolved) -> list[SecurityScheme]:
    schemes = resolved.spec.get("components", {}).get("securitySchemes") or {}
    result = []
    for name, raw in schemes.items():
        scheme = resolved.follow(raw)
        kind = str(scheme.get("type", ""))
        result.append(
            SecurityScheme(
                name=str(name),
                kind=kind,
                location=str(scheme.get("in", "")),
                parameter=str(scheme.get("name") if kind == "apiKey" else scheme.get("scheme", "")),
                description=str(scheme.get("description", "")),
                pointer=jp.join("/components/securitySchemes", name),
            )
        )
    return result


def _client_options(resources: tuple[Resource, ...]) -> list[ClientOption]:
    """Header parameters with one default everywhere become client options."""
    found: dict[str, set[tuple[str, str, str]]] = {}
    descriptions: dict[str, str] = {}
    for resource in resources:
        for op in resource.operations:
            for p in op.parameters:
                default = p.schema.get("default")
                if p.location == "header" and isinstance(default, str):
                    found.setdefault(p.name, set()).add((p.python_name, default, p.name))
                    descriptions.setdefault(p.name, p.description)
    return [
        ClientOption(
            header=name, python_name=python_name, default=default, description=descriptions[name]
        )
        for name, values in sorted(found.items())
        if len(values) == 1
        for python_name, default, _ in values
    ]


def _extras(spec: dict[str, Any], file: str, diagnostics: list[Diagnostic]) -> tuple[str, ...]:
    """``x-python-extras``: names of the optional modules in ``templates/extras/``."""
    names = spec.get("x-python-extras", [])
    available = sorted(p.stem for p in (TEMPLATES / "extras").glob("*.py"))
    if not isinstance(names, list):
        diagnostics.append(
            error(file, "/x-python-extras", "x-python-extras must be a list of module names")
        )
        return ()
    chosen: list[str] = []
    for index, name in enumerate(names):
        if name in available and name not in chosen:
            chosen.append(name)
        else:
            diagnostics.append(
                error(
                    file,
                    jp.join("/x-python-extras", str(index)),
                    f"no optional module {name!r}",
                    f"choose from {', '.join(available)}",
                )
            )
    return tuple(chosen)
