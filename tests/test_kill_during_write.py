"""Nothing lost: a generator killed (SIGKILL) during the write leaves the old tree or the new one.

The write stage sleeps after each file when ``GENERATOR_TEST_WRITE_PAUSE`` is
set and says on stderr when it starts; the test kills the process at points
spread over the write, then compares the output folder byte for byte.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.emit.write import PAUSE_VARIABLE

from .conftest import ROOT
from .test_cli import tree_digest

PAUSE = 0.04  # seconds per file; the seed writes 24 files, about 1 s in all
KILL_AFTER = [0.0, 0.2, 0.6, 1.5]


@pytest.fixture(scope="module")
def fresh_tree(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("fresh") / "generated"
    result = subprocess.run(
        [sys.executable, "-m", "generator", "generate", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return tree_digest(out)


@pytest.mark.parametrize("delay", KILL_AFTER)
def test_a_kill_during_the_write_leaves_the_old_tree_or_the_new_one_never_a_mix(
    delay: float, generated_copy: Path, fresh_tree: dict[str, str]
) -> None:
    version = generated_copy / "qiskit_runtime_api" / "_version.py"
    version.write_text(version.read_text() + "# the old tree\n")  # old and new differ
    before = tree_digest(generated_copy)
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "generate", "--out", str(generated_copy)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, PAUSE_VARIABLE: str(PAUSE)},
    )
    try:
        assert process.stderr is not None
        deadline = time.monotonic() + 300
        for line in process.stderr:
            if line.startswith("write: started") or time.monotonic() > deadline:
                break
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=60)
        if process.stderr is not None:
            process.stderr.close()
    after = tree_digest(generated_copy)
    assert after in (before, fresh_tree)
    if delay < PAUSE * 20:  # killed while files were still being written
        assert after == before


def test_the_next_run_after_a_kill_removes_the_half_written_temporary(
    generated_copy: Path,
) -> None:
    stale = generated_copy.parent / f".{generated_copy.name}.tmp-99999999"
    (stale / "qiskit_runtime_api").mkdir(parents=True)
    (stale / "qiskit_runtime_api" / "models.py").write_text("half")
    (stale / ".generator-run").write_text("99999999")  # the killed run's marker: no such pid
    result = subprocess.run(  # --force: an up-to-date tree would skip the write stage
        [sys.executable, "-m", "generator", "generate", "--force", "--out", str(generated_copy)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert not stale.exists()
