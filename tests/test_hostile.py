"""Hostile and broken input: names and text that try to escape, documents that are broken.

Every case either generates a client that compiles, imports and type-checks,
or ends with a one-line ``error: FILE#POINTER: ...``, exit status 2, no
traceback, in bounded time, and the output folder untouched.
"""

from __future__ import annotations

import io
import json
import keyword
import subprocess
import sys
import tokenize
from pathlib import Path
from typing import Any

import pytest
import tomllib
from packaging.version import Version

from generator.spec.load import load_document
from generator.spec.overlays import apply_overlays, overlay_files

from .conftest import OVERLAYS, SEED
from .hostile_spec import HOSTILE_NAMES, MARKER, TEXT_FIELDS, hostile_spec, payload_everywhere
from .test_cli import run_cli, tree_digest

PACKAGE = "hostile_client"


@pytest.fixture(scope="module")
def hostile_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    spec = root / "spec.json"
    spec.write_text(json.dumps(hostile_spec()), encoding="utf-8")
    empty = root / "no-overlays"
    empty.mkdir()
    out = root / "out"
    result = run_cli(
        "generate", "--spec", str(spec), "--overlays", str(empty), "--out", str(out),
        "--package-name", PACKAGE,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    return out


def python_files(out: Path) -> list[Path]:
    return sorted((out / PACKAGE).rglob("*.py"))


def test_the_hostile_spec_plants_a_payload_in_every_kind_of_text_field() -> None:
    hostile_spec()
    kinds = {field.split(" ")[0] for field in TEXT_FIELDS}
    assert kinds >= {"property", "schema", "parameter", "operation", "info", "server", "tag"}
    assert len(TEXT_FIELDS) > 200


def test_hostile_generated_code_compiles_and_holds_no_control_characters(
    hostile_out: Path,
) -> None:
    for path in python_files(hostile_out):
        source = path.read_text(encoding="utf-8")
        compile(source, str(path), "exec")
        assert not any(ord(c) < 32 and c not in "\n" for c in source), path


def test_the_payload_appears_only_inside_string_literals(hostile_out: Path) -> None:
    seen = 0
    for path in python_files(hostile_out):
        tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
        for token in tokens:
            if MARKER in token.string:
                assert token.type == tokenize.STRING, f"{path}:{token.start}: {token.string!r}"
                seen += 1
    assert seen > 100  # the payloads did reach the code, as text


def test_importing_the_hostile_client_runs_none_of_the_payload(hostile_out: Path) -> None:
    code = (
        "import importlib, pkgutil, sys\n"
        f"import {PACKAGE} as p\n"
        "for m in pkgutil.walk_packages(p.__path__, p.__name__ + '.'):\n"
        "    importlib.import_module(m.name)\n"
        f"assert not any('{MARKER}' in name for name in sys.modules)\n"
        f"c = p.Client(base_url='http://127.0.0.1:9')\n"
    )
    result = subprocess.run(
        [sys.executable, "-W", "error", "-c", code],
        cwd=hostile_out,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert not list(hostile_out.rglob(f"{MARKER}*"))  # no `touch` ran
    assert MARKER not in result.stdout + result.stderr


def test_hostile_client_passes_mypy_strict(hostile_out: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", PACKAGE],
        cwd=hostile_out,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-3000:]


def test_project_files_keep_the_title_inside_their_strings(hostile_out: Path) -> None:
    project = tomllib.loads((hostile_out / "pyproject.toml").read_text(encoding="utf-8"))
    assert MARKER in project["project"]["description"]
    # The version is the release record's (generator.release.version), read from _version.py.
    assert project["project"]["dynamic"] == ["version"]
    version_file = (hostile_out / PACKAGE / "_version.py").read_text(encoding="utf-8")
    namespace: dict[str, Any] = {}
    exec(compile(version_file, "_version.py", "exec"), namespace)
    Version(namespace["__version__"])  # PEP 440, though the spec's version is not
    assert MARKER in namespace["API_VERSION"]  # the spec's version, kept inside its string


def identifiers_in(out: Path) -> dict[str, Any]:
    code = (
        "import inspect, json, pkgutil, importlib\n"
        f"import {PACKAGE} as p\n"
        "names = {'modules': [], 'fields': {}, 'arguments': []}\n"
        "for m in pkgutil.walk_packages(p.__path__, p.__name__ + '.'):\n"
        "    names['modules'].append(m.name.rsplit('.', 1)[1])\n"
        "    importlib.import_module(m.name)\n"
        "for name, cls in vars(p.models).items():\n"
        "    if hasattr(cls, 'model_fields'):\n"
        "        names['fields'][name] = {f: i.alias or f for f, i in cls.model_fields.items()}\n"
        "for attr, res in vars(p.Client(base_url='http://127.0.0.1:9')).items():\n"
        "    if not type(res).__module__.startswith(p.__name__ + '.resources'):\n"
        "        continue\n"
        "    for meth in dir(res):\n"
        "        if not meth.startswith('_') and callable(getattr(res, meth)):\n"
        "            names['arguments'] += list(inspect.signature(getattr(res, meth)).parameters)\n"
        "print(json.dumps(names))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=out, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-3000:]
    names: dict[str, Any] = json.loads(result.stdout)
    return names


def test_every_generated_name_is_an_identifier_and_json_names_are_kept_as_aliases(
    hostile_out: Path,
) -> None:
    names = identifiers_in(hostile_out)
    everything = names["fields"]["Everything"]
    for field in [*names["modules"], *names["arguments"], *everything]:
        assert field.isidentifier() and not keyword.iskeyword(field), field
    assert set(HOSTILE_NAMES) <= set(everything.values())  # every JSON name, exactly
    assert len(set(everything)) == len(everything)


def test_names_that_collide_after_cleaning_are_told_apart_the_same_way_every_time(
    hostile_out: Path, tmp_path: Path
) -> None:
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps(hostile_spec()), encoding="utf-8")
    again = tmp_path / "again"
    (tmp_path / "none").mkdir()
    result = run_cli(
        "generate", "--spec", str(spec), "--overlays", str(tmp_path / "none"), "--out", str(again),
        "--package-name", PACKAGE,
    )  # fmt: skip
    assert result.returncode == 0
    assert tree_digest(again) == {
        k: v for k, v in tree_digest(hostile_out).items() if ".mypy_cache" not in k
    }
    resources = sorted(p.stem for p in (again / PACKAGE / "resources").glob("user_id*.py"))
    assert len(resources) == 3  # user-id, user_id, userId


EVERYWHERE = "PWNED_everywhere"


@pytest.fixture(scope="module")
def payload_everywhere_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("everywhere")
    seed, _ = apply_overlays(load_document(SEED).data, overlay_files(OVERLAYS))
    spec = root / "spec.json"
    spec.write_text(json.dumps(payload_everywhere(seed, EVERYWHERE)), encoding="utf-8")
    (root / "none").mkdir()
    result = run_cli(
        "generate", "--spec", str(spec), "--overlays", str(root / "none"),
        "--out", str(root / "out"), "--package-name", "everywhere",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    return root / "out"


def test_the_payload_in_every_string_of_the_seed_spec_reaches_the_code_as_text_only(
    payload_everywhere_out: Path,
) -> None:
    client = (payload_everywhere_out / "everywhere" / "_client.py").read_text(encoding="utf-8")
    assert EVERYWHERE in client  # header names and defaults, regions: in the docstring too
    for path in sorted((payload_everywhere_out / "everywhere").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        tokens = tokenize.generate_tokens(io.StringIO(source).readline)
        for token in tokens:
            if EVERYWHERE in token.string:
                assert token.type in (tokenize.STRING, tokenize.COMMENT), (path, token.start)


def test_importing_the_client_of_the_payload_everywhere_spec_runs_none_of_it(
    payload_everywhere_out: Path,
) -> None:
    code = (
        "import importlib, pkgutil\n"
        "import everywhere as p\n"
        "for m in pkgutil.walk_packages(p.__path__, p.__name__ + '.'):\n"
        "    importlib.import_module(m.name)\n"
        "print(p.Client.__doc__)\n"
        "print(sorted(p.SERVERS))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=payload_everywhere_out,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert EVERYWHERE in result.stdout  # the regions are the spec's text, as data
    assert not list(payload_everywhere_out.parent.rglob(f"{EVERYWHERE}*"))  # no `touch` ran


def _markdown_tokens(source: str) -> list[Any]:
    """Every token of ``source`` as a CommonMark renderer that passes raw HTML sees it."""
    from markdown_it import MarkdownIt

    def walk(tokens: list[Any]) -> Any:
        for token in tokens:
            yield token
            yield from walk(token.children or [])

    parser = MarkdownIt("commonmark", {"html": True}).enable("table")
    return list(walk(parser.parse(source)))


def test_the_readme_of_the_payload_everywhere_spec_renders_no_html_and_keeps_its_fences(
    payload_everywhere_out: Path,
) -> None:
    readme = (payload_everywhere_out / "README.md").read_text(encoding="utf-8")
    assert EVERYWHERE in readme  # the spec's text reached it (x-client snippets included)
    tokens = _markdown_tokens(readme)
    assert [t.content for t in tokens if t.type in ("html_block", "html_inline")] == []
    assert [t.attrs for t in tokens if t.type == "link_open"] == [
        {"href": "#what-the-client-trusts-nothing-in-a-response"}  # the template's own
    ]
    seed = _markdown_tokens((Path(__file__).parents[1] / "generated" / "README.md").read_text())
    python_fences = [t for t in tokens if t.type == "fence" and t.info == "python"]
    assert len(python_fences) == sum(t.type == "fence" and t.info == "python" for t in seed)
