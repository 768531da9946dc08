"""Property: any mutation of the seed spec generates a client that imports, or a clean error.

Hypothesis drops, retypes, renames, duplicates and clones nodes of the seed
spec (with its overlays applied) and runs the pipeline in-process. What it puts
in is hostile: text that tries every way out of a Python string, docstring or
comment (in values and in renamed keys), shapes built to crash or hang (deep
nesting, refs out of reach, remote refs in any letter case, devices,
non-finite numbers, huge strings) and names that collide with each other or
with the runtime's, ``typing``'s and the templates' own. Each example either
imports with no payload run, or is refused with ``error: FILE#/pointer``
lines; anything else (a traceback) fails. The example count comes from
``FUZZ_EXAMPLES`` (small in ``make test``, 500 in ``make fuzz``).
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
from .hostile_spec import BREAKOUT, payload

# Slow: hypothesis generates many mutated specs. In `make test`, not in `make test-fast`.
pytestmark = pytest.mark.slow

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "4"))
LOG = os.environ.get("FUZZ_LOG", "")
"""A file to append each example's outcome to (``make fuzz FUZZ_LOG=fuzz.log``)."""


def _log(outcome: str) -> None:
    if LOG:
        with open(LOG, "a", encoding="utf-8") as file:
            file.write(outcome.encode("utf-8", "backslashreplace").decode("utf-8")[:300] + "\n")


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
OPERATIONS = [
    (path, method)
    for path, item in SEED_SPEC["paths"].items()
    for method, op in item.items()
    if isinstance(op, dict) and "operationId" in op
]
FUZZ_MARKER = "PWNED_fuzz"


def _nested(depth: int) -> dict[str, Any]:
    node: dict[str, Any] = {"type": "string"}
    for _ in range(depth):
        node = {"type": "object", "properties": {"a": node}}
    return node


# Deeper than json.dumps (or Python's recursion) can write as a value: spliced in as text.
_DEEP = "__fuzz_deep__"
_DEEP_TEXT = "[" * 30_000 + "]" * 30_000

# Text that tries to leave its string, wherever it lands (keys too, by "rename").
PAYLOADS = st.sampled_from(
    [
        BREAKOUT.format(marker=FUZZ_MARKER),
        *(payload(i).replace("PWNED_5f3a", FUZZ_MARKER) for i in range(10)),
        f"\\\n{FUZZ_MARKER} = 1  # trailing backslash, then a new line",
        f"*/ {FUZZ_MARKER} /* \u2028\u2029 \ud800 lone surrogate",
    ]
)
# Names that meet each other, or what the generated code and the runtime already use.
COLLIDING = st.sampled_from(
    ["fooBar", "foo_bar", "FooBar", "with_raw_response", "_client", "__init__", "close",
     "with_options", "base_url", "Annotated", "BaseModel", "Field", "TypeAlias", "CallOptions",
     "Endpoint", "Async Jobs", "JobsWithRawResponse", "models", "Client", "Settings"]
)  # fmt: skip
# Shapes built to crash or hang: deep nesting, references out of reach, numbers JSON lacks.
HOSTILE_SHAPES = st.sampled_from(
    [
        _nested(60),
        _nested(400),
        _DEEP,
        {"$ref": "/etc/passwd"},
        {"$ref": "../../outside.json#/x"},
        {"$ref": "HTTP://127.0.0.1:9/x.json"},
        {"$ref": "Http://127.0.0.1:9/x.json"},
        {"$ref": " http://127.0.0.1:9/x.json"},
        {"$ref": "hTtPs://127.0.0.1:9/x.json#/a"},
        {"$ref": "//127.0.0.1:9/x.json"},
        {"$ref": "file:///etc/passwd"},
        {"$ref": "/dev/zero"},
        float("inf"),
        float("-inf"),
        float("nan"),
        10**400,
        "x" * 200_000,
        [[[[[[[[[[]]]]]]]]]],
    ]
)
REPLACEMENTS = st.one_of(
    PAYLOADS,
    HOSTILE_SHAPES,
    COLLIDING,
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
    st.sampled_from(["drop", "retype", "rename", "duplicate", "clone"]),
    st.sampled_from(ALL_PATHS),
    REPLACEMENTS,
    st.one_of(st.text(min_size=1, max_size=8), PAYLOADS, COLLIDING),
)


def mutate(spec: dict[str, Any], mutation: tuple[str, tuple[Any, ...], Any, str]) -> None:
    kind, path, replacement, name = mutation
    if kind == "clone":  # another operation whose names meet the first's
        where, method = OPERATIONS[len(str(path)) % len(OPERATIONS)]
        op = copy.deepcopy(spec["paths"][where][method])
        op["operationId"] = name
        if isinstance(replacement, str):
            op["tags"] = [replacement]
        spec["paths"][f"/fuzz/clone{len(spec['paths'])}"] = {method: op}
        return
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
    try:
        written = json.dumps(spec)
    except RecursionError:
        pytest.skip("json.dumps can't write it")  # not reached: the deep shape is spliced
    path.write_text(written.replace(f'"{_DEEP}"', _DEEP_TEXT), encoding="utf-8")
    options = Options(spec=path, overlays=None, out=root / "out", package="fuzzed")
    try:
        _, files = generate_files(options, Run())
    except GeneratorError as exc:
        assert exc.diagnostics
        for diagnostic in exc.diagnostics:
            line = diagnostic.format()
            # A refusal names a place in the input, never the generator's own output.
            assert line.startswith(f"error: {path}#"), line
            assert diagnostic.pointer == "" or diagnostic.pointer.startswith("/"), line
            assert "report this generator bug" not in line, line
        assert not options.out.exists()
        _log("refused " + exc.diagnostics[0].format().replace(str(path), "SPEC"))
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
    assert not list(root.rglob(f"*{FUZZ_MARKER}*"))  # no payload ran
    _log("imported")
