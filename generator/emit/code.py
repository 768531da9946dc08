"""Spec text on its way into generated Python: one escaper per place it lands.

Nothing in a spec is code. A value reaches a generated module only as one of
these types, each made only by the functions below:

* ``Name``: a Python identifier (not a keyword), safe wherever it is printed;
* ``Code``: Python source, made by ``literal`` (``repr`` of a value, its strings
  quoted as black quotes them: ``string``), by
  ``expression``/``declaration``/``import_block`` (source the generator built,
  parsed here and refused unless it is only names, attributes, subscripts,
  ``|`` and literals, with calls only to the names the caller allows), by
  ``join`` of other ``Code``, or by ``laid_out``: a ``generator.emit.layout`` tree of
  ``Code`` broken into lines as black breaks them;
* ``DocText``: text that sits inside a triple-quoted docstring and means
  itself (``docstring``, ``one_line``);
* ``TomlText``: a string of ``pyproject.toml`` (``toml_string``, ``toml_literal``).

The plan stage holds only these, and the Jinja environment of the Python
templates prints nothing else (``generator.emit.render``): a template cannot
print raw spec text, and ``tests/test_escaping.py`` holds that nothing outside
this module (and ``generator.emit.markdown``, the README's) constructs one.
"""

from __future__ import annotations

import ast
import functools
import keyword
import math
import re
import textwrap
from collections.abc import Iterable
from typing import Any

from generator import text
from generator.emit import layout

__all__ = [
    "Code",
    "DocText",
    "Name",
    "TomlText",
    "UnescapedText",
    "declaration",
    "dict_key",
    "docstring",
    "docstring_at",
    "docstring_source_at",
    "expression",
    "import_block",
    "indented",
    "join",
    "laid_out",
    "laid_out_assignment",
    "literal",
    "literal_node",
    "name",
    "one_line",
    "scalar",
    "statement",
    "string",
    "toml_literal",
    "toml_string",
    "wrapped",
]


class Code(str):
    """Python source, already safe where the template puts it."""

    __slots__ = ()


class Name(Code):
    """A Python identifier that is not a keyword: safe in code and in text."""

    __slots__ = ()


class DocText(str):
    """Text escaped to sit inside a triple-quoted string and mean itself."""

    __slots__ = ()


class TomlText(str):
    """A TOML string, quotes included (``pyproject.toml``'s)."""

    __slots__ = ()


class UnescapedText(TypeError):
    """A template tried to print a value no escaper made."""


def scalar(value: Any) -> Code:
    """The literal of a value that is the same wherever it lands: ``None``, a number,
    a ``Name`` (Jinja's ``pyrepr``). A string must come from the plan as ``Code``."""
    if isinstance(value, Name):
        return string(value)
    if value is None or isinstance(value, (bool, int)):
        return Code(repr(value))
    if isinstance(value, float) and math.isfinite(value):
        return Code(repr(value))
    raise UnescapedText(f"pyrepr of {value!r:.200}: the plan must hold it as Code")


def indented(value: Any, width: int = 4) -> Code | DocText:
    """Jinja's ``indent`` for escaped text, which stays escaped."""
    if isinstance(value, Code):
        return Code(_indent_lines(value, width))
    if isinstance(value, DocText):
        return DocText(_indent_lines(value, width))
    raise UnescapedText(f"indent of {value!r:.200}")


def _indent_lines(value: str, width: int) -> str:
    """Every line but the first indented, blank lines left blank (as black leaves them)."""
    first, *rest = value.split("\n")
    return "\n".join([first, *(" " * width + line if line else line for line in rest)])


def name(value: str) -> Name:
    """``value`` if it is a Python identifier and no keyword."""
    if not isinstance(value, str) or not value.isidentifier() or keyword.iskeyword(value):
        raise ValueError(f"not a Python identifier: {value!r}")
    return Name(value)


def literal(value: Any) -> Code:
    """``value`` (None, bool, int, finite float, str, or tuples, lists and str-keyed
    dicts of them) as a Python literal, on one line, as black writes it."""
    _check_literal(value)
    return Code(_spelt(value))


