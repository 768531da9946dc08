"""README planning: the project's README and metadata, from the plan and ``x-client``.

Each section's example is the spec's own (``x-client.readme``, Markdown with
its code fence) or derived here from the operations: the first call is the
first GET that needs no argument (else the first operation that needs none),
and the errors, retries, raw-response, async and logging examples call it.
The prose names the API's own credentials, variables, timeouts and final
statuses. README text is Markdown, not code: every value here is a ``Markdown``
of ``generator.emit.markdown``, spec text escaped for where it stands (words,
inline code, a fenced block, the spec's own Markdown notes and sections).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.emit import code, markdown
from generator.emit import readme_prose as prose
from generator.emit.auth import AuthPlan
from generator.emit.expressions import names_in
from generator.emit.markdown import Markdown, compose
from generator.emit.methods import MethodPlan
from generator.emit.types import PARAMS

if TYPE_CHECKING:
    from generator.emit.plan import HeaderOptionPlan, ResourcePlan
from generator.ir.model import Api
from generator.ir.naming import singular
from generator.ir.security import README_SECTIONS
from generator.text import package_version

__all__ = ["ReadmePlan", "plan_readme"]

_NOTHING = markdown.text("")

_CLASSIFIERS = (
    "Development Status :: 4 - Beta",
    "Intended Audience :: Developers",
    "Operating System :: OS Independent",
    "Programming Language :: Python :: 3",
    "Programming Language :: Python :: 3 :: Only",
    "Programming Language :: Python :: 3.10",
    "Programming Language :: Python :: 3.11",
    "Programming Language :: Python :: 3.12",
    "Programming Language :: Python :: 3.13",
    "Framework :: Pydantic :: 2",
    "Topic :: Software Development :: Libraries :: Python Modules",
    "Typing :: Typed",
)


@dataclass(frozen=True)
class ReadmePlan:
    name: Markdown  # the API's display name
    features: Markdown  # "IBM Cloud IAM authentication, safe retries, ..."
    credentials: Markdown  # the Authentication section's prose
    auth_block: Markdown  # the Authentication example, fenced
    snippets: dict[str, Markdown]  # section -> Markdown
    auth_error: Markdown  # ", or IBM Cloud IAM refused the API key"
    never_twice: Markdown
    operation_timeouts: Markdown  # ", 900 s to read for `client.jobs.create()`"
    waiting_title: Markdown
    waiting: Markdown
    retry_note: Markdown
    trust: Markdown
    version_example: Markdown
    version_base: Markdown
    log_env: code.Name
    distribution: Markdown
    api_version: Markdown
    regions: Markdown  # `us-east` (https://...), ...
    credential_lines: tuple[Markdown, ...]  # how each plain credential is sent
    exchange_sent: Markdown  # `Authorization: apikey <key>`
    iam_url_env: Markdown
    cloud_url_env: Markdown
    saved_file: Markdown
    header_option_names: Markdown  # `a`, `b`
    # pyproject.toml's (its template escapes them with tomlstr):
    keywords: tuple[str, ...] = ()
    urls: tuple[tuple[str, str], ...] = ()
    classifiers: tuple[str, ...] = ()
    typed_body: Markdown = _NOTHING  # `params.XParam` for `client.jobs.create()`


def _typed_body(resources: tuple[ResourcePlan, ...]) -> Markdown:
    """The first body's ``TypedDict``, and the method that takes it (for the README)."""
    for resource in resources:
        for method in resource.operations:
            for argument in method.keywords:
                typed = [n for n in names_in(argument.annotation) if n.source == PARAMS]
                if argument.name == "body" and typed:
                    return compose(
                        "{} for {}",
                        markdown.code_span(typed[0].text),
                        markdown.code_span(_call(resource.attribute, method)),
                    )
    return markdown.text("")


def _call(resource: str, method: MethodPlan, raw: bool = False) -> str:
    return f"client.{resource}.{'with_raw_response.' if raw else ''}{method.name}()"


