"""Broken and extreme documents: a one-line error with its pointer and exit 2, or a client.

Never a traceback, never a hang (each run has a time limit), and on error the
output folder is exactly as it was.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from .test_cli import run_cli, tree_digest


def spec(schemas: dict[str, Any], response: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "openapi": "3.0.3",
        "info": {"title": "Broken", "version": "1.0.0"},
        "paths": {
            "/things": {
                "get": {
                    "operationId": "list_things",
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {
                                "application/json": {
                                    "schema": response or {"$ref": "#/components/schemas/Thing"}
                                }
                            },
                        }
                    },
                }
            }
        },
        "components": {"schemas": schemas},
    }


def nested(depth: int) -> str:
    """A schema ``depth`` objects deep, as JSON text (json.dumps would hit the recursion limit)."""
    opening = '{"type": "object", "properties": {"child": ' * depth
    return opening + '{"type": "string"}' + "}}" * depth


def big_spec(megabytes: int) -> str:
    schemas = {
        f"Thing{i}": {
            "type": "object",
            "properties": {f"p{j}": {"type": "string"} for j in range(40)},
        }
        for i in range(megabytes * 1000)
    }
    schemas["Thing"] = {"type": "object", "properties": {"a": {"type": "string"}}}
    return json.dumps(spec(schemas))


# name -> (document text, file suffix, expected exit status, what stderr must say)
CASES: dict[str, tuple[str, str, int, str]] = {
    "invalid JSON": ('{"openapi": "3.0.3",\n "info": {,}}', ".json", 2, r"line 2, column 11"),
    "invalid YAML": (
        "openapi: 3.0.3\ninfo: [a,\n  b: c\n",
        ".yaml",
        2,
        r"invalid YAML at line \d+, column \d+",
    ),
    "not OpenAPI": ('{"swagger": "2.0"}', ".json", 2, r"#/openapi: not an OpenAPI 3.0 or 3.1"),
    "not UTF-8": ("\udcff", ".json", 2, r"not UTF-8"),
    "dangling ref": (
        json.dumps(spec({"Thing": {"$ref": "#/components/schemas/Missing"}})),
        ".json",
        2,
        r"#/components/schemas/Thing/\$ref: .*Missing",
    ),
    "ref cycle with no base case": (
        json.dumps(
            spec(
                {
                    "Thing": {"$ref": "#/components/schemas/Other"},
                    "Other": {"$ref": "#/components/schemas/Thing"},
                }
            )
        ),
        ".json",
        2,
        r"#/components/schemas/\w+/\$ref: .*(cycle|Thing)",
    ),
    "remote ref": (
        json.dumps(spec({"Thing": {"$ref": "https://example.com/schemas.json#/Thing"}})),
        ".json",
        2,
        r"#/components/schemas/Thing/\$ref: remote reference .* refused .*--allow-remote-refs",
    ),
    "recursive and mutually recursive schemas": (
        json.dumps(
            spec(
                {
                    "Thing": {
                        "type": "object",
                        "properties": {
                            "children": {
                                "type": "array",
                                "items": {"$ref": "#/components/schemas/Thing"},
                            },
                            "owner": {"$ref": "#/components/schemas/Owner"},
                        },
                    },
                    "Owner": {
                        "type": "object",
                        "properties": {
                            "things": {
                                "type": "array",
                                "items": {"$ref": "#/components/schemas/Thing"},
                            }
                        },
                    },
                }
            )
        ),
        ".json",
        0,
        r"1 operations, 2 models",
    ),
    "10,000-member enum": (
        json.dumps(spec({"Thing": {"type": "string", "enum": [f"v{i}" for i in range(10_000)]}})),
        ".json",
        0,
        r"1 operations",
    ),
    "schema nested 500 deep": (
        json.dumps(spec({"Thing": {}})).replace('"Thing": {}', '"Thing": ' + nested(500)),
        ".json",
        2,
        r"nest",
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_broken_or_extreme_input_fails_cleanly_or_generates(
    name: str, tmp_path: Path, generated_copy: Path
) -> None:
    text, suffix, status, says = CASES[name]
    path = tmp_path / f"spec{suffix}"
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    before = tree_digest(generated_copy)
    out = generated_copy if status == 2 else tmp_path / "out"
    (tmp_path / "none").mkdir()
    overlays = str(tmp_path / "none")
    result = run_cli("generate", "--spec", str(path), "--overlays", overlays, "--out", str(out))
    assert result.returncode == status, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    assert re.search(says, result.stderr + result.stdout), result.stderr[-2000:]
    if status == 2:
        errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
        assert errors and all(f"{path}#" in line for line in errors)
        assert tree_digest(generated_copy) == before


def test_a_50_megabyte_spec_is_refused_at_once_with_the_limit_named(
    tmp_path: Path, generated_copy: Path
) -> None:
    path = tmp_path / "big.json"
    path.write_text(big_spec(50) + " " * 10, encoding="utf-8")
    assert path.stat().st_size > 50_000_000
    before = tree_digest(generated_copy)
    result = run_cli("generate", "--spec", str(path), "--out", str(generated_copy))
    assert result.returncode == 2
    assert re.search(
        rf"error: {path}#: the document is \d+ MB, more than .*--max-spec-mb", result.stderr
    )
    assert tree_digest(generated_copy) == before
