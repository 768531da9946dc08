"""The part of ``Client`` and ``AsyncClient`` that is the same for every API.

Everything but sending is shared: a call's request is built by
``_BaseClient._request_for`` and its response read by ``parse_response``;
``SyncAPIClient`` and ``AsyncAPIClient`` differ only in how they send.
"""

from __future__ import annotations

import logging
import platform
import time
from collections.abc import Mapping
from types import TracebackType
from typing import Any, TypeVar

import httpx

from ._endpoint import Endpoint, prepare
from ._exceptions import APIConnectionError, APITimeoutError
from ._parsing import parse_response
from ._settings import Settings

__all__ = ["AsyncAPIClient", "SyncAPIClient"]

logger = logging.getLogger("qiskit_runtime_api")

_SyncT = TypeVar("_SyncT", bound="SyncAPIClient")
_AsyncT = TypeVar("_AsyncT", bound="AsyncAPIClient")


def _transport_error(exc: httpx.TransportError, request: httpx.Request) -> APIConnectionError:
    where = f"{request.method} {request.url.path}"
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(f"request timed out: {where}", request)
    return APIConnectionError(f"connection failed: {where}: {type(exc).__name__}", request)


class _BaseClient:
    _package_version = "0"

    def __init__(self, settings: Settings) -> None:
        self._settings = settings

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self._settings.base_url!r})"

    @property
    def base_url(self) -> str:
        return self._settings.base_url

    def _user_agent(self) -> str:
        return (
            f"qiskit-runtime-api/{self._package_version} "
            f"Python/{platform.python_version()} httpx/{httpx.__version__}"
        )

    def _request_for(
        self,
        http: httpx.Client | httpx.AsyncClient,
        endpoint: Endpoint,
        arguments: Mapping[str, Any],
        body: Any,
        extra_headers: Mapping[str, str] | None,
        timeout: float | httpx.Timeout | None,
    ) -> httpx.Request:
        filled = dict(arguments)
        for python_name, param in endpoint.params.items():
            if param.location == "header" and filled.get(python_name) is None:
                filled[python_name] = self._settings.header_defaults.get(param.name)
        prepared = prepare(endpoint, filled, body)
        headers = {"User-Agent": self._user_agent(), **self._settings.default_headers}
        if endpoint.security:
            headers.update(self._settings.auth_headers())
        headers.update(prepared.headers)
        headers.update(extra_headers or {})
        chosen = (
            self._settings.timeout
            if timeout is None
            else self._settings.with_changes(timeout=timeout).timeout
        )
        return http.build_request(
            prepared.method,
            self._settings.base_url + prepared.path,
            params=tuple(prepared.query),
            headers=headers,
            cookies=prepared.cookies or None,
            content=prepared.content,
            timeout=chosen,
        )

    def _log(self, request: httpx.Request, response: httpx.Response | None, started: float) -> None:
        status = response.status_code if response is not None else "no answer"
        logger.debug(
            "%s %s -> %s in %.3fs",
            request.method,
            request.url.copy_with(query=None),
            status,
            time.monotonic() - started,
        )


class SyncAPIClient(_BaseClient):
    def __init__(self, settings: Settings, http_client: httpx.Client | None) -> None:
        super().__init__(settings)
        self._owns_http = http_client is None
        self._http = http_client or httpx.Client()

    def _call(
        self,
        endpoint: Endpoint,
        arguments: Mapping[str, Any],
        body: Any = None,
        *,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> Any:
        request = self._request_for(self._http, endpoint, arguments, body, extra_headers, timeout)
        started = time.monotonic()
        try:
            response = self._http.send(request)
            response.read()
        except httpx.TransportError as exc:
            self._log(request, None, started)
            raise _transport_error(exc, request) from exc
        self._log(request, response, started)
        return parse_response(endpoint, response, self._settings.strict)

    def close(self) -> None:
        if self._owns_http:
            self._http.close()

    def __enter__(self: _SyncT) -> _SyncT:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class AsyncAPIClient(_BaseClient):
    def __init__(self, settings: Settings, http_client: httpx.AsyncClient | None) -> None:
        super().__init__(settings)
        self._owns_http = http_client is None
        self._http = http_client or httpx.AsyncClient()

    async def _call(
        self,
        endpoint: Endpoint,
        arguments: Mapping[str, Any],
        body: Any = None,
        *,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> Any:
        request = self._request_for(self._http, endpoint, arguments, body, extra_headers, timeout)
        started = time.monotonic()
        try:
            response = await self._http.send(request)
            await response.aread()
        except httpx.TransportError as exc:
            self._log(request, None, started)
            raise _transport_error(exc, request) from exc
        self._log(request, response, started)
        return parse_response(endpoint, response, self._settings.strict)

    async def close(self) -> None:
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self: _AsyncT) -> _AsyncT:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()
