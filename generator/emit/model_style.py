"""datamodel-code-generator's module rewritten in black's style, so the format
stage's black formats it once instead of twice.

With its formatters off (``formatters=[]``) the library writes strings as
``repr`` writes them (single quotes), no blank line after a class docstring,
and every field on one line however long. Black changes all three, and a piece
black changes it formats a second time. ``black_styled`` rewrites what the
library wrote the way black writes it, from the module's syntax tree:

* a string literal spelt as ``repr`` spells its value is spelt as
  ``generator.emit.code.string`` spells it (black's quotes); any other
  spelling is left to black;
* a class docstring is laid out as black lays it out (``code.docstring_source_at``:
  trailing spaces dropped, lines re-indented) and one blank line follows it;
* a field line over 100 columns is broken as black breaks it
  (``generator.emit.layout``): ``name: Annotation = (`` with its default on a
  line of its own when that fits, else the annotation split at its brackets;
  a class line over 100 columns is split at its bases, and ``laid_out_line``
  does the same for the type aliases ``generator.emit.models.with_aliases`` adds;
* the module ends in one newline.

What it does not recognise (a long line with other than ASCII, whose width black
measures otherwise, a shape of statement not above) it leaves as it is: black is
still the formatter of record and formats every piece, so a line left alone costs
time, never correctness. The rewrite changes no value but the whitespace of class
docstrings, which black changes the same way, and black's output on the result is
its output on the library's text (``tests/test_model_style.py``).
"""

from __future__ import annotations

import ast
import re

from generator.emit import code, layout

__all__ = ["black_styled", "laid_out_line"]

_LIMIT = layout.LINE_LENGTH


def black_styled(source: str) -> str:
    """``source`` (a module datamodel-code-generator wrote) in black's style where
    this module knows it (see the module's doc)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return source
    lines = source.splitlines(keepends=True)
    replaced: dict[int, list[str]] = {}  # first line (0-based) -> its new lines
    spans: dict[int, int] = {}  # first line -> lines it replaces
    strings: dict[int, list[tuple[int, int, str]]] = {}  # line -> (start, end byte, new)
    after_docstring: set[int] = set()
    quoted = {number for number, line in enumerate(lines) if "'" in line}
    for node in _with_quotes(tree, quoted):
        for inner in ast.walk(node):
            if isinstance(inner, ast.Constant):
                _quote(inner, lines, strings)
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            _class(node, lines, replaced, spans, after_docstring)
    out: list[str] = []
    number = 0
    while number < len(lines):
        if number in replaced:
            out.extend(replaced[number])
            number += spans[number]
            continue
        line = lines[number]
        if number in strings:
            line = _respelt(line, strings[number])
        out.append(line)
        if number in after_docstring:
            out.append("\n")
        number += 1
    return "".join(out).rstrip("\n") + "\n"  # one newline at the end, as black ends a module


def _with_quotes(tree: ast.Module, quoted: set[int]) -> list[ast.AST]:
    """The top-level statements, and the bases and statements of top-level classes,
    on lines holding a ``'`` (only there can ``repr`` have spelt a string), so that
    a big module's other lines are not walked."""
    parts: list[ast.AST] = []
    for node in tree.body:
        parts.extend([*node.bases, *node.body] if isinstance(node, ast.ClassDef) else [node])
    return [
        part
        for part in parts
        if isinstance(part, ast.expr | ast.stmt)
        and any(n in quoted for n in range(part.lineno - 1, part.end_lineno or part.lineno))
    ]


def _quote(
    node: ast.Constant, lines: list[str], strings: dict[int, list[tuple[int, int, str]]]
) -> None:
    """Records ``node``'s literal in black's quotes when it is written as ``repr`` writes it."""
    value = node.value
    if not isinstance(value, str) or node.lineno != node.end_lineno:
        return
    if node.end_col_offset is None:
        return
    line = lines[node.lineno - 1]
    start, end = node.col_offset, node.end_col_offset  # in UTF-8 bytes
    spelt = line[start:end] if line.isascii() else line.encode()[start:end].decode()
    if spelt[:1] != "'" or spelt != repr(value):
        return
    strings.setdefault(node.lineno - 1, []).append((start, end, code.string(value)))


