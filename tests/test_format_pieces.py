"""The format stage's pieces after a spec update: the cuts of a module depend on the text
near them, so the update's change is in every piece the format cache does not have, and
the pieces after it are the ones it has (``generator.emit.format.split_module``)."""

from __future__ import annotations

import difflib
from pathlib import Path

import isort
import pytest

from bench.generation import updated_spec
from bench.peers import overlaid_spec
from generator.emit.format import formatters, python_pieces, split_module
from generator.emit.render import runtime_paths
from generator.pipeline import Options, Run, resolve_and_generate

from .conftest import OVERLAYS, ROOT, SEED

BLOCKFROST = ROOT / "tests" / "data" / "corpus" / "blockfrost"


def _rendered(spec: Path, tmp_path: Path, overlays: Path | None = None) -> dict[str, str]:
    """The package's Python files as the format stage is given them."""
    options = Options(spec=spec, overlays=overlays, out=tmp_path / "unused")
    _, _, files = resolve_and_generate(options, Run(), formatted=False)
    return {path: text for path, text in files.items() if path.endswith(".py")}


def _changed_spans(old: str, new: str) -> list[tuple[int, int]]:
    """Where ``new`` differs from ``old``: character ranges of ``new`` (a deletion is the
    empty range where it was)."""
    lines = new.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    matcher = difflib.SequenceMatcher(None, old.splitlines(keepends=True), lines, autojunk=False)
    return [
        (offsets[j1], offsets[j2]) for tag, _, _, j1, j2 in matcher.get_opcodes() if tag != "equal"
    ]


def _pieces_missing_the_change(old: str, new: str) -> list[str]:
    """The pieces of ``new`` that a format cache of ``old``'s pieces lacks although
    no part of the change is in them."""
    known = set(split_module(old))
    spans = _changed_spans(old, new)
    missing, start = [], 0
    for piece in split_module(new):
        end = start + len(piece)
        holds_change = any(
            (s < end and e > start) or (s == e and start <= s <= end) for s, e in spans
        )
        if piece not in known and not holds_change:
            missing.append(piece.split("\n", 1)[0])
        start = end
    return missing


@pytest.mark.parametrize(
    ("spec", "overlays"),
    [(SEED, OVERLAYS), (BLOCKFROST / "openapi.yaml", BLOCKFROST / "overlays")],
    ids=["seed", "blockfrost"],
)
def test_an_update_of_one_schema_reformats_only_the_pieces_that_hold_it(
    spec: Path, overlays: Path, tmp_path: Path
) -> None:
    """The bench's update (one schema's description, one new property) of real specs."""
    before = _rendered(overlaid_spec(spec, overlays, tmp_path / "original.json"), tmp_path)
    after = _rendered(updated_spec(spec, overlays, tmp_path / "new.json"), tmp_path)
    changed = [path for path in after if after[path] != before.get(path)]
    assert changed, "the update changed no module"
    assert any(len(split_module(after[path])) > 5 for path in changed)  # a module in pieces
    for path in changed:
        assert _pieces_missing_the_change(before[path], after[path]) == [], path


_ADDED = (
    '    """\n    Updated in the new release.\n    """\n\n'
    "    bench_added_member: str | None = None\n"
    '    """\n    A member the new release adds.\n    """\n'
)
"""A description and a member, as the bench's update adds them to a model."""


def test_a_class_that_grows_leaves_every_other_piece_as_it_was() -> None:
    """Each class of the seed's models module in turn given the bench's description and
    member: the format cache lacks the piece that holds it, and no other."""
    text = (ROOT / "generated" / "qiskit_runtime_api" / "models.py").read_text(encoding="utf-8")
    known = set(split_module(text))
    assert len(known) > 5
    lines = text.splitlines(keepends=True)
    for number, line in enumerate(lines):
        if line.startswith("class "):
            grown = "".join([*lines[: number + 1], _ADDED, *lines[number + 1 :]])
            missed = [piece for piece in split_module(grown) if piece not in known]
            assert len(missed) == 1, line


@pytest.mark.parametrize(
    ("spec", "overlays"),
    [(SEED, OVERLAYS), (BLOCKFROST / "openapi.yaml", BLOCKFROST / "overlays")],
    ids=["seed", "blockfrost"],
)
def test_isort_gives_back_every_piece_without_the_word_import(
    spec: Path, overlays: Path, tmp_path: Path
) -> None:
    """What lets ``format_python`` leave isort out of such a piece (and unloaded)."""
    files = _rendered(spec, tmp_path, overlays)
    pieces = python_pieces(files, runtime_paths("qiskit_runtime_api"))
    without = [text for _, _, text in pieces if "import" not in text]
    assert len(without) > 50
    config = formatters()[1]
    assert [text[:60] for text in without if isort.code(text, config=config) != text] == []
