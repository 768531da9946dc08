"""Command line: ``python -m generator validate|ir|generate|check``.

The only module that prints and chooses exit statuses: 0 success, 1 ``check``
found a difference, 2 the input is bad (nothing was written).
"""

from __future__ import annotations

import argparse
import dataclasses
import difflib
import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from .diagnostics import GeneratorError, Level
from .inputs import inputs_hash, up_to_date

if TYPE_CHECKING:
    from .pipeline import Options, Run

MAX_SPEC_MB = 32  # the default of --max-spec-mb (generator.load refuses larger specs)

__all__ = ["main"]

ROOT = Path(__file__).resolve().parent.parent


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    for name, text in (
        ("validate", "validate the spec (with overlays applied)"),
        ("ir", "print the intermediate representation as JSON"),
        ("generate", "regenerate the client package into --out"),
        ("check", "fail (exit 1) when --out differs from what the spec generates"),
    ):
        command = commands.add_parser(name, help=text)
        command.add_argument("--spec", type=Path, default=ROOT / "spec" / "qiskit-runtime-api.json")
        command.add_argument("--overlays", type=Path, default=ROOT / "spec" / "overlays")
        command.add_argument("--out", type=Path, default=ROOT / "generated")
        command.add_argument("--package-name", default="qiskit_runtime_api")
        command.add_argument("--allow-remote-refs", action="store_true")
        command.add_argument("--max-spec-mb", type=int, default=MAX_SPEC_MB)
        if name in ("generate", "check"):
            command.add_argument(
                "--force",
                action="store_true",
                help="run every stage even when generated/ records these very inputs",
            )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command in ("generate", "check") and not args.force:
        started = time.perf_counter()
        try:
            wanted = inputs_hash(args.spec, args.overlays, args.package_name)
        except OSError:
            wanted = ""  # an unreadable input: the load stage says which and why
        if wanted and up_to_date(args.out, wanted):
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
        max_spec_mb=args.max_spec_mb,
    )
    run = Run()
    try:
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


def _print_diagnostics(run: Run) -> None:
    for diagnostic in run.diagnostics:
        print(diagnostic.format(), file=sys.stderr)
    run.diagnostics.clear()


def _print_timings(run: Run) -> None:
    for name, seconds in run.timings:
        beside = "  (beside the stages after it)" if name == "validate" else ""
        print(f"{name:<12} {seconds * 1000:8.1f} ms{beside}")


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
    return 0


def _check(options: Options, run: Run) -> int:
    from .pipeline import generate_files, inputs_hash
    from .write import compare_tree

    started = time.perf_counter()
    _, files = generate_files(options, run)
    differences = compare_tree(options.out, files, inputs_hash(options))
    if not differences:
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
    print(
        f"\n{len(differences)} files differ from what the spec generates: run `make generate` "
        "and commit the result",
        file=sys.stderr,
    )
    return 1


_COMMANDS = {"validate": _validate, "ir": _ir, "generate": _generate, "check": _check}

if __name__ == "__main__":
    sys.exit(main())
