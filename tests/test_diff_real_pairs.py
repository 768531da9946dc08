"""``generator diff`` on real spec histories: the verdicts and breaking entries checked by hand.

The pairs, where they come from and why each expected breaking entry is one
are in tests/data/diff-pairs/README.md; ``pairs.json`` holds the expectations.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from .conftest import ROOT

PAIRS = ROOT / "tests" / "data" / "diff-pairs"
MARKDOWN_LIMIT = 60_000
_PAIRS: list[dict[str, Any]] = json.loads((PAIRS / "pairs.json").read_text())["pairs"]


def spec_file(name: str, folder: Path) -> Path:
    """The pair's spec as a file the generator reads (a ``.gz`` one unpacked into ``folder``)."""
    source = PAIRS / name
    if source.suffix != ".gz":
        return source
    target = folder / source.stem
    target.write_bytes(gzip.decompress(source.read_bytes()))
    return target


def run_diff(pair: dict[str, Any], folder: Path) -> tuple[dict[str, Any], str]:
    """The JSON report and the pull-request Markdown of one pair."""
    old, new = spec_file(pair["old"], folder), spec_file(pair["new"], folder)
    overlays = str((PAIRS / pair["overlays"]).resolve()) if "overlays" in pair else None
    if overlays is None:
        empty = folder / "no-overlays"
        empty.mkdir(exist_ok=True)
        overlays = str(empty)
    reports = folder / "reports"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "diff",
            str(old),
            str(new),
            "--overlays",
            overlays,
            "--full-report",
            str(reports),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads((reports / "api-diff.json").read_text()), done.stdout


def _sort_key(entry: dict[str, Any]) -> str:
    return json.dumps(entry, sort_keys=True)


def breaking_entries(report: dict[str, Any]) -> list[dict[str, Any]]:
    found = [
        {
            "section": "wire",
            "kind": c["kind"],
            "where": sorted({p["operation"] for p in c["places"]}),
        }
        for c in report["changes"]
        if c["severity"] == "breaking"
    ]
    found += [
        {"section": "python", "kind": c["kind"], "where": sorted(c["where"]), "member": c["member"]}
        for c in report["python_api"]
        if c["severity"] == "breaking"
    ]
    return sorted(found, key=_sort_key)


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[dict[str, Any], str]]:
    return {p["name"]: run_diff(p, tmp_path_factory.mktemp(p["name"])) for p in _PAIRS}


@pytest.mark.parametrize("pair", _PAIRS, ids=[p["name"] for p in _PAIRS])
def test_real_pair_has_the_verdict_and_version_bump_checked_by_hand(
    reports: dict[str, tuple[dict[str, Any], str]], pair: dict[str, Any]
) -> None:
    report, _ = reports[pair["name"]]
    assert (report["verdict"], report["semver"]) == (pair["verdict"], pair["semver"])


@pytest.mark.parametrize("pair", _PAIRS, ids=[p["name"] for p in _PAIRS])
def test_real_pair_breaking_entries_are_exactly_the_justified_ones(
    reports: dict[str, tuple[dict[str, Any], str]], pair: dict[str, Any]
) -> None:
    report, _ = reports[pair["name"]]
    expected = sorted(
        ({"member": "", **e} if e["section"] == "python" else e for e in pair["breaking"]),
        key=_sort_key,
    )
    for entry in expected:
        entry["where"] = sorted(entry["where"])
    assert breaking_entries(report) == expected


@pytest.mark.parametrize("pair", _PAIRS, ids=[p["name"] for p in _PAIRS])
def test_real_pair_pull_request_markdown_fits_a_comment(
    reports: dict[str, tuple[dict[str, Any], str]], pair: dict[str, Any]
) -> None:
    _, markdown = reports[pair["name"]]
    assert markdown.startswith("### API diff")
    assert len(markdown) <= MARKDOWN_LIMIT
