"""The committed generated/ is exactly what the spec, overlays and templates produce."""

from __future__ import annotations

import re

from generator.pipeline import inputs_hash
from generator.write import compare_tree

from .conftest import ROOT, seed_options


def test_committed_generated_tree_matches_the_spec(seed_files: dict[str, str]) -> None:
    differences = compare_tree(ROOT / "generated", seed_files, inputs_hash(seed_options()))
    assert [path for path, _, _ in differences] == [], "run `make generate` and commit generated/"


def test_generated_project_has_package_metadata_and_typing_marker(
    seed_files: dict[str, str],
) -> None:
    assert 'name = "qiskit-runtime-api"' in seed_files["pyproject.toml"]
    assert 'dynamic = ["version"]' in seed_files["pyproject.toml"]
    version_module = seed_files["qiskit_runtime_api/_version.py"]
    assert re.search(r'^__version__ = "0\.41\.6(\.post[1-9][0-9]*)?"$', version_module, re.M)
    assert 'API_VERSION = "0.41.6"' in version_module
    assert seed_files["qiskit_runtime_api/py.typed"] == ""
    readme = seed_files["README.md"]
    operation_rows = re.findall(r"^\| (?:GET|POST|PUT|PATCH|DELETE) \|", readme, re.MULTILINE)
    assert len(operation_rows) == 30
    assert "| GET (every page) | `/v1/jobs` | `client.jobs.list_all()` |" in readme
    assert "| GET (polled) | `/v1/jobs/{id}` | `client.jobs.wait()` |" in readme
    assert "| GET | `/v1/jobs/{id}/logs` | `client.jobs.get_logs()` |" in readme
