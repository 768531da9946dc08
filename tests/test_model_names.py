"""Model names depend only on a schema and its place: no counter, no hash, no order.

Two real specs (the seed and Blockfrost, each with its overlays) are mutated
the way upstream specs change between versions: union members reordered,
properties and operations added elsewhere. No model that the change leaves
alone may change its name. Blockfrost 0.1.92 → 0.1.93 (one added response
field) must keep every class name; the seed's client must carry no
positional or hash names. The rules for union members are pinned on tiny
specs.
"""

from __future__ import annotations

import copy
import gzip
import os
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from generator.diagnostics import Diagnostic
from generator.ir.build import build_api
from generator.ir.model import Api
from generator.spec import pointer as jp
from generator.spec.dereference import dereference
from generator.spec.load import load_document, parse_document
from generator.spec.overlays import apply_overlays, overlay_files

from .conftest import OVERLAYS, ROOT, SEED

BLOCKFROST = ROOT / "tests" / "data" / "corpus" / "blockfrost"
PAIR = ROOT / "tests" / "data" / "diff-pairs" / "specs"  # see its README
MODELS_PY = ROOT / "generated" / "qiskit_runtime_api" / "models.py"
COMPOSED = {"allOf", "oneOf", "anyOf"}
POSITIONAL_OR_HASH = re.compile(r"(?:Option|Part)\d|X[0-9a-f]{6}\b")


def _with_overlays(spec: Path, overlays: Path) -> dict[str, Any]:
    data, _ = apply_overlays(load_document(spec).data, overlay_files(overlays))
    assert isinstance(data, dict)
    return data


def _published(version: str) -> dict[str, Any]:
    """Blockfrost's spec as npm publishes it (the diff pairs' gzipped copy), with its overlays."""
    raw = gzip.decompress((PAIR / f"blockfrost-{version}.yaml.gz").read_bytes())
    data, _ = apply_overlays(parse_document(raw, version), overlay_files(BLOCKFROST / "overlays"))
    assert isinstance(data, dict) and data["info"]["version"] == version
    return data


def _api(spec: dict[str, Any]) -> tuple[Api, list[Diagnostic]]:
    return build_api(dereference(copy.deepcopy(spec), "spec.json", ROOT))


def names_by_pointer(spec: dict[str, Any]) -> dict[str, str]:
    """Each place a model is used (its JSON pointer) → the model's name."""
    return {pointer: m.name for m in _api(spec)[0].models for pointer in m.pointers}


SPECS = {
    "seed": _with_overlays(SEED, OVERLAYS),
    "blockfrost": _with_overlays(BLOCKFROST / "openapi.yaml", BLOCKFROST / "overlays"),
}
BASELINE = {name: names_by_pointer(spec) for name, spec in SPECS.items()}


def _nodes(node: Any, here: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], Any]]:
    found = [(here, node)]
    if isinstance(node, dict):
        for key, value in node.items():
            if key not in ("example", "examples"):
                found += _nodes(value, (*here, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _nodes(value, (*here, index))
    return found


def _unions(spec: dict[str, Any]) -> list[str]:
    return [
        jp.from_parts(here)
        for here, node in _nodes(spec)
        if here and here[-1] in ("oneOf", "anyOf") and isinstance(node, list) and len(node) > 1
    ]


def _translate(pointer: str, orders: dict[str, list[int]]) -> str:
    """``pointer`` in the old document → the same schema's pointer after the reorderings."""
    old = ""
    new = ""
    for part in jp.parse(pointer):
        new = jp.join(new, orders[old].index(int(part)) if old in orders else part)
        old = jp.join(old, part)
    return new


def reorder(spec: dict[str, Any], orders: dict[str, list[int]]) -> None:
    """Permute union members in place: ``orders[list] = [old index at new position 0, ...]``."""
    lists = {pointer: jp.follow(spec, pointer) for pointer in orders}  # before any change
    for pointer, order in orders.items():
        members = list(lists[pointer])
        lists[pointer][:] = [members[i] for i in order]


def _add_operation(spec: dict[str, Any], word: str) -> None:
    """A new operation, first in the document, with an inline body and response of its own."""
    inline = {"type": "object", "properties": {f"added_{word}_value": {"type": "integer"}}}
    operation = {
        "post": {
            "operationId": f"added_{word}",
            "tags": ["added"],
            "requestBody": {
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "properties": {f"added_{word}_input": copy.deepcopy(inline)},
                        }
                    }
                }
            },
            "responses": {
                "200": {
                    "description": "added",
                    "content": {"application/json": {"schema": copy.deepcopy(inline)}},
                }
            },
        }
    }
    spec["paths"] = {f"/added/{word}": operation, **spec["paths"]}


