"""The text report of ``check-responses``: totals, then each group once."""

from __future__ import annotations

from generator.responses.findings import Extra, Findings, Mismatch
from generator.responses.infer import json_type

__all__ = ["RECORDED_PATH", "report_markdown", "report_text"]

RECORDED_PATH = "tests/data/recorded"
"""Where a project keeps its recorded answers."""


def report_text(findings: Findings, spec_file: str) -> str:
    operations = ", ".join(f"{op} {n}" for op, n in sorted(findings.by_operation.items()))
    lines = [
        f"{findings.recordings} recordings ({operations})",
        f"  refused by the models with strict=True: {len(findings.strict_failures)}",
        f"  warned about in lenient mode:           {len(findings.lenient_warnings)}",
        f"  refused by the spec's JSON Schema:      {len(findings.schema_failures)}",
    ]
    lines += _mismatches(
        "Mismatches with the generated models (strict=True)", findings.model, spec_file
    )
    lines += _mismatches("Mismatches with the spec's JSON Schema", findings.schema, spec_file)
    lines += _extras(findings.extras, spec_file)
    lines.append("every recording fits" if findings.fits else "some recordings do not fit")
    return "\n".join(lines) + "\n"


def _times(recordings: int, count: int) -> str:
    return f"{recordings} recording{'s' if recordings != 1 else ''}, {count}×"


def _mismatches(title: str, groups: list[Mismatch], spec_file: str) -> list[str]:
    if not groups:
        return [f"{title}: none"]
    lines = [f"{title}: {len(groups)} schema places"]
    for g in groups:
        lines += [
            f"  {g.keyword} ({_times(len(g.recordings), g.count)}): {_short(g.message)}",
            f"    spec:    {spec_file}#{g.spec_pointer}",
            f"    example: {g.example}",
        ]
    return lines


def _extras(groups: list[Extra], spec_file: str) -> list[str]:
    if not groups:
        return ["Members the spec does not describe: none"]
    lines = [f"Members the spec does not describe: {len(groups)}"]
    for g in groups:
        kinds = ", ".join(sorted({json_type(v) for v in g.values}))
        lines += [
            f"  {g.name} ({_times(len(g.recordings), g.count)}; {kinds})",
            f"    spec:    {spec_file}#{g.spec_pointer} (the object schema without it)",
            f"    example: {g.example}",
        ]
    return lines


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def report_markdown(findings: Findings | None, problem: str = "") -> str:
    """A ``### Recorded answers`` section: all fit, or each mismatch once (for
    ``update-spec``'s changelog entry). ``problem``: why they could not be checked."""
    title = "### Recorded answers\n\n"
    if findings is None:
        return title + f"Not checked: {problem}\n"
    if findings.fits:
        return title + f"All {findings.recordings} recordings ({RECORDED_PATH}) fit.\n"
    lines = [
        f"**{len(set(findings.strict_failures) | set(findings.schema_failures))} of "
        f"{findings.recordings} recordings ({RECORDED_PATH}) do not fit this spec**: "
        f"{len(findings.strict_failures)} refused by the models with strict=True, "
        f"{len(findings.schema_failures)} by the JSON Schema "
        "(`make check-responses` for the full report).",
        "",
    ]
    for g in findings.model + findings.schema:
        lines.append(
            f"- `{g.keyword}` at `{g.spec_pointer}` ({_times(len(g.recordings), g.count)}), "
            f"e.g. `{g.example}`"
        )
    return title + "\n".join(lines) + "\n"
