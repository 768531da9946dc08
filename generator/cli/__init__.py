"""The command line, the only place that prints and chooses exit statuses.

0 success; 1 ``check`` found a difference (``diff``: a change at the ``--fail-on``
level; ``build``/``publish``: refused; ``check-responses``: a recording does not fit); 2 the input is bad (nothing was written).

- ``arguments.py``: the commands, their options, the project's defaults
- ``main.py``: ``main()``: the import-light "up to date" answer, dispatch, exit statuses
- ``stages.py``: ``validate``, ``ir``, ``generate``, ``check``
- ``release.py``: ``bump``, ``build``, ``publish``
- ``diff.py``: ``diff``, ``update-spec``
- ``responses.py``: ``check-responses``
- ``repair.py``: ``repair``: the overlay of mechanical repairs, what is left
- ``output.py``: diagnostics, their summary, stage timings
"""

from generator.cli.main import main

__all__ = ["main"]
