"""Files built to crash or hang the generator: each ends with ``error: FILE#/pointer``,
exit 2, no traceback, nothing written (the subprocess timeout only guards a hang)."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from .test_cli import run_cli
from .tiny_spec import base, write_spec

ALIAS_BOMB = "".join(  # 9 ** 9 strings from 9 lines: a billion nodes to whatever walks it
    f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]\n"
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True)
).join(['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n', ""])


def _deep_yaml(folder: Path) -> tuple[list[str], Path]:
    spec = folder / "deep.yaml"
    spec.write_text("openapi: 3.0.3\nx-deep: " + "[" * 30_000 + "]" * 30_000 + "\n")
    assert spec.stat().st_size < 61_000
    return [], spec


def _alias_bomb(folder: Path) -> tuple[list[str], Path]:
    spec = folder / "bomb.yaml"
    spec.write_text("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\nx-bomb:\n")
    with spec.open("a") as handle:
        handle.writelines("  " + line for line in ALIAS_BOMB.splitlines(keepends=True))
    return [], spec


def _alias_bomb_in_an_overlay(folder: Path) -> tuple[list[str], Path]:
    overlays = folder / "overlays"
    overlays.mkdir()
    (overlays / "10-bomb.yaml").write_text(
        'overlay: "1.0.0"\ninfo: {title: t, version: "1"}\nactions:\n'
        '  - target: "$.info"\n    description: a bomb\n    update:\n      x-bomb:\n'
        + "".join("        " + line for line in ALIAS_BOMB.splitlines(keepends=True))
    )
    return ["--overlays", str(overlays)], write_spec(folder / "spec.json", base())


def _dev_zero_as_the_spec(folder: Path) -> tuple[list[str], Path]:
    return [], Path("/dev/zero")


def _dev_zero_as_a_ref(folder: Path) -> tuple[list[str], Path]:
    spec = base()
    spec["components"]["schemas"]["Zero"] = {"$ref": "/dev/zero"}
    return ["--ref-root", "/"], write_spec(folder / "spec.json", spec)


def _fifo_as_the_spec(folder: Path) -> tuple[list[str], Path]:
    os.mkfifo(folder / "fifo.json")
    return [], folder / "fifo.json"


def _fifo_as_a_ref(folder: Path) -> tuple[list[str], Path]:
    os.mkfifo(folder / "fifo.json")
    spec = base()
    spec["components"]["schemas"]["Fifo"] = {"$ref": "fifo.json"}
    return [], write_spec(folder / "spec.json", spec)


def _catastrophic_overlay_regex(folder: Path) -> tuple[list[str], Path]:
    overlays = folder / "overlays"
    overlays.mkdir()
    target = "$.paths[*][?match(@.summary, '(a+)+b')]"
    action = {"target": target, "description": "d", "update": {"x-y": 1}}
    overlay = {"overlay": "1.0.0", "info": {"title": "t", "version": "1"}, "actions": [action]}
    (overlays / "10-regex.json").write_text(json.dumps(overlay))
    spec = base()
    spec["paths"]["/items"]["get"]["summary"] = "a" * 40
    return ["--overlays", str(overlays)], write_spec(folder / "spec.json", spec)


def _lone_surrogate_in_a_summary(folder: Path) -> tuple[list[str], Path]:
    spec = base()
    spec["paths"]["/items"]["get"]["summary"] = "half \ud800 a character"
    path = folder / "spec.json"
    path.write_text(json.dumps(spec), encoding="utf-8")  # ensure_ascii: written as \ud800
    return [], path


def _x_timeout(value: str) -> Callable[[Path], tuple[list[str], Path]]:
    def build(folder: Path) -> tuple[list[str], Path]:
        spec = base()
        spec["paths"]["/items"]["get"]["x-timeout"] = 1
        path = folder / "spec.json"
        path.write_text(json.dumps(spec).replace('"x-timeout": 1', f'"x-timeout": {value}'))
        return [], path

    return build


# name -> (builder, what the error's pointer and message say)
CASES: dict[str, tuple[Callable[[Path], tuple[list[str], Path]], str]] = {
    "30,000-deep YAML sequence": (_deep_yaml, r"#: the YAML nests more than 1000"),
    "YAML alias bomb": (_alias_bomb, r"#: the YAML's aliases expand it"),
    "YAML alias bomb in an overlay": (_alias_bomb_in_an_overlay, r"#: the YAML's aliases"),
    "/dev/zero as the spec": (_dev_zero_as_the_spec, r"#: /dev/zero is not a regular file"),
    "/dev/zero as a $ref": (_dev_zero_as_a_ref, r"#/components/schemas/Zero/\$ref: .*device"),
    "FIFO as the spec": (_fifo_as_the_spec, r"#: .*fifo.json is not a regular file \(a FIFO"),
    "FIFO as a $ref": (_fifo_as_a_ref, r"#/components/schemas/Fifo/\$ref: .*a FIFO"),
    "overlay regex that backtracks": (
        _catastrophic_overlay_regex,
        r"#/actions/0/target: the pattern '\(a\+\)\+b' could take for ever",
    ),
    "lone surrogate in a summary": (
        _lone_surrogate_in_a_summary,
        r"#/paths/~1items/get/summary: the text holds a lone surrogate",
    ),
    "x-timeout Infinity": (_x_timeout("Infinity"), r"#/paths/~1items/get/x-timeout: inf is not"),
    "x-timeout NaN": (_x_timeout("NaN"), r"#/paths/~1items/get/x-timeout: nan is not"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_a_hostile_file_is_refused_with_its_pointer_and_exit_2(name: str, tmp_path: Path) -> None:
    build, says = CASES[name]
    folder = tmp_path / "in"
    folder.mkdir()
    extra, spec = build(folder)
    if "--overlays" not in extra:
        (folder / "none").mkdir()
        extra = ["--overlays", str(folder / "none"), *extra]
    out = tmp_path / "out"
    result = run_cli("generate", "--spec", str(spec), "--out", str(out), *extra)
    assert result.returncode == 2, result.stderr[-2000:]
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert errors, result.stderr[-2000:]
    assert re.search(says, errors[0]), errors
    assert not out.exists()
