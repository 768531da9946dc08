"""``Client`` and ``AsyncClient`` for the Qiskit Runtime API.

Generated from the OpenAPI spec: do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping

import httpx

from ._base_client import AsyncAPIClient, SyncAPIClient
from ._settings import Settings
from ._version import __version__
from .resources.accounts import Accounts, AsyncAccounts
from .resources.analytics import Analytics, AsyncAnalytics
from .resources.backends import AsyncBackends, Backends
from .resources.instances import AsyncInstances, Instances
from .resources.jobs import AsyncJobs, Jobs
from .resources.sessions import AsyncSessions, Sessions
from .resources.tags import AsyncTags, Tags
from .resources.versions import AsyncVersions, Versions
from .resources.workloads import AsyncWorkloads, Workloads

__all__ = ["SERVERS", "AsyncClient", "Client"]

SERVERS: Mapping[str, str] = {
    "us-east": "https://quantum.cloud.ibm.com/api",
    "eu-de": "https://eu-de.quantum.cloud.ibm.com/api",
}
"""The service's base URLs by region; the first is the default."""


class Client(SyncAPIClient):
    """Client for the Qiskit Runtime API.

    Args:
        api_key: IBM Cloud API key (default: the QISKIT_IBM_TOKEN environment variable).
        token: A bearer token, sent instead of the API key.
        service_crn: The service instance's CRN (default: QISKIT_IBM_INSTANCE).
        api_version: API version to use Sent as ``IBM-API-Version``; default '2026-02-01'.
        base_url: Overrides the region's URL (default: QISKIT_RUNTIME_API_URL, else the first server).
        region: One of us-east, eu-de.
        timeout: Seconds, or an ``httpx.Timeout`` (default: 5 s to connect, 60 s to read).
        max_retries: How many times a failed idempotent call is retried.
        http_client: Your own ``httpx.Client``, for proxies or custom transports.
        default_headers: Headers sent with every request.
        strict: Raise ``ResponseValidationError`` when a response does not match the spec,
            instead of returning the data with a logged warning.
    """

    versions: Versions
    jobs: Jobs
    backends: Backends
    sessions: Sessions
    instances: Instances
    tags: Tags
    accounts: Accounts
    workloads: Workloads
    analytics: Analytics
    _package_version = __version__

    def __init__(
        self,
        *,
        api_key: str | None = None,
        token: str | None = None,
        service_crn: str | None = None,
        api_version: str | None = None,
        base_url: str | None = None,
        region: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = 2,
        http_client: httpx.Client | None = None,
        default_headers: Mapping[str, str] | None = None,
        strict: bool = False,
    ) -> None:
        settings = Settings.from_arguments(
            servers=SERVERS,
            base_url=base_url,
            region=region,
            api_key=api_key,
            token=token,
            service_crn=service_crn,
            header_defaults={
                "IBM-API-Version": api_version or "2026-02-01",
            },
            default_headers=default_headers,
            timeout=timeout,
            max_retries=max_retries,
            strict=strict,
        )
        super().__init__(settings, http_client)
        self.versions = Versions(self)
        self.jobs = Jobs(self)
        self.backends = Backends(self)
        self.sessions = Sessions(self)
        self.instances = Instances(self)
        self.tags = Tags(self)
        self.accounts = Accounts(self)
        self.workloads = Workloads(self)
        self.analytics = Analytics(self)


class AsyncClient(AsyncAPIClient):
    """Asynchronous client for the Qiskit Runtime API.

    Args:
        api_key: IBM Cloud API key (default: the QISKIT_IBM_TOKEN environment variable).
        token: A bearer token, sent instead of the API key.
        service_crn: The service instance's CRN (default: QISKIT_IBM_INSTANCE).
        api_version: API version to use Sent as ``IBM-API-Version``; default '2026-02-01'.
        base_url: Overrides the region's URL (default: QISKIT_RUNTIME_API_URL, else the first server).
        region: One of us-east, eu-de.
        timeout: Seconds, or an ``httpx.Timeout`` (default: 5 s to connect, 60 s to read).
        max_retries: How many times a failed idempotent call is retried.
        http_client: Your own ``httpx.AsyncClient``, for proxies or custom transports.
        default_headers: Headers sent with every request.
        strict: Raise ``ResponseValidationError`` when a response does not match the spec,
            instead of returning the data with a logged warning.
    """

    versions: AsyncVersions
    jobs: AsyncJobs
    backends: AsyncBackends
    sessions: AsyncSessions
    instances: AsyncInstances
    tags: AsyncTags
    accounts: AsyncAccounts
    workloads: AsyncWorkloads
    analytics: AsyncAnalytics
    _package_version = __version__

    def __init__(
        self,
        *,
        api_key: str | None = None,
        token: str | None = None,
        service_crn: str | None = None,
        api_version: str | None = None,
        base_url: str | None = None,
        region: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = 2,
        http_client: httpx.AsyncClient | None = None,
        default_headers: Mapping[str, str] | None = None,
        strict: bool = False,
    ) -> None:
        settings = Settings.from_arguments(
            servers=SERVERS,
            base_url=base_url,
            region=region,
            api_key=api_key,
            token=token,
            service_crn=service_crn,
            header_defaults={
                "IBM-API-Version": api_version or "2026-02-01",
            },
            default_headers=default_headers,
            timeout=timeout,
            max_retries=max_retries,
            strict=strict,
        )
        super().__init__(settings, http_client)
        self.versions = AsyncVersions(self)
        self.jobs = AsyncJobs(self)
        self.backends = AsyncBackends(self)
        self.sessions = AsyncSessions(self)
        self.instances = AsyncInstances(self)
        self.tags = AsyncTags(self)
        self.accounts = AsyncAccounts(self)
        self.workloads = AsyncWorkloads(self)
        self.analytics = AsyncAnalytics(self)
