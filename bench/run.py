"""Runs every benchmark and writes one Markdown report (``make bench``).

    python -m bench.run [--quick] [--output FILE] [--only NAME,...]

Prints the report and writes it to ``bench/RESULTS.md`` (full mode) or to
``--output``. A script that fails becomes a section naming its error and a
missed target, and the others still run.
"""

from __future__ import annotations

import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from . import calls, cli, generation, imports, package, parsing, scale, spec_diff
from .ours import cold_format_cache
from .report import ROOT, Section, Target, render_report

__all__ = ["SCRIPTS", "main"]

SCRIPTS: dict[str, Callable[[bool], Section]] = {
    "generation": generation.measure,
    "scale": scale.measure,
    "spec_diff": spec_diff.measure,
    "parsing": parsing.measure,
    "calls": calls.measure,
    "imports": imports.measure,
    "package": package.measure,
}
RESULTS = ROOT / "bench" / "RESULTS.md"


def _run(name: str, measure: Callable[[bool], Section], quick: bool) -> tuple[Section, bool]:
    """The script's section, and whether it ran to the end."""
    print(f"bench: {name} ...", file=sys.stderr, flush=True)
    started = time.perf_counter()
    ran = True
    try:
        section = measure(quick)
    except Exception as exc:  # one broken script must not hide the others' figures
        section = Section(name, f"{name}: the script failed")
        section.targets.append(
            Target(
                f"`python -m bench.{name}` runs",
                "failed",
                "runs",
                False,
                f"{type(exc).__name__}: {exc}",
            )
        )
        section.profiles.append(("Traceback", traceback.format_exc()))
        ran = False
    print(f"bench: {name} took {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    return section, ran


def main(argv: list[str] | None = None) -> int:
    parser = cli.parser(__doc__)
    parser.add_argument("--output", type=Path, help="where to write the report")
    parser.add_argument("--only", help="comma-separated names among " + ", ".join(SCRIPTS))
    args = parser.parse_args(argv)
    names = args.only.split(",") if args.only else list(SCRIPTS)
    unknown = [n for n in names if n not in SCRIPTS]
    if unknown:
        parser.error(f"unknown benchmarks: {', '.join(unknown)}")
    cold_format_cache()
    results = [_run(name, SCRIPTS[name], args.quick) for name in names]
    sections = [section for section, _ in results]
    command = (
        "make bench"
        if not args.quick and not args.only
        else " ".join(["python -m bench.run", *(argv if argv is not None else sys.argv[1:])])
    )
    report = render_report(sections, args.quick, command)
    print(report)
    output = args.output or (None if args.quick else RESULTS)
    if output is not None:
        output.write_text(report, encoding="utf-8")
        print(f"bench: wrote {output}", file=sys.stderr)
    return 0 if all(ran for _, ran in results) else 1


if __name__ == "__main__":
    sys.exit(main())
