"""What the output depends on, and whether ``generated/`` already is that output.

Import-light on purpose (standard library only): ``generate`` and ``check``
consult it first, and when the recorded inputs hash and every recorded file
hash still match, they answer without loading the pipeline at all. The file
digests come from :class:`generator.digests.Digests`, which reads only the
files whose ``stat`` changed since an earlier run.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from generator.digests import Digests

__all__ = [
    "GENERATOR",
    "MANIFEST",
    "TEMPLATES",
    "already_generated",
    "files_under",
    "ignored",
    "inputs_hash",
    "library_version",
    "overlay_files",
    "recorded_files",
    "up_to_date",
]

GENERATOR = Path(__file__).resolve().parent
TEMPLATES = GENERATOR.parent / "templates"
MANIFEST = ".manifest.json"
# Build outputs and caches that may live in the output folder without being output.
_IGNORED_PARTS = frozenset(
    {"__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache", "dist", "build", ".venv"}
)
# Libraries whose version can change the output for the same inputs.
_OUTPUT_LIBRARIES = ("datamodel-code-generator", "black", "isort", "jinja2")


def overlay_files(directory: Path | None) -> list[Path]:
    if directory is None or not directory.is_dir():
        return []
    return sorted(
        p for p in directory.iterdir() if p.suffix in (".yaml", ".yml", ".json") and p.is_file()
    )


def inputs_hash(
    spec: Path,
    overlays: Path | None,
    package: str,
    release: Path | None = None,
    changelog: Path | None = None,
    digests: Digests | None = None,
) -> str:
    """A hash of spec, overlays, release record, changelog, templates, generator code
    and output-shaping library versions: of each file's name and sha256 (from
    ``digests`` when given, else read)."""
    if digests is None:
        digests = Digests(None, "")
    digest = hashlib.sha256()
    templates, generator = str(TEMPLATES), str(GENERATOR)
    sources = [str(spec), *map(str, overlay_files(overlays))]
    sources += [str(path) for path in (release, changelog) if path]
    sources += [os.path.join(templates, name) for name in _walk(templates, _no_pycache)]
    sources += [
        os.path.join(generator, name)
        for name in _walk(generator, _no_pycache)
        if name.endswith(".py")
    ]
    for path in sources:
        digest.update(f"{os.path.basename(path)}\0{digests.digest(path)}\0".encode())
    versions = _versions(_OUTPUT_LIBRARIES, digests)
    for library in _OUTPUT_LIBRARIES:
        digest.update(f"{library}=={versions[library]}".encode())
    digest.update(package.encode())
    return digest.hexdigest()


def _versions(libraries: tuple[str, ...], digests: Digests | None = None) -> dict[str, str]:
    """Each installed version, read from the ``*.dist-info`` folder name (no metadata
    parsing); the first ``sys.path`` entry that has one wins, ``absent`` if none.
    ``digests`` remembers each folder's ``*.dist-info`` names while it is unchanged."""
    found: dict[str, str] = {}
    for entry in sys.path:
        try:
            if digests is None:
                names = _dist_infos(entry or ".")
            else:
                names = digests.derived(entry or ".", "dist-info", _dist_infos)
        except OSError:
            continue
        for name in names.split("/"):
            lowered = name.lower()
            for library in libraries:
                prefix = library.replace("-", "_").lower() + "-"
                if library not in found and lowered.startswith(prefix):
                    found[library] = name[len(prefix) : -len(".dist-info")]
        if len(found) == len(libraries):
            break
    return {library: found.get(library, "absent") for library in libraries}


def _dist_infos(folder: str) -> str:
    """The ``*.dist-info`` names in ``folder``, joined by ``/`` (no name holds one)."""
    try:
        names = os.listdir(folder)
    except NotADirectoryError:
        return ""  # a zip file on sys.path: nothing installed in it
    return "/".join(sorted(name for name in names if name.endswith(".dist-info")))


def _version(library: str) -> str:
    return _versions((library,))[library]


def library_version(library: str) -> str:
    """The installed version of ``library`` (``absent`` when it is not installed)."""
    return _version(library)


def ignored(relative: Path) -> bool:
    return any(_ignored_part(part) for part in relative.parts)


def _ignored_part(name: str) -> bool:
    return name in _IGNORED_PARTS or name.endswith(".egg-info")


def _no_pycache(name: str) -> bool:
    return name == "__pycache__"


def _walk(root: str, skip: Callable[[str], bool]) -> list[str]:
    """The files below ``root`` (symbolic links to files too; no folder reached through
    one) whose path has no part ``skip`` names, relative, sorted part by part."""
    found: list[list[str]] = []
    _visit(root, [], skip, found)
    return [os.path.join(*parts) for parts in sorted(found)]


def _visit(
    folder: str, parts: list[str], skip: Callable[[str], bool], found: list[list[str]]
) -> None:
    try:
        with os.scandir(folder) as scan:
            entries = list(scan)
    except OSError:
        return  # as os.walk: a folder that cannot be listed holds nothing
    for entry in entries:
        if skip(entry.name):
            continue
        if entry.is_dir(follow_symlinks=False):
            _visit(entry.path, [*parts, entry.name], skip, found)
        elif entry.is_file():
            found.append([*parts, entry.name])


def files_under(root: Path) -> Iterator[Path]:
    """Every file below ``root`` but build outputs and caches, relative and sorted."""
    for name in _walk(str(root), _ignored_part):
        yield Path(name)


def recorded_files(out: Path, wanted_inputs: str, digests: Digests) -> dict[str, str] | None:
    """The files ``out`` holds, each with its sha256, when they are exactly what these
    inputs generate as its manifest records it (else ``None``)."""
    try:
        with open(os.path.join(out, MANIFEST), encoding="utf-8") as handle:
            manifest = json.load(handle)
    except (OSError, ValueError):
        return None
    if not isinstance(manifest, dict) or manifest.get("inputs") != wanted_inputs:
        return None
    files = manifest.get("files")
    if not isinstance(files, dict) or not files:
        return None
    for relative, digest in files.items():
        try:
            if digests.digest(os.path.join(out, relative)) != digest:
                return None
        except (OSError, TypeError):
            return None
    if set(_walk(str(out), _ignored_part)) != set(files) | {MANIFEST}:
        return None
    return files


def already_generated(
    out: Path,
    spec: Path,
    overlays: Path | None,
    package: str,
    release: Path | None,
    changelog: Path | None,
    digests: Digests,
) -> str:
    """The inputs hash when ``out`` holds exactly what these inputs generate and its code
    is the code the release record's version was issued for, else ``""`` (an input that
    cannot be read too: the full run says which and why)."""
    from generator.release.issued import issued

    try:
        wanted = inputs_hash(spec, overlays, package, release, changelog, digests)
    except OSError:
        return ""
    files = recorded_files(out, wanted, digests)
    if files is None or not issued(out, release, package, files, digests):
        return ""
    return wanted


def up_to_date(out: Path, wanted_inputs: str, digests: Digests | None = None) -> bool:
    """``out`` holds exactly what these inputs generate, as its manifest records it."""
    if digests is None:
        digests = Digests(None, "")
    return recorded_files(out, wanted_inputs, digests) is not None
