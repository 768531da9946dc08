"""A client's configuration: where to send, which credentials, which defaults.

Arguments win over environment variables: ``QISKIT_IBM_TOKEN`` (API key),
``QISKIT_IBM_INSTANCE`` (service CRN), ``QISKIT_RUNTIME_API_URL`` (base URL),
``IAM_URL`` (the IBM Cloud IAM endpoint). Credentials never appear in ``repr()``.

Timeouts: a call's ``timeout=`` wins, then the client's, then the operation's
own default from the spec (900 s to read for a job submission), then 5 s to
connect and 60 s to read. A timeout bounds each wait for the network; the
``deadline`` (30 min by default) bounds the whole call, and
``max_response_bytes`` (100 MiB) the body read (``_limits``).
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlsplit

import httpx

from ._auth import DEFAULT_IAM_URL, Authenticator, IAMAuthenticator, StaticAuthenticator
from ._limits import DEFAULT_DEADLINE, DEFAULT_MAX_RESPONSE_BYTES

__all__ = [
    "DEFAULT_TIMEOUT",
    "ENV_API_KEY",
    "ENV_IAM_URL",
    "ENV_INSTANCE",
    "ENV_URL",
    "Settings",
    "as_timeout",
    "choose_timeout",
]

ENV_API_KEY = "QISKIT_IBM_TOKEN"
ENV_INSTANCE = "QISKIT_IBM_INSTANCE"
ENV_URL = "QISKIT_RUNTIME_API_URL"
ENV_IAM_URL = "IAM_URL"
CONNECT_TIMEOUT = 5.0
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=CONNECT_TIMEOUT)
AUTH_MODES = ("iam", "apikey")


@dataclass(frozen=True)
class Settings:
    base_url: str
    api_key: str | None = field(default=None, repr=False)
    token: str | None = field(default=None, repr=False)
    service_crn: str | None = field(default=None, repr=False)
    auth: str = "iam"  # iam: exchange api_key for a token; apikey: send it as is
    iam_url: str = DEFAULT_IAM_URL
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

    @property
    def secrets(self) -> tuple[str, ...]:
        """Every credential this client holds, for ``_redact.redact``."""
        passwords = [urlsplit(url).password for url in (self.base_url, self.iam_url)]
        found = (self.api_key, self.token, self.service_crn, *passwords)
        return tuple(s for s in found if s)

    @classmethod
    def from_arguments(
        cls,
        *,
        servers: Mapping[str, str],
        base_url: str | None,
        region: str | None,
        api_key: str | None,
        token: str | None,
        service_crn: str | None,
        auth: str,
        iam_url: str | None,
        header_defaults: Mapping[str, str],
        default_headers: Mapping[str, str] | None,
        timeout: float | httpx.Timeout | None,
        max_retries: int,
        strict: bool,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        deadline: float | None = DEFAULT_DEADLINE,
    ) -> Settings:
        api_key = api_key or os.environ.get(ENV_API_KEY) or None
        service_crn = service_crn or os.environ.get(ENV_INSTANCE) or None
        if auth not in AUTH_MODES:
            raise ValueError(f"auth must be one of {', '.join(AUTH_MODES)}, not {auth!r}")
        if not api_key and not token:
            raise ValueError(
                "no credentials: pass api_key= or token=, or set the "
                f"{ENV_API_KEY} environment variable (and {ENV_INSTANCE} for the service CRN)"
            )
        if base_url is None:
            base_url = os.environ.get(ENV_URL) or None
        if base_url is None:
            if region is not None and region not in servers:
                raise ValueError(f"unknown region {region!r}; known: {', '.join(servers)}")
            base_url = servers[region] if region else next(iter(servers.values()), "")
        if not base_url:
            raise ValueError(f"no base URL: pass base_url= or set {ENV_URL}")
        return cls(
            base_url=base_url.rstrip("/"),
            api_key=api_key,
            token=token,
            service_crn=service_crn,
            auth=auth,
            iam_url=(iam_url or os.environ.get(ENV_IAM_URL) or DEFAULT_IAM_URL).rstrip("/"),
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
        extra = {"Service-CRN": self.service_crn} if self.service_crn else {}
        if self.token:
            return StaticAuthenticator(f"Bearer {self.token}", extra)
        assert self.api_key is not None
        if self.auth == "apikey":
            return StaticAuthenticator(f"apikey {self.api_key}", extra)
        return IAMAuthenticator(self.api_key, self.iam_url, extra)


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
