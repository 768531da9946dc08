"""The part of ``Client`` and ``AsyncClient`` that is the same for every API.

One call is a conversation written once, as a generator (``_call_flow``):
it builds the request, asks for credentials, sends, and decides whether to
retry and how long to wait. It yields what it needs done (``_Authorize``,
``_Send``, ``_Sleep``) and the sync and async clients only carry that out,
with ``httpx.Client`` and ``time.sleep`` or their asyncio twins.

Every request is built by ``_request``, the one place headers are assembled:
it refuses a header value with a line break (naming the header, before
anything is sent) and a URL outside the configured origin, so credentials go
only to ``base_url``'s origin (the checks: ``_request_checks``). Every request
is sent by ``_limits.send_sync`` or ``send_async``: no redirects, the body
bounded in size and in time. The per-call options every generated method
passes are ``_call_options.CallOptions``, importable from here as well.
"""

from __future__ import annotations

import copy
import functools
import logging
import math
import platform
from collections.abc import Callable, Generator, Mapping, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar, overload

import httpx

from ._call_options import NO_OPTIONS, CallOptions
from ._clock import SYSTEM_CLOCK, Clock
from ._credentials import AuthCall, Authenticator
from ._endpoint import Endpoint, Prepared, prepare, request_endpoint
from ._exceptions import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    InvalidRequestError,
)
from ._limits import Deadline, Limits, send_async, send_sync
from ._logs import logger, redacted_headers, setup_logging
from ._redact import redact
from ._request_checks import base_origin, origin, refuse_line_breaks
from ._response import record_response
from ._retry import (
    RETRYABLE_STATUSES,
    parse_retry_after,
    retry_status,
    retry_transport_error,
    retry_wait,
)
from ._settings import Settings, as_timeout, choose_timeout

if TYPE_CHECKING:  # imported where used: they load pydantic, which `import` need not wait for
    from ._pagination import AsyncPager, Pages, SyncPager
    from ._waiting import FinalStatus, WaitSchedule

__all__ = ["AsyncAPIClient", "CallOptions", "SyncAPIClient"]

_SyncT = TypeVar("_SyncT", bound="SyncAPIClient")
_AsyncT = TypeVar("_AsyncT", bound="AsyncAPIClient")
_ClientT = TypeVar("_ClientT", bound="_BaseClient")
_T = TypeVar("_T")


# What the flow asks its client to do: named tuples, which cost a third of a frozen
# dataclass to make (one ``_Send`` per attempt).
class _Authorize(NamedTuple):
    stale: str | None  # the Authorization value the service just refused
    call: AuthCall


class _Send(NamedTuple):
    request: httpx.Request
    limits: Limits


class _Sleep(NamedTuple):
    seconds: float


_Action = _Authorize | _Send | _Sleep
_Flow = Generator[_Action, Any, Any]


def _transport_error(
    exc: httpx.TransportError, request: httpx.Request, deadline: Deadline
) -> APIError:
    where = redact(f"{request.method} {request.url.copy_with(query=None)}")
    if deadline.expired():
        return deadline.error(f"during {where} ({type(exc).__name__})", request)
    if isinstance(exc, httpx.LocalProtocolError):
        return InvalidRequestError(f"the request could not be written ({exc}): {where}", request)
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(f"request timed out ({type(exc).__name__}): {where}", request)
    return APIConnectionError(f"connection failed ({type(exc).__name__}): {where}", request)


@functools.cache
def _parser() -> Callable[[Endpoint, httpx.Response, bool, Sequence[str]], Any]:
    """``_parsing.parse_response``, imported on the first call (it loads pydantic), not by
    ``import``, nor again on every call."""
    from ._parsing import parse_response

    return parse_response


