"""Plan stage: the IR becomes what the templates lay out.

Every decision about the generated code is made in Python: this module plans
the client and its resources (and their imports); ``methods`` plans each
operation's method and ``conveniences`` the ``list_all``/``wait`` methods.
The templates only place these values: every one the Python templates print is
a ``Name``, ``Code`` or ``DocText`` of ``generator.emit.code`` (the README's a
``Markdown`` of ``generator.emit.markdown``), which the render stage enforces.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

from generator.diagnostics import GeneratorError, error
from generator.emit import code
from generator.emit.auth import AuthPlan, plan_auth
from generator.emit.code import Code, DocText
from generator.emit.conveniences import (
    FINAL_STATUS,
    PagerPlan,
    WaiterPlan,
    plan_pager,
    plan_waiter,
)
from generator.emit.expressions import Expr, Import, from_import, import_lines, imports_of
from generator.emit.methods import MethodPlan, distinct_names, plan_method
from generator.emit.params import ParamsPlan, plan_params
from generator.emit.readme import ReadmePlan, plan_readme
from generator.emit.reserved import client_init_names
from generator.emit.types import TypeContext
from generator.ir.model import Api, Model, Resource
from generator.ir.scope import digest
from generator.ir.security import RESERVED_ARGUMENTS

# What an optional module can use when it is installed: pip extra -> requirement.
_EXTRA_DEPENDENCIES: dict[str, dict[str, str]] = {"results": {"numpy": "numpy>=1.24"}}

_SUMMARY = "Typed Python client for the "
"""pyproject.toml's description, before the spec's title."""

__all__ = ["ClientPlan", "HeaderOptionPlan", "ResourcePlan", "plan_client"]


@dataclass(frozen=True)
class ResourcePlan:
    module: code.Name
    attribute: code.Name
    class_name: code.Name
    docstring: DocText
    summary: DocText  # the first line, escaped on its own: a one-line docstring
    methods: tuple[MethodPlan, ...]
    pagers: tuple[PagerPlan, ...]
    waiters: tuple[WaiterPlan, ...]
    imports: tuple[Code, ...]

    @property
    def operations(self) -> tuple[MethodPlan, ...]:
        """One method per operation: presets (``x-python-presets``) left out."""
        return tuple(m for m in self.methods if not m.is_preset)

    @property
    def exports(self) -> list[code.Name]:
        names = [self.class_name, self.class_name + "WithRawResponse"]
        return sorted(code.name(n) for n in names + ["Async" + name for name in names])


@dataclass(frozen=True)
class HeaderOptionPlan:
    python_name: code.Name
    header: str  # the spec's: printed only through the properties below
    default: str
    doc: DocText

    @property
    def header_doc(self) -> DocText:
        """The header's name as docstring text (spec text: escaped)."""
        return code.one_line(self.header)

    @property
    def default_doc(self) -> DocText:
        """The default's repr as docstring text (spec text: escaped)."""
        return code.one_line(repr(self.default))

    @property
    def header_literal(self) -> Code:
        return code.literal(self.header)

    @property
    def default_literal(self) -> Code:
        return code.literal(self.default)


