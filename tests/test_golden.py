"""The committed generated/ is exactly what the spec, overlays and templates produce."""

from __future__ import annotations

import hashlib
import re

import tomllib

from generator.emit.write import compare_tree
from generator.pipeline import inputs_hash

from .conftest import CHANGELOG, ROOT, seed_options

# sha256 of https://www.apache.org/licenses/LICENSE-2.0.txt
OFFICIAL_APACHE_2_0_SHA256 = "cfc7749b96f63bd31c3c42b5c471bf756814053e847c10f3eb003417bc523d30"


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
    assert len(operation_rows) == 31  # 30 operations and the sessions.close preset
    assert "| PATCH | `/v1/sessions/{id}` | `client.sessions.close()` | Close a session |" in readme
    assert "| DELETE | `/v1/sessions/{id}/close` | `client.sessions.cancel()` |" in readme
    assert "| GET (every page) | `/v1/jobs` | `client.jobs.list_all()` |" in readme
    assert "| GET (polled) | `/v1/jobs/{id}` | `client.jobs.wait()` |" in readme
    assert "| GET | `/v1/jobs/{id}/logs` | `client.jobs.get_logs()` |" in readme


def test_generated_project_carries_license_changelog_and_index_metadata(
    seed_files: dict[str, str],
) -> None:
    license_text = seed_files["LICENSE"]
    assert license_text.startswith("\n                                 Apache License\n")
    assert "END OF TERMS AND CONDITIONS" in license_text
    assert hashlib.sha256(license_text.encode()).hexdigest() == OFFICIAL_APACHE_2_0_SHA256
    assert seed_files["CHANGELOG.md"] == CHANGELOG.read_text()
    pyproject = tomllib.loads(seed_files["pyproject.toml"])
    project = pyproject["project"]
    assert project["license"] == "Apache-2.0" and project["license-files"] == ["LICENSE"]
    assert project["requires-python"] == ">=3.10"
    assert sorted(project["dependencies"]) == [
        "httpx>=0.27",
        "pydantic>=2.7",
        "typing-extensions>=4.6.1",
    ]
    assert project["urls"] and project["classifiers"]
    assert pyproject["build-system"]["build-backend"] == "hatchling.build"
    readme = seed_files["README.md"]
    for section in ("## Install", "## Versions", "## License", "## Operations"):
        assert section in readme
    assert "`0.41.6.post1`" in readme