def literal_node(value: Any) -> layout.Node:
    """``value``'s literal as a layout tree (a long tuple, list or dict may be split)."""
    _check_literal(value)
    return _node(value)


def _node(value: Any) -> layout.Node:
    if isinstance(value, tuple):
        return layout.Call("", tuple(_node(v) for v in value), "()", display=True)
    if isinstance(value, list):
        return layout.Call("", tuple(_node(v) for v in value), "[]", display=True)
    if isinstance(value, dict):
        items = tuple(layout.Keyed(f"{string(k)}: ", _node(v)) for k, v in value.items())
        return layout.Call("", items, "{}", display=True)
    return _spelt(value)


def _spelt(value: Any) -> str:
    if isinstance(value, str):
        return string(value)
    if isinstance(value, (tuple, list, dict)):
        return layout.flat(_node(value))
    return repr(value)


def string(value: str) -> Code:
    """A string literal quoted as black quotes it: in double quotes unless that takes
    more backslashes than single ones (black's ``normalize_string_quotes``)."""
    single = repr(str(value))
    if single[0] == '"':  # repr's choice: a ' and no " inside
        return Code(single)
    body = single[1:-1]
    out: list[str] = []
    index = 0
    while index < len(body):
        char = body[index]
        if char == "\\":  # an escape: \' needs none in double quotes, the rest stay
            pair = body[index : index + 2]
            out.append("'" if pair == "\\'" else pair)
            index += 2
            continue
        out.append('\\"' if char == '"' else char)
        index += 1
    double = "".join(out)
    if double.count("\\") > body.count("\\"):
        return Code(single)
    return Code(f'"{double}"')


# What the generator spells around Code in a layout tree: a callee, ``name=``, ``name: ``.
_GENERATORS_WORD = re.compile(r"(?:(?:await )?[A-Za-z_][A-Za-z0-9_.]*(?:=|: )?)?")


def dict_key(value: str) -> Code:
    """``"value": ``, a string key of a dict display and its colon (a layout prefix)."""
    return Code(f"{string(value)}: ")


def _escaped_leaves(*nodes: layout.Node) -> None:
    """Refuse a tree with a leaf that is neither ``Code`` nor one of the generator's words."""
    for node in nodes:
        for leaf in layout.leaves(node):
            if not isinstance(leaf, Code) and not _GENERATORS_WORD.fullmatch(leaf):
                raise UnescapedText(f"a layout leaf no escaper made: {leaf!r:.200}")


def laid_out(node: layout.Node, indent: int, before: str = "", after: str = "") -> Code:
    """``node`` broken into lines as black breaks it at ``indent`` between ``before``
    and ``after`` (which the template prints, and the first line's indent). Every
    leaf of ``node`` must be ``Code`` or one of the generator's words (a bare name, ``name=``)."""
    _escaped_leaves(node)
    return Code(layout.source(node, indent, before, after))


def laid_out_assignment(
    target: Name, annotation: layout.Node, value: layout.Call, indent: int
) -> Code:
    """``target: annotation = value`` as black writes it at ``indent`` (the first line
    without it), every leaf ``Code`` or one of the generator's words."""
    _escaped_leaves(annotation, value)
    return Code("\n".join(layout.annotated_assignment(target, annotation, value, indent))[indent:])


