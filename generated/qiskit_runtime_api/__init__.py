"""Qiskit Runtime API: a typed Python client.

The Qiskit Runtime API description

Generated from the OpenAPI spec (version 0.41.6): do not edit.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._client import SERVERS as SERVERS
from ._client import AsyncClient as AsyncClient
from ._client import Client as Client
from ._exceptions import APIConnectionError as APIConnectionError
from ._exceptions import APIError as APIError
from ._exceptions import APIStatusError as APIStatusError
from ._exceptions import APITimeoutError as APITimeoutError
from ._exceptions import AuthenticationError as AuthenticationError
from ._exceptions import BadRequestError as BadRequestError
from ._exceptions import ConflictError as ConflictError
from ._exceptions import DeadlineExceededError as DeadlineExceededError
from ._exceptions import ErrorDetail as ErrorDetail
from ._exceptions import InternalServerError as InternalServerError
from ._exceptions import InvalidRequestError as InvalidRequestError
from ._exceptions import JobCancelledError as JobCancelledError
from ._exceptions import JobFailedError as JobFailedError
from ._exceptions import NotFoundError as NotFoundError
from ._exceptions import PermissionDeniedError as PermissionDeniedError
from ._exceptions import RateLimitError as RateLimitError
from ._exceptions import ResponseTooLargeError as ResponseTooLargeError
from ._exceptions import ResponseValidationError as ResponseValidationError
from ._exceptions import UnprocessableEntityError as UnprocessableEntityError
from ._exceptions import WaitTimeoutError as WaitTimeoutError
from ._operations import OPERATIONS as OPERATIONS
from ._operations import OperationInfo as OperationInfo
from ._response import APIResponse as APIResponse
from ._version import API_VERSION as API_VERSION
from ._version import __version__ as __version__

if TYPE_CHECKING:
    from . import models as models
    from . import params as params
    from ._pagination import AsyncPager as AsyncPager
    from ._pagination import SyncPager as SyncPager

# Imported on first use, to keep `import qiskit_runtime_api` fast: they build pydantic models.
_LAZY = {
    "models": ("models", ""),
    "params": ("params", ""),
    "AsyncPager": ("_pagination", "AsyncPager"),
    "SyncPager": ("_pagination", "SyncPager"),
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module_name, attribute = _LAZY[name]
    module = importlib.import_module(f".{module_name}", __name__)
    value = getattr(module, attribute) if attribute else module
    globals()[name] = value
    return value


__all__ = [
    "API_VERSION",
    "OPERATIONS",
    "SERVERS",
    "APIConnectionError",
    "APIError",
    "APIResponse",
    "APIStatusError",
    "APITimeoutError",
    "AsyncClient",
    "AsyncPager",
    "AuthenticationError",
    "BadRequestError",
    "Client",
    "ConflictError",
    "DeadlineExceededError",
    "ErrorDetail",
    "InternalServerError",
    "InvalidRequestError",
    "JobCancelledError",
    "JobFailedError",
    "NotFoundError",
    "OperationInfo",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "SyncPager",
    "UnprocessableEntityError",
    "WaitTimeoutError",
    "__version__",
    "models",
    "params",
]
