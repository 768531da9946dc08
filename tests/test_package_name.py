"""``--package-name`` becomes a folder and an import: anything but an identifier is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.emit.write import write_tree

from .test_cli import run_cli
from .tiny_spec import base, write_spec


@pytest.mark.parametrize("name", ["../x", "import", "a-b", "1st", "a/b", "", "x y"])
def test_a_package_name_that_is_not_an_importable_identifier_is_refused_with_exit_2(
    tmp_path: Path, name: str
) -> None:
    spec = write_spec(tmp_path / "in" / "spec.json", base())
    (tmp_path / "in" / "none").mkdir()
    out = tmp_path / "in" / "out"
    result = run_cli(
        "generate", "--spec", str(spec), "--overlays", str(tmp_path / "in" / "none"),
        "--out", str(out), "--package-name", name,
    )  # fmt: skip
    assert result.returncode == 2, result.stdout[-2000:]
    assert "--package-name" in result.stderr and "identifier" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["in", "none", "spec.json"]


def test_the_write_stage_refuses_a_file_path_that_leaves_the_output_folder(
    tmp_path: Path,
) -> None:
    for relative in ("../escaped.py", "/tmp/escaped.py", "a/../../escaped.py"):
        with pytest.raises(ValueError, match="leaves the output folder"):
            write_tree(tmp_path / "out", {relative: "x = 1\n"}, "hash")
    assert list(tmp_path.iterdir()) == []
