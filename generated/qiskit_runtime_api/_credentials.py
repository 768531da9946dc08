"""Credentials on the wire, as the API's security schemes say.

A ``Scheme`` is one security scheme of the spec: an API key sent in a
``header``, ``query`` or ``cookie`` (after an optional prefix), a ``bearer``
token or HTTP ``basic``. ``Security`` holds the schemes and the alternatives
the API accepts, each a set of schemes sent together. ``choose`` picks the
alternative that the given arguments and environment variables fill, and
fails naming the argument and variable of what is missing. A scheme whose
key is traded for a token (``Scheme.exchanged``) is handed to an
``Exchange``, an auth kind of its own module.

Neither a key nor a token appears in ``repr()`` or in messages.
"""

from __future__ import annotations

import base64
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

import httpx

from ._limits import Limits

if TYPE_CHECKING:
    from ._clock import Clock
    from ._endpoint import Prepared

__all__ = [
    "NO_SECURITY",
    "AuthCall",
    "Authenticator",
    "Exchange",
    "Scheme",
    "Security",
    "StaticAuthenticator",
    "authenticator",
    "choose",
]


@dataclass(frozen=True)
class Scheme:
    name: str  # the spec's name of the scheme
    kind: str  # header | query | cookie | bearer | basic
    parameter: str = ""  # the header, query or cookie name
    arguments: tuple[str, ...] = ()  # the Client arguments holding its values
    env: tuple[str, ...] = ()  # the environment variable of each argument ("" for none)
    prefix: str = ""  # sent before the value
    label: str = ""  # what the value is
    exchanged: bool = False  # the value is traded for a bearer token


@dataclass(frozen=True)
class Security:
    schemes: tuple[Scheme, ...] = ()
    alternatives: tuple[tuple[str, ...], ...] = ()  # scheme names sent together


NO_SECURITY = Security()


@dataclass(frozen=True)
class AuthCall:
    """What an exchange may spend: the bounds of the call that needs the token."""

    limits: Limits
    max_retries: int
    timeout: httpx.Timeout | None = None  # the caller's ``timeout=``, if it gave one


class Authenticator:
    """Headers (and query or cookie values) that authenticate one attempt."""

    renewable = False

    def __init__(
        self,
        extra: dict[str, str],
        query: tuple[tuple[str, str], ...] = (),
        cookies: Mapping[str, str] | None = None,
    ) -> None:
        self._extra = extra
        self._query = query
        self._cookies = dict(cookies or {})

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"

    def place(self, prepared: Prepared) -> Prepared:
        """The request with the credentials that go in its query or cookies."""
        if not self._query and not self._cookies:
            return prepared
        return prepared._replace(
            query=[*prepared.query, *self._query],
            cookies={**prepared.cookies, **self._cookies},
        )

    def shown(self, url: httpx.URL) -> httpx.URL:
        """The URL as logs may show it: without the credentials in its query."""
        secret = {name for name, _ in self._query}
        if not secret.intersection(url.params):
            return url
        kept = [(k, "<redacted>" if k in secret else v) for k, v in url.params.multi_items()]
        return url.copy_with(params=kept)

    def fixed_headers(self) -> dict[str, str] | None:
        """The headers of every attempt, when no exchange makes them (``headers_sync`` and
        ``headers_async`` not overridden): what both would return, without asking the
        client to carry out an exchange; None for an authenticator that exchanges."""
        kind = type(self)
        if kind.headers_sync is _BASE_SYNC and kind.headers_async is _BASE_ASYNC:
            return dict(self._extra)
        return None

    def headers_sync(
        self, http: httpx.Client, clock: Clock, stale: str | None, call: AuthCall
    ) -> dict[str, str]:
        return dict(self._extra)

    async def headers_async(
        self, http: httpx.AsyncClient, clock: Clock, stale: str | None, call: AuthCall
    ) -> dict[str, str]:
        return dict(self._extra)


_BASE_SYNC = Authenticator.headers_sync
_BASE_ASYNC = Authenticator.headers_async


class StaticAuthenticator(Authenticator):
    """The same credentials on every attempt, as given."""


