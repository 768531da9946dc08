"""Schema shapes that trip generators, each proven end to end (issue 7).

Every shape of ``tests/shape_specs.py`` is generated through the whole
pipeline as its own package and imported; the generated models must accept
the JSON the schema allows (and give it back exactly, aliases included),
reject what it forbids, and say with a JSON pointer whatever they can't check.
Operation shapes are in ``test_shape_operations.py``; one ``mypy --strict``
run covers the packages of both.
"""

from __future__ import annotations

import json
import keyword
import os
import pkgutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, TypeAdapter, ValidationError

from .conftest import ROOT
from .shape_specs import MODEL_SHAPES
from .shapes import SHAPES, GeneratedShape
from .test_cli import run_cli

THING = "/components/schemas/Thing"


@dataclass(frozen=True)
class ModelCase:
    shape: str
    model: str
    accepts: list[Any]
    rejects: list[Any] = field(default_factory=list)


MODEL_CASES = [
    ModelCase(
        "type_arrays_with_null",
        "Thing",
        accepts=[
            {"name": None, "labels": None, "inner": None},
            {"name": "n", "labels": {"k": "v"}, "inner": {"x": 1}, "size": "big", "scores": [1.5, None]},
            {"name": "n", "labels": {}, "inner": None, "size": None, "scores": None},
        ],
        rejects=[
            {"labels": None, "inner": None},  # name is required, null or not
            {"name": 1, "labels": None, "inner": None},
            {"name": None, "labels": {"k": 1}, "inner": None},
            {"name": None, "labels": None, "inner": {"x": "one"}},
            {"name": None, "labels": None, "inner": None, "size": 1.5},
        ],
    ),
    ModelCase(
        "nullable_everything",
        "Thing",
        accepts=[
            dict.fromkeys(("text", "choice", "inner", "numbers", "map", "color", "object")),
            {
                "text": "t", "choice": "a", "inner": {"x": 1}, "numbers": [1, None],
                "map": {"k": None, "l": "v"}, "color": "red", "object": {"y": "y"}, "note": "n",
            },
        ],
        rejects=[
            dict.fromkeys(("text", "choice", "inner", "numbers", "map", "color")),
            {**dict.fromkeys(("text", "inner", "numbers", "map", "color", "object")), "choice": "c"},
            {**dict.fromkeys(("text", "choice", "inner", "map", "color", "object")), "numbers": ["x"]},
        ],
    ),
    ModelCase(
        "const",
        "Thing",
        accepts=[{"kind": "fixed", "version": 2}],
        rejects=[{"kind": "other", "version": 2}, {"kind": "fixed", "version": 3}, {"kind": "fixed"}],
    ),
    ModelCase(
        "defs_examples_content_media_type",
        "Thing",
        accepts=[{"inner": {"x": 1}}, {"inner": {"x": 2}, "picture": "iVBORw0KGgo=", "nick": "ann"}],
        rejects=[{"inner": {"x": "one"}}, {"inner": {"x": 1}, "picture": 7}],
    ),
    ModelCase(
        "prefix_items",
        "Thing",
        accepts=[{"pair": ["a", 1]}],
        rejects=[{"pair": "a1"}, {"pair": ["a", 1, "extra"]}, {"pair": [1.5]}],
    ),
    ModelCase(
        "recursive",
        "Node",
        accepts=[{"name": "a", "children": [{"name": "b", "children": [{"name": "c", "children": []}]}]}],
        rejects=[{"name": "a", "children": [{"name": "b", "children": [{"children": []}]}]}],
    ),
    ModelCase(
        "mutually_recursive",
        "Folder",
        accepts=[{"name": "/", "files": [{"name": "f", "parent": {"name": "/", "files": []}}]}],
        rejects=[{"name": "/", "files": [{"name": "f", "parent": {"files": []}}]}],
    ),
    ModelCase(
        "all_of_with_one_of",
        "OwnedPet",
        accepts=[
            {"owner": "ann", "kind": "cat", "meow": True},
            {"owner": "bob", "kind": "dog", "bark": False},
        ],
        rejects=[{"kind": "cat"}, {"owner": "ann"}, {"owner": 5, "kind": "dog"}],
    ),
    ModelCase(
        "discriminator_with_mapping",
        "Pet",
        accepts=[{"kind": "cat", "meow": True}, {"kind": "dog"}],
        rejects=[{"kind": "Cat"}, {"kind": "cow"}, {"meow": True}],
    ),
    ModelCase(
        "discriminator_without_mapping",
        "Pet",
        accepts=[{"kind": "Cat", "meow": True}, {"kind": "Dog", "bark": True}],
        rejects=[{"kind": "cat"}, {"kind": "Cow"}],
    ),
    ModelCase(
        "discriminators_disagreeing_on_a_tag",
        "Pets",
        # A class has one tag: the mapped union's. The other union can't decode
        # its own implicit tag, as the warning at each variant says.
        accepts=[{"mapped": {"kind": "cat"}, "unmapped": {"kind": "dog"}}],
        rejects=[{"unmapped": {"kind": "Cat"}}],
    ),
    ModelCase(
        "discriminator_on_a_base",
        "Owner",
        accepts=[{"pet": {"kind": "cat", "meow": True}}, {"pet": {"kind": "dog", "name": "rex"}}, {}],
        rejects=[{"pet": {"kind": "cow"}}, {"pet": {"name": "rex"}}],
    ),
    ModelCase(
        "additional_properties",
        "Thing",
        accepts=[
            {"counts": {}},
            {
                "counts": {"a": 1, "b": 2}, "anything": {"a": [1, {"b": None}]},
                "children": {"c": {"x": 3}}, "headers": {"x-trace": "t"}, "extra": {"kept": True},
            },
        ],
        rejects=[
            {"counts": {"a": "one"}},
            {"counts": {}, "children": {"c": {"x": "three"}}},
            {"counts": {}, "headers": {"x-trace": 5}},
        ],
    ),
    ModelCase(
        "free_form_objects_and_arrays_without_items",
        "Thing",
        accepts=[
            {"meta": {}, "list": []},
            {"meta": {"a": {"b": [1]}}, "blob": [1, "x", None], "list": [1, "two", {"three": 3}]},
        ],
        rejects=[{"meta": [], "list": []}, {"meta": {}, "list": {}}],
    ),
    ModelCase(
        "enums_of_mixed_types_and_any_strings",
        "Thing",
        accepts=[
            *({"status": s} for s in ["Cancelled - Ran too long", "2026-02-01", "", "class", "A", "a"]),
            *({"status": "a", "mixed": m} for m in [1, "one", True, None]),
            {"status": "a", "level": 2},
        ],
        rejects=[
            {"status": "cancelled - ran too long"}, {"status": "2026-02-02"}, {"status": None},
            {"status": "a", "mixed": 2}, {"status": "a", "mixed": "two"}, {"status": "a", "level": 3},
        ],
    ),
    ModelCase(
        "literal_misfits",
        "Thing",
        accepts=[{"ratio": 0.5}, {"ratio": "none"}, {"origin": {"x": 0}}],
        rejects=[{"ratio": "half"}, {"origin": [0]}],
    ),
    ModelCase(
        "names_that_are_not_identifiers",
        "Thing",
        accepts=[
            {"first-name": "ann", "class": "c"},
            {
                "first-name": "ann", "class": "c", "2fa": True, "@type": "person",
                "camelCase": 1, "model_config": "m",
            },
        ],
        rejects=[{"first-name": 1, "class": "c"}, {"first-name": "ann"}],
    ),
    ModelCase(
        "unexpressible_keywords",
        "Thing",
        # Each sample breaks a keyword the models can't check: it passes, as warned.
        accepts=[{"code": "x"}, {"code": "c", "tags": ["long tag"]}, {"code": "c", "bag": {}}],
        rejects=[{"tags": []}, {"code": 1}],
    ),
]  # fmt: skip


