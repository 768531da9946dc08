"""README planning: the project's README and metadata, from the plan and ``x-client``.

Each section's example is the spec's own (``x-client.readme``, Markdown with
its code fence) or derived here from the operations: the first call is the
first GET that needs no argument (else the first operation that needs none),
and the errors, retries, raw-response, async and logging examples call it.
The prose names the API's own credentials, variables, timeouts and final
statuses. README text is Markdown, not code: spec text is folded onto one line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from generator.emit.auth import AuthPlan
from generator.emit.expressions import names_in
from generator.emit.methods import MethodPlan
from generator.emit.types import PARAMS

if TYPE_CHECKING:
    from generator.emit.plan import ResourcePlan
from generator.ir.model import Api
from generator.ir.naming import singular
from generator.text import folded, package_version

__all__ = ["ReadmePlan", "plan_readme"]

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
    name: str  # the API's display name
    features: str  # "IBM Cloud IAM authentication, safe retries, ..."
    credentials: str  # the Authentication section's prose
    auth_example: tuple[str, ...]  # the Authentication example's lines
    snippets: dict[str, str] = field(default_factory=dict)  # section -> Markdown
    auth_error: str = ""  # ", or IBM Cloud IAM refused the API key"
    never_twice: str = ""
    operation_timeouts: str = ""  # ", 900 s to read for `client.jobs.create()`"
    waiting_title: str = ""
    waiting: str = ""
    retry_note: str = ""
    trust: str = ""
    version_example: str = ""
    version_base: str = ""
    log_env: str = ""
    keywords: tuple[str, ...] = ()
    urls: tuple[tuple[str, str], ...] = ()
    classifiers: tuple[str, ...] = ()
    typed_body: str = ""  # "`params.CreateJobRequestParam` for `client.jobs.create()`"


def _typed_body(resources: tuple[ResourcePlan, ...]) -> str:
    """The first body's ``TypedDict``, and the method that takes it (for the README)."""
    for resource in resources:
        for method in resource.operations:
            for argument in method.keywords:
                typed = [n for n in names_in(argument.annotation) if n.source == PARAMS]
                if argument.name == "body" and typed:
                    return f"`{typed[0].text}` for `{_call(resource.attribute, method)}`"
    return ""


def _call(resource: str, method: MethodPlan, raw: bool = False) -> str:
    return f"client.{resource}.{'with_raw_response.' if raw else ''}{method.name}()"


def _needs_nothing(method: MethodPlan) -> bool:
    return not method.positional and all(k.default is not None for k in method.keywords)


def _first_call(resources: tuple[ResourcePlan, ...]) -> tuple[str, MethodPlan] | None:
    candidates = [(r.attribute, m) for r in resources for m in r.methods]
    free = [(r, m) for r, m in candidates if _needs_nothing(m)]
    gets = [(r, m) for r, m in free if m.http_method == "GET"]
    return (gets or free)[0] if gets or free else None


def _block(lines: list[str]) -> str:
    return "```python\n" + "\n".join(lines) + "\n```\n"


def _derived(package: str, resources: tuple[ResourcePlan, ...]) -> dict[str, str]:
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


