"""The nodes an overlay action's ``target`` selects, as paths from the root.

python-jsonpath parses every target and answers any query, but it builds a
match object (with its normalized path string) for every node it passes, and
a filter's ``@.name`` is a query of its own per node: a recursive descent
with a filter over a 3 MB spec takes seconds. ``select`` walks the document
itself for the queries overlays use — child and descendant segments of
names, indexes, wildcards, and filters that compare ``@``, ``@.name`` or
``@.name[0].name`` with a literal or test that it exists, joined with
``&&`` and ``||`` — and hands anything else to python-jsonpath. The answer is python-jsonpath's own, in its
order: the same pre-order walk (which visits strings too), the same
normalized indexes, and comparisons decided by the environment's own
``compare`` and ``is_truthy``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import jsonpath
from jsonpath.filter import (
    FilterExpression,
    FilterExpressionLiteral,
    InfixExpression,
    Nil,
    RelativeFilterQuery,
)
from jsonpath.match import NodeList
from jsonpath.segments import JSONPathChildSegment, JSONPathRecursiveDescentSegment
from jsonpath.selectors import Filter, IndexSelector, NameSelector, WildcardSelector

__all__ = ["select"]

Parts = tuple[Any, ...]
_SCALARS = (str, int, float, bool, type(None))
_EMPTY = NodeList()


class _Unsupported(Exception):
    """A query, or a node, the walk does not answer the way python-jsonpath does."""


class _Node:
    """A value and how it was reached; its path is built only if it is selected."""

    __slots__ = ("key", "parent", "value")

    def __init__(self, value: Any, parent: _Node | None, key: Any) -> None:
        self.value = value
        self.parent = parent
        self.key = key

    def parts(self) -> Parts:
        keys = []
        node: _Node | None = self
        while node is not None and node.parent is not None:
            keys.append(node.key)
            node = node.parent
        return tuple(reversed(keys))


def select(env: jsonpath.JSONPathEnvironment, query: Any, data: Any) -> list[Parts]:
    """The paths (tuples of keys and indexes) of the nodes ``query`` selects in ``data``,
    as python-jsonpath's ``query.finditer(data)`` gives them."""
    try:
        steps = _plan(query)
        return [node.parts() for node in _walk(env, steps, data)]
    except _Unsupported:
        return [match.parts for match in query.finditer(data)]


def _plan(query: Any) -> list[tuple[bool, list[Any]]]:
    """(descendant?, selectors) per segment; ``_Unsupported`` for anything else."""
    if type(query) is not jsonpath.JSONPath or query.pseudo_root:
        raise _Unsupported
    steps = []
    for segment in query.segments:
        if type(segment) is JSONPathRecursiveDescentSegment:
            descendant = True
        elif type(segment) is JSONPathChildSegment:
            descendant = False
        else:
            raise _Unsupported
        steps.append((descendant, [_selector(s) for s in segment.selectors]))
    return steps


def _selector(selector: Any) -> tuple[str, Any]:
    kind = type(selector)
    if kind is NameSelector:
        return ("name", selector.name)
    if kind is IndexSelector:
        return ("index", selector.index)
    if kind is WildcardSelector:
        return ("wildcard", None)
    if kind is Filter and type(selector.expression) is FilterExpression:
        return ("filter", _condition(selector.expression.expression))
    raise _Unsupported


def _condition(expression: Any) -> tuple[Any, ...]:
    """``("exists", names)``, ``("compare", names, operator, literal)`` for ``@.a.b``
    and a literal, or ``("logical", operator, left, right)`` of two conditions."""
    if type(expression) is RelativeFilterQuery:
        keys = _names(expression)
        if not keys:
            raise _Unsupported  # `[?@]`: python-jsonpath tests the value's truth, not existence
        return ("exists", keys)
    if type(expression) is not InfixExpression:
        raise _Unsupported
    if expression.logical:
        left, right = _condition(expression.left), _condition(expression.right)
        return ("logical", expression.operator, left, right)
    literal = expression.right
    if type(expression.left) is not RelativeFilterQuery or literal.children():
        raise _Unsupported
    if type(literal) is Nil:
        value = None
    elif isinstance(literal, FilterExpressionLiteral):
        value = literal.value
    else:
        raise _Unsupported
    return ("compare", _names(expression.left), expression.operator, value)


