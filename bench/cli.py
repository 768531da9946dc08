"""The command line every bench script shares: ``python -m bench.NAME [--quick]``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from .ours import cold_format_cache
from .report import Section, render_section

__all__ = ["main", "parser"]


def parser(description: str | None) -> argparse.ArgumentParser:
    result = argparse.ArgumentParser(description=description)
    result.add_argument(
        "--quick",
        action="store_true",
        help="a tiny input, one repetition, no peers, no verdicts: checks that the script runs",
    )
    return result


def main(measure: Callable[[bool], Section]) -> None:
    """Run one script's ``measure`` and print its section of the report."""
    module = sys.modules[measure.__module__]
    args = parser(module.__doc__).parse_args()
    cold_format_cache()
    print(render_section(measure(args.quick)))