@pytest.mark.parametrize("case", MODEL_CASES, ids=[c.shape for c in MODEL_CASES])
def test_model_accepts_valid_json_gives_it_back_exactly_and_rejects_invalid_json(
    shapes: dict[str, GeneratedShape], case: ModelCase
) -> None:
    adapter: TypeAdapter[Any] = TypeAdapter(
        getattr(shapes[case.shape].module("models"), case.model)
    )
    for sample in case.accepts:
        value = adapter.validate_json(json.dumps(sample))
        assert adapter.dump_python(value, mode="json", by_alias=True, exclude_unset=True) == sample
    for sample in case.rejects:
        with pytest.raises(ValidationError):
            adapter.validate_json(json.dumps(sample))


def test_every_model_shape_has_a_case() -> None:
    assert {c.shape for c in MODEL_CASES} == set(MODEL_SHAPES)


def test_a_recursive_model_parses_three_levels_into_its_own_class(
    shapes: dict[str, GeneratedShape],
) -> None:
    node = shapes["recursive"].module("models").Node
    root = node.model_validate(
        {"name": "a", "children": [{"name": "b", "children": [{"name": "c"}]}]}
    )
    assert type(root.children[0].children[0]) is node
    assert root.children[0].children[0].name == "c"
    folder = shapes["mutually_recursive"].module("models").Folder
    parsed = folder.model_validate({"name": "/", "files": [{"name": "f", "parent": {"name": "/"}}]})
    assert type(parsed.files[0].parent) is folder


