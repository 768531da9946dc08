"""Problems found in the input, collected as values.

A stage never prints and never exits: it returns or raises diagnostics, and
only the command line (``generator.cli``) turns them into text and an
exit status. An *error* stops the run before anything is written; a
*warning* is reported and the run goes on.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

__all__ = ["Diagnostic", "GeneratorError", "Level"]


class Level(enum.Enum):
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class Diagnostic:
    """One problem: where it is (file and JSON pointer), what it is, what to do."""

    level: Level
    file: str
    pointer: str
    message: str
    hint: str = ""

    def format(self) -> str:
        where = f"{self.file}#{self.pointer}" if self.pointer is not None else self.file
        text = f"{self.level.value}: {where}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        # Spec text in a message may hold what no terminal can print (a lone surrogate).
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


class GeneratorError(Exception):
    """The input cannot be turned into a client; ``diagnostics`` says why."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = diagnostics
        super().__init__("; ".join(d.format() for d in diagnostics))


def error(file: str, pointer: str, message: str, hint: str = "") -> Diagnostic:
    return Diagnostic(Level.ERROR, file, pointer, message, hint)


def warning(file: str, pointer: str, message: str, hint: str = "") -> Diagnostic:
    return Diagnostic(Level.WARNING, file, pointer, message, hint)
