"""Convenience methods planned from operation extensions: ``list_all`` and ``wait``.

``x-pagination`` gives a paginated operation a method that iterates over every
item across pages; ``x-wait`` gives a status-bearing operation a method that
polls until the status is final (see generator/extensions.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.emit.methods import CALL_OPTIONS, MethodPlan, ParamPlan
from generator.emit.types import TypeContext, type_hint
from generator.ir.extensions import member_schema, success_schema
from generator.ir.model import Model, Operation, Pagination, Waiter
from generator.text import safe_docstring

__all__ = ["PagerPlan", "WaiterPlan", "plan_pager", "plan_waiter"]


@dataclass(frozen=True)
class PagerPlan:
    """``list_all``: every item of a paginated operation."""

    name: str
    path: str
    endpoint: str  # the operation's Endpoint constant
    constant: str  # the Pages constant
    pages_expr: str  # OffsetPages(...) / CursorPages(...)
    keywords: tuple[str, ...]
    arguments: tuple[str, ...]  # Python names passed through to every page
    item_hint: str
    docstring: str


@dataclass(frozen=True)
class WaiterPlan:
    """``wait``: poll an operation until its status is final."""

    name: str
    path: str
    endpoint: str
    constant: str  # the FinalStatus constant
    final_expr: str
    positional: tuple[ParamPlan, ...]
    keywords: tuple[str, ...]
    arguments: tuple[str, ...]
    return_hint: str
    docstring: str
    raises: bool = False  # it takes raise_on_failure


def plan_pager(
    pagination: Pagination,
    method: MethodPlan,
    op: Operation,
    ctx: TypeContext,
    models: dict[str, Model],
) -> PagerPlan:
    python = {p.wire_name: p.python_name for p in method.params if p.location == "query"}
    if pagination.style == "offset":
        fields = {
            "items": pagination.items,
            "limit": python[pagination.limit],
            "offset": python[pagination.offset],
            "total": pagination.total or None,
        }
        pages_expr = "OffsetPages(" + ", ".join(f"{k}={v!r}" for k, v in fields.items()) + ")"
        driven = {pagination.limit, pagination.offset}
    else:
        fields = {
            "items": pagination.items,
            "cursor": python[pagination.cursor],
            "cursor_query": pagination.cursor,
            "next": pagination.next,
            "limit": python[pagination.limit] if pagination.limit else None,
        }
        pages_expr = "CursorPages(" + ", ".join(f"{k}={v!r}" for k, v in fields.items()) + ")"
        # Both cursors are the pager's: it starts at the first page and follows `next`.
        driven = {pagination.limit, pagination.cursor, "previous"}
    passed = tuple(p for p in method.params if p.location != "path" and p.wire_name not in driven)
    items = member_schema(success_schema(op), pagination.items, models, array=True) or {}
    item_hint = type_hint(items.get("items"), ctx)
    size_doc = f"items per page (sent as ``{pagination.limit}``)" if pagination.limit else ""
    doc = (
        f"Every item of :meth:`{method.name}`, across pages, fetched as the iteration needs them."
        f"\n\nArgs:\n    page_size: {size_doc or 'ignored: the service sets the page size'}"
    )
    doc += "".join(f"\n    {p.python_name}: {p.doc}" if p.doc else "" for p in passed)
    return PagerPlan(
        name=pagination.method,
        path=method.path,
        endpoint=method.constant,
        constant=method.constant + "_PAGES",
        pages_expr=pages_expr,
        keywords=(*[p.declaration for p in passed], "page_size: int | None = None", *CALL_OPTIONS),
        arguments=tuple(p.python_name for p in passed),
        item_hint=item_hint,
        docstring=safe_docstring(doc),
    )


def plan_waiter(waiter: Waiter, method: MethodPlan) -> WaiterPlan:
    others = tuple(p for p in method.params if p.location != "path")
    raises = bool(waiter.failed or waiter.cancelled)
    doc = (
        f"Poll :meth:`{method.name}` until ``{waiter.status}`` is final "
        f"({', '.join(waiter.final)}) and return the last answer."
        "\n\nThe interval starts at ``poll_interval`` seconds and grows by half each poll up"
        " to ``max_interval``. Raises ``WaitTimeoutError`` (with the last answer as ``last``)"
        " after ``max_wait`` seconds; ``None`` waits as long as it takes. ``poll_timeout``"
        " is each poll's HTTP timeout."
    )
    if raises:
        doc += (
            "\n\nWith ``raise_on_failure=True``, a final status that means failure"
            f" ({', '.join(waiter.failed) or 'none'}) raises ``JobFailedError``, and one that"
            f" means cancellation ({', '.join(waiter.cancelled) or 'none'})"
            " ``JobCancelledError``, each carrying the last answer as ``job`` and the reason"
            " it gives."
        )
    return WaiterPlan(
        name=waiter.method,
        path=method.path,
        endpoint=method.constant,
        constant=method.constant + "_FINAL",
        final_expr=_final_status_expression(waiter),
        positional=method.positional,
        keywords=(
            *[p.declaration for p in others],
            "max_wait: float | None = None",
            "poll_interval: float = 1.0",
            "max_interval: float = 10.0",
            *(["raise_on_failure: bool = False"] if raises else []),
            "extra_headers: Mapping[str, str] | None = None",
            "poll_timeout: float | httpx.Timeout | None = None",
            "max_retries: int | None = None",
        ),
        arguments=tuple(p.python_name for p in method.params),
        return_hint=method.return_hint,
        docstring=safe_docstring(doc),
        raises=raises,
    )


def _final_status_expression(waiter: Waiter) -> str:
    """The ``FinalStatus(...)`` constant: every value from the spec as a repr."""

    def frozen(values: tuple[str, ...]) -> str:
        return f"frozenset({{{', '.join(repr(v) for v in sorted(values))}}})"

    parts = [repr(waiter.status), frozen(waiter.final)]
    if waiter.failed or waiter.cancelled or waiter.reasons:
        parts += [frozen(waiter.failed), frozen(waiter.cancelled), repr(waiter.reasons)]
    return f"FinalStatus({', '.join(parts)})"
