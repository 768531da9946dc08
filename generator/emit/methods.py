"""Method planning: one operation becomes a method's signature, docstring and wire facts.

Every decision about a generated method is made here, in Python: argument
names and type hints, which parameters are positional, how each response is
read, the docstring. The templates only place these strings.
"""

from __future__ import annotations

import hashlib
import keyword
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from generator.emit import code, layout, markdown
from generator.emit.code import Code, DocText
from generator.emit.expressions import (
    NONE,
    Argument,
    Expr,
    Union,
    imports_of,
    union,
)
from generator.emit.markdown import Markdown
from generator.emit.options import CALL_OPTION_NAMES, CALL_OPTIONS, option_names, optional
from generator.emit.reserved import method_body_names
from generator.emit.response_plans import ResponseKind, ResponsePlan, accept, plan_responses
from generator.emit.types import MODULES_BOUND, PARAMS, TypeContext, param_name, type_hint
from generator.ir.hoist import MODEL_REF_PREFIX
from generator.ir.model import Model, Operation, Parameter, ParameterLocation
from generator.ir.naming import snake_case
from generator.text import folded

__all__ = [
    "MethodPlan",
    "ParamPlan",
    "ResponseKind",
    "ResponsePlan",
    "distinct_names",
    "plan_method",
]


_RESULT = code.name("result")

# Names a method's body or annotations use: its options, its locals and the
# modules a resource module binds. A parameter of that name takes a "_".
_OPTION_MODULES = {i.bound for i in imports_of(a.annotation for a in CALL_OPTIONS) if not i.name}
_RESERVED_ARGUMENTS = option_names() | method_body_names() | MODULES_BOUND | _OPTION_MODULES


@dataclass(frozen=True)
class ParamPlan:
    python_name: code.Name
    wire_name: str  # the spec's: for comparisons only (``wire_literal`` in code)
    location: ParameterLocation
    style: str  # the spec's (``form``, ``deepObject``, ...): ``style_literal`` in code
    explode: bool
    deprecated: bool
    argument: Argument  # limit: int | None = None
    doc: str  # folded spec text: escaped where it lands (a docstring, the README)

    @property
    def declaration(self) -> Code:
        return self.argument.declaration

    @property
    def wire_literal(self) -> Code:
        return code.literal(self.wire_name)

    @property
    def location_literal(self) -> Code:
        return code.literal(self.location)

    @property
    def style_literal(self) -> Code:
        return code.literal(self.style)

    @property
    def entry(self) -> Code:
        """``"name": Param(...)`` in the endpoint's ``params`` (at 8 columns, a comma after)."""
        call = layout.Call(
            "Param",
            (
                self.wire_literal,
                self.location_literal,
                layout.Keyed("explode=", repr(self.explode)),
                layout.Keyed("deprecated=", repr(self.deprecated)),
                layout.Keyed("style=", self.style_literal),
            ),
        )
        return code.laid_out(layout.Keyed(code.dict_key(self.python_name), call), 8, after=",")


