"""Credentials on the wire: a static header, or an IBM Cloud IAM bearer token.

``api_key`` alone is exchanged at IBM Cloud IAM for an access token, which is
cached and renewed after 80 % of its lifetime or 10 s before it expires,
whichever comes first. Threads share one exchange through a lock, asyncio
tasks through a per-loop ``asyncio.Lock``: 50 concurrent first calls make one
exchange. Neither the key nor a token appears in ``repr()`` or in messages.
"""

from __future__ import annotations

import asyncio
import json
import threading
import weakref
from dataclasses import dataclass, field
from typing import Any

import httpx

from ._clock import Clock
from ._exceptions import APIConnectionError, APIStatusError, AuthenticationError, status_error
from ._logs import logger

__all__ = [
    "DEFAULT_IAM_URL",
    "Authenticator",
    "IAMAuthenticator",
    "StaticAuthenticator",
    "Token",
    "exchange_request",
    "read_token",
]

DEFAULT_IAM_URL = "https://iam.cloud.ibm.com"
GRANT_TYPE = "urn:ibm:params:oauth:grant-type:apikey"
REFRESH_FRACTION = 0.8
REFRESH_MARGIN = 10.0


@dataclass(frozen=True)
class Token:
    value: str = field(repr=False)
    refresh_at: float  # wall-clock time after which it is renewed


class Authenticator:
    """Headers that authenticate one attempt."""

    renewable = False

    def __init__(self, extra: dict[str, str]) -> None:
        self._extra = extra  # Service-CRN

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"

    def cached_headers(self, clock: Clock) -> dict[str, str] | None:
        """The headers, when they can be had without I/O."""
        return dict(self._extra)

    def headers_sync(self, http: httpx.Client, clock: Clock, stale: str | None) -> dict[str, str]:
        return dict(self._extra)

    async def headers_async(
        self, http: httpx.AsyncClient, clock: Clock, stale: str | None
    ) -> dict[str, str]:
        return dict(self._extra)


class StaticAuthenticator(Authenticator):
    """``Authorization: Bearer <token>`` or ``Authorization: apikey <key>``, as given."""

    def __init__(self, authorization: str, extra: dict[str, str]) -> None:
        super().__init__({"Authorization": authorization, **extra})


class IAMAuthenticator(Authenticator):
    """Exchanges an API key at IBM Cloud IAM and keeps the token fresh."""

    renewable = True

    def __init__(self, api_key: str, iam_url: str, extra: dict[str, str]) -> None:
        super().__init__(extra)
        self._api_key = api_key
        self.iam_url = iam_url.rstrip("/")
        self._token: Token | None = None
        self._thread_lock = threading.Lock()
        self._loop_locks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = (
            weakref.WeakKeyDictionary()
        )
        self.exchanges = 0

    def __repr__(self) -> str:
        return f"IAMAuthenticator(iam_url={self.iam_url!r})"

    def _usable(self, clock: Clock, stale: str | None) -> Token | None:
        token = self._token
        if token is None or clock.time() >= token.refresh_at:
            return None
        if stale is not None and self._headers(token)["Authorization"] == stale:
            return None  # the service refused this very token
        return token

    def _headers(self, token: Token) -> dict[str, str]:
        return {"Authorization": f"Bearer {token.value}", **self._extra}

    def cached_headers(self, clock: Clock) -> dict[str, str] | None:
        token = self._usable(clock, None)
        return self._headers(token) if token else None

    def headers_sync(self, http: httpx.Client, clock: Clock, stale: str | None) -> dict[str, str]:
        token = self._usable(clock, stale)
        if token is None:
            with self._thread_lock:
                token = self._usable(clock, stale)
                if token is None:
                    request = exchange_request(http, self.iam_url, self._api_key)
                    try:
                        response = http.send(request)
                    except httpx.TransportError as exc:
                        raise self._unreachable(exc, request) from exc
                    token = self._store(response, clock)
        return self._headers(token)

    async def headers_async(
        self, http: httpx.AsyncClient, clock: Clock, stale: str | None
    ) -> dict[str, str]:
        token = self._usable(clock, stale)
        if token is None:
            async with self._loop_lock():
                token = self._usable(clock, stale)
                if token is None:
                    request = exchange_request(http, self.iam_url, self._api_key)
                    try:
                        response = await http.send(request)
                    except httpx.TransportError as exc:
                        raise self._unreachable(exc, request) from exc
                    token = self._store(response, clock)
        return self._headers(token)

    def _loop_lock(self) -> asyncio.Lock:
        loop = asyncio.get_running_loop()
        lock = self._loop_locks.get(loop)
        if lock is None:
            lock = self._loop_locks[loop] = asyncio.Lock()
        return lock

    def _store(self, response: httpx.Response, clock: Clock) -> Token:
        self.exchanges += 1
        now = clock.time()
        token = read_token(response, now, self._api_key)
        self._token = token
        logger.info(
            "IBM Cloud IAM token obtained from %s; renewed in %.0f s",
            self.iam_url,
            token.refresh_at - now,
        )
        return token

    def _unreachable(self, exc: httpx.TransportError, request: httpx.Request) -> APIConnectionError:
        return APIConnectionError(
            f"could not reach IBM Cloud IAM at {self.iam_url} to exchange the API key: "
            f"{type(exc).__name__} (set IAM_URL or iam_url= for another IAM endpoint)",
            request,
        )


def exchange_request(
    http: httpx.Client | httpx.AsyncClient, iam_url: str, api_key: str
) -> httpx.Request:
    return http.build_request(
        "POST",
        iam_url + "/identity/token",
        data={"grant_type": GRANT_TYPE, "apikey": api_key, "response_type": "cloud_iam"},
        headers={"Accept": "application/json"},
        timeout=httpx.Timeout(30.0, connect=5.0),
    )


def read_token(response: httpx.Response, now: float, api_key: str) -> Token:
    """The token of an IAM answer, or the error that explains why there is none."""
    if response.status_code != 200:
        transient = response.status_code == 429 or response.status_code >= 500
        error = status_error(
            response,
            context="IBM Cloud IAM did not accept the API key",
            kind=None if transient else AuthenticationError,
        )
        raise _without(error, api_key)
    try:
        body: Any = json.loads(response.content)
        value = str(body["access_token"])
    except (ValueError, KeyError, TypeError):
        raise status_error(
            response, context="IBM Cloud IAM answered without an access_token"
        ) from None
    expiration = _number(body.get("expiration"))
    expires_in = _number(body.get("expires_in"))
    if expiration is None:
        expiration = now + (expires_in if expires_in is not None else 3600.0)
    lifetime = expires_in if expires_in is not None else expiration - now
    refresh_at = min(now + REFRESH_FRACTION * lifetime, expiration - REFRESH_MARGIN)
    return Token(value, refresh_at)


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _without(error: APIStatusError, secret: str) -> APIStatusError:
    """An IAM error whose text and body cannot echo the key back."""
    if secret and secret in error.message:
        error.message = error.message.replace(secret, "<redacted>")
        error.args = (error.message,)
    return error
