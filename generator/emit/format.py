"""Format stage: imports sorted (isort), then black, in-process, on the generated Python files.

The hand-written runtime is copied verbatim and is already formatted (a test
holds it to that), so only the rendered modules are formatted. Black takes
most of a run's time, so the work is shared out between the machine's cores
(forked workers). A large module (a big spec's models) is cut into pieces at
top-level ``class`` statements, formatted piece by piece and joined with the
two blank lines black puts there; a test holds the result to whole-file black.
Pieces black has formatted before (same text, same black and isort) come from
the format cache (``generator.emit.format_cache``) instead: after a spec update only
the pieces that changed are formatted.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import sys
import zlib
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from generator.diagnostics import GeneratorError, error
from generator.emit.format_cache import FormatCache
from generator.inputs import library_version

if TYPE_CHECKING:
    import black

    from generator.emit.models_worker import ModelsWorker

__all__ = [
    "FORMATTERS",
    "Formatted",
    "Formatting",
    "format_batch",
    "format_files",
    "format_pieces",
    "format_python",
    "format_tree",
    "formatters",
    "python_pieces",
    "split_module",
]

# Black and isort are loaded when there is something to format: a run whose
# pieces all come from the format cache never loads them.
_TARGET = "PY310"
_LINE_LENGTH = 100
_BLACK_SETTINGS: dict[str, object] = {"target_versions": _TARGET, "line_length": _LINE_LENGTH}
_ISORT_SETTINGS: dict[str, object] = {
    "profile": "black",
    "line_length": 100,
    "combine_as_imports": False,
    "force_sort_within_sections": False,
}
FORMATTERS = (
    f"black {library_version('black')} {_BLACK_SETTINGS!r}; "
    f"isort {library_version('isort')} {_ISORT_SETTINGS!r}"
)
"""The formatters and their settings: what a format cache entry is valid for."""
_MAX_WORKERS = 4
_PIECE_SIZE = 3_000  # characters; smaller modules are formatted whole
_ONE_IN = 3  # of the places a module may be cut, about one in this many is
_FEW = 40_000  # characters: what one warm process formats sooner than a fresh pool
_TOP_LEVEL_CLASS = re.compile(r"^class \w", re.MULTILINE)

Job = tuple[str, int, str]  # path, piece number, text


def formatters() -> tuple[black.Mode, Any]:
    """Black's mode and isort's configuration, as the format stage uses them (both
    libraries loaded: before black's pool forks, whose processes then share them)."""
    return _black_mode(), _isort_config()


@cache
def _black_mode() -> black.Mode:
    import black
    from black.mode import TargetVersion

    return black.Mode(target_versions={TargetVersion[_TARGET]}, line_length=_LINE_LENGTH)


@cache
def _isort_config() -> Any:
    import isort

    return isort.Config(**_ISORT_SETTINGS)  # type: ignore[arg-type]


def format_python(text: str) -> str:
    """``text`` with its imports sorted by isort, then formatted by black. isort is
    given only a text with the word ``import`` in it: it finds no import without
    that word and gives any other text back as it is (each such piece of the seed's
    and Blockfrost's output, 175 of them, is held to that by a test), so a spec
    update's pieces, a model or two, never load it (35 ms)."""
    import black

    if "import" in text:
        import isort

        text = isort.code(text, config=_isort_config())
    return black.format_str(text, mode=_black_mode())


def split_module(text: str, size: int = _PIECE_SIZE) -> list[str]:
    """``text`` cut before top-level classes into pieces of a few classes, none much
    longer than twice ``size`` characters unless one class is; a module shorter than
    ``size`` is one piece.

    A cut is made only where black would put two blank lines anyway: before a
    ``class`` line that follows a blank line, itself after code (not a comment
    or a decorator, which belong to what follows). Which of those places are cut
    depends on the ``class`` line there, not on where the module or the last piece
    begins: one in three (by the line's checksum), and any once the piece has grown
    to twice ``size``. A change in a class (a spec update's) then changes the piece
    that holds it alone, and the format cache has every other (cut at a length
    counted from the last cut, every cut after a class that grew could move, and
    every piece after it missed the cache).
    """
    if len(text) < size:
        return [text]
    pieces: list[str] = []
    start = 0
    longest = 2 * size
    for match in _TOP_LEVEL_CLASS.finditer(text):
        cut = match.start()
        if cut == start:
            continue
        before = text[start:cut].rstrip("\n").rsplit("\n", 1)[-1]
        if not text.endswith("\n\n", 0, cut) or before.startswith(("#", "@")):
            continue
        line = _line_at(text, cut).encode("utf-8", "surrogatepass")
        if cut - start < longest and zlib.crc32(line) % _ONE_IN:
            continue
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def _line_at(text: str, start: int) -> str:
    end = text.find("\n", start)
    return text[start:] if end < 0 else text[start:end]


@dataclass(frozen=True)
class Formatted:
    files: dict[str, str]
    pieces: int
    """How many pieces of Python were formatted or taken from the cache."""
    cached: int
    """How many of them came from the cache."""


def format_files(
    files: dict[str, str], verbatim: Iterable[str] = (), piece_size: int = _PIECE_SIZE
) -> dict[str, str]:
    """``files`` with every Python file not in ``verbatim`` formatted (no cache)."""
    return format_tree(files, verbatim, piece_size).files


def python_pieces(
    files: dict[str, str], verbatim: Iterable[str] = (), piece_size: int = _PIECE_SIZE
) -> list[Job]:
    """What the format stage formats: (path, piece number, text) of each piece of
    every Python file not in ``verbatim``, ending in one newline as black ends it (the
    blank lines before a cut are the join's): a piece black leaves as it is, it
    formats once, where any change costs it a second pass."""
    skip = set(verbatim)
    return [
        (path, number, piece.rstrip("\n") + "\n")
        for path, text in files.items()
        if path.endswith(".py") and path not in skip
        for number, piece in enumerate(split_module(text, piece_size))
    ]


def format_tree(
    files: dict[str, str],
    verbatim: Iterable[str] = (),
    piece_size: int = _PIECE_SIZE,
    cache: FormatCache | None = None,
) -> Formatted:
    """``files`` with every Python file not in ``verbatim`` formatted, pieces the
    ``cache`` knows taken from it and the others stored in it."""
    with Formatting(verbatim, piece_size, cache) as formatting:
        return formatting.end(files)


class Formatting:
    """``format_tree`` in two steps, for a caller with other work between them:
    ``begin`` gives black the pieces of the files it has already (on all cores, in
    processes forked here, when they are many and the machine has cores to spare),
    ``end`` the rest of the files, and waits for all. Leaving the block stops the
    processes."""

    def __init__(
        self,
        verbatim: Iterable[str] = (),
        piece_size: int = _PIECE_SIZE,
        cache: FormatCache | None = None,
    ) -> None:
        self._verbatim = set(verbatim)
        self._piece_size = piece_size
        self._cache = cache
        self._pieces: dict[str, dict[int, str]] = {}
        self._sources: dict[tuple[str, int], str] = {}
        self._waiting: list[Job] = []  # not given to black yet
        self._seen: set[str] = set()
        self._count = 0
        self._pool: ProcessPoolExecutor | None = None
        self._futures: list[Future[list[Job] | str]] = []
        self._asked: list[Callable[[], list[Job] | str]] = []  # of the run's formatter

    def __enter__(self) -> Formatting:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def begin(self, files: dict[str, str]) -> None:
        """Start on ``files`` (a part of what ``end`` is given)."""
        self._take(files)
        if _size(self._waiting) > _FEW:
            workers = min(_MAX_WORKERS, os.cpu_count() or 1)
            if sys.platform == "linux" and workers > 1 and _spare_cores(workers):
                self._start_pool(workers)
                self._submit()
        elif self._waiting:
            from generator.emit import models_worker

            self._ask(models_worker.formatter())  # it formats them while models are made

    def end(self, files: dict[str, str]) -> Formatted:
        """``files`` formatted (what ``begin`` was given among them, as it was given):
        the few pieces of a spec update by the run's formatter or else its models
        worker (each has black loaded already), many on all cores, the rest here."""
        self._take({path: text for path, text in files.items() if path not in self._seen})
        jobs = len(self._sources)
        if self._pool is None and 0 < _size(self._waiting) <= _FEW:
            from generator.emit import models_worker

            self._ask(models_worker.formatter() or models_worker.current())
        if self._pool is None and self._waiting:
            batches = len(_batches(self._waiting))
            if sys.platform == "linux" and batches > 1:
                self._start_pool(batches)
        if self._pool is not None:
            self._submit()
        outcomes = [answer() for answer in self._asked]
        outcomes += [future.result() for future in self._futures]
        outcomes += [format_batch(batch) for batch in _batches(self._waiting)]
        for outcome in outcomes:
            if isinstance(outcome, str):
                raise GeneratorError(
                    [error("generated code", "", outcome, "report this generator bug")]
                )
            for path, number, text in outcome:
                self._pieces.setdefault(path, {})[number] = text
                if self._cache:
                    self._cache.put(self._sources[path, number], text)
        formatted = dict(files)
        for path, parts in self._pieces.items():
            formatted[path] = "\n\n\n".join(parts[n].strip("\n") for n in sorted(parts)) + "\n"
        return Formatted(formatted, self._count, self._count - jobs)

    def _start_pool(self, workers: int) -> None:
        """Black's processes, forked here: the one place a run starts them (black and
        isort are loaded first, so that they share them)."""
        formatters()
        context = multiprocessing.get_context("fork")
        self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)

    def _ask(self, worker: ModelsWorker | None) -> None:
        """The waiting pieces to ``worker``, a process with black loaded, if there is one."""
        if worker is not None:
            self._asked.append(worker.format_later(self._waiting))
            self._waiting = []

    def _take(self, files: dict[str, str]) -> None:
        self._seen.update(files)
        for path, number, piece in python_pieces(files, self._verbatim, self._piece_size):
            self._count += 1
            known = self._cache.get(piece) if self._cache else None
            if known is None:
                self._waiting.append((path, number, piece))
                self._sources[path, number] = piece
            else:
                self._pieces.setdefault(path, {})[number] = known

    def _submit(self) -> None:
        """The waiting pieces to the pool, in one batch per core of about equal size
        (a piece each would cost more in passing them than it balances; the batches
        of ``end`` follow those of ``begin``)."""
        assert self._pool is not None
        for batch in _batches(self._waiting):
            self._futures.append(self._pool.submit(format_batch, batch))
        self._waiting = []


