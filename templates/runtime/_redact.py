"""Secrets out of everything the client shows: messages, error bodies, logs, ``repr``.

One function, ``redact``, serves every place text or data leaves the client
for a person to read. It replaces

- the value of any key or header whose name says it holds a credential
  (``Authorization``, ``apikey``, ``access_token``, an instance's CRN,
  ``refresh_token`` ...), at any depth of a JSON body or a header mapping;
- every known secret (each credential the client holds, a URL's
  password, the credentials the request carried) wherever it occurs in a
  string; secrets shorter than ``MIN_SECRET_LENGTH`` are not searched for, as
  they would match ordinary words;
- the ``user:password@`` part of any URL.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["MIN_SECRET_LENGTH", "REDACTED", "SENSITIVE_NAMES", "redact", "secrets_of"]

REDACTED = "<redacted>"
MIN_SECRET_LENGTH = 8
SENSITIVE_NAMES = frozenset(
    {
        "authorization",
        "proxy_authorization",
        "cookie",
        "set_cookie",
        "service_crn",
        "apikey",
        "api_key",
        "access_token",
        "refresh_token",
        "delegated_refresh_token",
        "token",
        "password",
        "client_secret",
    }
)
_USERINFO = re.compile(r"(?<=//)[^/?#@\s]*@")
_SCHEMES = ("bearer ", "apikey ", "basic ")


def redact(value: Any, secrets: Iterable[str] = ()) -> Any:
    """``value`` (text, or JSON-like data) with every credential replaced by ``<redacted>``."""
    known = sorted({s for s in secrets if len(s) >= MIN_SECRET_LENGTH}, key=len, reverse=True)
    return _redact(value, known)


def secrets_of(headers: Mapping[str, str]) -> list[str]:
    """The credentials among ``headers``: each sensitive value, and its token without the scheme."""
    found = []
    for name, value in headers.items():
        if _sensitive(name):
            found.append(value)
            if value.lower().startswith(_SCHEMES):
                found.append(value.split(" ", 1)[1].strip())
    return found


def _redact(value: Any, known: list[str]) -> Any:
    if isinstance(value, str):
        for secret in known:
            value = value.replace(secret, REDACTED)
        return _USERINFO.sub(REDACTED + "@", value)
    if isinstance(value, Mapping):
        return {
            key: REDACTED if isinstance(key, str) and _sensitive(key) else _redact(item, known)
            for key, item in value.items()
        }
    if isinstance(value, (list, tuple)):
        return [_redact(item, known) for item in value]
    return value


def _sensitive(name: str) -> bool:
    return name.lower().replace("-", "_") in SENSITIVE_NAMES
