"""A ``Report`` as Markdown (a pull request comment) or JSON.

The Markdown opens with the verdict and a summary table; the lists sit in
``<details>`` blocks, so the comment stays short however long they are.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from .changes import Change, Severity
from .compare import Report
from .python_api import ApiChange

__all__ = ["PACKAGE", "to_json", "to_markdown"]

PACKAGE = "qiskit-runtime-api"
_SHOWN_PLACES = 8
_SHOWN_CAUSES = 3
_GENERATOR_ONLY = "no wire change at its places (model sharing, naming)"


def to_json(report: Report) -> str:
    return json.dumps(_data(report), indent=1, ensure_ascii=False) + "\n"


def _data(report: Report) -> dict[str, Any]:
    stat = report.diffstat
    return {
        "verdict": report.verdict,
        "validation_problems": list(report.problems),
        "semver": report.semver,
        "old": {"source": report.old_label, "version": report.old_version},
        "new": {"source": report.new_label, "version": report.new_version},
        "changes": [
            {
                "severity": c.severity.value,
                "kind": c.kind,
                "operation": c.operation,
                "pointer": c.pointer,
                "message": c.message,
                "places": [{"operation": p.operation, "pointer": p.pointer} for p in c.places],
            }
            for c in report.changes
        ],
        "python_api": [
            {
                "severity": c.severity.value,
                "kind": c.kind,
                "where": list(c.owners),
                "member": c.member,
                "message": c.message,
                "caused_by": [
                    {"kind": w.kind, "operation": w.operation, "pointer": w.pointer}
                    for w in c.caused_by
                ],
            }
            for c in report.python_api
        ],
        "diffstat": {
            "files_added": stat.count("added"),
            "files_removed": stat.count("removed"),
            "files_changed": stat.count("changed"),
            "lines_added": stat.lines_added,
            "lines_removed": stat.lines_removed,
            "files": [
                {"path": f.path, "status": f.status, "added": f.added, "removed": f.removed}
                for f in stat.files
            ],
        },
    }


def verdict_line(report: Report) -> str:
    bump = {
        "major": "a major version (breaking)",
        "minor": "a minor version (additions)",
        "patch": "a patch version",
    }[report.semver]
    versions = (
        f"spec {report.old_version} → {report.new_version}"
        if report.old_version != report.new_version
        else f"spec {report.new_version}"
    )
    return f"**{report.verdict}**: `{PACKAGE}` needs {bump}. ({versions})"


def to_markdown(report: Report, title: str = "API diff") -> str:
    lines = [
        f"### {title}: `{report.old_label}` → `{report.new_label}`",
        "",
        verdict_line(report),
        "",
        "| | breaking | warning | info |",
        "|---|---:|---:|---:|",
        _counts("Wire contract", report.changes),
        _counts("Python API", report.python_api),
        "",
        f"Generated code: {_stat_line(report)}",
    ]
    if report.problems:
        lines[2:2] = [
            f"**A side fails validation** ({len(report.problems)} problems): the wire "
            "contract is compared anyway; the Python API is not (no package to read).",
            "",
            *(f"- `{line}`" for line in report.problems),
            "",
        ]
    if report.changes:
        lines += _details(f"Wire-contract changes ({len(report.changes)})", _wire_table(report))
    if report.python_api:
        lines += _details(f"Python API changes ({len(report.python_api)})", _api_table(report))
    if report.diffstat.files:
        lines += _details("Generated code diffstat", _stat_table(report))
    return "\n".join(lines) + "\n"


def _counts(name: str, changes: tuple[Change, ...] | tuple[ApiChange, ...]) -> str:
    cells = [str(sum(1 for c in changes if c.severity is s)) for s in Severity]
    return f"| {name} | " + " | ".join(cells) + " |"


def _stat_line(report: Report) -> str:
    stat = report.diffstat
    if not stat.files:
        return "no change."
    parts = [f"{stat.count(s)} {s}" for s in ("changed", "added", "removed") if stat.count(s)]
    files = f"{len(stat.files)} file{'s' if len(stat.files) != 1 else ''}"
    return f"{files} ({', '.join(parts)}), +{stat.lines_added} −{stat.lines_removed} lines."


def _details(summary: str, body: list[str]) -> list[str]:
    return ["", "<details>", f"<summary>{summary}</summary>", "", *body, "", "</details>"]


def _table(header: str, align: str, rows: list[list[str]]) -> list[str]:
    """A Markdown table; cells are escaped (``|``, newlines)."""
    cells = [" | ".join(c.replace("|", "\\|").replace("\n", " ") for c in row) for row in rows]
    return [header, align, *(f"| {line} |" for line in cells)]


def _listed(items: Sequence[str], most: int, separator: str = ", ") -> str:
    """``items`` joined, the ones past ``most`` counted (the JSON lists them all)."""
    shown = separator.join(items[:most])
    return shown + (f" and {len(items) - most} more" if len(items) > most else "")


def _wire_table(report: Report) -> list[str]:
    rows = [
        [
            c.severity.value,
            _listed([f"`{op}`" for op in c.operations if op], _SHOWN_PLACES) or "(all)",
            f"{c.message} <sub>{c.kind}</sub>",
            f"`{c.pointer}`",
        ]
        for c in report.changes
    ]
    header = "| severity | operation | change | pointer (new spec) |"
    return _table(header, "|---|---|---|---|", rows)


def _api_table(report: Report) -> list[str]:
    rows = [
        [
            c.severity.value,
            _listed([f"`{o}`" for o in c.owners], _SHOWN_PLACES),
            f"{c.message} <sub>{c.kind}</sub>",
            _listed(
                [f"{w.kind} ({w.operation or 'all'})" for w in c.caused_by], _SHOWN_CAUSES, "; "
            )
            or _GENERATOR_ONLY,
        ]
        for c in report.python_api
    ]
    return _table("| severity | where | change | caused by |", "|---|---|---|---|", rows)


def _stat_table(report: Report) -> list[str]:
    rows = [[f"`{f.path}`", f.status, str(f.added), str(f.removed)] for f in report.diffstat.files]
    return _table("| file | | + | − |", "|---|---|---:|---:|", rows)
