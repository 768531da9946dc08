"""Operations tagged 'Instances'.

Generated from the OpenAPI spec: do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import TYPE_CHECKING

import httpx

from .. import models, params
from .._base_client import CallOptions
from .._endpoint import Endpoint, Param, ResponseKind
from .._response import async_raw_response, raw_response

if TYPE_CHECKING:
    from .._base_client import AsyncAPIClient, SyncAPIClient

__all__ = [
    "AsyncInstances",
    "AsyncInstancesWithRawResponse",
    "Instances",
    "InstancesWithRawResponse",
]

_GET = Endpoint(
    operation_id="get_instance",
    method="GET",
    path="/v1/instance",
    accept="application/json",
    params={
        "api_version": Param(
            "IBM-API-Version", "header", explode=False, deprecated=False, style="simple"
        ),
    },
    responses={
        "200": (ResponseKind.JSON, models.GetInstanceResponse),
    },
    body_media_type=None,
    deprecated=False,
    security=(("IBMCloudAPIKey", "ServiceCRN"), ("IBMCloudAuth", "ServiceCRN")),
    timeout=None,
)
_GET_CONFIGURATION = Endpoint(
    operation_id="get_instance_configuration",
    method="GET",
    path="/v1/instances/configuration",
    accept="application/json",
    params={
        "api_version": Param(
            "IBM-API-Version", "header", explode=False, deprecated=False, style="simple"
        ),
    },
    responses={
        "200": (ResponseKind.JSON, models.GetInstanceConfigurationResponse),
    },
    body_media_type=None,
    deprecated=False,
    security=(("IBMCloudAPIKey", "ServiceCRN"), ("IBMCloudAuth", "ServiceCRN")),
    timeout=None,
)
_REPLACE_CONFIGURATION = Endpoint(
    operation_id="replace_instance_configuration",
    method="PUT",
    path="/v1/instances/configuration",
    accept="application/json",
    params={
        "api_version": Param(
            "IBM-API-Version", "header", explode=False, deprecated=False, style="simple"
        ),
    },
    responses={
        "204": (ResponseKind.EMPTY, None),
    },
    body_media_type="application/json",
    deprecated=False,
    security=(("IBMCloudAPIKey", "ServiceCRN"), ("IBMCloudAuth", "ServiceCRN")),
    timeout=None,
)
_GET_USAGE = Endpoint(
    operation_id="get_usage",
    method="GET",
    path="/v1/instances/usage",
    accept="application/json",
    params={
        "api_version": Param(
            "IBM-API-Version", "header", explode=False, deprecated=False, style="simple"
        ),
    },
    responses={
        "200": (ResponseKind.JSON, models.GetInstanceUsageResponse),
    },
    body_media_type=None,
    deprecated=False,
    security=(("IBMCloudAPIKey", "ServiceCRN"), ("IBMCloudAuth", "ServiceCRN")),
    timeout=None,
)


class Instances:
    """Operations tagged 'Instances'."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> InstancesWithRawResponse:
        """The same methods, returning an ``APIResponse`` (status, headers, parsed value)."""
        return InstancesWithRawResponse(self)

    def get(
        self,
        *,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> models.GetInstanceResponse:
        """Get current instance details

        Returns the details of the current logged in instance, using CRN from the request header.

        Args:
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``GET /v1/instance`` (operationId ``get_instance``)
        """
        result: models.GetInstanceResponse = self._client._call(
            _GET,
            {
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

    def get_configuration(
        self,
        *,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> models.GetInstanceConfigurationResponse:
        """Get instance configuration

        Returns the configuration for the specified instance e.g. instance limit in seconds, using CRN from the request header.

        Args:
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``GET /v1/instances/configuration`` (operationId ``get_instance_configuration``)
        """
        result: models.GetInstanceConfigurationResponse = self._client._call(
            _GET_CONFIGURATION,
            {
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

    def replace_configuration(
        self,
        *,
        body: (
            models.ReplaceInstanceConfigurationRequest
            | params.ReplaceInstanceConfigurationRequestParam
            | None
        ) = None,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> None:
        """Update instance configuration

        Update the configuration for the specified instance e.g. instance limit in seconds, using CRN from context params of the request.

        Args:
            body: Request body for updating a specified instance configuration. A model or a dict (``params.ReplaceInstanceConfigurationRequestParam``).
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``PUT /v1/instances/configuration`` (operationId ``replace_instance_configuration``)
        """
        result: None = self._client._call(
            _REPLACE_CONFIGURATION,
            {
                "api_version": api_version,
            },
            body,
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

    def get_usage(
        self,
        *,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> models.GetInstanceUsageResponse:
        """Get instance usage

        Args:
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``GET /v1/instances/usage`` (operationId ``get_usage``)
        """
        result: models.GetInstanceUsageResponse = self._client._call(
            _GET_USAGE,
            {
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


class InstancesWithRawResponse:
    """``Instances``'s methods, each returning an ``APIResponse``."""

    def __init__(self, resource: Instances) -> None:
        self.get = raw_response(resource.get)
        self.get_configuration = raw_response(resource.get_configuration)
        self.replace_configuration = raw_response(resource.replace_configuration)
        self.get_usage = raw_response(resource.get_usage)


class AsyncInstances:
    """Operations tagged 'Instances'."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncInstancesWithRawResponse:
        """The same methods, returning an ``APIResponse`` (status, headers, parsed value)."""
        return AsyncInstancesWithRawResponse(self)

    async def get(
        self,
        *,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> models.GetInstanceResponse:
        """Get current instance details

        Returns the details of the current logged in instance, using CRN from the request header.

        Args:
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``GET /v1/instance`` (operationId ``get_instance``)
        """
        result: models.GetInstanceResponse = await self._client._call(
            _GET,
            {
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

    async def get_configuration(
        self,
        *,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> models.GetInstanceConfigurationResponse:
        """Get instance configuration

        Returns the configuration for the specified instance e.g. instance limit in seconds, using CRN from the request header.

        Args:
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``GET /v1/instances/configuration`` (operationId ``get_instance_configuration``)
        """
        result: models.GetInstanceConfigurationResponse = await self._client._call(
            _GET_CONFIGURATION,
            {
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

    async def replace_configuration(
        self,
        *,
        body: (
            models.ReplaceInstanceConfigurationRequest
            | params.ReplaceInstanceConfigurationRequestParam
            | None
        ) = None,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> None:
        """Update instance configuration

        Update the configuration for the specified instance e.g. instance limit in seconds, using CRN from context params of the request.

        Args:
            body: Request body for updating a specified instance configuration. A model or a dict (``params.ReplaceInstanceConfigurationRequestParam``).
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``PUT /v1/instances/configuration`` (operationId ``replace_instance_configuration``)
        """
        result: None = await self._client._call(
            _REPLACE_CONFIGURATION,
            {
                "api_version": api_version,
            },
            body,
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

    async def get_usage(
        self,
        *,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> models.GetInstanceUsageResponse:
        """Get instance usage

        Args:
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``GET /v1/instances/usage`` (operationId ``get_usage``)
        """
        result: models.GetInstanceUsageResponse = await self._client._call(
            _GET_USAGE,
            {
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


class AsyncInstancesWithRawResponse:
    """``AsyncInstances``'s methods, each returning an ``APIResponse``."""

    def __init__(self, resource: AsyncInstances) -> None:
        self.get = async_raw_response(resource.get)
        self.get_configuration = async_raw_response(resource.get_configuration)
        self.replace_configuration = async_raw_response(resource.replace_configuration)
        self.get_usage = async_raw_response(resource.get_usage)
