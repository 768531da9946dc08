"""``CallOptions``: the per-call settings every generated method takes.

Each generated method ends with the same keywords (``extra_headers``,
``extra_query``, ``extra_body``, ``timeout``, ``max_retries``, ``deadline``,
``max_response_bytes``) and passes them on as one ``CallOptions``; the
generator declares exactly these fields, in this order
(tests/test_escape_hatches.py holds the two equal). ``_base_client`` reads them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import httpx

__all__ = ["NO_OPTIONS", "CallOptions"]


@dataclass(frozen=True)
class CallOptions:
    """Per-call settings every generated method takes (``None``: the client's).

    ``extra_headers`` are sent over the method's own headers; ``extra_query``
    parameters replace the method's parameters of the same name (``None``
    leaves one out); ``extra_body`` fields are merged into a JSON object body,
    over its own fields, and are the whole body of a method that sends none
    (any other body is an ``InvalidRequestError``: nothing is sent).
    ``deadline`` and ``max_response_bytes`` override the client's limits for
    this call (``deadline=math.inf``: no deadline).
    """

    extra_headers: Mapping[str, str] | None = None
    extra_query: Mapping[str, object] | None = None
    extra_body: Mapping[str, object] | None = None
    timeout: float | httpx.Timeout | None = None
    max_retries: int | None = None
    deadline: float | None = None
    max_response_bytes: int | None = None

    def __init__(
        self,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        deadline: float | None = None,
        max_response_bytes: int | None = None,
    ) -> None:
        # The dataclass's own ``__init__`` of a frozen class sets each field through
        # ``object.__setattr__``; every generated method makes one of these per call, and
        # one dict update costs a sixth of that. Still frozen: assignment raises.
        if max_response_bytes is not None and max_response_bytes <= 0:
            raise ValueError("max_response_bytes must be positive")
        if deadline is not None and not deadline > 0:
            raise ValueError("deadline must be positive seconds, or math.inf for none")
        self.__dict__.update(
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
            max_retries=max_retries,
            deadline=deadline,
            max_response_bytes=max_response_bytes,
        )


NO_OPTIONS = CallOptions()
"""Every option left to the client: what a call made without options uses."""
