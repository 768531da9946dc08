"""JSON from the network, parsed with a bound on its nesting.

``load_json`` is the only way the client reads JSON it did not validate with a
model: error bodies, token-exchange answers, and a 2xx body kept as received.
It parses with pydantic-core, which refuses more than ``MAX_JSON_DEPTH`` levels
of nesting with a ``ValueError`` instead of exhausting Python's stack, so a
2 KB body nested 1,000 levels deep is an ordinary parse error.
"""

from __future__ import annotations

from typing import Any

__all__ = ["MAX_JSON_DEPTH", "load_json", "too_deep"]

MAX_JSON_DEPTH = 200  # pydantic-core's own limit, also the one ``validate_json`` applies


def load_json(content: bytes) -> Any:
    """The value of ``content``; ``ValueError`` if it is not JSON or is nested too deeply."""
    from pydantic_core import from_json

    return from_json(content)


def too_deep(error: Exception) -> bool:
    """Whether a parse or validation error is pydantic-core's nesting limit."""
    return "recursion limit exceeded" in str(error)
