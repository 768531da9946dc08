"""The version rule: which version the generated package carries.

``spec/release.json`` records the package version and the hash of the
generated code it was issued for::

    {"version": "0.41.6", "code_hash": "sha256:<hex>"}

- The first version is the seed spec's ``info.version``.
- A spec update issues ``max(new info.version, current version bumped by the
  API diff's semver level)`` (:func:`bump_for_spec_update`).
- A generator change that alters the generated code for the same spec issues
  the next post-release: 0.41.6 → 0.41.6.post1 → 0.41.6.post2 (:func:`bump_post`).

The code hash covers every generated file except the ones that carry the
version or the changelog, and the manifest (:data:`VERSION_CARRIERS`), so a
new version alone never changes it. ``check`` fails when the hash of the code
the spec generates differs from the recorded one: that code was never issued
under any version, and ``bump`` gives it the next post-release.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from packaging.version import InvalidVersion, Version

from generator.diagnostics import GeneratorError, error
from generator.release.issued import VERSION_CARRIERS, code_hash, version_carriers

__all__ = [
    "RELEASE_FILE",
    "VERSION_CARRIERS",
    "Release",
    "Semver",
    "bump_for_spec_update",
    "bump_post",
    "code_hash",
    "load_release",
    "read_release",
    "save_release",
    "version_carriers",
    "write_release",
]

RELEASE_FILE = Path("spec") / "release.json"

_HASH = re.compile(r"sha256:[0-9a-f]{64}")
Semver = Literal["major", "minor", "patch"]
"""A version bump, as the API diff decides it (``generator.diff.compare``)."""


@dataclass(frozen=True)
class Release:
    """A package version and the hash of the generated code it was issued for."""

    version: str
    code_hash: str


def _parse_version(text: str) -> Version:
    """A PEP 440 version a package index accepts: no local part, no dev part."""
    version = Version(text)
    if version.local is not None or version.dev is not None:
        raise InvalidVersion(f"{text!r} has a local or dev part, which a release cannot have")
    return version


def bump_post(version: str) -> str:
    """The next post-release of ``version``: 0.41.6 → 0.41.6.post1 → 0.41.6.post2."""
    parsed = _parse_version(version)
    epoch = f"{parsed.epoch}!" if parsed.epoch else ""
    pre = f"{parsed.pre[0]}{parsed.pre[1]}" if parsed.pre else ""
    release = ".".join(str(part) for part in parsed.release)
    return f"{epoch}{release}{pre}.post{(parsed.post or 0) + 1}"


def bump_for_spec_update(current: str, new_spec_version: str, semver: Semver) -> str:
    """The version a spec update issues: the larger of the new ``info.version``
    and ``current`` (post part dropped) bumped at the ``semver`` level.

    >>> bump_for_spec_update("0.41.6", "0.42.0", "minor")
    '0.42.0'
    >>> bump_for_spec_update("0.41.6.post2", "0.41.6", "patch")
    '0.41.7'
    """
    major, minor, patch = (*_parse_version(current).release, 0, 0)[:3]
    bumped = {
        "major": (major + 1, 0, 0),
        "minor": (major, minor + 1, 0),
        "patch": (major, minor, patch + 1),
    }[semver]
    candidate = Version(".".join(str(part) for part in bumped))
    spec_version = _parse_version(new_spec_version)
    return str(max(spec_version, candidate))


def read_release(path: Path) -> Release:
    """The release record in ``path``; bad content is a diagnostic naming the field."""
    name = str(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise GeneratorError(
            [error(name, "", f"cannot read the release record: {exc.strerror}", _CREATE_HINT)]
        ) from None
    except ValueError as exc:
        raise GeneratorError([error(name, "", f"invalid JSON: {exc}", _CREATE_HINT)]) from None
    if not isinstance(data, dict):
        raise GeneratorError([error(name, "", "expected an object", _CREATE_HINT)])
    version, digest = data.get("version"), data.get("code_hash")
    problems = []
    try:
        _parse_version(version if isinstance(version, str) else "")
    except InvalidVersion:
        problems.append(
            error(name, "/version", f"{version!r} is not a PEP 440 release version", _CREATE_HINT)
        )
    if not isinstance(digest, str) or not _HASH.fullmatch(digest):
        problems.append(
            error(name, "/code_hash", f"{digest!r} is not 'sha256:' and 64 hex digits", _BUMP_HINT)
        )
    if problems:
        raise GeneratorError(problems)
    assert isinstance(version, str) and isinstance(digest, str)
    return Release(version, digest)


def write_release(path: Path, release: Release) -> None:
    """Replace ``path`` with ``release`` in one atomic rename."""
    text = json.dumps({"version": release.version, "code_hash": release.code_hash}, indent=1)
    temporary = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    temporary.write_text(text + "\n", encoding="utf-8")
    os.replace(temporary, path)


def load_release(root: Path) -> Release:
    """The release record of the project at ``root`` (``spec/release.json``)."""
    return read_release(root / RELEASE_FILE)


def save_release(root: Path, release: Release) -> None:
    write_release(root / RELEASE_FILE, release)


_CREATE_HINT = 'it holds {"version": "<PEP 440 version>", "code_hash": "sha256:<hex>"}'
_BUMP_HINT = "run `make bump` to record the hash of the generated code"
