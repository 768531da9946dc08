"""Distributions: the generated project becomes a wheel and an sdist, checked.

``build_distributions`` runs the ``build`` frontend (sdist first, then the
wheel from the unpacked sdist) into ``<project>/dist``, then proves what a
user will install:

- one wheel and one sdist, both of the release version;
- the wheel holds the package and its ``.dist-info`` only (no tests, no caches);
- the sdist builds the very same wheel again (hatchling builds are reproducible);
- ``twine check --strict`` passes on both (metadata, README rendering).
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from packaging.utils import (
    InvalidSdistFilename,
    InvalidWheelFilename,
    parse_sdist_filename,
    parse_wheel_filename,
)
from packaging.version import Version

__all__ = ["Distributions", "PublishError", "build_distributions", "file_version"]

_CACHE_PARTS = frozenset({"__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache"})


class PublishError(Exception):
    """Building or publishing stopped; the message says why and what to do."""


@dataclass(frozen=True)
class Distributions:
    wheel: Path
    sdist: Path
    version: str

    @property
    def files(self) -> tuple[Path, Path]:
        return (self.wheel, self.sdist)


def file_version(filename: str) -> Version | None:
    """The version in a wheel or sdist file name; None for any other file."""
    try:
        return parse_wheel_filename(filename)[1]
    except InvalidWheelFilename:
        pass
    try:
        return parse_sdist_filename(filename)[1]
    except InvalidSdistFilename:
        return None


def _run(command: list[str], what: str) -> str:
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise PublishError(f"{what} failed:\n{result.stdout}{result.stderr}".rstrip())
    return result.stdout


def _build(source: Path, outdir: Path, *targets: str) -> None:
    command = [sys.executable, "-m", "build", "--no-isolation", *targets, "--outdir"]
    _run([*command, str(outdir), str(source)], f"building {source}")


def _only(folder: Path, pattern: str) -> Path:
    found = sorted(folder.glob(pattern))
    if len(found) != 1:
        names = ", ".join(p.name for p in found) or "none"
        raise PublishError(f"{folder}: expected one {pattern} file, found {names}")
    return found[0]


def _stray_wheel_files(wheel: Path, package: str) -> list[str]:
    """Wheel members that are neither the package's modules nor its metadata."""
    stray = []
    with zipfile.ZipFile(wheel) as archive:
        for name in archive.namelist():
            path = PurePosixPath(name)
            top = path.parts[0]
            if top.endswith(".dist-info"):
                continue
            if (
                top != package
                or _CACHE_PARTS & set(path.parts)
                or path.suffix in {".pyc", ".pyo"}
                or "tests" in path.parts
            ):
                stray.append(name)
    return stray


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _rebuild_from_sdist(sdist: Path, wheel: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="sdist-rebuild-") as folder:
        work = Path(folder)
        with tarfile.open(sdist) as archive:
            archive.extractall(work / "src", filter="data")
        (unpacked,) = (work / "src").iterdir()
        _build(unpacked, work / "out", "--wheel")
        again = _only(work / "out", "*.whl")
        if again.name != wheel.name or _digest(again) != _digest(wheel):
            raise PublishError(
                f"{sdist.name} builds a different wheel ({again.name}) than {wheel.name}: "
                "the sdist lacks a file the wheel has, or the build is not reproducible"
            )


def build_distributions(project: Path, package: str, version: str) -> Distributions:
    """Build, then verify, the wheel and sdist of ``project`` at ``version``."""
    dist = project / "dist"
    shutil.rmtree(dist, ignore_errors=True)
    _build(project, dist)
    built = Distributions(_only(dist, "*.whl"), _only(dist, "*.tar.gz"), version)
    for path in built.files:
        if file_version(path.name) != Version(version):
            raise PublishError(
                f"{path.name} is not version {version} (spec/release.json): regenerate first"
            )
    stray = _stray_wheel_files(built.wheel, package)
    if stray:
        raise PublishError(f"{built.wheel.name} holds files outside the package: {stray}")
    _rebuild_from_sdist(built.sdist, built.wheel)
    _run(
        [sys.executable, "-m", "twine", "check", "--strict", *map(str, built.files)],
        "twine check --strict",
    )
    return built
