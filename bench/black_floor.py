"""The format stage's floor on a spec: black's own time on exactly what it formats.

The design fixes black as the formatter, so a cold run cannot be faster than
black on the output. This generates the spec's package without the format
stage and without waiting for the validator (``generate_unverified``), cuts
its Python files into the pieces the format stage formats (``split_module``,
the runtime left out as ``format_tree`` leaves it), and times isort and then
black's in-process
``format_str`` on each piece, one after the other on one core (CPU time of
this process). The floor on the machine's cores is black's total divided over
them; the longest batch of the format stage's own share-out
(``generator.emit.format._batches``) says what its balance costs above that.

    python -m bench.black_floor SPEC OVERLAYS PACKAGE   # prints JSON
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .report import ROOT, seconds

if TYPE_CHECKING:
    from generator.emit.format import Job

__all__ = ["Floor", "floor_jobs", "measure_floor"]


@dataclass(frozen=True)
class Floor:
    pieces: int
    characters: int
    black: float  # CPU seconds, one core, all pieces
    isort: float
    largest_piece: float  # black's time on the slowest piece
    longest_batch: float  # isort + black on the format stage's largest share
    cores: int

    @property
    def on_cores(self) -> float:
        """black's time divided over the cores: the format stage's floor."""
        return self.black / self.cores

    def shown(self) -> str:
        return (
            f"black's own time on the {self.pieces} pieces the format stage formats "
            f"({self.characters / 1e6:.1f} M characters): {seconds(self.black)} on one core, "
            f"{seconds(self.on_cores)} over {self.cores} cores (isort {seconds(self.isort)} more; "
            f"slowest piece {seconds(self.largest_piece)}; the stage's longest batch "
            f"{seconds(self.longest_batch)})"
        )


def measure_floor(spec: Path, overlays: Path | None, package: str) -> Floor:
    """``Floor`` of ``spec``, measured in a fresh process (caches off)."""
    with tempfile.TemporaryDirectory(prefix="bench-floor-") as name:
        folder = overlays or Path(name) / "no-overlays"
        env = {**os.environ, "QISKIT_RUNTIME_API_GENERATOR_CACHE": "off"}
        command = [sys.executable, "-m", "bench.black_floor", str(spec), str(folder), package]
        result = subprocess.run(
            command, cwd=ROOT, env=env, capture_output=True, text=True, check=False, timeout=1800
        )
    if result.returncode != 0:
        raise RuntimeError(f"bench.black_floor failed: {result.stderr.strip()[-800:]}")
    return Floor(**json.loads(result.stdout))


def floor_jobs(spec: Path, overlays: Path | None, package: str) -> list[Job]:
    """What the format stage gives black for ``spec``'s client: the pipeline's rendered
    files (``formatted=False``, the validator's verdict not awaited: it changes nothing
    that is formatted), cut as ``format_tree`` cuts them, the verbatim runtime left out."""
    from generator.emit.format import python_pieces
    from generator.emit.render import runtime_paths
    from generator.pipeline import Options, Run, generate_unverified

    options = Options(spec=spec, overlays=overlays, out=ROOT / "no-output", package=package)
    _, _, files, unverified = generate_unverified(options, Run(), formatted=False)
    unverified.cancel()
    return python_pieces(files, runtime_paths(package))


def _measure(spec: Path, overlays: Path, package: str) -> Floor:
    import black
    import isort

    from generator.emit.format import _batches, formatters

    jobs = floor_jobs(spec, overlays, package)
    mode, config = formatters()
    spent: dict[tuple[str, int], tuple[float, float]] = {}
    for path, number, piece in jobs:
        started = time.process_time()
        sorted_imports = isort.code(piece, config=config)
        sorted_at = time.process_time()
        black.format_str(sorted_imports, mode=mode)
        spent[path, number] = (sorted_at - started, time.process_time() - sorted_at)
    batches = _batches(jobs)
    return Floor(
        pieces=len(jobs),
        characters=sum(len(piece) for _, _, piece in jobs),
        black=sum(b for _, b in spent.values()),
        isort=sum(i for i, _ in spent.values()),
        largest_piece=max((b for _, b in spent.values()), default=0.0),
        longest_batch=max(
            (sum(sum(spent[path, number]) for path, number, _ in batch) for batch in batches),
            default=0.0,
        ),
        cores=max(len(batches), 1),
    )


if __name__ == "__main__":
    spec_arg, overlays_arg, package_arg = sys.argv[1:4]
    print(json.dumps(asdict(_measure(Path(spec_arg), Path(overlays_arg), package_arg))))
