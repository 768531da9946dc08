"""`make build` and `make publish` against a real local index (pypiserver), then
the published package installed into a fresh venv and called against Prism."""

from __future__ import annotations

import json
import os
import subprocess
import tarfile
import zipfile
from pathlib import Path

import pytest

from generator.release.build import PublishError, build_distributions
from generator.release.publish import Credentials, credentials_from_env, simple_index_for
from generator.release.version import load_release

from .conftest import ROOT
from .package_index import WHEELHOUSE, install_from_index, local_index, tree_digest
from .test_cli import run_cli

# Slow: builds, uploads to a local pypiserver and installs into a fresh venv. In `make test`, not in `make test-fast`.
pytestmark = pytest.mark.slow

PACKAGE = "qiskit_runtime_api"


def make_publish(
    index_url: str, username: str, password: str, *extra: str
) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("TWINE_", "PUBLISH_", "MAKE")) and k != "DRY_RUN"
    }
    env |= {
        "PUBLISH_REPOSITORY_URL": index_url,
        "TWINE_USERNAME": username,
        "TWINE_PASSWORD": password,
    }
    return subprocess.run(
        ["make", "--no-print-directory", "publish", *extra],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


_CALL_PRISM = """
import importlib.metadata, json, sys
import qiskit_runtime_api
from qiskit_runtime_api import OPERATIONS, Client

op = OPERATIONS["get_versions"]
with Client(token="test-token", service_crn="crn:v1:test", base_url=sys.argv[1]) as client:
    result = getattr(getattr(client, op.resource), op.name)()
print(json.dumps({
    "file": qiskit_runtime_api.__file__,
    "version": importlib.metadata.version("qiskit-runtime-api"),
    "module_version": qiskit_runtime_api.__version__,
    "result_type": type(result).__name__,
}))
"""


def test_publish_uploads_once_and_the_package_installs_and_calls_the_api(
    tmp_path: Path, prism_url: str
) -> None:
    if not any(WHEELHOUSE.glob("httpx-*.whl")):
        pytest.fail("the client's dependencies are not in .venv/wheelhouse: run `make test`")
    version = load_release(ROOT).version
    with local_index(tmp_path / "index", seed=WHEELHOUSE.glob("*.whl")) as index:
        seeded = tree_digest(index.packages)

        dry = make_publish(index.upload_url, index.username, index.password, "DRY_RUN=1")
        assert dry.returncode == 0, dry.stdout + dry.stderr
        assert f"dry run: qiskit-runtime-api {version} is not on {index.simple_url}" in dry.stdout
        assert tree_digest(index.packages) == seeded

        published = make_publish(index.upload_url, index.username, index.password)
        assert published.returncode == 0, published.stdout + published.stderr
        uploaded = set(tree_digest(index.packages)) - set(seeded)
        assert uploaded == {f"{PACKAGE}-{version}-py3-none-any.whl", f"{PACKAGE}-{version}.tar.gz"}
        after_first = tree_digest(index.packages)

        install_from_index(tmp_path / "venv", index, "qiskit-runtime-api")
        called = subprocess.run(
            [str(tmp_path / "venv" / "bin" / "python"), "-c", _CALL_PRISM, prism_url],
            cwd=tmp_path,
            env={"PATH": os.environ["PATH"]},
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert called.returncode == 0, called.stderr
        facts = json.loads(called.stdout)
        assert facts["file"].startswith(str(tmp_path / "venv"))
        assert facts["version"] == facts["module_version"] == version
        assert facts["result_type"] == "VersionResponse"

        again = make_publish(index.upload_url, index.username, index.password)
        assert again.returncode != 0
        assert (
            f"error: qiskit-runtime-api {version} is already on {index.simple_url} "
            f"({PACKAGE}-{version}-py3-none-any.whl, {PACKAGE}-{version}.tar.gz): "
            "nothing was uploaded"
        ) in again.stderr
        assert "make bump" in again.stderr
        assert tree_digest(index.packages) == after_first


def test_publish_with_a_wrong_password_uploads_nothing(tmp_path: Path) -> None:
    with local_index(tmp_path / "index") as index:
        result = make_publish(index.upload_url, index.username, "not-the-password")
        assert result.returncode != 0
        assert f"error: twine upload to {index.upload_url} failed" in result.stderr
        assert "403 Forbidden" in result.stderr
        assert tree_digest(index.packages) == {}


def test_build_makes_a_wheel_of_the_package_alone_that_the_sdist_rebuilds(
    generated_copy: Path,
) -> None:
    caches = generated_copy / PACKAGE / "__pycache__"
    caches.mkdir()
    (caches / "_client.cpython-311.pyc").write_bytes(b"\0")
    (generated_copy / ".mypy_cache").mkdir()
    (generated_copy / ".mypy_cache" / "cache.json").write_text("{}")
    version = load_release(ROOT).version
    built = build_distributions(generated_copy, PACKAGE, version)
    with zipfile.ZipFile(built.wheel) as wheel:
        names = wheel.namelist()
    assert {name.split("/")[0] for name in names} == {PACKAGE, f"{PACKAGE}-{version}.dist-info"}
    assert f"{PACKAGE}/py.typed" in names
    assert f"{PACKAGE}-{version}.dist-info/licenses/LICENSE" in names
    assert not [name for name in names if "__pycache__" in name or name.endswith(".pyc")]
    with tarfile.open(built.sdist) as sdist:
        members = {name.split("/", 1)[1] for name in sdist.getnames()}
    assert {"pyproject.toml", "README.md", "LICENSE", "CHANGELOG.md", "PKG-INFO"} <= members
    assert not [name for name in members if "cache" in name or name.endswith(".pyc")]


def test_build_refuses_a_version_without_a_changelog_entry(tmp_path: Path) -> None:
    changelog = tmp_path / "CHANGELOG.md"
    changelog.write_text("# Changelog\n")
    result = run_cli("build", "--changelog", str(changelog))
    assert result.returncode == 1
    version = load_release(ROOT).version
    assert f"{changelog} has no entry for {version}: add a `## {version} (<date>)`" in (
        result.stderr
    )


def test_build_refuses_a_tree_whose_version_is_not_the_release(generated_copy: Path) -> None:
    with pytest.raises(PublishError, match=r"is not version 9\.9\.9 \(spec/release\.json\)"):
        build_distributions(generated_copy, PACKAGE, "9.9.9")


def test_credentials_come_from_the_environment_and_a_token_alone_suffices() -> None:
    with pytest.raises(PublishError, match="no credentials: set TWINE_PASSWORD"):
        credentials_from_env({"TWINE_USERNAME": "someone"})
    token = credentials_from_env({"TWINE_PASSWORD": "pypi-abc"})
    assert token == Credentials("__token__", "pypi-abc")
    assert "pypi-abc" not in repr(token)
    assert credentials_from_env({"TWINE_USERNAME": "u", "TWINE_PASSWORD": "p"}).username == "u"


@pytest.mark.parametrize(
    ("upload_url", "index_url"),
    [
        ("https://upload.pypi.org/legacy/", "https://pypi.org/simple/"),
        ("https://test.pypi.org/legacy/", "https://test.pypi.org/simple/"),
        ("http://127.0.0.1:8080/", "http://127.0.0.1:8080/simple/"),
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080/simple/"),
    ],
)
def test_the_index_checked_before_upload_is_the_one_that_receives_it(
    upload_url: str, index_url: str
) -> None:
    assert simple_index_for(upload_url) == index_url
