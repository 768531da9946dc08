"""Reading a successful response into the type the spec promises.

JSON bodies are validated straight from the bytes, by the target's own
pydantic-core validator (``validate_json``, cached per target): the one pass
over the body that builds the typed objects. It was the faster of the ways
tried in every interleaved run on a 2.9 MB page of 5,000 jobs
(``bench/parsing.py``: parsing with ``from_json`` and validating the data
with ``validate_python`` took 10 to 30% longer with pydantic 2.14), and on a
small body it skips ``TypeAdapter``'s Python wrapper. A body that does not
match its schema still reaches the caller: the fields that validate are typed,
the rest are kept as received, and a warning names the mismatched fields; with
``strict=True`` a ``ResponseValidationError`` carrying the raw body is raised
instead. Real servers drift from their specs. A body that is not JSON, or is
nested deeper than ``MAX_JSON_DEPTH`` levels, is a ``ResponseValidationError``
in both modes.

A large body is parsed and validated with Python's cycle collector paused:
that makes tens of thousands of objects in one call, none of them in a
reference cycle, and the collections those allocations trigger walk all of
them again and again (with the collector running the same page takes about
4×).
"""

from __future__ import annotations

import contextlib
import functools
import gc
import logging
import types
import typing
from collections.abc import Iterator, Sequence
from typing import Any

import httpx
from pydantic import BaseModel, RootModel, TypeAdapter, ValidationError
from pydantic_core import SchemaValidator

from ._endpoint import Endpoint, ResponseKind
from ._exceptions import ResponseValidationError, status_error
from ._json import MAX_JSON_DEPTH, load_json, too_deep

__all__ = [
    "PAUSE_COLLECTOR_BYTES",
    "collector_paused",
    "lenient_validate",
    "parse_response",
    "read_path",
    "response_kind",
]

logger = logging.getLogger(__name__.rpartition(".")[0] or __name__)

_JSON = ResponseKind.JSON

PAUSE_COLLECTOR_BYTES = 64 * 1024
"""Bodies at least this large are validated with the cycle collector paused."""


def response_kind(endpoint: Endpoint, status: int) -> tuple[ResponseKind, Any]:
    found = endpoint.responses.get(str(status))
    if found is not None:
        return found
    for key in (f"{str(status)[0]}XX", "default"):
        if key in endpoint.responses:
            return endpoint.responses[key]
    return (
        (ResponseKind.EMPTY, None)
        if status == 204 or status == 205
        else (ResponseKind.BYTES, bytes)
    )


def parse_response(
    endpoint: Endpoint, response: httpx.Response, strict: bool, secrets: Sequence[str] = ()
) -> Any:
    """The value of a read ``response``, or the error for a non-2xx status (its message
    and body free of ``secrets``)."""
    status = response.status_code
    if not 200 <= status < 300:
        raise status_error(response, secrets=secrets)
    found = endpoint.responses.get(str(status))  # response_kind's first look, without its call
    kind, target = response_kind(endpoint, status) if found is None else found
    if kind is not _JSON:  # the usual kind first: one comparison, not four
        if kind is ResponseKind.ANY:
            kind = _kind_of(response)
        if kind is ResponseKind.EMPTY:
            return None
        if kind is ResponseKind.TEXT:
            return response.text
        if kind is ResponseKind.BYTES:
            return response.content
    content = response.content
    validator = _validator(target)
    if len(content) < PAUSE_COLLECTOR_BYTES or not gc.isenabled():
        try:
            return validator.validate_json(content)
        except ValidationError as exc:
            return _not_valid(endpoint, response, target, exc, strict)
    gc.disable()  # collector_paused, without a context manager's cost on every call
    try:
        return validator.validate_json(content)
    except ValidationError as exc:
        return _not_valid(endpoint, response, target, exc, strict)
    finally:
        gc.enable()


def _not_valid(
    endpoint: Endpoint,
    response: httpx.Response,
    target: Any,
    exc: ValidationError,
    strict: bool,
) -> Any:
    """A body ``validate_json`` refused: unreadable, or JSON that does not match the spec."""
    try:
        data = load_json(response.content)
    except ValueError as not_json:
        raise _unreadable(endpoint, response, not_json) from not_json
    return _mismatch(endpoint, response, target, data, exc, strict)


def _kind_of(response: httpx.Response) -> ResponseKind:
    """How to read an answer no spec describes: by its ``Content-Type``."""
    media = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    if not response.content:
        return ResponseKind.EMPTY
    if media == "application/json" or media.endswith("+json"):
        return ResponseKind.JSON
    return ResponseKind.TEXT if media.startswith("text/") else ResponseKind.BYTES


