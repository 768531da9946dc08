"""``python -m generator validate|ir|generate|check|bump|build|publish|diff|update-spec``.

Once ``main`` has returned, the process ends without the interpreter's teardown (as
mypy's does), its output flushed first: by then the workers are stopped and every
file is written and closed, and freeing each module and object of a ``generate``
took 45 ms, a twentieth of a regeneration after a spec update.
"""

import os
import sys

from generator.cli import main

code = main()
try:
    sys.stdout.flush()
    sys.stderr.flush()
except OSError:  # a closed pipe, say: the interpreter's own exit reports it
    sys.exit(code)
os._exit(code)
