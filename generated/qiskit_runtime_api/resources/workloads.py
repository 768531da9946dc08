"""Operations tagged 'Workloads'.

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
from .._pagination import AsyncPager, CursorPages, SyncPager
from .._response import async_raw_response, raw_response

if TYPE_CHECKING:
    from .._base_client import AsyncAPIClient, SyncAPIClient

__all__ = [
    "AsyncWorkloads",
    "AsyncWorkloadsWithRawResponse",
    "Workloads",
    "WorkloadsWithRawResponse",
]

_LIST = Endpoint(
    operation_id="find_instance_workloads",
    method="GET",
    path="/v1/workloads",
    accept="application/json",
    params={
        "user": Param("user", "query", explode=True, deprecated=False, style="form"),
        "sort": Param("sort", "query", explode=True, deprecated=False, style="form"),
        "limit": Param("limit", "query", explode=True, deprecated=False, style="form"),
        "previous": Param("previous", "query", explode=True, deprecated=False, style="form"),
        "next": Param("next", "query", explode=True, deprecated=False, style="form"),
        "backend": Param("backend", "query", explode=True, deprecated=False, style="form"),
        "search": Param("search", "query", explode=True, deprecated=False, style="form"),
        "status": Param("status", "query", explode=True, deprecated=False, style="form"),
        "mode": Param("mode", "query", explode=True, deprecated=False, style="form"),
        "created_after": Param(
            "created_after", "query", explode=True, deprecated=False, style="form"
        ),
        "created_before": Param(
            "created_before", "query", explode=True, deprecated=False, style="form"
        ),
        "tags": Param("tags", "query", explode=True, deprecated=False, style="form"),
        "api_version": Param(
            "IBM-API-Version", "header", explode=False, deprecated=False, style="simple"
        ),
    },
    responses={
        "200": (ResponseKind.JSON, models.ListWorkloadsResponse),
    },
    body_media_type=None,
    deprecated=False,
    security=(("IBMCloudAPIKey", "ServiceCRN"), ("IBMCloudAuth", "ServiceCRN")),
    timeout=None,
)
_LIST__PAGES = CursorPages(
    items="workloads", cursor="next", cursor_query="next", next="next/href", limit="limit"
)


class Workloads:
    """Operations tagged 'Workloads'."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> WorkloadsWithRawResponse:
        """The same methods, returning an ``APIResponse`` (status, headers, parsed value)."""
        return WorkloadsWithRawResponse(self)

    def list(
        self,
        *,
        user: Literal["me"] | None = None,
        sort: Literal["createdAt", "-createdAt"] | None = None,
        limit: float | None = None,
        previous: str | None = None,
        next: str | None = None,
        backend: str | None = None,
        search: str | None = None,
        status: (
            Sequence[Literal["completed", "canceled", "failed", "pending", "in_progress"]] | None
        ) = None,
        mode: Literal["job", "session", "batch"] | None = None,
        created_after: datetime.datetime | str | None = None,
        created_before: datetime.datetime | str | None = None,
        tags: Sequence[str] | None = None,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> models.ListWorkloadsResponse:
        """List user instance workloads

        Args:
            user: User identifier. For now it can only be "me".
            sort: Field to sort the workloads by. A `-` prefix indicates descending sort order.
            limit: Number of workloads to return at a time
            previous: Cursor to previous workloads result page
            next: Cursor to next workloads result page
            backend: Backend name
            search: Optional search string, used to filter workloads by id or tags
            status: Status type to filter workloads by. It can be pending, in_progress, failed, completed or canceled.
            mode: Workload mode: job, session or batch
            created_after: Filter jobs and session created after this date
            created_before: Filter jobs and session created before this date
            tags: Optional array of tags for the workloads
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``GET /v1/workloads`` (operationId ``find_instance_workloads``)
        """
        result: models.ListWorkloadsResponse = self._client._call(
            _LIST,
            {
                "user": user,
                "sort": sort,
                "limit": limit,
                "previous": previous,
                "next": next,
                "backend": backend,
                "search": search,
                "status": status,
                "mode": mode,
                "created_after": created_after,
                "created_before": created_before,
                "tags": tags,
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

    def list_all(
        self,
        *,
        user: Literal["me"] | None = None,
        sort: Literal["createdAt", "-createdAt"] | None = None,
        backend: str | None = None,
        search: str | None = None,
        status: (
            Sequence[Literal["completed", "canceled", "failed", "pending", "in_progress"]] | None
        ) = None,
        mode: Literal["job", "session", "batch"] | None = None,
        created_after: datetime.datetime | str | None = None,
        created_before: datetime.datetime | str | None = None,
        tags: Sequence[str] | None = None,
        api_version: str | None = None,
        page_size: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> SyncPager[models.ListWorkloadsResponseWorkload, models.ListWorkloadsResponse]:
        """Every item of :meth:`list`, across pages, fetched as the iteration needs them.

        Args:
            page_size: items per page (sent as ``limit``)
            user: User identifier. For now it can only be "me".
            sort: Field to sort the workloads by. A `-` prefix indicates descending sort order.
            backend: Backend name
            search: Optional search string, used to filter workloads by id or tags
            status: Status type to filter workloads by. It can be pending, in_progress, failed, completed or canceled.
            mode: Workload mode: job, session or batch
            created_after: Filter jobs and session created after this date
            created_before: Filter jobs and session created before this date
            tags: Optional array of tags for the workloads
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).
        """
        pager: SyncPager[models.ListWorkloadsResponseWorkload, models.ListWorkloadsResponse] = (
            self._client._pager(
                _LIST,
                _LIST__PAGES,
                {
                    "user": user,
                    "sort": sort,
                    "backend": backend,
                    "search": search,
                    "status": status,
                    "mode": mode,
                    "created_after": created_after,
                    "created_before": created_before,
                    "tags": tags,
                    "api_version": api_version,
                },
                page_size,
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
        )
        return pager


class WorkloadsWithRawResponse:
    """``Workloads``'s methods, each returning an ``APIResponse``."""

    def __init__(self, resource: Workloads) -> None:
        self.list = raw_response(resource.list)


class AsyncWorkloads:
    """Operations tagged 'Workloads'."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncWorkloadsWithRawResponse:
        """The same methods, returning an ``APIResponse`` (status, headers, parsed value)."""
        return AsyncWorkloadsWithRawResponse(self)

    async def list(
        self,
        *,
        user: Literal["me"] | None = None,
        sort: Literal["createdAt", "-createdAt"] | None = None,
        limit: float | None = None,
        previous: str | None = None,
        next: str | None = None,
        backend: str | None = None,
        search: str | None = None,
        status: (
            Sequence[Literal["completed", "canceled", "failed", "pending", "in_progress"]] | None
        ) = None,
        mode: Literal["job", "session", "batch"] | None = None,
        created_after: datetime.datetime | str | None = None,
        created_before: datetime.datetime | str | None = None,
        tags: Sequence[str] | None = None,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> models.ListWorkloadsResponse:
        """List user instance workloads

        Args:
            user: User identifier. For now it can only be "me".
            sort: Field to sort the workloads by. A `-` prefix indicates descending sort order.
            limit: Number of workloads to return at a time
            previous: Cursor to previous workloads result page
            next: Cursor to next workloads result page
            backend: Backend name
            search: Optional search string, used to filter workloads by id or tags
            status: Status type to filter workloads by. It can be pending, in_progress, failed, completed or canceled.
            mode: Workload mode: job, session or batch
            created_after: Filter jobs and session created after this date
            created_before: Filter jobs and session created before this date
            tags: Optional array of tags for the workloads
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``GET /v1/workloads`` (operationId ``find_instance_workloads``)
        """
        result: models.ListWorkloadsResponse = await self._client._call(
            _LIST,
            {
                "user": user,
                "sort": sort,
                "limit": limit,
                "previous": previous,
                "next": next,
                "backend": backend,
                "search": search,
                "status": status,
                "mode": mode,
                "created_after": created_after,
                "created_before": created_before,
                "tags": tags,
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

    def list_all(
        self,
        *,
        user: Literal["me"] | None = None,
        sort: Literal["createdAt", "-createdAt"] | None = None,
        backend: str | None = None,
        search: str | None = None,
        status: (
            Sequence[Literal["completed", "canceled", "failed", "pending", "in_progress"]] | None
        ) = None,
        mode: Literal["job", "session", "batch"] | None = None,
        created_after: datetime.datetime | str | None = None,
        created_before: datetime.datetime | str | None = None,
        tags: Sequence[str] | None = None,
        api_version: str | None = None,
        page_size: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> AsyncPager[models.ListWorkloadsResponseWorkload, models.ListWorkloadsResponse]:
        """Every item of :meth:`list`, across pages, fetched as the iteration needs them.

        Args:
            page_size: items per page (sent as ``limit``)
            user: User identifier. For now it can only be "me".
            sort: Field to sort the workloads by. A `-` prefix indicates descending sort order.
            backend: Backend name
            search: Optional search string, used to filter workloads by id or tags
            status: Status type to filter workloads by. It can be pending, in_progress, failed, completed or canceled.
            mode: Workload mode: job, session or batch
            created_after: Filter jobs and session created after this date
            created_before: Filter jobs and session created before this date
            tags: Optional array of tags for the workloads
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).
        """
        pager: AsyncPager[models.ListWorkloadsResponseWorkload, models.ListWorkloadsResponse] = (
            self._client._pager(
                _LIST,
                _LIST__PAGES,
                {
                    "user": user,
                    "sort": sort,
                    "backend": backend,
                    "search": search,
                    "status": status,
                    "mode": mode,
                    "created_after": created_after,
                    "created_before": created_before,
                    "tags": tags,
                    "api_version": api_version,
                },
                page_size,
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
        )
        return pager


class AsyncWorkloadsWithRawResponse:
    """``AsyncWorkloads``'s methods, each returning an ``APIResponse``."""

    def __init__(self, resource: AsyncWorkloads) -> None:
        self.list = async_raw_response(resource.list)