def _needs_nothing(method: MethodPlan) -> bool:
    return not method.positional and all(k.default is not None for k in method.keywords)


def _first_call(resources: tuple[ResourcePlan, ...]) -> tuple[str, MethodPlan] | None:
    candidates = [(r.attribute, m) for r in resources for m in r.methods]
    free = [(r, m) for r, m in candidates if _needs_nothing(m)]
    gets = [(r, m) for r, m in free if m.http_method == "GET"]
    return (gets or free)[0] if gets or free else None


def _block(lines: list[str]) -> Markdown:
    return markdown.fence(lines)


def _derived(package: str, resources: tuple[ResourcePlan, ...]) -> dict[str, Markdown]:
    first = _first_call(resources)
    if first is None:
        return {}
    call, raw = _call(*first), _call(*first, raw=True)
    result = {
        "first-call": _block(
            [f"from {package} import Client", "", "with Client() as client:", f"    print({call})"]
        ),
        "errors": _block(
            [
                f"from {package} import APIStatusError, Client",
                "",
                "with Client() as client:",
                "    try:",
                f"        print({call})",
                "    except APIStatusError as error:",
                "        print(error.status_code, error.trace, [e.message for e in error.errors])",
            ]
        ),
        "retries": _block(
            [
                "import httpx",
                "",
                f"from {package} import Client",
                "",
                "with Client(max_retries=5, timeout=httpx.Timeout(30.0, connect=5.0)) as client:",
                f"    print({call[:-1]}max_retries=0, timeout=10))",
                "    patient = client.with_options(timeout=120, max_retries=10)",
                "    print(patient.max_retries)",
            ]
        ),
        "raw-response": _block(
            [
                f"from {package} import Client",
                "",
                "with Client() as client:",
                f"    response = {raw}",
                '    print(response.status_code, response.headers.get("content-type"))',
                "    print(response.parsed)",
            ]
        ),
        "async": _block(
            [
                "import asyncio",
                "",
                f"from {package} import AsyncClient",
                "",
                "",
                "async def main() -> None:",
                "    async with AsyncClient() as client:",
                f"        print(await {call})",
                "",
                "",
                "asyncio.run(main())",
            ]
        ),
        "limits": _block(
            [
                f"from {package} import Client",
                "",
                "with Client(deadline=120, max_response_bytes=20 * 1024 * 1024) as client:",
                "    quick = client.with_options(deadline=10)",
                f"    print({call.replace('client.', 'quick.', 1)})",
            ]
        ),
        "logging": _block(
            [
                "import logging",
                "",
                f"from {package} import Client",
                "",
                "logging.basicConfig(level=logging.INFO)",
                "with Client() as client:",
                f"    {call}",
            ]
        ),
    }
    pagers = [(r.attribute, p) for r in resources for p in r.pagers]
    free = [(r, p) for r, p in pagers if all(k.default is not None for k in p.keywords)]
    if free:
        attribute, pager = free[0]
        result["pagination"] = _block(
            [
                f"from {package} import Client",
                "",
                "with Client() as client:",
                f"    for item in client.{attribute}.{pager.name}(page_size=50):",
                "        print(item)",
            ]
        )
    return result


def _classifiers(extra: tuple[str, ...]) -> tuple[str, ...]:
    """The generic classifiers, each of ``extra`` in its group, in order within it."""
    result = list(_CLASSIFIERS)
    for classifier in extra:
        if classifier in result:
            continue
        group = classifier.split("::")[0]
        same = [i for i, c in enumerate(result) if c.split("::")[0] == group]
        after = [i for i in same if result[i] > classifier]
        result.insert(after[0] if after else same[-1] + 1 if same else len(result) - 1, classifier)
    return tuple(result)


