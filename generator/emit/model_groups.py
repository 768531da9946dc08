"""The models module in independent pieces, so a spec update reruns
datamodel-code-generator only on the schemas its change touches.

Schemas that never refer to one another (the connected components of the
``$ref`` graph, a *group*) come out of datamodel-code-generator as the same
class texts whether it is given them alone or with every other schema. What
the whole module adds is only the order of the classes and one import block.
The order is the library's own sort (``sort_data_models``): passes over the
models in document order, each placing the models whose references the
earlier placements (of this pass too) already hold. ``assemble`` runs that
sort again on the references each class's text names, and writes one import
block (every import statement the pieces hold, merged by module and sorted;
the format stage's isort gives the same lines for any order of them).

A class no schema is named for is one the library made from a schema's
inline variants (``ImageRefParam``'s ``anyOf`` of ``required`` lists becomes
``ImageRefParam1`` and ``ImageRefParam3``): it takes the schema's name and the
first number free in the whole run (``ImageRefParam2`` is another group's
schema). Such a class belongs to its schema's group and comes just before that
schema's place; its piece records the names of the other groups' schemas that
spell its schema's name and a number (``reserved``), and is only taken again
for a document whose other groups hold exactly those names: then the library
numbers it the same.

Every module cut into pieces is checked first: ``split`` gives ``None`` for
one that has anything but imports and classes at its top level, a class it
can't place in the document (a name that is neither a schema's nor one
schema's name and a number), a class of one group that another group's class
names, a warning that names no schema, or classes whose order the sort does
not reproduce (a reference cycle, which the library breaks by other rules).
Then the caller takes the whole module as it is, uncut.

In one process, ``shared_pieces`` keeps the pieces in memory for the runs of
a block (the diff's two sides), so a side takes another side's pieces of the
groups it has unchanged, whether the stage cache is on or off.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Callable, Generator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, NamedTuple

from generator.emit import model_variants

__all__ = [
    "Made",
    "Outline",
    "Piece",
    "assemble",
    "cached_models",
    "models_later",
    "schema_groups",
    "shared_pieces",
    "split",
    "subset",
]

_SCHEMA_REF = "#/components/schemas/"
_FUTURE = "from __future__ import annotations"
_NAME = re.compile(r"\b[A-Z]\w*\b")


@dataclass(frozen=True)
class Piece:
    """One group's part of the module: its import statements, its classes
    (name and text, in the library's order), the warnings about them, and the
    other groups' schemas its numbered class names were chosen around."""

    imports: tuple[str, ...]
    classes: tuple[tuple[str, str], ...]
    warnings: tuple[str, ...]
    reserved: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "imports": list(self.imports),
            "classes": [list(item) for item in self.classes],
            "warnings": list(self.warnings),
            "reserved": list(self.reserved),
        }

    @staticmethod
    def from_json(data: Any) -> Piece | None:
        """The piece an entry holds, or ``None`` when it is not one."""
        if not isinstance(data, dict):
            return None
        imports: Any = data.get("imports")
        classes: Any = data.get("classes")
        warnings: Any = data.get("warnings")
        reserved: Any = data.get("reserved")
        if not (_strings(imports) and _strings(warnings) and _strings(reserved)):
            return None
        if not isinstance(classes, list):
            return None
        if not all(isinstance(c, list) and len(c) == 2 and _strings(c) for c in classes):
            return None
        pairs = tuple((c[0], c[1]) for c in classes)
        return Piece(tuple(imports), pairs, tuple(warnings), tuple(reserved))


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _refs(node: Any, found: set[str]) -> set[str]:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(_SCHEMA_REF):
            found.add(ref[len(_SCHEMA_REF) :])
        for value in node.values():
            _refs(value, found)
    elif isinstance(node, list):
        for value in node:
            _refs(value, found)
    return found


def schema_groups(document: dict[str, Any]) -> list[list[str]]:
    """The schemas of a models document in groups that refer only to one another,
    each in document order, the groups by their first schema's place."""
    schemas: dict[str, Any] = document["components"]["schemas"]
    parent = {name: name for name in schemas}

    def root(name: str) -> str:
        while parent[name] != name:
            parent[name] = parent[parent[name]]
            name = parent[name]
        return name

    for name, schema in schemas.items():
        for target in _refs(schema, set()):
            if target in parent:
                parent[root(name)] = root(target)
    groups: dict[str, list[str]] = {}
    for name in schemas:
        groups.setdefault(root(name), []).append(name)
    return list(groups.values())


def subset(document: dict[str, Any], names: list[str]) -> dict[str, Any]:
    """``document`` with only the schemas ``names``."""
    schemas = document["components"]["schemas"]
    return {**document, "components": {"schemas": {name: schemas[name] for name in names}}}


