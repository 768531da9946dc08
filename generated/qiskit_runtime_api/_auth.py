"""An IBM Cloud IAM bearer token for an API key (the ``ibm-cloud-iam`` auth kind).

``api_key`` alone is exchanged at IBM Cloud IAM for an access token, which is
cached and renewed after 80 % of its lifetime or 10 s before it expires,
whichever comes first.

One exchange serves everyone waiting for it. A call that needs a token while
an exchange is under way waits for that exchange and takes its outcome, token
or error: 200 concurrent first calls make one exchange, and during an IAM
outage they share its failure instead of each asking again. The exchange
retries inside, by the rules of ``_retry`` (a connection error or a transient
status, within the asking call's ``max_retries`` and deadline). Its token is
used by every waiter even when it is already due for renewal (an
``expires_in`` of 0): the next call exchanges again. Threads share an exchange
through a lock and an event, asyncio tasks through a future of their loop.

The answer is read within the call's limits and redirects are not followed,
so the key is only ever sent to ``iam_url``. An answer without a usable
``access_token`` is an ``AuthenticationError``. Neither the key nor a token
appears in ``repr()``, messages, error bodies or logs.
"""

from __future__ import annotations

import asyncio
import math
import re
import threading
import weakref
from dataclasses import dataclass, field
from typing import Any

import httpx

from ._clock import Clock
from ._credentials import AuthCall, Authenticator, StaticAuthenticator
from ._exceptions import (
    APIConnectionError,
    APIError,
    APIStatusError,
    AuthenticationError,
    DeadlineExceededError,
    status_error,
)
from ._json import load_json
from ._limits import send_async, send_sync
from ._logs import logger
from ._redact import redact
from ._retry import RETRYABLE_STATUSES, parse_retry_after, retry_wait

__all__ = [
    "DEFAULT_IAM_URL",
    "ENV_IAM_URL",
    "AuthCall",
    "Authenticator",
    "IAMAuthenticator",
    "StaticAuthenticator",
    "Token",
    "exchange_request",
    "read_token",
]

DEFAULT_IAM_URL = "https://iam.cloud.ibm.com"
ENV_IAM_URL = (__name__.rpartition(".")[0] or __name__).upper() + "_IAM_URL"
GRANT_TYPE = "urn:ibm:params:oauth:grant-type:apikey"
REFRESH_FRACTION = 0.8
REFRESH_MARGIN = 10.0
IAM_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
_BEARER_TOKEN = re.compile(r"[A-Za-z0-9\-._~+/]+=*")  # RFC 6750's b64token


@dataclass(frozen=True)
class Token:
    value: str = field(repr=False)
    refresh_at: float  # wall-clock time after which it is renewed