def _respelt(line: str, edits: list[tuple[int, int, str]]) -> str:
    data = line.encode()
    for start, end, new in sorted(edits, reverse=True):
        data = data[:start] + new.encode() + data[end:]
    return data.decode()


def _class(
    node: ast.ClassDef,
    lines: list[str],
    replaced: dict[int, list[str]],
    spans: dict[int, int],
    after_docstring: set[int],
) -> None:
    header = _class_header(node, lines[node.lineno - 1])
    if header is not None:
        replaced[node.lineno - 1] = [line + "\n" for line in header]
        spans[node.lineno - 1] = 1
    body = node.body
    first = body[0]
    if (
        isinstance(first, ast.Expr)
        and isinstance(first.value, ast.Constant)
        and isinstance(first.value.value, str)
        and first.end_lineno is not None
    ):
        following = lines[first.end_lineno] if first.end_lineno < len(lines) else ""
        blank = len(body) > 1 and following.strip() and not following.lstrip().startswith("#")
        docstring = _docstring(first, lines)
        if docstring is not None:
            replaced[first.lineno - 1] = docstring + (["\n"] if blank else [])
            spans[first.lineno - 1] = first.end_lineno - first.lineno + 1
        elif blank:
            after_docstring.add(first.end_lineno - 1)
    for statement in body:
        if statement.lineno != statement.end_lineno:
            continue
        text = lines[statement.lineno - 1]
        if len(text.rstrip("\n")) <= _LIMIT or not text.isascii():
            continue
        if text[statement.end_col_offset or 0 :].strip():  # a comment, another statement
            continue
        laid = _field(statement, text)
        if laid is not None:
            replaced[statement.lineno - 1] = [line + "\n" for line in laid]
            spans[statement.lineno - 1] = 1


def _class_header(node: ast.ClassDef, text: str) -> list[str] | None:
    """``class Name(bases):`` over 100 columns, as black breaks it, or ``None``."""
    if len(text.rstrip("\n")) <= _LIMIT or not text.isascii() or node.keywords:
        return None
    if node.decorator_list or not text.rstrip("\n").endswith("):") or not node.bases:
        return None
    bases = [_node(base, text) for base in node.bases]
    if any(base is None for base in bases) or node.bases[-1].end_lineno != node.lineno:
        return None
    call = layout.Call(f"class {node.name}", tuple(b for b in bases if b is not None))
    return layout.lines(call, node.col_offset, "", ":")


def _docstring(statement: ast.Expr, lines: list[str]) -> list[str] | None:
    """A class docstring's lines as black writes them (``code.docstring_source_at``),
    or ``None`` when it is not a plain ``\"\"\"`` string alone on its lines."""
    first, last = statement.lineno - 1, (statement.end_lineno or 0) - 1
    pad = lines[first][: statement.col_offset]
    text = "".join(lines[first : last + 1])
    source = text[statement.col_offset :].rstrip("\n")
    if pad.strip() or not pad.isascii():  # so its byte offset is its character offset
        return None
    if not (source.startswith('"""') and source.endswith('"""') and len(source) >= 6):
        return None
    body = source[3:-3]
    if '"""' in body or re.search(r"\\\s*\n", body):  # black leaves a line continuation
        return None
    laid = code.docstring_source_at(body, len(pad))
    return [line + "\n" for line in f'{pad}"""{laid}"""'.split("\n")]


