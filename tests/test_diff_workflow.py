"""The pull request workflow calls only commands that exist, with arguments they accept."""

from __future__ import annotations

import re
import shlex
from typing import Any

import yaml

from generator.cli.arguments import parser

from .conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "api-diff.yml"


def _workflow() -> dict[str | bool, Any]:
    loaded: dict[str | bool, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return loaded


def _steps() -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = _workflow()["jobs"]["api-diff"]["steps"]
    return steps


def test_it_runs_on_pull_requests_touching_the_spec_and_on_label_changes() -> None:
    # PyYAML reads the key `on` as True (YAML 1.1).
    trigger = _workflow()[True]["pull_request"]
    assert trigger["paths"] == ["spec/**"]
    assert {"labeled", "unlabeled", "synchronize"} <= set(trigger["types"])


def test_every_make_target_it_calls_exists_and_diff_accepts_its_arguments() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z][a-z-]*):", makefile, flags=re.MULTILINE))
    called = []
    for step in _steps():
        for line in str(step.get("run", "")).splitlines():
            words = shlex.split(line.replace("\\", ""), comments=True)
            if words[:1] != ["make"]:
                continue
            target = next(w for w in words[1:] if not w.startswith("-") and "=" not in w)
            assert target in targets, line
            called.append(target)
            for word in words:
                if word.startswith("DIFF_ARGS="):
                    parser().parse_args(["diff", "a", "b", *word.split("=", 1)[1].split()])
    assert called == ["check", "diff"]


def test_breaking_changes_fail_the_job_unless_the_accepting_label_is_set() -> None:
    label = _workflow()["env"]["ACCEPT_LABEL"]
    [gate] = [s for s in _steps() if '"$verdict" = breaking' in str(s.get("run", ""))]
    assert gate["env"]["ACCEPTED"] == (
        f"${{{{ contains(github.event.pull_request.labels.*.name, '{label}') }}}}"
    )
    assert '[ "$ACCEPTED" != true ]' in gate["run"]


def test_the_report_is_made_and_posted_even_when_make_check_fails() -> None:
    steps = {s["name"]: s for s in _steps() if "name" in s}
    check = steps["make check"]
    assert check["continue-on-error"] is True and check["id"] == "check"
    for name in ("make diff", "Comment the report on the pull request"):
        assert "!cancelled()" in steps[name]["if"]  # runs whatever make check said
    comment = steps["Comment the report on the pull request"]
    assert comment["env"]["CHECK"] == "${{ steps.check.outcome }}"
    assert "make check\\` failed" in comment["run"]
    gate = steps["Fail on breaking changes, or on a failed check"]
    assert '[ "$CHECK" = success ]' in gate["run"]


def test_the_full_report_is_uploaded_and_linked() -> None:
    steps = {s["name"]: s for s in _steps() if "name" in s}
    assert "--full-report api-diff-report" in steps["make diff"]["run"]
    upload = steps["Upload the full report"]
    assert upload["uses"].startswith("actions/upload-artifact@")
    assert upload["with"]["path"] == "api-diff-report/"
    assert "steps.upload.outputs.artifact-url" in str(
        steps["Comment the report on the pull request"]
    )
