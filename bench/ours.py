"""Our generator as a maintainer runs it (``python -m generator`` in a fresh
process), and the client it generated (``generated/``).

The CLI prints one timed line per stage (``format    2814.3 ms``); ``stages``
reads them back. Timed generations are full ones: they write into a new folder,
which has no recorded input hash to short-cut on, and pass ``--force`` when the
CLI offers it. They also run without the format cache (``cold_format_cache``),
so that black's whole cost is measured; the generation benchmark times the
cached path separately.
"""

from __future__ import annotations

import functools
import os
import re
import subprocess
import sys
from pathlib import Path

from .report import ROOT, seconds

__all__ = [
    "FORMAT_CACHE",
    "GENERATED",
    "SEED",
    "SEED_OVERLAYS",
    "TINY",
    "client_on_path",
    "cold_format_cache",
    "generator_command",
    "stages",
    "with_format_cache",
]

SEED = ROOT / "spec" / "qiskit-runtime-api.json"
SEED_OVERLAYS = ROOT / "spec" / "overlays"
TINY = ROOT / "bench" / "tiny-spec.json"
GENERATED = ROOT / "generated"
FORMAT_CACHE = "QISKIT_RUNTIME_API_GENERATOR_CACHE"

# "format    2814.3 ms", or "validate   2357.5 ms  (beside the stages after it)".
_STAGE_LINE = re.compile(r"^\s*([A-Za-z][\w .()/-]*?)\s+(\d+(?:\.\d+)?)\s*ms(?:\s+\((.+)\))?\s*$")


@functools.cache
def _accepts_force() -> bool:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "generate", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return "--force" in result.stdout


def cold_format_cache() -> None:
    """Turn the generator's format cache off for every process the benchmarks start."""
    os.environ[FORMAT_CACHE] = "off"


def with_format_cache(folder: Path) -> dict[str, str]:
    """The environment of a generator run that keeps its format cache in ``folder``."""
    return {**os.environ, FORMAT_CACHE: str(folder)}


def client_on_path() -> None:
    """Make the committed client, ``generated/qiskit_runtime_api``, importable."""
    if str(GENERATED) not in sys.path:
        sys.path.insert(0, str(GENERATED))


def generator_command(
    command: str, spec: Path, overlays: Path | None, out: Path, package: str, *, full: bool = True
) -> list[str]:
    """``python -m generator COMMAND`` on ``spec``; ``full`` asks for a complete generation."""
    args = [sys.executable, "-m", "generator", command, "--spec", str(spec)]
    # A folder that does not exist means "no overlays" to the generator.
    args += ["--overlays", str(overlays or out.parent / "no-overlays")]
    args += ["--out", str(out), "--package-name", package]
    if command == "generate" and full and _accepts_force():
        args.append("--force")
    return args


def stages(stdout: str) -> dict[str, float]:
    """Seconds per stage, from the CLI's ``name  12.3 ms`` lines."""
    return {
        match.group(1).strip(): float(match.group(2)) / 1000
        for match in map(_STAGE_LINE.match, stdout.splitlines())
        if match
    }


def stage_notes(stdout: str) -> dict[str, str]:
    """The stages whose line carries a note, such as one that runs beside the others."""
    return {
        match.group(1).strip(): match.group(3)
        for match in map(_STAGE_LINE.match, stdout.splitlines())
        if match and match.group(3)
    }


def largest(timings: dict[str, float], count: int = 3) -> str:
    """The ``count`` costliest stages, as ``"format 3.72 s, models 733.2 ms, ..."``."""
    top = sorted(timings.items(), key=lambda item: item[1], reverse=True)[:count]
    return ", ".join(f"{name} {seconds(value)}" for name, value in top)
