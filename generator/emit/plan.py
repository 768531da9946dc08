"""Plan stage: the IR becomes what the templates lay out.

Every decision about the generated code is made in Python: this module plans
the client and its resources (and their imports); ``methods`` plans each
operation's method and ``conveniences`` the ``list_all``/``wait`` methods.
The templates only place these strings.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any

from generator import text
from generator.emit.conveniences import PagerPlan, WaiterPlan, plan_pager, plan_waiter
from generator.emit.methods import MethodPlan, distinct_names, plan_method
from generator.emit.types import TypeContext
from generator.ir.model import Api, Model, Resource
from generator.ir.naming import class_name
from generator.text import safe_docstring

# The arguments of Client.__init__ that a header option must not take.
_CLIENT_ARGUMENTS = frozenset(
    {
        "self",
        "api_key",
        "token",
        "service_crn",
        "auth",
        "iam_url",
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
_CLIENT_ATTRIBUTES = frozenset(
    {"base_url", "max_retries", "close", "aclose", "with_options", "_copy_with"}
)

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
        api_version=text.one_line(api.version),
        title=text.one_line(api.title),
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
        " ".join(
            [
                *m.keywords,
                *(p.declaration for p in m.positional),
                m.return_hint,
                *(r.type_expr for r in m.responses),
            ]
        )
        for m in methods
    )
    code += " " + " ".join(" ".join([*p.keywords, p.item_hint]) for p in pagers)
    code += " " + " ".join(" ".join(w.keywords) for w in waiters)
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


def _distinct_resources(plans: list[ResourcePlan], api: Api) -> tuple[ResourcePlan, ...]:
    """Resources whose tags clean to one name (``user-id``, ``user_id``) told apart."""
    names = distinct_names(
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
    return distinct_names(
        [o.python_name for o in options],
        ["header"] * len(options),
        [o.header for o in options],
        _CLIENT_ARGUMENTS,
    )
