"""Two versions of a Python type annotation: the same, wider, narrower, or other.

A type is wider when every value the old one admits, the new one admits too:
a union that gains members, a ``Literal`` that gains values, ``str`` in place
of a ``Literal`` of strings, ``X | None`` in place of ``X``, a container whose
element type is wider (``Sequence[Literal['a']]`` → ``Sequence[Literal['a', 'b']]``).
What that means for a caller depends on the direction: a parameter may widen
freely, a return value or a response field may narrow freely.
"""

from __future__ import annotations

import ast
from typing import Literal

__all__ = ["Relation", "added_values", "relate", "removed_values"]

Relation = Literal["same", "wider", "narrower", "other"]

_LITERAL_BASES = {str: "str", int: "int", bool: "bool", float: "float"}
_ANY = frozenset({"Any", "object", "JsonValue"})


def relate(old: str, new: str) -> Relation:
    if old == new:
        return "same"
    before, after = _parse(old), _parse(new)
    if before is None or after is None:
        return "other"
    wider, narrower = _covers(after, before), _covers(before, after)
    if wider and narrower:
        return "same"  # the same members in another order
    return "wider" if wider else "narrower" if narrower else "other"


def added_values(old: str, new: str) -> list[object]:
    """``Literal`` values in ``new`` that ``old`` does not have, in order."""
    known = set(map(repr, _literal_values(old)))
    return [v for v in _literal_values(new) if repr(v) not in known]


def removed_values(old: str, new: str) -> list[object]:
    return added_values(new, old)


def _parse(text: str) -> ast.expr | None:
    try:
        return ast.parse(text or "None", mode="eval").body
    except SyntaxError:
        return None


def _literal_values(text: str) -> list[object]:
    tree = _parse(text)
    values: list[object] = []
    for node in ast.walk(tree) if tree is not None else ():
        if isinstance(node, ast.Subscript) and _name(node.value) == "Literal":
            values += [v.value for v in _elements(node.slice) if isinstance(v, ast.Constant)]
    return values


def _name(node: ast.expr) -> str:
    return ast.unparse(node).rsplit(".", 1)[-1]


def _elements(node: ast.expr) -> list[ast.expr]:
    return list(node.elts) if isinstance(node, ast.Tuple) else [node]


def _members(node: ast.expr) -> list[ast.expr]:
    """The members of a ``|`` union (``Optional[X]`` and ``Union[...]`` too)."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return _members(node.left) + _members(node.right)
    if isinstance(node, ast.Subscript) and _name(node.value) == "Union":
        return [m for e in _elements(node.slice) for m in _members(e)]
    if isinstance(node, ast.Subscript) and _name(node.value) == "Optional":
        return [*_members(node.slice), ast.Constant(None)]
    return [node]


def _covers(wide: ast.expr, narrow: ast.expr) -> bool:
    """Every value of ``narrow`` is a value of ``wide``."""
    wide_members = _members(wide)
    return all(any(_member_covers(w, n) for w in wide_members) for n in _members(narrow))


def _member_covers(wide: ast.expr, narrow: ast.expr) -> bool:
    if ast.dump(wide) == ast.dump(narrow):
        return True
    if _name(wide) in _ANY:
        return True
    if isinstance(narrow, ast.Subscript) and _name(narrow.value) == "Literal":
        values = [v for v in _elements(narrow.slice) if isinstance(v, ast.Constant)]
        if isinstance(wide, ast.Subscript) and _name(wide.value) == "Literal":
            known = {repr(v.value) for v in _elements(wide.slice) if isinstance(v, ast.Constant)}
            return all(repr(v.value) in known for v in values)
        return all(_LITERAL_BASES.get(type(v.value)) == _name(wide) for v in values)
    if isinstance(wide, ast.Subscript) and isinstance(narrow, ast.Subscript):
        if _name(wide.value) != _name(narrow.value) or _name(wide.value) == "Literal":
            return False
        wide_args, narrow_args = _elements(wide.slice), _elements(narrow.slice)
        return len(wide_args) == len(narrow_args) and all(
            _covers(w, n) for w, n in zip(wide_args, narrow_args, strict=True)
        )
    return _name(wide) == "float" and _name(narrow) == "int"
