"""Plan stage: the IR becomes what the templates lay out.

Every decision about the generated code is made here, in Python: method
signatures, type hints, docstrings, which parameters go where, how each
response is read. The templates only place these strings.
"""

from __future__ import annotations

import dataclasses
import hashlib
import html
import keyword
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from .hoist import MODEL_REF_PREFIX
from .ir import Api, Model, Operation, Parameter, Resource
from .naming import class_name, snake_case
from .text import one_line
from .typehints import TypeContext, type_hint

__all__ = ["ClientPlan", "plan_client", "safe_docstring"]

# Names a method's body or annotations use: the method's own arguments and the
# modules the resource module imports. A parameter of that name takes a "_".
_RESERVED_ARGUMENTS = frozenset(
    {
        "self",
        "body",
        "extra_headers",
        "timeout",
        "result",
        "models",
        "httpx",
        "builtins",
        "datetime",
    }
)


# The arguments of Client.__init__ that a header option must not take.
_CLIENT_ARGUMENTS = frozenset(
    {
        "self",
        "api_key",
        "token",
        "service_crn",
        "base_url",
        "region",
        "timeout",
        "max_retries",
        "http_client",
        "default_headers",
        "strict",
        "settings",
    }
)


# Attributes of the client classes that a resource must not take.
_CLIENT_ATTRIBUTES = frozenset({"base_url", "close", "aclose", "with_options"})


@dataclass(frozen=True)
class ParamPlan:
    python_name: str
    wire_name: str
    location: str
    explode: bool
    deprecated: bool
    declaration: str  # "limit: int | None = None"
    doc: str


@dataclass(frozen=True)
class ResponsePlan:
    status: str
    kind: str  # JSON | TEXT | BYTES | EMPTY
    type_expr: str  # at module level, what the runtime validates against
    return_hint: str  # inside the resource class


@dataclass(frozen=True)
class MethodPlan:
    name: str
    constant: str
    operation_id: str
    http_method: str
    path: str
    accept: str
    body_media_type: str
    deprecated: bool
    security: tuple[tuple[str, ...], ...]
    positional: tuple[ParamPlan, ...]
    keywords: tuple[str, ...]  # declarations after "*"
    params: tuple[ParamPlan, ...]
    responses: tuple[ResponsePlan, ...]
    return_hint: str
    has_body: bool
    docstring: str
    summary_cell: str  # for the README's operations table


@dataclass(frozen=True)
class ResourcePlan:
    module: str
    attribute: str
    class_name: str
    docstring: str
    methods: tuple[MethodPlan, ...]
    imports: tuple[str, ...]

    @property
    def exports(self) -> list[str]:
        return sorted([self.class_name, "Async" + self.class_name])


@dataclass(frozen=True)
class HeaderOptionPlan:
    python_name: str
    header: str
    default: str
    doc: str


@dataclass(frozen=True)
class ClientPlan:
    package: str
    distribution: str
    version: str
    api_version: str
    title: str
    description: str
    servers: tuple[tuple[str, str], ...]  # (region, url)
    header_options: tuple[HeaderOptionPlan, ...]
    resources: tuple[ResourcePlan, ...]
    model_names: tuple[str, ...]

    @property
    def resource_exports(self) -> list[str]:
        return sorted(name for r in self.resources for name in r.exports)


def plan_client(api: Api, package: str, distribution: str, version: str) -> ClientPlan:
    models = {m.name: m for m in api.models}
    options = {o.header: o for o in api.client_options}
    return ClientPlan(
        package=package,
        distribution=distribution,
        version=version,
        api_version=one_line(api.version),
        title=one_line(api.title),
        description=safe_docstring(api.description),
        servers=tuple((s.region, s.url) for s in api.servers),
        header_options=tuple(
            HeaderOptionPlan(name, o.header, o.default, safe_docstring(o.description))
            for o, name in zip(api.client_options, _option_names(api), strict=True)
        ),
        resources=_distinct_resources([_resource(r, models, options) for r in api.resources], api),
        model_names=tuple(sorted(models)),
    )


def _resource(
    resource: Resource, models: dict[str, Model], options: dict[str, Any]
) -> ResourcePlan:
    shadowed = frozenset(op.python_name for op in resource.operations)
    ctx = TypeContext(for_parameter=False, shadowed=shadowed)
    methods = tuple(_method(op, ctx, models, options) for op in resource.operations)
    return ResourcePlan(
        module=resource.python_name,
        attribute=resource.python_name,
        class_name=resource.class_name,
        docstring=safe_docstring(resource.description or f"Operations tagged {resource.tag!r}."),
        methods=methods,
        imports=_resource_imports(methods),
    )


