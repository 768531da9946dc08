"""Property: any mutation of the seed spec generates a client that imports, or a clean error.

Hypothesis drops, retypes, renames and duplicates nodes of the seed spec (with
its overlays applied) and runs the pipeline in-process. The example count
comes from ``FUZZ_EXAMPLES`` (small in ``make test``, 500 in ``make fuzz``).
"""

from __future__ import annotations

import contextlib
import copy
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.diagnostics import GeneratorError
from generator.emit.write import write_tree
from generator.pipeline import Options, Run, generate_files
from generator.spec.load import load_document
from generator.spec.overlays import apply_overlays, overlay_files

from .conftest import OVERLAYS, SEED

# Slow: hypothesis generates many mutated specs. In `make test`, not in `make test-fast`.
pytestmark = pytest.mark.slow

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "4"))
SEED_SPEC, _ = apply_overlays(load_document(SEED).data, overlay_files(OVERLAYS))


def _paths(node: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [here]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*here, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*here, index))
    return found


ALL_PATHS = [p for p in _paths(SEED_SPEC) if p and "example" not in p and "examples" not in p]
REPLACEMENTS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.sampled_from(["", "string", "object", "array", "null", "#/components/schemas/Nope"]),
    st.just({}),
    st.just([]),
    st.just({"type": "array"}),
    st.just({"$ref": "#/components/schemas/JobResponse"}),
)
MUTATION = st.tuples(
    st.sampled_from(["drop", "retype", "rename", "duplicate"]),
    st.sampled_from(ALL_PATHS),
    REPLACEMENTS,
    st.text(min_size=1, max_size=8),
)


def mutate(spec: dict[str, Any], mutation: tuple[str, tuple[Any, ...], Any, str]) -> None:
    kind, path, replacement, name = mutation
    parent: Any = spec
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    if kind == "drop":
        del parent[last]
    elif kind == "retype":
        parent[last] = copy.deepcopy(replacement)
    elif kind == "rename" and isinstance(parent, dict):
        parent[name] = parent.pop(last)
    elif kind == "duplicate" and isinstance(parent, dict):
        parent[f"{last}{name}"] = copy.deepcopy(parent[last])
    elif kind == "duplicate":
        parent.append(copy.deepcopy(parent[last]))


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=EXAMPLES < 50,  # `make test` runs the same few examples every time
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.lists(MUTATION, min_size=1, max_size=3))
def test_a_mutated_seed_generates_an_importable_client_or_a_clean_error(
    tmp_path_factory: Any, mutations: list[Any]
) -> None:
    spec = copy.deepcopy(SEED_SPEC)
    for mutation in mutations:
        with contextlib.suppress(KeyError, IndexError, TypeError):
            mutate(spec, mutation)  # fails when an earlier mutation removed the path
    root: Path = tmp_path_factory.mktemp("fuzz")
    path = root / "spec.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    options = Options(spec=path, overlays=None, out=root / "out", package="fuzzed")
    try:
        _, files = generate_files(options, Run())
    except GeneratorError as exc:
        assert exc.diagnostics and all(d.format().startswith("error: ") for d in exc.diagnostics)
        return
    write_tree(options.out, files, "fuzz")
    result = subprocess.run(
        [sys.executable, "-W", "error", "-c", "import fuzzed, fuzzed.models"],
        cwd=options.out,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
