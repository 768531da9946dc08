"""IBM Cloud as qiskit-ibm-runtime knows it: the IAM exchange, its URLs, its saved accounts.

Copied into a client whose spec selects ``x-auth: ibm-cloud-iam`` on a scheme.

- ``IAMExchange``: ``auth="iam"`` trades the API key at IBM Cloud IAM for a
  bearer token (``_auth.IAMAuthenticator``); ``auth="apikey"`` sends the
  scheme's own header instead (``Authorization: apikey <key>``).
- ``service_url`` and ``instance_iam_url``: qiskit-ibm-runtime's ``url`` (the IBM Cloud
  URL, ``QISKIT_IBM_URL``) gives the service's URL, in the region of the
  instance's CRN (``api/utils.py:default_runtime_url_resolver``); the CRN's
  CNAME gives IAM's (``api/auth.py:CloudAuth``: ``staging`` is IAM's test host).
- ``saved_account``: one account of qiskit-ibm-runtime's saved-accounts file
  (``~/.qiskit/qiskit-ibm.json``), chosen by its rules
  (``accounts/management.py:AccountManager.get``, 0.51.0).
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from ._auth import DEFAULT_IAM_URL, IAMAuthenticator
from ._credentials import Authenticator, Scheme, StaticAuthenticator

__all__ = [
    "AUTH_MODES",
    "CHANNELS",
    "IAMExchange",
    "SavedAccount",
    "iam_setup",
    "instance_iam_url",
    "saved_account",
    "service_url",
]

AUTH_MODES = ("iam", "apikey")
CHANNELS = ("ibm_quantum_platform", "ibm_cloud")  # the channels of an IBM Cloud account
DEFAULT_CHANNEL = "ibm_quantum_platform"
DEFAULT_NAMES = {
    "ibm_quantum_platform": "default-ibm-quantum-platform",
    "ibm_cloud": "default-ibm-cloud",
}
ENV_CHANNEL = "QISKIT_IBM_CHANNEL"


@dataclass(frozen=True)
class IAMExchange:
    mode: str  # iam | apikey
    iam_url: str

    @property
    def url(self) -> str:
        """The endpoint the key goes to (``Settings.secrets`` reads a password in it)."""
        return self.iam_url

    def __post_init__(self) -> None:
        if self.mode not in AUTH_MODES:
            raise ValueError(f"auth must be one of {', '.join(AUTH_MODES)}, not {self.mode!r}")

    def authenticator(self, scheme: Scheme, key: str, extra: dict[str, str]) -> Authenticator:
        if self.mode == "apikey":
            return StaticAuthenticator({scheme.parameter: scheme.prefix + key, **extra})
        return IAMAuthenticator(key, self.iam_url, extra)


def iam_setup(
    *,
    auth: str,
    iam_url: str | None,
    iam_url_env: str,
    instance: str | None,
    instance_env: str,
    cloud_url: str | None = None,
    cloud_url_env: str = "",
) -> tuple[IAMExchange, str | None]:
    """The exchange, and the base URL an IBM Cloud URL implies (None without one).

    IAM's URL: ``iam_url``, else ``iam_url_env``, else the instance's
    (``instance_iam_url()``); an unrelated ``IAM_URL`` variable is not read.
    """
    instance = instance or (os.environ.get(instance_env) if instance_env else None) or None
    cloud_url = cloud_url or (os.environ.get(cloud_url_env) if cloud_url_env else None) or None
    endpoint = iam_url or os.environ.get(iam_url_env) or instance_iam_url(instance)
    fallback = service_url(cloud_url, instance) if cloud_url else None
    return IAMExchange(auth, endpoint.rstrip("/")), fallback


def _crn_field(crn: str | None, index: int) -> str | None:
    parts = crn.split(":") if crn and crn.startswith("crn:") else []
    return parts[index] if len(parts) > index + 1 else None


def service_url(cloud_url: str, instance: str | None, private: bool = False) -> str:
    """The service's base URL for an IBM Cloud URL and an instance, as qiskit-ibm-runtime has it.

    ``https://cloud.ibm.com`` and a CRN in ``eu-de`` give
    ``https://eu-de.quantum.cloud.ibm.com/api`` (us-east has no prefix); a URL
    with "experimental" in it, or an instance that is not a CRN, is used as it is.
    """
    region = _crn_field(instance, 5)
    if region is None or "experimental" in cloud_url:
        url = cloud_url.rstrip("/")
        return url[: -len("/v1")] if url.endswith("/v1") else url  # the paths start with /v1
    parsed = urlparse(cloud_url)
    if private:
        return f"{parsed.scheme}://private.{region}.quantum.{parsed.hostname}/api"
    prefix = "" if region == "us-east" else f"{region}."
    return f"{parsed.scheme}://{prefix}quantum.{parsed.hostname}/api"


def instance_iam_url(instance: str | None, private: bool = False) -> str:
    """IAM's URL for an instance: a ``staging`` CRN uses IAM's test host."""
    if _crn_field(instance, 2) != "staging" and not private:
        return DEFAULT_IAM_URL
    host = "iam.test.cloud.ibm.com" if _crn_field(instance, 2) == "staging" else "iam.cloud.ibm.com"
    return f"https://{'private.' if private else ''}{host}"


@dataclass(frozen=True)
class SavedAccount:
    name: str
    channel: str
    token: str = field(repr=False)
    url: str
    instance: str | None = field(default=None, repr=False)
    private_endpoint: bool = False
    own_transport: bool = False  # it sets verify: false or proxies, which need an http_client=


def saved_account(name: str | None, filename: str | os.PathLike[str]) -> SavedAccount:
    """The account named ``name``, else the default one, of a saved-accounts file.

    Without a name: the account marked ``is_default_account``; else, for the
    channel ``QISKIT_IBM_CHANNEL`` names (default ``ibm_quantum_platform``), the
    one marked default, then the one of the channel's default name, then any;
    then ``default-ibm-quantum-platform``, then ``default-ibm-cloud``.
    """
    path = Path(filename).expanduser()
    try:
        accounts = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ValueError(f"no saved-accounts file at {path}") from None
    except (OSError, ValueError) as exc:
        raise ValueError(f"{path} is not a saved-accounts file: {type(exc).__name__}") from None
    if not isinstance(accounts, dict):
        raise ValueError(f"{path} is not a saved-accounts file: not a JSON object")
    if name:
        if name not in accounts:
            raise ValueError(f"no account named {name!r} in {path}")
        return _account(name, accounts[name], path)
    found = _default(accounts, None) or _default(
        accounts, os.environ.get(ENV_CHANNEL) or DEFAULT_CHANNEL
    )
    if found is None:
        found = next((n for n in DEFAULT_NAMES.values() if n in accounts), None)
    if found is None:
        raise ValueError(f"no default account in {path}: pass name= (saved: {', '.join(accounts)})")
    return _account(found, accounts[found], path)


def _default(accounts: Mapping[str, Any], channel: str | None) -> str | None:
    named = any_of_channel = None
    for name, account in accounts.items():
        if not isinstance(account, dict):
            continue
        if account.get("is_default_account") and channel in (None, account.get("channel")):
            return name
        if channel is not None and account.get("channel") == channel:
            if name == DEFAULT_NAMES.get(channel):
                named = name
            any_of_channel = name
    return named or any_of_channel


def _account(name: str, raw: Any, path: Path) -> SavedAccount:
    if not isinstance(raw, dict):
        raise ValueError(f"account {name!r} of {path} is not a JSON object")
    channel = raw.get("channel") or DEFAULT_CHANNEL
    if channel not in CHANNELS:
        raise ValueError(
            f"account {name!r} of {path} is for the channel {channel!r}, not IBM Cloud "
            f"({', '.join(CHANNELS)})"
        )
    token = raw.get("token")
    if not isinstance(token, str) or not token:
        raise ValueError(f"account {name!r} of {path} has no token")
    instance = raw.get("instance")
    return SavedAccount(
        name=name,
        channel=str(channel),
        token=token,
        url=str(raw.get("url") or "https://cloud.ibm.com"),
        instance=str(instance) if instance else None,
        private_endpoint=bool(raw.get("private_endpoint")),
        own_transport=raw.get("verify") is False or bool(raw.get("proxies")),
    )