@dataclass(frozen=True)
class MethodPlan:
    name: code.Name
    constant: code.Name
    operation_id: str  # the spec's strings: in code only as their literals below
    http_method: code.Name  # GET, POST, ...
    path: str
    accept: str
    body_media_type: str
    deprecated: bool
    security: tuple[tuple[str, ...], ...]
    timeout: float | None
    positional: tuple[ParamPlan, ...]
    keywords: tuple[Argument, ...]  # after "*"
    params: tuple[ParamPlan, ...]
    responses: tuple[ResponsePlan, ...]
    return_type: Expr
    docstring: DocText
    summary_cell: Markdown  # for the README's operations table
    body_argument: Code  # what _call sends: body, None, or a preset's literal
    is_preset: bool = False  # x-python-presets: another method of the same operation

    @property
    def return_hint(self) -> Code:
        return code.expression(self.return_type.render())

    @property
    def operation_id_literal(self) -> Code:
        return code.literal(self.operation_id)

    @property
    def path_literal(self) -> Code:
        return code.literal(self.path)

    @property
    def path_span(self) -> Markdown:
        return markdown.code_span(self.path)

    @property
    def accept_literal(self) -> Code:
        return code.literal(self.accept)

    @property
    def body_media_type_literal(self) -> Code:
        return code.literal(self.body_media_type or None)

    @property
    def security_literal(self) -> Code:
        return code.literal(self.security)

    @property
    def security_entry(self) -> Code:
        """``security=(...)`` in the endpoint (at 4 columns, a comma after)."""
        node = layout.Keyed("security=", code.literal_node(self.security))
        return code.laid_out(node, 4, after=",")

    def call(self, awaited: str) -> Code:
        """``result: <hint> = self._client._call(...)`` (``awaited``: ``"await "`` in the
        async class), laid out as black lays it out."""
        arguments = (
            self.constant,
            arguments_display(p.python_name for p in self.params),
            self.body_argument,
            call_options(),
        )
        node = layout.Call(f"{awaited}self._client._call", arguments, exploded=True)
        return code.laid_out_assignment(_RESULT, self.return_type.node(), node, 8)

    @property
    def returns(self) -> Code:
        """The return annotation after ``) -> `` (at 4 columns, ``:`` after it)."""
        return code.laid_out(self.return_type.node(), 4, ") -> ", ":")

    def raw_binding(self, wrapper: str) -> Code:
        """``wrapper(resource.<name>)`` after ``self.<name> = `` in a raw-response class."""
        node = layout.Call(wrapper, (f"resource.{self.name}",))
        return code.laid_out(node, 8, f"self.{self.name} = ")

    def operation_info(self, resource: code.Name) -> Code:
        """``"id": OperationInfo(...)`` in ``_operations.OPERATIONS`` (8 columns, a comma after)."""
        call = layout.Call(
            "OperationInfo",
            (
                self.operation_id_literal,
                code.scalar(self.http_method),
                self.path_literal,
                code.scalar(resource),
                code.scalar(self.name),
            ),
        )
        entry = layout.Keyed(code.dict_key(self.operation_id), call)
        return code.laid_out(entry, 8, after=",")

    def annotations(self) -> list[Expr]:
        """Every type expression the method's module spells for it."""
        return [
            *(p.argument.annotation for p in self.positional),
            *(k.annotation for k in self.keywords),
            *(r.type_expr for r in self.responses),
            self.return_type,
        ]


def arguments_display(names: Iterable[code.Name]) -> layout.Call:
    """``{"name": name, ...}``, one a line: what a method passes on to the client."""
    items = tuple(layout.Keyed(code.dict_key(n), n) for n in names)
    return layout.Call("", items, "{}", display=True, exploded=True)


def call_options() -> layout.Call:
    """``CallOptions(extra_headers=extra_headers, ...)``, one a line."""
    items = tuple(layout.Keyed(f"{n}=", n) for n in CALL_OPTION_NAMES)
    return layout.Call("CallOptions", items, exploded=True)


def plan_method(
    op: Operation, ctx: TypeContext, models: dict[str, Model], options: dict[str, Any]
) -> MethodPlan:
    pctx = TypeContext(for_parameter=True, shadowed=ctx.shadowed)
    params = _params(op.parameters, pctx, options)
    positional = tuple(p for p in params if p.location == "path")
    keywords: list[Argument] = []
    if op.body is not None and op.preset_body is None:
        hint = _body_hint(op.body.schema, pctx, models)
        keywords.append(Argument("body", hint) if op.body.required else optional("body", hint))
    keywords += [p.argument for p in params if p.location != "path"]
    keywords += CALL_OPTIONS
    responses = plan_responses(op, ctx)
    return MethodPlan(
        name=code.name(op.python_name),
        constant=code.name("_" + snake_case(op.python_name).upper()),
        operation_id=op.operation_id,
        http_method=code.name(op.method),
        path=op.path,
        accept=accept(op),
        body_media_type=op.body.media_type if op.body else "",
        deprecated=op.deprecated,
        security=op.security,
        timeout=op.timeout,
        positional=positional,
        keywords=tuple(keywords),
        params=params,
        responses=tuple(responses),
        return_type=union(r.return_hint for r in responses),
        body_argument=_body_argument(op),
        is_preset=op.preset_body is not None,
        docstring=_method_docstring(op, params),
        summary_cell=markdown.text(op.summary),
    )


