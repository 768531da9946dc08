"""Operations tagged 'Versions'.

Generated from the OpenAPI spec: do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import TYPE_CHECKING

import httpx

from .. import models
from .._base_client import CallOptions
from .._endpoint import Endpoint, ResponseKind
from .._response import async_raw_response, raw_response

if TYPE_CHECKING:
    from .._base_client import AsyncAPIClient, SyncAPIClient

__all__ = [
    "AsyncVersions",
    "AsyncVersionsWithRawResponse",
    "Versions",
    "VersionsWithRawResponse",
]

_LIST = Endpoint(
    operation_id="get_versions",
    method="GET",
    path="/v1/versions",
    accept="application/json",
    params={},
    responses={
        "200": (ResponseKind.JSON, models.VersionResponse),
    },
    body_media_type=None,
    deprecated=False,
    security=(),
    timeout=None,
)


class Versions:
    """Operations tagged 'Versions'."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> VersionsWithRawResponse:
        """The same methods, returning an ``APIResponse`` (status, headers, parsed value)."""
        return VersionsWithRawResponse(self)

    def list(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> models.VersionResponse:
        """Get versions

        Get a list of available API versions

        ``GET /v1/versions`` (operationId ``get_versions``)
        """
        result: models.VersionResponse = self._client._call(
            _LIST,
            {},
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


class VersionsWithRawResponse:
    """``Versions``'s methods, each returning an ``APIResponse``."""

    def __init__(self, resource: Versions) -> None:
        self.list = raw_response(resource.list)


class AsyncVersions:
    """Operations tagged 'Versions'."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncVersionsWithRawResponse:
        """The same methods, returning an ``APIResponse`` (status, headers, parsed value)."""
        return AsyncVersionsWithRawResponse(self)

    async def list(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> models.VersionResponse:
        """Get versions

        Get a list of available API versions

        ``GET /v1/versions`` (operationId ``get_versions``)
        """
        result: models.VersionResponse = await self._client._call(
            _LIST,
            {},
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


class AsyncVersionsWithRawResponse:
    """``AsyncVersions``'s methods, each returning an ``APIResponse``."""

    def __init__(self, resource: AsyncVersions) -> None:
        self.list = async_raw_response(resource.list)
