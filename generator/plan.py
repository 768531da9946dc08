"""Plan stage: the IR becomes what the templates lay out.

Every decision about the generated code is made in Python: this module plans
the client and its resources (and their imports); ``methods`` plans each
operation's method and ``conveniences`` the ``list_all``/``wait`` methods.
The templates only place these strings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .conveniences import PagerPlan, WaiterPlan, plan_pager, plan_waiter
from .docstrings import safe_docstring
from .ir import Api, Model, Resource
from .methods import MethodPlan, plan_method
from .typehints import TypeContext

__all__ = ["ClientPlan", "HeaderOptionPlan", "ResourcePlan", "plan_client"]


@dataclass(frozen=True)
class ResourcePlan:
    module: str
    attribute: str
    class_name: str
    docstring: str
    methods: tuple[MethodPlan, ...]
    pagers: tuple[PagerPlan, ...]
    waiters: tuple[WaiterPlan, ...]
    imports: tuple[str, ...]

    @property
    def summary(self) -> str:
        return self.docstring.split("\n")[0]

    @property
    def exports(self) -> list[str]:
        names = [self.class_name, self.class_name + "WithRawResponse"]
        return sorted(names + ["Async" + name for name in names])


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
        api_version=api.version,
        title=api.title,
        description=safe_docstring(api.description),
        servers=tuple((s.region, s.url) for s in api.servers),
        header_options=tuple(
            HeaderOptionPlan(o.python_name, o.header, o.default, safe_docstring(o.description))
            for o in api.client_options
        ),
        resources=tuple(_resource(r, models, options) for r in api.resources),
        model_names=tuple(sorted(models)),
    )


def _resource(
    resource: Resource, models: dict[str, Model], options: dict[str, Any]
) -> ResourcePlan:
    shadowed = frozenset(op.python_name for op in resource.operations)
    shadowed |= {op.pagination.method for op in resource.operations if op.pagination}
    shadowed |= {op.waiter.method for op in resource.operations if op.waiter}
    ctx = TypeContext(for_parameter=False, shadowed=shadowed)
    methods = tuple(plan_method(op, ctx, models, options) for op in resource.operations)
    by_id = {m.operation_id: m for m in methods}
    pagers = tuple(
        plan_pager(op.pagination, by_id[op.operation_id], op, ctx, models)
        for op in resource.operations
        if op.pagination
    )
    waiters = tuple(
        plan_waiter(op.waiter, by_id[op.operation_id]) for op in resource.operations if op.waiter
    )
    return ResourcePlan(
        module=resource.python_name,
        attribute=resource.python_name,
        class_name=resource.class_name,
        docstring=safe_docstring(resource.description or f"Operations tagged {resource.tag!r}."),
        methods=methods,
        pagers=pagers,
        waiters=waiters,
        imports=_resource_imports(methods, pagers, waiters),
    )


def _resource_imports(
    methods: tuple[MethodPlan, ...],
    pagers: tuple[PagerPlan, ...],
    waiters: tuple[WaiterPlan, ...],
) -> tuple[str, ...]:
    """The import lines the resource module's type expressions need."""
    code = " ".join(
        " ".join([*m.keywords, *(p.declaration for p in m.positional), m.return_hint])
        + " ".join(r.type_expr for r in m.responses)
        for m in methods
    )
    code += " ".join(" ".join([*p.keywords, p.item_hint]) for p in pagers)
    code += " ".join(" ".join(w.keywords) for w in waiters)
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
    lines.append("from functools import cached_property")
    lines.append("")
    lines.append("import httpx")
    lines.append("")
    if "models." in code:
        lines.append("from .. import models")
    if pagers or waiters:
        lines.append("from .._base_client import CallOptions")
    endpoint_names = (
        ["Endpoint", "Param", "ResponseKind"]
        if any(m.params for m in methods)
        else ["Endpoint", "ResponseKind"]
    )
    lines.append(f"from .._endpoint import {', '.join(endpoint_names)}")
    if pagers:
        styles = sorted({p.pages_expr.split("(")[0] for p in pagers})
        lines.append(f"from .._pagination import AsyncPager, {', '.join(styles)}, SyncPager")
    lines.append("from .._response import async_raw_response, raw_response")
    if waiters:
        lines.append("from .._waiting import FinalStatus")
    lines.append("")
    lines.append("if TYPE_CHECKING:")
    lines.append("    from .._base_client import AsyncAPIClient, SyncAPIClient")
    return tuple(lines)
