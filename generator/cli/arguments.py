"""Argument parsing: the commands, their options and the project's defaults.

``quick_arguments`` parses the plain ``generate``/``check`` command lines
without argparse, whose import and subparser cost the no-op path most of its
time; anything else (help, an error, an abbreviation) goes to ``parser()``.
"""

from __future__ import annotations

import keyword
import os
from types import SimpleNamespace

from generator.inputs import GENERATOR_FOLDER

TYPE_CHECKING = False  # typing costs the no-op path milliseconds
if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable
    from pathlib import Path

_DESCRIPTION = "Argument parsing: the commands, their options and the project's defaults."
"""What ``--help`` says above the commands."""
MAX_SPEC_MB = 32  # the default of --max-spec-mb (generator.spec.load refuses larger specs)

ROOT_FOLDER = os.path.dirname(GENERATOR_FOLDER)
SPEC_FILE = os.path.join(ROOT_FOLDER, "spec", "qiskit-runtime-api.json")
ROOT: Path
"""``ROOT_FOLDER`` as a ``Path``, made on first use (``generator.inputs.GENERATOR``)."""
SPEC: Path
"""``SPEC_FILE`` as a ``Path``, made on first use."""
_RELEASE_HELP = (
    "the release record: package version and the code hash it was issued for "
    "(default: spec/release.json for the project's spec; none for another spec, "
    "whose package version is then its info.version)"
)
_CHANGELOG_HELP = (
    "the package's changelog, newest first, copied into the package "
    "(default: spec/CHANGELOG.md for the project's spec; none for another spec)"
)
PYPI_UPLOAD_URL = "https://upload.pypi.org/legacy/"


__all__ = [
    "COMMANDS",
    "PYPI_UPLOAD_URL",
    "ROOT",
    "ROOT_FOLDER",
    "SPEC",
    "SPEC_FILE",
    "package_name",
    "parsed",
    "parser",
    "project_records",
    "quick_arguments",
]


def __getattr__(name: str) -> object:
    if name in ("ROOT", "SPEC"):
        from pathlib import Path

        value = Path(ROOT_FOLDER if name == "ROOT" else SPEC_FILE)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def package_name(value: str) -> str:
    """``--package-name``: a Python identifier that is not a keyword, or argparse's exit 2.

    The name becomes a folder under ``--out`` and the name of ``import``: ``../x``
    would write outside ``--out``, ``import`` or ``a-b`` give a package nobody can import.
    """
    if not _importable(value):
        import argparse

        raise argparse.ArgumentTypeError(
            f"{value!r} is not a Python identifier that can be imported "
            "(use letters, digits and underscores, not starting with a digit, not a keyword)"
        )
    return value


_PIPELINE_COMMANDS = (
    ("validate", "validate the spec (with overlays applied)"),
    ("ir", "print the intermediate representation as JSON"),
    ("generate", "regenerate the client package into --out"),
    ("check", "fail (exit 1) when --out differs from what the spec generates"),
    ("bump", "issue the next post-release for changed generated code, then generate"),
    ("build", "check, then build and verify the wheel and sdist into --out/dist"),
    ("publish", "build, refuse a version the index has, upload with twine"),
)
COMMANDS = (
    *(name for name, _ in _PIPELINE_COMMANDS),
    "diff",
    "repair",
    "update-spec",
    "check-responses",
)
"""Every command, in the order ``--help`` lists them."""


def _importable(value: str) -> bool:
    return value.isidentifier() and not keyword.iskeyword(value)


def parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line; with ``command``, the other commands have no options (each
    subparser costs milliseconds, and a run parses with one), but the same names and
    help, so that every usage line, help text and error message is the full parser's."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m generator", description=_DESCRIPTION)
    commands = parser.add_subparsers(dest="command", required=True)
    for name, text in _PIPELINE_COMMANDS:
        command_parser = commands.add_parser(name, help=text)
        if command in (None, name):
            _add_pipeline_options(command_parser, name)
    _add_spec_commands(commands, command)
    return parser


