"""File digests (sha256) remembered by ``stat``, so that a no-op run reads no unchanged file.

The no-op ``generate``/``check`` hashes every input (spec, overlays, templates,
generator code) and every generated file; reading them costs more than the
rest of that path. :class:`Digests` remembers each file's digest under its
``stat`` identity (device, inode, size, mtime and ctime in nanoseconds) and
trusts a remembered digest only while that identity is unchanged: any write
to a file moves its mtime and ctime, and ``touch`` or ``utime`` back to an old
mtime still moves its ctime, which no program can set.

Racy entries (git's word) are never kept: a file written in the same clock
tick as it was hashed could change again without its timestamps moving, so an
entry is stored only when its mtime and ctime are older than the start of the
run that hashed it by more than the filesystem's timestamp granularity
(:func:`_settled`). A file just written is therefore hashed again by the next
runs until it has aged, then remembered.

Where: ``$QISKIT_RUNTIME_API_GENERATOR_CACHE/digests`` if that is set (``off``
turns remembering off: every file is read), else
``$XDG_CACHE_HOME/qiskit-runtime-api-generator/digests``, else
``~/.cache/qiskit-runtime-api-generator/digests``: never in the committed
output. One file per output folder: a first line with the digest of its body (``marshal``
of the entries: no ``json``, whose ``re`` costs the no-op path milliseconds), so a
damaged file is ignored (a fresh clone, or a lost cache, only means hashing
everything once). A cache that cannot be read or written is passed over.

Standard library only: the no-op path imports this module.
"""

from __future__ import annotations

import marshal
import os
import stat
import time
from importlib import import_module

TYPE_CHECKING = False  # typing costs the no-op path milliseconds
if TYPE_CHECKING:
    from collections.abc import Callable
    from hashlib import _Hash

__all__ = ["ENVIRONMENT", "Digests", "NotRegularFile", "bulk_sha256", "digests_folder", "sha256"]

ENVIRONMENT = "QISKIT_RUNTIME_API_GENERATOR_CACHE"
_FORMAT = "digests 1"
_STALE_SECONDS = 30 * 24 * 3600
"""A cache file not written for this long belongs to an output folder gone or unused."""
_FINE_MARGIN_NS = 100_000_000
"""How much older than the run a fine timestamp must be: the kernel's coarse clock,
which stamps files, lags the real time by up to one tick (10 ms at the lowest HZ)."""
_COARSE_MARGIN_NS = 3_000_000_000
"""The same for a timestamp that is a multiple of 10 ms: a filesystem that keeps
seconds (ext4 with small inodes, HFS+), two seconds (FAT) or 10 ms (exFAT)."""


def _builtin_sha256() -> Callable[..., _Hash]:
    """CPython's own SHA-256 (``_sha2`` from 3.12, ``_sha256`` before): ``hashlib``
    loads OpenSSL, which costs the no-op path milliseconds; the digests are the same."""
    for name in ("_sha2", "_sha256"):
        try:
            return import_module(name).sha256  # type: ignore[no-any-return]
        except (ImportError, AttributeError):
            continue
    from hashlib import sha256

    return sha256


sha256 = _builtin_sha256()
"""SHA-256 for the little the no-op path hashes when no file changed."""


def bulk_sha256(data: bytes = b"") -> _Hash:
    """SHA-256 for files and code: OpenSSL's (``hashlib``, imported on first use), about
    twice as fast as the built-in on megabytes."""
    from hashlib import sha256 as openssl_sha256

    return openssl_sha256(data)


def digests_folder() -> str | None:
    """The folder of the cache files, or ``None`` when the cache is off."""
    chosen = os.environ.get(ENVIRONMENT)
    if chosen is not None:
        if chosen.strip().lower() in ("", "0", "off", "no"):
            return None
        return os.path.join(chosen, "digests")
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "qiskit-runtime-api-generator", "digests")


def _settled(timestamp_ns: int, started_ns: int) -> bool:
    """Whether a file stamped ``timestamp_ns`` cannot change again without a new stamp,
    seen from a run that started at ``started_ns``."""
    coarse = timestamp_ns % 10_000_000 == 0
    margin = _COARSE_MARGIN_NS if coarse else _FINE_MARGIN_NS
    return timestamp_ns < started_ns - margin


class NotRegularFile(OSError):
    """A path that is not a regular file: ``/dev/zero`` never ends, a FIFO blocks."""


