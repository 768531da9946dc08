"""Command line of ``build`` and ``publish`` (``python -m generator build|publish``).

Split from ``generator.cli`` for size; like it, it prints and chooses the
exit status: 0 done, 1 refused (``error: ...`` says why and what to do).
``make build`` and ``make publish`` call these.
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from generator.cli.output import print_diagnostics
from generator.cli.stages import run_check, run_generate
from generator.release.build import Distributions, PublishError, build_distributions
from generator.release.changelog import entry_versions, read_changelog
from generator.release.version import read_release

if TYPE_CHECKING:
    from generator.pipeline import Options, Run

__all__ = ["run_build", "run_bump", "run_publish", "run_release"]


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
    from generator.release.publish import credentials_from_env, published_files, same_host, upload

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


def run_bump(options: Options, run: Run) -> int:
    from generator.emit.write import compare_tree
    from generator.pipeline import Run, generate_files, inputs_hash
    from generator.release.changelog import add_entry, read_changelog
    from generator.release.version import (
        Release,
        bump_post,
        code_hash,
        read_release,
        version_carriers,
        write_release,
    )

    if options.release is None or options.changelog is None:
        print(
            f"error: {options.spec}: only the project's spec has a release record by default; "
            "name the record and changelog to bump with --release and --changelog",
            file=sys.stderr,
        )
        return 2
    release = read_release(options.release)
    api, files = generate_files(options, run)
    digest = code_hash(files, options.package)
    if digest == release.code_hash:
        print_diagnostics(run)
        print(f"the generated code is the code {release.version} was issued for: nothing to bump")
        return 0
    issued = Release(bump_post(release.version), digest)
    carriers = version_carriers(options.package)
    changed = [
        f"`{path}`"
        for path, _, _ in compare_tree(options.out, files, inputs_hash(options))
        if path not in carriers
    ]
    entry = [f"Regenerated for the same spec version ({api.version}) by a newer generator."]
    entry += [f"Changed files: {', '.join(changed)}."] if changed else []
    today = datetime.date.today().isoformat()
    changelog = add_entry(read_changelog(options.changelog), issued.version, today, entry)
    options.changelog.write_text(changelog, encoding="utf-8")
    write_release(options.release, issued)
    print(f"{options.release}: {release.version} -> {issued.version}")
    return run_generate(options, Run())


def run_release(args: argparse.Namespace, options: Options, run: Run, recorded: bool) -> int:
    """``build`` or ``publish``; a tree the fast path found current skips the full check."""
    from generator.release.publish import simple_index_for

    def verify() -> int:
        return 0 if recorded else run_check(options, run)

    if args.command == "build":
        return run_build(options, verify)
    return run_publish(
        options,
        verify,
        repository_url=args.repository_url,
        index_url=args.index_url or simple_index_for(args.repository_url),
        dry_run=args.dry_run,
    )
