"""Shared fixtures: the seed spec's pipeline results and a Prism mock server."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from generator.ir.model import Api
from generator.pipeline import Options, Run, build_ir, generate_files

from .fakes import FaultServer, iam_script, serve
from .shapes import GeneratedShape, generate_shapes

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "spec" / "qiskit-runtime-api.json"
OVERLAYS = ROOT / "spec" / "overlays"
RELEASE = ROOT / "spec" / "release.json"
CHANGELOG = ROOT / "spec" / "CHANGELOG.md"
PRISM = ROOT / "tests" / "prism" / "node_modules" / ".bin" / "prism"


def seed_options(out: Path | None = None) -> Options:
    return Options(
        spec=SEED,
        overlays=OVERLAYS,
        out=out or ROOT / "generated",
        release=RELEASE,
        changelog=CHANGELOG,
    )


@pytest.fixture(scope="session")
def seed_api() -> Api:
    return build_ir(seed_options(), Run())


@pytest.fixture(scope="session")
def seed_files() -> dict[str, str]:
    return generate_files(seed_options(), Run())[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def stop_process(process: subprocess.Popen[bytes]) -> None:
    """Terminate a server the tests started; kill it if it lingers."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="session")
def overlaid_spec(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from generator.spec.load import load_document
    from generator.spec.overlays import apply_overlays, overlay_files

    spec, _ = apply_overlays(load_document(SEED).data, overlay_files(OVERLAYS))
    path = tmp_path_factory.mktemp("prism") / "spec.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def prism_url(overlaid_spec: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Prism mocking the overlaid seed spec on 127.0.0.1.

    Prism answers 400 or 422 to a request that breaks the spec. It is not
    started with --errors: that also fails responses whose spec examples break
    their own schema, and three of the seed's examples do.
    """
    with running_prism(overlaid_spec, tmp_path_factory.mktemp("prism-log")) as url:
        yield url


@contextlib.contextmanager
def running_prism(spec: Path, log_folder: Path) -> Iterator[str]:
    """``prism mock spec`` on 127.0.0.1 on a free port, stopped on exit; its URL."""
    if not PRISM.exists():
        pytest.fail("Prism is not installed: run `make test` (it runs `npm ci` in tests/prism)")
    port = free_port()
    log = (log_folder / "prism.log").open("w")
    process = subprocess.Popen(
        [str(PRISM), "mock", str(spec), "-h", "127.0.0.1", "-p", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                pytest.fail(f"Prism exited with {process.returncode}: see {log.name}")
            try:
                httpx.get(url + "/", timeout=1)  # any answer: it listens
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    pytest.fail("Prism did not start within 60 s")
                time.sleep(0.2)
        yield url
    finally:
        stop_process(process)
        log.close()


FORMAT_CACHE = "QISKIT_RUNTIME_API_GENERATOR_CACHE"


@pytest.fixture(scope="session", autouse=True)
def format_cache_of_the_session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The generator's format cache lives in the session's temporary folder (shared by
    the in-process runs and the CLI processes), never in the user's ~/.cache."""
    folder = tmp_path_factory.mktemp("format-cache")
    before = os.environ.get(FORMAT_CACHE)
    os.environ[FORMAT_CACHE] = str(folder)
    yield folder
    if before is None:
        del os.environ[FORMAT_CACHE]
    else:
        os.environ[FORMAT_CACHE] = before


@pytest.fixture(autouse=True)
def no_real_iam(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reaches IBM Cloud IAM: the default IAM URL is a closed local port."""
    monkeypatch.setenv("QISKIT_RUNTIME_API_IAM_URL", "http://127.0.0.1:9")
    for name in (
        "QISKIT_IBM_TOKEN",
        "QISKIT_IBM_INSTANCE",
        "QISKIT_IBM_URL",
        "QISKIT_IBM_CHANNEL",
        "QISKIT_RUNTIME_API_URL",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("QISKIT_RUNTIME_API_LOG", raising=False)


@pytest.fixture(scope="session")
def fake_iam() -> Iterator[FaultServer]:
    """A fake IBM Cloud IAM on 127.0.0.1 that accepts API keys starting with "good"."""
    with serve(iam_script()) as server:
        yield server


@pytest.fixture
def generated_copy(tmp_path: Path) -> Path:
    """A copy of the committed generated/ tree (no build outputs, no caches) to write into."""
    target = tmp_path / "generated"
    caches = ("__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache", "dist", "build")
    shutil.copytree(ROOT / "generated", target, ignore=shutil.ignore_patterns(*caches))
    return target


@pytest.fixture(scope="session")
def shapes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, GeneratedShape]]:
    """Every shape of tests/shapes.py generated, each package importable by its name."""
    generated = generate_shapes(tmp_path_factory.mktemp("shapes"))
    with pytest.MonkeyPatch.context() as patch:
        for shape in generated.values():
            patch.syspath_prepend(str(shape.out))
        yield generated


@pytest.fixture
def debug_log(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """``QISKIT_RUNTIME_API_LOG=debug`` for one test; the runtime logger restored after."""
    from qiskit_runtime_api._logs import logger

    before, level = list(logger.handlers), logger.level
    monkeypatch.setenv("QISKIT_RUNTIME_API_LOG", "debug")
    yield
    logger.handlers[:] = before
    logger.setLevel(level)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that needs Prism is slow (npm, a server): ``make test`` runs it, not ``test-fast``."""
    for item in items:
        if "prism_url" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)
