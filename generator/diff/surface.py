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
    return SurfaceReader().read(files, package)


class SurfaceReader:
    """``read_surface``, each module read once for a given source: the diff reads two
    packages whose modules are mostly the same text, and may read a package's modules
    before its models module is made (``read`` of the files there are so far).

    A module's part of the surface depends on its path, its text and, for a private
    module, the names the package's ``__init__`` exports; nothing else."""

    def __init__(self) -> None:
        self._modules: dict[tuple[str, str, frozenset[str] | None], list[_Entry]] = {}

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
                entries = self._modules[key] = _module_entries(source, public_module, exported)
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


@dataclass(frozen=True)
class _Entry:
    """A module's public class (its members) or function, in the module's order."""

    name: str
    members: dict[str, Member] = field(default_factory=dict)
    model: bool = False
    function: Member | None = None  # a module-level function, not a class


def _module_entries(source: str, public_module: bool, exported: frozenset[str]) -> list[_Entry]:
    tree = ast.parse(source)
    endpoints = _endpoints(tree)
    models: set[str] = set()
    entries: list[_Entry] = []
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and set(_base_names(node)) & (_MODEL_BASES | models):
            models.add(node.name)  # bases come first in a module
        if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
            if public_module or node.name in exported:
                members = _class_members(node, node.name in models, endpoints)
                entries.append(_Entry(node.name, members, node.name in models))
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