def _add_pipeline_options(command: argparse.ArgumentParser, name: str) -> None:
    from pathlib import Path

    command.add_argument("--spec", type=Path, default=Path(SPEC_FILE))
    command.add_argument("--overlays", type=Path, default=Path(ROOT_FOLDER) / "spec" / "overlays")
    command.add_argument("--out", type=Path, default=Path(ROOT_FOLDER) / "generated")
    command.add_argument("--package-name", type=package_name, default="qiskit_runtime_api")
    command.add_argument("--allow-remote-refs", action="store_true")
    command.add_argument("--release", type=Path, help=_RELEASE_HELP)
    command.add_argument("--changelog", type=Path, help=_CHANGELOG_HELP)
    command.add_argument("--max-spec-mb", type=int, default=MAX_SPEC_MB)
    command.add_argument(
        "--ref-root",
        type=Path,
        help="the folder $ref may read files under (default: the spec's folder)",
    )
    command.add_argument(
        "--worker-seconds",
        type=float,
        help="how long validation may take before the run stops (default 120)",
    )
    command.add_argument(
        "--worker-mb",
        type=int,
        help="the memory the validation worker may map, in MB (default 4096)",
    )
    if name in ("generate", "check"):
        command.add_argument(
            "--force",
            action="store_true",
            help="run every stage even when generated/ records these very inputs",
        )
    if name == "publish":
        command.add_argument("--repository-url", default=PYPI_UPLOAD_URL)
        command.add_argument(
            "--index-url", help="the simple index to look for the version in (default: derived)"
        )
        command.add_argument("--dry-run", action="store_true", help="everything but the upload")


def _add_spec_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], command: str | None
) -> None:
    from pathlib import Path

    diff = commands.add_parser(
        "diff", help="compare two specs: wire contract, Python API, generated code"
    )
    if command in (None, "diff"):
        _add_diff_options(diff)
    repair = commands.add_parser(
        "repair",
        help="write OVERLAYS/00-repairs.yaml: an overlay mending what the validator rejects, "
        "where the fix is mechanical; exit 1 when errors are left",
    )
    if command in (None, "repair"):
        repair.add_argument(
            "--spec", default=Path(SPEC_FILE), help="the spec: a file path or an http(s) URL"
        )
        repair.add_argument(
            "--overlays", type=Path, default=Path(ROOT_FOLDER) / "spec" / "overlays"
        )
        repair.add_argument("--allow-remote-refs", action="store_true")
        repair.add_argument("--max-spec-mb", type=int, default=MAX_SPEC_MB)
    update = commands.add_parser(
        "update-spec",
        help="take a new upstream spec: copy it to spec/, write the changelog, bump the "
        "version, regenerate",
    )
    if command in (None, "update-spec"):
        update.add_argument("source", help="the new spec: a file path or an http(s) URL")
        update.add_argument(
            "--root", type=Path, default=Path(ROOT_FOLDER), help="the project folder"
        )
        update.add_argument("--package-name", type=package_name, default="qiskit_runtime_api")
    check = commands.add_parser(
        "check-responses",
        help="parse every recorded answer with the generated models (strict) and check it "
        "against the spec's JSON Schema; exit 1 when one does not fit",
    )
    if command in (None, "check-responses"):
        _add_check_responses(check)


def _add_diff_options(diff: argparse.ArgumentParser) -> None:
    from pathlib import Path

    for side in ("old", "new"):
        diff.add_argument(
            side, help="a spec file, or git:<ref> for the spec and overlays committed at <ref>"
        )
    diff.add_argument("--format", choices=("markdown", "json"), default="markdown")
    diff.add_argument(
        "--fail-on",
        choices=("breaking", "warning"),
        help="exit 1 when a change of this severity (or worse) is found",
    )
    diff.add_argument(
        "--raw",
        action="store_true",
        help="compare the wire contract of the specs as published, without overlays "
        "(the Python API is always that of the generated packages)",
    )
    diff.add_argument(
        "--overlays",
        type=Path,
        default=Path(ROOT_FOLDER) / "spec" / "overlays",
        help="the overlays applied to a spec file (a git:<ref> side uses its own)",
    )
    diff.add_argument(
        "--repo", type=Path, default=Path("."), help="the git repository of git:<ref>"
    )
    diff.add_argument("--package-name", type=package_name, default="qiskit_runtime_api")
    diff.add_argument(
        "--full-report",
        type=Path,
        metavar="DIR",
        help="also write the whole report, nothing summarised, to DIR/api-diff.md and "
        "DIR/api-diff.json (the workflow's artifact)",
    )


