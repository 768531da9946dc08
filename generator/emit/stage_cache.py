"""Content-addressed answers of the slow stages besides black: the validator's
verdict on a document and datamodel-code-generator's piece of the models module
for each group of schemas (``generator.emit.model_groups``).

After a change that leaves the overlaid document as it was (a template, the
generator itself, ``--force``) the validator's answer is the one it gave
before, and after a spec update that leaves every schema as it was the models
module is too. Each stage's answers live in their own folder beside the format
cache's (``generator.emit.format_cache``: same storage, same integrity check
and the same pruning), keyed by the exact input the stage is given, the
versions of the libraries that answer and the source of the generator code
that shapes the answer, so a hit is what a cold run makes, byte for byte.

An entry is JSON the generator wrote; it is read back as data, never as code,
and an entry that does not have the expected shape counts as a miss.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostic, Level
from generator.emit.format_cache import FormatCache, cache_folder
from generator.inputs import GENERATOR, library_version

__all__ = [
    "MODELS_LIBRARIES",
    "VALIDATOR_LIBRARIES",
    "StageCache",
    "datamodel_formats",
    "diagnostics_from_json",
    "diagnostics_to_json",
    "stage_cache",
]

MAX_BYTES = 16 * 1024 * 1024
"""The most each stage's entries may take (a models module of the OpenAI spec is ~1 MiB)."""

VALIDATOR_LIBRARIES = (
    "openapi-spec-validator",
    "openapi-schema-validator",
    "jsonschema",
    "jsonschema-path",
    "jsonschema-specifications",
    "referencing",
)
MODELS_LIBRARIES = ("datamodel-code-generator", "pydantic", "pydantic-core")

# The generator code each stage's answer depends on, relative to generator/.
_VALIDATOR_CODE = ("spec", "diagnostics.py")
_MODELS_CODE = (
    "emit/models.py",
    "emit/model_groups.py",
    "emit/model_variants.py",
    "emit/models_worker.py",
    "emit/model_style.py",
    "emit/code.py",
    "emit/layout.py",
    "emit/types.py",
    "ir",
    "text.py",
    "diagnostics.py",
)


def _code_digest(parts: Iterable[str]) -> str:
    digest = hashlib.sha256()
    for part in parts:
        root = GENERATOR / part
        files = [root] if root.is_file() else sorted(root.rglob("*.py"))
        for path in files:
            digest.update(str(path.relative_to(GENERATOR)).encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _setup(stage: str, libraries: Iterable[str], code: Iterable[str], options: str) -> str:
    versions = ", ".join(f"{name}=={library_version(name)}" for name in libraries)
    return f"{stage}; {versions}; code {_code_digest(code)}; {options}"


class StageCache:
    """One stage's answers by the exact input (a string) they were made from."""

    def __init__(self, folder: Path | None, setup: str) -> None:
        self._store = FormatCache(folder, setup)

    @property
    def enabled(self) -> bool:
        return self._store.folder is not None

    def get(self, given: str) -> Any | None:
        text = self._store.get(given)
        if text is None:
            return None
        try:
            return json.loads(text)
        except ValueError:
            return None

    def put(self, given: str, answer: Any) -> None:
        self._store.put(given, json.dumps(answer, ensure_ascii=False))

    def prune(self) -> None:
        if self._store.stored:
            self._store.prune(MAX_BYTES)


def stage_cache(stage: str, options: str = "") -> StageCache:
    """The cache of ``stage`` (``validate``, ``models``, or ``formats``: the library's
    list of formats, which depends on its version alone), off when the format cache is."""
    libraries, code = {
        "validate": (VALIDATOR_LIBRARIES, _VALIDATOR_CODE),
        "models": (MODELS_LIBRARIES, _MODELS_CODE),
        "formats": (("datamodel-code-generator",), ()),
    }[stage]
    formats = cache_folder()
    folder = None if formats is None else formats.parent / stage
    return StageCache(folder, _setup(stage, libraries, code, options) if folder else "")


def diagnostics_to_json(found: Iterable[Diagnostic]) -> list[list[str]]:
    return [[d.level.value, d.file, d.pointer, d.message, d.hint] for d in found]


def diagnostics_from_json(data: Any) -> list[Diagnostic] | None:
    """The diagnostics an entry holds, or ``None`` when it is not such a list."""
    if not isinstance(data, list):
        return None
    found = []
    for item in data:
        if not (
            isinstance(item, list) and len(item) == 5 and all(isinstance(x, str) for x in item)
        ):
            return None
        try:
            level = Level(item[0])
        except ValueError:
            return None
        found.append(Diagnostic(level, item[1], item[2], item[3], item[4]))
    return found


def datamodel_formats() -> dict[str, list[str]]:
    """The ``format`` values datamodel-code-generator knows, by JSON type (its
    ``json_schema_data_formats``), kept by the library's version alone: a change of the
    generator's code does not make the next run import the library for it."""
    cache = stage_cache("formats")
    given = "json_schema_data_formats"
    entry = cache.get(given)
    if isinstance(entry, dict) and all(
        isinstance(v, list) and all(isinstance(f, str) for f in v) for v in entry.values()
    ):
        return entry
    from generator.emit import models_worker

    worker = models_worker.current()  # which has loaded the library already
    found = worker.formats() if worker else models_worker.formats()
    cache.put(given, found)
    return found
