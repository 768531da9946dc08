"""Where a ``$ref`` may lead: decided once, on the parsed and normalised reference.

A ``$ref`` is a URI reference, and the generator reads what it names, so it is
an attacker's way to the file system and the network. ``target_of`` parses it
with ``urllib.parse`` (whitespace stripped, scheme lowercased) and says what it
is: a pointer into the same document, a file, or a remote document. Every
other module asks this one, so ``HTTP://``, ``Http://``, `` http://`` and
``//host/x`` are all remote, and ``file:`` or a relative path is a file.

A file may be read only when, symlinks resolved, it lies under the reference
root: the spec's own folder, unless ``--ref-root DIR`` widens it explicitly.
A remote document is read only with ``--allow-remote-refs``, and only over
http or https. Nothing here reads: ``generator.spec.dereference`` does, once
this module has said yes.
"""

from __future__ import annotations

import posixpath
import urllib.parse
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from generator.diagnostics import Diagnostic, error

__all__ = ["RefPolicy", "RefTarget", "is_remote_source", "refusal", "target_of"]

_REMOTE_SCHEMES = frozenset({"http", "https"})


@dataclass(frozen=True)
class RefTarget:
    """What a ``$ref`` names: ``location`` is a resolved path or a normalised URL."""

    kind: Literal["local", "file", "remote"]
    location: str
    fragment: str


@dataclass(frozen=True)
class RefPolicy:
    """What references may reach: files under ``root``; remote documents if allowed."""

    root: Path
    allow_remote: bool = False


def is_remote_source(source: str) -> bool:
    return urllib.parse.urlsplit(source.strip()).scheme.lower() in _REMOTE_SCHEMES


def target_of(ref: str, base: str) -> RefTarget:
    """What ``ref`` names, found in a document whose URL is ``base`` (a remote
    document) or that lies in the folder ``base``."""
    cleaned = ref.strip()
    parts = urllib.parse.urlsplit(cleaned)
    scheme = parts.scheme.lower()
    fragment = urllib.parse.unquote(parts.fragment)
    if not scheme and not parts.netloc and not parts.path and not parts.query:
        return RefTarget("local", "", fragment)
    if scheme == "file":
        if parts.netloc not in ("", "localhost"):
            return RefTarget("remote", urllib.parse.urlunsplit(parts._replace(fragment="")), "")
        return RefTarget("file", str(_resolved(Path(urllib.parse.unquote(parts.path)))), fragment)
    if scheme or parts.netloc:
        url = urllib.parse.urlunsplit(parts._replace(scheme=scheme or "https", fragment=""))
        return RefTarget("remote", url, fragment)
    if is_remote_source(base):
        joined = urllib.parse.urljoin(base, urllib.parse.urlunsplit(parts._replace(fragment="")))
        return RefTarget("remote", joined, fragment)
    path = Path(urllib.parse.unquote(parts.path))
    folder = Path(base)
    return RefTarget(
        "file", str(_resolved(path if path.is_absolute() else folder / path)), fragment
    )


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):  # a symlink loop, a NUL byte
        return Path(posixpath.normpath(str(path)))


def refusal(
    target: RefTarget, ref: str, policy: RefPolicy, name: str, where: str
) -> Diagnostic | None:
    """Why ``target`` may not be read, or ``None`` when it may."""
    if target.kind == "remote":
        scheme = urllib.parse.urlsplit(target.location).scheme
        if policy.allow_remote and scheme in _REMOTE_SCHEMES:
            return None
        hint = "copy the document next to the spec and refer to it by relative path" + (
            ", or pass --allow-remote-refs" if scheme in _REMOTE_SCHEMES else ""
        )
        return error(name, where, f"remote reference {ref!r} refused", hint)
    if target.kind == "file":
        root = _resolved(policy.root)
        if not Path(target.location).is_relative_to(root):
            return error(
                name,
                where,
                f"reference {ref!r} leads outside {root}, the folder references may reach",
                "move the file under the spec's folder, or pass --ref-root DIR to allow "
                "references under DIR",
            )
    return None
