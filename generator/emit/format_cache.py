"""A content-addressed cache of formatted code, so that black runs only on what changed.

Black takes most of a generation's time, yet after a spec update most of the
generated code is what it was: the cache maps the exact text given to the
formatter (with the versions and settings of black and isort) to the text it
made of it. An entry is a file named by that key, written atomically, whose
first line holds the digest of its body, so that a damaged entry is never
used (it is formatted again and overwritten).

Where: ``$QISKIT_RUNTIME_API_GENERATOR_CACHE`` if set (``off`` turns the cache
off), else ``$XDG_CACHE_HOME/qiskit-runtime-api-generator``, else
``~/.cache/qiskit-runtime-api-generator``; entries live in its ``format/``
folder. A cache that cannot be read or written is passed over silently: it
only ever saves time.

It stays small: a run that stored new entries prunes the folder to
``MAX_BYTES``, removing the entries used least recently first (a hit marks
its entry as used), down to three quarters of it so that the next runs have
room, and removes temporary files older than an hour that a killed run left.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
import time
from pathlib import Path

__all__ = [
    "MAX_BYTES",
    "FormatCache",
    "cache_folder",
    "may_hold_entries",
    "stale_temporary",
    "write_entry",
]

ENVIRONMENT = "QISKIT_RUNTIME_API_GENERATOR_CACHE"
MAX_BYTES = 64 * 1024 * 1024
"""The most the entries may take; the OpenAI spec's client is about 2.3 MiB of them."""
_TEMPORARY = ".entry-"
_STALE_SECONDS = 3600


def cache_folder() -> Path | None:
    """The folder of format entries, or ``None`` when the cache is off."""
    chosen = os.environ.get(ENVIRONMENT)
    if chosen is not None:
        return None if chosen.strip().lower() in ("", "0", "off", "no") else Path(chosen) / "format"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "qiskit-runtime-api-generator" / "format"


def may_hold_entries() -> bool:
    """An earlier run may have left formatted pieces: the cache is on and its folder
    exists."""
    folder = cache_folder()
    return folder is not None and folder.is_dir()


def _bytes(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def _digest(text: str) -> str:
    return hashlib.sha256(_bytes(text)).hexdigest()


def write_entry(path: Path, data: bytes) -> None:
    """Write a cache entry atomically: whole or not at all, even when the run is killed
    (a temporary file, ``_TEMPORARY``, then a rename; ``prune`` removes stale ones)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=_TEMPORARY)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def stale_temporary(path: Path, modified: float, now: float) -> bool:
    """Whether ``path`` is a temporary file ``write_entry`` left (a killed run), an
    hour old or more: one a run in progress may still be writing is younger."""
    return path.name.startswith(_TEMPORARY) and now - modified > _STALE_SECONDS


class FormatCache:
    """Formatted texts by the text they were made from, for one formatter ``setup``
    (a string naming the formatters' versions and settings)."""

    def __init__(self, folder: Path | None, setup: str) -> None:
        self.folder = folder
        self._setup = _digest(setup)
        self.stored = 0
        """How many entries this object has written."""

    def key(self, text: str) -> str:
        return _digest(self._setup + "\0" + text)

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / key[:2] / key

    def get(self, text: str) -> str | None:
        """What ``text`` was formatted into, if the cache holds it intact."""
        if self.folder is None:
            return None
        path = self._path(self.key(text))
        try:
            stored = path.read_bytes().decode("utf-8", "surrogatepass")
        except (OSError, UnicodeDecodeError):
            return None
        digest, _, body = stored.partition("\n")
        if digest != _digest(body):
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # used now: the last to be pruned
        return body

    def put(self, text: str, formatted: str) -> None:
        """Remember that ``text`` formats into ``formatted`` (atomically; errors ignored)."""
        if self.folder is None:
            return
        try:
            write_entry(self._path(self.key(text)), _bytes(_digest(formatted) + "\n" + formatted))
        except OSError:
            return
        self.stored += 1

    def prune(self, max_bytes: int = MAX_BYTES) -> int:
        """Remove the least recently used entries when they take more than ``max_bytes``
        (down to three quarters of it), and stale temporary files; how many went."""
        if self.folder is None:
            return 0
        entries: list[tuple[float, int, Path]] = []
        removed = 0
        now = time.time()
        try:
            for path in self.folder.glob("*/*"):
                try:
                    info = path.stat()
                    if path.name.startswith(_TEMPORARY):
                        if stale_temporary(path, info.st_mtime, now):
                            path.unlink()
                            removed += 1
                        continue
                except OSError:
                    continue
                entries.append((info.st_mtime, info.st_size, path))
        except OSError:
            return removed
        total = sum(size for _, size, _ in entries)
        if total <= max_bytes:
            return removed
        entries.sort()
        for _, size, path in entries:
            if total <= max_bytes * 3 // 4:
                break
            try:
                path.unlink()
            except OSError:
                continue
            total -= size
            removed += 1
        return removed
