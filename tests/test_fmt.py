"""The format stage: black and isort, shared between cores, and a runtime that needs none."""

from __future__ import annotations

import warnings

import pytest

from generator.diagnostics import GeneratorError
from generator.emit.format import format_files, format_python, split_module
from generator.emit.models import render_models
from generator.inputs import TEMPLATES
from generator.ir.model import Api

RUNTIME = sorted((TEMPLATES / "runtime").glob("*.py")) + sorted((TEMPLATES / "extras").glob("*.py"))


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


def test_a_module_formatted_in_pieces_is_what_black_makes_of_it_whole(seed_api: Api) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        source = render_models(seed_api)
    assert len(split_module(source, 3000)) > 10
    pieces = format_files({"models.py": source}, piece_size=3000)["models.py"]
    assert pieces == format_python(source)


def test_a_module_is_not_cut_between_a_comment_or_decorator_and_its_class() -> None:
    text = "x = 1\n\n# about A\nclass A:\n    pass\n\n@decorate\nclass B:\n    pass\n\nclass C:\n    pass\n"
    pieces = split_module(text, 1)
    assert pieces == [
        "x = 1\n\n# about A\nclass A:\n    pass\n\n@decorate\nclass B:\n    pass\n\n",
        "class C:\n    pass\n",
    ]