@pytest.mark.parametrize(
    ("shape", "sample", "picked"),
    [
        ("discriminator_with_mapping", {"kind": "dog", "bark": True}, "Dog"),
        ("discriminator_with_mapping", {"kind": "cat"}, "Cat"),
        ("discriminator_without_mapping", {"kind": "Dog"}, "Dog"),
        ("discriminator_without_mapping", {"kind": "Cat", "meow": False}, "Cat"),
        ("all_of_with_one_of", {"owner": "o", "kind": "dog", "bark": True}, "Dog"),
    ],
)
def test_a_union_picks_the_class_its_tag_names(
    shapes: dict[str, GeneratedShape], shape: str, sample: dict[str, Any], picked: str
) -> None:
    models = shapes[shape].module("models")
    model = models.OwnedPet if shape == "all_of_with_one_of" else models.Pet
    value = TypeAdapter(model).validate_python(sample)
    value = value.root if hasattr(value, "root") else value
    assert isinstance(value, getattr(models, picked))
    other = {"Dog": "Cat", "Cat": "Dog"}[picked]
    assert not isinstance(value, getattr(models, other))


def test_a_discriminator_on_a_base_class_picks_the_subclass(
    shapes: dict[str, GeneratedShape],
) -> None:
    models = shapes["discriminator_on_a_base"].module("models")
    owner = models.Owner.model_validate({"pet": {"kind": "dog", "name": "rex", "bark": True}})
    assert type(owner.pet) is models.Dog
    assert isinstance(owner.pet, models.Pet) and owner.pet.name == "rex"


def test_json_names_that_are_not_identifiers_become_attributes_with_exact_aliases(
    shapes: dict[str, GeneratedShape],
) -> None:
    thing = shapes["names_that_are_not_identifiers"].module("models").Thing
    assert all(n.isidentifier() and not keyword.iskeyword(n) for n in thing.model_fields)
    made = thing(first_name="ann", class_="c", field_2fa=True, model_config_="m")
    assert made.model_dump(by_alias=True, exclude_unset=True) == {
        "first-name": "ann", "class": "c", "2fa": True, "model_config": "m",
    }  # fmt: skip
    assert isinstance(thing.model_config, dict)  # pydantic's own attribute is left alone


def test_a_nullable_field_accepts_null_and_a_const_field_only_its_value(
    shapes: dict[str, GeneratedShape],
) -> None:
    nullable = shapes["nullable_everything"].module("models").Thing
    fields = ("text", "choice", "inner", "numbers", "map", "color", "object")
    assert nullable.model_validate(dict.fromkeys(fields)).inner is None
    const = shapes["const"].module("models").Thing
    assert const.model_validate({"kind": "fixed", "version": 2}).version == 2
    with pytest.raises(ValidationError, match="fixed"):
        const.model_validate({"kind": "moving", "version": 2})


