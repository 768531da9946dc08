"""``Client`` and ``AsyncClient`` for the Qiskit Runtime API.

Generated from the OpenAPI spec: do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

import httpx

from ._base_client import AsyncAPIClient, SyncAPIClient
from ._credentials import Scheme, Security
from ._ibm_cloud import iam_setup, saved_account
from ._limits import DEFAULT_DEADLINE, DEFAULT_MAX_RESPONSE_BYTES
from ._settings import Settings
from ._version import __version__

if TYPE_CHECKING:
    from .resources.accounts import Accounts, AsyncAccounts
    from .resources.analytics import Analytics, AsyncAnalytics
    from .resources.backends import AsyncBackends, Backends
    from .resources.instances import AsyncInstances, Instances
    from .resources.jobs import AsyncJobs, Jobs
    from .resources.sessions import AsyncSessions, Sessions
    from .resources.tags import AsyncTags, Tags
    from .resources.versions import AsyncVersions, Versions
    from .resources.workloads import AsyncWorkloads, Workloads

__all__ = ["SECURITY", "SERVERS", "AsyncClient", "Client"]

SERVERS: Mapping[str, str] = {
    "us-east": "https://quantum.cloud.ibm.com/api",
    "eu-de": "https://eu-de.quantum.cloud.ibm.com/api",
}
"""The service's base URLs by region; the first is the default."""

SECURITY = Security(
    schemes=(
        Scheme(
            name="IBMCloudAPIKey",
            kind="header",
            arguments=("api_key",),
            env=("QISKIT_IBM_TOKEN",),
            parameter="Authorization",
            prefix="apikey ",
            label="IBM Cloud API key",
            exchanged=True,
        ),
        Scheme(
            name="IBMCloudAuth",
            kind="bearer",
            arguments=("token",),
            env=("",),
            label="A bearer token, sent as is instead of the API key",
        ),
        Scheme(
            name="ServiceCRN",
            kind="header",
            arguments=("service_crn",),
            env=("QISKIT_IBM_INSTANCE",),
            parameter="Service-CRN",
            label="The service instance's CRN",
        ),
    ),
    alternatives=(("IBMCloudAPIKey", "ServiceCRN"), ("IBMCloudAuth", "ServiceCRN")),
)
"""The spec's security schemes, and the alternatives of them the API accepts."""
SAVED_ACCOUNTS = "~/.qiskit/qiskit-ibm.json"
"""qiskit-ibm-runtime's saved-accounts file (``QiskitRuntimeService.save_account``)."""