class _BaseClient:
    _package_version = "0"
    _distribution = "client"  # the package's distribution name, for the User-Agent

    def __init__(self, settings: Settings) -> None:
        setup_logging()
        self._settings = settings
        self._auth: Authenticator = settings.authenticator()
        self._clock: Clock = SYSTEM_CLOCK
        self._fixed: (
            tuple[Settings, Authenticator, dict[str, str], dict[str, str] | None] | None
        ) = None

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={redact(self._settings.base_url)!r})"

    @property
    def base_url(self) -> str:
        return self._settings.base_url

    @property
    def max_retries(self) -> int:
        return self._settings.max_retries

    def _copy_with(
        self: _ClientT,
        http_client: httpx.Client | httpx.AsyncClient | None = None,
        **changes: Any,
    ) -> _ClientT:
        """A client with some settings changed, sharing the token and, unless
        ``http_client`` is given, the connections; it closes neither."""
        clone = copy.copy(self)
        for name in [n for n in vars(self) if not n.startswith("_")]:  # resources of ``self``
            delattr(clone, name)
        if changes.get("base_url"):
            changes["base_url"] = str(changes["base_url"]).rstrip("/")
        clone._settings = self._settings.with_changes(**changes)
        clone._owns_http = False  # type: ignore[attr-defined]
        if http_client is not None:
            clone._http = http_client  # type: ignore[attr-defined]
        return clone

    @functools.cached_property
    def _user_agent(self) -> str:
        return (
            f"{self._distribution}/{self._package_version} "
            f"Python/{platform.python_version()} httpx/{httpx.__version__}"
        )

    def _prepare(
        self, endpoint: Endpoint, arguments: Mapping[str, Any], body: Any, options: CallOptions
    ) -> Prepared:
        defaults = self._settings.header_defaults  # filled in where a header argument is None
        prepared = prepare(
            endpoint, arguments, body, options.extra_query, options.extra_body, defaults
        )
        return self._auth.place(prepared) if endpoint.security else prepared

    def _fixed_headers(self) -> tuple[dict[str, str], dict[str, str] | None]:
        """The headers every attempt starts with: the User-Agent and the client's
        ``default_headers``; and those with the credentials no exchange makes, for a secured
        operation (None when an exchange makes them). Merged once per settings and
        authenticator, not on every call (``_request`` copies them)."""
        cached = self._fixed
        if cached is None or cached[0] is not self._settings or cached[1] is not self._auth:
            start = {"User-Agent": self._user_agent, **self._settings.default_headers}
            auth = self._auth.fixed_headers()
            cached = self._fixed = (
                self._settings,
                self._auth,
                start,
                None if auth is None else {**start, **auth},
            )
        return cached[2], cached[3]

    def _request(
        self,
        http: httpx.Client | httpx.AsyncClient,
        prepared: Prepared,
        fixed: Mapping[str, str],
        auth: Mapping[str, str] | None,
        options: CallOptions,
        timeout: httpx.Timeout,
    ) -> httpx.Request:
        headers = {**fixed, **auth, **prepared.headers} if auth else {**fixed, **prepared.headers}
        if options.extra_headers:
            headers.update(options.extra_headers)
        refuse_line_breaks(headers)
        if prepared.cookies:
            refuse_line_breaks(prepared.cookies)
        request = http.build_request(
            prepared.method,
            self._settings.base_url + prepared.path,
            params=tuple(prepared.query) or None,  # an empty tuple still costs httpx a URL merge
            headers=headers,
            cookies=prepared.cookies or None,
            content=prepared.content,
            # What ``timeout=`` becomes, without httpx's copy of the Timeout on every call.
            extensions={"timeout": timeout.as_dict()},
        )
        if origin(request.url) != base_origin(self._settings.base_url):
            raise InvalidRequestError(
                f"{redact(str(request.url))} is outside {redact(self._settings.base_url)}; "
                "nothing was sent"
            )
        return request

    def _call_flow(
        self,
        http: httpx.Client | httpx.AsyncClient,
        endpoint: Endpoint,
        arguments: Mapping[str, Any],
        body: Any,
        options: CallOptions,
    ) -> _Flow:
        """One call, from arguments to parsed value, retries included."""
        settings = self._settings
        budget = settings.max_retries if options.max_retries is None else options.max_retries
        seconds = settings.deadline if options.deadline is None else options.deadline
        deadline = Deadline(self._clock, None if seconds == math.inf else seconds)
        limits = Limits(options.max_response_bytes or settings.max_response_bytes, deadline)
        prepared = self._prepare(endpoint, arguments, body, options)
        timeout = choose_timeout(options.timeout, settings.timeout, endpoint.timeout)
        method = prepared.method
        # Credentials no exchange makes (a bearer token) need no round trip through _run:
        # they are in the fixed headers.
        start, secured = self._fixed_headers()
        fixed = secured if endpoint.security else start
        retries = 0
        stale: str | None = None
        renewed = False
        while True:
            auth: dict[str, str] | None = None
            if fixed is None:  # the exchange retries inside, within this call's bounds
                asked = options.timeout if options.timeout is not None else settings.timeout
                call = AuthCall(
                    limits, budget - retries, None if asked is None else as_timeout(asked)
                )
                auth = yield _Authorize(stale, call)
            request = self._request(
                http,
                prepared,
                start if fixed is None else fixed,
                auth,
                options,
                deadline.cap(timeout),
            )
            started = self._clock.monotonic()
            try:
                response: httpx.Response = yield _Send(request, limits)
            except httpx.TransportError as exc:
                error = _transport_error(exc, request, deadline)
                if logger.isEnabledFor(logging.INFO):
                    self._log_attempt(request, None, started, retries, budget)
                if (
                    retries >= budget
                    or deadline.expired()
                    or not retry_transport_error(method, exc)
                ):
                    raise error from exc
                what = f"{method} {endpoint.path}"
                yield _Sleep(retry_wait(deadline, what, retries, None, error, request))
                retries += 1
                continue
            if logger.isEnabledFor(logging.INFO):  # the guard here: no call when it is off
                self._log_attempt(request, response, started, retries, budget)
            status = response.status_code
            if status == 401 and self._auth.renewable and not renewed:
                # The token may have been revoked or expired early: renew it once.
                renewed, stale = True, request.headers.get("Authorization")
                continue
            if retries < budget and status in RETRYABLE_STATUSES:  # read headers only then
                retry_after = parse_retry_after(
                    response.headers.get("Retry-After"), self._clock.time()
                )
                if retry_status(method, status, retry_after):
                    what, why = f"{method} {endpoint.path}", f"{status} {response.reason_phrase}"
                    yield _Sleep(retry_wait(deadline, what, retries, retry_after, why, request))
                    retries += 1
                    continue
            record_response(response, retries)
            return _parser()(endpoint, response, settings.strict, settings.secrets)

    def _request_flow(
        self,
        http: httpx.Client | httpx.AsyncClient,
        method: str,
        path: str,
        params: Mapping[str, object] | None,
        json: object,
        headers: Mapping[str, str] | None,
        cast_to: Any,
    ) -> _Flow:
        """``request()``: a call the spec lacks, made as a generated method's call is."""
        endpoint = request_endpoint(method, path, cast_to)
        sent = {**self._settings.header_defaults, **(headers or {})}  # the header options
        options = CallOptions(extra_headers=sent, extra_query=params)
        return self._call_flow(http, endpoint, {}, json, options)

    def _schedule(
        self,
        endpoint: Endpoint,
        arguments: Mapping[str, Any],
        max_wait: float | None,
        poll_interval: float,
        max_interval: float,
    ) -> WaitSchedule:
        ids = ", ".join(
            f"{name}={value!r}"
            for name, value in arguments.items()
            if value is not None and endpoint.params[name].location == "path"
        )
        what = f"{endpoint.operation_id}({ids})"
        from ._waiting import WaitSchedule

        return WaitSchedule(self._clock, what, max_wait, poll_interval, max_interval)

    def _log_attempt(
        self,
        request: httpx.Request,
        response: httpx.Response | None,
        started: float,
        retries: int,
        budget: int,
    ) -> None:
        if not logger.isEnabledFor(logging.INFO):
            return
        status = f"{response.status_code}" if response is not None else "no answer"
        logger.info(
            "%s %s -> %s in %.3f s (attempt %d of %d)",
            request.method,
            redact(str(self._auth.shown(request.url))),
            status,
            self._clock.monotonic() - started,
            retries + 1,
            budget + 1,
        )
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug("request headers: %s", redacted_headers(request.headers))


