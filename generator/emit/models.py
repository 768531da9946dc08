"""Models stage: named schemas → pydantic v2 source, by datamodel-code-generator.

The hoisted models go to datamodel-code-generator in-process as one OpenAPI
document. Its options are chosen for a client: Literal types for enums (a new
server value doesn't break an Enum class), snake_case fields with the exact
JSON name as alias, extra fields kept, plain ``datetime`` (servers send both
naive and aware timestamps). Formatting is left to the format stage, which
finds the library's module already in black's style (``generator.emit.model_style``).
"""

from __future__ import annotations

import ast
import html
from typing import Any

from generator.diagnostics import GeneratorError, error
from generator.emit import code
from generator.emit.expressions import ANY, Expr, from_import, import_lines, imports_of
from generator.emit.model_groups import Outline
from generator.emit.model_style import black_styled, laid_out_line
from generator.emit.types import TypeContext, model_names_in, type_hint
from generator.ir.model import Api

__all__ = [
    "datamodel_module",
    "library_module",
    "models_document",
    "render_models",
    "with_aliases",
]

_TYPE_ALIAS = from_import("typing", "TypeAlias")
_HEADER = '"""Request and response models of the {title} (generated: do not edit)."""'


def models_document(api: Api) -> dict[str, Any]:
    """The OpenAPI document datamodel-code-generator reads: components only."""
    openapi = "3.1.0" if api.openapi.startswith("3.1") else "3.0.3"
    return {
        "openapi": openapi,
        "info": {"title": api.title, "version": api.version},
        "paths": {},
        "components": {"schemas": {model.name: _decoded(model.schema) for model in api.models}},
    }


_SUBSCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions")
_SUBSCHEMAS = ("items", "additionalProperties", "not", "contains", "propertyNames")
_SUBSCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")


def _decoded(schema: Any) -> Any:
    """``schema`` with its descriptions' HTML entities decoded (``&ast;&ast;Warning:&ast;&ast;``
    becomes ``**Warning:**``), as the methods' docstrings have them; the values it
    holds (``default``, ``enum``, ``examples``) are left as they are."""
    if not isinstance(schema, dict):
        return schema
    result = dict(schema)
    if isinstance(result.get("description"), str):
        result["description"] = html.unescape(result["description"])
    for key in _SUBSCHEMA_MAPS:
        if isinstance(result.get(key), dict):
            result[key] = {name: _decoded(sub) for name, sub in result[key].items()}
    for key in _SUBSCHEMAS:
        if key in result:
            result[key] = _decoded(result[key])
    for key in _SUBSCHEMA_LISTS:
        if isinstance(result.get(key), list):
            result[key] = [_decoded(sub) for sub in result[key]]
    return result


def render_models(api: Api) -> str:
    return with_aliases(datamodel_module(models_document(api), api.title), api)


def datamodel_module(document: dict[str, Any], title: str) -> str:
    """datamodel-code-generator's module for a models ``document`` (of ``models_document``
    or a part of one), before ``with_aliases``, in black's style where
    ``generator.emit.model_style`` knows it (black formats it once instead of twice)."""
    return black_styled(library_module(document, title))


def library_module(document: dict[str, Any], title: str) -> str:
    """datamodel-code-generator's module for ``document`` as the library writes it."""
    if not document["components"]["schemas"]:
        return _HEADER.format(title=code.one_line(title)) + "\n"
    # Loaded here: a run whose models come from the stage cache never needs it.
    from datamodel_code_generator import GenerateConfig, InputFileType, LiteralType, generate
    from datamodel_code_generator.enums import DataModelType
    from datamodel_code_generator.format import DatetimeClassType, PythonVersion

    config = GenerateConfig(
        input_file_type=InputFileType.OpenAPI,
        output_model_type=DataModelType.PydanticV2BaseModel,
        target_python_version=PythonVersion.PY_310,
        enum_field_as_literal=LiteralType.All,
        snake_case_field=True,
        allow_population_by_field_name=True,
        allow_extra_fields=True,
        field_constraints=True,
        strict_nullable=True,
        use_annotated=True,
        use_schema_description=True,
        use_field_description=True,
        use_standard_collections=True,
        use_union_operator=True,
        use_double_quotes=True,
        disable_timestamp=True,
        collapse_root_models=True,
        output_datetime_class=DatetimeClassType.Datetime,
        formatters=[],
        custom_file_header=_HEADER.format(title=code.one_line(title)),
    )
    try:
        source = generate(document, config=config)
    except Exception as exc:
        raise GeneratorError(
            [error("models", "/components/schemas", f"datamodel-code-generator failed: {exc}")]
        ) from exc
    if not isinstance(source, str):
        raise GeneratorError([error("models", "", "datamodel-code-generator returned no module")])
    return source


