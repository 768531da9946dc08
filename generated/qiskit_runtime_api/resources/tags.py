"""Operations tagged 'Tags'.

Generated from the OpenAPI spec: do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal

import httpx

from .. import models
from .._endpoint import Endpoint, Param, ResponseKind

if TYPE_CHECKING:
    from .._base_client import AsyncAPIClient, SyncAPIClient

if TYPE_CHECKING:
    from .._base_client import AsyncAPIClient, SyncAPIClient

__all__ = [
    "AsyncTags",
    "Tags",
]

_LIST = Endpoint(
    operation_id="list_tags",
    method="GET",
    path="/v1/tags",
    accept="application/json",
    params={
        "type": Param("type", "query", explode=True, deprecated=False),
        "search": Param("search", "query", explode=True, deprecated=False),
        "api_version": Param("IBM-API-Version", "header", explode=False, deprecated=False),
    },
    responses={
        "200": (ResponseKind.JSON, models.ListTagsResponse),
    },
    body_media_type=None,
    deprecated=False,
    security=(("IBMCloudAPIKey", "ServiceCRN"), ("IBMCloudAuth", "ServiceCRN")),
)


class Tags:
    """Operations tagged 'Tags'."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def list(
        self,
        *,
        type: Literal["job"],
        search: str,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> models.ListTagsResponse:
        """List tags

        Search and list the tags of jobs.

        Args:
            type: Searches for tags in the specified type.
            search: Used for searching tags.
            api_version: API version to use Defaults to the client's api_version (2026-02-01).

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
            extra_headers=extra_headers,
            timeout=timeout,
        )
        return result


class AsyncTags:
    """Operations tagged 'Tags'."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def list(
        self,
        *,
        type: Literal["job"],
        search: str,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> models.ListTagsResponse:
        """List tags

        Search and list the tags of jobs.

        Args:
            type: Searches for tags in the specified type.
            search: Used for searching tags.
            api_version: API version to use Defaults to the client's api_version (2026-02-01).

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
            extra_headers=extra_headers,
            timeout=timeout,
        )
        return result
