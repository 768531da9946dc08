"""The version rule: post-releases for generator changes, semver bumps for spec
updates, and ``check``/``bump`` keeping spec/release.json true to the code."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from generator.diagnostics import GeneratorError
from generator.release.changelog import add_entry, entry_versions
from generator.release.version import (
    Release,
    bump_for_spec_update,
    bump_post,
    code_hash,
    load_release,
    read_release,
    save_release,
)

from .conftest import CHANGELOG, RELEASE, ROOT
from .test_cli import run_cli


def test_bump_post_counts_post_releases_of_the_same_spec_version() -> None:
    assert bump_post("0.41.6") == "0.41.6.post1"
    assert bump_post("0.41.6.post1") == "0.41.6.post2"
    assert bump_post("1.0.0rc2") == "1.0.0rc2.post1"
    assert bump_post("1!2.0") == "1!2.0.post1"


@pytest.mark.parametrize(
    ("current", "spec_version", "semver", "expected"),
    [
        ("0.41.6", "0.42.0", "minor", "0.42.0"),
        ("0.41.6.post2", "0.41.6", "patch", "0.41.7"),
        ("0.41.6", "0.41.7", "major", "1.0.0"),
        ("0.41.6", "0.41.6", "minor", "0.42.0"),
        ("0.41.6", "2.0.0", "patch", "2.0.0"),
        ("0.41", "0.41", "patch", "0.41.1"),
    ],
)
def test_spec_update_issues_the_larger_of_spec_version_and_semver_bump(
    current: str, spec_version: str, semver: str, expected: str
) -> None:
    assert bump_for_spec_update(current, spec_version, semver) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("version", ["0.41.6+local", "0.41.6.dev1", "not a version"])
def test_versions_an_index_would_refuse_are_rejected(version: str) -> None:
    with pytest.raises(ValueError):
        bump_post(version)


def test_code_hash_ignores_only_the_files_that_carry_the_version() -> None:
    files = {
        "pkg/_version.py": '__version__ = "1"\n',
        "pkg/client.py": "x = 1\n",
        "pyproject.toml": "[project]\n",
        "README.md": "# pkg\n",
        "CHANGELOG.md": "## 1\n",
    }
    digest = code_hash(files, "pkg")
    assert digest.startswith("sha256:") and len(digest) == 7 + 64
    new_version = files | {"pkg/_version.py": '__version__ = "2"\n', "CHANGELOG.md": "## 2\n"}
    assert code_hash(new_version, "pkg") == digest
    for path in ("pkg/client.py", "pyproject.toml", "README.md"):
        assert code_hash(files | {path: files[path] + "#\n"}, "pkg") != digest, path
    assert code_hash(files | {"pkg/new.py": ""}, "pkg") != digest


def test_committed_release_record_is_a_release_of_the_seed_version_for_the_committed_code(
    seed_files: dict[str, str],
) -> None:
    release = load_release(ROOT)
    assert release.version == "0.41.6" or release.version.startswith("0.41.6.post")
    assert release.code_hash == code_hash(seed_files, "qiskit_runtime_api")


def test_release_record_round_trips(tmp_path: Path) -> None:
    (tmp_path / "spec").mkdir()
    release = Release("0.41.6.post1", "sha256:" + "ab" * 32)
    save_release(tmp_path, release)
    assert load_release(tmp_path) == release
    assert list((tmp_path / "spec").iterdir()) == [tmp_path / "spec" / "release.json"]


def test_bad_release_record_names_the_file_and_field(tmp_path: Path) -> None:
    path = tmp_path / "release.json"
    path.write_text(json.dumps({"version": "0.41.6+x", "code_hash": "md5:00"}))
    with pytest.raises(GeneratorError) as caught:
        read_release(path)
    messages = [d.format() for d in caught.value.diagnostics]
    assert messages[0].startswith(f"error: {path}#/version: '0.41.6+x' is not a PEP 440")
    assert messages[1].startswith(f"error: {path}#/code_hash: 'md5:00' is not")


def test_changelog_entries_go_newest_first_below_the_preamble() -> None:
    text = "# Changelog\n\nIntro.\n\n## 1.0.0 (2026-01-01)\n\n- First.\n"
    added = add_entry(text, "1.0.0.post1", "2026-02-01", ["Regenerated.", "Faster."])
    assert added == (
        "# Changelog\n\nIntro.\n\n"
        "## 1.0.0.post1 (2026-02-01)\n\n- Regenerated.\n- Faster.\n\n"
        "## 1.0.0 (2026-01-01)\n\n- First.\n"
    )
    assert entry_versions(added) == ["1.0.0.post1", "1.0.0"]
    assert entry_versions(add_entry("# Changelog\n", "1.0.0", "d", ["x"])) == ["1.0.0"]


def test_committed_changelog_has_an_entry_for_the_committed_version() -> None:
    assert load_release(ROOT).version in entry_versions(CHANGELOG.read_text())


def test_check_fails_on_code_with_no_version_and_bump_issues_a_post_release(
    tmp_path: Path,
) -> None:
    """Code that differs from what 0.41.6 was issued for (as after a template
    change) fails ``check`` until ``bump`` issues 0.41.6.post1 with a changelog
    entry naming the changed files; a second ``bump`` has nothing to do."""
    release = tmp_path / "release.json"
    release.write_text(json.dumps({"version": "0.41.6", "code_hash": "sha256:" + "0" * 64}))
    changelog = tmp_path / "CHANGELOG.md"
    head, *entries = CHANGELOG.read_text().split("\n## ")
    first_release = [entry for entry in entries if entry.startswith("0.41.6 (")]
    changelog.write_text("\n## ".join([head, *first_release]))
    out = tmp_path / "out"
    common = ("--release", str(release), "--changelog", str(changelog), "--out", str(out))
    generated = run_cli("generate", *common)
    assert generated.returncode == 0, generated.stderr
    assert "run `make bump` to issue 0.41.6.post1" in generated.stderr

    checked = run_cli("check", *common)
    assert checked.returncode == 1
    assert "the generated code differs from the code version 0.41.6 was issued for" in (
        checked.stderr
    )
    assert "run `make bump` to issue 0.41.6.post1" in checked.stderr

    tags = out / "qiskit_runtime_api" / "resources" / "tags.py"
    tags.write_text(tags.read_text() + "# the code 0.41.6 was issued with\n")
    bumped = run_cli("bump", *common)
    assert bumped.returncode == 0, bumped.stderr
    issued = read_release(release)
    assert issued.version == "0.41.6.post1"
    assert issued.code_hash == read_release(RELEASE).code_hash
    assert (
        '__version__ = "0.41.6.post1"' in (out / "qiskit_runtime_api" / "_version.py").read_text()
    )
    entries = changelog.read_text().split("\n## ")
    assert entries[1].startswith(f"0.41.6.post1 ({datetime.date.today().isoformat()})")
    assert "same spec version (0.41.6)" in entries[1]
    assert "Changed files: `qiskit_runtime_api/resources/tags.py`." in entries[1]
    assert entries[2].startswith("0.41.6 (")
    assert (out / "CHANGELOG.md").read_text() == changelog.read_text()
    assert run_cli("check", *common).returncode == 0

    again = run_cli("bump", *common)
    assert again.returncode == 0
    assert "nothing to bump" in again.stdout
    assert read_release(release) == issued
    assert changelog.read_text().count("## 0.41.6.post1") == 1


def test_another_spec_gets_no_release_record_of_the_projects(tmp_path: Path) -> None:
    """A spec other than the project's is versioned by its own info.version: generate and
    check agree on it without the project's release record, and bump asks for one."""
    spec = tmp_path / "other.json"
    document = json.loads((ROOT / "bench" / "tiny-spec.json").read_text())
    document["info"]["version"] = "3.2.1"
    spec.write_text(json.dumps(document))
    common = ("--spec", str(spec), "--overlays", str(tmp_path / "none"), "--out")
    out = tmp_path / "out"
    generated = run_cli("generate", *common, str(out), "--package-name", "other_api")
    assert generated.returncode == 0, generated.stderr
    assert '__version__ = "3.2.1"' in (out / "other_api" / "_version.py").read_text()
    assert not (out / "CHANGELOG.md").exists()
    checked = run_cli("check", *common, str(out), "--package-name", "other_api", "--force")
    assert checked.returncode == 0, checked.stderr
    bumped = run_cli("bump", *common, str(out), "--package-name", "other_api")
    assert bumped.returncode == 2
    assert "--release and --changelog" in bumped.stderr