class Exchange(Protocol):
    """An auth kind that trades a scheme's key for a token."""

    def authenticator(self, scheme: Scheme, key: str, extra: dict[str, str]) -> Authenticator: ...


def _value(name: str, given: Mapping[str, str | None], env: str) -> str | None:
    return given.get(name) or (os.environ.get(env) if env else None) or None


def choose(security: Security, given: Mapping[str, str | None]) -> dict[str, tuple[str, ...]]:
    """The values of the alternative to send, by scheme name.

    Arguments win over environment variables. Of the alternatives the values
    fill, one holding a value passed as an argument wins; then one with no
    exchange (a token you have needs no round trip); then the spec's order.
    """
    if not security.alternatives:
        return {}
    schemes = {s.name: s for s in security.schemes}
    values = {
        s.name: tuple(_value(a, given, e) for a, e in zip(s.arguments, s.env, strict=True))
        for s in schemes.values()
    }
    explicit = {s.name for s in schemes.values() if any(given.get(a) for a in s.arguments)}
    filled = [
        (index, alternative)
        for index, alternative in enumerate(security.alternatives)
        if all(all(values[n]) for n in alternative)
    ]
    if filled:
        _, best = min(
            filled,
            key=lambda item: (
                not explicit & set(item[1]),
                any(schemes[n].exchanged for n in item[1]),
                item[0],
            ),
        )
        return {name: tuple(v for v in values[name] if v) for name in best}
    partial = [a for a in security.alternatives if any(any(values[n]) for n in a)]
    if partial:
        alternative = max(partial, key=lambda a: sum(all(values[n]) for n in a))
        given_names = [
            a
            for n in alternative
            for a, v in zip(schemes[n].arguments, values[n], strict=True)
            if v
        ]
        missing = [schemes[n] for n in alternative if not all(values[n])]
        raise ValueError(
            "; ".join(
                f"{_wanted(s)} is missing ({', '.join(given_names)} given): "
                f"pass {_arguments(s)}{_variables(s, lead=' or set ')}"
                for s in missing
            )
        )
    ways = [
        " and ".join(_arguments(schemes[n]) for n in a)
        + _variables(*(schemes[n] for n in a), lead=" (or set ", close=")")
        for a in security.alternatives
    ]
    raise ValueError("no credentials: pass " + ", or ".join(ways))


def _wanted(scheme: Scheme) -> str:
    return scheme.label or f"the {scheme.name} credential"


def _arguments(scheme: Scheme) -> str:
    return " and ".join(f"{a}=" for a in scheme.arguments)


def _variables(*schemes: Scheme, lead: str = "", close: str = "") -> str:
    names = [e for s in schemes for e in s.env if e]
    return f"{lead}{' and '.join(names)}{close}" if names else ""


def authenticator(
    security: Security, chosen: Mapping[str, tuple[str, ...]], exchange: Exchange | None
) -> Authenticator:
    """What sends the chosen values, on every attempt."""
    schemes = {s.name: s for s in security.schemes}
    headers: dict[str, str] = {}
    query: list[tuple[str, str]] = []
    cookies: dict[str, str] = {}
    traded: tuple[Scheme, str] | None = None
    for name, values in chosen.items():
        scheme = schemes[name]
        if scheme.exchanged and exchange is not None:
            traded = (scheme, values[0])
        elif scheme.kind == "bearer":
            headers["Authorization"] = f"Bearer {values[0]}"
        elif scheme.kind == "basic":
            pair = base64.b64encode(":".join(values).encode()).decode("ascii")
            headers["Authorization"] = f"Basic {pair}"
        elif scheme.kind == "query":
            query.append((scheme.parameter, scheme.prefix + values[0]))
        elif scheme.kind == "cookie":
            cookies[scheme.parameter] = scheme.prefix + values[0]
        else:
            headers[scheme.parameter] = scheme.prefix + values[0]
    if traded is not None and exchange is not None:
        found = exchange.authenticator(traded[0], traded[1], headers)
        found._query, found._cookies = tuple(query), cookies
        return found
    return StaticAuthenticator(headers, tuple(query), cookies)
