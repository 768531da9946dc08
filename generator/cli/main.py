"""``main``: parse, answer "up to date" without loading the pipeline when it can,
dispatch, and turn diagnostics into exit statuses.

The no-op path (``generate``/``check`` on an up-to-date ``generated/``) is a
whole process of a few tens of milliseconds: it imports the standard library
and ``generator.cli.arguments``, ``generator.inputs``, ``generator.digests``
and ``generator.release.issued`` only, builds the options of its one command,
and reads no file whose ``stat`` is unchanged since an earlier run. Everything
else is imported where it is used.
"""

from __future__ import annotations

import sys
import time

from generator.cli.arguments import COMMANDS, parsed, parser, project_records, quick_arguments

TYPE_CHECKING = False  # typing costs the no-op path milliseconds
if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable
    from pathlib import Path
    from types import SimpleNamespace

    from generator.pipeline import Options, Run

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    given = sys.argv[1:] if argv is None else argv
    quick = quick_arguments(given)  # a plain generate or check: no argparse yet
    if quick is not None and not quick.force:
        started = time.perf_counter()
        wanted = _already_generated(quick)
        if wanted:
            _say_up_to_date(quick.out, wanted, started)
            return 0
    if quick is not None:  # "up to date" was asked above, and the answer was no
        return _run(parsed(quick), recorded=False)
    args = parser(given[0] if given and given[0] in COMMANDS else None).parse_args(given)
    if "release" in vars(args):
        project_records(args)
    if args.command in _SPEC_COMMANDS:
        from generator.diagnostics import GeneratorError

        try:
            return _SPEC_COMMANDS[args.command](args)
        except GeneratorError as exc:
            for diagnostic in exc.diagnostics:
                print(diagnostic.format(), file=sys.stderr)
            return 2
    recorded = False  # generated/ records these inputs and its code has its version
    if args.command in ("generate", "check", "build", "publish") and not vars(args).get("force"):
        started = time.perf_counter()
        wanted = _already_generated(args)
        recorded = bool(wanted)
        if recorded and args.command in ("generate", "check"):
            _say_up_to_date(args.out, wanted, started)
            return 0
    return _run(args, recorded)


def _already_generated(args: argparse.Namespace | SimpleNamespace) -> str:
    """The inputs hash if ``--out`` holds what these inputs generate and its code is the
    code its version was issued for, else ``""`` (``generator.inputs``)."""
    from generator.digests import Digests
    from generator.inputs import GENERATOR_FOLDER, already_generated

    digests = Digests.for_output(str(args.out), GENERATOR_FOLDER)
    wanted = already_generated(
        args.out,
        args.spec,
        args.overlays,
        args.package_name,
        args.release,
        args.changelog,
        digests,
    )
    digests.save()
    return wanted


def _say_up_to_date(out: Path, wanted: str, started: float) -> None:
    print(
        f"{out} is up to date: it records these inputs (hash {wanted[:12]}) "
        f"and no file changed since ({time.perf_counter() - started:.2f} s; "
        "--force runs every stage)"
    )


def _run(args: argparse.Namespace | SimpleNamespace, recorded: bool) -> int:
    from generator.emit.format_cache import may_hold_entries
    from generator.emit.models_worker import formatter_ahead

    # Black loads in a worker forked before the stages are imported, on the core
    # this process leaves idle meanwhile, when the format cache may leave it a few
    # pieces to format (a run without the cache's folder formats on all cores).
    with formatter_ahead(args.command in ("generate", "check") and may_hold_entries()):
        return _stages(args, recorded)


def _stages(args: argparse.Namespace | SimpleNamespace, recorded: bool) -> int:
    from generator.cli.output import print_diagnostics
    from generator.diagnostics import GeneratorError
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
            import argparse

            from generator.cli.release import run_release  # packaging, build: only here

            assert isinstance(args, argparse.Namespace)  # parsed() is generate's or check's
            return run_release(args, options, run, recorded)
        return _stage(args.command)(options, run)
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


def _stage(name: str) -> Callable[[Options, Run], int]:
    if name == "bump":
        return _bump
    from generator.cli import stages

    return {
        "validate": stages.run_validate,
        "ir": stages.run_ir,
        "generate": stages.run_generate,
        "check": stages.run_check,
    }[name]
