"""The public Python API of a generated package, read from its AST.

The surface of a package is read from its source, never imported: public
classes (of public modules, or re-exported by the package's ``__all__``),
their methods with parameters and return types, their annotated fields
(pydantic models: required when they have no default) and enum members, and
public module-level functions.

Classes are keyed by name. Two public classes of the same name in different
modules (a response model and the resource class named after the same tag)
are told apart: the first one met, in file order, keeps its name, the other is
``Name (resources/module)``.

``Annotated`` metadata (pydantic constraints) is left out of a type: a
tightened ``maxLength`` is a wire change, not a new Python type.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field, replace
from functools import lru_cache

from generator.emit.format import split_module

__all__ = ["Member", "Parameter", "Surface", "SurfaceReader", "read_surface", "type_names"]


@dataclass(frozen=True)
class Member:
    """A method, field, attribute or enum member of a class (or a function)."""

    kind: str  # method | field | attribute | enum member | function
    annotation: str = ""  # type (fields), return type (methods)
    required: bool = False  # fields: no default
    alias: str = ""  # fields: the JSON name when it differs
    parameters: tuple[Parameter, ...] = ()
    operation: str = ""  # methods: the operation they call (``GET /v1/jobs``), when known


@dataclass(frozen=True)
class Parameter:
    name: str
    annotation: str
    required: bool
    positional: bool


@dataclass
class Surface:
    """``owner -> member name -> Member``; a class with no members is still listed."""

    owners: dict[str, dict[str, Member]] = field(default_factory=dict)
    models: set[str] = field(default_factory=set)


def read_surface(files: dict[str, str], package: str) -> Surface:
    """The public surface of the package ``package`` among ``files`` (path -> source)."""
    return SurfaceReader(by_piece=False).read(files, package)


class SurfaceReader:
    """``read_surface``, each module read once for a given source, and each piece of a
    module (``split_module``: the module cut before its top-level classes) once for a
    given text: the diff reads two packages whose modules are mostly the same text (the
    models module of an update differs in a few classes), and may read a package's
    modules before its models module is made (``read`` of the files there are so far).

    A module's part of the surface depends on its path, its text and, for a private
    module, the names the package's ``__init__`` exports; a piece's part on its text,
    which of its classes are models (a class whose base is a model of an earlier piece
    is one) and the module's endpoint constants. Pieces are read alone only when each
    parses alone (a cut can't be inside a string or brackets then): else the module whole,
    as without ``by_piece``.
    """

    def __init__(self, *, by_piece: bool = True) -> None:
        self._by_piece = by_piece
        self._modules: dict[tuple[str, str, frozenset[str] | None], list[_Entry]] = {}
        self._pieces: dict[str, _Piece | None] = {}  # None: the text does not parse alone
        self._parts: dict[tuple[str, tuple[bool, ...], tuple[object, ...]], list[_Entry]] = {}

    def read(self, files: dict[str, str], package: str) -> Surface:
        init = files.get(f"{package}/__init__.py", "")
        exported = frozenset(_dunder_all(ast.parse(init))) if init else frozenset()
        surface = Surface()
        for path, source in sorted(files.items()):
            if not path.startswith(package + "/") or not path.endswith(".py"):
                continue
            module = path[len(package) + 1 : -3].replace("/", ".")
            public_module = not any(part.startswith("_") for part in module.split("."))
            key = (module, source, None if public_module else exported)
            entries = self._modules.get(key)
            if entries is None:
                entries = self._modules[key] = self._entries(source, public_module, exported)
            for entry in entries:
                if entry.function is not None:
                    surface.owners.setdefault(module, {})[entry.name] = entry.function
                    continue
                owner = entry.name
                if owner in surface.owners:  # the same name in another module
                    owner = f"{entry.name} ({module.replace('.', '/')})"
                surface.owners[owner] = dict(entry.members)  # the caller's own to change
                if entry.model:
                    surface.models.add(owner)
        return surface

    def _entries(self, source: str, public_module: bool, exported: frozenset[str]) -> list[_Entry]:
        texts = split_module(source, 0) if self._by_piece else [source]
        trees: dict[int, ast.Module] = {}  # the pieces parsed here
        pieces: list[_Piece] = []
        for number, text in enumerate(texts):
            if text not in self._pieces:
                try:
                    trees[number] = ast.parse(text)
                except SyntaxError:  # a cut in a string, or a module that does not parse
                    self._pieces[text] = None
                else:
                    self._pieces[text] = _Piece(_classes(trees[number]), _endpoints(trees[number]))
            piece = self._pieces[text]
            if piece is None:
                tree = ast.parse(source)
                flags = _flags(_classes(tree), set())
                return _module_entries(tree, public_module, exported, _endpoints(tree), flags)
            pieces.append(piece)
        endpoints = {name: label for piece in pieces for name, label in piece.endpoints.items()}
        context = (tuple(endpoints.items()), public_module, exported)
        models: set[str] = set()
        entries: list[_Entry] = []
        for number, (text, piece) in enumerate(zip(texts, pieces, strict=True)):
            flags = _flags(piece.classes, models)
            part = self._parts.get((text, flags, context))
            if part is None:
                tree = trees.pop(number) if number in trees else ast.parse(text)
                part = _module_entries(tree, public_module, exported, endpoints, flags)
                self._parts[(text, flags, context)] = part
            entries += part
        return entries


@dataclass(frozen=True)
class _Piece:
    """What a piece of a module says before its classes are read: each top-level class's
    name and base names, in order, and the endpoint constants it defines."""

    classes: tuple[tuple[str, frozenset[str]], ...]
    endpoints: dict[str, str]


@dataclass(frozen=True)
class _Entry:
    """A module's public class (its members) or function, in the module's order."""

    name: str
    members: dict[str, Member] = field(default_factory=dict)
    model: bool = False
    function: Member | None = None  # a module-level function, not a class


def _classes(tree: ast.Module) -> tuple[tuple[str, frozenset[str]], ...]:
    return tuple(
        (node.name, frozenset(_base_names(node)))
        for node in tree.body
        if isinstance(node, ast.ClassDef)
    )


def _flags(classes: tuple[tuple[str, frozenset[str]], ...], models: set[str]) -> tuple[bool, ...]:
    """Whether each class is a model: one of its bases is a pydantic model class or a
    model before it (``models``, the module's models so far, gains the new ones)."""
    flags = []
    for name, bases in classes:
        if bases & (_MODEL_BASES | models):
            models.add(name)  # bases come first in a module
        flags.append(name in models)
    return tuple(flags)


def _module_entries(
    tree: ast.Module,
    public_module: bool,
    exported: frozenset[str],
    endpoints: dict[str, str],
    flags: tuple[bool, ...],
) -> list[_Entry]:
    """The public classes and functions of ``tree``, its classes' ``flags`` telling models."""
    is_model = iter(flags)
    entries: list[_Entry] = []
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            model = next(is_model)
            if not node.name.startswith("_") and (public_module or node.name in exported):
                entries.append(_Entry(node.name, _class_members(node, model, endpoints), model))
        elif (
            isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and not node.name.startswith("_")
            and public_module
        ):
            entries.append(_Entry(node.name, function=_function(node, "function")))
    return entries


def _dunder_all(tree: ast.Module) -> set[str]:
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)
            and isinstance(node.value, (ast.List, ast.Tuple))
        ):
            return {str(e.value) for e in node.value.elts if isinstance(e, ast.Constant)}
    return set()


