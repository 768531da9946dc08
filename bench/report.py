"""What a benchmark returns (a ``Section``) and how the report is laid out in Markdown.

Every script measures into a ``Section``: tables of medians, the issue's targets
with their verdicts, notes, and profiles of whatever misses its target. The
report puts machine information first, then a summary of every target, then
each section.
"""

from __future__ import annotations

import datetime
import importlib.metadata
import os
import platform
import statistics
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

__all__ = [
    "NOT_JUDGED",
    "PEER_NOT_MEASURED",
    "ROOT",
    "Section",
    "Table",
    "Target",
    "cpu_bound",
    "judge",
    "machine_info",
    "median",
    "ratio_shown",
    "render_report",
    "render_section",
    "seconds",
]

ROOT = Path(__file__).resolve().parent.parent
PEER_NOT_MEASURED = "peer not measured in quick mode"
NOT_JUDGED = "not judged (quick mode: tiny input)"


@dataclass
class Table:
    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)

    def add(self, *cells: object) -> None:
        self.rows.append([str(c) for c in cells])


@dataclass(frozen=True)
class Target:
    """One of the issue's targets: what was measured against what was asked."""

    name: str
    measured: str
    limit: str
    met: bool | None
    """None when the target was not judged (quick mode, or a part that failed)."""
    why: str = ""
    """Where it is missed: the stage or the cause, when known."""

    @property
    def verdict(self) -> str:
        if self.met is None:
            return self.why or "not judged"
        return "met" if self.met else "**missed**" + (f": {self.why}" if self.why else "")


@dataclass
class Section:
    key: str
    title: str
    tables: list[tuple[str, Table]] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    profiles: list[tuple[str, str]] = field(default_factory=list)
    """(title, preformatted text): profiles of missed targets, or a failure's traceback."""

    def table(self, caption: str, *columns: str) -> Table:
        table = Table(list(columns))
        self.tables.append((caption, table))
        return table

    @property
    def missed(self) -> list[Target]:
        return [t for t in self.targets if t.met is False]


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def seconds(value: float) -> str:
    if value != value:  # NaN
        return "n/a"
    if value >= 1:
        return f"{value:.2f} s"
    if value >= 1e-3:
        return f"{value * 1e3:.1f} ms"
    return f"{value * 1e6:.1f} µs"


def cpu_bound(cpu: float, cores: int) -> str:
    """What a run's own CPU allows: ``cpu`` seconds of all its processes, shared
    perfectly over ``cores``, a time no order of the same work can beat."""
    return (
        f"our run's processes take {seconds(cpu)} of CPU in all, so on {cores} cores "
        f"no order of that work ends before {seconds(cpu / cores)}"
    )


def ratio_shown(times: Sequence[float], base: Sequence[float]) -> tuple[float, str]:
    """The ratio of medians, and how to show it: with the ratio of minima beside it, the
    figures a busy machine disturbs least (when the two disagree, suspect the noise)."""
    ratio = median(times) / median(base)
    return ratio, f"{ratio:.2f}× (of minima: {min(times) / min(base):.2f}×)"


def judge(
    name: str,
    value: float,
    relation: Literal["≤", "≥"],
    limit: float,
    shown: str,
    limit_shown: str,
    *,
    quick: bool,
    why: str = "",
) -> Target:
    """The target ``value RELATION limit``; not judged in quick mode, or without a value."""
    if quick or value != value:  # NaN: nothing was measured
        return Target(name, shown, f"{relation} {limit_shown}", None, NOT_JUDGED if quick else why)
    met = value <= limit if relation == "≤" else value >= limit
    return Target(name, shown, f"{relation} {limit_shown}", met, why)


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _git_commit() -> str:
    try:
        result = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        )
    except OSError:
        return "unknown"
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--", "generator", "templates", "spec", "generated"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout.strip()
    return result.stdout.strip() + (" (with uncommitted changes)" if dirty else "")


def _versions() -> str:
    found = []
    for name in ("pydantic", "pydantic-core", "httpx", "black", "datamodel-code-generator"):
        try:
            found.append(f"{name} {importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            found.append(f"{name} (not installed)")
    return ", ".join(found)


def machine_info(quick: bool) -> Table:
    table = Table(["", ""])
    table.add("date (UTC)", datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M"))
    table.add("CPU", _cpu_model())
    table.add("cores", f"{os.cpu_count()} ({len(os.sched_getaffinity(0))} usable)")
    table.add("load average at start", " ".join(f"{x:.2f}" for x in os.getloadavg()))
    table.add("Python", f"{platform.python_implementation()} {platform.python_version()}")
    table.add("system", platform.platform())
    table.add("libraries", _versions())
    table.add("commit", _git_commit())
    table.add("mode", "quick (tiny inputs, 1 repetition, no peers)" if quick else "full")
    return table


def _markdown_table(table: Table) -> list[str]:
    def row(cells: Sequence[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in cells) + " |"

    return [row(table.columns), row(["---"] * len(table.columns)), *map(row, table.rows)]


def _targets_table(targets: Sequence[Target]) -> Table:
    table = Table(["target", "measured", "asked", "verdict"])
    for target in targets:
        table.add(target.name, target.measured, target.limit, target.verdict)
    return table


def render_section(section: Section) -> str:
    lines = [f"## {section.title}", ""]
    for caption, table in section.tables:
        if caption:
            lines += [caption, ""]
        lines += [*_markdown_table(table), ""]
    if section.targets:
        lines += ["Targets:", "", *_markdown_table(_targets_table(section.targets)), ""]
    lines += [f"- {note}" for note in section.notes]
    if section.notes:
        lines.append("")
    for title, text in section.profiles:
        lines += [f"{title}:", "", "```", text.rstrip(), "```", ""]
    return "\n".join(lines)


def render_report(sections: Sequence[Section], quick: bool, command: str) -> str:
    targets = [t for s in sections for t in s.targets]
    met = sum(1 for t in targets if t.met)
    missed = sum(1 for t in targets if t.met is False)
    lines = [
        "# Benchmarks",
        "",
        f"Produced by `{command}`; medians of interleaved repetitions, ratios taken in the same "
        "run. The machine is shared and noisy: read ratios, not absolute times.",
        "",
        *_markdown_table(machine_info(quick)),
        "",
        f"## Summary: {met} targets met, {missed} missed, {len(targets) - met - missed} not judged",
        "",
        *_markdown_table(_targets_table(targets)),
        "",
    ]
    return "\n".join(lines) + "\n" + "\n".join(render_section(s) for s in sections)
