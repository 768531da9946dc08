"""The diff's new side takes the old side's models (``model_groups.shared_pieces``):
with the stage cache off, datamodel-code-generator runs on the old side's whole
models document and on the new side only on the groups of schemas the update
touches, and the report is the one two separate generations give."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

import pytest

from generator.diff import compare, generations
from generator.diff.compare import compare_sides
from generator.diff.report import to_json, to_markdown
from generator.diff.sources import Side
from generator.emit import model_groups

from .conftest import FORMAT_CACHE, ROOT
from .test_diff_real_pairs import spec_file

BLOCKFROST_OVERLAYS = ROOT / "tests" / "data" / "corpus" / "blockfrost" / "overlays"


def _sides(folder: Path) -> tuple[Side, Side]:
    """Blockfrost 0.1.92 and 0.1.93 (``@blockfrost/openapi`` on npm, tests/data/diff-pairs)."""
    old = spec_file("specs/blockfrost-0.1.92.yaml.gz", folder)
    new = spec_file("specs/blockfrost-0.1.93.yaml.gz", folder)
    return Side(str(old), old, BLOCKFROST_OVERLAYS), Side(str(new), new, BLOCKFROST_OVERLAYS)


def _reports(report: compare.Report) -> tuple[str, str]:
    return to_json(report), to_markdown(report)


@pytest.mark.slow
def test_the_new_side_runs_datamodel_code_generator_only_on_the_groups_the_update_touches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(FORMAT_CACHE, "off")  # no stage cache: only the diff's own sharing
    given: list[list[str]] = []
    library_run, library_ask = model_groups._run, model_groups._ask

    def counted(document: dict[str, Any], title: str) -> tuple[str, list[str]]:
        given.append(list(document["components"]["schemas"]))
        return library_run(document, title)

    def counted_ask(document: dict[str, Any], title: str) -> model_groups.Asked:
        given.append(list(document["components"]["schemas"]))
        return library_ask(document, title)

    monkeypatch.setattr(model_groups, "_run", counted)  # the library's runs, asked and read
    monkeypatch.setattr(model_groups, "_ask", counted_ask)  # at once, or read later
    old, new = _sides(tmp_path)
    shared = _reports(compare_sides(old, new, package="blockfrost_api"))
    assert len(given) == 2
    whole, changed = given
    assert len(whole) > 150
    assert 0 < len(changed) < len(whole) / 2  # the groups of the schemas 0.1.93 changed
    given.clear()
    monkeypatch.setattr(generations, "shared_pieces", contextlib.nullcontext)
    separate = _reports(compare_sides(old, new, package="blockfrost_api"))
    assert len(given[1]) > len(whole) / 2  # each side its whole models document
    assert shared == separate