def _field(statement: ast.stmt, text: str) -> list[str] | None:
    """A one-line ``name: annotation [= value]`` that is too long, as black breaks it,
    or ``None`` for a shape this module does not know black's layout of."""
    if not isinstance(statement, ast.AnnAssign) or not isinstance(statement.target, ast.Name):
        return None
    annotation = _node(statement.annotation, text)
    if annotation is None:
        return None
    indent = statement.col_offset
    pad = " " * indent
    target = statement.target.id
    if statement.value is None:
        splits = isinstance(annotation, layout.Call | layout.Union)
        return layout.lines(annotation, indent, f"{target}: ") if splits else None
    value = _node(statement.value, text)
    before = f"{target}: {layout.flat(annotation)} = "
    fits = len(pad + before) + 1 <= _LIMIT  # ``= (`` on the first line
    if isinstance(value, str):
        if isinstance(annotation, str):  # black's choice there is not modelled here
            return None
        if fits:  # even when the value is longer than the line
            return [pad + before + "(", f"{pad}    {value}", f"{pad})"]
        return layout.lines(annotation, indent, f"{target}: ", f" = {value}")
    if not fits:
        return None
    if isinstance(value, layout.Union) and (
        len(value.members) > 2 or isinstance(value.members[-1], str)
    ):
        return layout.lines(value, indent, before)  # black keeps the parentheses
    if isinstance(value, layout.Call) and not value.display:
        return layout.lines(value, indent, before)
    return None


def laid_out_line(line: str) -> str:
    """One statement ``name: annotation = value`` (no newline) as black lays it out,
    where ``_field`` knows how; else as it is."""
    if len(line) <= _LIMIT or not line.isascii() or "\n" in line:
        return line
    try:
        statement = ast.parse(line).body[0]
    except SyntaxError:
        return line
    laid = _field(statement, line)
    return line if laid is None else "\n".join(laid)


def _node(node: ast.expr, text: str) -> layout.Node | None:
    """``node`` as a layout tree (its strings in black's quotes), or ``None`` for a
    construct this module does not lay out."""
    if isinstance(node, ast.Constant):
        spelt = _segment(node, text)
        if isinstance(node.value, str) and spelt == repr(node.value):
            return code.string(node.value)
        known = node.value is Ellipsis or isinstance(node.value, str | int | float | bool | None)
        return spelt if known else None
    if isinstance(node, ast.Name | ast.Attribute):
        return _segment(node, text)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return _segment(node, text)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        members = _nodes(_union_members(node), text)
        if members is None or any(isinstance(m, layout.Union) for m in members):
            return None
        return layout.Union(tuple(members))
    if isinstance(node, ast.Subscript):
        head = _node(node.value, text)
        inner = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        items = _nodes(inner, text)
        if not isinstance(head, str) or items is None:
            return None
        return layout.Call(head, tuple(items), "[]")
    if isinstance(node, ast.Call):
        head = _node(node.func, text)
        arguments = _nodes(node.args, text)
        values = _nodes([k.value for k in node.keywords], text)
        if not isinstance(head, str) or arguments is None or values is None:
            return None
        if any(k.arg is None for k in node.keywords) or any(
            isinstance(a, ast.Starred) for a in node.args
        ):
            return None
        keyed = [layout.Keyed(f"{k.arg}=", v) for k, v in zip(node.keywords, values, strict=True)]
        return layout.Call(head, (*arguments, *keyed))
    if isinstance(node, ast.List | ast.Dict) and not _children(node):
        return "[]" if isinstance(node, ast.List) else "{}"
    if isinstance(node, ast.List | ast.Tuple) and node.elts:
        elements = _nodes(node.elts, text)
        if elements is None:
            return None
        brackets = "[]" if isinstance(node, ast.List) else "()"
        return layout.Call("", tuple(elements), brackets, display=True)
    return None


def _nodes(nodes: list[ast.expr], text: str) -> list[layout.Node] | None:
    """Each of ``nodes`` as a layout tree, or ``None`` when one can't be."""
    found = []
    for node in nodes:
        laid = _node(node, text)
        if laid is None:
            return None
        found.append(laid)
    return found


def _children(node: ast.List | ast.Dict) -> list[ast.expr | None]:
    return [*node.elts] if isinstance(node, ast.List) else [*node.keys, *node.values]


def _union_members(node: ast.expr) -> list[ast.expr]:
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return [*_union_members(node.left), *_union_members(node.right)]
    return [node]


def _segment(node: ast.expr, text: str) -> str | None:
    if node.end_col_offset is None:
        return None
    return text.encode()[node.col_offset : node.end_col_offset].decode()