@contextlib.contextmanager
def collector_paused(size: int) -> Iterator[None]:
    """The cycle collector paused while a body of ``size`` bytes is validated, when it is
    large; resumed afterwards, and left alone when something else had turned it off."""
    if size < PAUSE_COLLECTOR_BYTES or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _mismatch(
    endpoint: Endpoint,
    response: httpx.Response,
    target: Any,
    data: Any,
    exc: ValidationError,
    strict: bool,
) -> Any:
    fields = sorted({".".join(str(p) for p in e["loc"]) or "(body)" for e in exc.errors()})
    summary = ", ".join(fields[:10]) + (f" and {len(fields) - 10} more" if len(fields) > 10 else "")
    message = f"{endpoint.operation_id}: the response does not match the spec at {summary}"
    if too_deep(exc):
        raise _unreadable(endpoint, response, exc) from exc
    if strict:
        raise ResponseValidationError(message, response, response.content) from exc
    logger.warning("%s; keeping the data as received there", message)
    try:
        return _lenient_mismatched(target, data)
    except RecursionError:  # deep data within MAX_JSON_DEPTH, in a deeply recursive model
        raise _unreadable(endpoint, response, ValueError("recursion limit exceeded")) from None


def _unreadable(
    endpoint: Endpoint, response: httpx.Response, error: Exception
) -> ResponseValidationError:
    what = f"nested deeper than {MAX_JSON_DEPTH} levels" if too_deep(error) else "not JSON"
    return ResponseValidationError(
        f"{endpoint.operation_id}: the response is {what}", response, response.content
    )


@functools.lru_cache(maxsize=512)
def _adapter(target: Any) -> TypeAdapter[Any]:
    return TypeAdapter(target)


@functools.lru_cache(maxsize=512)
def _validator(target: Any) -> SchemaValidator | TypeAdapter[Any]:
    """What validates a body as ``target``: its pydantic-core validator (a model's own
    ``__pydantic_validator__``), or the adapter when pydantic wraps that validator (a
    plugin) or has not built it yet."""
    adapter = _adapter(target)
    validator = adapter.validator
    return validator if isinstance(validator, SchemaValidator) else adapter


def lenient_validate(target: Any, data: Any) -> Any:
    """``data`` as ``target`` where it fits, as received where it doesn't."""
    try:
        return _adapter(target).validate_python(data)
    except ValidationError:
        return _lenient_mismatched(target, data)


def _lenient_mismatched(target: Any, data: Any) -> Any:
    """``lenient_validate`` of ``data`` that does not validate as ``target`` as a whole."""
    model = _model_in(target, data)
    if model is not None and isinstance(data, dict):
        return _lenient_model(model, data)
    item = _list_item_type(target)
    if item is not None and isinstance(data, list):
        return [lenient_validate(item, value) for value in data]
    return data


def _lenient_model(model: type[BaseModel], data: dict[str, Any]) -> BaseModel:
    values: dict[str, Any] = {}
    known: set[str] = set()
    for name, info in model.model_fields.items():
        key = info.alias or name
        known.add(key)
        if key in data:
            values[name] = lenient_validate(info.annotation, data[key])
    extra = {k: v for k, v in data.items() if k not in known}
    return model.model_construct(**values, **extra)


def _members(target: Any) -> tuple[Any, ...]:
    origin = typing.get_origin(target)
    if origin is typing.Annotated:
        return _members(typing.get_args(target)[0])
    if origin in (typing.Union, types.UnionType):
        return tuple(m for arg in typing.get_args(target) for m in _members(arg))
    return (target,)


def _model_in(target: Any, data: Any) -> type[BaseModel] | None:
    """The model class ``data`` is most likely meant to be, among ``target``'s members."""
    candidates = [m for m in _members(target) if isinstance(m, type) and issubclass(m, BaseModel)]
    if not candidates or not isinstance(data, dict):
        return None
    for candidate in candidates:
        root = candidate.model_fields.get("root")
        if root is not None and set(candidate.model_fields) == {"root"}:
            inner = _model_in(root.annotation, data)
            if inner is not None:
                return inner
    keys = set(data)

    def overlap(model: type[BaseModel]) -> int:
        return len(keys & {info.alias or name for name, info in model.model_fields.items()})

    return max(candidates, key=overlap)


def _list_item_type(target: Any) -> Any:
    for member in _members(target):
        if typing.get_origin(member) is list:
            args = typing.get_args(member)
            return args[0] if args else Any
    return None


def read_path(value: Any, path: str) -> Any:
    """The member at ``path`` (``"next/href"``) of a parsed body, by wire names; None if absent."""
    for part in path.strip("/").split("/") if path.strip("/") else []:
        if isinstance(value, BaseModel):
            value = _model_member(value, part)
        elif isinstance(value, dict):
            value = value.get(part)
        else:
            return None
        if value is None:
            return None
    return value


def _model_member(model: BaseModel, wire_name: str) -> Any:
    for name, info in type(model).model_fields.items():
        if (info.alias or name) == wire_name:
            return getattr(model, name)
    if isinstance(model, RootModel):
        return read_path(model.root, wire_name)
    return (model.model_extra or {}).get(wire_name)
