"""A real local package index (pypiserver) on 127.0.0.1, and installs from it.

The index asks an htpasswd user for uploads and serves downloads to anyone,
as PyPI does. It never redirects to another index (``--disable-fallback``):
the client's own dependencies are seeded as wheels from ``.venv/wheelhouse``
(downloaded by the Makefile), so an install touches nothing but the index.
"""

from __future__ import annotations

import base64
import hashlib
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from .conftest import ROOT, free_port, stop_process

__all__ = [
    "WHEELHOUSE",
    "LocalIndex",
    "install_from_index",
    "install_into_new_venv",
    "local_index",
    "tree_digest",
]

WHEELHOUSE = ROOT / ".venv" / "wheelhouse"
_PYPI_SERVER = Path(sys.executable).parent / "pypi-server"


@dataclass(frozen=True)
class LocalIndex:
    upload_url: str
    packages: Path
    username: str
    password: str

    @property
    def simple_url(self) -> str:
        return self.upload_url + "simple/"


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


@contextmanager
def local_index(folder: Path, seed: Iterable[Path] = ()) -> Iterator[LocalIndex]:
    """pypiserver serving ``folder/packages`` (seeded with ``seed``) on a free port."""
    packages = folder / "packages"
    packages.mkdir(parents=True)
    for wheel in seed:
        shutil.copy2(wheel, packages)
    username, password = "publisher", "local-index-password"
    sha1 = base64.b64encode(hashlib.sha1(password.encode()).digest()).decode()
    (folder / "htpasswd").write_text(f"{username}:{{SHA}}{sha1}\n", encoding="utf-8")
    port = free_port()
    command = [str(_PYPI_SERVER), "run", "-i", "127.0.0.1", "-p", str(port)]
    command += ["-P", str(folder / "htpasswd"), "-a", "update", "--disable-fallback"]
    log_path = folder / "pypiserver.log"
    with log_path.open("w") as log:
        process = subprocess.Popen([*command, str(packages)], stdout=log, stderr=subprocess.STDOUT)
    index = LocalIndex(f"http://127.0.0.1:{port}/", packages, username, password)
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"pypiserver exited with {process.returncode}: see {log_path}")
            try:
                if httpx.get(index.simple_url, timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"pypiserver did not start within 30 s: see {log_path}")
            time.sleep(0.1)
        yield index
    finally:
        stop_process(process)


def _pip_env() -> dict[str, str]:
    """The environment without any pip configuration: the index alone is used."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "PYTHON"))}
    return env | {"PIP_CONFIG_FILE": os.devnull, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}


def install_from_index(venv: Path, index: LocalIndex, requirement: str) -> float:
    """Create ``venv`` and install ``requirement`` from ``index``; the install's seconds."""
    return install_into_new_venv(venv, "--index-url", index.simple_url, requirement)


def install_into_new_venv(venv: Path, *pip_arguments: str) -> float:
    """Create ``venv`` and ``pip install`` into it, no pip configuration or cache used;
    the install's seconds."""
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    command = [str(venv / "bin" / "python"), "-m", "pip", "install", "--no-cache-dir"]
    command += ["--quiet", *pip_arguments]
    started = time.perf_counter()
    result = subprocess.run(command, env=_pip_env(), capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(
            f"pip install {' '.join(pip_arguments)} failed:\n{result.stdout}{result.stderr}"
        )
    return seconds