class _Flight:
    """An exchange under way, for threads: its token or error once ``done`` is set."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.token: Token | None = None
        self.error: BaseException | None = None


class IAMAuthenticator(Authenticator):
    """Exchanges an API key at IBM Cloud IAM and keeps the token fresh."""

    renewable = True

    def __init__(self, api_key: str, iam_url: str, extra: dict[str, str]) -> None:
        super().__init__(extra)
        self._api_key = api_key
        self.iam_url = iam_url.rstrip("/")
        self._token: Token | None = None
        self._lock = threading.Lock()
        self._flight: _Flight | None = None
        self._loop_flights: weakref.WeakKeyDictionary[
            asyncio.AbstractEventLoop, asyncio.Future[Token]
        ] = weakref.WeakKeyDictionary()
        self.exchanges = 0

    def __repr__(self) -> str:
        return f"IAMAuthenticator(iam_url={redact(self.iam_url)!r})"

    def _usable(self, clock: Clock, stale: str | None) -> Token | None:
        token = self._token
        if token is None or clock.time() >= token.refresh_at:
            return None
        if stale is not None and self._headers(token)["Authorization"] == stale:
            return None  # the service refused this very token
        return token

    def _headers(self, token: Token) -> dict[str, str]:
        return {"Authorization": f"Bearer {token.value}", **self._extra}

    # -- threads ----------------------------------------------------------------------------

    def headers_sync(
        self, http: httpx.Client, clock: Clock, stale: str | None, call: AuthCall
    ) -> dict[str, str]:
        deadline = call.limits.deadline
        while True:
            with self._lock:
                token = self._usable(clock, stale)
                if token is not None:
                    return self._headers(token)
                flight = self._flight
                if flight is None:
                    flight = self._flight = _Flight()
                    owner = True
                else:
                    owner = False
            if owner:
                return self._headers(self._fly_sync(flight, http, clock, call))
            if not flight.done.wait(min(max(deadline.remaining(), 0.0), threading.TIMEOUT_MAX)):
                raise deadline.error("while waiting for the IBM Cloud IAM exchange")
            if flight.token is not None:
                return self._headers(flight.token)
            if _shared(flight.error):
                raise flight.error  # type: ignore[misc]
            # The exchange ended for its own caller's reasons (its deadline): try again.

    def _fly_sync(self, flight: _Flight, http: httpx.Client, clock: Clock, call: AuthCall) -> Token:
        try:
            flight.token = self._exchange_sync(http, clock, call)
            return flight.token
        except BaseException as exc:
            flight.error = exc
            raise
        finally:
            with self._lock:
                self._flight = None
            flight.done.set()

    def _exchange_sync(self, http: httpx.Client, clock: Clock, call: AuthCall) -> Token:
        retries = 0
        while True:
            request = exchange_request(http, self.iam_url, self._api_key, call)
            try:
                return self._store(send_sync(http, request, call.limits), clock)
            except httpx.TransportError as exc:
                error: APIError = self._unreachable(exc, request)
            except APIStatusError as exc:
                error = exc
            clock.sleep(self._retry_wait(error, retries, call, clock))
            retries += 1

    # -- asyncio tasks ----------------------------------------------------------------------

    async def headers_async(
        self, http: httpx.AsyncClient, clock: Clock, stale: str | None, call: AuthCall
    ) -> dict[str, str]:
        deadline = call.limits.deadline
        loop = asyncio.get_running_loop()
        while True:
            token = self._usable(clock, stale)
            if token is not None:
                return self._headers(token)
            flight = self._loop_flights.get(loop)
            if flight is None:
                flight = self._loop_flights[loop] = loop.create_future()
                return self._headers(await self._fly_async(flight, loop, http, clock, call))
            left = deadline.remaining()
            try:
                token = await asyncio.wait_for(
                    asyncio.shield(flight), None if left == float("inf") else max(left, 0.0)
                )
            except asyncio.TimeoutError:
                raise deadline.error("while waiting for the IBM Cloud IAM exchange") from None
            except asyncio.CancelledError:
                if not flight.cancelled():
                    raise  # this task was cancelled, not the exchange
                continue
            except APIError as exc:
                if _shared(exc):
                    raise
                continue
            return self._headers(token)

    async def _fly_async(
        self,
        flight: asyncio.Future[Token],
        loop: asyncio.AbstractEventLoop,
        http: httpx.AsyncClient,
        clock: Clock,
        call: AuthCall,
    ) -> Token:
        try:
            token = await self._exchange_async(http, clock, call)
        except APIError as exc:
            flight.set_exception(exc)
            flight.exception()  # retrieved: waiters, if any, raise it themselves
            raise
        except BaseException:
            flight.cancel()
            raise
        else:
            flight.set_result(token)
            return token
        finally:
            if self._loop_flights.get(loop) is flight:
                del self._loop_flights[loop]

    async def _exchange_async(self, http: httpx.AsyncClient, clock: Clock, call: AuthCall) -> Token:
        retries = 0
        while True:
            request = exchange_request(http, self.iam_url, self._api_key, call)
            try:
                return self._store(await send_async(http, request, call.limits), clock)
            except httpx.TransportError as exc:
                error: APIError = self._unreachable(exc, request)
            except APIStatusError as exc:
                error = exc
            await clock.asleep(self._retry_wait(error, retries, call, clock))
            retries += 1

    # -- shared by both ---------------------------------------------------------------------

    def _retry_wait(self, error: APIError, retries: int, call: AuthCall, clock: Clock) -> float:
        """The wait before the exchange's next try, or ``error`` raised when there is none."""
        if not _transient(error) or retries >= call.max_retries:
            raise error
        retry_after = None
        if isinstance(error, APIStatusError):
            retry_after = parse_retry_after(error.response.headers.get("Retry-After"), clock.time())
        what = "the IBM Cloud IAM exchange"
        return retry_wait(call.limits.deadline, what, retries, retry_after, error, error.request)

    def _store(self, response: httpx.Response, clock: Clock) -> Token:
        self.exchanges += 1
        now = clock.time()
        token = read_token(response, now, self._api_key)
        self._token = token
        logger.info(
            "IBM Cloud IAM token obtained from %s; renewed in %.0f s",
            redact(self.iam_url),
            token.refresh_at - now,
        )
        return token

    def _unreachable(self, exc: httpx.TransportError, request: httpx.Request) -> APIConnectionError:
        error = APIConnectionError(
            f"could not reach IBM Cloud IAM at {redact(self.iam_url)} to exchange the API key: "
            f"{type(exc).__name__} (set {ENV_IAM_URL} or iam_url= for another IAM endpoint)",
            request,
        )
        error.__cause__ = exc
        return error


