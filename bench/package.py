"""What a user of the published package downloads and waits for: its size and install time.

The generated project is copied and built as ``make build`` builds it (the
sdist, the wheel from it, both verified). Both go on a local pypiserver
(127.0.0.1, a free port) with the client's dependency wheels from ``make
test``'s wheelhouse; each round installs ``qiskit-runtime-api`` into a fresh
venv from that index alone, with no pip cache. Import time has its own
section (``bench.imports``). Issue 5 asks for these figures, not for a bound:
the section judges nothing.

    python -m bench.package [--quick]
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from generator.release.build import build_distributions
from generator.release.version import read_release

from . import cli
from .ours import GENERATED, client_on_path
from .report import ROOT, Section, median, seconds

__all__ = ["measure"]

PACKAGE = "qiskit_runtime_api"
RELEASE = ROOT / "spec" / "release.json"


def _kib(path: Path) -> str:
    return f"{path.stat().st_size / 1024:.1f} KiB"


def measure(quick: bool) -> Section:
    client_on_path()  # tests/ (its local index) imports the committed client
    from tests.package_index import WHEELHOUSE, install_from_index, local_index

    dependencies = sorted(WHEELHOUSE.glob("*.whl"))
    if not dependencies:
        raise RuntimeError(f"no dependency wheels in {WHEELHOUSE}: `make bench` downloads them")
    rounds = 1 if quick else 3
    section = Section("package", "Package: download size and install time")
    with tempfile.TemporaryDirectory(prefix="bench-package-") as folder:
        work = Path(folder)
        project = work / "project"
        shutil.copytree(
            GENERATED, project, ignore=shutil.ignore_patterns("dist", ".*cache", "__pycache__")
        )
        built = build_distributions(project, PACKAGE, read_release(RELEASE).version)
        installs = []
        with local_index(work / "index", seed=[*dependencies, *built.files]) as index:
            for n in range(rounds):
                venv = work / f"venv{n}"
                installs.append(install_from_index(venv, index, "qiskit-runtime-api"))
                shutil.rmtree(venv)
        sizes = section.table(
            f"Built as `make build` builds them (version {built.version}):", "file", "size"
        )
        for path in built.files:
            sizes.add(f"`{path.name}`", _kib(path))
    installed = section.table(
        "`pip install qiskit-runtime-api` into a fresh venv from a local pypiserver holding it "
        f"and its dependencies, no pip cache (median of {rounds}):",
        "install",
        "median",
        "min",
    )
    installed.add(
        "qiskit-runtime-api with httpx and pydantic",
        seconds(median(installs)),
        seconds(min(installs)),
    )
    return section


if __name__ == "__main__":
    cli.main(measure)
