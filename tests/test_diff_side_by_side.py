"""The diff generates its two sides side by side (``generator.diff.generations``):
both validations queued at once, the new side's IR, both renders, the wire
comparison and the surfaces of every module but the models read while the models
worker makes the old side's models, one models worker for both sides, each module
text's surface read once (``SurfaceReader``). None of it may change the report: it is
byte for byte the one the sides generated one after the other give, each through
``generate_unverified`` with its own models worker, every surface read afresh.

The pairs are real releases: Blockfrost 0.1.86, 0.1.92 and 0.1.93
(``@blockfrost/openapi`` on npm, tests/data/diff-pairs/README.md)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.diagnostics import GeneratorError
from generator.diff import compare
from generator.diff.compare import compare_sides
from generator.diff.generations import Built
from generator.diff.report import to_json, to_markdown
from generator.diff.sources import Side
from generator.diff.surface import Surface, SurfaceReader, read_surface
from generator.emit.model_groups import shared_pieces
from generator.pipeline import Options, Run, Unverified, generate_unverified

from .conftest import FORMAT_CACHE, ROOT
from .test_diff_real_pairs import spec_file

BLOCKFROST_OVERLAYS = ROOT / "tests" / "data" / "corpus" / "blockfrost" / "overlays"
PACKAGE = "blockfrost_api"


def _one_after_the_other(
    sides: dict[str, Side],
    package: str,
    pending: dict[str, tuple[Side, Unverified]],
    unvalidated: Callable[[Side, GeneratorError], Built],
    beside: Callable[[dict[str, Built]], None],
) -> dict[str, Built]:
    """The sides as the diff generated them before ``generate_sides``: in turn, each
    through ``generate_unverified`` (its own models worker), nothing done beside."""
    built: dict[str, Built] = {}
    with shared_pieces():
        for key, side in sides.items():
            options = Options(side.spec, side.overlays, side.spec.parent, package)
            try:
                resolved, api, files, unverified = generate_unverified(
                    options, Run(), formatted=False
                )
            except GeneratorError as exc:
                built[key] = unvalidated(side, exc)
                continue
            pending[key] = (side, unverified)
            built[key] = Built(resolved, api, files)
    return built


class _AfreshEachTime(SurfaceReader):
    """A reader that keeps nothing: every module of every package read again."""

    def read(self, files: dict[str, str], package: str) -> Surface:
        return read_surface(files, package)


def _side(name: str, folder: Path) -> Side:
    path = spec_file(f"specs/{name}.yaml.gz", folder)
    return Side(str(path), path, BLOCKFROST_OVERLAYS)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("old", "new"),
    [("blockfrost-0.1.92", "blockfrost-0.1.93"), ("blockfrost-0.1.86", "blockfrost-0.1.92")],
)
def test_the_side_by_side_report_is_the_one_the_sides_made_in_turn_give(
    old: str, new: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(FORMAT_CACHE, "off")  # no stage cache: only the diff's own reuse
    sides = (_side(old, tmp_path), _side(new, tmp_path))
    report = compare_sides(*sides, package=PACKAGE)
    side_by_side = (to_json(report), to_markdown(report))
    assert report.changes and report.python_api  # the pairs change the wire and the API
    monkeypatch.setattr(compare, "generate_sides", _one_after_the_other)
    monkeypatch.setattr(compare, "SurfaceReader", _AfreshEachTime)
    in_turn = compare_sides(*sides, package=PACKAGE)
    assert side_by_side == (to_json(in_turn), to_markdown(in_turn))
