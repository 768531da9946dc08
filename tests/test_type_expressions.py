"""The type-expression tree: how it renders, how unions fold, which imports it needs."""

from __future__ import annotations

from typing import Any

import pytest

from generator.emit.expressions import (
    ANY,
    NONE,
    Argument,
    Import,
    Literal,
    Name,
    Quoted,
    Subscript,
    Union,
    from_import,
    import_lines,
    imports_of,
    module_name,
    union,
)
from generator.emit.types import MODELS, TypeContext, type_hint

SEQUENCE = from_import("collections.abc", "Sequence")
JOB = Name("models.Job", MODELS)
DATETIME = module_name("datetime", "datetime")


def test_names_subscripts_and_unions_render_as_python_spells_them() -> None:
    expr = union([Subscript(SEQUENCE, (union([DATETIME, Name("str")]),)), JOB, NONE])
    assert expr.render() == "Sequence[datetime.datetime | str] | models.Job | None"


def test_literal_values_are_written_as_black_writes_them_whatever_they_hold() -> None:
    values: tuple[str | int | bool, ...] = ("it's", 'a "b"', "x\ny", 3, True)
    assert Literal(values).render() == 'Literal["it\'s", \'a "b"\', "x\\ny", 3, True]'


def test_a_union_is_flat_without_repeats_and_ends_with_none() -> None:
    inner = union([Name("int"), NONE])
    assert union([NONE, inner, Name("str"), Name("int")]) == Union((Name("int"), Name("str"), NONE))


def test_any_absorbs_a_union_and_one_member_is_no_union() -> None:
    assert union([Name("int"), ANY, NONE]) == ANY
    assert union([Name("int"), Name("int")]) == Name("int")
    assert union([]) == NONE


def test_literal_true_and_literal_one_stay_distinct_members() -> None:
    assert union([Literal((True,)), Literal((1,))]).render() == "Literal[True] | Literal[1]"


def test_imports_are_collected_from_every_name_of_the_tree() -> None:
    expr = union([Subscript(SEQUENCE, (DATETIME,)), Literal(("a",)), JOB, Name("int")])
    assert imports_of([expr]) == {
        Import("collections.abc", "Sequence"),
        Import("datetime"),
        Import("typing", "Literal"),
        Import("..", "models"),
    }


def test_import_lines_join_the_names_of_a_module_and_keep_aliases_apart() -> None:
    imports = [
        Import("typing", "Literal"),
        Import("typing", "Any"),
        Import("datetime", alias="_datetime"),
        Import("httpx"),
    ]
    assert import_lines(imports) == [
        "import datetime as _datetime",
        "import httpx",
        "from typing import Any, Literal",
    ]


def test_an_argument_declares_its_annotation_and_default() -> None:
    assert Argument("limit", union([Name("int"), NONE]), "None").declaration == (
        "limit: int | None = None"
    )
    assert Argument("id", Name("str")).declaration == "id: str"


PARAMETER = TypeContext(for_parameter=True)
RESPONSE = TypeContext(shadowed=frozenset({"list"}))


@pytest.mark.parametrize(
    ("schema", "context", "spelt"),
    [
        ({}, RESPONSE, "Any"),
        ({"type": "string", "format": "date-time"}, PARAMETER, "datetime.datetime | str"),
        ({"type": "array", "items": {"type": "integer"}}, PARAMETER, "Sequence[int]"),
        ({"type": "array", "items": {"type": "integer"}}, RESPONSE, "builtins.list[int]"),
        ({"type": "object"}, PARAMETER, "Mapping[str, Any]"),
        ({"type": ["string", "null"]}, RESPONSE, "str | None"),
        ({"anyOf": [{"type": "string"}, {}]}, RESPONSE, "Any"),
        ({"$ref": "#/components/schemas/Job", "nullable": True}, RESPONSE, "models.Job | None"),
        ({"const": "a'b"}, RESPONSE, 'Literal["a\'b"]'),
        ({"type": "null"}, RESPONSE, "None"),
        ({"$ref": "#/components/schemas/Job"}, PARAMETER, "params.JobParam | models.Job"),
        (
            {"type": "array", "items": {"$ref": "#/components/schemas/Job"}},
            PARAMETER,
            "Sequence[params.JobParam | models.Job]",
        ),
    ],
)
def test_a_schema_becomes_the_expected_type(
    schema: dict[str, Any], context: TypeContext, spelt: str
) -> None:
    assert type_hint(schema, context).render() == spelt


def test_in_the_models_module_models_are_local_and_datetime_is_aliased() -> None:
    context = TypeContext(models=None, datetime_alias="_datetime")
    schema = {"anyOf": [{"$ref": "#/components/schemas/Job"}, {"format": "date", "type": "string"}]}
    expr = type_hint(schema, context)
    assert expr.render() == "Job | _datetime.date"
    assert imports_of([expr]) == {Import("datetime", alias="_datetime")}


def test_a_quoted_type_is_a_string_literal_and_still_needs_its_imports() -> None:
    quoted = Quoted(union([Name("TreeParam"), JOB, NONE]))
    assert quoted.render() == '"TreeParam | models.Job | None"'
    assert imports_of([Subscript(SEQUENCE, (quoted,))]) == {
        Import("collections.abc", "Sequence"),
        MODELS,
    }


def test_a_request_context_takes_a_model_as_its_typed_dict_beside_the_model() -> None:
    expr = type_hint({"$ref": "#/components/schemas/Job"}, PARAMETER)
    assert imports_of([expr]) == {MODELS, Import("..", "params")}
    assert type_hint({"$ref": "#/components/schemas/Job"}, RESPONSE).render() == "models.Job"
