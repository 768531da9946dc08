"""Format stage: imports sorted (isort), then black, in-process, on every Python file."""

from __future__ import annotations

import black
import isort
from black.mode import TargetVersion
from black.parsing import InvalidInput

from .diagnostics import GeneratorError, error

__all__ = ["format_files"]

_MODE = black.Mode(target_versions={TargetVersion.PY310}, line_length=100)
_ISORT = isort.Config(
    profile="black", line_length=100, combine_as_imports=False, force_sort_within_sections=False
)


def format_files(files: dict[str, str]) -> dict[str, str]:
    formatted = {}
    for path, text in files.items():
        if path.endswith(".py"):
            try:
                text = black.format_str(isort.code(text, config=_ISORT), mode=_MODE)
            except InvalidInput as exc:
                raise GeneratorError(
                    [
                        error(
                            path,
                            "",
                            f"generated code does not parse: {exc}",
                            "report this generator bug",
                        )
                    ]
                ) from None
        formatted[path] = text
    return formatted
