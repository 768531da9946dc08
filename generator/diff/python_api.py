"""The public Python API of two generated packages, compared by their AST.

The surface of a package is read from its source, never imported: public
classes (of public modules, or re-exported by the package's ``__all__``),
their methods with parameters and return types, their annotated fields
(pydantic models: required when they have no default) and enum members, and
public module-level functions. ``Literal[...]`` values count as enum
members, since that is how the generator spells a string enum.

``Annotated`` metadata (pydantic constraints) is left out of a type: a
tightened ``maxLength`` is a wire change, not a new Python type.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field, replace

from .changes import Change, Severity

__all__ = ["ApiChange", "Member", "Surface", "compare_surfaces", "read_surface"]

BREAKING, WARNING, INFO = Severity.BREAKING, Severity.WARNING, Severity.INFO


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


@dataclass(frozen=True)
class ApiChange:
    severity: Severity
    kind: str
    owners: tuple[str, ...]  # "Jobs.list", "AsyncJobs.list"; "JobState"
    member: str  # the parameter or field name, "" for the owner itself
    message: str
    addition: bool = False
    caused_by: tuple[Change, ...] = ()
    mentions: tuple[str, ...] = ()  # class names in the old and new types of a type change


def read_surface(files: dict[str, str], package: str) -> Surface:
    """The public surface of the package ``package`` among ``files`` (path -> source)."""
    init = files.get(f"{package}/__init__.py", "")
    exported = _dunder_all(ast.parse(init)) if init else set()
    surface = Surface()
    for path, source in sorted(files.items()):
        if not path.startswith(package + "/") or not path.endswith(".py"):
            continue
        module = path[len(package) + 1 : -3].replace("/", ".")
        public_module = not any(part.startswith("_") for part in module.split("."))
        tree = ast.parse(source)
        endpoints = _endpoints(tree)
        models: set[str] = set()
        for node in tree.body:
            if isinstance(node, ast.ClassDef) and set(_base_names(node)) & (_MODEL_BASES | models):
                models.add(node.name)  # bases come first in a module
            if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
                if public_module or node.name in exported:
                    surface.owners[node.name] = _class_members(node, node.name in models, endpoints)
                    if node.name in models:
                        surface.models.add(node.name)
            elif (
                isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
                and not node.name.startswith("_")
                and public_module
            ):
                surface.owners.setdefault(module, {})[node.name] = _function(node, "function")
    return surface


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


def _union(annotation: str) -> tuple[set[str], list[object]]:
    """Top-level members of a ``|`` union, with ``Literal`` values apart."""
    if not annotation:
        return set(), []
    members: set[str] = set()
    literals: list[object] = []
    pending = [ast.parse(annotation, mode="eval").body]
    while pending:
        node = pending.pop()
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
            pending += [node.left, node.right]
        elif isinstance(node, ast.Subscript) and ast.unparse(node.value).endswith("Literal"):
            values = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
            literals += [v.value for v in values if isinstance(v, ast.Constant)]
        else:
            members.add(ast.unparse(node))
    return members, literals


def compare_surfaces(old: Surface, new: Surface) -> list[ApiChange]:
    """Changes from ``old`` to ``new``; one per change, owners with the same change merged."""
    found: list[ApiChange] = []
    for owner in sorted(old.owners.keys() - new.owners.keys()):
        found.append(ApiChange(BREAKING, "class-removed", (owner,), "", "removed"))
    for owner in sorted(new.owners.keys() - old.owners.keys()):
        found.append(ApiChange(INFO, "class-added", (owner,), "", "added", addition=True))
    for owner in sorted(old.owners.keys() & new.owners.keys()):
        before, after = old.owners[owner], new.owners[owner]
        for name in sorted(before.keys() - after.keys()):
            kind = before[name].kind
            found.append(
                ApiChange(
                    BREAKING, _kind(kind, "removed"), (owner,), name, f"{kind} `{name}` removed"
                )
            )
        for name in sorted(after.keys() - before.keys()):
            found.append(_added(owner, name, after[name]))
        for name in sorted(before.keys() & after.keys()):
            found += _member_changes(owner, name, before[name], after[name])
    return _merge_owners(found)


def _kind(member_kind: str, what: str) -> str:
    return f"{member_kind.replace(' ', '-')}-{what}"


def _added(owner: str, name: str, member: Member) -> ApiChange:
    if member.kind == "field" and member.required:
        text = f"field `{name}: {member.annotation}` added, required"
        return ApiChange(WARNING, "field-added-required", (owner,), name, text)
    shown = f"{name}: {member.annotation}" if member.kind == "field" else name
    return ApiChange(
        INFO, _kind(member.kind, "added"), (owner,), name, f"{member.kind} `{shown}` added", True
    )


def _member_changes(owner: str, name: str, old: Member, new: Member) -> list[ApiChange]:
    found: list[ApiChange] = []
    if old.kind in ("field", "attribute"):
        found += _type_change(owner, name, f"{old.kind} `{name}`", old.annotation, new.annotation)
        if old.required != new.required and new.annotation == old.annotation:
            text = f"{old.kind} `{name}` now " + ("required" if new.required else "optional")
            kind = _kind(old.kind, "became-required" if new.required else "became-optional")
            found.append(ApiChange(WARNING if new.required else INFO, kind, (owner,), name, text))
        return found
    if old.kind == "enum member":
        if old.annotation != new.annotation:
            text = f"enum member `{name}` value changed from {old.annotation} to {new.annotation}"
            found.append(ApiChange(BREAKING, "enum-member-changed", (owner,), name, text))
        return found
    owner = f"{owner}.{name}"
    if old.annotation != new.annotation:
        text = f"returns `{new.annotation}` instead of `{old.annotation}`"
        mentions = _type_names(old.annotation, new.annotation)
        found.append(
            ApiChange(BREAKING, "return-type-changed", (owner,), "", text, mentions=mentions)
        )
    found += _parameter_changes(owner, old.parameters, new.parameters)
    return found


def _type_change(owner: str, name: str, what: str, old: str, new: str) -> list[ApiChange]:
    if old == new:
        return []
    (old_types, old_values), (new_types, new_values) = _union(old), _union(new)
    if old_types == new_types and sorted(map(repr, old_values)) == sorted(map(repr, new_values)):
        return []  # the same members in another order
    if old_types == new_types and old_values and new_values:
        found = []
        removed = [v for v in old_values if v not in new_values]
        added = [v for v in new_values if v not in old_values]
        if removed:
            text = f"{what}: enum member {_listed(removed)} removed"
            found.append(ApiChange(BREAKING, "enum-member-removed", (owner,), name, text))
        if added:
            text = f"{what}: enum member {_listed(added)} added"
            found.append(ApiChange(INFO, "enum-member-added", (owner,), name, text, True))
        return found
    text = f"{what}: type `{old}` became `{new}`"
    mentions = _type_names(old, new)
    return [ApiChange(BREAKING, "type-changed", (owner,), name, text, mentions=mentions)]


def _type_names(*annotations: str) -> tuple[str, ...]:
    """The class names an annotation uses (``models.Job`` gives ``Job``)."""
    names: dict[str, None] = {}
    for annotation in annotations:
        for node in ast.walk(ast.parse(annotation or "None", mode="eval")):
            if isinstance(node, ast.Name):
                names[node.id] = None
            elif isinstance(node, ast.Attribute):
                names[node.attr] = None
    return tuple(names)


def _listed(values: list[object]) -> str:
    return ", ".join(f"`{v!r}`" for v in values)


def _parameter_changes(
    owner: str, old: tuple[Parameter, ...], new: tuple[Parameter, ...]
) -> list[ApiChange]:
    found = []
    before = {p.name: p for p in old}
    after = {p.name: p for p in new}
    old_positional = [p.name for p in old if p.positional and p.name in after]
    new_positional = [p.name for p in new if p.positional and p.name in before]
    if old_positional != new_positional:
        text = f"positional parameters reordered: ({', '.join(new_positional)})"
        found.append(ApiChange(BREAKING, "parameters-reordered", (owner,), "", text))
    for name in before:
        if name not in after:
            text = f"parameter `{name}` removed"
            found.append(ApiChange(BREAKING, "parameter-removed", (owner,), name, text))
    for name, param in after.items():
        if name not in before:
            if param.required:
                text = f"parameter `{name}: {param.annotation}` added, required"
                found.append(ApiChange(BREAKING, "parameter-added-required", (owner,), name, text))
            else:
                text = f"parameter `{name}: {param.annotation}` added"
                found.append(ApiChange(INFO, "parameter-added", (owner,), name, text, True))
            continue
        was = before[name]
        (old_types, old_values), (new_types, new_values) = (
            _union(was.annotation),
            _union(param.annotation),
        )
        if was.required != param.required:  # `| None` comes and goes with the default
            old_types, new_types = old_types - {"None"}, new_types - {"None"}
        if (old_types, old_values) != (new_types, new_values):
            wider = old_types <= new_types and set(map(repr, old_values)) <= set(
                map(repr, new_values)
            )
            text = f"parameter `{name}`: type `{was.annotation}` became `{param.annotation}`"
            kind = "parameter-type-widened" if wider else "parameter-type-changed"
            found.append(ApiChange(INFO if wider else BREAKING, kind, (owner,), name, text, wider))
        if was.required != param.required:
            text = f"parameter `{name}` now " + ("required" if param.required else "optional")
            kind = "parameter-became-required" if param.required else "parameter-became-optional"
            found.append(
                ApiChange(BREAKING if param.required else INFO, kind, (owner,), name, text)
            )
    return found


def _merge_owners(changes: list[ApiChange]) -> list[ApiChange]:
    """The same change in several owners (``Jobs.list`` and ``AsyncJobs.list``) once."""
    merged: dict[tuple[str, str, str], ApiChange] = {}
    for change in changes:
        key = (change.kind, change.member, change.message)
        if key in merged:
            known = merged[key]
            merged[key] = ApiChange(
                known.severity,
                known.kind,
                known.owners + change.owners,
                known.member,
                known.message,
                known.addition,
            )
        else:
            merged[key] = change
    return sorted(merged.values(), key=lambda c: (c.severity.rank, c.owners, c.kind, c.member))
