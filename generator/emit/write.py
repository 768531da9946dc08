"""Write stage: the generated tree replaces ``generated/`` in one atomic step.

Files are written to a sibling temporary folder, which is then exchanged with
the old folder by ``renameat2(RENAME_EXCHANGE)`` (a plain rename where the old
folder does not exist yet, or the system lacks the call). A failure or a kill
at any moment leaves either the old tree or the new one, never a mix.

Runs take turns: each holds ``fcntl.flock`` on ``.<out>.lock`` beside the
output folder from its first temporary file to the swap, so two concurrent
runs never mix their trees. A run owns only the temporary folders it made
(``mkdtemp``, marked inside with ``.generator-run``): it removes a leftover
one only when its marker names a process that is gone, and never a folder
someone else named ``.<out>.tmp-*``.

``generated/.manifest.json`` lists what the generator wrote. A file in the
output folder that is in neither the manifest nor the ignored build outputs
was put there by someone else: the generator refuses and names it rather than
delete it.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import fcntl
import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from generator.diagnostics import GeneratorError, error
from generator.inputs import MANIFEST, files_under, ignored, manifest_json

__all__ = ["MANIFEST", "PAUSE_VARIABLE", "compare_tree", "read_manifest", "write_tree"]

PAUSE_VARIABLE = "GENERATOR_TEST_WRITE_PAUSE"
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def manifest_text(files: dict[str, str], inputs_hash: str) -> str:
    entries = {
        path: hashlib.sha256(text.encode()).hexdigest() for path, text in sorted(files.items())
    }
    return manifest_json(inputs_hash, entries)


def read_manifest(out: Path) -> dict[str, object]:
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _foreign_files(out: Path, files: dict[str, str]) -> list[str]:
    if not out.exists():
        return []
    listed = read_manifest(out).get("files", {})
    known = set(listed) if isinstance(listed, dict) else set()
    known |= set(files) | {MANIFEST}
    return [str(p) for p in files_under(out) if str(p) not in known]


def write_tree(out: Path, files: dict[str, str], inputs_hash: str) -> int:
    """Replace ``out`` with ``files``; the number of files written."""
    out = out.resolve()
    _refuse_paths_outside(files)
    foreign = _foreign_files(out, files)
    if foreign:
        shown = ", ".join(foreign[:10]) + (
            f" and {len(foreign) - 10} more" if len(foreign) > 10 else ""
        )
        raise GeneratorError(
            [
                error(
                    str(out),
                    "",
                    f"files the generator did not write are in the output folder: {shown}",
                    "move them out (generated/ is rewritten on every run), then run again",
                )
            ]
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    with _output_lock(out):
        return _write_locked(out, files, inputs_hash)


@contextlib.contextmanager
def _output_lock(out: Path) -> Iterator[None]:
    """Exclusive use of ``out`` among generator runs, until the block ends."""
    with open(out.parent / f".{out.name}.lock", "a") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)  # waits for a run in progress
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


_RUN_MARKER = ".generator-run"


def _write_locked(out: Path, files: dict[str, str], inputs_hash: str) -> int:
    _remove_stale_temporaries(out)
    temporary = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    (temporary / _RUN_MARKER).write_text(str(os.getpid()), encoding="ascii")
    pause = _test_pause()
    try:
        for relative, text in files.items():
            path = temporary / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
            if pause:
                time.sleep(pause)
        (temporary / MANIFEST).write_text(manifest_text(files, inputs_hash), encoding="utf-8")
        (temporary / _RUN_MARKER).unlink()
        _fsync_tree(temporary)
        if out.exists():
            _exchange(temporary, out)
            _carryignored(temporary, out)
            shutil.rmtree(temporary)  # now the old tree, in the folder this run made
        else:
            out.parent.mkdir(parents=True, exist_ok=True)
            os.rename(temporary, out)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    return len(files) + 1


def _refuse_paths_outside(files: dict[str, str]) -> None:
    """Every file lands inside the output folder: no absolute path, no ``..``."""
    for relative in files:
        parts = Path(relative).parts
        if not parts or Path(relative).is_absolute() or ".." in parts or "\\" in relative:
            raise ValueError(f"a generated file's path leaves the output folder: {relative!r}")


def _test_pause() -> float:
    """Seconds to sleep after each file, from ``GENERATOR_TEST_WRITE_PAUSE`` (tests only).

    The kill-during-write test uses it to land SIGKILLs inside the write; it
    announces the start of the write on stderr so the test knows when.
    """
    try:
        pause = float(os.environ.get(PAUSE_VARIABLE, "0"))
    except ValueError:
        return 0.0
    if pause > 0:
        sys.stderr.write("write: started\n")
        sys.stderr.flush()
    return max(pause, 0.0)


def _remove_stale_temporaries(out: Path) -> None:
    """Temporary folders of generator runs that were killed (their marker's pid is gone)."""
    for stale in out.parent.glob(f".{out.name}.tmp-*"):
        try:
            pid = int((stale / _RUN_MARKER).read_text(encoding="ascii"))
        except (OSError, ValueError):
            continue  # not a folder a run made, or one that finished writing: not ours
        if not _alive(pid):
            shutil.rmtree(stale, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _fsync_tree(root: Path) -> None:
    for path in root.rglob("*"):
        if path.is_file():
            with path.open("rb") as handle:
                os.fsync(handle.fileno())


def _exchange(a: Path, b: Path) -> None:
    libc_name = ctypes.util.find_library("c")
    libc = ctypes.CDLL(libc_name, use_errno=True) if libc_name else None
    renameat2 = getattr(libc, "renameat2", None) if libc else None
    if renameat2 is not None:
        result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
        if result == 0:
            return
        code = ctypes.get_errno()
        if code not in (errno.ENOSYS, errno.EINVAL, errno.EXDEV):
            raise OSError(code, os.strerror(code), str(b))
    # Fallback: two renames; the old tree survives under a known name until the end.
    backup = b.parent / f".{b.name}.old-{os.getpid()}"
    os.rename(b, backup)
    try:
        os.rename(a, b)
    except BaseException:
        os.rename(backup, b)
        raise
    os.rename(backup, a)


def _carryignored(old: Path, new: Path) -> None:
    """Keep build outputs (dist/, caches) that lived in the old tree."""
    for entry in old.iterdir():
        if ignored(Path(entry.name)) and not (new / entry.name).exists():
            os.rename(entry, new / entry.name)


def compare_tree(out: Path, files: dict[str, str], inputs_hash: str) -> list[tuple[str, str, str]]:
    """(path, committed text, expected text) for every file that differs."""
    expected = dict(files)
    expected[MANIFEST] = manifest_text(files, inputs_hash)
    differences = []
    present = {str(p) for p in files_under(out)} if out.exists() else set()
    for path in sorted(present | set(expected)):
        actual = (out / path).read_text(encoding="utf-8") if path in present else ""
        wanted = expected.get(path, "")
        if actual != wanted or (path in present) != (path in expected):
            differences.append((path, actual, wanted))
    return differences
