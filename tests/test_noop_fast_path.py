"""The no-op ``generate``/``check``: it says "up to date" only when no byte of any input
or output changed, whatever its digest cache remembers.

Each test works on a copy of the project (generator code, templates, spec, overlays,
release record, changelog and the committed ``generated/``) whose manifest records
exactly that copy's inputs. The verdict tests point ``generator.inputs`` at the copy's
code and templates and ask ``already_generated`` twice first, so that the second
answer comes from the cache alone (``hashed == 0``): each change is then judged
with every entry of a warm cache on hand. The command-line tests run
``python -m generator`` inside the copy.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from generator import digests as digests_module
from generator import inputs
from generator.digests import Digests
from generator.emit.write import manifest_text
from generator.inputs import already_generated
from generator.release.issued import code_hash

from .conftest import ROOT

PACKAGE = "qiskit_runtime_api"
_CACHES = ("__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache", "dist", "build")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project's inputs and of its committed output, whose manifest and
    release record name the copy's own inputs and code (so that these tests judge the
    no-op path alone, whatever the state of the committed records)."""
    copy = tmp_path / "project"
    ignore = shutil.ignore_patterns(*_CACHES)
    for folder in ("generator", "templates", "spec", "generated"):
        shutil.copytree(ROOT / folder, copy / folder, ignore=ignore)
    out, spec = copy / "generated", copy / "spec"
    files = {
        str(path): (out / path).read_text(encoding="utf-8")
        for path in inputs.files_under(out)
        if str(path) != inputs.MANIFEST
    }
    release = json.loads((spec / "release.json").read_text(encoding="utf-8"))
    release["code_hash"] = code_hash(files, PACKAGE)
    (spec / "release.json").write_text(json.dumps(release, indent=1) + "\n", encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(inputs, "GENERATOR_FOLDER", str(copy / "generator"))
        patch.setattr(inputs, "TEMPLATES_FOLDER", str(copy / "templates"))
        wanted = inputs.inputs_hash(
            spec / "qiskit-runtime-api.json",
            spec / "overlays",
            PACKAGE,
            spec / "release.json",
            spec / "CHANGELOG.md",
        )
    (out / inputs.MANIFEST).write_text(manifest_text(files, wanted), encoding="utf-8")
    settle(copy)
    return copy


@pytest.fixture
def copied_code(project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``generator.inputs`` hashes the copy's generator code and templates."""
    monkeypatch.setattr(inputs, "GENERATOR_FOLDER", str(project / "generator"))
    monkeypatch.setattr(inputs, "TEMPLATES_FOLDER", str(project / "templates"))
    return project


def settle(root: Path) -> None:
    """Wait until every file below ``root`` is old enough for the cache to remember it
    (a file written in the run's own clock tick is never remembered)."""
    while True:
        started = time.time_ns()
        stamps = [
            stamp
            for path in [root, *root.rglob("*")]
            for stamp in (path.stat().st_mtime_ns, path.stat().st_ctime_ns)
        ]
        if all(digests_module._settled(stamp, started) for stamp in stamps):
            return
        time.sleep(0.05)


def verdict(project: Path, cache: Path) -> tuple[bool, int]:
    """The no-op path's answer for the copy (is it up to date?), and how many files it read."""
    digests = Digests(str(cache), "project")
    spec = project / "spec"
    wanted = already_generated(
        project / "generated",
        spec / "qiskit-runtime-api.json",
        spec / "overlays",
        PACKAGE,
        spec / "release.json",
        spec / "CHANGELOG.md",
        digests,
    )
    digests.save()
    return bool(wanted), digests.hashed


def warm(project: Path, cache: Path) -> None:
    """Ask until the answer is yes from the cache alone."""
    first, read = verdict(project, cache)
    assert first and read > 150, "the copy is not what its manifest records"
    again, read = verdict(project, cache)
    assert again and read == 0, "the second answer did not come from the cache"


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def replace_same_size_same_mtime(path: Path) -> None:
    """Change one byte, keep the size, and set the mtime back to what it was."""
    before = path.stat()
    data = bytearray(path.read_bytes())
    index = data.index(b"e")
    data[index : index + 1] = b"E"
    path.write_bytes(bytes(data))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    assert path.stat().st_mtime_ns == before.st_mtime_ns


CHANGES: dict[str, Callable[[Path], object]] = {
    "a runtime template": lambda p: append(p / "templates" / "runtime" / "_json.py", "# x\n"),
    "a package template": lambda p: append(
        p / "templates" / "package" / "_client.py.j2", "{# a comment #}\n"
    ),
    "a new template file": lambda p: (p / "templates" / "package" / "new.txt").write_text("x"),
    "a generator module": lambda p: append(p / "generator" / "text.py", "# x\n"),
    "a new generator module": lambda p: (p / "generator" / "emit" / "new.py").write_text(""),
    "an overlay": lambda p: append(p / "spec" / "overlays" / "50-python-names.yaml", "\n"),
    "a new overlay": lambda p: (p / "spec" / "overlays" / "99-new.yaml").write_text("x: 1\n"),
    "a removed overlay": lambda p: (p / "spec" / "overlays" / "90-client.yaml").unlink(),
    "the spec": lambda p: append(p / "spec" / "qiskit-runtime-api.json", " "),
    "the spec, same size and mtime": lambda p: replace_same_size_same_mtime(
        p / "spec" / "qiskit-runtime-api.json"
    ),
    "the release record": lambda p: append(p / "spec" / "release.json", " "),
    "the changelog": lambda p: append(p / "spec" / "CHANGELOG.md", "\n"),
    "a generated module by hand": lambda p: append(
        p / "generated" / PACKAGE / "results.py", "# edited by hand\n"
    ),
    "a generated module, same size and mtime": lambda p: replace_same_size_same_mtime(
        p / "generated" / PACKAGE / "results.py"
    ),
    "the generated version module": lambda p: append(
        p / "generated" / PACKAGE / "_version.py", "#\n"
    ),
    "the manifest, same content": lambda p: append(p / "generated" / ".manifest.json", " "),
    "a stray file in generated/": lambda p: (p / "generated" / PACKAGE / "stray.py").write_text(""),
    "a removed generated file": lambda p: (p / "generated" / PACKAGE / "results.py").unlink(),
    "a generated file replaced by a copy": lambda p: shutil.copy(
        p / "generated" / PACKAGE / "_json.py", p / "generated" / PACKAGE / "results.py"
    ),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_any_changed_input_or_output_file_is_not_up_to_date_even_with_a_warm_cache(
    copied_code: Path, tmp_path: Path, change: str
) -> None:
    cache = tmp_path / "digests"
    warm(copied_code, cache)
    CHANGES[change](copied_code)
    assert not verdict(copied_code, cache)[0]
    settle(copied_code)  # the changed file is now old enough to be remembered
    assert not verdict(copied_code, cache)[0]
    assert not verdict(copied_code, cache)[0]


def test_a_touched_file_is_read_again_and_still_up_to_date(
    copied_code: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "digests"
    warm(copied_code, cache)
    (copied_code / "templates" / "runtime" / "_json.py").touch()
    (copied_code / "generated" / PACKAGE / "results.py").touch()
    assert verdict(copied_code, cache) == (True, 2)
    settle(copied_code)
    assert verdict(copied_code, cache) == (True, 2)  # remembered from now on
    assert verdict(copied_code, cache) == (True, 0)


def test_a_fresh_clone_without_a_cache_is_up_to_date_and_reads_every_file(
    copied_code: Path, tmp_path: Path
) -> None:
    first, read = verdict(copied_code, tmp_path / "digests")
    spec = copied_code / "spec"
    inputs_read = [
        *(copied_code / "templates").rglob("*"),
        *(copied_code / "generator").rglob("*.py"),
        *(spec / "overlays").glob("*.yaml"),
        *(spec / name for name in ("qiskit-runtime-api.json", "release.json", "CHANGELOG.md")),
    ]
    outputs_read = [p for p in (copied_code / "generated").rglob("*") if p.name != ".manifest.json"]
    files = [p for p in inputs_read + outputs_read if p.is_file()]
    assert first and read == len(files)  # every input and output, each once


def test_a_cache_that_cannot_be_written_only_costs_time(copied_code: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("")
    assert verdict(copied_code, blocked)[0]
    assert verdict(copied_code, blocked)[0]


def test_a_damaged_cache_file_is_never_trusted(copied_code: Path, tmp_path: Path) -> None:
    """An entry claiming an edited file's new stat for its old digest, written without
    the body's digest: the cache file is ignored and the edit found."""
    import marshal

    cache = tmp_path / "digests"
    warm(copied_code, cache)
    edited = copied_code / "generated" / PACKAGE / "results.py"
    append(edited, "# edited by hand\n")
    settle(copied_code)
    stored = cache / "project"
    head, _, body = stored.read_bytes().partition(b"\n")
    form, files, verdicts = marshal.loads(body)
    entry = files[str(edited)]
    now = edited.stat()
    entry[:5] = [now.st_dev, now.st_ino, now.st_size, now.st_mtime_ns, now.st_ctime_ns]
    stored.write_bytes(head + b"\n" + marshal.dumps((form, files, verdicts)))
    assert verdict(copied_code, cache)[0] is False
    stored.write_bytes(b"garbage\n" + b"\x00" * 40)
    assert verdict(copied_code, cache)[0] is False


def test_a_file_stamped_in_the_runs_own_clock_tick_is_not_remembered(tmp_path: Path) -> None:
    path = tmp_path / "fresh.txt"
    path.write_text("a")
    digests = Digests(str(tmp_path / "digests"), "racy")
    digests.started_ns = path.stat().st_mtime_ns  # the run began in the file's tick
    digests.digest(str(path))
    digests.save()
    again = Digests(str(tmp_path / "digests"), "racy")
    again.digest(str(path))
    assert again.hashed == 1  # read again: a same-tick rewrite would keep every stamp


def test_an_unchanged_file_is_remembered_across_runs(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_text("a")
    os.utime(path, ns=(0, 1_000_000_123))
    settle(tmp_path)
    first = Digests(str(tmp_path / "digests"), "old")
    assert first.digest(str(path)) == first.digest(str(path))
    first.save()
    again = Digests(str(tmp_path / "digests"), "old")
    assert (
        again.digest(str(path))
        == "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb"
    )
    assert again.hashed == 0


def test_the_verdict_on_the_code_version_follows_the_release_record(
    copied_code: Path, tmp_path: Path
) -> None:
    """The generated code stays the same while the release record names other code: not
    up to date (the full ``check`` then asks for ``make bump``), cache or no cache."""
    from generator.digests import sha256

    cache = tmp_path / "digests"
    warm(copied_code, cache)
    release = copied_code / "spec" / "release.json"
    record = json.loads(release.read_text())
    record["code_hash"] = "sha256:" + sha256(b"other code").hexdigest()
    release.write_text(json.dumps(record))
    out = copied_code / "generated"
    spec = copied_code / "spec"
    wanted = inputs.inputs_hash(
        spec / "qiskit-runtime-api.json",
        spec / "overlays",
        PACKAGE,
        release,
        spec / "CHANGELOG.md",
    )
    files = {
        str(path): (out / path).read_text(encoding="utf-8")
        for path in inputs.files_under(out)
        if str(path) != inputs.MANIFEST
    }
    (out / inputs.MANIFEST).write_text(manifest_text(files, wanted), encoding="utf-8")
    assert inputs.recorded_files(out, wanted, Digests(None, "")) is not None
    assert not verdict(copied_code, cache)[0]
    settle(copied_code)
    assert not verdict(copied_code, cache)[0]
    assert not verdict(copied_code, cache)[0]


def run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``python -m generator`` with the copy's code (its folder comes first on sys.path)."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_the_command_line_says_up_to_date_on_a_fresh_copy_and_regenerates_after_an_edit(
    project: Path,
) -> None:
    out = project / "generated"
    for _ in range(2):  # the first run reads every file, the second its cache
        checked = run(project, "check")
        assert checked.returncode == 0, checked.stderr
        assert f"{out} is up to date: it records these inputs" in checked.stdout
    # A template edit that leaves the output as it is: only the inputs hash moves.
    append(project / "templates" / "package" / "_client.py.j2", "{# a comment #}\n")
    checked = run(project, "check")
    assert checked.returncode == 1 and "is up to date" not in checked.stdout
    assert '- "inputs": "' in checked.stdout and "1 files differ" in checked.stderr
    generated = run(project, "generate")
    assert generated.returncode == 0, generated.stderr
    manifest = json.loads((out / ".manifest.json").read_text(encoding="utf-8"))
    written = len(manifest["files"]) + 1  # and the manifest itself
    assert f"wrote {written} files to {out}" in generated.stdout
    settle(project)
    for command in ("generate", "check", "generate"):
        again = run(project, command)
        assert again.returncode == 0 and "is up to date" in again.stdout, again.stderr


def test_the_command_line_checks_in_full_after_a_template_edit_with_a_warm_cache(
    project: Path,
) -> None:
    for _ in range(2):
        assert "is up to date" in run(project, "check").stdout
    append(project / "templates" / "runtime" / "_json.py", "# a template edit\n")
    checked = run(project, "check")
    assert checked.returncode == 1 and "is up to date" not in checked.stdout
    assert "+# a template edit" in checked.stdout


def test_the_command_line_finds_a_hand_edit_that_kept_size_and_mtime(project: Path) -> None:
    assert "is up to date" in run(project, "check").stdout
    assert "is up to date" in run(project, "check").stdout
    replace_same_size_same_mtime(project / "generated" / PACKAGE / "results.py")
    checked = run(project, "check")
    assert checked.returncode == 1, checked.stdout
    assert "--- committed/qiskit_runtime_api/results.py" in checked.stdout
