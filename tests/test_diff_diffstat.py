"""The diff's diffstat formats only what differs, and counts what the formatted packages differ by.

``generator diff`` reads both packages as rendered (``formatted=False``) and
formats only the pieces of code that are not on both sides; these tests hold
its diffstat to the one of the two packages ``generate`` writes, on the real
spec histories of tests/data/diff-pairs (sources and licenses in its README).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diff.diffstat import diffstat, rendered_diffstat
from generator.emit.format import format_pieces, format_python, split_module
from generator.emit.render import runtime_paths
from generator.pipeline import Options, Run, resolve_and_generate

from .conftest import ROOT
from .test_diff_real_pairs import _PAIRS, PAIRS, spec_file

PACKAGE = "diffstat_api"
_BY_NAME = {pair["name"]: pair for pair in _PAIRS}


def _trees(spec: Path, overlays: Path, out: Path) -> tuple[dict[str, str], dict[str, str]]:
    """(rendered, formatted) files of the package generated from ``spec``."""
    options = Options(spec=spec, overlays=overlays, out=out, package=PACKAGE)
    _, _, rendered = resolve_and_generate(options, Run(), formatted=False)
    _, _, formatted = resolve_and_generate(options, Run())
    return rendered, formatted


def _rendered_diffstat(
    old: dict[str, str], new: dict[str, str], seen: list[str] | None = None
) -> object:
    def formatter(texts: list[str]) -> list[str]:
        if seen is not None:
            seen.extend(texts)
        return format_pieces(texts)

    return rendered_diffstat(
        old,
        new,
        verbatim=runtime_paths(PACKAGE),
        split=lambda text: split_module(text, 0),
        format_pieces=formatter,
    )


@pytest.mark.parametrize(
    "name", ["blockfrost-0.1.92-0.1.93", "twilio-lookups-v2-1.39.1-1.55.0", "google-webfonts-v1"]
)
def test_the_diffs_diffstat_is_the_diffstat_of_the_formatted_packages(
    name: str, tmp_path: Path
) -> None:
    pair = _BY_NAME[name]
    if "overlays" in pair:
        overlays = (PAIRS / pair["overlays"]).resolve()
    else:
        overlays = tmp_path / "no-overlays"
        overlays.mkdir()
    old_rendered, old_formatted = _trees(spec_file(pair["old"], tmp_path), overlays, tmp_path)
    new_rendered, new_formatted = _trees(spec_file(pair["new"], tmp_path), overlays, tmp_path)
    expected = diffstat(old_formatted, new_formatted)
    assert expected.files, f"{name}: the pair changes no generated file"
    assert _rendered_diffstat(old_rendered, new_rendered) == expected


def test_a_one_property_change_formats_only_the_class_it_touches(tmp_path: Path) -> None:
    # Its one change: a response field added (and info.version, in a few module headers).
    pair = _BY_NAME["blockfrost-0.1.92-0.1.93"]
    overlays = (PAIRS / pair["overlays"]).resolve()
    old, _ = _trees(spec_file(pair["old"], tmp_path), overlays, tmp_path)
    new, _ = _trees(spec_file(pair["new"], tmp_path), overlays, tmp_path)
    seen: list[str] = []
    _rendered_diffstat(old, new, seen)
    whole = sum(len(split_module(t, 0)) for p, t in new.items() if p.endswith(".py"))
    assert 0 < len(seen) <= 8, f"formatted {len(seen)} of {whole} pieces"
    python = sum(len(t) for p, t in new.items() if p.endswith(".py"))
    assert sum(len(text) for text in seen) < python / 10


def test_a_module_formatted_a_class_at_a_time_is_the_module_formatted_whole(
    tmp_path: Path,
) -> None:
    spec = ROOT / "spec" / "qiskit-runtime-api.json"
    options = Options(spec=spec, overlays=ROOT / "spec" / "overlays", out=tmp_path)
    _, _, rendered = resolve_and_generate(options, Run(), formatted=False)
    verbatim = set(runtime_paths(options.package))
    for path, text in rendered.items():
        if not path.endswith(".py") or path in verbatim:
            continue
        pieces = split_module(text, 0)
        joined = "\n\n\n".join(p.strip("\n") for p in format_pieces(pieces)) + "\n"
        assert joined == format_python(text), path
