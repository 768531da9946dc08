"""The report fits a pull request comment whatever the change; the full report keeps all."""

from __future__ import annotations

import json
from pathlib import Path

from generator.diff.changes import Change, Place, Severity
from generator.diff.compare import Report
from generator.diff.diffstat import Diffstat, FileStat
from generator.diff.python_api import ApiChange
from generator.diff.report import (
    COMMENT_LIMIT,
    short_types,
    to_markdown,
    write_full_report,
)

MODELS = [f"'model-{n}'" for n in range(145)]
WIDE = f"Sequence[Literal[{', '.join(MODELS)}]] | None"
MORE = [*MODELS, "'a'", "'b'", "'c'"]
WIDER = f"Sequence[Literal[{', '.join(MORE)}]] | None"


def huge_report(changes: int = 3000) -> Report:
    """Five weeks of a big API's changes, and worse: thousands of rows, 9 KB types."""
    wire = tuple(
        Change(
            Severity.INFO,
            "response-property-added",
            f"response property `Thing{n}.field`: added",
            tuple(
                Place(f"GET /things/{n}/{k}", f"/components/schemas/Thing{n}") for k in range(20)
            ),
            addition=True,
        )
        for n in range(changes)
    )
    python = tuple(
        ApiChange(
            Severity.INFO,
            "parameter-type-widened",
            (f"Things.list_{n}", f"AsyncThings.list_{n}"),
            "model",
            f"parameter `model`: type `{WIDE}` became `{WIDER}` (accepts more)",
        )
        for n in range(changes // 10)
    )
    files = tuple(FileStat(f"pkg/models/thing_{n}.py", "changed", 3, 1) for n in range(changes))
    return Report("git:main", "spec/api.json", "1.0", "1.0", wire, python, Diffstat(files), "1.0.0")


def test_the_comment_stays_under_the_limit_however_long_the_report() -> None:
    report = huge_report()
    markdown = to_markdown(report)
    assert len(markdown) <= COMMENT_LIMIT
    assert "needs a minor version (additions): 1.0.0 → **1.1.0**" in markdown
    assert "… and " in markdown and "more" in markdown  # rows left out are counted
    assert "the full report is `api-diff.md` and `api-diff.json`" in markdown
    assert "'model-100'" not in markdown  # a 145-value Literal is counted, not listed


def test_the_full_report_keeps_every_row_and_value(tmp_path: Path) -> None:
    report = huge_report(200)
    write_full_report(report, tmp_path / "out")
    full = (tmp_path / "out" / "api-diff.md").read_text(encoding="utf-8")
    assert full.count("response-property-added") == 200
    assert "'model-144', 'a', 'b', 'c'" in full
    data = json.loads((tmp_path / "out" / "api-diff.json").read_text(encoding="utf-8"))
    assert len(data["changes"]) == 200
    assert data["package"] == {"current": "1.0.0", "next": "1.1.0"}


def test_a_long_literal_is_counted_and_a_short_one_kept() -> None:
    assert short_types(f"`{WIDE}`") == "`Sequence[Literal[...145 values]] | None`"
    assert short_types("`Literal['a', 'b, c]']`") == "`Literal['a', 'b, c]']`"


def test_a_small_report_is_not_summarised() -> None:
    report = huge_report(3)
    markdown = to_markdown(report).replace("Literal[...145 values]", "")
    assert "… and " not in markdown
    assert markdown.count("response-property-added") == 3
