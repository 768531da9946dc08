"""The package's logger, switched on by ``<PACKAGE>_LOG``.

The logger is named for the package, the variable too (``THINGS_LOG`` for
``things``). ``<PACKAGE>_LOG=info`` logs one line per attempt (method, URL,
status, elapsed time, attempt number) and each retry; ``debug`` adds the
request headers. Credentials are never logged: ``Authorization``, the
credentials' own headers and cookie headers are redacted, as are query
credentials and a URL's ``user:password@`` (``_redact.redact``), and a token
exchange's form body is not logged at all.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping

from ._redact import redact

__all__ = ["ENV_LOG", "PACKAGE", "logger", "redacted_headers", "setup_logging"]

PACKAGE = __name__.rpartition(".")[0] or __name__
ENV_LOG = PACKAGE.upper() + "_LOG"

logger = logging.getLogger(PACKAGE)


class _EnvHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """The handler ``setup_logging`` adds, once."""


def setup_logging() -> None:
    """Log to stderr at the level ``<PACKAGE>_LOG`` names, if it names one."""
    level = {"debug": logging.DEBUG, "info": logging.INFO}.get(
        os.environ.get(ENV_LOG, "").strip().lower()
    )
    if level is None or any(isinstance(h, _EnvHandler) for h in logger.handlers):
        return
    handler = _EnvHandler()
    handler.setFormatter(logging.Formatter("[%(asctime)s] %(name)s %(levelname)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(level)


def redacted_headers(headers: Mapping[str, str]) -> dict[str, str]:
    redacted: dict[str, str] = redact(dict(headers))
    return redacted
