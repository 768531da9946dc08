"""Command line of ``build`` and ``publish`` (``python -m generator build|publish``).

Split from ``generator.__main__`` for size; like it, it prints and chooses the
exit status: 0 done, 1 refused (``error: ...`` says why and what to do).
``make build`` and ``make publish`` call these.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from .changelog import entry_versions, read_changelog
from .distribution import Distributions, PublishError, build_distributions
from .release import read_release

if TYPE_CHECKING:
    from .pipeline import Options

__all__ = ["run_build", "run_publish"]


def _built(options: Options, verify: Callable[[], int]) -> Distributions:
    """The verified wheel and sdist of an up-to-date ``generated/`` whose version was
    issued for its code and has a changelog entry. ``verify`` is ``check``: 0 when
    the tree is what the spec generates and its code has its version."""
    if options.release is None or options.changelog is None:
        raise PublishError("a release needs --release and --changelog")
    version = read_release(options.release).version
    if version not in entry_versions(read_changelog(options.changelog)):
        raise PublishError(
            f"{options.changelog} has no entry for {version}: add a `## {version} (<date>)` "
            "section that says what changed"
        )
    if verify() != 0:
        raise PublishError(f"nothing was built: {options.out} must be up to date first")
    built = build_distributions(options.out, options.package, version)
    for path in built.files:
        print(f"built {path} ({path.stat().st_size / 1024:.1f} KiB)")
    print("the wheel holds only the package; the sdist rebuilds it; twine check --strict passed")
    return built


def _refusal(work: Callable[[], object]) -> int:
    """0 when ``work`` completes; 1, with its message, when building or publishing stopped."""
    try:
        work()
    except PublishError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


def run_build(options: Options, verify: Callable[[], int]) -> int:
    return _refusal(lambda: _built(options, verify))


def run_publish(
    options: Options,
    verify: Callable[[], int],
    *,
    repository_url: str,
    index_url: str,
    dry_run: bool,
) -> int:
    from .publish import credentials_from_env, published_files, same_host, upload

    def publish() -> None:
        credentials = credentials_from_env(os.environ)
        built = _built(options, verify)
        index_credentials = credentials if same_host(index_url, repository_url) else None
        name, version = options.distribution, built.version
        present = published_files(index_url, name, version, index_credentials)
        if present:
            raise PublishError(
                f"{name} {version} is already on {index_url} ({', '.join(present)}): nothing "
                "was uploaded. An index takes a version once: issue a new one (`make bump` "
                "after a generator change, `make update-spec` after a spec change) and "
                "publish that"
            )
        files = ", ".join(path.name for path in built.files)
        if dry_run:
            print(
                f"dry run: {name} {version} is not on {index_url}; would upload {files} "
                f"to {repository_url} as {credentials.username}"
            )
            return
        upload(built, repository_url, credentials)
        print(f"uploaded {files} to {repository_url}")

    return _refusal(publish)