class SyncAPIClient(_BaseClient):
    def __init__(self, settings: Settings, http_client: httpx.Client | None) -> None:
        super().__init__(settings)
        self._owns_http = http_client is None
        self._http = http_client or httpx.Client()

    def _run(self, flow: _Flow) -> Any:
        reply: Any = None
        failure: Exception | None = None
        while True:
            try:
                action = flow.throw(failure) if failure is not None else flow.send(reply)
            except StopIteration as done:
                return done.value
            reply, failure = None, None
            try:
                if isinstance(action, _Send):
                    reply = send_sync(self._http, action.request, action.limits)
                elif isinstance(action, _Sleep):
                    self._clock.sleep(action.seconds)
                else:
                    reply = self._auth.headers_sync(
                        self._http, self._clock, action.stale, action.call
                    )
            except (httpx.TransportError, APIError) as exc:
                failure = exc

    def _call(
        self,
        endpoint: Endpoint,
        arguments: Mapping[str, Any],
        body: Any = None,
        options: CallOptions = NO_OPTIONS,
    ) -> Any:
        return self._run(self._call_flow(self._http, endpoint, arguments, body, options))

    @overload
    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, object] | None = None,
        json: object = None,
        headers: Mapping[str, str] | None = None,
        cast_to: None = None,
    ) -> Any: ...

    @overload
    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, object] | None = None,
        json: object = None,
        headers: Mapping[str, str] | None = None,
        cast_to: type[_T],
    ) -> _T: ...

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, object] | None = None,
        json: object = None,
        headers: Mapping[str, str] | None = None,
        cast_to: type[_T] | None = None,
    ) -> Any:
        """Call an endpoint the spec lacks: ``method`` on ``path`` under ``base_url``.

        It is sent as every generated method's call is: the client's credentials,
        retries (a POST never again once answered), timeout, deadline, size limit,
        redaction and errors; ``with_options(...)`` sets them for it. ``params`` is
        the query, ``json`` the body (models and plain data, as ``body=`` takes
        them), ``headers`` go over the client's, its header settings included
        (the client's header options). The answer is validated as
        ``cast_to`` (a model or any type pydantic reads), or read by its
        ``Content-Type`` without one: JSON as plain data, text as ``str``, other
        media as ``bytes``, an empty body as ``None``.
        """
        flow = self._request_flow(self._http, method, path, params, json, headers, cast_to)
        return self._run(flow)

    def _pager(
        self,
        endpoint: Endpoint,
        pages: Pages,
        arguments: Mapping[str, Any],
        page_size: int | None,
        options: CallOptions,
    ) -> SyncPager[Any]:
        def fetch(page_args: Mapping[str, Any]) -> Any:
            flow = self._call_flow(self._http, endpoint, {**arguments, **page_args}, None, options)
            return self._run(flow)

        from ._pagination import SyncPager

        return SyncPager(fetch, pages, page_size)

    def _wait(
        self,
        endpoint: Endpoint,
        arguments: Mapping[str, Any],
        final: FinalStatus,
        options: CallOptions,
        *,
        max_wait: float | None,
        poll_interval: float,
        max_interval: float,
        raise_on_failure: bool = False,
    ) -> Any:
        schedule = self._schedule(endpoint, arguments, max_wait, poll_interval, max_interval)
        while True:
            value = self._run(self._call_flow(self._http, endpoint, arguments, None, options))
            if final.reached(value):
                if raise_on_failure:
                    final.raise_for_failure(value, schedule.what)
                return value
            self._clock.sleep(schedule.next_sleep(final, value))

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

    async def _run(self, flow: _Flow) -> Any:
        reply: Any = None
        failure: Exception | None = None
        while True:
            try:
                action = flow.throw(failure) if failure is not None else flow.send(reply)
            except StopIteration as done:
                return done.value
            reply, failure = None, None
            try:
                if isinstance(action, _Send):
                    reply = await send_async(self._http, action.request, action.limits)
                elif isinstance(action, _Sleep):
                    await self._clock.asleep(action.seconds)
                else:
                    reply = await self._auth.headers_async(
                        self._http, self._clock, action.stale, action.call
                    )
            except (httpx.TransportError, APIError) as exc:
                failure = exc

    async def _call(
        self,
        endpoint: Endpoint,
        arguments: Mapping[str, Any],
        body: Any = None,
        options: CallOptions = NO_OPTIONS,
    ) -> Any:
        return await self._run(self._call_flow(self._http, endpoint, arguments, body, options))

    @overload
    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, object] | None = None,
        json: object = None,
        headers: Mapping[str, str] | None = None,
        cast_to: None = None,
    ) -> Any: ...

    @overload
    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, object] | None = None,
        json: object = None,
        headers: Mapping[str, str] | None = None,
        cast_to: type[_T],
    ) -> _T: ...

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, object] | None = None,
        json: object = None,
        headers: Mapping[str, str] | None = None,
        cast_to: type[_T] | None = None,
    ) -> Any:
        """Call an endpoint the spec lacks: ``method`` on ``path`` under ``base_url``.

        It is sent as every generated method's call is: the client's credentials,
        retries (a POST never again once answered), timeout, deadline, size limit,
        redaction and errors; ``with_options(...)`` sets them for it. ``params`` is
        the query, ``json`` the body (models and plain data, as ``body=`` takes
        them), ``headers`` go over the client's, its header settings included
        (the client's header options). The answer is validated as
        ``cast_to`` (a model or any type pydantic reads), or read by its
        ``Content-Type`` without one: JSON as plain data, text as ``str``, other
        media as ``bytes``, an empty body as ``None``.
        """
        flow = self._request_flow(self._http, method, path, params, json, headers, cast_to)
        return await self._run(flow)

    def _pager(
        self,
        endpoint: Endpoint,
        pages: Pages,
        arguments: Mapping[str, Any],
        page_size: int | None,
        options: CallOptions,
    ) -> AsyncPager[Any]:
        async def fetch(page_args: Mapping[str, Any]) -> Any:
            flow = self._call_flow(self._http, endpoint, {**arguments, **page_args}, None, options)
            return await self._run(flow)

        from ._pagination import AsyncPager

        return AsyncPager(fetch, pages, page_size)

    async def _wait(
        self,
        endpoint: Endpoint,
        arguments: Mapping[str, Any],
        final: FinalStatus,
        options: CallOptions,
        *,
        max_wait: float | None,
        poll_interval: float,
        max_interval: float,
        raise_on_failure: bool = False,
    ) -> Any:
        schedule = self._schedule(endpoint, arguments, max_wait, poll_interval, max_interval)
        while True:
            value = await self._run(self._call_flow(self._http, endpoint, arguments, None, options))
            if final.reached(value):
                if raise_on_failure:
                    final.raise_for_failure(value, schedule.what)
                return value
            await self._clock.asleep(schedule.next_sleep(final, value))

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
