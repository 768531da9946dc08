"""What the output depends on, and whether ``generated/`` already is that output.

Import-light on purpose (standard library only): ``generate`` and ``check``
consult it first, and when the recorded inputs hash and every recorded file
hash still match, they answer without loading the pipeline at all. The file
digests come from :class:`generator.digests.Digests`, which reads only the
files whose ``stat`` changed since an earlier run.
"""

from __future__ import annotations

import os
import sys

from generator.digests import Digests, sha256

TYPE_CHECKING = False  # typing costs the no-op path milliseconds
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

__all__ = [
    "GENERATOR",
    "GENERATOR_FOLDER",
    "MANIFEST",
    "TEMPLATES",
    "TEMPLATES_FOLDER",
    "already_generated",
    "files_under",
    "ignored",
    "inputs_hash",
    "library_version",
    "manifest_json",
    "overlay_files",
    "recorded_files",
    "up_to_date",
]

GENERATOR_FOLDER = os.path.dirname(os.path.realpath(__file__))
TEMPLATES_FOLDER = os.path.join(os.path.dirname(GENERATOR_FOLDER), "templates")
GENERATOR: Path
"""``GENERATOR_FOLDER`` as a ``Path``, made on first use: ``pathlib`` (and the ``re``
it imports) costs the no-op path milliseconds, so nothing on it imports them."""
TEMPLATES: Path
"""``TEMPLATES_FOLDER`` as a ``Path``, made on first use."""
MANIFEST = ".manifest.json"
# Build outputs and caches that may live in the output folder without being output.
_IGNORED_PARTS = frozenset(
    {"__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache", "dist", "build", ".venv"}
)
# Libraries whose version can change the output for the same inputs.
_OUTPUT_LIBRARIES = ("datamodel-code-generator", "black", "isort", "jinja2")
_OVERLAY_SUFFIXES = (".yaml", ".yml", ".json")


def __getattr__(name: str) -> object:
    if name in ("GENERATOR", "TEMPLATES"):
        from pathlib import Path

        value = Path(GENERATOR_FOLDER if name == "GENERATOR" else TEMPLATES_FOLDER)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def overlay_files(directory: Path | None) -> list[Path]:
    """The overlay documents in ``directory`` (none if it is no folder), by name."""
    from pathlib import Path

    return [Path(path) for path in _overlay_paths(directory)]


def _overlay_paths(directory: str | os.PathLike[str] | None) -> list[str]:
    if directory is None or not os.path.isdir(directory):
        return []
    folder = os.fspath(directory)
    found = []
    for name in os.listdir(folder):
        dot = name.rfind(".")  # Path.suffix: a name's last dot, not its first character
        suffix = name[dot:] if 0 < dot < len(name) - 1 else ""
        path = os.path.join(folder, name)
        if suffix in _OVERLAY_SUFFIXES and os.path.isfile(path):
            found.append(path)
    return sorted(found)


def inputs_hash(
    spec: str | os.PathLike[str],
    overlays: str | os.PathLike[str] | None,
    package: str,
    release: str | os.PathLike[str] | None = None,
    changelog: str | os.PathLike[str] | None = None,
    digests: Digests | None = None,
) -> str:
    """A hash of spec, overlays, release record, changelog, templates, generator code
    and output-shaping library versions: of each file's name and sha256 (from
    ``digests`` when given, else read)."""
    if digests is None:
        digests = Digests(None, "")
    digest = sha256()
    templates, generator = TEMPLATES_FOLDER, GENERATOR_FOLDER
    sources = [os.fspath(spec), *_overlay_paths(overlays)]
    sources += [os.fspath(path) for path in (release, changelog) if path]
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
                names = str(digests.derived(entry or ".", "dist-info", _dist_infos))
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
    from pathlib import Path

    for name in _walk(str(root), _ignored_part):
        yield Path(name)


def recorded_files(
    out: str | os.PathLike[str], wanted_inputs: str, digests: Digests
) -> dict[str, str] | None:
    """The files ``out`` holds, each with its sha256, when they are exactly what these
    inputs generate as its manifest records it (else ``None``)."""
    try:
        manifest = digests.derived(os.path.join(out, MANIFEST), "manifest", _read_manifest)
    except OSError:
        return None
    if type(manifest) is not list or manifest[0] != wanted_inputs:
        return None
    files: dict[str, str] = manifest[1]
    for relative, digest in files.items():
        try:
            if digests.digest(os.path.join(out, relative)) != digest:
                return None
        except OSError:
            return None
    if set(_walk(os.fspath(out), _ignored_part)) != set(files) | {MANIFEST}:
        return None
    return files


def manifest_json(inputs_hash: str, files: dict[str, str]) -> str:
    """The manifest's text: the inputs hash and each generated file's sha256."""
    import json

    return json.dumps({"inputs": inputs_hash, "files": files}, indent=1, sort_keys=True) + "\n"


def _read_manifest(path: str) -> list[object] | None:
    """``[inputs hash, {file: sha256}]`` of the manifest ``path``; ``None`` if it is not
    one, or not byte for byte the one the generator writes (``manifest_json``)."""
    import json  # only when the manifest changed: json imports re

    try:
        with open(path, "rb") as handle:
            text = handle.read().decode("utf-8")
        manifest = json.loads(text)
    except (OSError, ValueError):
        return None
    if not isinstance(manifest, dict):
        return None
    inputs, files = manifest.get("inputs"), manifest.get("files")
    if not isinstance(files, dict) or not files:
        return None
    if not all(isinstance(key, str) and isinstance(value, str) for key, value in files.items()):
        return None
    if not isinstance(inputs, str) or manifest_json(inputs, files) != text:
        return None
    return [inputs, files]


def already_generated(
    out: str | os.PathLike[str],
    spec: str | os.PathLike[str],
    overlays: str | os.PathLike[str] | None,
    package: str,
    release: str | os.PathLike[str] | None,
    changelog: str | os.PathLike[str] | None,
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
