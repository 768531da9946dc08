"""A client's configuration: where to send, which credentials, which defaults.

Arguments win over environment variables. The generated client names them:
each credential's variable (``Security``), the base URL's (``url_env``) and,
for an auth kind with an exchange, its own. Credentials never appear in
``repr()``.

Timeouts: a call's ``timeout=`` wins, then the client's, then the operation's
own default from the spec (``x-timeout``), then 5 s to connect and 60 s to read.
A timeout bounds each wait for the network; the ``deadline`` (30 min by
default) bounds the whole call, and ``max_response_bytes`` (100 MiB) the body
read (``_limits``).
"""

from __future__ import annotations

import functools
import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlsplit

import httpx

from ._credentials import NO_SECURITY, Authenticator, Exchange, Security, authenticator, choose
from ._limits import DEFAULT_DEADLINE, DEFAULT_MAX_RESPONSE_BYTES

__all__ = [
    "DEFAULT_TIMEOUT",
    "Settings",
    "as_timeout",
    "choose_timeout",
]

CONNECT_TIMEOUT = 5.0
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=CONNECT_TIMEOUT)


@dataclass(frozen=True)
class Settings:
    base_url: str
    security: Security = field(default=NO_SECURITY, repr=False)
    credentials: Mapping[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    exchange: Exchange | None = field(default=None, repr=False)
    header_defaults: Mapping[str, str] = field(default_factory=dict)
    default_headers: Mapping[str, str] = field(default_factory=dict)
    timeout: httpx.Timeout | None = None  # None: the operation's default
    max_retries: int = 2
    strict: bool = False
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES
    deadline: float | None = DEFAULT_DEADLINE  # None: no deadline

    def __post_init__(self) -> None:
        if self.max_retries < 0:
            raise ValueError("max_retries must be 0 or more")
        if self.max_response_bytes <= 0:
            raise ValueError("max_response_bytes must be positive")
        if self.deadline is not None and not self.deadline > 0:
            raise ValueError("deadline must be positive seconds, or None for no deadline")

    @functools.cached_property
    def secrets(self) -> tuple[str, ...]:
        """Every credential this client holds, for ``_redact.redact`` (worked out once:
        the settings are frozen)."""
        urls = [self.base_url, str(getattr(self.exchange, "url", ""))]
        passwords = [urlsplit(url).password for url in urls]
        found = [v for values in self.credentials.values() for v in values] + passwords
        return tuple(s for s in found if s)

    @classmethod
    def from_arguments(
        cls,
        *,
        servers: Mapping[str, str],
        security: Security,
        credentials: Mapping[str, str | None],
        exchange: Exchange | None = None,
        url_env: str,
        base_url: str | None,
        region: str | None,
        fallback_url: str | None = None,
        header_defaults: Mapping[str, str],
        default_headers: Mapping[str, str] | None,
        timeout: float | httpx.Timeout | None,
        max_retries: int,
        strict: bool,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        deadline: float | None = DEFAULT_DEADLINE,
    ) -> Settings:
        """``fallback_url`` is used when neither ``base_url``, ``url_env`` nor ``region`` is."""
        chosen = choose(security, credentials)
        if base_url is None:
            base_url = os.environ.get(url_env) or None
        if base_url is None:
            if region is not None and region not in servers:
                raise ValueError(f"unknown region {region!r}; known: {', '.join(servers)}")
            if region is None and fallback_url:
                base_url = fallback_url
            else:
                base_url = servers[region] if region else next(iter(servers.values()), "")
        if not base_url:
            raise ValueError(f"no base URL: pass base_url= or set {url_env}")
        return cls(
            base_url=base_url.rstrip("/"),
            security=security,
            credentials=chosen,
            exchange=exchange,
            header_defaults=dict(header_defaults),
            default_headers=dict(default_headers or {}),
            timeout=None if timeout is None else as_timeout(timeout),
            max_retries=max_retries,
            strict=strict,
            max_response_bytes=max_response_bytes,
            deadline=None if deadline == math.inf else deadline,
        )

    def with_changes(self, **changes: Any) -> Settings:
        """A copy with the given settings changed; ``None`` values change nothing."""
        changes = {k: v for k, v in changes.items() if v is not None}
        if "timeout" in changes:
            changes["timeout"] = as_timeout(changes["timeout"])
        if changes.get("deadline") == math.inf:
            changes["deadline"] = None  # with_options(deadline=math.inf): no deadline
        for name in ("header_defaults", "default_headers"):
            if name in changes:
                given = {k: v for k, v in changes[name].items() if v is not None}
                changes[name] = {**getattr(self, name), **given}
        return replace(self, **changes)

    def authenticator(self) -> Authenticator:
        return authenticator(self.security, self.credentials, self.exchange)


def as_timeout(value: float | httpx.Timeout) -> httpx.Timeout:
    if isinstance(value, httpx.Timeout):
        return value
    return httpx.Timeout(float(value), connect=min(CONNECT_TIMEOUT, float(value)))


def choose_timeout(
    call: float | httpx.Timeout | None, client: httpx.Timeout | None, operation: float | None
) -> httpx.Timeout:
    if call is not None:
        return as_timeout(call)
    if client is not None:
        return client
    if operation is not None:
        return httpx.Timeout(operation, connect=CONNECT_TIMEOUT)
    return DEFAULT_TIMEOUT
