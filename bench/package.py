"""What a user of the published package pays: wheel size, install time, import time.

    .venv/bin/python -m bench.package      (after `make build` and `make test`'s wheelhouse)

The wheel and sdist of ``generated/dist`` are put on a local pypiserver with
the client's dependencies; each round installs ``qiskit-runtime-api`` into a
fresh venv from that index alone (no cache), then times ``import
qiskit_runtime_api`` in new interpreters. Medians, as the machine is shared.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.conftest import ROOT
from tests.package_index import WHEELHOUSE, install_from_index, local_index

__all__ = ["main"]


def _import_ms(python: Path, modules: str, runs: int) -> tuple[float, float]:
    """Median wall and CPU milliseconds of ``import <modules>`` in a new interpreter."""
    timed = (
        "import time; w = time.perf_counter(); c = time.process_time(); "
        f"import {modules}; print(time.perf_counter() - w, time.process_time() - c)"
    )
    walls, cpus = [], []
    for _ in range(runs):
        result = subprocess.run(
            [str(python), "-c", timed], capture_output=True, text=True, check=True
        )
        wall, cpu = map(float, result.stdout.split())
        walls.append(wall * 1000)
        cpus.append(cpu * 1000)
    return statistics.median(walls), statistics.median(cpus)


def main(rounds: int = 3, import_runs: int = 21) -> None:
    dist = ROOT / "generated" / "dist"
    wheels = sorted(dist.glob("*.whl"))
    if len(wheels) != 1:
        sys.exit("run `make build` first: generated/dist must hold one wheel")
    print(f"wheel {wheels[0].name}: {wheels[0].stat().st_size / 1024:.1f} KiB")
    with tempfile.TemporaryDirectory(prefix="bench-package-") as folder:
        work = Path(folder)
        seed = [*WHEELHOUSE.glob("*.whl"), *dist.iterdir()]
        installs = []
        with local_index(work / "index", seed=seed) as index:
            for n in range(rounds):
                venv = work / f"venv{n}"
                installs.append(install_from_index(venv, index, "qiskit-runtime-api"))
                if n:
                    shutil.rmtree(venv)
        python = work / "venv0" / "bin" / "python"
        package = _import_ms(python, "qiskit_runtime_api", import_runs)
        floor = _import_ms(python, "httpx, pydantic", import_runs)
    print(
        f"install into a fresh venv from the local index, no pip cache: "
        f"median {statistics.median(installs):.2f} s of {rounds}"
    )
    for what, (wall, cpu) in (("qiskit_runtime_api", package), ("httpx, pydantic", floor)):
        print(f"import {what}: median {wall:.0f} ms wall, {cpu:.0f} ms CPU of {import_runs} runs")


if __name__ == "__main__":
    main()
