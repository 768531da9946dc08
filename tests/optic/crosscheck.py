"""``make diff-crosscheck``: Optic beside ``generator diff`` on the real pairs, every disagreement listed.

For each pair of tests/data/diff-pairs/pairs.json both tools compare the two
specs; the disagreements are the operations one of them calls broken and the
other does not, and a differing verdict. Each one must be listed in the pair's
``optic`` entries with its resolution (a difference of policy, explained in
tests/data/diff-pairs/README.md); one that is not makes the run fail (exit 1).

Optic (``@useoptic/optic``, pinned in tests/optic/package-lock.json) runs with
``--check -v loose -S standard.yml``; its text report is read for the ``x [rule] message``
lines under each ``x METHOD /path`` heading.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
PAIRS = ROOT / "tests" / "data" / "diff-pairs"
OPTIC = ROOT / "tests" / "optic" / "node_modules" / ".bin" / "optic"
STANDARD = ROOT / "tests" / "optic" / "standard.yml"  # its breaking-changes ruleset
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_OPERATION = re.compile(r"^[x✔] ([A-Z]+ \S+?):? ")
_FAILED_RULE = re.compile(r"^\s*x \[([^\]]+)\] (.*)$")


def _spec(name: str, folder: Path) -> Path:
    source = PAIRS / name
    if source.suffix != ".gz":
        return source
    target = folder / source.stem
    target.write_bytes(gzip.decompress(source.read_bytes()))
    return target


def optic_breaking(old: Path, new: Path, folder: Path) -> dict[str, list[str]]:
    """Operation -> the Optic rules it fails (``""`` for findings outside operations)."""
    done = subprocess.run(
        [str(OPTIC), "diff", str(old), str(new), "--check", "-v", "loose", "-S", str(STANDARD)],
        capture_output=True,
        text=True,
        cwd=folder,
        env={**os.environ, "NO_COLOR": "1", "FORCE_COLOR": "0"},
        timeout=900,
        check=False,
    )
    found: dict[str, list[str]] = {}
    operation = ""
    for raw in (done.stdout + done.stderr).splitlines():
        line = _ANSI.sub("", raw)
        heading = _OPERATION.match(line)
        if heading:
            operation = heading.group(1)
            continue
        rule = _FAILED_RULE.match(line)
        if rule:
            found.setdefault(operation, []).append(rule.group(1))
    return found


def ours_breaking(pair: dict[str, Any], old: Path, new: Path, folder: Path) -> dict[str, Any]:
    overlays = PAIRS / pair["overlays"] if "overlays" in pair else folder / "no-overlays"
    overlays.mkdir(exist_ok=True)
    done = subprocess.run(
        [
            *(sys.executable, "-m", "generator", "diff", str(old), str(new)),
            *("--format", "json", "--overlays", str(overlays)),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=900,
        check=True,
    )
    report: dict[str, Any] = json.loads(done.stdout)
    return report


def disagreements(pair: dict[str, Any], folder: Path) -> list[dict[str, str]]:
    old, new = _spec(pair["old"], folder), _spec(pair["new"], folder)
    optic = optic_breaking(old, new, folder)
    report = ours_breaking(pair, old, new, folder)
    ours: dict[str, list[str]] = {}
    for change in report["changes"]:
        if change["severity"] == "breaking":
            for place in change["places"]:
                ours.setdefault(place["operation"], []).append(change["kind"])
    found = []
    for operation in sorted(optic.keys() | ours.keys()):
        if (operation in optic) != (operation in ours):
            found.append(
                {
                    "operation": operation,
                    "optic": ", ".join(sorted(set(optic.get(operation, [])))) or "not breaking",
                    "ours": ", ".join(sorted(set(ours.get(operation, [])))) or "not breaking",
                }
            )
    optic_verdict = "breaking" if optic else "non-breaking"
    if (report["verdict"] == "breaking") != bool(optic):
        found.append({"operation": "(verdict)", "optic": optic_verdict, "ours": report["verdict"]})
    return found


def main() -> int:
    if not OPTIC.exists():
        print(f"error: {OPTIC} missing (make diff-crosscheck installs it with npm ci)")
        return 2
    pairs = json.loads((PAIRS / "pairs.json").read_text(encoding="utf-8"))["pairs"]
    unexplained = 0
    print("| pair | operation | Optic | generator diff | resolution |")
    print("|---|---|---|---|---|")
    for pair in pairs:
        known = {e["operation"]: e["resolution"] for e in pair.get("optic", [])}
        with tempfile.TemporaryDirectory(prefix="crosscheck-") as temporary:
            found = disagreements(pair, Path(temporary))
        if not found:
            print(f"| {pair['name']} | | agree | agree | |")
        for item in found:
            resolution = known.get(item["operation"], "")
            unexplained += not resolution
            print(
                f"| {pair['name']} | `{item['operation']}` | {item['optic']} | {item['ours']} "
                f"| {resolution or '**not explained**'} |"
            )
        for operation in sorted(known.keys() - {i["operation"] for i in found}):
            print(f"| {pair['name']} | `{operation}` | (listed, no longer differs) | | |")
            unexplained += 1
    print(f"\n{unexplained} disagreement(s) without a documented resolution")
    return 1 if unexplained else 0


if __name__ == "__main__":
    sys.exit(main())