class Digests:
    """The sha256 of files, from the cache file ``name`` in ``folder`` where their stat
    is unchanged, else read (and the bytes kept until :meth:`content` asks for them)."""

    def __init__(self, folder: str | None, name: str) -> None:
        self.started_ns = time.time_ns()
        self._path = os.path.join(folder, name) if folder else None
        self._known: dict[str, object] = {}
        self._verdicts: set[str] = set()
        self._load()
        self._used: dict[str, object] = {}
        self._used_verdicts: set[str] = set()
        self._read: dict[str, bytes] = {}
        self._hashed: dict[str, tuple[list[int], str]] = {}
        self.hashed = 0
        """How many files this object read and hashed (the others came from the cache)."""

    @classmethod
    def for_output(cls, out: str, generator: str) -> Digests:
        """The cache of the runs on the output folder ``out`` made by the code in ``generator``."""
        key = sha256(f"{os.path.abspath(out)}\0{generator}".encode()).hexdigest()
        return cls(digests_folder(), key[:32])

    def _load(self) -> None:
        if self._path is None:
            return
        try:
            with open(self._path, "rb") as handle:
                head, _, body = handle.read().partition(b"\n")
            if sha256(body).hexdigest().encode() != head:
                return  # damaged, or written by something else: start afresh
            data = marshal.loads(body)
            if type(data) is not tuple or len(data) != 3 or data[0] != _FORMAT:
                return
            _, files, verdicts = data
            if type(files) is dict and type(verdicts) is frozenset:
                self._known = files  # each entry is checked where it is used
                self._verdicts = {v for v in verdicts if type(v) is str}
        except (OSError, ValueError, EOFError, TypeError):
            return

    def digest(self, path: str) -> str:
        """The sha256 hex digest of the regular file ``path`` (``OSError`` if it cannot be
        read, :class:`NotRegularFile` if it is no regular file)."""
        found = os.stat(path)
        if not stat.S_ISREG(found.st_mode):
            raise NotRegularFile(f"{path} is not a regular file")
        key = path if os.path.isabs(path) else os.path.abspath(path)
        remembered = self._remembered(key, found)
        if type(remembered) is str:
            return remembered
        earlier = self._hashed.get(key)
        if earlier is not None and earlier[0] == _identity(found):
            return earlier[1]  # read once in this run already
        with open(path, "rb") as handle:
            opened = os.fstat(handle.fileno())
            if not stat.S_ISREG(opened.st_mode):
                raise NotRegularFile(f"{path} is not a regular file")
            data = handle.read()
        self.hashed += 1
        digest = bulk_sha256(data).hexdigest()
        self._read[path] = data
        self._hashed[key] = (_identity(opened), digest)
        self._keep(key, opened, digest)
        return digest

    def derived(self, path: str, kind: str, compute: Callable[[str], object]) -> object:
        """``compute(path)``, remembered under the ``stat`` of ``path`` like a digest: what
        a file's bytes give (a manifest's content), or a folder's names (its mtime and
        ctime move whenever an entry is added, removed or renamed). The value holds
        only what ``marshal`` stores: ``None``, numbers, strings, lists, dicts."""
        found = os.stat(path)
        key = f"{kind}:{os.path.abspath(path)}"
        remembered = self._remembered(key, found)
        if remembered is not _MISSING:
            return remembered
        value = compute(path)
        self._keep(key, found, value)
        return value

    def _remembered(self, key: str, found: os.stat_result) -> object:
        entry = self._known.get(key)
        if type(entry) is list and len(entry) == 6 and entry[:5] == _identity(found):
            self._used[key] = entry
            return entry[5]
        return _MISSING

    def _keep(self, key: str, found: os.stat_result, value: object) -> None:
        if _settled(found.st_mtime_ns, self.started_ns) and _settled(
            found.st_ctime_ns, self.started_ns
        ):
            self._used[key] = [*_identity(found), value]

    def content(self, path: str) -> bytes:
        """The bytes of ``path``: those this object read to hash it, else read now."""
        data = self._read.get(path)
        if data is not None:
            return data
        with open(path, "rb") as handle:
            return handle.read()

    def verdict(self, key: str) -> bool:
        """Whether ``key`` (a digest naming a question and its inputs) was answered yes."""
        if key in self._verdicts:
            self._used_verdicts.add(key)
            return True
        return False

    def remember(self, key: str) -> None:
        """Answer yes to ``key`` from now on (:meth:`verdict`)."""
        self._used_verdicts.add(key)

    def save(self) -> None:
        """Keep the entries and verdicts this run used, when they differ from the file's."""
        if self._path is None or (
            self._used == self._known and self._used_verdicts == self._verdicts
        ):
            return
        body = marshal.dumps((_FORMAT, self._used, frozenset(self._used_verdicts)))
        folder = os.path.dirname(self._path)
        temporary = f"{self._path}.{os.getpid()}.tmp"
        try:
            os.makedirs(folder, exist_ok=True)
            with open(temporary, "wb") as file:
                file.write(sha256(body).hexdigest().encode() + b"\n" + body)
            os.replace(temporary, self._path)
            _prune(folder, time.time() - _STALE_SECONDS)
        except OSError:
            _remove(temporary)


_MISSING = object()


def _identity(found: os.stat_result) -> list[int]:
    return [found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns]


def _prune(folder: str, before: float) -> None:
    """Remove the cache files (and temporaries a killed run left) older than ``before``."""
    with os.scandir(folder) as entries:
        for entry in entries:
            try:
                stale = entry.stat().st_mtime < before
            except OSError:
                continue
            if stale:
                _remove(entry.path)


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        return  # gone already, or not ours to remove
