"""The format stage: black and isort, shared between cores, and a runtime that needs none."""

from __future__ import annotations

import pytest

from generator.diagnostics import GeneratorError
from generator.fmt import format_files, format_python
from generator.inputs import TEMPLATES

RUNTIME = sorted((TEMPLATES / "runtime").glob("*.py"))


@pytest.mark.parametrize("path", RUNTIME, ids=[p.name for p in RUNTIME])
def test_the_verbatim_runtime_is_already_formatted(path: object) -> None:
    text = path.read_text(encoding="utf-8")  # type: ignore[attr-defined]
    assert format_python(text) == text, "run `ruff format templates/runtime`"


def test_files_are_formatted_across_workers_and_verbatim_ones_are_left_alone() -> None:
    files = {f"m{n}.py": f"import os\nimport abc\nx = ( {n} )\n" for n in range(6)}
    files["keep.py"] = "x = ( 1 )\n"
    files["data.json"] = "{ }"
    result = format_files(files, verbatim=["keep.py"])
    assert result["m3.py"] == "import abc\nimport os\n\nx = 3\n"
    assert result["keep.py"] == "x = ( 1 )\n" and result["data.json"] == "{ }"


def test_code_that_does_not_parse_names_its_file() -> None:
    with pytest.raises(GeneratorError) as caught:
        format_files({"ok.py": "x = 1\n", "bad.py": "def (:\n"})
    assert "bad.py: generated code does not parse" in caught.value.diagnostics[0].message
