"""``quick_arguments``, the no-op path's parser without argparse, gives what argparse
gives, or nothing: then argparse parses, and every help text and error is its own."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli.arguments import parsed, parser, project_records, quick_arguments

from .conftest import ROOT

PLAIN = [
    ["check"],
    ["generate"],
    ["check", "--out", "generated"],
    ["check", "--out=generated", "--force"],
    ["generate", "--spec", "spec/qiskit-runtime-api.json", "--overlays", "spec/overlays"],
    ["check", "--spec", str(ROOT / "spec" / "qiskit-runtime-api.json")],
    ["check", "--spec", "../other/spec.json", "--out", "/tmp/x y/out"],
    ["generate", "--package-name", "my_client", "--allow-remote-refs"],
    ["check", "--release", "r.json", "--changelog=CHANGES.md", "--ref-root", ".."],
    ["check", "--max-spec-mb", "7", "--worker-seconds", "1.5", "--worker-mb=64"],
    ["check", "--max-spec-mb", " 8 ", "--worker-seconds", "1e3"],
    ["check", "--out", "a=b", "--spec=x=y"],
]
LEFT_TO_ARGPARSE = [
    [],
    ["--help"],
    ["check", "-h"],
    ["check", "--help"],
    ["build"],
    ["diff", "a", "b"],
    ["check", "--ou", "generated"],  # an abbreviation
    ["check", "--out"],  # no value
    ["check", "--out", "-x"],  # a value argparse takes for an option
    ["check", "--out="],
    ["check", "--out", "generated/"],  # Path spells it without the slash
    ["check", "--out", "./generated"],
    ["check", "--out", "a//b"],
    ["check", "--out", "a", "--out", "b"],  # repeated
    ["check", "--force=yes"],
    ["check", "--package-name", "import"],
    ["check", "--package-name", "a-b"],
    ["check", "--max-spec-mb", "seven"],
    ["check", "--max-spec-mb", "-1"],
    ["check", "extra"],
    ["check", "--", "--out"],
    ["check", "--bogus"],
]


def _argparse(argv: list[str]) -> dict[str, object]:
    args = parser().parse_args(argv)
    project_records(args)
    return {
        key: str(value) if isinstance(value, Path) else value for key, value in vars(args).items()
    }


@pytest.mark.parametrize("argv", PLAIN, ids=" ".join)
def test_a_plain_command_line_parses_as_argparse_parses_it(argv: list[str]) -> None:
    quick = quick_arguments(argv)
    assert quick is not None
    assert vars(quick) == _argparse(argv)


@pytest.mark.parametrize("argv", LEFT_TO_ARGPARSE, ids=" ".join)
def test_anything_else_is_left_to_argparse(argv: list[str]) -> None:
    assert quick_arguments(argv) is None


def test_help_and_errors_are_argparse_s_for_every_command() -> None:
    """``parser(command)`` builds only that command's options; the top-level help and
    the errors it prints are those of the full parser."""
    for argv in (
        ["--help"],
        ["check", "--help"],
        ["diff", "--help"],
        ["check", "--bogus"],
        ["check", "--out"],
        ["repair", "--max-spec-mb", "x"],
    ):
        shown = subprocess.run(
            [sys.executable, "-m", "generator", *argv], cwd=ROOT, capture_output=True, text=True
        )
        expected = subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys; from generator.cli.arguments import parser; "
                "parser().parse_args(sys.argv[1:])",
                *argv,
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        assert shown.stdout + shown.stderr, argv
        assert (shown.returncode, shown.stdout, shown.stderr) == (
            expected.returncode,
            expected.stdout,
            expected.stderr,
        ), argv


@pytest.mark.parametrize("argv", PLAIN, ids=" ".join)
def test_a_plain_command_line_runs_with_what_argparse_gives(argv: list[str]) -> None:
    """``parsed``: the attributes and values, ``Path``s included, of argparse's namespace
    (a run of ``generate`` or ``check`` then builds no parser)."""
    quick = quick_arguments(argv)
    assert quick is not None
    args = parser().parse_args(argv)
    project_records(args)
    assert vars(parsed(quick)) == vars(args)
    assert {k: type(v) for k, v in vars(parsed(quick)).items()} == {
        k: type(v) for k, v in vars(args).items()
    }
