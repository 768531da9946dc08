"""The code the templates render is already in black's style, so the format stage is cheap.

Black formats a piece twice when its first pass changes anything (a second pass
settles trailing commas), and its first pass costs more the more lines it breaks.
These tests count, without timing anything, what black changes in each piece the
format stage gives it: nothing in the templates' pieces of the seed (resources,
client, operations table, params), and next to nothing in a real spec's
(Blockfrost's, from npm). ``models.py`` is datamodel-code-generator's output, which
``generator.emit.model_style`` rewrites in black's style: black changes no line of
its pieces either, for the seed and for Blockfrost.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import isort
import pytest

from generator.emit import code
from generator.emit.format import format_python, formatters, python_pieces
from generator.emit.render import runtime_paths
from generator.pipeline import Options, Run, resolve_and_generate

from .conftest import ROOT

CORPUS = ROOT / "tests" / "data" / "corpus"


def _changed_lines(
    spec: Path, overlays: Path | None, package: str, tmp: Path, models: bool = False
) -> dict[str, int]:
    """Each piece's lines that black (after isort) adds or removes, by ``path#number``,
    for every piece of the templates (``models.py`` left out), or with ``models`` for
    every piece of ``models.py``."""
    options = Options(spec=spec, overlays=overlays, out=tmp / "out", package=package)
    _, _, rendered = resolve_and_generate(options, Run(), formatted=False)
    changed = {}
    for path, number, piece in python_pieces(rendered, runtime_paths(package)):
        if path.endswith("/models.py") != models:
            continue
        sorted_imports = isort.code(piece, config=formatters()[1])
        diff = difflib.unified_diff(
            sorted_imports.splitlines(), format_python(piece).splitlines(), lineterm="", n=0
        )
        changed[f"{path}#{number}"] = sum(
            1 for line in diff if line[:1] in "+-" and not line.startswith(("+++", "---"))
        )
    return changed


SEED = (ROOT / "spec" / "qiskit-runtime-api.json", ROOT / "spec" / "overlays", "qiskit_runtime_api")
BLOCKFROST = (CORPUS / "blockfrost" / "openapi.yaml", CORPUS / "blockfrost" / "overlays")


@pytest.mark.parametrize(
    ("spec", "models", "at_least"),
    [
        # resources, client, operations, params, in pieces
        pytest.param(SEED, False, 21, id="the seed's rendered pieces"),
        # models.py in pieces of about 6,000 characters
        pytest.param(SEED, True, 5, id="the seed's models pieces"),
        pytest.param(
            (*BLOCKFROST, "blockfrost_client"),
            True,
            10,
            id="a real spec's models pieces",
            marks=pytest.mark.slow,
        ),
    ],
)
def test_black_changes_nothing_in_these_pieces(
    spec: tuple[Path, Path, str], models: bool, at_least: int, tmp_path: Path
) -> None:
    changed = _changed_lines(*spec, tmp_path, models=models)
    assert len(changed) >= at_least
    assert {piece: lines for piece, lines in changed.items() if lines} == {}


@pytest.mark.slow
def test_black_changes_next_to_nothing_in_a_real_specs_rendered_pieces(tmp_path: Path) -> None:
    changed = _changed_lines(*BLOCKFROST, "blockfrost_client", tmp_path)
    untouched = [piece for piece, lines in changed.items() if not lines]
    assert len(untouched) >= 0.9 * len(changed), sorted(changed.items(), key=lambda kv: -kv[1])
    assert sum(changed.values()) <= 20, sorted(changed.items(), key=lambda kv: -kv[1])[:5]


_AWKWARD = [
    "",
    "plain",
    "it's",
    'a "b"',
    "both ' and \"",
    "''\"",
    "\\",
    "\\'",
    "x\ny",
    "\x1b[0m",
    "é\u2028",
    '\t\'""',
    "{x}",
]


def test_a_string_literal_is_quoted_as_black_quotes_it() -> None:
    import black

    mode = formatters()[0]
    source = "".join(f"x = {code.string(s)}\n" for s in _AWKWARD)
    assert black.format_str(source, mode=mode) == source
    assert [eval(code.string(s)) for s in _AWKWARD] == _AWKWARD


@pytest.mark.parametrize(
    "text",
    [
        "One line.",
        '  Padded, ends in a quote: "x"',
        "Summary.\n\nBody with trailing spaces   \n  indented more\n\tand a tab",
        "Summary.\n" + "word " * 30 + "end",
        '"Starts with a quote.\n\nArgs:\n    a: b',
    ],
)
def test_a_docstring_is_written_as_black_writes_it(text: str) -> None:
    import black

    body = code.docstring_at(code.docstring(text), 4)
    source = f'class A:\n    """{body}"""\n'
    assert black.format_str(source, mode=formatters()[0]) == source
