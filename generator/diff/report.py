"""A ``Report`` as Markdown (a pull request comment) or JSON.

The Markdown opens with the verdict and a summary table; the lists sit in
``<details>`` blocks. A pull request comment must stay under GitHub's 65,536
characters whatever the change: the comment (``to_markdown``) shortens long
types (a ``Literal`` of 145 values is ``Literal[...145 values]``), caps each
cell, and when it is still longer than ``COMMENT_LIMIT`` shows fewer rows per
list, saying how many it left out. ``to_markdown(full=True)`` and the JSON
leave nothing out; ``write_full_report`` writes both as the workflow's artifact.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .changes import Change, Severity
from .compare import Report
from .python_api import ApiChange

__all__ = [
    "COMMENT_LIMIT",
    "FULL_REPORT_FILES",
    "to_json",
    "to_markdown",
    "write_full_report",
]

COMMENT_LIMIT = 60_000
FULL_REPORT_FILES = ("api-diff.md", "api-diff.json")
_SHOWN_PLACES = 8
_SHOWN_CAUSES = 3
_SHOWN_LITERALS = 6
_CELL_LIMIT = 600
_ROW_BUDGETS = (None, 200, 100, 50, 25, 10, 5, 0)
_GENERATOR_ONLY = "no wire change at its places (model sharing, naming)"
_GENERATOR_RENAME = "the generator's naming (the class stands for the same spec places)"


def write_full_report(report: Report, folder: Path) -> None:
    """The whole report, nothing summarised, as ``folder/api-diff.md`` and ``.json``."""
    folder.mkdir(parents=True, exist_ok=True)
    markdown, data = FULL_REPORT_FILES
    (folder / markdown).write_text(to_markdown(report, full=True), encoding="utf-8")
    (folder / data).write_text(to_json(report), encoding="utf-8")


def to_json(report: Report) -> str:
    return json.dumps(_data(report), indent=1, ensure_ascii=False) + "\n"


def _data(report: Report) -> dict[str, Any]:
    stat = report.diffstat
    return {
        "verdict": report.verdict,
        "validation_problems": list(report.problems),
        "semver": report.semver,
        "package": {"current": report.package_version, "next": report.next_version},
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
    upgrade = (
        f": {report.package_version} → **{report.next_version}**" if report.next_version else ""
    )
    return f"**{report.verdict}**: `{report.distribution}` needs {bump}{upgrade}. ({versions})"


def to_markdown(report: Report, title: str = "API diff", *, full: bool = False) -> str:
    """The report; unless ``full``, shortened to fit ``COMMENT_LIMIT`` (see the docstring)."""
    if full:
        return _markdown(report, title, None, full=True)
    for budget in _ROW_BUDGETS:
        text = _markdown(report, title, budget, full=False)
        if len(text) <= COMMENT_LIMIT:
            return text
    return text[: COMMENT_LIMIT - 200] + "\n\n(cut: see the full report)\n"


def _markdown(report: Report, title: str, budget: int | None, *, full: bool) -> str:
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
    cell = (lambda text: text) if full else _short_cell
    if report.problems:
        lines[2:2] = [
            f"**A side fails validation** ({len(report.problems)} problems): the wire "
            "contract is compared anyway; the Python API is not (no package to read).",
            "",
            *(f"- `{line}`" for line in report.problems),
            "",
        ]
    if report.changes:
        rows = _budget(_wire_rows(report, cell), budget)
        lines += _details(f"Wire-contract changes ({len(report.changes)})", _wire_table(rows))
    if report.python_api:
        rows = _budget(_api_rows(report, cell), budget)
        lines += _details(f"Python API changes ({len(report.python_api)})", _api_table(rows))
    if report.diffstat.files:
        rows = _budget(_stat_rows(report), budget)
        lines += _details("Generated code diffstat", _stat_table(rows))
    if not full and (budget is not None or _was_shortened(report)):
        lines += [
            "",
            "Summarised to fit a comment: the full report is `api-diff.md` and "
            "`api-diff.json` (`--full-report DIR`; the workflow's `api-diff-report` artifact).",
        ]
    return "\n".join(lines) + "\n"


def _budget(rows: list[list[str]], most: int | None) -> list[list[str]]:
    if most is None or len(rows) <= most:
        return rows
    left = len(rows) - most
    return [*rows[:most], [f"… and {left} more", *([""] * (len(rows[0]) - 1))]]


def _was_shortened(report: Report) -> bool:
    texts = [c.message for c in report.changes] + [c.message for c in report.python_api]
    return any(_short_cell(t) != t for t in texts)


def short_types(text: str) -> str:
    """``text`` with every ``Literal[...]`` of more than a few values counted, not listed."""
    out, i = [], 0
    while True:
        start = text.find("Literal[", i)
        if start < 0:
            out.append(text[i:])
            return "".join(out)
        end, values = _literal_end(text, start + len("Literal["))
        out.append(text[i:start])
        if end < 0:
            out.append(text[start:])
            return "".join(out)
        body = text[start:end]
        out.append(f"Literal[...{values} values]" if values > _SHOWN_LITERALS else body)
        i = end


def _literal_end(text: str, i: int) -> tuple[int, int]:
    """The index after the ``]`` closing a ``Literal[`` opened before ``i``, and its value count."""
    depth, quote, values = 1, "", 1
    while i < len(text):
        char = text[i]
        if quote:
            if char == "\\":
                i += 1
            elif char == quote:
                quote = ""
        elif char in "'\"":
            quote = char
        elif char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return i + 1, values
        elif char == "," and depth == 1:
            values += 1
        i += 1
    return -1, values


def _short_cell(text: str) -> str:
    text = short_types(text)
    return text if len(text) <= _CELL_LIMIT else text[: _CELL_LIMIT - 1] + "…"


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


def _wire_rows(report: Report, cell: Any) -> list[list[str]]:
    return [
        [
            c.severity.value,
            _listed([f"`{op}`" for op in c.operations if op], _SHOWN_PLACES) or "(all)",
            f"{cell(c.message)} <sub>{c.kind}</sub>",
            f"`{c.pointer}`",
        ]
        for c in report.changes
    ]


def _wire_table(rows: list[list[str]]) -> list[str]:
    header = "| severity | operation | change | pointer (new spec) |"
    return _table(header, "|---|---|---|---|", rows)


def _api_rows(report: Report, cell: Any) -> list[list[str]]:
    return [
        [
            c.severity.value,
            _listed([f"`{o}`" for o in c.owners], _SHOWN_PLACES),
            f"{cell(c.message)} <sub>{c.kind}</sub>",
            _cause(c),
        ]
        for c in report.python_api
    ]


def _cause(change: ApiChange) -> str:
    if change.kind == "class-renamed":
        return _GENERATOR_RENAME
    causes = [f"{w.kind} ({w.operation or 'all'})" for w in change.caused_by]
    return _listed(causes, _SHOWN_CAUSES, "; ") or _GENERATOR_ONLY


def _api_table(rows: list[list[str]]) -> list[str]:
    return _table("| severity | where | change | caused by |", "|---|---|---|---|", rows)


def _stat_rows(report: Report) -> list[list[str]]:
    return [[f"`{f.path}`", f.status, str(f.added), str(f.removed)] for f in report.diffstat.files]


def _stat_table(rows: list[list[str]]) -> list[str]:
    return _table("| file | | + | − |", "|---|---|---:|---:|", rows)
