"""The two sides of a comparison: a spec file, or the spec as committed at a git ref.

``git:<ref>`` reads ``spec/qiskit-runtime-api.json`` and every file under
``spec/overlays/`` at that ref (``git show``, ``git ls-tree``) into a
temporary folder that lives as long as the ``open_side`` block. Diagnostics
about that folder's files name them as ``git:<ref>:spec/...``.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics import Diagnostic, GeneratorError, error

__all__ = ["OVERLAYS_PATH", "RELEASE_PATH", "SPEC_PATH", "Side", "open_side", "relabel", "released"]

SPEC_PATH = "spec/qiskit-runtime-api.json"
RELEASE_PATH = "spec/release.json"
OVERLAYS_PATH = "spec/overlays"
_GIT_PREFIX = "git:"


@dataclass(frozen=True)
class Side:
    label: str  # as given: a path or git:<ref>
    spec: Path
    overlays: Path | None
    folder: Path | None = None  # the temporary checkout of a git side

    def name(self, file: str) -> str:
        """``file`` as the user knows it: ``git:main:spec/x.json`` for a checkout's file,
        the URL or path given for a downloaded copy."""
        if self.folder is None or not file.startswith(str(self.folder) + "/"):
            return file
        if not self.label.startswith(_GIT_PREFIX):
            return self.label
        return f"{self.label}:{file[len(str(self.folder)) + 1 :]}"


@contextmanager
def open_side(argument: str, repo: Path, overlays: Path | None) -> Iterator[Side]:
    """``argument`` (a file, or ``git:<ref>``) as a side; ``overlays`` None: none applied.

    For a file, ``overlays`` is the overlay folder; for a git ref, any non-None
    value means the overlays committed at that ref.
    """
    if not argument.startswith(_GIT_PREFIX):
        yield Side(argument, Path(argument), overlays)
        return
    ref = argument[len(_GIT_PREFIX) :]
    if not ref:
        raise GeneratorError(
            [error(argument, "", "no git ref after `git:`", "write git:<ref>, e.g. git:main")]
        )
    with tempfile.TemporaryDirectory(prefix="spec-diff-") as temporary:
        folder = Path(temporary)
        spec = folder / SPEC_PATH
        spec.parent.mkdir(parents=True)
        spec.write_bytes(_git_show(repo, argument, ref, SPEC_PATH))
        overlay_folder = folder / OVERLAYS_PATH
        overlay_folder.mkdir()
        for name in _git_list(repo, argument, ref, OVERLAYS_PATH):
            relative = f"{OVERLAYS_PATH}/{name}"
            (overlay_folder / name).write_bytes(_git_show(repo, argument, ref, relative))
        yield Side(argument, spec, overlay_folder if overlays is not None else None, folder)


def released(argument: str, repo: Path, project: Path) -> str:
    """The package version issued before ``argument``'s spec: ``spec/release.json`` at
    its git ref, else the project's when ``argument`` is the project's spec (or a git
    ref); "" otherwise: another API's spec has no release of this project."""
    text = ""
    is_git = argument.startswith(_GIT_PREFIX)
    if not is_git and Path(argument).resolve() != (project / SPEC_PATH).resolve():
        return ""
    if is_git and argument[len(_GIT_PREFIX) :]:
        ref = argument[len(_GIT_PREFIX) :]
        try:
            text = _git_show(repo, argument, ref, RELEASE_PATH).decode()
        except GeneratorError:
            text = ""
    if not text:
        try:
            text = (project / RELEASE_PATH).read_text(encoding="utf-8")
        except OSError:
            return ""
    try:
        version = json.loads(text).get("version")
    except (ValueError, AttributeError):
        return ""
    return version if isinstance(version, str) else ""


def _git(repo: Path, argument: str, *args: str) -> bytes:
    try:
        done = subprocess.run(
            ["git", "-C", str(repo), *args], capture_output=True, timeout=60, check=False
        )
    except OSError as exc:
        raise GeneratorError(
            [error(argument, "", f"cannot run git: {exc.strerror}", "install git")]
        ) from None
    if done.returncode != 0:
        problem = done.stderr.decode(errors="replace").strip().splitlines()
        raise GeneratorError(
            [
                error(
                    argument,
                    "",
                    f"git {args[0]} failed: {problem[0] if problem else done.returncode}",
                    f"check that the ref exists in {repo} (git log --oneline, git fetch)",
                )
            ]
        )
    return done.stdout


def _git_show(repo: Path, argument: str, ref: str, path: str) -> bytes:
    return _git(repo, argument, "show", f"{ref}:{path}")


def _git_list(repo: Path, argument: str, ref: str, folder: str) -> list[str]:
    """File names directly under ``folder`` at ``ref`` (none when it does not exist)."""
    listing = _git(repo, argument, "ls-tree", "--name-only", ref, folder + "/")
    names = [line.rsplit("/", 1)[-1] for line in listing.decode().splitlines() if line]
    return sorted(n for n in names if n.endswith((".yaml", ".yml", ".json")))


def relabel(exc: GeneratorError, sides: tuple[Side, ...]) -> GeneratorError:
    """``exc`` with temporary file names replaced by ``git:<ref>:path``."""
    renamed = []
    for diagnostic in exc.diagnostics:
        file = diagnostic.file
        for side in sides:
            file = side.name(file)
        renamed.append(
            Diagnostic(
                diagnostic.level, file, diagnostic.pointer, diagnostic.message, diagnostic.hint
            )
        )
    return GeneratorError(renamed)
