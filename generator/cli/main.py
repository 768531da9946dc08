"""``main``: parse, answer "up to date" without loading the pipeline when it can,
dispatch, and turn diagnostics into exit statuses."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from generator.cli.arguments import parser, project_records
from generator.cli.output import print_diagnostics
from generator.cli.stages import run_check, run_generate, run_ir, run_validate
from generator.diagnostics import GeneratorError
from generator.inputs import MANIFEST, files_under, inputs_hash, up_to_date

if TYPE_CHECKING:
    from generator.pipeline import Options, Run

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if "release" in vars(args):
        project_records(args)
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
    from generator.pipeline import (  # the stages load their libraries only when they run
        Options,
        Run,
    )
    from generator.spec.worker import WorkerLimits

    options = Options(
        spec=args.spec,
        overlays=args.overlays,
        out=args.out,
        package=args.package_name,
        allow_remote_refs=args.allow_remote_refs,
        release=args.release,
        changelog=args.changelog,
        max_spec_mb=args.max_spec_mb,
        ref_root=args.ref_root,
        worker=WorkerLimits(
            args.worker_seconds or WorkerLimits.seconds, args.worker_mb or WorkerLimits.megabytes
        ),
    )
    run = Run()
    try:
        if args.command in ("build", "publish"):
            from generator.cli.release import run_release  # packaging, build: only here

            return run_release(args, options, run, recorded)
        return _COMMANDS[args.command](options, run)
    except GeneratorError as exc:
        print_diagnostics(run)
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
    from generator.release.version import code_hash, read_release

    try:
        files = {
            str(path): (out / path).read_bytes().decode()
            for path in files_under(out)
            if str(path) != MANIFEST
        }
        return code_hash(files, package) == read_release(release).code_hash
    except (OSError, UnicodeDecodeError, GeneratorError):
        return False  # the full run says what is wrong


def _diff(args: argparse.Namespace) -> int:
    from generator.cli.diff import run_diff

    return run_diff(args)


def _update_spec(args: argparse.Namespace) -> int:
    from generator.cli.diff import run_update_spec

    return run_update_spec(args)


def _repair(args: argparse.Namespace) -> int:
    from generator.cli.repair import run_repair

    return run_repair(args)


def _bump(options: Options, run: Run) -> int:
    from generator.cli.release import run_bump

    return run_bump(options, run)


def _check_responses(args: argparse.Namespace) -> int:
    from generator.cli.responses import run_check_responses

    return run_check_responses(args)


_SPEC_COMMANDS = {
    "diff": _diff,
    "update-spec": _update_spec,
    "check-responses": _check_responses,
    "repair": _repair,
}

_COMMANDS = {
    "validate": run_validate,
    "ir": run_ir,
    "generate": run_generate,
    "check": run_check,
    "bump": _bump,
}
