"""datamodel-code-generator's module in black's style (``generator.emit.model_style``).

The rewrite must change no value (the syntax tree stays the same, class docstrings'
whitespace aside, which black changes too), leave black nothing to do, and give
black's very output: the format stage still runs black on it, so the generated
code must be byte-identical to black on the library's own text. Checked on the
library's real modules (the seed's, Blockfrost's from npm), on strings that are
awkward to quote (the patterns of the seed's and the corpus's specs, quotes,
backslashes, control characters, triple quotes), and on field lines around
black's 100 columns.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path
from typing import Any

import black
import isort
import pytest
import yaml

from generator.emit import code
from generator.emit.format import format_python, formatters
from generator.emit.model_style import black_styled, laid_out_line
from generator.emit.models import library_module, models_document
from generator.ir.model import Api
from generator.pipeline import Options, Run, build_ir

from .conftest import ROOT, SEED
from .test_black_style import _AWKWARD as _QUOTED

BLOCKFROST = ROOT / "tests" / "data" / "corpus" / "blockfrost"


def _meaning(source: str) -> str:
    """The module's syntax tree, with each class docstring's lines stripped."""
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and isinstance(node.body[0], ast.Expr):
            first = node.body[0].value
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                lines = first.value.strip().splitlines()
                first.value = "\n".join(line.strip() for line in lines)
    return ast.dump(tree)


def _black(source: str) -> str:
    return black.format_str(source, mode=formatters()[0])


def _check_styled(raw: str) -> str:
    """Asserts what the module's doc promises for the library's module ``raw``."""
    styled = black_styled(raw)
    assert _meaning(styled) == _meaning(raw)
    assert format_python(styled) == format_python(raw)  # the format stage's output
    assert format_python(styled) == isort.code(styled, config=formatters()[1])  # one pass
    return styled


def test_the_seeds_models_module_in_black_style_is_what_black_makes_of_it(seed_api: Api) -> None:
    raw = library_module(models_document(seed_api), seed_api.title)
    styled = _check_styled(raw)
    assert "extra='allow'" in raw  # the library's quotes, which black changes
    assert "extra='allow'" not in styled


@pytest.mark.slow
def test_blockfrosts_models_module_in_black_style_is_what_black_makes_of_it(
    tmp_path: Path,
) -> None:
    options = Options(
        spec=BLOCKFROST / "openapi.yaml",
        overlays=BLOCKFROST / "overlays",
        out=tmp_path / "out",
        package="blockfrost_client",
    )
    api = build_ir(options, Run())
    _check_styled(library_module(models_document(api), api.title))


def _patterns(node: Any, found: set[str]) -> set[str]:
    if isinstance(node, dict):
        if isinstance(node.get("pattern"), str):
            found.add(node["pattern"])
        for value in node.values():
            _patterns(value, found)
    elif isinstance(node, list):
        for value in node:
            _patterns(value, found)
    return found


_AWKWARD = [
    *_QUOTED,  # the strings code.string is held to
    "\x00\x1b[0m",
    "é\u2028\u202e",
    "'''",
    '"""',
    "ends in a quote'",
]
_DOCSTRINGS = [
    "Trailing spaces   \n  and an indented line \n\n",
    '"Starts and ends with quotes"',
    "Ends in a backslash \\",
    "Holds ''' and \"\"\" and \\x00",
    "Tabs\tinside\n\tand leading",
]