def _single_place_models(spec_name: str) -> list[str]:
    places: dict[str, list[str]] = {}
    for pointer, name in BASELINE[spec_name].items():
        places.setdefault(name, []).append(pointer)
    return sorted(
        pointers[0]
        for pointers in places.values()
        if len(pointers) == 1 and _plain_object(SPECS[spec_name], pointers[0])
    )


def _plain_object(spec: dict[str, Any], pointer: str) -> bool:
    """A plain object schema in the spec itself, not a union (a lone member's place is its union's)."""
    try:
        node = jp.follow(spec, pointer)
    except (KeyError, IndexError, TypeError, ValueError):
        return False
    return isinstance(node, dict) and "properties" in node and not set(node) & COMPOSED


def _assert_untouched_names_kept(
    spec_name: str,
    mutated: dict[str, Any],
    orders: dict[str, list[int]],
    touched: list[str],
) -> None:
    after = names_by_pointer(mutated)
    for pointer, name in BASELINE[spec_name].items():
        if any(pointer == t or t.startswith(pointer + "/") for t in touched):
            continue  # a schema the change reached (or one that contains it) may be renamed
        moved = _translate(pointer, orders)
        assert after.get(moved) == name, f"{spec_name}: {pointer}: {name} -> {after.get(moved)}"


WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=8)


@pytest.mark.parametrize("spec_name", sorted(SPECS))
@settings(
    max_examples=int(os.environ.get("NAMES_EXAMPLES", "6")),
    deadline=None,
    derandomize=os.environ.get("NAMES_EXAMPLES") is None,
    phases=[Phase.explicit, Phase.generate],  # a shrink takes minutes on a real spec
    suppress_health_check=[HealthCheck.too_slow],
)
@given(data=st.data())
def test_reordered_members_and_additions_elsewhere_rename_no_model(
    spec_name: str, data: st.DataObject
) -> None:
    spec = copy.deepcopy(SPECS[spec_name])
    unions = _unions(spec)
    chosen = data.draw(st.lists(st.sampled_from(unions), unique=True, max_size=len(unions)))
    orders = {
        pointer: list(data.draw(st.permutations(range(len(jp.follow(spec, pointer))))))
        for pointer in chosen
    }
    targets = data.draw(
        st.lists(st.sampled_from(_single_place_models(spec_name)), unique=True, max_size=3)
    )
    words = data.draw(st.lists(WORDS, unique=True, min_size=len(targets) + 2, max_size=6))
    for pointer, word in zip(targets, words, strict=False):
        schema = jp.follow(spec, pointer)
        schema.setdefault("properties", {})[f"added_{word}"] = {
            "type": "object",
            "properties": {f"added_{word}_flag": {"type": "boolean"}},
        }
    for word in words[len(targets) :]:
        _add_operation(spec, word)
    reorder(spec, orders)
    _assert_untouched_names_kept(spec_name, spec, orders, targets)


@pytest.mark.parametrize("spec_name", sorted(SPECS))
def test_every_union_reversed_renames_no_model(spec_name: str) -> None:
    spec = copy.deepcopy(SPECS[spec_name])
    unions = _unions(spec)
    assert unions, "the spec has unions to reorder"
    orders = {pointer: list(reversed(range(len(jp.follow(spec, pointer))))) for pointer in unions}
    reorder(spec, orders)
    _assert_untouched_names_kept(spec_name, spec, orders, [])


def test_blockfrost_0_1_92_to_0_1_93_keeps_every_class_name_at_its_place() -> None:
    old, new = (names_by_pointer(_published(version)) for version in ("0.1.92", "0.1.93"))
    assert len(set(new.values())) == 161
    assert set(new.values()) == set(old.values())
    assert new == old
    assert new["/components/schemas/proposal_votes/items"] == "ProposalVote"  # the changed one


def test_the_seed_client_has_no_positional_or_hash_names() -> None:
    classes = re.findall(r"^class (\w+)\(|^(\w+): TypeAlias", MODELS_PY.read_text(), re.M)
    names = [a or b for a, b in classes]
    assert len(names) > 80
    assert [n for n in names if POSITIONAL_OR_HASH.search(n)] == []
    for expected in ("Session", "BackendProperties", "BackendConfiguration", "JobRequest"):
        assert expected in names


