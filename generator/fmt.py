"""Format stage: imports sorted (isort), then black, in-process, on the generated Python files.

The hand-written runtime is copied verbatim and is already formatted (a test
holds it to that), so only the rendered modules are formatted. Black takes
most of a run's time, so the files are shared out between the machine's
cores (forked workers, largest file first) when there is more than one.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor

import black
import isort
from black.mode import TargetVersion
from black.parsing import InvalidInput

from .diagnostics import GeneratorError, error

__all__ = ["format_files", "format_python"]

_MODE = black.Mode(target_versions={TargetVersion.PY310}, line_length=100)
_ISORT = isort.Config(
    profile="black", line_length=100, combine_as_imports=False, force_sort_within_sections=False
)
_MAX_WORKERS = 4


def format_python(text: str) -> str:
    return black.format_str(isort.code(text, config=_ISORT), mode=_MODE)


def format_files(files: dict[str, str], verbatim: Iterable[str] = ()) -> dict[str, str]:
    """``files`` with every Python file not in ``verbatim`` formatted."""
    skip = set(verbatim)
    todo = {p: t for p, t in files.items() if p.endswith(".py") and p not in skip}
    formatted = dict(files)
    for batch_result in _run(_batches(todo)):
        if isinstance(batch_result, str):
            raise GeneratorError(
                [error("generated code", "", batch_result, "report this generator bug")]
            )
        formatted.update(batch_result)
    return formatted


def _batches(todo: dict[str, str]) -> list[dict[str, str]]:
    """The files shared out between workers, each worker's total size about equal."""
    workers = min(_MAX_WORKERS, os.cpu_count() or 1, len(todo))
    bins: list[dict[str, str]] = [{} for _ in range(max(workers, 1))]
    sizes = [0] * len(bins)
    for path, text in sorted(todo.items(), key=lambda item: -len(item[1])):
        smallest = sizes.index(min(sizes))
        bins[smallest][path] = text
        sizes[smallest] += len(text)
    return [b for b in bins if b]


def _run(batches: list[dict[str, str]]) -> list[dict[str, str] | str]:
    if len(batches) <= 1 or sys.platform != "linux":
        return [_format_batch(b) for b in batches]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=len(batches), mp_context=context) as pool:
        return list(pool.map(_format_batch, batches))


def _format_batch(batch: dict[str, str]) -> dict[str, str] | str:
    """Formatted files, or the message saying which one does not parse."""
    result = {}
    for path, text in batch.items():
        try:
            result[path] = format_python(text)
        except InvalidInput as exc:
            return f"{path}: generated code does not parse: {exc}"
    return result
