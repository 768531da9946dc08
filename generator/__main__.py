"""``python -m generator validate|ir|generate|check|bump|build|publish|diff|update-spec``."""

import sys

from generator.cli import main

sys.exit(main())
