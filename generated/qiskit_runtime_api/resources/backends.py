"""Operations tagged 'Backends'.

Generated from the OpenAPI spec: do not edit.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

import httpx

from .. import models
from .._base_client import CallOptions
from .._endpoint import Endpoint, Param, ResponseKind
from .._response import async_raw_response, raw_response

if TYPE_CHECKING:
    from .._base_client import AsyncAPIClient, SyncAPIClient

__all__ = [
    "AsyncBackends",
    "AsyncBackendsWithRawResponse",
    "Backends",
    "BackendsWithRawResponse",
]

_LIST = Endpoint(
    operation_id="list_backends",
    method="GET",
    path="/v1/backends",
    accept="application/json",
    params={
        "fields": Param("fields", "query", explode=True, deprecated=False, style="form"),
        "api_version": Param(
            "IBM-API-Version", "header", explode=False, deprecated=False, style="simple"
        ),
    },
    responses={
        "200": (ResponseKind.JSON, models.BackendsResponseV2),
    },
    body_media_type=None,
    deprecated=False,
    security=(("IBMCloudAPIKey", "ServiceCRN"), ("IBMCloudAuth", "ServiceCRN")),
    timeout=None,
)
_GET_PROPERTIES = Endpoint(
    operation_id="get_backend_properties",
    method="GET",
    path="/v1/backends/{id}/properties",
    accept="application/json",
    params={
        "backend_name": Param("id", "path", explode=False, deprecated=False, style="simple"),
        "updated_before": Param(
            "updated_before", "query", explode=True, deprecated=False, style="form"
        ),
        "calibration_id": Param(
            "calibration_id", "query", explode=True, deprecated=False, style="form"
        ),
        "api_version": Param(
            "IBM-API-Version", "header", explode=False, deprecated=False, style="simple"
        ),
    },
    responses={
        "200": (ResponseKind.JSON, models.BackendProperties),
    },
    body_media_type=None,
    deprecated=False,
    security=(("IBMCloudAPIKey", "ServiceCRN"), ("IBMCloudAuth", "ServiceCRN")),
    timeout=None,
)
_GET_CONFIGURATION = Endpoint(
    operation_id="get_backend_configuration",
    method="GET",
    path="/v1/backends/{id}/configuration",
    accept="application/json",
    params={
        "backend_name": Param("id", "path", explode=False, deprecated=False, style="simple"),
        "calibration_id": Param(
            "calibration_id", "query", explode=True, deprecated=False, style="form"
        ),
        "api_version": Param(
            "IBM-API-Version", "header", explode=False, deprecated=False, style="simple"
        ),
    },
    responses={
        "200": (ResponseKind.JSON, models.BackendConfiguration),
    },
    body_media_type=None,
    deprecated=False,
    security=(("IBMCloudAPIKey", "ServiceCRN"), ("IBMCloudAuth", "ServiceCRN")),
    timeout=None,
)
_GET_STATUS = Endpoint(
    operation_id="get_backend_status",
    method="GET",
    path="/v1/backends/{id}/status",
    accept="application/json",
    params={
        "backend_name": Param("id", "path", explode=False, deprecated=False, style="simple"),
        "api_version": Param(
            "IBM-API-Version", "header", explode=False, deprecated=False, style="simple"
        ),
    },
    responses={
        "200": (ResponseKind.JSON, models.BackendStatus),
    },
    body_media_type=None,
    deprecated=False,
    security=(("IBMCloudAPIKey", "ServiceCRN"), ("IBMCloudAuth", "ServiceCRN")),
    timeout=None,
)
_GET_DEFAULTS = Endpoint(
    operation_id="get_backend_defaults",
    method="GET",
    path="/v1/backends/{id}/defaults",
    accept="application/json",
    params={
        "backend_name": Param("id", "path", explode=False, deprecated=False, style="simple"),
        "api_version": Param(
            "IBM-API-Version", "header", explode=False, deprecated=False, style="simple"
        ),
    },
    responses={
        "200": (ResponseKind.JSON, dict[str, Any]),
    },
    body_media_type=None,
    deprecated=False,
    security=(("IBMCloudAPIKey", "ServiceCRN"), ("IBMCloudAuth", "ServiceCRN")),
    timeout=None,
)


class Backends:
    """Operations tagged 'Backends'."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> BackendsWithRawResponse:
        """The same methods, returning an ``APIResponse`` (status, headers, parsed value)."""
        return BackendsWithRawResponse(self)

    def list(
        self,
        *,
        fields: Literal["wait_time_seconds"] | None = None,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> models.BackendsResponseV2:
        """List your backends

        Returns a list of all the backends your service instance has access to. <br/><br/> This endpoint returns different response schemas depending on the value of the `IBM-API-Version` header.<br/><br/> - If `IBM-API-Version` is `2024-01-01` or omitted, the response will follow `BackendsResponse`.<br/> - If `IBM-API-Version` is `2025-01-01` or greater, the response will follow `BackendsResponseV2`.


        Args:
            fields
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``GET /v1/backends`` (operationId ``list_backends``)
        """
        result: models.BackendsResponseV2 = self._client._call(
            _LIST,
            {
                "fields": fields,
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

    def get_properties(
        self,
        backend_name: str,
        *,
        updated_before: datetime.datetime | str | None = None,
        calibration_id: str | None = None,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> models.BackendProperties:
        """Get backend properties

        Returns the properties for the specified backend. Simulator backends may not support this.

        Args:
            backend_name: Identifier of an available backend
            updated_before: Returns properties with last_update_date before the given time.
            calibration_id: Returns properties associated with the given calibration ID.
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``GET /v1/backends/{id}/properties`` (operationId ``get_backend_properties``)
        """
        result: models.BackendProperties = self._client._call(
            _GET_PROPERTIES,
            {
                "backend_name": backend_name,
                "updated_before": updated_before,
                "calibration_id": calibration_id,
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
        backend_name: str,
        *,
        calibration_id: str | None = None,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> models.BackendConfiguration:
        """Get backend configuration

        Returns the configuration for the specified backend.

        Args:
            backend_name: Identifier of an available backend
            calibration_id: Returns configuration associated with the given calibration ID.
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``GET /v1/backends/{id}/configuration`` (operationId ``get_backend_configuration``)
        """
        result: models.BackendConfiguration = self._client._call(
            _GET_CONFIGURATION,
            {
                "backend_name": backend_name,
                "calibration_id": calibration_id,
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

    def get_status(
        self,
        backend_name: str,
        *,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> models.BackendStatus:
        """Get backend status

        Returns the status for the specified backend ID.

        Args:
            backend_name: Identifier of an available backend
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``GET /v1/backends/{id}/status`` (operationId ``get_backend_status``)
        """
        result: models.BackendStatus = self._client._call(
            _GET_STATUS,
            {
                "backend_name": backend_name,
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

    def get_defaults(
        self,
        backend_name: str,
        *,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> dict[str, Any]:
        """Get backend default settings

        Returns the defaults for the specified backend. Simulator backends may not support this.

        Args:
            backend_name: Identifier of an available backend
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``GET /v1/backends/{id}/defaults`` (operationId ``get_backend_defaults``)
        """
        result: dict[str, Any] = self._client._call(
            _GET_DEFAULTS,
            {
                "backend_name": backend_name,
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


class BackendsWithRawResponse:
    """``Backends``'s methods, each returning an ``APIResponse``."""

    def __init__(self, resource: Backends) -> None:
        self.list = raw_response(resource.list)
        self.get_properties = raw_response(resource.get_properties)
        self.get_configuration = raw_response(resource.get_configuration)
        self.get_status = raw_response(resource.get_status)
        self.get_defaults = raw_response(resource.get_defaults)


class AsyncBackends:
    """Operations tagged 'Backends'."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncBackendsWithRawResponse:
        """The same methods, returning an ``APIResponse`` (status, headers, parsed value)."""
        return AsyncBackendsWithRawResponse(self)

    async def list(
        self,
        *,
        fields: Literal["wait_time_seconds"] | None = None,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> models.BackendsResponseV2:
        """List your backends

        Returns a list of all the backends your service instance has access to. <br/><br/> This endpoint returns different response schemas depending on the value of the `IBM-API-Version` header.<br/><br/> - If `IBM-API-Version` is `2024-01-01` or omitted, the response will follow `BackendsResponse`.<br/> - If `IBM-API-Version` is `2025-01-01` or greater, the response will follow `BackendsResponseV2`.


        Args:
            fields
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``GET /v1/backends`` (operationId ``list_backends``)
        """
        result: models.BackendsResponseV2 = await self._client._call(
            _LIST,
            {
                "fields": fields,
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

    async def get_properties(
        self,
        backend_name: str,
        *,
        updated_before: datetime.datetime | str | None = None,
        calibration_id: str | None = None,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> models.BackendProperties:
        """Get backend properties

        Returns the properties for the specified backend. Simulator backends may not support this.

        Args:
            backend_name: Identifier of an available backend
            updated_before: Returns properties with last_update_date before the given time.
            calibration_id: Returns properties associated with the given calibration ID.
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``GET /v1/backends/{id}/properties`` (operationId ``get_backend_properties``)
        """
        result: models.BackendProperties = await self._client._call(
            _GET_PROPERTIES,
            {
                "backend_name": backend_name,
                "updated_before": updated_before,
                "calibration_id": calibration_id,
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
        backend_name: str,
        *,
        calibration_id: str | None = None,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> models.BackendConfiguration:
        """Get backend configuration

        Returns the configuration for the specified backend.

        Args:
            backend_name: Identifier of an available backend
            calibration_id: Returns configuration associated with the given calibration ID.
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``GET /v1/backends/{id}/configuration`` (operationId ``get_backend_configuration``)
        """
        result: models.BackendConfiguration = await self._client._call(
            _GET_CONFIGURATION,
            {
                "backend_name": backend_name,
                "calibration_id": calibration_id,
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

    async def get_status(
        self,
        backend_name: str,
        *,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> models.BackendStatus:
        """Get backend status

        Returns the status for the specified backend ID.

        Args:
            backend_name: Identifier of an available backend
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``GET /v1/backends/{id}/status`` (operationId ``get_backend_status``)
        """
        result: models.BackendStatus = await self._client._call(
            _GET_STATUS,
            {
                "backend_name": backend_name,
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

    async def get_defaults(
        self,
        backend_name: str,
        *,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> dict[str, Any]:
        """Get backend default settings

        Returns the defaults for the specified backend. Simulator backends may not support this.

        Args:
            backend_name: Identifier of an available backend
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``GET /v1/backends/{id}/defaults`` (operationId ``get_backend_defaults``)
        """
        result: dict[str, Any] = await self._client._call(
            _GET_DEFAULTS,
            {
                "backend_name": backend_name,
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


class AsyncBackendsWithRawResponse:
    """``AsyncBackends``'s methods, each returning an ``APIResponse``."""

    def __init__(self, resource: AsyncBackends) -> None:
        self.list = async_raw_response(resource.list)
        self.get_properties = async_raw_response(resource.get_properties)
        self.get_configuration = async_raw_response(resource.get_configuration)
        self.get_status = async_raw_response(resource.get_status)
        self.get_defaults = async_raw_response(resource.get_defaults)