def test_corpus_blockfrost_names_carry_no_counter_or_hash() -> None:
    names = set(BASELINE["blockfrost"].values())
    assert [n for n in names if POSITIONAL_OR_HASH.search(n)] == []
    assert {"DrepUpdate", "ProposalVote", "AssetAddress"} <= names  # array components' items


# -- the rules, on tiny specs -------------------------------------------


def _tiny(body: dict[str, Any], components: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "openapi": "3.0.3",
        "info": {"title": "tiny", "version": "1"},
        "paths": {
            "/things": {
                "post": {
                    "operationId": "create_thing",
                    "requestBody": {"content": {"application/json": {"schema": body}}},
                    "responses": {"204": {"description": "done"}},
                }
            }
        },
        "components": {"schemas": components or {}},
    }


def _obj(**properties: Any) -> dict[str, Any]:
    return {"type": "object", "properties": properties}


def _names(spec: dict[str, Any]) -> dict[str, str]:
    api, _ = _api(spec)
    return {m.pointers[0]: m.name for m in api.models}


BODY = "/paths/~1things/post/requestBody/content/application~1json/schema"


def test_members_take_their_title_discriminator_value_or_ref_target() -> None:
    cat = _obj(kind={"type": "string"}, purrs={"type": "boolean"})
    body = {
        "oneOf": [
            {"title": "Lizard", **_obj(scales={"type": "integer"})},
            {"$ref": "#/components/schemas/cat_v2"},
            {"$ref": "#/paths/~1things/post/x-shapes/dog"},
        ]
    }
    spec = _tiny(body, {"cat_v2": cat})
    spec["paths"]["/things"]["post"]["x-shapes"] = {"dog": _obj(barks={"type": "boolean"})}
    names = _names(spec)
    assert names[f"{BODY}/oneOf/0"] == "Lizard"
    assert names["/components/schemas/cat_v2"] == "CatV2"
    assert names["/paths/~1things/post/x-shapes/dog"] == "CreateThingRequestDog"


def test_members_take_a_distinguishing_const_value_and_the_shared_part_is_the_base() -> None:
    base = _obj(id={"type": "string"})
    body = {
        "oneOf": [
            {"allOf": [base, _obj(kind={"type": "string", "enum": ["circle"]})]},
            {"allOf": [copy.deepcopy(base), _obj(kind={"const": "square"}, side={})]},
        ]
    }
    names = set(_names(_tiny(body)).values())
    assert {"CreateThingRequestCircle", "CreateThingRequestSquare"} <= names
    assert any(n.endswith("Base") for n in names), names


def test_a_member_set_apart_by_one_required_property_is_named_with_it() -> None:
    body = {
        "anyOf": [
            {**_obj(a={"type": "string"}), "required": ["a"]},
            {**_obj(a={"type": "string"}, token={"type": "string"}), "required": ["token"]},
        ]
    }
    names = set(_names(_tiny(body)).values())
    assert {"CreateThingRequestWithA", "CreateThingRequestWithToken"} <= names


def test_a_member_named_from_structure_alone_is_a_warning_with_its_pointer_and_overlay() -> None:
    body = {"oneOf": [_obj(a={"type": "string"}), _obj(b={"type": "string"})]}
    api, diagnostics = _api(_tiny(body))
    assert {m.name for m in api.models} >= {"CreateThingRequestWithA", "CreateThingRequestWithB"}
    said = {d.pointer: d for d in diagnostics if "named from its structure" in d.message}
    assert set(said) == {f"{BODY}/oneOf/0", f"{BODY}/oneOf/1"}
    assert "`title`" in said[f"{BODY}/oneOf/0"].hint
    assert "x-python-name" in said[f"{BODY}/oneOf/0"].hint


def test_an_x_python_name_names_a_schema_and_two_equal_titles_are_told_apart_by_place() -> None:
    body = _obj(
        left={"title": "Side", **_obj(x={"type": "integer"})},
        right={"title": "Side", **_obj(y={"type": "integer"})},
        middle={"x-python-name": "Centre", **_obj(z={"type": "integer"})},
    )
    names = set(_names(_tiny(body)).values())
    assert {"CreateThingRequestLeft", "CreateThingRequestRight", "Centre"} <= names
    assert "Side" not in names


def test_two_equal_python_names_are_told_apart_by_place_and_neither_wins() -> None:
    body = _obj(
        a={"x-python-name": "Same", **_obj(x={"type": "integer"})},
        b={"x-python-name": "Same", **_obj(y={"type": "integer"})},
    )
    names = set(_names(_tiny(body)).values())
    assert "Same" not in names
    assert {"CreateThingRequestA", "CreateThingRequestB"} <= names
