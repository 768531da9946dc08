"""Releasing the generated package: its version, changelog, files and upload.

::

    version.py      the version rule: ``spec/release.json``, code hash, post-releases
    changelog.py    ``spec/CHANGELOG.md``, newest entry first
    build.py        the wheel and sdist, built and verified
    publish.py      the upload, once per version
    update_spec.py  a new upstream spec taken in with its report, version and code
"""

__all__: list[str] = []