@dataclass(frozen=True)
class ClientPlan:
    package: code.Name
    distribution: str  # the package's name with dashes: in code as its literal
    version: str
    api_version: DocText
    api_version_literal: Code
    title: DocText
    description_toml: code.TomlText  # pyproject.toml's "Typed Python client for the ..."
    description: DocText
    servers: tuple[tuple[str, str], ...]  # (region, url), the spec's: in code as literals
    header_options: tuple[HeaderOptionPlan, ...]
    resources: tuple[ResourcePlan, ...]
    auth: AuthPlan
    readme: ReadmePlan
    params: ParamsPlan
    extras: tuple[str, ...] = ()
    optional_dependencies: tuple[tuple[code.Name, code.TomlText], ...] = ()  # (extra, requirement)

    @property
    def resource_exports(self) -> list[code.Name]:
        return sorted(name for r in self.resources for name in r.exports)

    @property
    def client_typing(self) -> Code:
        """The names ``_client.py`` imports from ``typing``."""
        names = ["TYPE_CHECKING"]
        names += ["Any"] if self.auth.saved_accounts else []
        names += ["Literal"] if self.auth.exchange else []
        return code.join(", ", map(code.name, names))

    @property
    def version_literal(self) -> Code:
        return code.literal(self.version)

    @property
    def distribution_literal(self) -> Code:
        return code.literal(self.distribution)

    @property
    def distribution_toml(self) -> code.TomlText:
        return code.toml_string(self.distribution)

    @property
    def server_literals(self) -> tuple[tuple[Code, Code], ...]:
        return tuple((code.literal(region), code.literal(url)) for region, url in self.servers)

    @property
    def region_doc(self) -> DocText:
        """The region names as docstring text (spec text, ``x-region``: escaped)."""
        return code.one_line(", ".join(region for region, _ in self.servers), limit=2000)

    @property
    def with_options_example(self) -> DocText:
        methods = [(r.attribute, m) for r in self.resources for m in r.methods]
        methods.sort(key=lambda item: not (item[1].http_method == "GET" and item[1].positional))
        example = f"{methods[0][0]}.{methods[0][1].name}(...)" if methods else "base_url"
        return code.docstring(example)

    @property
    def client_doc_tail(self) -> tuple[DocText, ...]:
        """The docstring's ``timeout`` and ``max_retries`` entries, naming the API's methods."""
        slow = [
            f"{m.timeout:g} s for ``{r.attribute}.{m.name}``"
            for r in self.resources
            for m in r.methods
            if m.timeout is not None
        ]
        posts = [
            f"{r.attribute}.{m.name}"
            for r in self.resources
            for m in sorted(r.methods, key=lambda m: m.timeout is None)
            if m.http_method == "POST"
        ]
        lines = ["timeout: Seconds, or an ``httpx.Timeout`` (default: 5 s to connect, 60 s to read"]
        if slow:
            lines[0] += ","
            lines.append(f"    and longer where an operation needs it: {', '.join(slow)}).")
        else:
            lines[0] += ")."
        lines[-1] += " Each wait"
        lines.append(
            "    for the network, the IBM Cloud IAM exchange's included (30 s by default there)."
            if self.auth.exchange
            else "    for the network."
        )
        lines += [
            "max_retries: How many times a failed call is retried (default 2). Calls that may",
            "    have reached the service are retried only if they are idempotent",
        ]
        if posts:
            lines[-1] += ", so a"
            lines.append(f"    ``{posts[0]}`` call is never duplicated.")
        else:
            lines[-1] += "."
        return tuple(code.docstring(line) for line in lines)


def plan_client(api: Api, package: str, distribution: str, version: str) -> ClientPlan:
    models = {m.name: m for m in api.models}
    options = {o.header: o for o in api.client_options}
    auth = plan_auth(api.client, package)
    # The IR named them apart (generator.ir.member_names).
    resources = tuple(_resource(r, models, options) for r in api.resources)
    header_options = tuple(
        HeaderOptionPlan(code.name(name), o.header, o.default, code.docstring(o.description))
        for o, name in zip(api.client_options, _option_names(api, auth), strict=True)
    )
    return ClientPlan(
        package=code.name(package),
        distribution=distribution,
        version=version,
        api_version=code.one_line(api.version),
        api_version_literal=code.literal(api.version),
        title=code.one_line(api.title),
        description_toml=code.toml_string(_SUMMARY + api.title, len(_SUMMARY) + 200),
        description=code.docstring(api.description),
        servers=tuple((s.region, s.url) for s in api.servers),
        header_options=header_options,
        resources=resources,
        extras=api.extras,
        optional_dependencies=tuple(
            (code.name(extra), code.toml_literal(requirement))
            for name in api.extras
            for extra, requirement in _EXTRA_DEPENDENCIES.get(name, {}).items()
        ),
        auth=auth,
        readme=plan_readme(api, auth, resources, package, distribution, version, header_options),
        params=plan_params(api),
    )


