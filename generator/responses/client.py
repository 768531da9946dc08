"""The generated client, imported from a temporary folder, parsing recorded bodies.

The package is generated in memory from the spec and overlays being checked
(not taken from ``generated/``), so the check judges exactly those inputs.
Parsing goes through the package's own ``_parsing.parse_response``: strict
mode raises where a caller's ``strict=True`` would, lenient mode logs the
warnings a caller would see.
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
import sys
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx

__all__ = ["CHECK_PACKAGE", "GeneratedClient", "ModelError", "imported_client"]

CHECK_PACKAGE = "qiskit_runtime_api_recorded_check"
"""The package name the checked client is generated under (never the installed one)."""

_LOGGER = "qiskit_runtime_api"


@dataclass(frozen=True)
class ModelError:
    """One pydantic error of a strict parse: where in the answer (wire names and
    union branches as pydantic gives them) and what."""

    loc: tuple[str | int, ...]
    kind: str
    message: str


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@dataclass(frozen=True)
class GeneratedClient:
    package: ModuleType
    endpoints: Mapping[str, Any]  # operationId -> the package's Endpoint

    def strict_errors(self, operation_id: str, body: bytes) -> list[ModelError]:
        """The model errors of ``body`` parsed with ``strict=True``; none when it fits."""
        parsing = importlib.import_module(f"{self.package.__name__}._parsing")
        errors = importlib.import_module(f"{self.package.__name__}._exceptions")
        try:
            endpoint = self.endpoints[operation_id]
            parsing.parse_response(endpoint, _response(endpoint, body), True)
        except errors.ResponseValidationError as exc:
            cause = exc.__cause__
            found = cause.errors() if hasattr(cause, "errors") else []
            return [ModelError(tuple(e["loc"]), e["type"], e["msg"]) for e in found] or [
                ModelError((), "response", str(exc))
            ]
        return []

    def lenient_warnings(self, operation_id: str, body: bytes) -> list[str]:
        """What the client logs at WARNING or above when it parses ``body`` leniently."""
        logger = logging.getLogger(_LOGGER)
        handler = _Collect()
        logger.addHandler(handler)
        try:
            parsing = importlib.import_module(f"{self.package.__name__}._parsing")
            endpoint = self.endpoints[operation_id]
            parsing.parse_response(endpoint, _response(endpoint, body), False)
        finally:
            logger.removeHandler(handler)
        return handler.messages


def _response(endpoint: Any, body: bytes) -> httpx.Response:
    """``body`` as the 200 answer to a request of ``endpoint`` (never sent anywhere)."""
    request = httpx.Request(endpoint.method, f"http://127.0.0.1{endpoint.path}")
    return httpx.Response(
        200, content=body, headers={"content-type": "application/json"}, request=request
    )


@contextmanager
def imported_client(
    files: Mapping[str, str], package: str = CHECK_PACKAGE
) -> Iterator[GeneratedClient]:
    """The package of ``files`` (as ``generate_files`` makes them), imported; removed after."""
    with tempfile.TemporaryDirectory(prefix="check-responses-") as temporary:
        root = Path(temporary)
        for relative, text in files.items():
            if relative.startswith(f"{package}/"):
                target = root / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
        _forget(package)
        sys.path.insert(0, str(root))
        try:
            module = importlib.import_module(package)
            yield GeneratedClient(module, _endpoints(module))
        finally:
            sys.path.remove(str(root))
            _forget(package)


def _forget(package: str) -> None:
    for name in [n for n in sys.modules if n == package or n.startswith(f"{package}.")]:
        del sys.modules[name]
    importlib.invalidate_caches()


def _endpoints(package: ModuleType) -> dict[str, Any]:
    endpoint_type = importlib.import_module(f"{package.__name__}._endpoint").Endpoint
    resources = importlib.import_module(f"{package.__name__}.resources")
    found: dict[str, Any] = {}
    for info in pkgutil.iter_modules(resources.__path__):
        module = importlib.import_module(f"{resources.__name__}.{info.name}")
        for value in vars(module).values():
            if isinstance(value, endpoint_type):
                found[value.operation_id] = value
    return found