def test_prefix_items_is_warned_with_its_pointer_and_the_field_is_still_a_typed_list(
    shapes: dict[str, GeneratedShape],
) -> None:
    shape = shapes["prefix_items"]
    assert shape.warnings_at(f"{THING}/properties/pair/prefixItems")
    thing = shape.module("models").Thing
    assert thing.model_validate({"pair": ["a", 1]}).pair == ["a", 1]
    with pytest.raises(ValidationError):
        thing.model_validate({"pair": {"a": 1}})


WARNED = {
    "discriminators_disagreeing_on_a_tag": ["/components/schemas/Cat", "/components/schemas/Dog"],
    "prefix_items": [f"{THING}/properties/pair/prefixItems"],
    "literal_misfits": [f"{THING}/properties/ratio/enum", f"{THING}/properties/origin/const"],
    "unexpressible_keywords": [
        f"{THING}/if",
        f"{THING}/then",
        f"{THING}/dependentRequired",
        f"{THING}/unevaluatedProperties",
        f"{THING}/properties/code/not",
        f"{THING}/properties/tags/items",
        f"{THING}/properties/bag/propertyNames",
        f"{THING}/properties/bag/minProperties",
        f"{THING}/properties/id/format",
    ],
}


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_a_shape_warns_exactly_where_the_client_checks_less_than_the_spec(
    shapes: dict[str, GeneratedShape], name: str
) -> None:
    diagnostics = shapes[name].run.diagnostics
    # A name built from a member's structure is warned too, but checks nothing less.
    checks = [d for d in diagnostics if "is named from its structure" not in d.message]
    assert sorted(d.pointer for d in checks) == sorted(WARNED.get(name, []))
    assert all(d.file == str(shapes[name].spec) for d in diagnostics)


def test_unexpressible_keywords_are_named_on_stderr_and_generation_goes_on(
    shapes: dict[str, GeneratedShape], tmp_path: Path
) -> None:
    (tmp_path / "no-overlays").mkdir()
    shape = shapes["unexpressible_keywords"]
    result = run_cli(
        "generate", "--spec", str(shape.spec), "--overlays", str(tmp_path / "no-overlays"),
        "--out", str(tmp_path / "out"), "--package-name", "shape_cli",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    for pointer in WARNED["unexpressible_keywords"]:
        assert f"warning: {shape.spec}#{pointer}: " in result.stderr
    assert "'maxLength'" in result.stderr and "'snowflake-id'" in result.stderr
    assert (tmp_path / "out" / "shape_cli" / "models.py").exists()


def test_literal_misfits_say_what_they_are_checked_as(shapes: dict[str, GeneratedShape]) -> None:
    shape = shapes["literal_misfits"]
    assert shape.warnings_at(f"{THING}/properties/ratio/enum") == [
        "enum members [0.5, 1.5] are checked as any number"
    ]
    assert shape.warnings_at(f"{THING}/properties/origin/const") == [
        'const {"x": 0} is checked as any object'
    ]


def test_webhooks_are_left_out_of_the_client_without_a_word(
    shapes: dict[str, GeneratedShape],
) -> None:
    shape = shapes["webhooks"]
    package = shape.module()
    assert set(package.OPERATIONS) == {"get_thing"}
    resources = shape.module("resources")
    assert [m.name for m in pkgutil.iter_modules(resources.__path__)] == ["things"]
    models = shape.module("models")
    classes = {
        n
        for n, v in vars(models).items()
        if isinstance(v, type) and issubclass(v, BaseModel) and v.__module__ == models.__name__
    }
    assert classes == {"Thing", "Event"}  # components only: the webhooks' inline body is not
    assert not shape.run.diagnostics


def test_every_shape_package_passes_mypy_strict_in_one_run(
    shapes: dict[str, GeneratedShape],
) -> None:
    result = subprocess.run(
        [
            sys.executable, "-m", "mypy", "--strict", "--no-incremental",
            *[str(s.out / s.package) for s in shapes.values()],
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "MYPYPATH": os.pathsep.join(str(s.out) for s in shapes.values())},
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-5000:]
    assert "Success: no issues found" in result.stdout
