"""Import time: ``import qiskit_runtime_api`` against ``import httpx, pydantic``.

Each sample is a fresh interpreter (``PYTHONPATH=generated``) that times its
own import statement with ``perf_counter``, so interpreter start-up is left
out; the two statements alternate, median of 15 each.

    python -m bench.imports [--quick]
"""

from __future__ import annotations

import os
import subprocess
import sys

from . import cli
from .ours import GENERATED
from .report import ROOT, Section, median, seconds

__all__ = ["measure"]

TARGET = 1.5
STATEMENTS = {
    "import qiskit_runtime_api": "import qiskit_runtime_api",
    "import httpx, pydantic": "import httpx, pydantic",
}
_TIMER = "import time; t = time.perf_counter(); {0}; print(time.perf_counter() - t)"


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(GENERATED)
    return env


def _time_import(statement: str) -> float:
    result = subprocess.run(
        [sys.executable, "-c", _TIMER.format(statement)],
        cwd=ROOT,
        env=_environment(),
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"`{statement}` failed: {result.stderr.strip()[-500:]}")
    return float(result.stdout)


def measure(quick: bool) -> Section:
    rounds = 1 if quick else 15
    section = Section("imports", "Import time: `import qiskit_runtime_api`")
    samples: dict[str, list[float]] = {label: [] for label in STATEMENTS}
    for _ in range(rounds + 1):  # the first round warms the .pyc files up, and is dropped
        for label, statement in STATEMENTS.items():
            samples[label].append(_time_import(statement))
    base = median(samples["import httpx, pydantic"][1:])
    table = section.table(
        f"Fresh interpreter each, in-process timer (median of {rounds}, alternating):",
        "statement",
        "median",
        "min",
        "× `import httpx, pydantic`",
    )
    for label, times in samples.items():
        kept = times[1:]
        table.add(
            f"`{label}`", seconds(median(kept)), seconds(min(kept)), f"{median(kept) / base:.2f}×"
        )
    ratio = median(samples["import qiskit_runtime_api"][1:]) / base
    section.notes.append(
        f"`import qiskit_runtime_api` takes {ratio:.2f}× `import httpx, pydantic` (a figure the "
        f"performance issue does not bound; it was held to {TARGET}× before)."
    )
    return section


if __name__ == "__main__":
    cli.main(measure)
