"""Operations tagged 'Analytics'.

Generated from the OpenAPI spec: do not edit.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Literal

import httpx

from .. import models
from .._base_client import CallOptions
from .._endpoint import Endpoint, Param, ResponseKind
from .._response import async_raw_response, raw_response

if TYPE_CHECKING:
    from .._base_client import AsyncAPIClient, SyncAPIClient

__all__ = [
    "Analytics",
    "AnalyticsWithRawResponse",
    "AsyncAnalytics",
    "AsyncAnalyticsWithRawResponse",
]

_GET_USAGE = Endpoint(
    operation_id="analytics_usage",
    method="GET",
    path="/v1/analytics/usage",
    accept="application/json",
    params={
        "instance": Param("instance", "query", explode=True, deprecated=False, style="form"),
        "interval_start": Param(
            "interval_start", "query", explode=True, deprecated=False, style="form"
        ),
        "interval_end": Param(
            "interval_end", "query", explode=True, deprecated=False, style="form"
        ),
        "backend": Param("backend", "query", explode=True, deprecated=False, style="form"),
        "user_id": Param("user_id", "query", explode=True, deprecated=False, style="form"),
        "simulators": Param("simulators", "query", explode=True, deprecated=False, style="form"),
        "plan": Param("plan", "query", explode=True, deprecated=False, style="form"),
        "api_version": Param(
            "IBM-API-Version", "header", explode=False, deprecated=False, style="simple"
        ),
    },
    responses={
        "200": (ResponseKind.JSON, models.GetAnalyticsUsageResponse),
    },
    body_media_type=None,
    deprecated=False,
    security=(("IBMCloudAPIKey", "ServiceCRN"), ("IBMCloudAuth", "ServiceCRN")),
    timeout=None,
)
_GET_USAGE_GROUPED = Endpoint(
    operation_id="get_usage_analytics_grouped",
    method="GET",
    path="/v1/analytics/usage_grouped",
    accept="application/json",
    params={
        "group_by": Param("group_by", "query", explode=True, deprecated=False, style="form"),
        "instance": Param("instance", "query", explode=True, deprecated=False, style="form"),
        "interval_start": Param(
            "interval_start", "query", explode=True, deprecated=False, style="form"
        ),
        "interval_end": Param(
            "interval_end", "query", explode=True, deprecated=False, style="form"
        ),
        "backend": Param("backend", "query", explode=True, deprecated=False, style="form"),
        "user_id": Param("user_id", "query", explode=True, deprecated=False, style="form"),
        "simulators": Param("simulators", "query", explode=True, deprecated=False, style="form"),
        "plan": Param("plan", "query", explode=True, deprecated=False, style="form"),
        "api_version": Param(
            "IBM-API-Version", "header", explode=False, deprecated=False, style="simple"
        ),
    },
    responses={
        "200": (ResponseKind.JSON, models.GetAnalyticsUsageGroupedResponse),
    },
    body_media_type=None,
    deprecated=False,
    security=(("IBMCloudAPIKey", "ServiceCRN"), ("IBMCloudAuth", "ServiceCRN")),
    timeout=None,
)
_GET_USAGE_GROUPED_BY_DATE = Endpoint(
    operation_id="get_usage_analytics_grouped_by_date",
    method="GET",
    path="/v1/analytics/usage_grouped_by_date",
    accept="application/json",
    params={
        "group_by": Param("group_by", "query", explode=True, deprecated=False, style="form"),
        "instance": Param("instance", "query", explode=True, deprecated=False, style="form"),
        "interval_start": Param(
            "interval_start", "query", explode=True, deprecated=False, style="form"
        ),
        "interval_end": Param(
            "interval_end", "query", explode=True, deprecated=False, style="form"
        ),
        "backend": Param("backend", "query", explode=True, deprecated=False, style="form"),
        "user_id": Param("user_id", "query", explode=True, deprecated=False, style="form"),
        "simulators": Param("simulators", "query", explode=True, deprecated=False, style="form"),
        "plan": Param("plan", "query", explode=True, deprecated=False, style="form"),
        "api_version": Param(
            "IBM-API-Version", "header", explode=False, deprecated=False, style="simple"
        ),
    },
    responses={
        "200": (ResponseKind.JSON, models.GetAnalyticsUsageGroupedByDateResponse),
    },
    body_media_type=None,
    deprecated=False,
    security=(("IBMCloudAPIKey", "ServiceCRN"), ("IBMCloudAuth", "ServiceCRN")),
    timeout=None,
)
_GET_FILTERS = Endpoint(
    operation_id="analytics_filters",
    method="GET",
    path="/v1/analytics/filters",
    accept="application/json",
    params={
        "instance": Param("instance", "query", explode=True, deprecated=False, style="form"),
        "api_version": Param(
            "IBM-API-Version", "header", explode=False, deprecated=False, style="simple"
        ),
    },
    responses={
        "200": (ResponseKind.JSON, models.GetAnalyticsFiltersResponse),
    },
    body_media_type=None,
    deprecated=False,
    security=(("IBMCloudAPIKey", "ServiceCRN"), ("IBMCloudAuth", "ServiceCRN")),
    timeout=None,
)


class Analytics:
    """Operations tagged 'Analytics'."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AnalyticsWithRawResponse:
        """The same methods, returning an ``APIResponse`` (status, headers, parsed value)."""
        return AnalyticsWithRawResponse(self)

    def get_usage(
        self,
        *,
        instance: Sequence[str] | None = None,
        interval_start: datetime.datetime | str | None = None,
        interval_end: datetime.datetime | str | None = None,
        backend: Sequence[str] | None = None,
        user_id: Sequence[str] | None = None,
        simulators: bool | None = None,
        plan: Sequence[str] | None = None,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> models.GetAnalyticsUsageResponse:
        """Get usage analytics

        Args:
            instance
            interval_start
            interval_end
            backend
            user_id
            simulators: Include simulators
            plan
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``GET /v1/analytics/usage`` (operationId ``analytics_usage``)
        """
        result: models.GetAnalyticsUsageResponse = self._client._call(
            _GET_USAGE,
            {
                "instance": instance,
                "interval_start": interval_start,
                "interval_end": interval_end,
                "backend": backend,
                "user_id": user_id,
                "simulators": simulators,
                "plan": plan,
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

    def get_usage_grouped(
        self,
        *,
        group_by: Literal["instance", "backend", "user_id", "plan"],
        instance: Sequence[str] | None = None,
        interval_start: datetime.datetime | str | None = None,
        interval_end: datetime.datetime | str | None = None,
        backend: Sequence[str] | None = None,
        user_id: Sequence[str] | None = None,
        simulators: bool | None = None,
        plan: Sequence[str] | None = None,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> models.GetAnalyticsUsageGroupedResponse:
        """Get usage analytics grouped

        Args:
            group_by: key to group usage by
            instance
            interval_start: start date
            interval_end: end date
            backend: backend to filter by
            user_id
            simulators: Include simulators
            plan
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``GET /v1/analytics/usage_grouped`` (operationId ``get_usage_analytics_grouped``)
        """
        result: models.GetAnalyticsUsageGroupedResponse = self._client._call(
            _GET_USAGE_GROUPED,
            {
                "group_by": group_by,
                "instance": instance,
                "interval_start": interval_start,
                "interval_end": interval_end,
                "backend": backend,
                "user_id": user_id,
                "simulators": simulators,
                "plan": plan,
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

    def get_usage_grouped_by_date(
        self,
        *,
        group_by: Literal["instance"],
        instance: Sequence[str] | None = None,
        interval_start: datetime.datetime | str | None = None,
        interval_end: datetime.datetime | str | None = None,
        backend: Sequence[str] | None = None,
        user_id: Sequence[str] | None = None,
        simulators: bool | None = None,
        plan: Sequence[str] | None = None,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> models.GetAnalyticsUsageGroupedByDateResponse:
        """Get usage analytics grouped by date

        Args:
            group_by
            instance
            interval_start
            interval_end
            backend
            user_id
            simulators: Include simulators
            plan
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``GET /v1/analytics/usage_grouped_by_date`` (operationId ``get_usage_analytics_grouped_by_date``)
        """
        result: models.GetAnalyticsUsageGroupedByDateResponse = self._client._call(
            _GET_USAGE_GROUPED_BY_DATE,
            {
                "group_by": group_by,
                "instance": instance,
                "interval_start": interval_start,
                "interval_end": interval_end,
                "backend": backend,
                "user_id": user_id,
                "simulators": simulators,
                "plan": plan,
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

    def get_filters(
        self,
        *,
        instance: Sequence[str] | None = None,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> models.GetAnalyticsFiltersResponse:
        """Get analytics filters

        Args:
            instance
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``GET /v1/analytics/filters`` (operationId ``analytics_filters``)
        """
        result: models.GetAnalyticsFiltersResponse = self._client._call(
            _GET_FILTERS,
            {
                "instance": instance,
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


class AnalyticsWithRawResponse:
    """``Analytics``'s methods, each returning an ``APIResponse``."""

    def __init__(self, resource: Analytics) -> None:
        self.get_usage = raw_response(resource.get_usage)
        self.get_usage_grouped = raw_response(resource.get_usage_grouped)
        self.get_usage_grouped_by_date = raw_response(resource.get_usage_grouped_by_date)
        self.get_filters = raw_response(resource.get_filters)


class AsyncAnalytics:
    """Operations tagged 'Analytics'."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncAnalyticsWithRawResponse:
        """The same methods, returning an ``APIResponse`` (status, headers, parsed value)."""
        return AsyncAnalyticsWithRawResponse(self)

    async def get_usage(
        self,
        *,
        instance: Sequence[str] | None = None,
        interval_start: datetime.datetime | str | None = None,
        interval_end: datetime.datetime | str | None = None,
        backend: Sequence[str] | None = None,
        user_id: Sequence[str] | None = None,
        simulators: bool | None = None,
        plan: Sequence[str] | None = None,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> models.GetAnalyticsUsageResponse:
        """Get usage analytics

        Args:
            instance
            interval_start
            interval_end
            backend
            user_id
            simulators: Include simulators
            plan
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``GET /v1/analytics/usage`` (operationId ``analytics_usage``)
        """
        result: models.GetAnalyticsUsageResponse = await self._client._call(
            _GET_USAGE,
            {
                "instance": instance,
                "interval_start": interval_start,
                "interval_end": interval_end,
                "backend": backend,
                "user_id": user_id,
                "simulators": simulators,
                "plan": plan,
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

    async def get_usage_grouped(
        self,
        *,
        group_by: Literal["instance", "backend", "user_id", "plan"],
        instance: Sequence[str] | None = None,
        interval_start: datetime.datetime | str | None = None,
        interval_end: datetime.datetime | str | None = None,
        backend: Sequence[str] | None = None,
        user_id: Sequence[str] | None = None,
        simulators: bool | None = None,
        plan: Sequence[str] | None = None,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> models.GetAnalyticsUsageGroupedResponse:
        """Get usage analytics grouped

        Args:
            group_by: key to group usage by
            instance
            interval_start: start date
            interval_end: end date
            backend: backend to filter by
            user_id
            simulators: Include simulators
            plan
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``GET /v1/analytics/usage_grouped`` (operationId ``get_usage_analytics_grouped``)
        """
        result: models.GetAnalyticsUsageGroupedResponse = await self._client._call(
            _GET_USAGE_GROUPED,
            {
                "group_by": group_by,
                "instance": instance,
                "interval_start": interval_start,
                "interval_end": interval_end,
                "backend": backend,
                "user_id": user_id,
                "simulators": simulators,
                "plan": plan,
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

    async def get_usage_grouped_by_date(
        self,
        *,
        group_by: Literal["instance"],
        instance: Sequence[str] | None = None,
        interval_start: datetime.datetime | str | None = None,
        interval_end: datetime.datetime | str | None = None,
        backend: Sequence[str] | None = None,
        user_id: Sequence[str] | None = None,
        simulators: bool | None = None,
        plan: Sequence[str] | None = None,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> models.GetAnalyticsUsageGroupedByDateResponse:
        """Get usage analytics grouped by date

        Args:
            group_by
            instance
            interval_start
            interval_end
            backend
            user_id
            simulators: Include simulators
            plan
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``GET /v1/analytics/usage_grouped_by_date`` (operationId ``get_usage_analytics_grouped_by_date``)
        """
        result: models.GetAnalyticsUsageGroupedByDateResponse = await self._client._call(
            _GET_USAGE_GROUPED_BY_DATE,
            {
                "group_by": group_by,
                "instance": instance,
                "interval_start": interval_start,
                "interval_end": interval_end,
                "backend": backend,
                "user_id": user_id,
                "simulators": simulators,
                "plan": plan,
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

    async def get_filters(
        self,
        *,
        instance: Sequence[str] | None = None,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> models.GetAnalyticsFiltersResponse:
        """Get analytics filters

        Args:
            instance
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``GET /v1/analytics/filters`` (operationId ``analytics_filters``)
        """
        result: models.GetAnalyticsFiltersResponse = await self._client._call(
            _GET_FILTERS,
            {
                "instance": instance,
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


class AsyncAnalyticsWithRawResponse:
    """``AsyncAnalytics``'s methods, each returning an ``APIResponse``."""

    def __init__(self, resource: AsyncAnalytics) -> None:
        self.get_usage = async_raw_response(resource.get_usage)
        self.get_usage_grouped = async_raw_response(resource.get_usage_grouped)
        self.get_usage_grouped_by_date = async_raw_response(resource.get_usage_grouped_by_date)
        self.get_filters = async_raw_response(resource.get_filters)
