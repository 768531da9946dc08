"""Spec changes as a report: what changed on the wire, in the Python API, in the code.

::

    sources.py     a side: a spec file, or git:<ref> (spec and overlays at that ref)
    compare.py     two sides → Report (verdict, semver)
    generations.py the two sides through the pipeline, side by side (one side's IR
                   while the models worker makes the other's models)
    wire.py        operations, parameters, bodies, responses      ┐
    schemas.py     one schema against its new version, by direction ├ wire changes
    access.py      servers and security                            ┘
    views.py       what a schema node says (types, properties, alternatives)
    changes.py     Change, Severity; one entry per repeated change
    python_api.py  the generated packages' public surface, compared by AST
    links.py       each Python change tied to the wire changes that caused it
    diffstat.py    files and lines added and removed in the generated code
    report.py      Markdown (a pull request comment) and JSON
"""

from __future__ import annotations

__all__: list[str] = []
