"""Concurrent runs take turns on the output folder, and a run deletes only what it made."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from generator.emit.write import PAUSE_VARIABLE, write_tree

from .conftest import ROOT


def _tree(tag: str) -> dict[str, str]:
    files = {f"pkg/module_{i}.py": f"TAG = {tag!r}\n" for i in range(12)}
    return {"pkg/__init__.py": f"TAG = {tag!r}\n", **files}


def test_two_concurrent_writes_leave_one_whole_tree(tmp_path: Path) -> None:
    out = tmp_path / "generated"
    write_tree(out, _tree("first"), "first")
    code = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from generator.emit.write import write_tree\n"
        "write_tree(Path(sys.argv[1]), json.loads(sys.argv[3]), sys.argv[2])\n"
    )  # the tree comes as JSON: importing tests/ would need the generated package too
    env = {"PYTHONPATH": str(ROOT), PAUSE_VARIABLE: "0.02", "PATH": "/usr/bin:/bin"}
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", code, str(out), tag, json.dumps(_tree(tag))],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for tag in ("a", "b")
    ]
    for run in runs:
        _, stderr = run.communicate(timeout=120)
        assert run.returncode == 0, stderr[-2000:]
    manifest = json.loads((out / ".manifest.json").read_text())
    tag = manifest["inputs"]
    assert tag in ("a", "b")
    written = {str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()}
    assert written == set(_tree(tag)) | {".manifest.json"}
    assert all((out / f).read_text() == text for f, text in _tree(tag).items())
    assert sorted(p.name for p in tmp_path.iterdir()) == [".generated.lock", "generated"]


def test_a_users_folder_named_like_a_temporary_is_left_alone(tmp_path: Path) -> None:
    out = tmp_path / "generated"
    mine = tmp_path / ".generated.tmp-mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me")
    write_tree(out, _tree("x"), "x")
    write_tree(out, _tree("y"), "y")
    assert (mine / "notes.txt").read_text() == "keep me"
