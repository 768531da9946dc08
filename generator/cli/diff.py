"""The spec-change commands: ``diff`` and ``update-spec``."""

from __future__ import annotations

import argparse
import sys
import time

from generator.diagnostics import GeneratorError

__all__ = ["run_diff", "run_update_spec"]


def run_diff(args: argparse.Namespace) -> int:
    from generator.cli.arguments import ROOT
    from generator.diff.compare import compare_sides
    from generator.diff.report import to_json, to_markdown, write_full_report
    from generator.diff.sources import open_side, relabel, released

    started = time.perf_counter()
    with (
        open_side(args.old, args.repo, args.overlays) as old,
        open_side(args.new, args.repo, args.overlays) as new,
    ):
        try:
            report = compare_sides(
                old,
                new,
                raw=args.raw,
                package=args.package_name,
                current_version=released(args.old, args.repo, ROOT),
            )
        except GeneratorError as exc:
            raise relabel(exc, (old, new)) from None
    text = to_json(report) if args.format == "json" else to_markdown(report)
    sys.stdout.write(text)
    if args.full_report is not None:
        write_full_report(report, args.full_report)
    print(
        f"{report.verdict} ({report.semver}): {len(report.changes)} wire changes, "
        f"{len(report.python_api)} Python API changes in {time.perf_counter() - started:.1f} s",
        file=sys.stderr,
    )
    return 1 if args.fail_on and report.fails(args.fail_on) else 0


def run_update_spec(args: argparse.Namespace) -> int:
    from generator.diff.report import to_markdown
    from generator.release.update_spec import update_spec

    try:
        update = update_spec(args.root, args.source, args.package_name)
    except GeneratorError as exc:
        for diagnostic in exc.diagnostics:
            print(diagnostic.format(), file=sys.stderr)
        overlays = args.root / "spec" / "overlays"
        print(
            f"nothing was changed. Where the validator's errors have mechanical fixes:\n"
            f"  python -m generator repair --spec {args.source} --overlays {overlays}\n"
            f"(or make repair-spec SRC={args.source}) writes {overlays}/00-repairs.yaml; "
            "review and commit it, then run update-spec again",
            file=sys.stderr,
        )
        return 2
    if update.report is None:
        print(f"{args.source} is the spec already in {args.root / 'spec'}: nothing to do")
        return 0
    print(to_markdown(update.report))
    if update.responses:
        print(update.responses)
    print(
        f"spec/ updated from {args.source}; version {update.old_version} -> "
        f"{update.new_version} ({update.report.semver}); spec/CHANGELOG.md updated; "
        f"wrote {update.written} files to {args.root / 'generated'}"
    )
    return 0