def split(
    source: str, warnings: list[str], groups: list[list[str]], document: dict[str, Any]
) -> tuple[str, dict[int, Piece]] | None:
    """The module's header and each group's piece (by the group's index in
    ``groups``), or ``None`` when the module can't be cut (see the module's doc)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    lines = source.splitlines(keepends=True)
    schemas: dict[str, Any] = document["components"]["schemas"]
    group_of = {name: index for index, names in enumerate(groups) for name in names}
    variant_of: dict[str, int] = {}  # the inline variants' classes: their schema's group
    header_end = None

    imports: list[tuple[str, str]] = []
    classes: list[tuple[str, str]] = []
    uses: dict[str, set[str]] = {}  # the names each class's text uses (``_names_in``)
    body = tree.body
    for number, node in enumerate(body):
        start = node.lineno - 1
        end = body[number + 1].lineno - 1 if number + 1 < len(body) else len(lines)
        text = "".join(lines[start:end])
        if isinstance(node, ast.ImportFrom) and node.module == "__future__":
            header_end = end
        elif isinstance(node, ast.Import | ast.ImportFrom):
            imports.extend(_import_lines(node))
        elif isinstance(node, ast.ClassDef) and not node.decorator_list:
            schema = (
                node.name if node.name in group_of else model_variants.anchor(node.name, schemas)
            )
            if schema is None:
                return None  # a class the document has no schema for
            if schema != node.name:
                variant_of[node.name] = group_of[schema]
            classes.append((node.name, text.rstrip("\n")))
            uses[node.name] = _names_under(node)  # its text holds it and comments alone
        elif not (number == 0 and isinstance(node, ast.Expr)):  # the module's docstring
            return None
    if header_end is None:
        return None
    names = [name for name, _ in classes]
    if _placed(document, dict(classes), uses) != names:
        return None
    owner = {**group_of, **variant_of}
    by_group: dict[int, list[tuple[str, str, set[str]]]] = {}
    for name, text in classes:
        used = uses[name]
        if any(owner[name] != variant_of[n] for n in used & variant_of.keys()):
            return None  # another group's class names this group's variant
        by_group.setdefault(owner[name], []).append((name, text, used))
    said: dict[int, list[str]] = {}
    for text in warnings:
        named = [owner[n] for n in _NAME.findall(text) if n in owner]
        if not named:
            return None
        said.setdefault(named[0], []).append(text)
    header = "".join(lines[:header_end])
    pieces = {}
    for index, members in enumerate(groups):
        held = by_group.get(index, [])
        used = set().union(*(used for _, _, used in held))
        wanted = tuple(sorted({line for line, bound in imports if bound in used}))
        anchors = {
            model_variants.anchor(name, schemas) or "" for name, _, _ in held if name in variant_of
        }
        reserved = model_variants.reserved(schemas, set(members), anchors)
        texts = tuple((name, text) for name, text, _ in held)
        pieces[index] = Piece(wanted, texts, tuple(said.get(index, ())), reserved)
    return header, pieces


def _placed(
    document: dict[str, Any], classes: dict[str, str], uses: dict[str, set[str]] | None = None
) -> list[str] | None:
    """The ``classes`` (name: text, in the order given) in the library's order: each
    schema's inline variants come in the document just before their schema, using
    the classes their text names (see ``library_order``; ``uses``: the names each
    text uses, when known already)."""
    schemas: dict[str, Any] = document["components"]["schemas"]
    variants: dict[str, list[tuple[str, set[str]]]] = {}
    for name, text in classes.items():
        if name not in schemas:
            schema = model_variants.anchor(name, schemas)
            if schema is None:
                return None
            named = uses[name] if uses is not None else _names_in(text)
            variants.setdefault(schema, []).append(
                (name, named & (schemas.keys() | classes.keys()) - {name})
            )
    return library_order(document, set(classes), variants)


def _import_lines(node: ast.Import | ast.ImportFrom) -> list[tuple[str, str]]:
    """One import statement per name ``node`` binds, with that name."""
    found = []
    for alias in node.names:
        spelt = f"{alias.name} as {alias.asname}" if alias.asname else alias.name
        bound = (alias.asname or alias.name).split(".")[0]
        if isinstance(node, ast.ImportFrom):
            found.append((f"from {'.' * node.level}{node.module or ''} import {spelt}", bound))
        else:
            found.append((f"import {spelt}", bound))
    return found


def _names_in(text: str) -> set[str]:
    return _names_under(ast.parse(text))


def _names_under(tree: ast.AST) -> set[str]:
    return {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}


def library_order(
    document: dict[str, Any],
    classes: set[str],
    variants: dict[str, list[tuple[str, set[str]]]] | None = None,
) -> list[str] | None:
    """The ``classes`` in datamodel-code-generator's order (its ``sort_data_models``
    on the document's schemas and their ``$ref``s, before it folds the root models
    that are not classes into their users), or ``None`` for a reference cycle.
    ``variants`` are the models the library makes of a schema's inline variants
    (by schema: each one's name and the names it uses), listed just before it."""
    schemas: dict[str, Any] = document["components"]["schemas"]
    variants = variants or {}
    uses: dict[str, set[str]] = {}
    for name, schema in schemas.items():
        own = variants.get(name, [])
        uses.update(own)
        uses[name] = _refs(schema, set()) & schemas.keys() - {name} | {v for v, _ in own}
    waiting = list(uses)
    done: list[str] = []
    placed: set[str] = set()
    while waiting:
        left = []
        for name in waiting:
            if uses[name] - placed:
                left.append(name)
            else:
                placed.add(name)
                done.append(name)
        if len(left) == len(waiting):
            return None
        waiting = left
    return [name for name in done if name in classes]


def assemble(header: str, pieces: list[Piece], document: dict[str, Any]) -> str:
    """The module the pieces of ``document``'s groups make: ``header``, one import
    block, the classes in the library's order."""
    classes = {name: text for piece in pieces for name, text in piece.classes}
    ordered = _placed(document, classes)
    if ordered is None:
        raise ValueError("the pieces' classes refer to one another in a cycle")
    return _head(header, pieces) + "".join(f"\n\n{classes[name]}\n" for name in ordered)


def _head(header: str, pieces: list[Piece]) -> str:
    """``header`` and the one import block of every piece's import statements."""
    merged: dict[str, set[str]] = {}
    plain: set[str] = set()
    for piece in pieces:
        for line in piece.imports:
            node = ast.parse(line).body[0]
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                merged.setdefault(node.module, set()).update(
                    f"{a.name} as {a.asname}" if a.asname else a.name for a in node.names
                )
            else:
                plain.add(line)
    block = sorted(plain) + [
        f"from {module} import {', '.join(sorted(merged[module]))}" for module in sorted(merged)
    ]
    return header.rstrip("\n") + "\n\n" + "\n".join(block) + "\n" if block else header


def _made(header: str, pieces: list[Piece], document: dict[str, Any], note: str) -> Made:
    """``assemble``'s module, its pieces' warnings, ``note``, and its outline: the
    pieces' classes, and what the header and the import block bind (parsed alone, a
    few lines, not the whole module)."""
    classes = frozenset(name for piece in pieces for name, _ in piece.classes)
    imported = Outline.of(ast.parse(_head(header, pieces))).imported
    source = assemble(header, pieces, document)
    return Made(source, _warnings(pieces), note, Outline(classes, imported))


@dataclass(frozen=True)
class Outline:
    """The names a models module binds at its top level: its classes, and what its
    import statements bind (``with_aliases`` reads them, else by parsing the module)."""

    classes: frozenset[str]
    imported: frozenset[str]

    @staticmethod
    def of(tree: ast.Module) -> Outline:
        """The outline of a parsed module."""
        return Outline(
            frozenset(node.name for node in tree.body if isinstance(node, ast.ClassDef)),
            frozenset(
                alias.asname or alias.name
                for node in tree.body
                if isinstance(node, ast.Import | ast.ImportFrom)
                for alias in node.names
            ),
        )


class Made(NamedTuple):
    """What ``cached_models`` gives."""

    source: str
    warnings: list[str]
    note: str
    """What the stage cache gave, or ''."""
    outline: Outline | None
    """The module's outline, when it was put together from pieces (their classes and
    the import block's names: no need to parse the whole module again)."""


Asked = Callable[[], tuple[str, list[str]]]


def cached_models(document: dict[str, Any], title: str, cache: Any) -> Made:
    """datamodel-code-generator's module for ``document`` (before ``with_aliases``), its
    warnings, and a note on what the stage ``cache`` gave: each group's piece is taken
    from it when it holds one for that very group, the others made in one run.

    The library is given the document without its ``info.version``, which it reads
    only to write a constant this generator does not ask for: a spec release that
    bumps the version alone leaves every group's piece as it was."""
    return models_later(document, title, cache)()


def models_later(document: dict[str, Any], title: str, cache: Any) -> Callable[[], Made]:
    """``cached_models`` in two steps: the library is asked now (the run's worker
    makes the module while the caller goes on), the returned function waits for it
    and gives what ``cached_models`` gives."""
    steps = _steps(document, title, cache)
    try:
        first = next(steps)
    except StopIteration as done:
        made: Made = done.value
        return lambda: made
    answer = _ask(*first)

    def finish() -> Made:
        try:
            request = steps.send(answer())
            while True:
                request = steps.send(_run(*request))
        except StopIteration as done:
            found: Made = done.value
            return found

    return finish


def _steps(
    document: dict[str, Any], title: str, cache: Any
) -> Generator[tuple[dict[str, Any], str], tuple[str, list[str]], Made]:
    """``cached_models``, yielding each document the library is to make a module of
    and given back the module and its warnings."""
    info = {key: value for key, value in document["info"].items() if key != "version"}
    document = {**document, "info": info}
    groups = schema_groups(document)
    schemas = document["components"]["schemas"]
    if _shared is not None:
        cache = _Remembered(_shared, cache)
    keys: list[str] | None = None
    if cache.enabled:
        try:
            keys = [
                json.dumps(subset(document, g), ensure_ascii=False, allow_nan=False) for g in groups
            ]
        except (TypeError, ValueError):  # a value JSON can't spell: not cached
            keys = None
    header, known = None, {}
    for index, key in enumerate(keys or ()):
        entry = cache.get(key)
        piece = Piece.from_json(entry)
        if piece is None or not isinstance(entry.get("header"), str):
            continue
        if model_variants.fits(dict(piece.classes), piece.reserved, groups[index], schemas):
            header, known[index] = entry["header"], piece
    missing = model_variants.with_companions(
        groups, [i for i in range(len(groups)) if i not in known]
    )
    if not missing and header is not None:
        pieces = [known[index] for index in range(len(groups))]
        return _made(header, pieces, document, "from the stage cache")
    if known:
        part = subset(document, [name for index in missing for name in groups[index]])
        part_source, part_warnings = yield part, title
        made = split(part_source, part_warnings, [groups[index] for index in missing], part)
        if made is not None and all(
            model_variants.fits(
                dict(piece.classes), piece.reserved, groups[missing[number]], schemas
            )
            for number, piece in made[1].items()
        ):
            header, fresh = made
            known.update({missing[number]: piece for number, piece in fresh.items()})
            _store(cache, keys, header, {index: known[index] for index in missing})
            pieces = [known[index] for index in range(len(groups))]
            note = (
                f"{len(groups) - len(missing)} of {len(groups)} schema groups from the stage cache"
            )
            return _made(header, pieces, document, note)
    source, warnings = yield document, title
    cut = split(source, warnings, groups, document)
    if cut is None:
        return Made(source, warnings, "", None)
    header, fresh = cut
    _store(cache, keys, header, fresh)
    pieces = [fresh[index] for index in range(len(groups))]
    return _made(header, pieces, document, "")


def _warnings(pieces: list[Piece]) -> list[str]:
    return [text for piece in pieces for text in piece.warnings]


def _run(document: dict[str, Any], title: str) -> tuple[str, list[str]]:
    """The library's module for ``document`` and its warnings: from the run's worker,
    which has loaded the library already, or made here."""
    from generator.emit import models_worker

    worker = models_worker.current()
    return worker.module(document, title) if worker else models_worker.in_place(document, title)


def _ask(document: dict[str, Any], title: str) -> Asked:
    """``_run`` asked now, answered when the returned function is called."""
    from generator.emit import models_worker

    worker = models_worker.current()
    if worker is None:
        return lambda: models_worker.in_place(document, title)
    return worker.module_later(document, title)


def _store(cache: Any, keys: list[str] | None, header: str, pieces: dict[int, Piece]) -> None:
    if keys is None:
        return
    for index, piece in pieces.items():
        cache.put(keys[index], {"header": header, **piece.to_json()})
    cache.prune()


_shared: dict[str, Any] | None = None


@contextmanager
def shared_pieces() -> Iterator[None]:
    """Every piece made or read inside the block kept in memory for the block's other
    runs in this process (the diff's new side takes the old side's)."""
    global _shared
    before, _shared = _shared, {} if _shared is None else _shared
    try:
        yield
    finally:
        _shared = before


class _Remembered:
    """The stage ``cache`` with the pieces of ``shared_pieces`` in front of it."""

    def __init__(self, memory: dict[str, Any], cache: Any) -> None:
        self._memory, self._cache = memory, cache
        self.enabled = True

    def get(self, given: str) -> Any | None:
        found = self._memory.get(given)
        if found is None and self._cache.enabled:
            found = self._cache.get(given)
        return found

    def put(self, given: str, answer: Any) -> None:
        self._memory[given] = answer
        if self._cache.enabled:
            self._cache.put(given, answer)

    def prune(self) -> None:
        if self._cache.enabled:
            self._cache.prune()