class Client(SyncAPIClient):
    """Client for the Qiskit Runtime API.

    Args:
        api_key: IBM Cloud API key (default: the QISKIT_IBM_TOKEN environment variable).
            It is exchanged at IBM Cloud IAM for a bearer token, renewed before it expires.
        token: A bearer token, sent as is instead of the API key.
        service_crn: The service instance's CRN (default: the QISKIT_IBM_INSTANCE environment
            variable).
        auth: ``"iam"`` (exchange the API key) or ``"apikey"`` (send ``Authorization: apikey
            <key>``, no exchange).
        iam_url: The IBM Cloud IAM endpoint (default: QISKIT_RUNTIME_API_IAM_URL, else
            https://iam.cloud.ibm.com; a staging CRN's is iam.test.cloud.ibm.com).
        cloud_url: The IBM Cloud URL, qiskit-ibm-runtime's ``url`` (default: QISKIT_IBM_URL): the
            base URL is then the service's in the region of the instance's CRN, unless
            base_url= or region= is given.
        api_version: API version to use Sent as ``IBM-API-Version``; default '2026-02-01'.
        base_url: Overrides the region's URL (default: QISKIT_RUNTIME_API_URL, else the first server).
        region: One of us-east, eu-de.
        timeout: Seconds, or an ``httpx.Timeout`` (default: 5 s to connect, 60 s to read,
            and longer where an operation needs it: 900 s for ``jobs.create``). Each wait
            for the network, the IBM Cloud IAM exchange's included (30 s by default there).
        max_retries: How many times a failed call is retried (default 2). Calls that may
            have reached the service are retried only if they are idempotent, so a
            ``jobs.create`` call is never duplicated.
        deadline: Seconds a whole call may take, IAM exchange, retries and the waits
            between them included (default 1800; ``None``: no deadline). Past it the
            call raises ``DeadlineExceededError``.
        max_response_bytes: The largest response body read, counted after
            decompression (default 100 MiB). A larger one raises ``ResponseTooLargeError``.
        http_client: Your own ``httpx.Client``, for proxies or custom transports.
        default_headers: Headers sent with every request.
        strict: Raise ``ResponseValidationError`` when a response does not match the spec,
            instead of returning the data with a logged warning.
    """

    _package_version = __version__
    _distribution = "qiskit-runtime-api"

    def __init__(
        self,
        *,
        api_key: str | None = None,
        token: str | None = None,
        service_crn: str | None = None,
        auth: Literal["iam", "apikey"] = "iam",
        iam_url: str | None = None,
        cloud_url: str | None = None,
        api_version: str | None = None,
        base_url: str | None = None,
        region: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = 2,
        http_client: httpx.Client | None = None,
        default_headers: Mapping[str, str] | None = None,
        strict: bool = False,
        deadline: float | None = DEFAULT_DEADLINE,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    ) -> None:
        exchange, fallback_url = iam_setup(
            auth=auth,
            iam_url=iam_url,
            iam_url_env="QISKIT_RUNTIME_API_IAM_URL",
            instance=service_crn,
            instance_env="QISKIT_IBM_INSTANCE",
            cloud_url=cloud_url,
            cloud_url_env="QISKIT_IBM_URL",
        )
        settings = Settings.from_arguments(
            servers=SERVERS,
            security=SECURITY,
            credentials={"api_key": api_key, "token": token, "service_crn": service_crn},
            exchange=exchange,
            fallback_url=fallback_url,
            url_env="QISKIT_RUNTIME_API_URL",
            base_url=base_url,
            region=region,
            header_defaults={
                "IBM-API-Version": api_version or "2026-02-01",
            },
            default_headers=default_headers,
            timeout=timeout,
            max_retries=max_retries,
            strict=strict,
            max_response_bytes=max_response_bytes,
            deadline=deadline,
        )
        super().__init__(settings, http_client)

    @classmethod
    def from_saved_account(
        cls, name: str | None = None, filename: str | None = None, **options: Any
    ) -> Client:
        """A client for an account qiskit-ibm-runtime saved (``save_account``).

        Reads ``filename`` (default: ``SAVED_ACCOUNTS``): the account ``name``, else the
        default one, chosen as qiskit-ibm-runtime chooses it.
        The account's ``token`` is ``api_key``, ``instance`` is ``service_crn`` and
        ``url`` is ``cloud_url``.
        ``options`` are the other arguments of the client, and win over the account.
        """
        account = saved_account(name, filename or SAVED_ACCOUNTS)
        if account.own_transport and options.get("http_client") is None:
            raise ValueError(
                f"account {account.name!r} sets verify or proxies: pass an http_client= "
                "configured that way"
            )
        saved = {
            "api_key": account.token,
            "service_crn": account.instance,
            "cloud_url": account.url,
        }
        return cls(**{**saved, **options})

    def with_options(
        self,
        *,
        api_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        default_headers: Mapping[str, str] | None = None,
        strict: bool | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
        base_url: str | None = None,
        http_client: httpx.Client | None = None,
    ) -> Client:
        """A copy of this client with the given settings changed (``None``: unchanged).

        The copy shares this client's credentials (a token obtained by exchange
        too) and, unless given its own ``http_client``, its connections; closing it
        closes neither. This is how one call gets its own settings:
        ``client.with_options(deadline=10, max_response_bytes=2**20).jobs.get(...)``;
        ``deadline=math.inf`` removes the deadline. A new ``base_url`` receives
        this client's credentials.
        """
        return self._copy_with(
            http_client,
            base_url=base_url,
            header_defaults={
                "IBM-API-Version": api_version,
            },
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            strict=strict,
            deadline=deadline,
            max_response_bytes=max_response_bytes,
        )

    @cached_property
    def versions(self) -> Versions:
        """Operations tagged 'Versions'."""
        from .resources.versions import Versions

        return Versions(self)

    @cached_property
    def jobs(self) -> Jobs:
        """Operations tagged 'Jobs'."""
        from .resources.jobs import Jobs

        return Jobs(self)

    @cached_property
    def backends(self) -> Backends:
        """Operations tagged 'Backends'."""
        from .resources.backends import Backends

        return Backends(self)

    @cached_property
    def sessions(self) -> Sessions:
        """Operations tagged 'Sessions'."""
        from .resources.sessions import Sessions

        return Sessions(self)

    @cached_property
    def instances(self) -> Instances:
        """Operations tagged 'Instances'."""
        from .resources.instances import Instances

        return Instances(self)

    @cached_property
    def tags(self) -> Tags:
        """Operations tagged 'Tags'."""
        from .resources.tags import Tags

        return Tags(self)

    @cached_property
    def accounts(self) -> Accounts:
        """Operations tagged 'Accounts'."""
        from .resources.accounts import Accounts

        return Accounts(self)

    @cached_property
    def workloads(self) -> Workloads:
        """Operations tagged 'Workloads'."""
        from .resources.workloads import Workloads

        return Workloads(self)

    @cached_property
    def analytics(self) -> Analytics:
        """Operations tagged 'Analytics'."""
        from .resources.analytics import Analytics

        return Analytics(self)