def _transient(error: APIError) -> bool:
    """An exchange failure worth another try: IAM never saw the request, or failed."""
    if isinstance(error, APIStatusError):
        return error.status_code in RETRYABLE_STATUSES
    return isinstance(error, APIConnectionError) and not isinstance(error, DeadlineExceededError)


def _shared(error: BaseException | None) -> bool:
    """Whether a waiter takes the failure of the exchange it waited for as its own."""
    return isinstance(error, APIError) and not isinstance(error, DeadlineExceededError)


def exchange_request(
    http: httpx.Client | httpx.AsyncClient, iam_url: str, api_key: str, call: AuthCall
) -> httpx.Request:
    """The exchange's POST, waiting as long as the caller's ``timeout=`` allows (30 s to
    read when it gave none), never past its deadline."""
    return http.build_request(
        "POST",
        iam_url + "/identity/token",
        data={"grant_type": GRANT_TYPE, "apikey": api_key, "response_type": "cloud_iam"},
        headers={"Accept": "application/json"},
        timeout=call.limits.deadline.cap(call.timeout or IAM_TIMEOUT),
    )


def _refusal(status: int) -> str:
    if status >= 500:
        return "IBM Cloud IAM failed (server error) to exchange the API key"
    if status == 429:
        return "IBM Cloud IAM is rate-limiting the API key exchange"
    if status < 400:
        return "IBM Cloud IAM did not answer the API key exchange"
    return "IBM Cloud IAM did not accept the API key"


def read_token(response: httpx.Response, now: float, api_key: str) -> Token:
    """The token of an IAM answer, or the error that explains why there is none."""
    status = response.status_code
    if status != 200:
        refused = 400 <= status < 500 and status != 429
        raise status_error(
            response,
            context=_refusal(status),
            kind=AuthenticationError if refused else None,
            secrets=[api_key],
        )
    try:
        body: Any = load_json(response.content)
    except ValueError:
        body = None
    value = body.get("access_token") if isinstance(body, dict) else None
    if not isinstance(value, str) or not _BEARER_TOKEN.fullmatch(value):
        raise status_error(
            response,
            context="IBM Cloud IAM answered without a usable access_token (a token string)",
            kind=AuthenticationError,
            secrets=[api_key],
        )
    expiration = _number(body.get("expiration"))
    expires_in = _number(body.get("expires_in"))
    if expiration is None:
        expiration = now + (expires_in if expires_in is not None else 3600.0)
    lifetime = expires_in if expires_in is not None else expiration - now
    refresh_at = min(now + REFRESH_FRACTION * lifetime, expiration - REFRESH_MARGIN)
    return Token(value, refresh_at)


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if math.isfinite(value) else None
