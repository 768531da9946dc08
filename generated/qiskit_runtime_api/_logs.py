"""The ``qiskit_runtime_api`` logger, switched on by ``QISKIT_RUNTIME_API_LOG``.

``QISKIT_RUNTIME_API_LOG=info`` logs one line per attempt (method, URL,
status, elapsed time, attempt number) and each retry; ``debug`` adds the
request headers. Credentials are never logged: ``Authorization``,
``Service-CRN`` and cookie headers are redacted, as is a URL's
``user:password@`` (``_redact.redact``), and the IAM exchange's form body is
not logged at all.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping

from ._redact import redact

__all__ = ["ENV_LOG", "logger", "redacted_headers", "setup_logging"]

ENV_LOG = "QISKIT_RUNTIME_API_LOG"

logger = logging.getLogger("qiskit_runtime_api")


class _EnvHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """The handler ``setup_logging`` adds, once."""


def setup_logging() -> None:
    """Log to stderr at the level ``QISKIT_RUNTIME_API_LOG`` names, if it names one."""
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