def _lower(text: str) -> str:
    """``The service's CRN`` as it reads inside a sentence; ``IBM Cloud`` stays."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _listed(items: list[str]) -> str:
    return ", ".join(items[:-1]) + " and " + items[-1] if len(items) > 1 else "".join(items)


def _trust(auth: AuthPlan) -> str:
    iam = auth.exchange is not None
    sent = [f"`{a}=`" for c in auth.credentials if c is not auth.exchange for a in c.arguments]
    text = f"The service{', IBM Cloud IAM' if iam else ''} and anything between them are treated"
    text += " as able to send anything. Redirects are not followed, whatever the `httpx` client"
    text += " you pass says: a 3xx is an error naming where it pointed"
    if auth.credentials:
        text += ", so " + ("the API key goes only to `iam_url` and " if iam else "")
        text += f"{_listed(sent) or 'the credentials'} only to `base_url`'s origin (a request"
        text += " whose URL would leave that origin is refused)"
    text += (
        ". Bodies are bounded in size (`max_response_bytes`) and time (`deadline`), and JSON in"
        " nesting (200 levels): a hostile body raises one of the errors above, never"
        " `RecursionError` or `MemoryError`."
    )
    if iam:
        text += (
            " An IAM answer without a token string is an `AuthenticationError`, never sent on"
            " as `Bearer None`."
        )
    held = _listed(
        [f"`{a}=`" for c in auth.credentials for a in c.arguments] + ["a URL's password"]
    )
    text += (
        f" Text from a response reaches you only redacted: any credential the client holds ({held})"
        " or a key named like one (`access_token`, `refresh_token`, `apikey` ...) is replaced by"
        " `<redacted>` in messages, in the `.body` kept on errors, in logs and in `repr()`."
        " Arguments are checked before anything is sent: a path parameter that would change the"
        ' URL (`None`, `""`, `"."`, `".."`) or a header value with a line break is an'
        " `InvalidRequestError` naming it, and is never retried."
    )
    return text


def _article(word: str) -> str:
    return ("an " if word[:1].lower() in "aeiou" else "a ") + word


def plan_readme(
    api: Api,
    auth: AuthPlan,
    resources: tuple[ResourcePlan, ...],
    package: str,
    distribution: str,
    version: str,
) -> ReadmePlan:
    config = api.client
    snippets = {
        **_derived(package, resources),
        **{k: v.replace("{package}", package) for k, v in config.readme.items()},
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
        f"{op.timeout:g} s to read for `client.{r.python_name}.{op.python_name}()`"
        for r in api.resources
        for op in r.operations
        if op.timeout is not None
    ]
    posts = [m for r in resources for m in r.methods if m.http_method == "POST"]
    waiting = ""
    if waiters:
        resource, op = waiters[0]
        assert op.waiter is not None
        ids = ", ".join(p.python_name for p in op.parameters if p.location == "path")
        final = [f"`{folded(s)}`" for s in op.waiter.final]
        listed = ", ".join(final[:-1]) + f" or {final[-1]}" if len(final) > 1 else final[0]
        waiting = (
            f"`client.{resource.python_name}.{op.waiter.method}({ids}, max_wait=..., poll_interval=...)`"
            f" polls the {thing}, every second at first and then less often (up to every 10 s),"
            f" until its status is final ({listed}), and returns it. After `max_wait` seconds it"
            f" raises `WaitTimeoutError`, whose `.last` is the {thing} as last seen (`poll_timeout`"
            " is each poll's HTTP timeout, the `timeout` of every other method)."
        )
        if op.waiter.failed or op.waiter.cancelled:
            reasons = [f"`{folded(name)}`" for name, _ in op.waiter.reasons]
            waiting += (
                f" With `raise_on_failure=True`, a failed {thing} raises `JobFailedError` and a"
                f" cancelled one `JobCancelledError`, with the {thing}"
                + (f" and its {_listed(reasons)}" if reasons else "")
                + (
                    f", {folded(config.readme['waiting-note'])}"
                    if "waiting-note" in config.readme
                    else ""
                )
                + "."
            )
    base = package_version(api.version)
    return ReadmePlan(
        name=folded(config.name),
        features=", ".join(features[:-1]) + " and " + features[-1],
        credentials=_credentials_prose(auth),
        auth_example=_auth_example(auth, package),
        snippets=snippets,
        auth_error=(
            ", or IBM Cloud IAM refused the API key or answered without a token"
            if auth.exchange
            else ""
        ),
        never_twice=folded(config.readme.get("never-twice", ""))
        or ("a POST is never sent twice by a retry" if posts else ""),
        operation_timeouts="".join(", " + t for t in timeouts),
        waiting_title=f"Waiting for {_article(thing)}" if waiters else "",
        waiting=waiting,
        retry_note=config.readme.get("retry-note", "").strip()
        or (
            "Any answer, even a 503 or a 429 with `Retry-After`, means the request arrived and"
            ' may have taken effect, so the error is raised (with `.response.headers["Retry-After"]`).'
        ),
        trust=_trust(auth),
        version_example=f"spec {folded(api.version)} gave `{base}`",
        version_base=base,
        log_env=f"{package.upper()}_LOG",
        keywords=config.keywords or ("rest", "api-client"),
        urls=config.urls,
        classifiers=_classifiers(config.classifiers),
        typed_body=_typed_body(resources),
    )


def _credentials_prose(auth: AuthPlan) -> str:
    variables = [f"`{v}` ({_lower(folded(what))})" for v, what in auth.env]
    variables.append(
        f"`{auth.url_env}` (the base URL; default: the first server below, or pick one with"
        " `region=`)"
    )
    listed = (
        ", ".join(variables[:-1]) + " and " + variables[-1] if len(variables) > 1 else variables[0]
    )
    text = (
        f"`Client()` reads its credentials from the environment when they are not passed: {listed}."
    )
    if auth.credentials:
        text += " A client with no credentials fails at once, naming these variables"
        if auth.required:
            needed = " and ".join(f"`{a}=`" for a in auth.required)
            text += f"; so does one given a credential without {needed}, which every call needs"
        text += "."
    return text


def _auth_example(auth: AuthPlan, package: str) -> tuple[str, ...]:
    lines = ["import os", "", f"from {package} import Client", ""]
    if not auth.first:
        return (*lines[2:], "client = Client()", "print(client.base_url)", "client.close()")
    names = ", ".join(v for _, v in auth.first if v)
    lines.append(f"client = Client()  # {names}" if names else "client = Client()")
    lines.append("client = Client(")
    for argument, variable in auth.first:
        value = f'os.environ["{variable}"]' if variable else '"..."'
        lines.append(f"    {argument}={value},")
    return tuple(lines)
