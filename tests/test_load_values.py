"""The load stage's check of values no JSON value is (``generator.spec.load``): a lone
surrogate in a string or a key, a number that is infinite or not a number. It looks
first and says where only when it finds something; both must agree, wherever the value
is. The documents are real: the seed (JSON) and Blockfrost's spec (YAML, whose response
codes load as int keys), from tests/data/corpus (source and license in its README).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from generator.diagnostics import GeneratorError
from generator.spec import load
from generator.spec.pointer import from_parts

from .conftest import ROOT, SEED

BLOCKFROST = ROOT / "tests" / "data" / "corpus" / "blockfrost" / "openapi.yaml"


def _unquoted_codes(path: Path) -> Any:
    """Blockfrost's spec with its response codes unquoted (``200:``), as many YAML specs
    write them: YAML loads those keys as ints."""
    text = re.sub(r"^(\s+)'(\d{3})':", r"\1\2:", path.read_text(encoding="utf-8"), flags=re.M)
    return load.parse_document(text.encode(), path.name)


DOCUMENTS = {
    "seed": lambda: load.load_document(SEED).data,
    "blockfrost": lambda: load.load_document(BLOCKFROST).data,
    "blockfrost, codes unquoted": lambda: _unquoted_codes(BLOCKFROST),
}


def _places(data: Any, limit: int = 40) -> list[tuple[Any, ...]]:
    """Up to ``limit`` places of string values, spread over the document, none inside
    a collection the document holds twice (a YAML alias: checked once, where met first)."""
    counts: dict[int, int] = {}
    stack: list[Any] = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, (dict, list)):
            counts[id(node)] = counts.get(id(node), 0) + 1
            if counts[id(node)] == 1:
                stack.extend(node.values() if isinstance(node, dict) else node)
    found: list[tuple[Any, ...]] = []
    walk: list[tuple[Any, tuple[Any, ...]]] = [(data, ())]
    while walk:
        node, parts = walk.pop()
        if isinstance(node, str):
            found.append(parts)
        elif isinstance(node, (dict, list)) and counts[id(node)] == 1:
            items = node.items() if isinstance(node, dict) else enumerate(node)
            walk.extend((v, (*parts, k)) for k, v in items)
    step = max(1, len(found) // limit)
    return found[::step]


def _get(data: Any, parts: tuple[Any, ...]) -> Any:
    for part in parts:
        data = data[part]
    return data


def _refusal(data: Any) -> str:
    """What the check says of ``data``; the walk that says where says it alone too."""
    with pytest.raises(GeneratorError) as caught:
        load._check_values(data, "doc")
    with pytest.raises(GeneratorError) as alone:
        load._refuse_values(data, "doc")
    assert alone.value.diagnostics == caught.value.diagnostics
    (found,) = caught.value.diagnostics
    return f"{found.pointer}: {found.message}"


@pytest.mark.parametrize("document", sorted(DOCUMENTS))
def test_a_real_document_as_loaded_passes(document: str) -> None:
    data = DOCUMENTS[document]()
    if (
        document == "blockfrost, codes unquoted"
    ):  # the case the quick walk must not mistake for a fault
        assert any(isinstance(k, int) for k in _int_keyed(data))
    load._check_values(data, "doc")
    load._refuse_values(data, "doc")


def _int_keyed(data: Any) -> list[Any]:
    keys: list[Any] = []
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            keys.extend(node)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return keys


@pytest.mark.parametrize("document", sorted(DOCUMENTS))
@pytest.mark.parametrize(
    "fault", ["surrogate in a value", "surrogate in a key", "infinity", "not a number"]
)
def test_a_fault_anywhere_is_refused_at_its_pointer(document: str, fault: str) -> None:
    original = DOCUMENTS[document]()
    places = _places(original, limit=12)
    assert len(places) >= 12
    checked = 0
    for parts in places:
        pointer = from_parts(parts)
        parent, key = _get(original, parts[:-1]), parts[-1]
        value = parent[key]
        if fault == "surrogate in a key":
            if not isinstance(parent, dict):
                continue
            parent["half \ud800 a key"] = parent.pop(key)
            expected = f"{from_parts(parts[:-1])}: a key here holds a lone surrogate"
        elif fault == "surrogate in a value":
            parent[key] = "half \udfff a character"
            expected = f"{pointer}: the text holds a lone surrogate"
        else:
            parent[key] = float("inf") if fault == "infinity" else float("nan")
            expected = f"{pointer}: {parent[key]} is not a JSON number"
        try:
            assert _refusal(original) == expected, pointer
        finally:  # put the document back as it was for the next place
            if isinstance(parent, dict):
                parent.pop("half \ud800 a key", None)
            parent[key] = value
        checked += 1
    assert checked >= 6
