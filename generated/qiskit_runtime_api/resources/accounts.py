"""Operations tagged 'Accounts'.

Generated from the OpenAPI spec: do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import TYPE_CHECKING

import httpx

from .. import models
from .._base_client import CallOptions
from .._endpoint import Endpoint, Param, ResponseKind
from .._response import async_raw_response, raw_response

if TYPE_CHECKING:
    from .._base_client import AsyncAPIClient, SyncAPIClient

__all__ = [
    "Accounts",
    "AccountsWithRawResponse",
    "AsyncAccounts",
    "AsyncAccountsWithRawResponse",
]

_GET = Endpoint(
    operation_id="get_account",
    method="GET",
    path="/v1/accounts/{id}",
    accept="application/json",
    params={
        "account_id": Param("id", "path", explode=False, deprecated=False, style="simple"),
        "plan_id": Param("plan_id", "query", explode=True, deprecated=False, style="form"),
        "api_version": Param(
            "IBM-API-Version", "header", explode=False, deprecated=False, style="simple"
        ),
    },
    responses={
        "200": (ResponseKind.JSON, models.GetAccountResponse),
    },
    body_media_type=None,
    deprecated=False,
    security=(("IBMCloudAPIKey", "ServiceCRN"), ("IBMCloudAuth", "ServiceCRN")),
    timeout=None,
)


class Accounts:
    """Operations tagged 'Accounts'."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AccountsWithRawResponse:
        """The same methods, returning an ``APIResponse`` (status, headers, parsed value)."""
        return AccountsWithRawResponse(self)

    def get(
        self,
        account_id: str,
        *,
        plan_id: str | None = None,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> models.GetAccountResponse:
        """Get account configuration

        Get the current account information. If no account information is found, returns the default configuration.

        Args:
            account_id: Account id (without `a/` prefix)
            plan_id: Obtain the account configuration only for the specified plan
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``GET /v1/accounts/{id}`` (operationId ``get_account``)
        """
        result: models.GetAccountResponse = self._client._call(
            _GET,
            {
                "account_id": account_id,
                "plan_id": plan_id,
                "api_version": api_version,
            },
            None,
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
                max_response_bytes=max_response_bytes,
            ),
        )
        return result


class AccountsWithRawResponse:
    """``Accounts``'s methods, each returning an ``APIResponse``."""

    def __init__(self, resource: Accounts) -> None:
        self.get = raw_response(resource.get)


class AsyncAccounts:
    """Operations tagged 'Accounts'."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncAccountsWithRawResponse:
        """The same methods, returning an ``APIResponse`` (status, headers, parsed value)."""
        return AsyncAccountsWithRawResponse(self)

    async def get(
        self,
        account_id: str,
        *,
        plan_id: str | None = None,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> models.GetAccountResponse:
        """Get account configuration

        Get the current account information. If no account information is found, returns the default configuration.

        Args:
            account_id: Account id (without `a/` prefix)
            plan_id: Obtain the account configuration only for the specified plan
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``GET /v1/accounts/{id}`` (operationId ``get_account``)
        """
        result: models.GetAccountResponse = await self._client._call(
            _GET,
            {
                "account_id": account_id,
                "plan_id": plan_id,
                "api_version": api_version,
            },
            None,
            CallOptions(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
                deadline=deadline,
                max_response_bytes=max_response_bytes,
            ),
        )
        return result


class AsyncAccountsWithRawResponse:
    """``AsyncAccounts``'s methods, each returning an ``APIResponse``."""

    def __init__(self, resource: AsyncAccounts) -> None:
        self.get = async_raw_response(resource.get)
