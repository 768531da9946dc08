"""Spec text reaches generated files only through ``generator.emit.code`` and ``.markdown``."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator.emit import code, markdown
from generator.emit.render import markdown_environment, python_environment, toml_environment
from generator.inputs import GENERATOR

from .test_cli import run_cli
from .tiny_spec import base

_ESCAPED = {"Code", "Name", "DocText", "Markdown"}
_ESCAPERS = {GENERATOR / "emit" / "code.py", GENERATOR / "emit" / "markdown.py"}


def _escaped_types_bound(tree: ast.Module) -> set[str]:
    """The names a module binds to the escaped types (``from ...code import Name``)."""
    bound = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module in (
            "generator.emit.code",
            "generator.emit.markdown",
        ):
            bound |= {a.asname or a.name for a in node.names if a.name in _ESCAPED}
    return bound


def test_escaped_types_are_made_only_by_the_escapers() -> None:
    made_elsewhere = []
    for path in sorted(GENERATOR.rglob("*.py")):
        if path in _ESCAPERS:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        bound = _escaped_types_bound(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            direct = isinstance(func, ast.Name) and func.id in bound
            dotted = (
                isinstance(func, ast.Attribute)
                and func.attr in _ESCAPED
                and isinstance(func.value, ast.Name)
                and func.value.id in ("code", "markdown")
            )
            if direct or dotted:
                made_elsewhere.append(f"{path}:{node.lineno}")
    assert made_elsewhere == []


def test_the_generators_markdown_around_spec_text_is_a_constant_in_its_source() -> None:
    """``compose``'s template is the generator's text: spec text can only be a part."""
    calls = 0
    for path in sorted(GENERATOR.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            func = getattr(node, "func", None)
            if isinstance(node, ast.Call) and getattr(func, "id", getattr(func, "attr", "")) == (
                "compose"
            ):
                calls += 1
                first = node.args[0]
                assert isinstance(first, ast.Constant) and isinstance(first.value, str), (
                    f"{path}:{node.lineno}"
                )
    assert calls > 20


def test_a_python_template_cannot_print_plain_text() -> None:
    env = python_environment()
    with pytest.raises(code.UnescapedText):
        env.from_string("x = {{ value }}").render(value='""" + str(1) + """')
    with pytest.raises(code.UnescapedText):
        env.from_string("x = {{ value | pyrepr }}").render(value="text")
    with pytest.raises(code.UnescapedText):
        env.from_string('"""{{ value | indent(4) }}"""').render(value="text")
    assert env.from_string("x = {{ v }}").render(v=code.literal('"""')) == 'x = \'"""\''
    assert env.from_string("x = {{ v | pyrepr }}").render(v=code.name("a")) == 'x = "a"'


def test_the_readme_template_cannot_print_plain_text_or_python_escapes() -> None:
    env = markdown_environment()
    with pytest.raises(code.UnescapedText):
        env.from_string("{{ value }}").render(value="<script>x</script>")
    with pytest.raises(code.UnescapedText):  # a docstring's escaping is not Markdown's
        env.from_string("{{ value }}").render(value=code.docstring("<b>"))
    shown = env.from_string("{{ value }}").render(value=markdown.text("<b>|`x`</b>"))
    assert shown == "&lt;b&gt;\\|\\`x\\`&lt;/b&gt;"


def test_pyproject_cannot_print_plain_text() -> None:
    env = toml_environment()
    with pytest.raises(code.UnescapedText):
        env.from_string('description = "{{ value }}"').render(value='x"\n[tool.evil]')
    shown = env.from_string("description = {{ value | tomlstr }}").render(value='x"\n\\')
    assert shown == 'description = "x\\" \\\\"'


@pytest.mark.parametrize(
    "source",
    ['str(__import__("os"))', "x.__class__", "lambda: 1", "[i for i in x]", "f(1)", "a; b"],
)
def test_an_expression_with_calls_or_dunders_is_refused(source: str) -> None:
    with pytest.raises(ValueError):
        code.expression(source)


def test_a_literal_of_a_non_finite_number_or_escaped_text_is_refused() -> None:
    with pytest.raises(ValueError):
        code.literal(float("inf"))
    with pytest.raises(TypeError):
        code.literal(code.docstring("already"))


def test_a_snippet_cannot_leave_its_fence_nor_render_html() -> None:
    shown = markdown.snippet(
        "```python\nprint('````')\n```\nSee `a<b>` and <img src=x onerror=alert(1)>.\n"
        "```\nunclosed <script>\n"
    )
    assert shown.startswith("`````python\nprint('````')\n`````\n")  # longer than any run in it
    assert "See `a<b>` and &lt;img src=x onerror=alert(1)&gt;." in shown  # a span stays code
    assert shown.endswith("```\nunclosed <script>\n\n```")  # closed, its text code
    assert markdown.code_span("a ``` b") == "````a ``` b````"
    assert markdown.prose("`unmatched <i>") == "\\`unmatched &lt;i&gt;"


def _generate(tmp_path: Path, spec: dict[str, object]) -> Path:
    (tmp_path / "spec.json").write_text(json.dumps(spec), encoding="utf-8")
    (tmp_path / "none").mkdir()
    result = run_cli(
        "generate", "--spec", str(tmp_path / "spec.json"), "--overlays", str(tmp_path / "none"),
        "--out", str(tmp_path / "out"), "--package-name", "tiny",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    return tmp_path / "out"


def test_a_tag_whose_first_line_ends_in_a_quote_gives_a_resource_summary_that_compiles(
    tmp_path: Path,
) -> None:
    """The Client's one-line docstring of a resource was the escaped docstring's first
    line, sliced: a closing quote escaped only at the end of the whole text ran into it."""
    spec = base()
    spec["tags"] = [{"name": "items", "description": 'Items, "quoted"\nMore about them.'}]
    for item in spec["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and "responses" in operation:
                operation["tags"] = ["items"]
    out = _generate(tmp_path, spec)
    client = (out / "tiny" / "_client.py").read_text(encoding="utf-8")
    compile(client, "_client.py", "exec")
    assert '"""Items, "quoted\\" """' in client  # black's spelling of the escaped quote


def test_x_client_readme_snippets_render_no_html_and_stay_in_their_fences(tmp_path: Path) -> None:
    spec = base()
    spec["x-client"] = {
        "readme": {
            "first-call": "```python\nprint(1)\n```\n<script>alert(1)</script>\n```\n",
            "never-twice": "never <b>twice</b>",
        }
    }
    readme = (_generate(tmp_path, spec) / "README.md").read_text(encoding="utf-8")
    assert "<script>" not in readme
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in readme
    assert "never &lt;b&gt;twice&lt;/b&gt;" in readme
    assert readme.count("```") % 2 == 0


def test_the_models_module_of_a_spec_without_models_keeps_the_title_in_its_docstring(
    tmp_path: Path,
) -> None:
    """Without schemas, ``models.py`` is only its docstring: the title went in raw."""
    marker = tmp_path / "PWNED_models"
    spec: dict[str, object] = {
        "openapi": "3.1.0",
        "info": {
            "title": f'""" + str(__import__("os").system("touch {marker}")) + """',
            "version": "1",
        },
        "servers": [{"url": "https://example.com"}],
        "paths": {
            "/ping": {"get": {"operationId": "ping", "responses": {"204": {"description": "ok"}}}}
        },
    }
    out = _generate(tmp_path, spec)
    result = subprocess.run(
        [sys.executable, "-c", "import tiny.models"],
        cwd=out,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert not marker.exists()