def plan_readme(
    api: Api,
    auth: AuthPlan,
    resources: tuple[ResourcePlan, ...],
    package: str,
    distribution: str,
    version: str,
    header_options: tuple[HeaderOptionPlan, ...] = (),
) -> ReadmePlan:
    config = api.client
    snippets = {
        **_derived(package, resources),
        **{
            k: markdown.snippet(v.replace("{package}", code.name(package)))
            for k, v in config.readme.items()
            if k in SNIPPETS
        },
    }
    kinds = {c.kind for c in auth.credentials}
    ways = []
    if auth.exchange is not None:
        ways.append("IBM Cloud IAM authentication")
    elif kinds & {"header", "query", "cookie"}:
        ways.append("API key authentication")
    if "bearer" in kinds and auth.exchange is None:
        ways.append("bearer tokens")
    if "basic" in kinds:
        ways.append("HTTP basic authentication")
    waiters = [(r, op) for r in api.resources for op in r.operations if op.waiter is not None]
    features = [*ways, "safe retries", "timeouts"]
    has_pagers = any(op.pagination for r in api.resources for op in r.operations)
    if has_pagers:
        features.append("pagination")
    thing = singular(waiters[0][0].python_name) if waiters else ""
    if waiters:
        features.append(f"{thing} waiting")
    timeouts = [
        compose(
            ", {} s to read for `client.{}.{}()`",
            markdown.text(f"{op.timeout:g}"),
            code.name(r.python_name),
            code.name(op.python_name),
        )
        for r in api.resources
        for op in r.operations
        if op.timeout is not None
    ]
    posts = [m for r in resources for m in r.methods if m.http_method == "POST"]
    base = package_version(api.version)
    return ReadmePlan(
        name=markdown.text(config.name),
        features=markdown.text(", ".join(features[:-1]) + " and " + features[-1]),
        credentials=prose.credentials_prose(auth),
        auth_block=prose.auth_block(auth, package, header_options),
        snippets=snippets,
        auth_error=compose(", or IBM Cloud IAM refused the API key or answered without a token")
        if auth.exchange
        else markdown.EMPTY,
        never_twice=markdown.prose(config.readme.get("never-twice", ""))
        or (compose("a POST is never sent twice by a retry") if posts else markdown.EMPTY),
        operation_timeouts=markdown.join(timeouts),
        waiting_title=compose("Waiting for {}", markdown.text(prose.article(thing)))
        if waiters
        else markdown.EMPTY,
        waiting=prose.waiting(waiters, thing, config.readme),
        retry_note=markdown.prose(config.readme.get("retry-note", ""))
        or compose(
            "Any answer, even a 503 or a 429 with `Retry-After`, means the request arrived and"
            ' may have taken effect, so the error is raised (with `.response.headers["Retry-After"]`).'
        ),
        trust=prose.trust(auth),
        version_example=compose(
            "spec {} gave {}", markdown.text(api.version), markdown.code_span(base)
        ),
        version_base=markdown.text(base),
        log_env=code.name(f"{package.upper()}_LOG"),
        distribution=markdown.text(distribution),
        api_version=markdown.text(api.version),
        regions=markdown.join(
            (
                compose("{} ({})", markdown.code_span(s.region), markdown.text(s.url))
                for s in api.servers
            ),
            ", ",
        ),
        credential_lines=prose.credential_lines(auth),
        exchange_sent=markdown.code_span(
            f"{auth.exchange.parameter}: {auth.exchange.prefix}<key>" if auth.exchange else ""
        ),
        iam_url_env=markdown.code_span(auth.iam_url_env),
        cloud_url_env=markdown.code_span(auth.cloud_url_env),
        saved_file=markdown.code_span(auth.saved_file),
        header_option_names=markdown.join(
            (compose("`{}`", o.python_name) for o in header_options), ", "
        ),
        keywords=config.keywords or ("rest", "api-client"),
        urls=config.urls,
        classifiers=_classifiers(config.classifiers),
        typed_body=_typed_body(resources),
    )


# The x-client.readme sections that are examples (the others are notes in the prose).
SNIPPETS = README_SECTIONS - {"never-twice", "retry-note", "waiting-note"}
