"""The code hash, and whether the code in ``generated/`` is the code its version was issued for.

The code hash covers every generated file except the ones that carry the
version or the changelog, and the manifest (:data:`VERSION_CARRIERS`), so a
new version alone never changes it (``generator.release.version`` has the
version rule that records it).

Standard library only: the no-op ``generate``/``check`` asks :func:`issued`,
which answers from a remembered verdict when the release record and the code
are byte for byte those of an earlier yes, and only else reads the record
(with ``packaging``, through ``read_release``) and hashes the code.
"""

from __future__ import annotations

import os

from generator.digests import bulk_sha256, sha256

TYPE_CHECKING = False  # typing costs the no-op path milliseconds
if TYPE_CHECKING:
    from collections.abc import Mapping

    from generator.digests import Digests

__all__ = ["VERSION_CARRIERS", "code_hash", "code_hash_of_bytes", "issued", "version_carriers"]

VERSION_CARRIERS = ("{package}/_version.py", "CHANGELOG.md", ".manifest.json")
"""Generated files left out of the code hash: they change with every version."""


def version_carriers(package: str) -> frozenset[str]:
    return frozenset(name.format(package=package) for name in VERSION_CARRIERS)


def code_hash(files: Mapping[str, str], package: str) -> str:
    """``sha256:<hex>`` of the generated files that do not carry the version."""
    return code_hash_of_bytes({path: text.encode() for path, text in files.items()}, package)


def code_hash_of_bytes(files: Mapping[str, bytes], package: str) -> str:
    """:func:`code_hash` of the files' UTF-8 bytes."""
    carriers = version_carriers(package)
    digest = bulk_sha256()
    for path in sorted(files):
        if path in carriers:
            continue
        content = files[path]
        digest.update(f"{path}\0{len(content)}\0".encode())
        digest.update(content)
    return f"sha256:{digest.hexdigest()}"


def issued(
    out: str | os.PathLike[str],
    release: str | os.PathLike[str] | None,
    package: str,
    files: Mapping[str, str],
    digests: Digests,
) -> bool:
    """Whether the code in ``out`` is the code the release record's version was issued for
    (else the full ``check`` says so). ``files`` are the generated files (not the
    manifest) and their sha256, as checked against ``out`` (``recorded_files``)."""
    if release is None:
        return True
    carriers = version_carriers(package)
    question = sha256(b"issued\0" + package.encode())
    try:
        question.update(digests.digest(os.fspath(release)).encode())
    except OSError:
        return False  # the full run says what is wrong
    for path in sorted(files):
        if path not in carriers:
            question.update(f"\0{path}\0{files[path]}".encode())
    verdict = question.hexdigest()
    if digests.verdict(verdict):
        return True
    from pathlib import Path

    from generator.diagnostics import GeneratorError
    from generator.release.version import read_release  # packaging: only on a first run

    try:
        contents = {
            path: digests.content(os.path.join(out, path)) for path in files if path not in carriers
        }
        for content in contents.values():
            content.decode()  # what the generator wrote is UTF-8, what it hashed too
        recorded = read_release(Path(release)).code_hash
        if code_hash_of_bytes(contents, package) != recorded:
            return False
    except (OSError, UnicodeDecodeError, GeneratorError):
        return False
    digests.remember(verdict)
    return True
