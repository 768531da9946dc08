"""The README's prose: sentences around the API's own names, each a ``Markdown``.

What the client trusts, how credentials are read and sent, how a wait ends, and
the Authentication example: the generator's text (a constant, ``compose``) with
spec text escaped for where it stands (``generator.emit.markdown``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from generator import text as spec_text
from generator.emit import code, markdown
from generator.emit.auth import AuthPlan
from generator.emit.markdown import Markdown, compose

if TYPE_CHECKING:
    from generator.emit.plan import HeaderOptionPlan

__all__ = [
    "article",
    "auth_block",
    "credential_lines",
    "credentials_prose",
    "trust",
    "waiting",
]


def lower(text: str) -> str:
    """``The service's CRN`` as it reads inside a sentence; ``IBM Cloud`` stays."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def listed(items: list[Markdown]) -> Markdown:
    if len(items) > 1:
        return compose("{} and {}", markdown.join(items[:-1], ", "), items[-1])
    return markdown.join(items)


def argument(name: str) -> Markdown:
    return compose("`{}=`", code.name(name))


def trust(auth: AuthPlan) -> Markdown:
    iam = auth.exchange is not None
    sent = [argument(a) for c in auth.credentials if c is not auth.exchange for a in c.arguments]
    parts = [
        compose("The service, IBM Cloud IAM") if iam else compose("The service"),
        compose(
            " and anything between them are treated as able to send anything. Redirects are"
            " not followed, whatever the `httpx` client you pass says: a 3xx is an error naming"
            " where it pointed"
        ),
    ]
    if auth.credentials:
        parts.append(compose(", so "))
        if iam:
            parts.append(compose("the API key goes only to `iam_url` and "))
        parts.append(
            compose(
                "{} only to `base_url`'s origin (a request whose URL would leave that origin"
                " is refused)",
                listed(sent) or compose("the credentials"),
            )
        )
    parts.append(
        compose(
            ". Bodies are bounded in size (`max_response_bytes`) and time (`deadline`), and JSON"
            " in nesting (200 levels): a hostile body raises one of the errors above, never"
            " `RecursionError` or `MemoryError`."
        )
    )
    if iam:
        parts.append(
            compose(
                " An IAM answer without a token string is an `AuthenticationError`, never sent"
                " on as `Bearer None`."
            )
        )
    held = listed(
        [argument(a) for c in auth.credentials for a in c.arguments] + [compose("a URL's password")]
    )
    parts.append(
        compose(
            " Text from a response reaches you only redacted: any credential the client holds"
            " ({}) or a key named like one (`access_token`, `refresh_token`, `apikey` ...) is"
            " replaced by {} in messages, in the `.body` kept on errors, in logs and in"
            " `repr()`. Arguments are checked before anything is sent: a path parameter that"
            ' would change the URL (`None`, `""`, `"."`, `".."`) or a header value with a line'
            " break is an `InvalidRequestError` naming it, and is never retried.",
            held,
            markdown.code_span("<redacted>"),
        )
    )
    return markdown.join(parts)


def article(word: str) -> str:
    return ("an " if word[:1].lower() in "aeiou" else "a ") + word


def waiting(waiters: list[tuple[Any, Any]], thing: str, notes: Mapping[str, str]) -> Markdown:
    if not waiters:
        return markdown.EMPTY
    resource, op = waiters[0]
    assert op.waiter is not None
    ids = markdown.join(
        (code.name(p.python_name) for p in op.parameters if p.location == "path"), ", "
    )
    final = [markdown.code_span(s) for s in op.waiter.final]
    finals = (
        compose("{} or {}", markdown.join(final[:-1], ", "), final[-1])
        if len(final) > 1
        else final[0]
    )
    noun = markdown.text(thing)
    sentences = compose(
        "`client.{}.{}({}, max_wait=..., poll_interval=...)` polls the {}, every second at first"
        " and then less often (up to every 10 s), until its status is final ({}), and returns"
        " it. After `max_wait` seconds it raises `WaitTimeoutError`, whose `.last` is the {} as"
        " last seen (`poll_timeout` is each poll's HTTP timeout, the `timeout` of every other"
        " method).",
        code.name(resource.python_name),
        code.name(op.waiter.method),
        ids,
        noun,
        finals,
        noun,
    )
    if op.waiter.failed or op.waiter.cancelled:
        reasons = [markdown.code_span(name) for name, _ in op.waiter.reasons]
        parts = [
            sentences,
            compose(
                " With `raise_on_failure=True`, a failed {} raises `JobFailedError` and a"
                " cancelled one `JobCancelledError`, with the {}",
                noun,
                noun,
            ),
        ]
        if reasons:
            parts.append(compose(" and its {}", listed(reasons)))
        if "waiting-note" in notes:
            parts.append(compose(", {}", markdown.prose(notes["waiting-note"])))
        parts.append(compose("."))
        sentences = markdown.join(parts)
    return sentences


def credential_lines(auth: AuthPlan) -> tuple[Markdown, ...]:
    places = {"header": "header", "query": "query parameter", "cookie": "cookie"}
    return tuple(
        compose(
            "{} goes with every call as the {} {}.",
            argument(c.arguments[0]),
            markdown.code_span(c.parameter),
            markdown.text(places[c.kind]),
        )
        for c in auth.credentials
        if not c.exchange and c.kind in places
    )


def credentials_prose(auth: AuthPlan) -> Markdown:
    variables = [
        compose("{} ({})", markdown.code_span(v), markdown.text(lower(spec_text.folded(what))))
        for v, what in auth.env
    ]
    variables.append(
        compose(
            "`{}` (the base URL; default: the first server below, or pick one with `region=`)",
            auth.url_env,
        )
    )
    parts = [
        compose(
            "`Client()` reads its credentials from the environment when they are not passed: {}.",
            listed(variables),
        )
    ]
    if auth.credentials:
        parts.append(compose(" A client with no credentials fails at once, naming these variables"))
        if auth.required:
            needed = markdown.join((argument(a) for a in auth.required), " and ")
            parts.append(
                compose(
                    "; so does one given a credential without {}, which every call needs", needed
                )
            )
        parts.append(compose("."))
    return markdown.join(parts)


def auth_block(
    auth: AuthPlan, package: str, header_options: tuple[HeaderOptionPlan, ...]
) -> Markdown:
    lines = ["import os", "", f"from {code.name(package)} import Client", ""]
    if not auth.first:
        lines = [*lines[2:], "client = Client()", "print(client.base_url)", "client.close()"]
        return markdown.fence(lines)
    names = ", ".join(v for _, v in auth.first if v)
    lines.append(f"client = Client()  # {comment(names)}" if names else "client = Client()")
    lines.append("client = Client(")
    for argument, variable in auth.first:
        value = f"os.environ[{json.dumps(variable)}]" if variable else '"..."'
        lines.append(f"    {code.name(argument)}={value},")
    if header_options:
        option = header_options[0]
        lines.append(
            f"    {option.python_name}={option.default_literal},  # sent as"
            f" {comment(option.header)}, overridable per call"
        )
    lines += [")", "print(client.base_url)", "client.close()"]
    return markdown.fence(lines)


def comment(value: str) -> str:
    """Spec text as the rest of a Python comment line."""
    return " ".join(spec_text.printable(value).split())