def _body_argument(op: Operation) -> Code:
    """The body ``_call`` sends: the caller's, none, or a preset's fixed value as a literal."""
    if op.preset_body is not None:
        return code.literal(op.preset_body)  # JSON values: repr is a Python literal of them
    return code.name("body") if op.body is not None else code.literal(None)


def _params(
    parameters: tuple[Parameter, ...], ctx: TypeContext, options: dict[str, Any]
) -> tuple[ParamPlan, ...]:
    result = []
    # already ordered by the IR: path, query, header, cookie
    for p, name in zip(parameters, _argument_names(parameters), strict=True):
        hint = type_hint(p.schema, ctx)
        if p.location != "path" and (not p.required or p.name in options):
            argument = optional(name, hint)
        else:
            argument = Argument(name, hint)
        doc = p.description
        if p.name in options:
            default = f"Defaults to the client's {name} ({options[p.name].default})."
            doc = f"{_sentence(doc)} {default}" if doc.strip() else default
        if p.deprecated:
            doc = "Deprecated. " + doc
        result.append(
            ParamPlan(
                code.name(name),
                p.name,
                p.location,
                p.style,
                p.explode,
                p.deprecated,
                argument,
                folded(doc),
            )
        )
    return tuple(result)


def _sentence(text: str) -> str:
    """``text`` ending as a sentence does, so that another can follow it."""
    text = text.rstrip()
    return text if text.endswith((".", "!", "?", ":", ";")) else text + "."


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


def _body_hint(schema: dict[str, Any], ctx: TypeContext, models: dict[str, Model]) -> Expr:
    """The body's type: where it names a model, the model (and a union's members)
    or a dict checked against its ``TypedDict`` (``params.<Model>Param``)."""
    ref = schema.get("$ref", "")
    if not ref.startswith(MODEL_REF_PREFIX):
        return type_hint(schema, ctx)
    name = ref[len(MODEL_REF_PREFIX) :]
    model = models[name]
    hint: list[Expr] = [ctx.model(name)]
    members = [m for k in ("oneOf", "anyOf") for m in model.schema.get(k, [])]
    if members and "properties" not in model.schema:
        plain = TypeContext(shadowed=ctx.shadowed)  # the members' models: their dicts are
        hint += [type_hint(m, plain) for m in members]  # in the union's TypedDict alias
    hint.append(ctx.param(name))
    nullable = type_hint(schema, ctx)  # ``None`` too, where the reference is nullable
    return union([*hint, nullable]) if NONE in _members(nullable) else union(hint)


def _members(hint: Expr) -> tuple[Expr, ...]:
    return hint.members if isinstance(hint, Union) else (hint,)


def _body_doc(op: Operation) -> str:
    """The body's description, and what it takes: ``A model or a dict (params.XParam).``"""
    assert op.body is not None
    ref = op.body.schema.get("$ref", "")
    takes = (
        f"a model or a dict (``{PARAMS.bound}.{param_name(ref[len(MODEL_REF_PREFIX) :])}``)."
        if ref.startswith(MODEL_REF_PREFIX)
        else "."
    )
    description = folded(op.body.description)
    if not description:
        return "The request body" + (f": {takes}" if takes != "." else ".")
    return _sentence(description) + (f" {takes[0].upper()}{takes[1:]}" if takes != "." else "")


def _method_docstring(op: Operation, params: tuple[ParamPlan, ...]) -> DocText:
    parts = [op.summary or f"{op.method} {op.path}"]
    if op.description and op.description.strip() != op.summary.strip():
        parts.append(op.description)
    if op.deprecated:
        parts.append("Deprecated: this operation may be removed by the service.")
    args = [f"{p.python_name}: {p.doc}" if p.doc else p.python_name for p in params]
    if op.body is not None and op.preset_body is None:
        args.insert(
            0,
            "body: " + _body_doc(op),
        )
    text = "\n\n".join(parts)
    if args:
        text += "\n\nArgs:\n" + "\n".join("    " + a for a in args)
    text += f"\n\n``{op.method} {op.path}`` (operationId ``{op.operation_id}``)"
    return code.docstring(text)
