"""Publish stage: upload the built files once, and only once, per version.

Before uploading, the index's simple page of the project (PEP 503) is read:
a version that already has a file there is refused, so running ``make
publish`` twice uploads nothing the second time. Credentials come from the
environment only (``TWINE_USERNAME``/``TWINE_PASSWORD``, or ``TWINE_PASSWORD``
alone holding an API token); twine reads no ``.pypirc`` and no keyring.
"""

from __future__ import annotations

import base64
import os
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from packaging.utils import canonicalize_name
from packaging.version import Version

from generator.release.build import Distributions, PublishError, file_version

__all__ = [
    "Credentials",
    "credentials_from_env",
    "published_files",
    "same_host",
    "simple_index_for",
    "upload",
]

_KNOWN_INDEXES = {
    "upload.pypi.org": "https://pypi.org/simple/",
    "test.pypi.org": "https://test.pypi.org/simple/",
}
_TIMEOUT = 30


@dataclass(frozen=True)
class Credentials:
    username: str
    password: str

    def __repr__(self) -> str:
        return f"Credentials(username={self.username!r}, password=<hidden>)"


def credentials_from_env(env: Mapping[str, str]) -> Credentials:
    password = env.get("TWINE_PASSWORD", "")
    if not password:
        raise PublishError(
            "no credentials: set TWINE_PASSWORD to an API token (PyPI: a `pypi-...` token), "
            "or TWINE_USERNAME and TWINE_PASSWORD for an index with user accounts"
        )
    return Credentials(env.get("TWINE_USERNAME") or "__token__", password)


def simple_index_for(repository_url: str) -> str:
    """The PEP 503 index that lists what ``repository_url`` received.

    PyPI and TestPyPI are known; any other upload URL (pypiserver, devpi's
    root) is taken to serve its index at ``<url>/simple/``.
    """
    host = urlsplit(repository_url).hostname or ""
    return _KNOWN_INDEXES.get(host) or urljoin(repository_url.rstrip("/") + "/", "simple/")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []
        self._in_anchor = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_anchor = tag == "a"

    def handle_endtag(self, tag: str) -> None:
        self._in_anchor = False

    def handle_data(self, data: str) -> None:
        if self._in_anchor and data.strip():
            self.names.append(data.strip())


def published_files(
    index_url: str, project: str, version: str, credentials: Credentials | None = None
) -> list[str]:
    """The files of ``project`` at ``version`` the index lists (none if it has no project).

    Credentials are sent only where given, i.e. to the upload host itself.
    """
    page = urljoin(index_url.rstrip("/") + "/", canonicalize_name(project) + "/")
    request = urllib.request.Request(page, headers={"Accept": "text/html"})
    if credentials is not None:
        token = base64.b64encode(f"{credentials.username}:{credentials.password}".encode())
        request.add_header("Authorization", "Basic " + token.decode())
    try:
        with urllib.request.urlopen(request, timeout=_TIMEOUT) as response:
            html = response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        if exc.code == 404:
            return []
        raise PublishError(
            f"cannot read {page} to check that {version} is not already published: "
            f"HTTP {exc.code} {exc.reason} (set PUBLISH_INDEX_URL to the index's simple URL)"
        ) from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise PublishError(f"cannot reach {page}: {reason}; nothing was uploaded") from None
    links = _Links()
    links.feed(html)
    wanted = Version(version)
    return sorted(name for name in links.names if file_version(name) == wanted)


def same_host(a: str, b: str) -> bool:
    return urlsplit(a).netloc == urlsplit(b).netloc


def upload(built: Distributions, repository_url: str, credentials: Credentials) -> None:
    """Upload the wheel and the sdist with twine, credentials from the environment."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("TWINE_") or key == "TWINE_CERT"
    }
    env |= {
        "TWINE_USERNAME": credentials.username,
        "TWINE_PASSWORD": credentials.password,
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
    }
    with tempfile.TemporaryDirectory(prefix="twine-") as empty:
        command = [
            sys.executable,
            "-m",
            "twine",
            "upload",
            "--non-interactive",
            "--disable-progress-bar",
            "--config-file",
            str(Path(empty) / "no-pypirc"),
            "--repository-url",
            repository_url,
            *map(str, built.files),
        ]
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise PublishError(
            f"twine upload to {repository_url} failed:\n{result.stdout}{result.stderr}".rstrip()
        )
