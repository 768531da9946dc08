"""Type expressions as values: a small immutable tree, rendered to source only at the end.

    Expr = Name | Subscript | Union | Literal | NoneType | Quoted

A ``Name`` carries the ``Import`` that binds it (``Sequence`` from
``collections.abc``, ``datetime.datetime`` by ``import datetime``,
``models.Job`` by ``from .. import models``); a generated module's imports are
collected from the expressions it uses (``imports_of``), never found by
searching its text. ``Quoted`` is a forward reference: its type as a string,
for a name a module defines after the place that evaluates it. ``union`` flattens, drops duplicates, puts ``None`` last
and lets ``Any`` absorb the rest. Literal values are written with ``repr``, strings
quoted as black quotes them (``code.string``). ``node()`` gives an expression as a
``generator.emit.layout`` tree, to be broken into lines as black breaks it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TypeAlias

from generator.emit import code, layout
from generator.emit.code import Code

__all__ = [
    "ANY",
    "NONE",
    "Argument",
    "Expr",
    "Import",
    "Literal",
    "Name",
    "NoneType",
    "Quoted",
    "Subscript",
    "Union",
    "from_import",
    "import_lines",
    "imports_of",
    "module_name",
    "names_in",
    "union",
]


@dataclass(frozen=True, order=True)
class Import:
    """``import module [as alias]`` (``name`` empty) or ``from module import name``."""

    module: str
    name: str = ""
    alias: str = ""

    @property
    def bound(self) -> str:
        """The name this import binds in the importing module."""
        return self.alias or self.name or self.module.split(".")[0]

    def line(self) -> str:
        alias = f" as {self.alias}" if self.alias else ""
        if self.name:
            return f"from {self.module} import {self.name}{alias}"
        return f"import {self.module}{alias}"


@dataclass(frozen=True)
class Name:
    """A name as spelt in code, and the import that binds it (none: a builtin or a local)."""

    text: str
    source: Import | None = None

    def render(self) -> str:
        return self.text

    def node(self) -> layout.Node:
        return self.text


@dataclass(frozen=True)
class Subscript:
    """``base[arg, ...]``."""

    base: Name
    args: tuple[Expr, ...]

    def render(self) -> str:
        return f"{self.base.render()}[{', '.join(a.render() for a in self.args)}]"

    def node(self) -> layout.Node:
        return layout.Call(self.base.render(), tuple(a.node() for a in self.args), "[]")


@dataclass(frozen=True)
class Union:
    """``a | b | ...``: build it with ``union``, which keeps it flat and ordered."""

    members: tuple[Expr, ...]

    def render(self) -> str:
        return " | ".join(m.render() for m in self.members)

    def node(self) -> layout.Node:
        return layout.Union(tuple(m.node() for m in self.members))


_LITERAL = Name("Literal", Import("typing", "Literal"))


@dataclass(frozen=True, eq=False)
class Literal:
    """``Literal[v, ...]`` of values from the spec, each written with ``repr``."""

    values: tuple[str | int | bool, ...]

    def _key(self) -> tuple[tuple[str, str | int | bool], ...]:
        return tuple((type(v).__name__, v) for v in self.values)  # True is not 1

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Literal) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def render(self) -> str:
        return layout.flat(self.node())

    def node(self) -> layout.Node:
        values = tuple(code.literal(v) for v in self.values)
        return layout.Call(_LITERAL.render(), values, "[]")


@dataclass(frozen=True)
class NoneType:
    def render(self) -> str:
        return "None"

    def node(self) -> layout.Node:
        return "None"


@dataclass(frozen=True)
class Quoted:
    """A forward reference: ``"expr"``, a type written as a string literal (``repr``)."""

    expr: Expr

    def render(self) -> str:
        return code.string(self.expr.render())

    def node(self) -> layout.Node:
        return self.render()


Expr: TypeAlias = Name | Subscript | Union | Literal | NoneType | Quoted

NONE = NoneType()
ANY = Name("Any", Import("typing", "Any"))


def from_import(module: str, name: str) -> Name:
    """``name``, bound by ``from module import name``."""
    return Name(name, Import(module, name))


def module_name(module: str, name: str, alias: str = "") -> Name:
    """``module.name`` (or ``alias.name``), bound by ``import module [as alias]``."""
    source = Import(module, alias=alias)
    return Name(f"{source.bound}.{name}", source)


def union(members: Iterable[Expr]) -> Expr:
    """The union of ``members``: flat, without repeats, ``None`` last; ``Any`` if any is."""
    seen: list[Expr] = []
    for member in members:
        for part in member.members if isinstance(member, Union) else (member,):
            if part not in seen:
                seen.append(part)
    if ANY in seen:
        return ANY
    ordered = [m for m in seen if m != NONE] + [m for m in seen if m == NONE]
    if not ordered:
        return NONE
    return ordered[0] if len(ordered) == 1 else Union(tuple(ordered))


def names_in(expr: Expr) -> Iterator[Name]:
    """Every name ``expr`` spells, depth first."""
    if isinstance(expr, Name):
        yield expr
    elif isinstance(expr, Subscript):
        yield expr.base
        for arg in expr.args:
            yield from names_in(arg)
    elif isinstance(expr, Union):
        for member in expr.members:
            yield from names_in(member)
    elif isinstance(expr, Literal):
        yield _LITERAL
    elif isinstance(expr, Quoted):
        yield from names_in(expr.expr)


def imports_of(exprs: Iterable[Expr]) -> frozenset[Import]:
    """The imports that bind every name of ``exprs``."""
    return frozenset(n.source for e in exprs for n in names_in(e) if n.source is not None)


def import_lines(imports: Iterable[Import]) -> list[str]:
    """One line per module, ``from`` names joined and sorted: isort's order is left to isort."""
    imports = set(imports)
    plain = sorted({i.line() for i in imports if not i.name or i.alias})
    by_module: dict[str, set[str]] = {}
    for i in imports:
        if i.name and not i.alias:
            by_module.setdefault(i.module, set()).add(i.name)
    joined = [f"from {m} import {', '.join(sorted(names))}" for m, names in by_module.items()]
    return plain + sorted(joined)


@dataclass(frozen=True)
class Argument:
    """A parameter of a generated function: ``name: annotation [= default]``."""

    name: str
    annotation: Expr
    default: str | None = None  # source text of a constant the plan chose

    @property
    def declaration(self) -> Code:
        """The declaration of a parameter of a method (at 8 columns, a comma after it),
        laid out as black lays it out, checked: a name, a type expression, a constant."""
        return self.declared(8, ",")

    def declared(self, indent: int, after: str) -> Code:
        """The declaration at ``indent``, ``after`` following it (the template prints it)."""
        default = "" if self.default is None else f" = {self.default}"
        node = layout.Keyed(f"{self.name}: ", self.annotation.node())
        return code.declaration(layout.source(node, indent, after=default + after) + default)