def _resource_imports(methods: tuple[MethodPlan, ...]) -> tuple[str, ...]:
    """The import lines the resource module's type expressions need."""
    code = " ".join(
        " ".join([*m.keywords, *(p.declaration for p in m.positional), m.return_hint])
        + " ".join(r.type_expr for r in m.responses)
        for m in methods
    )
    lines = []
    if "builtins." in code:
        lines.append("import builtins")
    if "datetime." in code:
        lines.append("import datetime")
    abc = [name for name in ("Mapping", "Sequence") if name + "[" in code]
    lines.append(f"from collections.abc import {', '.join(abc)}")
    typing_names = ["TYPE_CHECKING"] + [
        n for n in ("Any", "Literal") if re.search(rf"\b{n}\b", code)
    ]
    lines.append(f"from typing import {', '.join(typing_names)}")
    lines.append("")
    lines.append("import httpx")
    lines.append("")
    if "models." in code:
        lines.append("from .. import models")
    endpoint_names = (
        ["Endpoint", "Param", "ResponseKind"]
        if any(m.params for m in methods)
        else ["Endpoint", "ResponseKind"]
    )
    lines.append(f"from .._endpoint import {', '.join(endpoint_names)}")
    lines.append("")
    lines.append("if TYPE_CHECKING:")
    lines.append("    from .._base_client import AsyncAPIClient, SyncAPIClient")
    return tuple(lines)


def _method(
    op: Operation, ctx: TypeContext, models: dict[str, Model], options: dict[str, Any]
) -> MethodPlan:
    pctx = TypeContext(for_parameter=True, shadowed=ctx.shadowed)
    params = _params(op.parameters, pctx, options)
    positional = tuple(p for p in params if p.location == "path")
    keywords: list[str] = []
    if op.body is not None:
        hint = _body_hint(op.body.schema, pctx, models)
        keywords.append(f"body: {hint}" if op.body.required else f"body: {hint} | None = None")
    keywords += [p.declaration for p in params if p.location != "path"]
    keywords += [
        "extra_headers: Mapping[str, str] | None = None",
        "timeout: float | httpx.Timeout | None = None",
    ]
    responses = _responses(op, ctx)
    return MethodPlan(
        name=op.python_name,
        constant="_" + snake_case(op.python_name).upper(),
        operation_id=op.operation_id,
        http_method=op.method,
        path=op.path,
        accept=_accept(op),
        body_media_type=op.body.media_type if op.body else "",
        deprecated=op.deprecated,
        security=op.security,
        positional=positional,
        keywords=tuple(keywords),
        params=params,
        responses=tuple(responses),
        return_hint=_union([r.return_hint for r in responses]) or "None",
        has_body=op.body is not None,
        docstring=_method_docstring(op, params),
        summary_cell=_one_line(op.summary).replace("|", "\\|"),
    )


def _params(
    parameters: tuple[Parameter, ...], ctx: TypeContext, options: dict[str, Any]
) -> tuple[ParamPlan, ...]:
    result = []
    # already ordered by the IR: path, query, header, cookie
    for p, name in zip(parameters, _argument_names(parameters), strict=True):
        hint = type_hint(p.schema, ctx)
        optional = not p.required or p.name in options
        if p.location == "path":
            declaration = f"{name}: {hint}"
        elif optional:
            declaration = (
                f"{name}: {hint} | None = None"
                if not hint.endswith("| None") and hint != "Any"
                else f"{name}: {hint} = None"
            )
        else:
            declaration = f"{name}: {hint}"
        doc = p.description
        if p.name in options:
            doc = (
                doc + " " if doc else ""
            ) + f"Defaults to the client's {name} ({options[p.name].default})."
        if p.deprecated:
            doc = "Deprecated. " + doc
        result.append(
            ParamPlan(
                name, p.name, p.location, p.explode, p.deprecated, declaration, _one_line(doc)
            )
        )
    return tuple(result)


def _distinct_resources(plans: list[ResourcePlan], api: Api) -> tuple[ResourcePlan, ...]:
    """Resources whose tags clean to one name (``user-id``, ``user_id``) told apart."""
    names = _distinct(
        [p.attribute for p in plans],
        [""] * len(plans),
        [r.tag for r in api.resources],
        _CLIENT_ATTRIBUTES,
    )
    return tuple(
        plan
        if name == plan.attribute
        else dataclasses.replace(plan, module=name, attribute=name, class_name=class_name(name))
        for plan, name in zip(plans, names, strict=True)
    )


def _option_names(api: Api) -> list[str]:
    options = api.client_options
    return _distinct(
        [o.python_name for o in options],
        ["header"] * len(options),
        [o.header for o in options],
        _CLIENT_ARGUMENTS,
    )


