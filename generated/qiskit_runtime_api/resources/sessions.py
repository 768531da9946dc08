"""Operations tagged 'Sessions'.

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
    "AsyncSessions",
    "AsyncSessionsWithRawResponse",
    "Sessions",
    "SessionsWithRawResponse",
]

_CREATE = Endpoint(
    operation_id="create_session",
    method="POST",
    path="/v1/sessions",
    accept="application/json",
    params={
        "api_version": Param(
            "IBM-API-Version", "header", explode=False, deprecated=False, style="simple"
        ),
    },
    responses={
        "200": (ResponseKind.JSON, models.Session),
    },
    body_media_type="application/json",
    deprecated=False,
    security=(("IBMCloudAPIKey", "ServiceCRN"), ("IBMCloudAuth", "ServiceCRN")),
    timeout=None,
)
_GET = Endpoint(
    operation_id="get_session",
    method="GET",
    path="/v1/sessions/{id}",
    accept="application/json",
    params={
        "session_id": Param("id", "path", explode=False, deprecated=False, style="simple"),
        "api_version": Param(
            "IBM-API-Version", "header", explode=False, deprecated=False, style="simple"
        ),
    },
    responses={
        "200": (ResponseKind.JSON, models.Session),
    },
    body_media_type=None,
    deprecated=False,
    security=(("IBMCloudAPIKey", "ServiceCRN"), ("IBMCloudAuth", "ServiceCRN")),
    timeout=None,
)
_UPDATE = Endpoint(
    operation_id="update_session",
    method="PATCH",
    path="/v1/sessions/{id}",
    accept="application/json",
    params={
        "session_id": Param("id", "path", explode=False, deprecated=False, style="simple"),
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
_CANCEL = Endpoint(
    operation_id="delete_session_close",
    method="DELETE",
    path="/v1/sessions/{id}/close",
    accept="application/json",
    params={
        "session_id": Param("id", "path", explode=False, deprecated=False, style="simple"),
        "api_version": Param(
            "IBM-API-Version", "header", explode=False, deprecated=False, style="simple"
        ),
    },
    responses={
        "204": (ResponseKind.EMPTY, None),
    },
    body_media_type=None,
    deprecated=False,
    security=(("IBMCloudAPIKey", "ServiceCRN"), ("IBMCloudAuth", "ServiceCRN")),
    timeout=None,
)
_CLOSE = Endpoint(
    operation_id="update_session",
    method="PATCH",
    path="/v1/sessions/{id}",
    accept="application/json",
    params={
        "session_id": Param("id", "path", explode=False, deprecated=False, style="simple"),
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


class Sessions:
    """Operations tagged 'Sessions'."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> SessionsWithRawResponse:
        """The same methods, returning an ``APIResponse`` (status, headers, parsed value)."""
        return SessionsWithRawResponse(self)

    def create(
        self,
        *,
        body: (
            models.CreateSessionRequest
            | models.SessionRequest
            | models.ChannelPartnerSessionRequest
            | params.CreateSessionRequestParam
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
    ) -> models.Session:
        """Create a session

        Args:
            body: The request body: a model or a dict (``params.CreateSessionRequestParam``).
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``POST /v1/sessions`` (operationId ``create_session``)
        """
        result: models.Session = self._client._call(
            _CREATE,
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

    def get(
        self,
        session_id: str,
        *,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> models.Session:
        """Get a session

        Args:
            session_id: Job Session ID
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``GET /v1/sessions/{id}`` (operationId ``get_session``)
        """
        result: models.Session = self._client._call(
            _GET,
            {
                "session_id": session_id,
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

    def update(
        self,
        session_id: str,
        *,
        body: models.UpdateSessionRequest | params.UpdateSessionRequestParam | None = None,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> None:
        """Update a session

        Args:
            body: The request body: a model or a dict (``params.UpdateSessionRequestParam``).
            session_id: Job Session ID
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``PATCH /v1/sessions/{id}`` (operationId ``update_session``)
        """
        result: None = self._client._call(
            _UPDATE,
            {
                "session_id": session_id,
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

    def cancel(
        self,
        session_id: str,
        *,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> None:
        """Close job session

        Closes the runtime session. The session stops accepting new jobs and queued jobs will not run.
        Existing running jobs will run to completion. This is analogous to the `cancel()` function in Qiskit.


        Args:
            session_id: Session Id
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``DELETE /v1/sessions/{id}/close`` (operationId ``delete_session_close``)
        """
        result: None = self._client._call(
            _CANCEL,
            {
                "session_id": session_id,
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

    def close(
        self,
        session_id: str,
        *,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> None:
        """Close a session

        Stop accepting new jobs in the session; jobs already queued in it still run. This is qiskit-ibm-runtime's Session.close(). To also cancel the queued jobs, use cancel().

        Args:
            session_id: Job Session ID
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``PATCH /v1/sessions/{id}`` (operationId ``update_session``)
        """
        result: None = self._client._call(
            _CLOSE,
            {
                "session_id": session_id,
                "api_version": api_version,
            },
            {"accepting_jobs": False},
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


class SessionsWithRawResponse:
    """``Sessions``'s methods, each returning an ``APIResponse``."""

    def __init__(self, resource: Sessions) -> None:
        self.create = raw_response(resource.create)
        self.get = raw_response(resource.get)
        self.update = raw_response(resource.update)
        self.cancel = raw_response(resource.cancel)
        self.close = raw_response(resource.close)


class AsyncSessions:
    """Operations tagged 'Sessions'."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncSessionsWithRawResponse:
        """The same methods, returning an ``APIResponse`` (status, headers, parsed value)."""
        return AsyncSessionsWithRawResponse(self)

    async def create(
        self,
        *,
        body: (
            models.CreateSessionRequest
            | models.SessionRequest
            | models.ChannelPartnerSessionRequest
            | params.CreateSessionRequestParam
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
    ) -> models.Session:
        """Create a session

        Args:
            body: The request body: a model or a dict (``params.CreateSessionRequestParam``).
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``POST /v1/sessions`` (operationId ``create_session``)
        """
        result: models.Session = await self._client._call(
            _CREATE,
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

    async def get(
        self,
        session_id: str,
        *,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> models.Session:
        """Get a session

        Args:
            session_id: Job Session ID
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``GET /v1/sessions/{id}`` (operationId ``get_session``)
        """
        result: models.Session = await self._client._call(
            _GET,
            {
                "session_id": session_id,
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

    async def update(
        self,
        session_id: str,
        *,
        body: models.UpdateSessionRequest | params.UpdateSessionRequestParam | None = None,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> None:
        """Update a session

        Args:
            body: The request body: a model or a dict (``params.UpdateSessionRequestParam``).
            session_id: Job Session ID
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``PATCH /v1/sessions/{id}`` (operationId ``update_session``)
        """
        result: None = await self._client._call(
            _UPDATE,
            {
                "session_id": session_id,
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

    async def cancel(
        self,
        session_id: str,
        *,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> None:
        """Close job session

        Closes the runtime session. The session stops accepting new jobs and queued jobs will not run.
        Existing running jobs will run to completion. This is analogous to the `cancel()` function in Qiskit.


        Args:
            session_id: Session Id
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``DELETE /v1/sessions/{id}/close`` (operationId ``delete_session_close``)
        """
        result: None = await self._client._call(
            _CANCEL,
            {
                "session_id": session_id,
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

    async def close(
        self,
        session_id: str,
        *,
        api_version: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> None:
        """Close a session

        Stop accepting new jobs in the session; jobs already queued in it still run. This is qiskit-ibm-runtime's Session.close(). To also cancel the queued jobs, use cancel().

        Args:
            session_id: Job Session ID
            api_version: API version to use. Defaults to the client's api_version (2026-02-01).

        ``PATCH /v1/sessions/{id}`` (operationId ``update_session``)
        """
        result: None = await self._client._call(
            _CLOSE,
            {
                "session_id": session_id,
                "api_version": api_version,
            },
            {"accepting_jobs": False},
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


class AsyncSessionsWithRawResponse:
    """``AsyncSessions``'s methods, each returning an ``APIResponse``."""

    def __init__(self, resource: AsyncSessions) -> None:
        self.create = async_raw_response(resource.create)
        self.get = async_raw_response(resource.get)
        self.update = async_raw_response(resource.update)
        self.cancel = async_raw_response(resource.cancel)
        self.close = async_raw_response(resource.close)