def _names(query: RelativeFilterQuery) -> tuple[str | int, ...]:
    """The keys of ``@.a[0].b``: names (str) and indexes (int); none for ``@`` itself."""
    keys: list[str | int] = []
    for segment in query.path.segments:
        if type(segment) is not JSONPathChildSegment or len(segment.selectors) != 1:
            raise _Unsupported
        (selector,) = segment.selectors
        if type(selector) is NameSelector:
            keys.append(selector.name)
        elif type(selector) is IndexSelector:
            keys.append(selector.index)
        else:
            raise _Unsupported
    return tuple(keys)


def _walk(
    env: jsonpath.JSONPathEnvironment, steps: list[tuple[bool, list[Any]]], data: Any
) -> list[_Node]:
    nodes = [_Node(data, None, None)]
    for descendant, selectors in steps:
        visited = _descendants(env, nodes) if descendant else iter(nodes)
        nodes = [found for node in visited for s in selectors for found in _apply(env, s, node)]
    return nodes


def _descendants(env: jsonpath.JSONPathEnvironment, nodes: list[_Node]) -> Iterator[_Node]:
    """Each node and every container or string under it, depth first, pre-order."""
    limit = env.max_recursion_depth
    for root in nodes:
        stack = [(root, 1)]
        while stack:
            node, depth = stack.pop()
            if depth > limit:
                raise _Unsupported  # python-jsonpath raises its recursion error
            yield node
            value = node.value
            if type(value) is dict:
                members: Any = value.items()
            elif type(value) is list:
                members = enumerate(value)
            else:
                continue
            children = []
            for key, child in members:
                kind = type(child)
                if kind is dict or kind is list or kind is str:
                    children.append((_Node(child, node, key), depth + 1))
                elif kind not in _SCALARS:
                    raise _Unsupported
            children.reverse()
            stack.extend(children)


def _apply(
    env: jsonpath.JSONPathEnvironment, selector: tuple[str, Any], node: _Node
) -> list[_Node]:
    kind, argument = selector
    value = node.value
    if type(value) not in (dict, list) and not isinstance(value, _SCALARS):
        raise _Unsupported
    if kind == "name":
        if type(value) is dict and argument in value:
            return [_Node(value[argument], node, argument)]
        return []
    if kind == "index":
        if type(value) is not list or not -len(value) <= argument < len(value):
            return []
        return [_Node(value[argument], node, argument % len(value))]
    if type(value) is dict:
        members: Any = value.items()
    elif type(value) is list:
        members = enumerate(value)
    else:
        return []
    if kind == "wildcard":
        return [_Node(v, node, k) for k, v in members]
    return [_Node(v, node, k) for k, v in members if _holds(env, argument, v)]


def _holds(env: jsonpath.JSONPathEnvironment, condition: tuple[Any, ...], current: Any) -> bool:
    """The filter on ``current``, decided as python-jsonpath decides it."""
    if condition[0] == "logical":
        _, operator, left, right = condition
        return bool(env.compare(_holds(env, left, current), operator, _holds(env, right, current)))
    found = True
    value = current
    for key in condition[1]:
        if type(key) is str:  # a name selects in an object only
            if type(value) is dict and key in value:
                value = value[key]
                continue
        elif type(value) is list and -len(value) <= key < len(value):  # strict: lists only
            value = value[key]
            continue
        found = False
        break
    if condition[0] == "exists":
        return found
    _, _, operator, literal = condition
    return bool(env.compare(value if found else _EMPTY, operator, literal))
