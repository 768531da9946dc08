"""The new side generated in a forked child (``generator.diff.sides``) gives the very
report that generating both sides in the one process gives, on real spec histories
(tests/data/diff-pairs/README.md says where each spec comes from) and when the new
side fails validation."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from generator.diff import sides
from generator.diff.compare import compare_sides
from generator.diff.report import to_json, to_markdown
from generator.diff.sources import Side

from .conftest import FORMAT_CACHE
from .test_diff_real_pairs import PAIRS, spec_file

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the child is forked on Linux")

_BY_NAME: dict[str, dict[str, Any]] = {
    pair["name"]: pair for pair in json.loads((PAIRS / "pairs.json").read_text())["pairs"]
}


def _reports(old: Side, new: Side, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str, int]:
    """The JSON and Markdown reports, and how many children were forked for them."""
    started: list[sides._Child] = []
    real = sides._Child

    def counted(options: Any) -> sides._Child:
        child = real(options)
        started.append(child)
        return child

    monkeypatch.setattr(sides, "_Child", counted)
    report = compare_sides(old, new, package="api")
    monkeypatch.setattr(sides, "_Child", real)
    return to_json(report), to_markdown(report), len(started)


def _in_one_process(old: Side, new: Side, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    """The reports when no child can be started: both sides generated here, in turn."""

    def refused(options: Any) -> sides._Child:
        raise OSError("no fork")

    with monkeypatch.context() as patch:
        patch.setattr(sides, "_Child", refused)
        report = compare_sides(old, new, package="api")
    return to_json(report), to_markdown(report)


def _sides(name: str, folder: Path) -> tuple[Side, Side]:
    pair = _BY_NAME[name]
    overlays = (PAIRS / pair["overlays"]).resolve() if "overlays" in pair else folder / "none"
    old, new = spec_file(pair["old"], folder), spec_file(pair["new"], folder)
    return Side(str(old), old, overlays), Side(str(new), new, overlays)


@pytest.mark.parametrize("name", ["blockfrost-0.1.86-0.1.92", "twilio-lookups-v2-1.39.1-1.55.0"])
def test_new_side_in_a_child_gives_the_same_report_on_real_pairs(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(FORMAT_CACHE, "off")  # both runs compute everything
    old, new = _sides(name, tmp_path)
    as_json, markdown, children = _reports(old, new, monkeypatch)
    assert children == 1
    assert (as_json, markdown) == _in_one_process(old, new, monkeypatch)
    assert json.loads(as_json)["python_api"]  # the pair's packages were compared


def test_new_side_failing_validation_in_a_child_gives_the_same_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(FORMAT_CACHE, "off")
    old, new = _sides("google-webfonts-v1", tmp_path)
    invalid = json.loads(new.spec.read_text())
    invalid["info"]["termsOfService"] = 5  # not a string: only the validator objects
    bad = tmp_path / "invalid.json"
    bad.write_text(json.dumps(invalid))
    new = Side(str(bad), bad, new.overlays)
    as_json, markdown, children = _reports(old, new, monkeypatch)
    assert children == 1
    assert "fails validation" in markdown
    assert (as_json, markdown) == _in_one_process(old, new, monkeypatch)
