"""Method planning: one operation becomes a method's signature, docstring and wire facts.

Every decision about a generated method is made here, in Python: argument
names and type hints, which parameters are positional, how each response is
read, the docstring. The templates only place these strings.
"""

from __future__ import annotations

import hashlib
import keyword
from collections import Counter
from dataclasses import dataclass
from typing import Any

from generator.emit.types import TypeContext, type_hint
from generator.ir.hoist import MODEL_REF_PREFIX
from generator.ir.model import Model, Operation, Parameter
from generator.ir.naming import snake_case
from generator.text import folded, safe_docstring

__all__ = [
    "CALL_OPTIONS",
    "MethodPlan",
    "ParamPlan",
    "ResponsePlan",
    "distinct_names",
    "plan_method",
]


# Names a method's body or annotations use: the method's own arguments, its
# locals and the modules the resource module imports. A parameter of that name takes a "_".
_RESERVED_ARGUMENTS = frozenset(
    {
        "self",
        "body",
        "extra_headers",
        "timeout",
        "max_retries",
        "page_size",
        "poll_interval",
        "max_interval",
        "request_timeout",
        "result",
        "pager",
        "models",
        "httpx",
        "builtins",
        "datetime",
    }
)
CALL_OPTIONS = (
    "extra_headers: Mapping[str, str] | None = None",
    "timeout: float | httpx.Timeout | None = None",
    "max_retries: int | None = None",
)


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
    timeout: float | None
    positional: tuple[ParamPlan, ...]
    keywords: tuple[str, ...]  # declarations after "*"
    params: tuple[ParamPlan, ...]
    responses: tuple[ResponsePlan, ...]
    return_hint: str
    docstring: str
    summary_cell: str  # for the README's operations table
    body_argument: str = "None"  # what _call sends: "body", "None", or a preset's literal
    is_preset: bool = False  # x-python-presets: another method of the same operation


def plan_method(
    op: Operation, ctx: TypeContext, models: dict[str, Model], options: dict[str, Any]
) -> MethodPlan:
    pctx = TypeContext(for_parameter=True, shadowed=ctx.shadowed)
    params = _params(op.parameters, pctx, options)
    positional = tuple(p for p in params if p.location == "path")
    keywords: list[str] = []
    if op.body is not None and op.preset_body is None:
        hint = _body_hint(op.body.schema, pctx, models)
        keywords.append(f"body: {hint}" if op.body.required else f"body: {hint} | None = None")
    keywords += [p.declaration for p in params if p.location != "path"]
    keywords += CALL_OPTIONS
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
        timeout=op.timeout,
        positional=positional,
        keywords=tuple(keywords),
        params=params,
        responses=tuple(responses),
        return_hint=_union([r.return_hint for r in responses]) or "None",
        body_argument=_body_argument(op),
        is_preset=op.preset_body is not None,
        docstring=_method_docstring(op, params),
        summary_cell=folded(op.summary).replace("|", "\\|"),
    )


def _body_argument(op: Operation) -> str:
    """The body ``_call`` sends: the caller's, none, or a preset's fixed value as a literal."""
    if op.preset_body is not None:
        return repr(op.preset_body)  # JSON values: repr is a Python literal of them
    return "body" if op.body is not None else "None"


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
            ParamPlan(name, p.name, p.location, p.explode, p.deprecated, declaration, folded(doc))
        )
    return tuple(result)


def _argument_names(parameters: tuple[Parameter, ...]) -> list[str]:
    """Distinct argument names: a clash takes the location, then a hash of the wire name."""
    return distinct_names(
        [p.python_name for p in parameters],
        [p.location for p in parameters],
        [p.name for p in parameters],
        _RESERVED_ARGUMENTS,
    )


def distinct_names(
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
    if op.body is not None and op.preset_body is None:
        args.insert(
            0,
            "body: "
            + (folded(op.body.description) or "The request body, a model or a plain dict."),
        )
    text = "\n\n".join(parts)
    if args:
        text += "\n\nArgs:\n" + "\n".join("    " + a for a in args)
    text += f"\n\n``{op.method} {op.path}`` (operationId ``{op.operation_id}``)"
    return safe_docstring(text)