def _argument_names(parameters: tuple[Parameter, ...]) -> list[str]:
    """Distinct argument names: a clash takes the location, then a hash of the wire name."""
    return _distinct(
        [p.python_name for p in parameters],
        [p.location for p in parameters],
        [p.name for p in parameters],
        _RESERVED_ARGUMENTS,
    )


def _distinct(
    names: list[str], qualifiers: list[str], wires: list[str], reserved: frozenset[str]
) -> list[str]:
    """``names`` made distinct and unreserved, the same way whatever else is around."""
    counts = Counter(names)
    names = [
        f"{n}_{q}" if counts[n] > 1 and q else n for n, q in zip(names, qualifiers, strict=True)
    ]
    names = [n + "_" if n in reserved or keyword.iskeyword(n) else n for n in names]
    counts = Counter(names)
    return [
        f"{n}_{hashlib.sha256(w.encode()).hexdigest()[:6]}" if counts[n] > 1 else n
        for n, w in zip(names, wires, strict=True)
    ]


def _body_hint(schema: dict[str, Any], ctx: TypeContext, models: dict[str, Model]) -> str:
    hint = type_hint(schema, ctx)
    ref = schema.get("$ref", "")
    if ref.startswith(MODEL_REF_PREFIX):
        model = models[ref[len(MODEL_REF_PREFIX) :]]
        members = [m for k in ("oneOf", "anyOf") for m in model.schema.get(k, [])]
        if members and "properties" not in model.schema:
            hint = _union([hint] + [type_hint(m, ctx) for m in members])
    if hint.startswith("models.") or " models." in hint:
        hint = _union([hint, "Mapping[str, Any]"])
    return hint


def _responses(op: Operation, ctx: TypeContext) -> list[ResponsePlan]:
    plans = []
    for response in op.responses:
        if not response.status.startswith("2") and response.status.upper() != "2XX":
            continue
        if not response.content:
            plans.append(ResponsePlan(response.status, "EMPTY", "None", "None"))
            continue
        content = _preferred_content(response.content)
        kind = _kind(content.media_type)
        if kind == "JSON":
            type_expr = type_hint(content.schema, TypeContext())
            hint = type_hint(content.schema, ctx)
        else:
            type_expr = hint = "str" if kind == "TEXT" else "bytes"
        plans.append(ResponsePlan(response.status, kind, type_expr, hint))
    return plans


def _preferred_content(contents: Any) -> Any:
    for content in contents:
        if _kind(content.media_type) == "JSON":
            return content
    return contents[0]


def _kind(media_type: str) -> str:
    base = media_type.split(";")[0].strip().lower()
    if base == "application/json" or base.endswith("+json"):
        return "JSON"
    if base.startswith("text/"):
        return "TEXT"
    return "BYTES"


def _accept(op: Operation) -> str:
    media: list[str] = []
    for response in op.responses:
        if response.status.startswith("2"):
            for content in response.content:
                if content.media_type not in media:
                    media.append(content.media_type)
    json_first = sorted(media, key=lambda m: _kind(m) != "JSON")
    return ", ".join(json_first) or "application/json"


def _union(hints: list[str]) -> str:
    seen: list[str] = []
    for hint in hints:
        if hint and hint not in seen:
            seen.append(hint)
    non_none = [h for h in seen if h != "None"]
    return " | ".join(non_none + (["None"] if "None" in seen else []))


def _method_docstring(op: Operation, params: tuple[ParamPlan, ...]) -> str:
    parts = [op.summary or f"{op.method} {op.path}"]
    if op.description and op.description.strip() != op.summary.strip():
        parts.append(op.description)
    if op.deprecated:
        parts.append("Deprecated: this operation may be removed by the service.")
    args = [f"{p.python_name}: {p.doc}" if p.doc else p.python_name for p in params]
    if op.body is not None:
        args.insert(
            0,
            "body: "
            + (_one_line(op.body.description) or "The request body, a model or a plain dict."),
        )
    text = "\n\n".join(parts)
    if args:
        text += "\n\nArgs:\n" + "\n".join("    " + a for a in args)
    text += f"\n\n``{op.method} {op.path}`` (operationId ``{op.operation_id}``)"
    return safe_docstring(text)


def _one_line(text: str) -> str:
    return " ".join(html.unescape(text).split())


def safe_docstring(text: str) -> str:
    """Spec text that can sit inside a triple-quoted string and mean itself."""
    text = html.unescape(text).replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(c if c in "\n\t" or c.isprintable() else f"\\x{ord(c):02x}" for c in text)
    text = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    lines = [line.rstrip() for line in text.strip("\n").split("\n")]
    text = "\n".join(lines)
    backslashes = len(text[:-1]) - len(text[:-1].rstrip("\\"))
    if text.endswith('"') and backslashes % 2 == 0:  # it would run into the closing quotes
        text = text[:-1] + '\\"'
    return text
