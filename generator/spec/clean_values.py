"""The schema values the validator found clean, remembered in the run and across runs.

Two of the validator's checks are functions of one value alone (see
``spec_validators``): a Schema Object's check against its dialect's meta-schema, and
the OpenAPI schema's check of a value against one of its definitions (3.0's
``#/definitions/Schema``, ``#/definitions/PathItem``, …, 3.1's ``#/$defs/path-item``,
…). Neither resolves anything in the document: a ``$ref`` in the value is a string the
(meta-)schema checks the form of, never a reference it follows. So a value found clean
once is clean wherever it stands, in this document or another one, and is not checked
again.

A value is known by the digest of its ``repr`` (which tells ``1``, ``1.0``, ``True``
and ``'1'`` apart and keeps key order; the loaders give only dicts, lists, strings,
numbers, booleans and None, whose ``repr`` is their value) and of the check's
*kind*: the validator class and the formats its format checker checks (a format
library installed later checks more). Only clean verdicts are kept: a value that
fails is checked again, so its errors are the library's.

Across runs the digests live in one file per *setup* (the Python version, which
decides what ``re`` accepts as a ``pattern``, the versions of the validator's
libraries and of the optional format libraries, and the source of the code that
makes the verdicts) in the stage cache's ``validate-values/`` folder (off with
``QISKIT_RUNTIME_API_GENERATOR_CACHE=off``). The file's first line is the digest of
the rest; a file that can't be read or doesn't match it is no verdict at all, only a
miss. It is written atomically and merged with what another run wrote meanwhile.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import sys
import time
from pathlib import Path
from typing import Any

from generator.emit.format_cache import cache_folder, stale_temporary, write_entry

__all__ = ["CleanValues", "clean_values", "forget", "kind_of"]

MOST = 100_000
"""The most digests a setup's file keeps (6.5 MB; OpenAI's spec leaves about 7,400: 0.48 MB)."""
_FILES_KEPT = 4
"""The setups whose files are kept (the newest): older ones are removed."""

_LIBRARIES = (
    "openapi-spec-validator",
    "openapi-schema-validator",
    "jsonschema",
    "jsonschema-specifications",
    "referencing",
    # jsonschema's format checkers, each used when it is installed
    "fqdn",
    "idna",
    "isoduration",
    "jsonpointer",
    "rfc3339-validator",
    "rfc3986-validator",
    "rfc3987",
    "rfc3987-syntax",
    "uri-template",
    "webcolors",
)
_CODE = ("clean_values.py", "spec_validators.py")


class CleanValues:
    """The digests of the values found clean, by kind of check: this run's and,
    when ``folder`` is given, those earlier runs stored there."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._known: set[bytes] = set()
        self._new: list[bytes] = []
        self._loaded = folder is None
        self.checked = 0
        """How many values were checked (not known clean)."""
        self.reused = 0
        """How many values were known clean, so not checked."""

    def key(self, kind: str, value: str) -> bytes:
        return hashlib.sha256(f"{kind}\0{value}".encode("utf-8", "surrogatepass")).digest()

    def known(self, key: bytes) -> bool:
        if not self._loaded:
            self._loaded = True
            self._known.update(_read(self._path()))
        if key in self._known:
            self.reused += 1
            return True
        self.checked += 1
        return False

    def add(self, key: bytes) -> None:
        if len(self._known) < MOST * 10 and key not in self._known:
            self._known.add(key)
            self._new.append(key)

    def save(self) -> None:
        """Store this run's new digests with those the file holds now (errors ignored)."""
        if self.folder is None or not self._new:
            return
        path = self._path()
        ours = self._new
        self._new = []
        kept = list(dict.fromkeys([*ours, *_read(path)]))[:MOST]
        body = "\n".join(k.hex() for k in kept)
        try:
            write_entry(path, (_digest(body) + "\n" + body).encode("ascii"))
        except OSError:
            return
        _prune(self.folder)

    def _path(self) -> Path:
        assert self.folder is not None
        return self.folder / _digest(_setup())


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _read(path: Path) -> list[bytes]:
    """The digests the file holds; none when it is missing, unreadable or damaged."""
    try:
        text = path.read_text(encoding="ascii")
    except (OSError, ValueError):
        return []
    digest, _, body = text.partition("\n")
    if digest != _digest(body) or not body:
        return []
    try:
        found = [bytes.fromhex(line) for line in body.split("\n")]
    except ValueError:
        return []
    return [k for k in found if len(k) == 32]


def _prune(folder: Path) -> None:
    """Keep the newest setups' files; remove temporary files a killed run left."""
    with contextlib.suppress(OSError):
        now = time.time()
        files = []
        for path in folder.iterdir():
            modified = path.stat().st_mtime
            if not path.name.startswith("."):
                files.append((modified, path))
            elif stale_temporary(path, modified, now):
                path.unlink(missing_ok=True)
        for _, old in sorted(files, reverse=True)[_FILES_KEPT:]:
            old.unlink(missing_ok=True)


@functools.cache
def _setup() -> str:
    from generator.inputs import library_version

    here = Path(__file__).resolve().parent
    code = hashlib.sha256(b"".join((here / name).read_bytes() for name in _CODE)).hexdigest()
    versions = ", ".join(f"{name}=={library_version(name)}" for name in _LIBRARIES)
    return f"clean values; {sys.implementation.name} {sys.version}; {versions}; code {code}"


_CURRENT: list[CleanValues] = []


def clean_values() -> CleanValues:
    """This process's clean values, stored in the stage cache's folder (when it is on)."""
    if not _CURRENT:
        formats = cache_folder()
        _CURRENT.append(
            CleanValues(None if formats is None else formats.parent / "validate-values")
        )
    return _CURRENT[0]


def forget() -> None:
    """Forget this run's verdicts (tests: the next validation starts from the stored ones)."""
    _CURRENT.clear()


def kind_of(cls: Any, format_checker: Any) -> str:
    """The kind of a meta-schema check: its validator class and the formats it checks."""
    return f"meta {_class_name(cls)}; formats {sorted(getattr(format_checker, 'checkers', ()))}"


@functools.cache
def _class_name(cls: Any) -> str:
    import openapi_schema_validator

    named = [name for name, value in vars(openapi_schema_validator).items() if value is cls]
    meta = cls.META_SCHEMA if isinstance(cls.META_SCHEMA, dict) else {}
    return ", ".join(
        [
            f"{cls.__module__}.{named[0] if named else cls.__name__}",
            str(meta.get("$id", meta.get("id", ""))),
        ]
    )
