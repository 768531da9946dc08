"""Wall time, CPU time and peak memory of one command, measured by a wrapper process per run.

``run_measured(cmd)`` starts ``python bench/measure.py -- cmd``: the wrapper
times the command around its own ``subprocess.run`` (so the wrapper's start-up
is not counted) and reads ``getrusage(RUSAGE_CHILDREN)``: its CPU time, the command's and
its descendants' that were waited for; its ``ru_maxrss``, which, in a
fresh wrapper, is the peak resident memory of the largest process the command
ran (the command itself, or a helper it started such as ruff). It is
stdlib-only so that it runs under any interpreter.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["ProcessRun", "run_measured"]

_HERE = Path(__file__).resolve()


@dataclass(frozen=True)
class ProcessRun:
    seconds: float
    peak_mib: float
    returncode: int
    stdout: str
    stderr: str
    cpu_seconds: float = float("nan")
    """User and system CPU of the command and every process it started and waited for
    (its forked workers among them)."""

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def first_error(self) -> str:
        """The first line of stderr that says what went wrong, for a failed run."""
        lines = [line.strip() for line in self.stderr.splitlines() if line.strip()]
        for line in lines:
            if line.lower().startswith(("error", "traceback")) or "Error" in line.split(":")[0]:
                return line
        return lines[0] if lines else f"exit status {self.returncode}"


def run_measured(
    command: Sequence[str | os.PathLike[str]],
    *,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    timeout: float = 900,
) -> ProcessRun:
    wrapper = [sys.executable, str(_HERE), "--timeout", str(timeout), "--", *map(str, command)]
    result = subprocess.run(
        wrapper,
        cwd=cwd,
        env=dict(env) if env is not None else None,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"the measuring wrapper failed: {result.stderr.strip()}")
    data = json.loads(result.stdout)
    return ProcessRun(
        seconds=data["seconds"],
        peak_mib=data["maxrss_kib"] / 1024,
        returncode=data["returncode"],
        stdout=data["stdout"],
        stderr=data["stderr"],
        cpu_seconds=data["cpu_seconds"],
    )


def _wrapper_main(argv: list[str]) -> int:
    timeout = float(argv[argv.index("--timeout") + 1])
    command = argv[argv.index("--") + 1 :]
    started = time.perf_counter()
    try:
        child = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        returncode, stdout, stderr = child.returncode, child.stdout, child.stderr
    except subprocess.TimeoutExpired as exc:
        returncode = -9
        stdout = exc.stdout.decode() if isinstance(exc.stdout, bytes) else exc.stdout or ""
        stderr = f"error: timed out after {timeout:.0f} s\n"
    elapsed = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    json.dump(
        {
            "seconds": elapsed,
            "maxrss_kib": usage.ru_maxrss,
            "cpu_seconds": usage.ru_utime + usage.ru_stime,
            "returncode": returncode,
            "stdout": stdout,
            "stderr": stderr,
        },
        sys.stdout,
    )
    return 0


if __name__ == "__main__":
    sys.exit(_wrapper_main(sys.argv[1:]))
