"""Recorded answers: ``<folder>/<operationId>/<name>.json``, each the body of a 200 answer."""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.diagnostics import GeneratorError, error

__all__ = ["MAX_RECORDING_MB", "Recording", "load_recordings", "require_folder"]

MAX_RECORDING_MB = 32
"""A recording larger than this is refused (nothing in a response is trusted)."""


@dataclass(frozen=True)
class Recording:
    operation_id: str
    path: Path
    body: bytes
    data: Any

    @property
    def name(self) -> str:
        """``get_backend_configuration/fez.json``: how reports name the recording."""
        return f"{self.operation_id}/{self.path.name}"


def load_recordings(folder: Path, operations: Collection[str]) -> list[Recording]:
    """Every ``*.json`` in the operation folders of ``folder``, sorted by name.

    A folder that is not an operationId of the spec, a file that is not JSON or
    too large, or no recording at all is bad input (``GeneratorError``).
    """
    require_folder(folder)
    recordings: list[Recording] = []
    for sub in sorted(p for p in folder.iterdir() if p.is_dir()):
        if sub.name not in operations:
            raise GeneratorError(
                [
                    error(
                        str(sub),
                        "",
                        f"{sub.name!r} is not an operationId of the spec",
                        "name each folder for the operation that answered",
                    )
                ]
            )
        recordings.extend(_read(path, sub.name) for path in sorted(sub.glob("*.json")))
    if not recordings:
        raise GeneratorError(
            [error(str(folder), "", "no recordings found", "add <operationId>/<name>.json files")]
        )
    return recordings


def require_folder(folder: Path) -> None:
    if not folder.is_dir():
        raise GeneratorError(
            [error(str(folder), "", "no such folder", "give --recordings a folder of recordings")]
        )


def _read(path: Path, operation_id: str) -> Recording:
    if path.stat().st_size > MAX_RECORDING_MB * 1024 * 1024:
        raise GeneratorError(
            [error(str(path), "", f"larger than {MAX_RECORDING_MB} MB", "record a smaller answer")]
        )
    body = path.read_bytes()
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise GeneratorError(
            [error(str(path), "", f"not JSON: {exc}", "save the answer's body as it came")]
        ) from None
    return Recording(operation_id, path, body, data)
