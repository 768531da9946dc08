"""Load stage: a file's bytes become a document (JSON or YAML).

The file name travels with the data, so every later diagnostic can say
which file it is about.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.diagnostics import GeneratorError, error

__all__ = ["MAX_SPEC_MB", "Document", "load_document", "parse_document"]


@dataclass(frozen=True)
class Document:
    path: Path
    data: Any
    raw: bytes

    @property
    def name(self) -> str:
        return str(self.path)


MAX_SPEC_MB = 32


def load_document(path: Path, max_mb: int = MAX_SPEC_MB) -> Document:
    try:
        size = path.stat().st_size
        if size > max_mb * 1_000_000:
            raise GeneratorError(
                [
                    error(
                        str(path),
                        "",
                        f"the document is {size // 1_000_000} MB, more than the {max_mb} MB "
                        "the generator reads",
                        "pass --max-spec-mb to raise the limit",
                    )
                ]
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise GeneratorError(
            [error(str(path), "", f"cannot read the file: {exc.strerror}", "check the path")]
        ) from None
    return Document(path, parse_document(raw, str(path)), raw)


_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: ~10x


class _UniqueKeyLoader(_SafeLoader):  # type: ignore[valid-type,misc]
    """YAML loader that keeps strings as strings (no dates) and nothing else."""


# YAML 1.1 turns 2026-02-01 into a date; OpenAPI values are JSON values.
_UniqueKeyLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def parse_document(raw: bytes, name: str) -> Any:
    """Parse JSON, or YAML when the file is not JSON; errors give line and column."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise GeneratorError(
            [error(name, "", f"not UTF-8 text (byte {exc.start})", "save the file as UTF-8")]
        ) from None
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")) or name.endswith(".json"):
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise GeneratorError(
                [
                    error(
                        name,
                        "",
                        f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}",
                        "fix the syntax there",
                    )
                ]
            ) from None
    try:
        return yaml.load(text, Loader=_UniqueKeyLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise GeneratorError(
            [error(name, "", f"invalid YAML{where}: {problem}", "fix the syntax there")]
        ) from None