def _spare_cores(cores: int) -> bool:
    """The machine is not busy already: its load (the last minute's average of runnable
    processes) is below twice its cores. Then black starts on the rendered modules while
    the models worker works. On a machine that is busy already the pool would only take
    CPU from that worker, whose answer the run waits for (three cold runs on 2 cores at
    a load of 7: 17.5 s with the early start, 13.3 s without, in the median). The bound
    is twice the cores, not the cores: the 1-minute average counts this very run's
    processes and those just before it (a bench, ``make`` running the generator in a
    loop), which keep a 2-core machine's load near 2 with nothing else running."""
    try:
        load = os.getloadavg()[0]
    except OSError:
        return False
    return load < 2 * cores


def _size(jobs: list[Job]) -> int:
    return sum(len(text) for _, _, text in jobs)


def format_pieces(texts: list[str], cache: FormatCache | None = None) -> list[str]:
    """Each of ``texts`` (a module, or a piece of one) formatted whole, in order."""
    files = {f"{number}.py": text for number, text in enumerate(texts)}
    formatted = format_tree(files, piece_size=sys.maxsize, cache=cache).files
    return [formatted[f"{number}.py"] for number in range(len(texts))]


def _batches(jobs: list[Job]) -> list[list[Job]]:
    """The jobs shared out between workers, each worker's total size about equal."""
    workers = min(_MAX_WORKERS, os.cpu_count() or 1, len(jobs))
    bins: list[list[Job]] = [[] for _ in range(max(workers, 1))]
    sizes = [0] * len(bins)
    for job in sorted(jobs, key=lambda job: -len(job[2])):
        smallest = sizes.index(min(sizes))
        bins[smallest].append(job)
        sizes[smallest] += len(job[2])
    return [b for b in bins if b]


def format_batch(batch: list[Job]) -> list[Job] | str:
    """Formatted pieces, or the message saying which file does not parse."""
    from black.parsing import InvalidInput

    result = []
    for path, number, text in batch:
        try:
            result.append((path, number, format_python(text)))
        except InvalidInput as exc:
            return f"{path}: generated code does not parse: {exc}"
    return result
