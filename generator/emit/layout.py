"""Code laid out as black lays it out, so that the format stage finds little to change.

Black formats a module twice when its first pass changes anything (a second
pass settles trailing commas), so a piece already in black's style costs it
half. The generated code's long lines are built here as small trees and
broken the way black breaks them, at 100 columns:

    Node = Code | Call | Keyed | Union

* a ``Call`` (a call, a subscript, or a display: a tuple, list, dict or set)
  that does not fit is split at its brackets: a call's or a subscript's
  arguments go on one line of their own if they fit there, else one a line
  with a trailing comma; a display goes one item a line (black always
  explodes a display it splits), as does a call written with a trailing
  comma (``exploded``: black's "magic trailing comma");
* a ``Keyed`` item (``name=value``, ``"key": value``) is split in its value;
* a ``Union`` (``a | b``, an annotation) that does not fit is put in
  parentheses, on one line inside them if it fits, else one member a line;
* a call after ``name = `` whose first line would not fit is put in parentheses;
  after ``name: <annotation> = `` where even ``(`` would not fit, the annotation
  is split instead (``annotated_assignment``).

What black would write differently stays correct: black formats every piece
anyway (it is the formatter of record), only slower. ``generator.emit.code.laid_out``
makes ``Code`` of a tree whose leaves are all ``Code``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TypeAlias

__all__ = [
    "LINE_LENGTH",
    "Call",
    "Keyed",
    "Node",
    "Union",
    "annotated_assignment",
    "flat",
    "leaves",
    "lines",
    "source",
]

LINE_LENGTH = 100  # black's line length in the format stage


@dataclass(frozen=True)
class Call:
    """``head(items)``, ``head[items]`` or a display (``head`` empty)."""

    head: str
    items: tuple[Node, ...]
    brackets: str = "()"
    display: bool = False
    exploded: bool = False


@dataclass(frozen=True)
class Keyed:
    """``prefix`` + value: ``name=value`` or ``"key": value``."""

    prefix: str
    value: Node


@dataclass(frozen=True)
class Union:
    """``a | b | ...`` in an annotation."""

    members: tuple[Node, ...]


Node: TypeAlias = "str | Call | Keyed | Union"


def leaves(node: Node) -> Iterator[str]:
    """Every string of ``node``: its atoms, heads and prefixes."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, Call):
        yield node.head
        for item in node.items:
            yield from leaves(item)
    elif isinstance(node, Keyed):
        yield node.prefix
        yield from leaves(node.value)
    else:
        for member in node.members:
            yield from leaves(member)


def _one_tuple(node: Call) -> bool:
    return node.display and node.brackets == "()" and len(node.items) == 1


def flat(node: Node) -> str:
    """``node`` on one line."""
    if isinstance(node, str):
        return node
    if isinstance(node, Keyed):
        return node.prefix + flat(node.value)
    if isinstance(node, Union):
        return " | ".join(flat(m) for m in node.members)
    inside = ", ".join(flat(item) for item in node.items)
    comma = "," if _one_tuple(node) or (node.exploded and node.items) else ""
    return f"{node.head}{node.brackets[0]}{inside}{comma}{node.brackets[1]}"


def _magic(node: Node) -> bool:
    """A trailing comma somewhere in ``node`` keeps its brackets exploded."""
    if isinstance(node, str):
        return False
    if isinstance(node, Keyed):
        return _magic(node.value)
    if isinstance(node, Union):
        return any(_magic(m) for m in node.members)
    return (node.exploded and bool(node.items)) or any(_magic(i) for i in node.items)


def _fits(indent: int, text: str) -> bool:
    return indent + len(text) <= LINE_LENGTH and "\n" not in text


def lines(node: Node, indent: int, before: str = "", after: str = "") -> list[str]:
    """``before`` + ``node`` + ``after`` at ``indent``, as the lines black writes."""
    pad = " " * indent
    whole = before + flat(node) + after
    if isinstance(node, str) or (_fits(indent, whole) and not _magic(node)):
        return [pad + whole]
    if isinstance(node, Keyed):
        return lines(node.value, indent, before + node.prefix, after)
    inner = indent + 4
    if isinstance(node, Union):
        body = " | ".join(flat(m) for m in node.members)
        if _fits(inner, body) and not _magic(node):
            return [pad + before + "(", " " * inner + body, pad + ")" + after]
        return [pad + before + "(", *_members(node, inner, ""), pad + ")" + after]
    head = pad + before + node.head + node.brackets[0]
    tail = pad + node.brackets[1] + after
    if not node.items:
        return [pad + whole]
    if not _fits(0, head) and before.endswith("= "):  # black parenthesises the value
        return [pad + before + "(", *lines(node, inner), pad + ")" + after]
    body = ", ".join(flat(item) for item in node.items)
    if not node.display and not _magic(node) and _fits(inner, body):
        return [head, " " * inner + body, tail]
    if len(node.items) == 1 and not node.exploded and not _one_tuple(node):
        return [head, *_item(node.items[0], inner, ""), tail]
    split = [line for item in node.items for line in _item(item, inner, ",")]
    return [head, *split, tail]


def _item(node: Node, indent: int, after: str) -> list[str]:
    """An item inside brackets: a union there is split at its ``|``, without parentheses."""
    if isinstance(node, Union) and not (_fits(indent, flat(node) + after) and not _magic(node)):
        return _members(node, indent, after)
    return lines(node, indent, "", after)


def _members(node: Union, indent: int, after: str) -> list[str]:
    """One member a line, ``|`` leading each but the first."""
    last = len(node.members) - 1
    return [
        line
        for number, member in enumerate(node.members)
        for line in lines(member, indent, "| " if number else "", after if number == last else "")
    ]


def source(node: Node, indent: int, before: str = "", after: str = "") -> str:
    """``node`` as ``lines`` lays it out between ``before`` and ``after`` at ``indent``,
    without them (the template prints them) and without the first line's indent."""
    text = "\n".join(lines(node, indent, before, after))
    return text[indent + len(before) : len(text) - len(after)]


def annotated_assignment(target: str, annotation: Node, value: Call, indent: int) -> list[str]:
    """``target: annotation = value(...)`` as black writes it: the value split (in
    parentheses when its first line would not fit), or, when even ``= (`` would not
    fit, the annotation split and the value's call opening on its closing line."""
    pad = " " * indent
    before = f"{target}: {flat(annotation)} = "
    if _fits(0, pad + before + "("):
        return lines(value, indent, before)
    call = lines(value, indent, ") = ")
    opening = lines(annotation, indent, f"{target}: ", call[0][indent + 1 :])
    return [*opening, *call[1:]]