def _resource(
    resource: Resource, models: dict[str, Model], options: dict[str, Any]
) -> ResourcePlan:
    shadowed = frozenset(op.python_name for op in resource.operations)
    shadowed |= {op.pagination.method for op in resource.operations if op.pagination}
    shadowed |= {op.waiter.method for op in resource.operations if op.waiter}
    ctx = TypeContext(for_parameter=False, shadowed=shadowed)
    methods = _distinct_constants(
        tuple(plan_method(op, ctx, models, options) for op in resource.operations)
    )
    by_id = {m.operation_id: m for m in methods if not m.is_preset}
    pagers = tuple(
        plan_pager(op.pagination, by_id[op.operation_id], op, ctx, models)
        for op in resource.operations
        if op.pagination
    )
    waiters = tuple(
        plan_waiter(op.waiter, by_id[op.operation_id]) for op in resource.operations if op.waiter
    )
    description = resource.description or f"Operations tagged {resource.tag!r}."
    return ResourcePlan(
        module=code.name(resource.python_name),
        attribute=code.name(resource.python_name),
        class_name=code.name(resource.class_name),
        docstring=code.docstring(description),
        summary=code.docstring(description.replace("\r", "\n").strip("\n").split("\n")[0]),
        methods=methods,
        pagers=pagers,
        waiters=waiters,
        imports=_import_block(methods, pagers, waiters),
    )


def _distinct_constants(methods: tuple[MethodPlan, ...]) -> tuple[MethodPlan, ...]:
    """Endpoint constants apart: ``fooBar`` and ``foo_bar`` are two methods, but both
    upper-case to ``_FOO_BAR``; each of those takes a hash of its method's name."""
    counts = Counter(m.constant for m in methods)
    found = tuple(
        replace(m, constant=code.name(f"{m.constant}_{digest(m.name).upper()}"))
        if counts[m.constant] > 1
        else m
        for m in methods
    )
    if len({m.constant for m in found}) != len(found):
        raise GeneratorError(
            [error("plan", "", f"endpoint constants meet: {sorted(m.constant for m in found)}")]
        )
    return found


# Names the resource template spells, beside the type expressions of the plan.
_ALWAYS = (
    from_import("functools", "cached_property"),
    from_import(".._endpoint", "Endpoint"),
    from_import(".._endpoint", "ResponseKind"),
    from_import(".._response", "raw_response"),
    from_import(".._response", "async_raw_response"),
)
_PARAM = from_import(".._endpoint", "Param")
_CALL_OPTIONS = from_import(".._base_client", "CallOptions")
_TYPE_CHECKING = Import("typing", "TYPE_CHECKING")
_TYPE_CHECKING_ONLY = (
    Import(".._base_client", "SyncAPIClient"),
    Import(".._base_client", "AsyncAPIClient"),
)
"""The client classes, which the resources name only in annotations."""


def _import_block(
    methods: tuple[MethodPlan, ...],
    pagers: tuple[PagerPlan, ...],
    waiters: tuple[WaiterPlan, ...],
) -> tuple[Code, ...]:
    """The resource module's imports: those its expressions' names need, and its
    ``TYPE_CHECKING`` block."""
    used: list[Expr] = [*_ALWAYS]
    used += [e for m in methods for e in m.annotations()]
    used += [e for p in pagers for e in (p.pages_class, *p.annotations())]
    used += [e for w in waiters for e in (FINAL_STATUS, *w.annotations())]
    used += [_PARAM] if any(m.params for m in methods) else []
    used += [_CALL_OPTIONS]  # every method passes its options
    lines = import_lines(imports_of(used) | {_TYPE_CHECKING})
    lines.append("")
    lines.append("if TYPE_CHECKING:")
    lines += ["    " + line for line in import_lines(_TYPE_CHECKING_ONLY)]
    return code.import_block(lines)


def _option_names(api: Api, auth: AuthPlan) -> list[str]:
    """Header options named apart from the other arguments of ``Client.__init__``."""
    options = api.client_options
    return distinct_names(
        [o.python_name for o in options],
        ["header"] * len(options),
        [o.header for o in options],
        client_init_names() | RESERVED_ARGUMENTS | {a.name for a in auth.arguments},
    )