def _check_literal(value: Any) -> None:
    if isinstance(value, (Code, DocText)):
        raise TypeError(f"already escaped, would be escaped twice: {value!r:.200}")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"{value} has no Python literal")
    if isinstance(value, (tuple, list)):
        for item in value:
            _check_literal(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            if type(key) is not str:
                raise TypeError(f"no literal for a {type(key).__name__} key")
            _check_literal(item)
    elif value is not None and not isinstance(value, (bool, int, float, str)):
        raise TypeError(f"no literal for a {type(value).__name__}")


def docstring(value: str) -> DocText:
    """Text (spec text or the generator's) inside a triple-quoted docstring."""
    if isinstance(value, DocText):
        return value
    return DocText(text.safe_docstring(value))


def docstring_at(value: Any, indent: int) -> DocText:
    """Escaped text between the triple quotes of a docstring at ``indent`` columns, as
    black writes it: the first line stripped, the others re-indented to the docstring's
    indent, trailing spaces dropped, a quote at either end padded with a space, the
    closing quotes on a line of their own where the last line leaves no room for them
    (black's ``visit_STRING``, ``fix_multiline_docstring``)."""
    if not isinstance(value, DocText):
        raise UnescapedText(f"docstring of {value!r:.200}")
    prefix = " " * indent
    if "\n" in value:
        lines = [_leading_tabs_expanded(line) for line in re.split(r"\r\n|[\r\n]", value)]
        rest = [len(line) - len(line.lstrip()) for line in lines[1:] if line.strip()]
        body = [lines[0].strip()]
        if rest:
            margin = min(rest)
            for number, line in enumerate(lines[1:], 1):
                stripped = line[margin:].rstrip()
                body.append(prefix + stripped if stripped or number == len(lines) - 1 else "")
        text = "\n".join(body)
    else:
        text = value.strip()
    if text:
        text = (" " if text[0] == '"' else "") + text + (" " if text[-1] == '"' else "")
        if (len(text) - len(text.rstrip("\\"))) % 2:
            return DocText(text + " ")
    elif value:
        text = " "
    last = text.splitlines()[-1] if text and not text.endswith("\n") else ""
    if "\n" in text and len(last) + 3 > layout.LINE_LENGTH:
        text += "\n" + prefix
    return DocText(text)


def docstring_source_at(source: str, indent: int) -> str:
    """What black leaves between the triple quotes of a class docstring whose source
    (between them, as a library wrote it: already escaped) is ``source``, at ``indent``
    columns: ``docstring_at``'s layout, which changes only whitespace and adds no
    character that could end the string (a quote at either end is padded with a space)."""
    return str(docstring_at(DocText(source), indent))


def _leading_tabs_expanded(line: str) -> str:
    stripped = line.lstrip()
    if not stripped or stripped == line:
        return line
    return line[: len(line) - len(stripped)].expandtabs(4) + stripped


def wrapped(value: DocText, width: int) -> tuple[DocText, ...]:
    """Escaped text as lines of at most ``width``, broken at spaces only (a line
    broken inside an escape would end in a backslash, which joins the lines)."""
    if not isinstance(value, DocText):
        raise UnescapedText(f"wrap of {value!r:.200}")
    lines = textwrap.wrap(value, width, break_on_hyphens=False, break_long_words=False)
    return tuple(DocText(line) for line in lines)


def one_line(value: str, limit: int = 200) -> DocText:
    """One line, ``\\`` and ``"`` escaped: safe in a docstring and a TOML basic string."""
    return DocText(text.one_line(value, limit))


def toml_string(value: str, limit: int = 500) -> TomlText:
    """``value`` as a TOML basic string: one line, ``\\`` and ``"`` escaped, control
    characters spelt ``\\xNN``."""
    return TomlText('"' + text.one_line(value, limit) + '"')


def toml_literal(value: str) -> TomlText:
    """``value`` as a TOML literal string (``'...'``) where it can be one, else a basic one."""
    if "'" in value or not value.isprintable():
        return toml_string(value)
    return TomlText(f"'{value}'")


def join(separator: str, parts: Iterable[Code]) -> Code:
    """``Code`` joined by punctuation."""
    items = list(parts)
    for part in items:
        if not isinstance(part, Code):
            raise TypeError(f"not code: {part!r:.200}")
    if separator not in _PUNCTUATION:
        raise TypeError(f"not punctuation: {separator!r}")
    return Code(separator.join(items))


_PUNCTUATION = frozenset({", ", " | ", " ", ""})

_EXPRESSION_NODES = (
    ast.Expression,
    ast.Name,
    ast.Attribute,
    ast.Subscript,
    ast.Tuple,
    ast.List,
    ast.Set,
    ast.Dict,
    ast.Constant,
    ast.BinOp,
    ast.BitOr,
    ast.UnaryOp,
    ast.USub,
    ast.Load,
    ast.keyword,
    ast.Call,
)


def expression(source: str, calls: frozenset[str] = frozenset()) -> Code:
    """``source`` if it is a plain expression: a type, a literal, a call of ``calls``."""
    _check_expression(source, calls)
    return Code(source)


@functools.lru_cache(maxsize=65536)
def _check_expression(source: str, calls: frozenset[str]) -> None:
    """Raise unless ``source`` is such an expression (a pass is remembered: the same
    text recurs in every method that takes it, sync and async)."""
    try:
        tree = ast.parse(source, mode="eval")
    except SyntaxError:
        raise ValueError(f"not a Python expression: {source!r:.200}") from None
    _check_nodes(tree, calls, source)


def _check_nodes(tree: ast.AST, calls: frozenset[str], source: str) -> None:
    for node in ast.walk(tree):
        if not isinstance(node, _EXPRESSION_NODES):
            raise ValueError(f"{type(node).__name__} is not allowed in {source!r:.200}")
        if isinstance(node, ast.Call) and not (
            isinstance(node.func, ast.Name) and node.func.id in calls
        ):
            raise ValueError(f"a call is not allowed in {source!r:.200}")
        spelt = node.id if isinstance(node, ast.Name) else getattr(node, "attr", "")
        if isinstance(spelt, str) and spelt.startswith("__"):
            raise ValueError(f"the name {spelt!r} is not allowed in {source!r:.200}")


def declaration(source: str) -> Code:
    """A parameter declaration (``limit: int | None = None``), checked as ``expression``."""
    _check_declaration(source)
    return Code(source)


@functools.lru_cache(maxsize=65536)
def _check_declaration(source: str) -> None:
    """Raise unless ``source`` is one such declaration (a pass is remembered)."""
    try:
        tree = ast.parse(f"def _(*, {source}): pass")
    except SyntaxError:
        raise ValueError(f"not a parameter declaration: {source!r:.200}") from None
    function = tree.body[0]
    assert isinstance(function, ast.FunctionDef)
    arguments = function.args
    if len(arguments.kwonlyargs) != 1 or arguments.args or arguments.vararg or arguments.kwarg:
        raise ValueError(f"not one parameter: {source!r:.200}")
    name(arguments.kwonlyargs[0].arg)
    for part in (arguments.kwonlyargs[0].annotation, *arguments.kw_defaults):
        if part is not None:
            _check_nodes(part, frozenset(), source)


def statement(source: str, calls: frozenset[str]) -> Code:
    """An assignment of names to a call of ``calls`` (``a, b = f(x=y)``), checked."""
    tree = ast.parse(source)
    if len(tree.body) != 1 or not isinstance(tree.body[0], ast.Assign):
        raise ValueError(f"not one assignment: {source!r:.200}")
    assign = tree.body[0]
    for target in assign.targets:
        for node in ast.walk(target):
            if not isinstance(node, (ast.Name, ast.Tuple, ast.Store)):
                raise ValueError(f"{type(node).__name__} is not allowed in {source!r:.200}")
    _check_nodes(assign.value, calls, source)
    return Code(source)


def import_block(lines: Iterable[str]) -> tuple[Code, ...]:
    """Import lines (and ``if TYPE_CHECKING:`` blocks of them), each checked."""
    block = list(lines)
    tree = ast.parse("\n".join(block))
    for node in ast.walk(tree):
        if not isinstance(
            node,
            (ast.Module, ast.Import, ast.ImportFrom, ast.alias, ast.If, ast.Name, ast.Load),
        ):
            raise ValueError(f"{type(node).__name__} is not allowed among imports")
        if isinstance(node, ast.If) and not (
            isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"
        ):
            raise ValueError("only `if TYPE_CHECKING:` is allowed among imports")
    return tuple(Code(line) for line in block)