def test_awkward_strings_keep_their_values_in_black_quotes() -> None:
    found: set[str] = set()
    for path in [SEED, *sorted((ROOT / "tests" / "data" / "corpus" / "apis-guru").rglob("*.json"))]:
        _patterns(json.loads(path.read_text(encoding="utf-8")), found)
    _patterns(yaml.safe_load((BLOCKFROST / "openapi.yaml").read_text(encoding="utf-8")), found)
    patterns = sorted(found)
    assert len(patterns) > 40 and any("\\x" in pattern for pattern in patterns)
    schemas: dict[str, Any] = {
        "Patterns": {
            "type": "object",
            "properties": {
                f"p{number}": {"type": "string", "pattern": pattern}
                for number, pattern in enumerate(patterns)
            },
        },
        "Awkward": {
            "type": "object",
            "required": ["kind"],
            "properties": {
                # A long line with other than ASCII is left to black (its width is not
                # its length): the Literal's long line holds only ASCII.
                "kind": {"type": "string", "enum": [t for t in _AWKWARD if t.isascii()]},
                **{
                    f"d{number}": {"type": "string", "default": text}
                    for number, text in enumerate(_AWKWARD)
                },
            },
        },
        **{
            f"Doc{number}": {
                "type": "object",
                "description": text,
                "properties": {"x": {"type": "integer"}},
            }
            for number, text in enumerate(_DOCSTRINGS)
        },
    }
    document = {
        "openapi": "3.1.0",
        "info": {"title": "awkward", "version": "1"},
        "paths": {},
        "components": {"schemas": schemas},
    }
    raw = library_module(document, "awkward")
    styled = _check_styled(raw)
    values = [
        node.value
        for node in ast.walk(ast.parse(styled))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]
    assert set(patterns) <= set(values)
    assert set(_AWKWARD) <= set(values)
    for text in _AWKWARD:  # each spelt as code.string spells it
        assert code.string(text) in styled


_FIELD = "    {name}: Annotated[list[Item | Other], Field(max_length=128, min_length=1)]{value}\n"
_VALUES = [" = None", ' = "abc"', " = []", " = {}", " = -1", " = True", "", ' = "' + "x" * 95 + '"']


@pytest.mark.parametrize("value", _VALUES)
@pytest.mark.parametrize("width", range(96, 106))
def test_a_long_field_is_broken_as_black_breaks_it(value: str, width: int) -> None:
    line = _FIELD.format(name="n", value=value)
    name = "n" * max(1, width - len(line.rstrip("\n")) + 1)
    source = "class A(BaseModel):\n" + _FIELD.format(name=name, value=value)
    assert black_styled(source) == _black(source)


@pytest.mark.parametrize(
    "field",
    [
        "kind: Literal['first_value', 'second_value', 'third_value', 'fourth_value', 'fifth'] | None = None",
        "kind: list[Literal['a_first_value', 'a_second_value', 'a_third_value', 'a_fourth_value', 'b']] | Literal['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm'] | None = None",
        "kind: Literal['first_value', 'second_value', 'third_value', 'fourth_value', 'fifth_value', 'sixth']",
        "metadata: Annotated[str | dict[str, Any] | list[Any] | int | float | bool | None, Field(...)]",
        "tools: Annotated[list[ToolsCode | ToolsFileSearch | ToolsFunction], Field(max_length=128, validate_default=True)] = []",
    ],
)
def test_a_long_union_or_literal_field_is_broken_as_black_breaks_it(field: str) -> None:
    source = f'class A(BaseModel):\n    """\n    Doc. \n    """\n    {field}\n'
    styled = black_styled(source)
    assert styled == _black(source)


@pytest.mark.parametrize(
    "header",
    [
        "class Content(RootModel[InputTextContent | InputImageContent | InputFileContent | OutputTextContent]):",
        "class CreateTranslation(RootModel[CreateTranslationResponseJson | CreateTranslationVerboseJson]):",
        "class FineTuneChatCompletionRequestAssistantMessage(AssistantMessage, ChatCompletionMessage):",
    ],
)
def test_a_long_class_header_is_broken_as_black_breaks_it(header: str) -> None:
    source = f"{header}\n    x: int\n"
    assert black_styled(source) == _black(source)


@pytest.mark.parametrize(
    "alias",
    [
        "UtxosRequestAdditionalUtxoSetItemItem: TypeAlias = UtxoSetItemWithIndexAndTxId | UtxoSetItemWithAddress",
        "ApplyPatchOperation: TypeAlias = ApplyPatchCreateFileOperation | ApplyPatchDeleteFileOperation | ApplyPatchUpdate",
        "Pubs: TypeAlias = list[SamplerPubWithCircuitAndParameterValues | SamplerPubWithCircuitOnlyAndShots]",
    ],
)
def test_a_long_type_alias_is_broken_as_black_breaks_it(alias: str) -> None:
    assert laid_out_line(alias) + "\n" == _black(alias)