def _base_names(node: ast.ClassDef) -> list[str]:
    names = []
    for base in node.bases:
        target = base.value if isinstance(base, ast.Subscript) else base
        names.append(ast.unparse(target).rsplit(".", 1)[-1])
    return names


_ENUM_BASES = frozenset({"Enum", "StrEnum", "IntEnum"})
_MODEL_BASES = frozenset({"BaseModel", "RootModel"})


def _endpoints(tree: ast.Module) -> dict[str, str]:
    """Module constants ``_LIST = Endpoint(method="GET", path="/v1/jobs", ...)``: name → label."""
    found = {}
    for node in tree.body:
        if not (isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)):
            continue
        keywords = {
            k.arg: k.value.value
            for k in node.value.keywords
            if isinstance(k.value, ast.Constant) and isinstance(k.value.value, str)
        }
        if "method" in keywords and "path" in keywords:
            for target in node.targets:
                if isinstance(target, ast.Name):
                    found[target.id] = f"{keywords['method']} {keywords['path']}"
    return found


def _called_operation(node: ast.AST, endpoints: dict[str, str]) -> str:
    """The operation of the first endpoint constant a method uses ("" when none)."""
    for sub in ast.walk(node):
        if isinstance(sub, ast.Name) and sub.id in endpoints:
            return endpoints[sub.id]
    return ""


