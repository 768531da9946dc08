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
    assert called == ["check", "diff", "diff"]


def test_breaking_changes_fail_the_job_unless_the_accepting_label_is_set() -> None:
    label = _workflow()["env"]["ACCEPT_LABEL"]
    [gate] = [s for s in _steps() if "--fail-on breaking" in str(s.get("run", ""))]
    assert f"contains(github.event.pull_request.labels.*.name, '{label}')" in gate["if"]
    assert gate["if"].lstrip("${ ").startswith("!contains")
