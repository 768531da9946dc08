"""Response planning: how a method reads each success response, and what it accepts.

A JSON response is validated against its type (``ResponseKind.JSON``); text and
bytes are returned as they come; an empty one is ``None``. The ``Accept`` header
lists every success media type, JSON first.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from generator.emit import code, layout
from generator.emit.code import Code
from generator.emit.expressions import NONE, Expr, Name
from generator.emit.types import TypeContext, type_hint
from generator.ir.model import Operation

__all__ = ["ResponseKind", "ResponsePlan", "accept", "plan_responses"]

_STR = Name("str")


class ResponseKind(Enum):
    """How the runtime reads a response (``_endpoint.ResponseKind``'s members)."""

    JSON = "JSON"
    TEXT = "TEXT"
    BYTES = "BYTES"
    EMPTY = "EMPTY"


@dataclass(frozen=True)
class ResponsePlan:
    status: str
    kind: ResponseKind
    type_expr: Expr  # at module level, what the runtime validates against
    return_hint: Expr  # inside the resource class

    @property
    def runtime_type(self) -> Code:
        return code.expression(self.type_expr.render())

    @property
    def status_literal(self) -> Code:
        return code.literal(self.status)

    @property
    def kind_name(self) -> code.Name:
        return code.name(self.kind.name)

    @property
    def entry(self) -> Code:
        """``"200": (ResponseKind.JSON, type)`` in the endpoint's ``responses``."""
        kind = f"ResponseKind.{self.kind_name}"
        pair = layout.Call("", (kind, self.type_expr.node()), display=True)
        return code.laid_out(layout.Keyed(code.dict_key(self.status), pair), 8, after=",")


def plan_responses(op: Operation, ctx: TypeContext) -> list[ResponsePlan]:
    plans = []
    for response in op.responses:
        if not response.status.startswith("2") and response.status.upper() != "2XX":
            continue
        if not response.content:
            plans.append(ResponsePlan(response.status, ResponseKind.EMPTY, NONE, NONE))
            continue
        content = _preferred_content(response.content)
        kind = _kind(content.media_type)
        type_expr: Expr
        if kind is ResponseKind.JSON:
            type_expr = type_hint(content.schema, TypeContext())
            hint = type_hint(content.schema, ctx)
        else:
            type_expr = hint = _STR if kind is ResponseKind.TEXT else Name("bytes")
        plans.append(ResponsePlan(response.status, kind, type_expr, hint))
    return plans


def _preferred_content(contents: Any) -> Any:
    for content in contents:
        if _kind(content.media_type) is ResponseKind.JSON:
            return content
    return contents[0]


def _kind(media_type: str) -> ResponseKind:
    base = media_type.split(";")[0].strip().lower()
    if base == "application/json" or base.endswith("+json"):
        return ResponseKind.JSON
    if base.startswith("text/"):
        return ResponseKind.TEXT
    return ResponseKind.BYTES


def accept(op: Operation) -> str:
    media: list[str] = []
    for response in op.responses:
        if response.status.startswith("2"):
            for content in response.content:
                if content.media_type not in media:
                    media.append(content.media_type)
    json_first = sorted(media, key=lambda m: _kind(m) is not ResponseKind.JSON)
    return ", ".join(json_first) or "application/json"