def _class_members(
    node: ast.ClassDef, is_model: bool, endpoints: dict[str, str]
) -> dict[str, Member]:
    members: dict[str, Member] = {}
    is_enum = bool(_ENUM_BASES & set(_base_names(node)))
    for base in node.bases:  # RootModel[X]: the root type is the model's one field
        if isinstance(base, ast.Subscript) and ast.unparse(base.value).endswith("RootModel"):
            members["root"] = Member("field", _type_text(base.slice), True)
    for item in node.body:
        if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
            if not item.name.startswith("_") or item.name == "__init__":
                method = _function(item, "method")
                members[item.name] = replace(method, operation=_called_operation(item, endpoints))
        elif isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
            name = item.target.id
            if name.startswith("_") or name == "model_config":
                continue
            members[name] = Member(
                "field" if is_model else "attribute",
                _type_text(item.annotation),
                required=item.value is None,
                alias=_alias(item),
            )
        elif is_enum and isinstance(item, ast.Assign):
            for target in item.targets:
                if isinstance(target, ast.Name) and not target.id.startswith("_"):
                    members[target.id] = Member("enum member", ast.unparse(item.value))
    return members


def _alias(item: ast.AnnAssign) -> str:
    for sub in ast.walk(item):
        if isinstance(sub, ast.Call) and ast.unparse(sub.func).endswith("Field"):
            for keyword in sub.keywords:
                if keyword.arg in ("alias", "validation_alias") and isinstance(
                    keyword.value, ast.Constant
                ):
                    return str(keyword.value.value)
    return ""


def _function(node: ast.FunctionDef | ast.AsyncFunctionDef, kind: str) -> Member:
    args = node.args
    positional = [*args.posonlyargs, *args.args]
    defaults_from = len(positional) - len(args.defaults)
    parameters = [
        Parameter(a.arg, _type_text(a.annotation), index < defaults_from, True)
        for index, a in enumerate(positional)
        if not (index == 0 and a.arg in ("self", "cls") and kind == "method")
    ]
    parameters += [
        Parameter(a.arg, _type_text(a.annotation), default is None, False)
        for a, default in zip(args.kwonlyargs, args.kw_defaults, strict=True)
    ]
    return Member(kind, _type_text(node.returns), parameters=tuple(parameters))


def _type_text(node: ast.expr | None) -> str:
    """The annotation without ``Annotated`` metadata, as source text."""
    if node is None:
        return ""
    return ast.unparse(_strip_annotated(node))


def _strip_annotated(node: ast.expr) -> ast.expr:
    if isinstance(node, ast.Subscript) and ast.unparse(node.value).endswith("Annotated"):
        inner = node.slice.elts[0] if isinstance(node.slice, ast.Tuple) else node.slice
        return _strip_annotated(inner)
    if isinstance(node, ast.BinOp):
        return ast.BinOp(_strip_annotated(node.left), node.op, _strip_annotated(node.right))
    return node


def type_names(*annotations: str) -> tuple[str, ...]:
    """The class names an annotation uses (``models.Job`` gives ``Job``)."""
    names: dict[str, None] = {}
    for annotation in annotations:
        names.update(dict.fromkeys(_names_in(annotation)))
    return tuple(names)


@lru_cache(maxsize=65536)
def _names_in(annotation: str) -> tuple[str, ...]:
    """``type_names`` of one annotation (the same annotations recur across a package)."""
    try:
        tree = ast.parse(annotation or "None", mode="eval")
    except SyntaxError:
        return ()
    names: dict[str, None] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            names[node.id] = None
        elif isinstance(node, ast.Attribute):
            names[node.attr] = None
    return tuple(names)
