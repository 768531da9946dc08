"""The pipeline's commands: ``validate``, ``ir``, ``generate`` and ``check``."""

from __future__ import annotations

import dataclasses
import difflib
import json
import sys
import time
from typing import TYPE_CHECKING

from generator.diagnostics import Level

if TYPE_CHECKING:
    from generator.pipeline import Options, Run

from generator.cli.output import print_diagnostics, print_timings

__all__ = ["run_check", "run_generate", "run_ir", "run_validate"]


def run_validate(options: Options, run: Run) -> int:
    from generator.pipeline import build_ir

    build_ir(options, run)
    print_diagnostics(run)
    warnings = sum(1 for d in run.diagnostics if d.level is Level.WARNING)
    print(f"{options.spec}: valid ({warnings} warnings)")
    return 0


def run_ir(options: Options, run: Run) -> int:
    from generator.pipeline import build_ir

    api = build_ir(options, run)
    print_diagnostics(run)
    print(json.dumps(dataclasses.asdict(api), indent=1))
    return 0


def run_generate(options: Options, run: Run) -> int:
    from generator.emit.write import write_tree
    from generator.pipeline import generate_files, inputs_hash

    started = time.perf_counter()
    api, files = generate_files(options, run)
    print_diagnostics(run)
    written = run.timed("write", lambda: write_tree(options.out, files, inputs_hash(options)))
    print_timings(run)
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
    from generator.release.version import bump_post, code_hash, read_release

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


def run_check(options: Options, run: Run) -> int:
    from generator.emit.write import compare_tree
    from generator.pipeline import generate_files, inputs_hash

    started = time.perf_counter()
    _, files = generate_files(options, run)
    differences = compare_tree(options.out, files, inputs_hash(options))
    unissued = _unissued_code(options, files)
    if not differences and not unissued:
        print(f"{options.out} is up to date ({time.perf_counter() - started:.2f} s)")
        return 0
    print_diagnostics(run)
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