def _add_check_responses(check: argparse.ArgumentParser) -> None:
    from pathlib import Path

    check.add_argument("--spec", type=Path, default=Path(SPEC_FILE))
    check.add_argument("--overlays", type=Path, default=Path(ROOT_FOLDER) / "spec" / "overlays")
    check.add_argument(
        "--recordings",
        type=Path,
        default=Path(ROOT_FOLDER) / "tests" / "data" / "recorded",
        help="a folder of <operationId>/<name>.json answer bodies (default: tests/data/recorded)",
    )
    check.add_argument(
        "--propose-overlay",
        type=Path,
        metavar="FILE",
        help="write an Overlay 1.0 document with the least loosening that makes every "
        "recording fit, and the members the answers carry typed",
    )
    check.add_argument("--allow-remote-refs", action="store_true")
    check.add_argument("--max-spec-mb", type=int, default=MAX_SPEC_MB)


_QUICK_PATHS = ("--spec", "--overlays", "--out", "--release", "--changelog", "--ref-root")
_QUICK_NUMBERS: dict[str, Callable[[str], object]] = {
    "--max-spec-mb": int,
    "--worker-seconds": float,
    "--worker-mb": int,
}
_QUICK_FLAGS = ("--allow-remote-refs", "--force")


def quick_arguments(argv: list[str]) -> SimpleNamespace | None:
    """What ``parser().parse_args(argv)`` and ``project_records`` make of a ``generate``
    or ``check`` command line with options given by their full names and plain values,
    without argparse and pathlib (paths are the strings ``str(Path(value))`` gives);
    else ``None``, and argparse parses: help, abbreviations, a repeated option, a
    value starting with ``-`` or a path ``Path`` would spell otherwise, every error."""
    if not argv or argv[0] not in ("generate", "check"):
        return None
    values: dict[str, object] = {
        "command": argv[0],
        "spec": SPEC_FILE,
        "overlays": os.path.join(ROOT_FOLDER, "spec", "overlays"),
        "out": os.path.join(ROOT_FOLDER, "generated"),
        "package_name": "qiskit_runtime_api",
        "allow_remote_refs": False,
        "release": None,
        "changelog": None,
        "max_spec_mb": MAX_SPEC_MB,
        "ref_root": None,
        "worker_seconds": None,
        "worker_mb": None,
        "force": False,
    }
    seen: set[str] = set()
    rest = iter(argv[1:])
    for given in rest:
        name, equals, value = given.partition("=")
        if name in seen:
            return None
        seen.add(name)
        dest = name[2:].replace("-", "_")
        if name in _QUICK_FLAGS and not equals:
            values[dest] = True
            continue
        if not equals:
            value = next(rest, "")
        if not value or value.startswith("-"):
            return None
        plain_path = name in _QUICK_PATHS and _plain_path(value)
        if plain_path or (name == "--package-name" and _importable(value)):
            values[dest] = value
        elif name in _QUICK_NUMBERS:
            try:
                values[dest] = _QUICK_NUMBERS[name](value)
            except ValueError:
                return None
        else:
            return None
    arguments = SimpleNamespace(**values)
    if os.path.realpath(arguments.spec) == SPEC_FILE:  # project_records, on strings
        if arguments.release is None:
            arguments.release = os.path.join(ROOT_FOLDER, "spec", "release.json")
        if arguments.changelog is None:
            arguments.changelog = os.path.join(ROOT_FOLDER, "spec", "CHANGELOG.md")
    return arguments


def parsed(quick: SimpleNamespace) -> SimpleNamespace:
    """What argparse and ``project_records`` make of the command line ``quick`` was
    made of (the same attributes and values), as ``quick_arguments`` gave it but with
    its paths as ``Path``s: the run then needs no argparse, whose import and parser
    took 20 ms of its start-up, before any worker forks."""
    from pathlib import Path

    return SimpleNamespace(
        **{
            key: Path(value) if key in _PATH_DESTS and value is not None else value
            for key, value in vars(quick).items()
        }
    )


_PATH_DESTS = frozenset(name[2:].replace("-", "_") for name in _QUICK_PATHS)


def _plain_path(value: str) -> bool:
    """Whether ``str(Path(value)) == value``: no empty or ``.`` part, no final ``/``."""
    parts = value.split("/")
    if value.startswith("/"):
        parts = parts[1:]
    return all(part not in ("", ".") for part in parts)


def project_records(args: argparse.Namespace) -> None:
    """The project's release record and changelog belong to the project's spec only."""
    from pathlib import Path

    if args.spec.resolve() != Path(SPEC_FILE):
        return
    if args.release is None:
        args.release = Path(ROOT_FOLDER) / "spec" / "release.json"
    if args.changelog is None:
        args.changelog = Path(ROOT_FOLDER) / "spec" / "CHANGELOG.md"