def _renamed(imported: frozenset[str], defined: frozenset[str], api: Api) -> dict[str, str]:
    """The models datamodel-code-generator wrote under another name: name -> class.

    It gives a component the suffix ``Model`` when the name is taken in the module,
    by an import or by an inline model it names after a property (``Contact``'s
    ``PhoneNumber`` property, an ``allOf`` of a string, takes the name before the
    ``PhoneNumber`` schema, written ``PhoneNumberModel``). Each such model gets an
    alias to its class, so ``models.PhoneNumber`` is the class; one whose name
    models.py imports is refused: the alias would shadow the import
    (``Annotated`` written as ``AnnotatedModel``).
    """
    names = {m.name for m in api.models}
    renamed = {
        m.name: f"{m.name}Model"
        for m in api.models
        if m.name not in defined and f"{m.name}Model" in defined - names
    }
    clashes = [m for m in api.models if m.name not in defined and m.name in imported]
    if clashes:
        raise GeneratorError(
            [
                error(
                    "models",
                    min(m.pointers, default=""),
                    f"datamodel-code-generator did not keep the model name {m.name!r} "
                    "(it is a name models.py imports)",
                    "name the schema otherwise with an x-python-name in an overlay",
                )
                for m in clashes
            ]
        )
    return renamed


def with_aliases(source: str, api: Api, outline: Outline | None = None) -> str:
    """Type aliases for the models datamodel-code-generator folded into their users.

    A named schema that is not an object (a union, an array, a constrained
    string) is written inline wherever another model uses it, and its class is
    left out; the client still refers to it as ``models.<Name>``. Each becomes
    ``Name: TypeAlias = <its type>``, after the classes it names. An alias whose
    type runs through itself can't be spelt and is ``Any``. The names ``source`` binds
    are read from its ``outline`` when given (``model_groups`` knows them), else by
    parsing it.
    """
    if outline is None:
        outline = Outline.of(ast.parse(source))
    defined = outline.classes
    renamed = _renamed(outline.imported, defined, api)
    missing = {m.name: m.schema for m in api.models if m.name not in defined | set(renamed)}
    if not missing and not renamed:
        return source
    # In the models module: models by their own names, and the module ``datetime``
    # under another name, as datamodel-code-generator binds ``datetime`` the class.
    ctx = TypeContext(models=None, datetime_alias="_datetime")
    lines = [
        "",
        "",
        "# Models written under another name, and models that are not classes (unions,",
        "# arrays, scalars), as type aliases.",
        "",
    ]
    used: list[Expr] = [_TYPE_ALIAS]
    done: set[str] = set()

    def emit(name: str, visiting: tuple[str, ...]) -> None:
        if name in done:
            return
        uses = sorted(model_names_in(missing[name]) & set(missing))
        hint: Expr
        if any(u == name or u in visiting for u in uses):
            hint = ANY
        else:
            for used_name in uses:
                emit(used_name, (*visiting, name))
            hint = type_hint(missing[name], ctx)
        done.add(name)
        used.append(hint)
        alias = f"{code.name(name)}: {_TYPE_ALIAS.render()} = {code.expression(hint.render())}"
        lines.append(laid_out_line(alias))

    for name, written in sorted(renamed.items()):  # first: the other aliases may use them
        lines.append(
            laid_out_line(f"{code.name(name)}: {_TYPE_ALIAS.render()} = {code.name(written)}")
        )
    for name in sorted(missing):
        emit(name, ())
    aliases = "\n".join(lines)
    imports = import_lines(imports_of(used))
    future = "from __future__ import annotations\n"
    head, found, rest = source.partition(future)
    if not found:
        head, rest = "", source
    return head + future + "\n".join(imports) + "\n" + rest + aliases + "\n"
