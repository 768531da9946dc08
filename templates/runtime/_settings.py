"""A client's configuration: where to send, which credentials, which defaults.

Arguments win over environment variables: ``QISKIT_IBM_TOKEN`` (API key),
``QISKIT_IBM_INSTANCE`` (service CRN), ``QISKIT_RUNTIME_API_URL`` (base URL).
Credentials never appear in ``repr()``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import httpx

__all__ = ["DEFAULT_TIMEOUT", "ENV_API_KEY", "ENV_INSTANCE", "ENV_URL", "Settings"]

ENV_API_KEY = "QISKIT_IBM_TOKEN"
ENV_INSTANCE = "QISKIT_IBM_INSTANCE"
ENV_URL = "QISKIT_RUNTIME_API_URL"
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=5.0)


@dataclass(frozen=True)
class Settings:
    base_url: str
    api_key: str | None = field(default=None, repr=False)
    token: str | None = field(default=None, repr=False)
    service_crn: str | None = field(default=None, repr=False)
    header_defaults: Mapping[str, str] = field(default_factory=dict)
    default_headers: Mapping[str, str] = field(default_factory=dict)
    timeout: httpx.Timeout = field(default_factory=lambda: DEFAULT_TIMEOUT)
    max_retries: int = 2
    strict: bool = False

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
        header_defaults: Mapping[str, str],
        default_headers: Mapping[str, str] | None,
        timeout: float | httpx.Timeout | None,
        max_retries: int,
        strict: bool,
    ) -> Settings:
        api_key = api_key or os.environ.get(ENV_API_KEY) or None
        service_crn = service_crn or os.environ.get(ENV_INSTANCE) or None
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
            header_defaults=dict(header_defaults),
            default_headers=dict(default_headers or {}),
            timeout=_timeout(timeout),
            max_retries=max_retries,
            strict=strict,
        )

    def with_changes(self, **changes: Any) -> Settings:
        if "timeout" in changes:
            changes["timeout"] = _timeout(changes["timeout"])
        return replace(self, **changes)

    def auth_headers(self) -> dict[str, str]:
        headers = {}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        elif self.api_key:
            headers["Authorization"] = f"apikey {self.api_key}"
        if self.service_crn:
            headers["Service-CRN"] = self.service_crn
        return headers

    def secrets(self) -> list[str]:
        return [s for s in (self.api_key, self.token) if s]


def _timeout(value: float | httpx.Timeout | None) -> httpx.Timeout:
    if value is None:
        return DEFAULT_TIMEOUT
    if isinstance(value, httpx.Timeout):
        return value
    return httpx.Timeout(float(value), connect=min(5.0, float(value)))
