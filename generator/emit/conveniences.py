"""Convenience methods planned from operation extensions: ``list_all`` and ``wait``.

``x-pagination`` gives a paginated operation a method that iterates over every
item across pages; ``x-wait`` gives a status-bearing operation a method that
polls until the status is final (see generator/extensions.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.emit import code, layout
from generator.emit.code import Code, DocText
from generator.emit.expressions import Argument, Expr, Name, Subscript, from_import
from generator.emit.markdown import Markdown
from generator.emit.methods import MethodPlan, ParamPlan, arguments_display, call_options
from generator.emit.options import CALL_OPTIONS, PAGE_SIZE, wait_options
from generator.emit.types import TypeContext, type_hint
from generator.ir.extensions import member_schema, success_schema
from generator.ir.model import Model, Operation, Pagination, Waiter

__all__ = ["PagerPlan", "WaiterPlan", "plan_pager", "plan_waiter"]

_PAGINATION = ".._pagination"
PAGERS = {
    "": from_import(_PAGINATION, "SyncPager"),
    "Async": from_import(_PAGINATION, "AsyncPager"),
}
"""The pager class of the sync ("") and the async ("Async") resource."""
_PAGES = {
    "offset": from_import(_PAGINATION, "OffsetPages"),
    "cursor": from_import(_PAGINATION, "CursorPages"),
}
FINAL_STATUS = from_import(".._waiting", "FinalStatus")


@dataclass(frozen=True)
class PagerPlan:
    """``list_all``: every item of a paginated operation."""

    name: code.Name
    path: Markdown  # for the README's table
    endpoint: code.Name  # the operation's Endpoint constant
    constant: code.Name  # the Pages constant
    pages_class: Name  # OffsetPages / CursorPages
    pages_arguments: tuple[layout.Node, ...]  # what the class is called with (literals)
    keywords: tuple[Argument, ...]
    arguments: tuple[code.Name, ...]  # Python names passed through to every page
    item_type: Expr
    page_type: Expr  # what iter_pages() yields: the operation's answer
    docstring: DocText

    @property
    def pages_expr(self) -> Code:
        """The call, laid out after ``<constant> = `` as black lays it out."""
        call = layout.Call(self.pages_class.render(), self.pages_arguments)
        source = layout.source(call, 0, f"{self.constant} = ")
        return code.expression(source, calls=frozenset({self.pages_class.render()}))

    def call(self, prefix: str) -> Code:
        """``pager: <hint> = self._client._pager(...)`` in the sync ("") or the async
        ("Async") resource, laid out as black lays it out."""
        arguments = (
            self.endpoint,
            self.constant,
            arguments_display(self.arguments),
            "page_size",
            call_options(),
        )
        node = layout.Call("self._client._pager", arguments, exploded=True)
        return code.laid_out_assignment(code.name("pager"), self.returns(prefix).node(), node, 8)

    def returns_after(self, prefix: str) -> Code:
        """The return annotation after ``) -> `` (at 4 columns, ``:`` after it)."""
        return code.laid_out(self.returns(prefix).node(), 4, ") -> ", ":")

    def returns(self, prefix: str) -> Subscript:
        """What the sync ("") or the async ("Async") method returns."""
        return Subscript(PAGERS[prefix], (self.item_type, self.page_type))

    @property
    def return_hints(self) -> dict[str, Code]:
        return {prefix: code.expression(self.returns(prefix).render()) for prefix in PAGERS}

    def annotations(self) -> list[Expr]:
        return [*(k.annotation for k in self.keywords), *map(self.returns, PAGERS)]


@dataclass(frozen=True)
class WaiterPlan:
    """``wait``: poll an operation until its status is final."""

    name: code.Name
    path: Markdown  # for the README's table
    endpoint: code.Name
    constant: code.Name  # the FinalStatus constant
    final_arguments: tuple[layout.Node, ...]  # what FinalStatus is called with (literals)
    positional: tuple[ParamPlan, ...]
    keywords: tuple[Argument, ...]
    arguments: tuple[code.Name, ...]
    return_type: Expr
    docstring: DocText
    raises: bool = False  # it takes raise_on_failure

    @property
    def final_expr(self) -> Code:
        """The call, laid out after ``<constant> = `` as black lays it out."""
        call = layout.Call(FINAL_STATUS.render(), self.final_arguments)
        source = layout.source(call, 0, f"{self.constant} = ")
        return code.expression(source, calls=frozenset({FINAL_STATUS.render(), "frozenset"}))

    @property
    def return_hint(self) -> Code:
        return code.expression(self.return_type.render())

    def call(self, awaited: str) -> Code:
        """``result: <hint> = self._client._wait(...)`` (``awaited``: ``"await "`` in the
        async class), laid out as black lays it out."""
        options = layout.Call(
            "CallOptions",
            (
                layout.Keyed("extra_headers=", "extra_headers"),
                layout.Keyed("timeout=", "poll_timeout"),
                layout.Keyed("max_retries=", "max_retries"),
            ),
        )
        waits = ["max_wait", "poll_interval", "max_interval"]
        waits += ["raise_on_failure"] if self.raises else []
        arguments: tuple[layout.Node, ...] = (
            self.endpoint,
            arguments_display(self.arguments),
            self.constant,
            options,
            *(layout.Keyed(f"{name}=", name) for name in waits),
        )
        node = layout.Call(f"{awaited}self._client._wait", arguments, exploded=True)
        return code.laid_out_assignment(code.name("result"), self.return_type.node(), node, 8)

    @property
    def returns(self) -> Code:
        """The return annotation after ``) -> `` (at 4 columns, ``:`` after it)."""
        return code.laid_out(self.return_type.node(), 4, ") -> ", ":")

    def annotations(self) -> list[Expr]:
        return [
            *(p.argument.annotation for p in self.positional),
            *(k.annotation for k in self.keywords),
            self.return_type,
        ]


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
        driven = {pagination.limit, pagination.offset}
    else:
        fields = {
            "items": pagination.items,
            "cursor": python[pagination.cursor],
            "cursor_query": pagination.cursor,
            "next": pagination.next,
            "limit": python[pagination.limit] if pagination.limit else None,
        }
        # Both cursors are the pager's: it starts at the first page and follows `next`.
        driven = {pagination.limit, pagination.cursor, "previous"}
    passed = tuple(p for p in method.params if p.location != "path" and p.wire_name not in driven)
    items = member_schema(success_schema(op), pagination.items, models, array=True) or {}
    item_type = type_hint(items.get("items"), ctx)
    size_doc = f"items per page (sent as ``{pagination.limit}``)" if pagination.limit else ""
    doc = (
        f"Every item of :meth:`{method.name}`, across pages, fetched as the iteration needs them."
        f"\n\nArgs:\n    page_size: {size_doc or 'ignored: the service sets the page size'}"
    )
    doc += "".join(f"\n    {p.python_name}: {p.doc}" if p.doc else "" for p in passed)
    return PagerPlan(
        name=code.name(pagination.method),
        path=method.path_span,
        endpoint=method.constant,
        constant=code.name(method.constant + "__PAGES"),  # "__": no endpoint constant has it
        pages_class=_PAGES[pagination.style],
        pages_arguments=tuple(
            layout.Keyed(f"{k}=", code.literal(None if v is None else str(v)))
            for k, v in fields.items()
        ),
        keywords=(*[p.argument for p in passed], PAGE_SIZE, *CALL_OPTIONS),
        arguments=tuple(p.python_name for p in passed),
        item_type=item_type,
        page_type=method.return_type,
        docstring=code.docstring(doc),
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
        name=code.name(waiter.method),
        path=method.path_span,
        endpoint=method.constant,
        constant=code.name(method.constant + "__FINAL"),
        final_arguments=_final_status_arguments(waiter),
        positional=method.positional,
        keywords=(*[p.argument for p in others], *wait_options(raises)),
        arguments=tuple(p.python_name for p in method.params),
        return_type=method.return_type,
        docstring=code.docstring(doc),
        raises=raises,
    )


def _final_status_arguments(waiter: Waiter) -> tuple[layout.Node, ...]:
    """What the ``FinalStatus(...)`` constant is called with: every value from the spec
    as a literal."""

    def frozen(values: tuple[str, ...]) -> layout.Node:
        members = tuple(code.literal(v) for v in sorted(values))
        return layout.Call("frozenset", (layout.Call("", members, "{}", display=True),))

    parts: list[layout.Node] = [code.literal(waiter.status), frozen(waiter.final)]
    if waiter.failed or waiter.cancelled or waiter.reasons:
        reasons = code.literal_node(waiter.reasons)
        parts += [frozen(waiter.failed), frozen(waiter.cancelled), reasons]
    return tuple(parts)
