"""What the output depends on, and whether ``generated/`` already is that output.

Import-light on purpose (standard library only): ``generate`` and ``check``
consult it first, and when the recorded inputs hash and every recorded file
hash still match, they answer without loading the pipeline at all.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

__all__ = [
    "GENERATOR",
    "MANIFEST",
    "TEMPLATES",
    "files_under",
    "ignored",
    "inputs_hash",
    "library_version",
    "overlay_files",
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
) -> str:
    """A hash of spec, overlays, release record, changelog, templates, generator code
    and output-shaping library versions."""
    digest = hashlib.sha256()
    sources = [spec, *overlay_files(overlays)]
    sources += [path for path in (release, changelog) if path]
    sources += sorted(
        p for p in TEMPLATES.rglob("*") if p.is_file() and "__pycache__" not in p.parts
    )
    sources += sorted(p for p in GENERATOR.rglob("*.py") if "__pycache__" not in p.parts)
    for path in sources:
        if not stat.S_ISREG(path.stat().st_mode):  # /dev/zero never ends, a FIFO blocks
            raise OSError(f"{path} is not a regular file")
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    for library in _OUTPUT_LIBRARIES:
        digest.update(f"{library}=={_version(library)}".encode())
    digest.update(package.encode())
    return digest.hexdigest()


def _version(library: str) -> str:
    """The installed version, read from the ``*.dist-info`` folder name (no metadata parsing)."""
    prefix = library.replace("-", "_").lower() + "-"
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.lower().startswith(prefix) and name.endswith(".dist-info"):
                return name[len(prefix) : -len(".dist-info")]
    return "absent"


def library_version(library: str) -> str:
    """The installed version of ``library`` (``absent`` when it is not installed)."""
    return _version(library)


def ignored(relative: Path) -> bool:
    return any(part in _IGNORED_PARTS or part.endswith(".egg-info") for part in relative.parts)


def files_under(root: Path) -> Iterator[Path]:
    """Every file below ``root`` but build outputs and caches, relative and sorted."""
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if path.is_file() and not ignored(relative):
            yield relative


def up_to_date(out: Path, wanted_inputs: str) -> bool:
    """``out`` holds exactly what these inputs generate, as its manifest records it."""
    try:
        manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(manifest, dict) or manifest.get("inputs") != wanted_inputs:
        return False
    files = manifest.get("files")
    if not isinstance(files, dict) or not files:
        return False
    for relative, digest in files.items():
        try:
            data = (out / relative).read_bytes()
        except OSError:
            return False
        if hashlib.sha256(data).hexdigest() != digest:
            return False
    return {str(p) for p in files_under(out)} == set(files) | {MANIFEST}
