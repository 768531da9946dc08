"""The lowest versions the generated package says it works with, as exact pins.

``python -m tests.lowest`` prints them (``httpx==0.27``), one per line: the
Makefile downloads those wheels into ``.venv/wheelhouse-lowest`` and
``tests/test_lowest_dependencies.py`` runs the client on them.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import tomllib

__all__ = ["LOWEST_WHEELHOUSE", "lowest_pins"]

ROOT = Path(__file__).resolve().parent.parent
LOWEST_WHEELHOUSE = ROOT / ".venv" / "wheelhouse-lowest"
_LOWER_BOUND = re.compile(r"^\s*([A-Za-z0-9_.-]+)\s*>=\s*([0-9][0-9A-Za-z.]*)\s*$")


def lowest_pins(pyproject: Path = ROOT / "generated" / "pyproject.toml") -> list[str]:
    """``name==version`` for each dependency's lower bound; every one must have one."""
    dependencies = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["dependencies"]
    pins = []
    for requirement in dependencies:
        match = _LOWER_BOUND.match(requirement)
        if match is None:
            raise ValueError(f"{pyproject}: {requirement!r} has no lone lower bound (name>=X)")
        pins.append(f"{match.group(1)}=={match.group(2)}")
    return pins


if __name__ == "__main__":
    sys.stdout.write("".join(pin + "\n" for pin in lowest_pins()))
