"""Command line: ``python -m generator
validate|ir|generate|check|bump|build|publish|diff|update-spec``.

The only module that prints and chooses exit statuses (with
``generator.cli_publish``, its ``build`` and ``publish``): 0 success, 1
``check`` found a difference (``diff``: a change at the ``--fail-on`` level;
``build``/``publish``: refused), 2 the input is bad (nothing was written).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import difflib
import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from .diagnostics import Diagnostic, GeneratorError, Level
from .inputs import MANIFEST, files_under, inputs_hash, up_to_date

if TYPE_CHECKING:
    from .pipeline import Options, Run

MAX_SPEC_MB = 32  # the default of --max-spec-mb (generator.load refuses larger specs)

__all__ = ["main"]

ROOT = Path(__file__).resolve().parent.parent
_RELEASE_HELP = (
    "the release record: package version and the code hash it was issued for "
    "(default: spec/release.json for the project's spec; none for another spec, "
    "whose package version is then its info.version)"
)
_CHANGELOG_HELP = (
    "the package's changelog, newest first, copied into the package "
    "(default: spec/CHANGELOG.md for the project's spec; none for another spec)"
)
SPEC = ROOT / "spec" / "qiskit-runtime-api.json"
PYPI_UPLOAD_URL = "https://upload.pypi.org/legacy/"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    for name, text in (
        ("validate", "validate the spec (with overlays applied)"),
        ("ir", "print the intermediate representation as JSON"),
        ("generate", "regenerate the client package into --out"),
        ("check", "fail (exit 1) when --out differs from what the spec generates"),
        ("bump", "issue the next post-release for changed generated code, then generate"),
        ("build", "check, then build and verify the wheel and sdist into --out/dist"),
        ("publish", "build, refuse a version the index has, upload with twine"),
    ):
        command = commands.add_parser(name, help=text)
        command.add_argument("--spec", type=Path, default=SPEC)
        command.add_argument("--overlays", type=Path, default=ROOT / "spec" / "overlays")
        command.add_argument("--out", type=Path, default=ROOT / "generated")
        command.add_argument("--package-name", default="qiskit_runtime_api")
        command.add_argument("--allow-remote-refs", action="store_true")
        command.add_argument("--release", type=Path, help=_RELEASE_HELP)
        command.add_argument("--changelog", type=Path, help=_CHANGELOG_HELP)
        command.add_argument("--max-spec-mb", type=int, default=MAX_SPEC_MB)
        if name in ("generate", "check"):
            command.add_argument(
                "--force",
                action="store_true",
                help="run every stage even when generated/ records these very inputs",
            )
        if name == "publish":
            command.add_argument("--repository-url", default=PYPI_UPLOAD_URL)
            command.add_argument(
                "--index-url", help="the simple index to look for the version in (default: derived)"
            )
            command.add_argument("--dry-run", action="store_true", help="everything but the upload")
    _add_spec_commands(commands)
    return parser


def _add_spec_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    diff = commands.add_parser(
        "diff", help="compare two specs: wire contract, Python API, generated code"
    )
    for side in ("old", "new"):
        diff.add_argument(
            side, help="a spec file, or git:<ref> for the spec and overlays committed at <ref>"
        )
    diff.add_argument("--format", choices=("markdown", "json"), default="markdown")
    diff.add_argument(
        "--fail-on",
        choices=("breaking", "warning"),
        help="exit 1 when a change of this severity (or worse) is found",
    )
    diff.add_argument(
        "--raw",
        action="store_true",
        help="compare the wire contract of the specs as published, without overlays "
        "(the Python API is always that of the generated packages)",
    )
    diff.add_argument(
        "--overlays",
        type=Path,
        default=ROOT / "spec" / "overlays",
        help="the overlays applied to a spec file (a git:<ref> side uses its own)",
    )
    diff.add_argument(
        "--repo", type=Path, default=Path("."), help="the git repository of git:<ref>"
    )
    diff.add_argument("--package-name", default="qiskit_runtime_api")
    update = commands.add_parser(
        "update-spec",
        help="take a new upstream spec: copy it to spec/, write the changelog, bump the "
        "version, regenerate",
    )
    update.add_argument("source", help="the new spec: a file path or an http(s) URL")
    update.add_argument("--root", type=Path, default=ROOT, help="the project folder")
    update.add_argument("--package-name", default="qiskit_runtime_api")


def _project_records(args: argparse.Namespace) -> None:
    """The project's release record and changelog belong to the project's spec only."""
    if args.spec.resolve() != SPEC:
        return
    if args.release is None:
        args.release = ROOT / "spec" / "release.json"
    if args.changelog is None:
        args.changelog = ROOT / "spec" / "CHANGELOG.md"


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if "release" in vars(args):
        _project_records(args)
    if args.command in _SPEC_COMMANDS:
        try:
            return _SPEC_COMMANDS[args.command](args)
        except GeneratorError as exc:
            for diagnostic in exc.diagnostics:
                print(diagnostic.format(), file=sys.stderr)
            return 2
    recorded = False  # generated/ records these inputs and its code has its version
    if args.command in ("generate", "check", "build", "publish") and not vars(args).get("force"):
        started = time.perf_counter()
        try:
            wanted = inputs_hash(
                args.spec, args.overlays, args.package_name, args.release, args.changelog
            )
        except OSError:
            wanted = ""  # an unreadable input: the load stage says which and why
        recorded = bool(
            wanted
            and up_to_date(args.out, wanted)
            and _issued(args.out, args.release, args.package_name)
        )
        if recorded and args.command in ("generate", "check"):
            print(
                f"{args.out} is up to date: it records these inputs (hash {wanted[:12]}) "
                f"and no file changed since ({time.perf_counter() - started:.2f} s; "
                "--force runs every stage)"
            )
            return 0
    from .pipeline import Options, Run  # the stages load their libraries only when they run

    options = Options(
        spec=args.spec,
        overlays=args.overlays,
        out=args.out,
        package=args.package_name,
        allow_remote_refs=args.allow_remote_refs,
        release=args.release,
        changelog=args.changelog,
        max_spec_mb=args.max_spec_mb,
    )
    run = Run()
    try:
        if args.command in ("build", "publish"):
            return _release_command(args, options, run, recorded)
        return _COMMANDS[args.command](options, run)
    except GeneratorError as exc:
        _print_diagnostics(run)
        for diagnostic in exc.diagnostics:
            print(diagnostic.format(), file=sys.stderr)
        print(f"nothing was written to {options.out}", file=sys.stderr)
        return 2
    except RecursionError:
        print(
            f"error: {options.spec}#: the document nests too deeply to process "
            "(flatten the deepest schemas into named components under #/components/schemas)",
            file=sys.stderr,
        )
        return 2


def _issued(out: Path, release: Path | None, package: str) -> bool:
    """Whether the code in ``out`` is the code the release record's version was issued for
    (else the full ``check`` says so)."""
    if release is None:
        return True
    from .release import code_hash, read_release

    try:
        files = {
            str(path): (out / path).read_bytes().decode()
            for path in files_under(out)
            if str(path) != MANIFEST
        }
        return code_hash(files, package) == read_release(release).code_hash
    except (OSError, UnicodeDecodeError, GeneratorError):
        return False  # the full run says what is wrong


def _print_diagnostics(run: Run) -> None:
    for diagnostic in run.diagnostics:
        print(diagnostic.format(), file=sys.stderr)
    summary = warning_summary(run.diagnostics)
    if summary:
        print(summary, file=sys.stderr)
    run.diagnostics.clear()


def warning_summary(diagnostics: list[Diagnostic], least: int = 5) -> str:
    """One line counting the warnings by what to do about them, when there are many."""
    hints: dict[str, int] = {}
    for diagnostic in diagnostics:
        if diagnostic.level is Level.WARNING:
            key = diagnostic.hint or "no action named"
            hints[key] = hints.get(key, 0) + 1
    total = sum(hints.values())
    if total < least:
        return ""
    kinds = " · ".join(f"{count} × {hint}" for hint, count in sorted(hints.items(), key=_most))
    return f"{total} warnings, by what to do: {kinds}"


def _most(item: tuple[str, int]) -> tuple[int, str]:
    return (-item[1], item[0])


def _print_timings(run: Run) -> None:
    for name, seconds in run.timings:
        note = f"  ({run.notes[name]})" if name in run.notes else ""
        print(f"{name:<12} {seconds * 1000:8.1f} ms{note}")


def _validate(options: Options, run: Run) -> int:
    from .pipeline import build_ir

    build_ir(options, run)
    _print_diagnostics(run)
    warnings = sum(1 for d in run.diagnostics if d.level is Level.WARNING)
    print(f"{options.spec}: valid ({warnings} warnings)")
    return 0


def _ir(options: Options, run: Run) -> int:
    from .pipeline import build_ir

    api = build_ir(options, run)
    _print_diagnostics(run)
    print(json.dumps(dataclasses.asdict(api), indent=1))
    return 0


def _generate(options: Options, run: Run) -> int:
    from .pipeline import generate_files, inputs_hash
    from .write import write_tree

    started = time.perf_counter()
    api, files = generate_files(options, run)
    _print_diagnostics(run)
    written = run.timed("write", lambda: write_tree(options.out, files, inputs_hash(options)))
    _print_timings(run)
    operations = sum(len(r.operations) for r in api.resources)
    total = time.perf_counter() - started  # validation overlaps the other stages
    print(
        f"wrote {written} files to {options.out}: {operations} operations, "
        f"{len(api.models)} models, {len(api.resources)} resources in {total:.2f} s"
    )
    unissued = _unissued_code(options, files)
    if unissued:
        print(f"note: {unissued}", file=sys.stderr)
    return 0


def _unissued_code(options: Options, files: dict[str, str]) -> str:
    """Why the generated code has no version of its own yet, or ''."""
    from .release import bump_post, code_hash, read_release

    if options.release is None:
        return ""
    release = read_release(options.release)
    if code_hash(files, options.package) == release.code_hash:
        return ""
    return (
        f"{options.release}: the generated code differs from the code version "
        f"{release.version} was issued for: run `make bump` to issue "
        f"{bump_post(release.version)}, and commit the result"
    )


def _check(options: Options, run: Run) -> int:
    from .pipeline import generate_files, inputs_hash
    from .write import compare_tree

    started = time.perf_counter()
    _, files = generate_files(options, run)
    differences = compare_tree(options.out, files, inputs_hash(options))
    unissued = _unissued_code(options, files)
    if not differences and not unissued:
        print(f"{options.out} is up to date ({time.perf_counter() - started:.2f} s)")
        return 0
    _print_diagnostics(run)
    for path, actual, wanted in differences:
        sys.stdout.writelines(
            difflib.unified_diff(
                actual.splitlines(keepends=True),
                wanted.splitlines(keepends=True),
                f"committed/{path}",
                f"generated/{path}",
            )
        )
    if differences:
        print(
            f"\n{len(differences)} files differ from what the spec generates: run `make generate` "
            "and commit the result",
            file=sys.stderr,
        )
    if unissued:
        print(f"error: {unissued}", file=sys.stderr)
    return 1


def _bump(options: Options, run: Run) -> int:
    from .changelog import add_entry, read_changelog
    from .pipeline import Run, generate_files, inputs_hash
    from .release import (
        Release,
        bump_post,
        code_hash,
        read_release,
        version_carriers,
        write_release,
    )
    from .write import compare_tree

    if options.release is None or options.changelog is None:
        print(
            f"error: {options.spec}: only the project's spec has a release record by default; "
            "name the record and changelog to bump with --release and --changelog",
            file=sys.stderr,
        )
        return 2
    release = read_release(options.release)
    api, files = generate_files(options, run)
    digest = code_hash(files, options.package)
    if digest == release.code_hash:
        _print_diagnostics(run)
        print(f"the generated code is the code {release.version} was issued for: nothing to bump")
        return 0
    issued = Release(bump_post(release.version), digest)
    carriers = version_carriers(options.package)
    changed = [
        f"`{path}`"
        for path, _, _ in compare_tree(options.out, files, inputs_hash(options))
        if path not in carriers
    ]
    entry = [f"Regenerated for the same spec version ({api.version}) by a newer generator."]
    entry += [f"Changed files: {', '.join(changed)}."] if changed else []
    today = datetime.date.today().isoformat()
    changelog = add_entry(read_changelog(options.changelog), issued.version, today, entry)
    options.changelog.write_text(changelog, encoding="utf-8")
    write_release(options.release, issued)
    print(f"{options.release}: {release.version} -> {issued.version}")
    return _generate(options, Run())


def _release_command(args: argparse.Namespace, options: Options, run: Run, recorded: bool) -> int:
    """``build`` or ``publish``; a tree the fast path found current skips the full check."""
    from .cli_publish import run_build, run_publish
    from .publish import simple_index_for

    def verify() -> int:
        return 0 if recorded else _check(options, run)

    if args.command == "build":
        return run_build(options, verify)
    return run_publish(
        options,
        verify,
        repository_url=args.repository_url,
        index_url=args.index_url or simple_index_for(args.repository_url),
        dry_run=args.dry_run,
    )


def _diff(args: argparse.Namespace) -> int:
    from .diff.compare import compare_sides
    from .diff.report import to_json, to_markdown
    from .diff.sources import open_side, relabel

    started = time.perf_counter()
    with (
        open_side(args.old, args.repo, args.overlays) as old,
        open_side(args.new, args.repo, args.overlays) as new,
    ):
        try:
            report = compare_sides(old, new, raw=args.raw, package=args.package_name)
        except GeneratorError as exc:
            raise relabel(exc, (old, new)) from None
    text = to_json(report) if args.format == "json" else to_markdown(report)
    sys.stdout.write(text)
    print(
        f"{report.verdict} ({report.semver}): {len(report.changes)} wire changes, "
        f"{len(report.python_api)} Python API changes in {time.perf_counter() - started:.1f} s",
        file=sys.stderr,
    )
    return 1 if args.fail_on and report.fails(args.fail_on) else 0


def _update_spec(args: argparse.Namespace) -> int:
    from .diff.report import to_markdown
    from .update_spec import update_spec

    update = update_spec(args.root, args.source, args.package_name)
    if update.report is None:
        print(f"{args.source} is the spec already in {args.root / 'spec'}: nothing to do")
        return 0
    print(to_markdown(update.report))
    print(
        f"spec/ updated from {args.source}; version {update.old_version} -> "
        f"{update.new_version} ({update.report.semver}); spec/CHANGELOG.md updated; "
        f"wrote {update.written} files to {args.root / 'generated'}"
    )
    return 0


_SPEC_COMMANDS = {"diff": _diff, "update-spec": _update_spec}

_COMMANDS = {
    "validate": _validate,
    "ir": _ir,
    "generate": _generate,
    "check": _check,
    "bump": _bump,
}

if __name__ == "__main__":
    sys.exit(main())
