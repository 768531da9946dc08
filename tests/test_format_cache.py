"""The format cache: black runs only on pieces it has not formatted before, a damaged
entry is never used, and the generated tree is the same with or without the cache."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from generator.emit.format import FORMATTERS, format_files, format_tree
from generator.emit.format_cache import MAX_BYTES, FormatCache, cache_folder

from .conftest import FORMAT_CACHE, ROOT
from .test_cli import run_cli

FILES = {f"pkg/m{n}.py": f"import os\nimport abc\nx = ( {n} )\n" for n in range(5)}
FILES["pkg/keep.py"] = "x = ( 1 )\n"


def test_a_second_format_takes_every_piece_from_the_cache_and_gives_the_same_text(
    tmp_path: Path,
) -> None:
    cache = FormatCache(tmp_path / "format", FORMATTERS)
    first = format_tree(FILES, verbatim=["pkg/keep.py"], cache=cache)
    assert (first.pieces, first.cached) == (5, 0)
    second = format_tree(FILES, verbatim=["pkg/keep.py"], cache=cache)
    assert (second.pieces, second.cached) == (5, 5)
    assert second.files == first.files == format_files(FILES, verbatim=["pkg/keep.py"])
    assert second.files["pkg/m2.py"] == "import abc\nimport os\n\nx = 2\n"


def test_only_the_changed_piece_is_formatted_again(tmp_path: Path) -> None:
    cache = FormatCache(tmp_path / "format", FORMATTERS)
    format_tree(FILES, cache=cache)
    changed = FILES | {"pkg/m3.py": "x = ( 'changed' )\n"}
    again = format_tree(changed, cache=cache)
    assert (again.pieces, again.cached) == (6, 5)
    assert again.files["pkg/m3.py"] == 'x = "changed"\n'


def test_a_damaged_entry_is_formatted_again_and_repaired(tmp_path: Path) -> None:
    cache = FormatCache(tmp_path / "format", FORMATTERS)
    text = "x = ( 1 )\n"
    format_tree({"a.py": text}, cache=cache)
    entry = next(p for p in (tmp_path / "format").rglob("*") if p.is_file())
    entry.write_bytes(entry.read_bytes().replace(b"x = 1", b"import os; os.system('boom')"))
    assert cache.get(text) is None
    again = format_tree({"a.py": text}, cache=cache)
    assert again.cached == 0 and again.files["a.py"] == "x = 1\n"
    assert cache.get(text) == "x = 1\n"


def test_entries_of_other_formatter_versions_are_not_used(tmp_path: Path) -> None:
    folder = tmp_path / "format"
    FormatCache(folder, "black 0.1; isort 0.1").put("x = ( 1 )\n", "x=1 # old black\n")
    assert FormatCache(folder, FORMATTERS).get("x = ( 1 )\n") is None


def test_an_unusable_cache_folder_only_costs_time(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    cache = FormatCache(blocked / "format", FORMATTERS)
    result = format_tree({"a.py": "x = ( 1 )\n"}, cache=cache)
    assert result.files["a.py"] == "x = 1\n" and result.cached == 0


@pytest.mark.parametrize("value", ["off", "0", ""])
def test_the_cache_is_turned_off_by_the_environment(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv(FORMAT_CACHE, value)
    assert cache_folder() is None


def test_the_cache_defaults_to_the_users_cache_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(FORMAT_CACHE)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_folder() == tmp_path / "qiskit-runtime-api-generator" / "format"


def test_generate_says_what_came_from_the_cache_and_writes_the_same_tree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(FORMAT_CACHE, str(tmp_path / "cache"))
    out = tmp_path / "out"
    first = run_cli("generate", "--out", str(out), "--force")
    assert first.returncode == 0, first.stderr
    assert "pieces from the cache" in first.stdout
    assert "(0 of " in next(line for line in first.stdout.splitlines() if "format" in line)
    tree = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    second = run_cli("generate", "--out", str(out), "--force")
    line = next(line for line in second.stdout.splitlines() if line.startswith("format"))
    cached, _, total = line.split("(")[1].split(" pieces")[0].partition(" of ")
    assert cached == total and int(total) > 10
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == tree
    committed = ROOT / "generated" / "qiskit_runtime_api" / "models.py"
    assert (out / "qiskit_runtime_api" / "models.py").read_bytes() == committed.read_bytes()


def _entry(cache: FormatCache, text: str) -> Path:
    assert cache.folder is not None
    key = cache.key(text)
    return cache.folder / key[:2] / key


def test_pruning_removes_the_least_recently_used_entries_down_to_three_quarters(
    tmp_path: Path,
) -> None:
    cache = FormatCache(tmp_path / "format", FORMATTERS)
    texts = [f"x = {n}\n" + "#" * 1000 for n in range(4)]
    for age, text in zip((400, 300, 200, 100), texts, strict=True):
        cache.put(text, text)
        old = time.time() - age
        os.utime(_entry(cache, text), (old, old))
    assert cache.get(texts[0]) == texts[0]  # the oldest, used now: kept
    size = _entry(cache, texts[0]).stat().st_size
    assert cache.prune(max_bytes=3 * size) == 2  # 4 entries > 3: down to 2.25 of them
    assert [cache.get(t) is not None for t in texts] == [True, False, False, True]


def test_pruning_leaves_a_cache_under_its_limit_alone_but_removes_stale_temporary_files(
    tmp_path: Path,
) -> None:
    cache = FormatCache(tmp_path / "format", FORMATTERS)
    cache.put("x = 1\n", "x = 1\n")
    folder = _entry(cache, "x = 1\n").parent
    stale, fresh = folder / ".entry-killed", folder / ".entry-writing"
    stale.write_text("half")
    fresh.write_text("half")
    long_ago = time.time() - 7200
    os.utime(stale, (long_ago, long_ago))
    assert cache.prune() == 1
    assert not stale.exists() and fresh.exists()
    assert cache.get("x = 1\n") == "x = 1\n"


def test_a_generate_that_stores_entries_prunes_the_cache_to_its_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(FORMAT_CACHE, str(tmp_path / "cache"))
    planted = tmp_path / "cache" / "format" / "00" / ("00" + "0" * 62)
    planted.parent.mkdir(parents=True)
    with planted.open("wb") as out:
        out.truncate(MAX_BYTES + 1)  # sparse: over the limit on its own
    long_ago = time.time() - 86400
    os.utime(planted, (long_ago, long_ago))
    done = run_cli("generate", "--out", str(tmp_path / "out"), "--force")
    assert done.returncode == 0, done.stderr
    assert not planted.exists()
    again = run_cli("generate", "--out", str(tmp_path / "out"), "--force")
    line = next(line for line in again.stdout.splitlines() if line.startswith("format"))
    cached, _, total = line.split("(")[1].split(" pieces")[0].partition(" of ")
    assert cached == total  # what the first run stored was kept
