"""Every Python example in the generated package's README runs, as written.

Each block runs in a fresh interpreter with the environment a user would set,
pointed at the Prism mock server and the local fake IAM instead of IBM Cloud.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT
from .fakes import FaultServer

# Slow: starts Prism (npm). In `make test`, not in `make test-fast`.
pytestmark = pytest.mark.slow

README = ROOT / "generated" / "README.md"
BLOCKS = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)


def _title(block: str) -> str:
    text = README.read_text(encoding="utf-8")
    heading = re.findall(r"^## (.+)$", text[: text.index(block)], re.MULTILINE)
    return heading[-1] if heading else "top"


def test_the_readme_has_an_example_per_feature() -> None:
    titles = {_title(block) for block in BLOCKS}
    assert {
        "Authentication",
        "A first call",
        "Errors",
        "Retries and timeouts",
        "Pagination",
        "Waiting for a job",
        "Raw responses",
        "Escape hatches",
        "Async",
        "Logging",
    } <= titles


@pytest.mark.parametrize("block", BLOCKS, ids=[_title(b) for b in BLOCKS])
def test_the_readme_example_runs(
    block: str, prism_url: str, fake_iam: FaultServer, tmp_path: Path
) -> None:
    script = tmp_path / "example.py"
    script.write_text(block, encoding="utf-8")
    env = {
        **os.environ,
        "QISKIT_IBM_TOKEN": "good-readme-key",
        "QISKIT_IBM_INSTANCE": "crn:v1:bluemix:public:quantum-computing:us-east:a/1::",
        "QISKIT_RUNTIME_API_URL": prism_url,
        "QISKIT_RUNTIME_API_IAM_URL": fake_iam.url,
        "PYTHONPATH": str(ROOT / "generated"),
    }
    done = subprocess.run(
        [sys.executable, str(script)], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert (done.stdout + done.stderr).strip(), "the example showed nothing"