class AsyncClient(AsyncAPIClient):
    """Asynchronous client for the Qiskit Runtime API.

    Args:
        api_key: IBM Cloud API key (default: the QISKIT_IBM_TOKEN environment variable).
            It is exchanged at IBM Cloud IAM for a bearer token, renewed before it expires.
        token: A bearer token, sent as is instead of the API key.
        service_crn: The service instance's CRN (default: the QISKIT_IBM_INSTANCE environment
            variable).
        auth: ``"iam"`` (exchange the API key) or ``"apikey"`` (send ``Authorization: apikey
            <key>``, no exchange).
        iam_url: The IBM Cloud IAM endpoint (default: QISKIT_RUNTIME_API_IAM_URL, else
            https://iam.cloud.ibm.com; a staging CRN's is iam.test.cloud.ibm.com).
        cloud_url: The IBM Cloud URL, qiskit-ibm-runtime's ``url`` (default: QISKIT_IBM_URL): the
            base URL is then the service's in the region of the instance's CRN, unless
            base_url= or region= is given.
        api_version: API version to use Sent as ``IBM-API-Version``; default '2026-02-01'.
        base_url: Overrides the region's URL (default: QISKIT_RUNTIME_API_URL, else the first server).
        region: One of us-east, eu-de.
        timeout: Seconds, or an ``httpx.Timeout`` (default: 5 s to connect, 60 s to read,
            and longer where an operation needs it: 900 s for ``jobs.create``). Each wait
            for the network, the IBM Cloud IAM exchange's included (30 s by default there).
        max_retries: How many times a failed call is retried (default 2). Calls that may
            have reached the service are retried only if they are idempotent, so a
            ``jobs.create`` call is never duplicated.
        deadline: Seconds a whole call may take, IAM exchange, retries and the waits
            between them included (default 1800; ``None``: no deadline). Past it the
            call raises ``DeadlineExceededError``.
        max_response_bytes: The largest response body read, counted after
            decompression (default 100 MiB). A larger one raises ``ResponseTooLargeError``.
        http_client: Your own ``httpx.AsyncClient``, for proxies or custom transports.
        default_headers: Headers sent with every request.
        strict: Raise ``ResponseValidationError`` when a response does not match the spec,
            instead of returning the data with a logged warning.
    """

    _package_version = __version__
    _distribution = "qiskit-runtime-api"

    def __init__(
        self,
        *,
        api_key: str | None = None,
        token: str | None = None,
        service_crn: str | None = None,
        auth: Literal["iam", "apikey"] = "iam",
        iam_url: str | None = None,
        cloud_url: str | None = None,
        api_version: str | None = None,
        base_url: str | None = None,
        region: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = 2,
        http_client: httpx.AsyncClient | None = None,
        default_headers: Mapping[str, str] | None = None,
        strict: bool = False,
        deadline: float | None = DEFAULT_DEADLINE,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    ) -> None:
        exchange, fallback_url = iam_setup(
            auth=auth,
            iam_url=iam_url,
            iam_url_env="QISKIT_RUNTIME_API_IAM_URL",
            instance=service_crn,
            instance_env="QISKIT_IBM_INSTANCE",
            cloud_url=cloud_url,
            cloud_url_env="QISKIT_IBM_URL",
        )
        settings = Settings.from_arguments(
            servers=SERVERS,
            security=SECURITY,
            credentials={"api_key": api_key, "token": token, "service_crn": service_crn},
            exchange=exchange,
            fallback_url=fallback_url,
            url_env="QISKIT_RUNTIME_API_URL",
            base_url=base_url,
            region=region,
            header_defaults={
                "IBM-API-Version": api_version or "2026-02-01",
            },
            default_headers=default_headers,
            timeout=timeout,
            max_retries=max_retries,
            strict=strict,
            max_response_bytes=max_response_bytes,
            deadline=deadline,
        )
        super().__init__(settings, http_client)

    @classmethod
    def from_saved_account(
        cls, name: str | None = None, filename: str | None = None, **options: Any
    ) -> AsyncClient:
        """A client for an account qiskit-ibm-runtime saved (``save_account``).

        Reads ``filename`` (default: ``SAVED_ACCOUNTS``): the account ``name``, else the
        default one, chosen as qiskit-ibm-runtime chooses it.
        The account's ``token`` is ``api_key``, ``instance`` is ``service_crn`` and
        ``url`` is ``cloud_url``.
        ``options`` are the other arguments of the client, and win over the account.
        """
        account = saved_account(name, filename or SAVED_ACCOUNTS)
        if account.own_transport and options.get("http_client") is None:
            raise ValueError(
                f"account {account.name!r} sets verify or proxies: pass an http_client= "
                "configured that way"
            )
        saved = {
            "api_key": account.token,
            "service_crn": account.instance,
            "cloud_url": account.url,
        }
        return cls(**{**saved, **options})

    def with_options(
        self,
        *,
        api_version: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        default_headers: Mapping[str, str] | None = None,
        strict: bool | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
        base_url: str | None = None,
        http_client: httpx.AsyncClient | None = None,
    ) -> AsyncClient:
        """A copy of this client with the given settings changed (``None``: unchanged).

        The copy shares this client's credentials (a token obtained by exchange
        too) and, unless given its own ``http_client``, its connections; closing it
        closes neither. This is how one call gets its own settings:
        ``client.with_options(deadline=10, max_response_bytes=2**20).jobs.get(...)``;
        ``deadline=math.inf`` removes the deadline. A new ``base_url`` receives
        this client's credentials.
        """
        return self._copy_with(
            http_client,
            base_url=base_url,
            header_defaults={
                "IBM-API-Version": api_version,
            },
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            strict=strict,
            deadline=deadline,
            max_response_bytes=max_response_bytes,
        )

    @cached_property
    def versions(self) -> AsyncVersions:
        """Operations tagged 'Versions'."""
        from .resources.versions import AsyncVersions

        return AsyncVersions(self)

    @cached_property
    def jobs(self) -> AsyncJobs:
        """Operations tagged 'Jobs'."""
        from .resources.jobs import AsyncJobs

        return AsyncJobs(self)

    @cached_property
    def backends(self) -> AsyncBackends:
        """Operations tagged 'Backends'."""
        from .resources.backends import AsyncBackends

        return AsyncBackends(self)

    @cached_property
    def sessions(self) -> AsyncSessions:
        """Operations tagged 'Sessions'."""
        from .resources.sessions import AsyncSessions

        return AsyncSessions(self)

    @cached_property
    def instances(self) -> AsyncInstances:
        """Operations tagged 'Instances'."""
        from .resources.instances import AsyncInstances

        return AsyncInstances(self)

    @cached_property
    def tags(self) -> AsyncTags:
        """Operations tagged 'Tags'."""
        from .resources.tags import AsyncTags

        return AsyncTags(self)

    @cached_property
    def accounts(self) -> AsyncAccounts:
        """Operations tagged 'Accounts'."""
        from .resources.accounts import AsyncAccounts

        return AsyncAccounts(self)

    @cached_property
    def workloads(self) -> AsyncWorkloads:
        """Operations tagged 'Workloads'."""
        from .resources.workloads import AsyncWorkloads

        return AsyncWorkloads(self)

    @cached_property
    def analytics(self) -> AsyncAnalytics:
        """Operations tagged 'Analytics'."""
        from .resources.analytics import AsyncAnalytics

        return AsyncAnalytics(self)
