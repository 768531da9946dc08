"""What the command line prints of a run: diagnostics, their summary, stage timings."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from generator.diagnostics import Diagnostic, Level

if TYPE_CHECKING:
    from generator.pipeline import Run

__all__ = ["print_diagnostics", "print_timings", "warning_summary"]


def print_diagnostics(run: Run) -> None:
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


def print_timings(run: Run) -> None:
    for name, seconds in run.timings:
        note = f"  ({run.notes[name]})" if name in run.notes else ""
        print(f"{name:<12} {seconds * 1000:8.1f} ms{note}")
