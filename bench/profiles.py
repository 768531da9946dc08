"""Profiles that explain a missed target, summarised for the report.

``profile_module`` and ``profile_call`` run pyinstrument (a sampling profiler:
the call tree, library internals folded, frames under 3% of the time hidden);
``import_profile`` reads ``python -X importtime`` and lists the modules that
cost the most.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

from .report import ROOT

__all__ = ["import_profile", "profile_call", "profile_module"]

_THRESHOLD = 0.03
_MAX_LINES = 45


def _summary(text: str) -> str:
    lines = text.splitlines()
    start = (
        next((i for i, line in enumerate(lines) if line.startswith(("Program:", "Profile at"))), -1)
        + 1
    )
    body = [line for line in lines[start:] if line.strip()]
    body = [
        line for line in body if not line.startswith(("To view this report", "    pyinstrument"))
    ]
    if len(body) > _MAX_LINES:
        body = [*body[:_MAX_LINES], f"... ({len(body) - _MAX_LINES} more lines)"]
    return "\n".join(body)


def profile_module(args: list[str], env: Mapping[str, str] | None = None) -> str:
    """pyinstrument's call tree of ``python -m ARGS`` run in a fresh process from the root."""
    with tempfile.TemporaryDirectory(prefix="bench-profile-") as tmp:
        report = Path(tmp) / "profile.txt"
        command = [
            sys.executable,
            "-m",
            "pyinstrument",
            "-r",
            "text",
            "--no-color",
            "--no-unicode",
            "-p",
            f"processor_options.filter_threshold={_THRESHOLD}",
            "-o",
            str(report),
            "-m",
            *args,
        ]
        result = subprocess.run(
            command,
            cwd=ROOT,
            env=dict(env) if env is not None else None,
            capture_output=True,
            text=True,
            check=False,
        )
        if not report.exists():
            return f"(profile failed: {result.stderr.strip()[-500:]})"
        return _summary(report.read_text(encoding="utf-8"))


def profile_call(work: Callable[[], object]) -> str:
    """pyinstrument's call tree of ``work()`` in this process."""
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.0005)
    profiler.start()
    try:
        work()
    finally:
        profiler.stop()
    return _summary(
        profiler.output_text(
            unicode=False, color=False, processor_options={"filter_threshold": _THRESHOLD}
        )
    )


def import_profile(statement: str, env: Mapping[str, str] | None = None, top: int = 15) -> str:
    """The modules with the most self time under ``python -X importtime -c STATEMENT``."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", statement],
        cwd=ROOT,
        env=dict(env) if env is not None else dict(os.environ),
        capture_output=True,
        text=True,
        check=False,
    )
    rows: list[tuple[int, int, str]] = []
    for line in result.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        own, cumulative, name = line[12:].split("|")
        rows.append((int(own), int(cumulative), name.strip()))
    if not rows:
        return f"(no import times: {result.stderr.strip()[-500:]})"
    total = sum(r[0] for r in rows)
    lines = [f"{len(rows)} modules, {total / 1000:.1f} ms in all (self time); the costliest:"]
    lines.append(f"{'self ms':>8} {'cumulative ms':>14}  module")
    for own_us, cumulative_us, module in sorted(rows, reverse=True)[:top]:
        lines.append(f"{own_us / 1000:8.1f} {cumulative_us / 1000:14.1f}  {module}")
    return "\n".join(lines)
