"""``update-spec``: a new upstream spec comes in with its report, version and code.

1. The new spec is read (a file, or http(s) with ``urllib``; YAML is converted
   to the JSON ``spec/`` holds) and compared
   with the current one (``generator.diff``). That runs the whole pipeline on
   it, so a spec that does not validate stops here, before anything is written.
2. The recorded real answers (``tests/data/recorded/``, when the project has
   them) are checked against the new spec (``generator.responses``): the
   report says which would no longer fit; the update goes on regardless.
3. The version is ``release.bump_for_spec_update(current, new info.version,
   the report's semver)``; the package is generated in memory with it.
4. Only then: the spec is copied verbatim into ``spec/``, the release record
   is rewritten, the report goes on top of ``spec/CHANGELOG.md`` as a
   ``## <version> (<date>)`` section (newest first), and ``generated/`` is
   swapped in atomically.
"""

from __future__ import annotations

import datetime
import json
import os
import tempfile
import urllib.error
import urllib.request
from dataclasses import dataclass, replace
from pathlib import Path

from generator.diagnostics import GeneratorError, error
from generator.diff.compare import Report, compare_sides
from generator.diff.report import to_markdown
from generator.diff.sources import OVERLAYS_PATH, SPEC_PATH, Side, relabel
from generator.emit.write import write_tree
from generator.pipeline import Options, Run, generate_files, inputs_hash
from generator.release.changelog import prepend_entry
from generator.release.version import (
    RELEASE_FILE,
    Release,
    bump_for_spec_update,
    code_hash,
    load_release,
    save_release,
)
from generator.responses import RECORDED_PATH, check_responses, report_markdown
from generator.spec.load import parse_document
from generator.text import package_version

__all__ = ["CHANGELOG_PATH", "SpecUpdate", "fetch_spec", "update_spec"]

CHANGELOG_PATH = "spec/CHANGELOG.md"
_CHANGELOG_HEADER = "# Changelog\n\n"
_DOWNLOAD_TIMEOUT_SECONDS = 60
_PLACEHOLDER_HASH = "sha256:" + "0" * 64


@dataclass(frozen=True)
class SpecUpdate:
    report: Report | None  # None: the spec was already this one
    old_version: str
    new_version: str
    written: int  # files written to generated/
    responses: str = ""  # the "Recorded answers" section (Markdown); empty without recordings


def fetch_spec(source: str) -> bytes:
    """The bytes of ``source``: a file path, or an http(s) URL."""
    if source.startswith(("http://", "https://")):
        try:
            with urllib.request.urlopen(source, timeout=_DOWNLOAD_TIMEOUT_SECONDS) as answer:
                data: bytes = answer.read()
                return data
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", None) or exc
            raise GeneratorError(
                [error(source, "", f"cannot download the spec: {reason}", "check the URL")]
            ) from None
    if "://" in source:
        raise GeneratorError(
            [error(source, "", "only http(s) URLs and file paths are read", "download it first")]
        )
    try:
        return Path(source).read_bytes()
    except OSError as exc:
        raise GeneratorError(
            [error(source, "", f"cannot read the file: {exc.strerror}", "check the path")]
        ) from None


def update_spec(
    root: Path,
    source: str,
    package: str = "qiskit_runtime_api",
    today: datetime.date | None = None,
) -> SpecUpdate:
    """Bring the spec at ``source`` into the project at ``root``; see the module docstring."""
    spec_path, overlays = root / SPEC_PATH, root / OVERLAYS_PATH
    shown = _shown(source)
    new_bytes = _as_json(fetch_spec(source), shown)
    release = load_release(root)
    if spec_path.exists() and spec_path.read_bytes() == new_bytes:
        return SpecUpdate(None, release.version, release.version, 0)
    with tempfile.TemporaryDirectory(prefix="update-spec-") as temporary:
        folder = Path(temporary)
        incoming = folder / spec_path.name
        incoming.write_bytes(new_bytes)
        new_side = Side(source, incoming, overlays, folder)  # errors name it as given
        sides = (Side(SPEC_PATH, spec_path, overlays), new_side)
        try:
            report = compare_sides(*sides, package=package, current_version=release.version)
        except GeneratorError as exc:
            raise relabel(exc, sides) from None
        report = replace(report, new_label=shown)  # the changelog's title
        spec_version = package_version(report.new_version)  # `2024-10-21` is 2024.10.21
        version = bump_for_spec_update(release.version, spec_version, report.semver)
        draft = folder / "release.json"
        draft.write_text(f'{{"version": "{version}", "code_hash": "{_PLACEHOLDER_HASH}"}}')
        changelog_path = root / CHANGELOG_PATH
        current = (
            changelog_path.read_text(encoding="utf-8")
            if changelog_path.exists()
            else _CHANGELOG_HEADER
        )
        responses = _recorded_answers(root, Options(incoming, overlays, root / "generated"))
        changelog = prepend_entry(current, _entry(report, version, shown, today) + responses)
        draft_changelog = folder / "CHANGELOG.md"
        draft_changelog.write_text(changelog, encoding="utf-8")
        options = Options(
            incoming,
            overlays,
            root / "generated",
            package,
            release=draft,
            changelog=draft_changelog,
        )
        try:
            _, files = generate_files(options, Run())
        except GeneratorError as exc:  # e.g. the new spec fails validation
            raise relabel(exc, sides) from None
    issued = Release(version, code_hash(files, package))
    # Everything is known: now write, the generated tree last and atomically.
    _replace(spec_path, new_bytes)
    save_release(root, issued)
    _replace(changelog_path, changelog.encode())
    final = Options(
        spec_path,
        overlays,
        root / "generated",
        package,
        release=root / RELEASE_FILE,
        changelog=changelog_path,
    )
    written = write_tree(final.out, files, inputs_hash(final))
    return SpecUpdate(report, release.version, version, written, responses)


def _recorded_answers(root: Path, options: Options) -> str:
    """The recorded answers checked against the new spec, as a changelog section."""
    folder = root / RECORDED_PATH
    if not folder.is_dir():
        return ""
    try:
        findings = check_responses(options, folder, Run())
    except GeneratorError as exc:  # a recording the new spec has no operation for
        return "\n" + report_markdown(None, "; ".join(d.format() for d in exc.diagnostics))
    return "\n" + report_markdown(findings)


def _shown(source: str) -> str:
    """``source`` as committed and published: a URL as it is, a file by its name only
    (a local path says nothing to readers and leaks the maintainer's folders)."""
    if source.startswith(("http://", "https://")):
        return source
    return Path(source).name


def _as_json(data: bytes, shown: str) -> bytes:
    """The spec as ``spec/qiskit-runtime-api.json`` holds it: JSON verbatim, YAML converted."""
    try:
        json.loads(data.decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError):
        name = shown if shown.endswith((".yaml", ".yml")) else f"{shown} (YAML)"
        parsed = parse_document(data, name)  # a YAML error names its line and column
        return (json.dumps(parsed, indent=2, ensure_ascii=False) + "\n").encode()
    return data


def _replace(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def _entry(report: Report, version: str, source: str, today: datetime.date | None) -> str:
    """A ``## <version> (<date>)`` section: the spec it came from, then the report."""
    date = (today or datetime.date.today()).isoformat()
    return (
        f"## {version} ({date})\n\n"
        f"Generated from spec version {report.new_version} ({source}).\n\n"
        + to_markdown(report, title="Changes")
        + "\n"
    )
