"""Operations tagged 'Tags'.

Generated from the OpenAPI spec: do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping
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
    "AsyncTags",
    "AsyncTagsWithRawResponse",
    "Tags",
    "TagsWithRawResponse",
]

_LIST = Endpoint(
    operation_id="list_tags",
    method="GET",
    path="/v1/tags",
    accept="application/json",
    params={
        "type": Param("type", "query", explode=True, deprecated=False, style="form"),
        "search": Param("search", "query", explode=True, deprecated=False, style="form"),
        "api_version": Param(
            "IBM-API-Version", "header", explode=False, deprecated=False, style="simple"
        ),
    },
    responses={
        "200": (ResponseKind.JSON, models.ListTagsResponse),
    },
    body_media_type=None,
    deprecated=False,
    security=(("IBMCloudAPIKey", "ServiceCRN"), ("IBMCloudAuth", "ServiceCRN")),
    timeout=None,
)


class Tags:
    """Operations tagged 'Tags'."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> TagsWithRawResponse:
        """The same methods, returning an ``APIResponse`` (status, headers, parsed value)."""
        return TagsWithRawResponse(self)

    def list(
        self,
        *,
        type: Literal["job"],
        search: str,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> models.ListTagsResponse:
        """List tags

        Search and list the tags of jobs.

        Args:
            type: Searches for tags in the specified type.
            search: Used for searching tags.
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``GET /v1/tags`` (operationId ``list_tags``)
        """
        result: models.ListTagsResponse = self._client._call(
            _LIST,
            {
                "type": type,
                "search": search,
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


class TagsWithRawResponse:
    """``Tags``'s methods, each returning an ``APIResponse``."""

    def __init__(self, resource: Tags) -> None:
        self.list = raw_response(resource.list)


class AsyncTags:
    """Operations tagged 'Tags'."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncTagsWithRawResponse:
        """The same methods, returning an ``APIResponse`` (status, headers, parsed value)."""
        return AsyncTagsWithRawResponse(self)

    async def list(
        self,
        *,
        type: Literal["job"],
        search: str,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> models.ListTagsResponse:
        """List tags

        Search and list the tags of jobs.

        Args:
            type: Searches for tags in the specified type.
            search: Used for searching tags.
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``GET /v1/tags`` (operationId ``list_tags``)
        """
        result: models.ListTagsResponse = await self._client._call(
            _LIST,
            {
                "type": type,
                "search": search,
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


class AsyncTagsWithRawResponse:
    """``AsyncTags``'s methods, each returning an ``APIResponse``."""

    def __init__(self, resource: AsyncTags) -> None:
        self.list = async_raw_response(resource.list)
