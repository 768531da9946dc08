"""Operations tagged 'Versions'.

Generated from the OpenAPI spec: do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import httpx

from .. import models
from .._endpoint import Endpoint, ResponseKind

if TYPE_CHECKING:
    from .._base_client import AsyncAPIClient, SyncAPIClient

if TYPE_CHECKING:
    from .._base_client import AsyncAPIClient, SyncAPIClient

__all__ = [
    "AsyncVersions",
    "Versions",
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
)


class Versions:
    """Operations tagged 'Versions'."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def list(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> models.VersionResponse:
        """Get versions

        Get a list of available API versions

        ``GET /v1/versions`` (operationId ``get_versions``)
        """
        result: models.VersionResponse = self._client._call(
            _LIST,
            {},
            None,
            extra_headers=extra_headers,
            timeout=timeout,
        )
        return result


class AsyncVersions:
    """Operations tagged 'Versions'."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def list(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> models.VersionResponse:
        """Get versions

        Get a list of available API versions

        ``GET /v1/versions`` (operationId ``get_versions``)
        """
        result: models.VersionResponse = await self._client._call(
            _LIST,
            {},
            None,
            extra_headers=extra_headers,
            timeout=timeout,
        )
        return result
