"""What a call sends, built without I/O, shared by the sync and async clients.

An ``Endpoint`` is one operation's fixed facts (method, path template,
``Accept``, how each status is read). ``prepare`` turns a call's arguments
into the method, URL path, query, headers and body to send.

It is the one place path parameters are put into the path, and it refuses a
value that would change which resource the request reaches: ``None``, ``""``,
``"."`` and ``".."`` (``jobs.delete("..")`` would otherwise send
``DELETE /v1``). Every other character is percent-encoded, ``/`` included.
"""

from __future__ import annotations

import datetime
import enum
import functools
import json
import types
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from ._exceptions import InvalidRequestError
from ._styles import delimited, path_text, query_pairs
from ._styles import text as _text

__all__ = [
    "Endpoint",
    "Param",
    "Prepared",
    "ResponseKind",
    "merged_body",
    "plain",
    "prepare",
    "request_endpoint",
]


class ResponseKind(enum.Enum):
    JSON = "json"
    TEXT = "text"
    BYTES = "bytes"
    EMPTY = "empty"
    ANY = "any"  # by the answer's Content-Type (``client.request`` without ``cast_to``)


@dataclass(frozen=True)
class Param:
    """A parameter's wire facts: where it goes and how it is serialised."""

    name: str
    location: str  # path | query | header | cookie
    explode: bool = True
    deprecated: bool = False
    style: str = (
        "form"  # form | spaceDelimited | pipeDelimited | deepObject | simple | label | matrix
    )


@dataclass(frozen=True)
class Endpoint:
    operation_id: str
    method: str
    path: str
    accept: str
    params: Mapping[str, Param]  # by Python name
    responses: Mapping[str, tuple[ResponseKind, Any]]  # status -> (kind, type)
    body_media_type: str | None = None
    deprecated: bool = False
    security: tuple[tuple[str, ...], ...] = field(default=())
    timeout: float | None = None  # seconds to read, when the operation needs its own

    # Worked out from ``params`` on a call's first use, for the loops every call makes (a
    # cached_property writes the instance's dict, which a frozen dataclass allows).
    @functools.cached_property
    def header_names(self) -> Mapping[str, str]:
        """The header parameters' header names, by Python name."""
        return {n: p.name for n, p in self.params.items() if p.location == "header"}

    @functools.cached_property
    def path_params(self) -> tuple[str, ...]:
        """The Python names of the path parameters."""
        return tuple(n for n, p in self.params.items() if p.location == "path")


REQUEST_SECURITY = (("the client's credentials",),)


def request_endpoint(method: str, path: str, cast_to: Any) -> Endpoint:
    """The ``Endpoint`` of ``client.request(method, path)``, an operation the spec lacks.

    ``path`` is a path under the client's ``base_url`` (``/v1/jobs``, a query
    allowed): a URL, a path without its leading ``/`` or one with ``.`` or ``..``
    segments could reach another resource or origin, and is refused. The answer
    is read as ``cast_to`` when given, else by its ``Content-Type``.
    """
    verb = method.upper()
    if not (verb.isascii() and verb.isalpha()):
        raise InvalidRequestError(f"request(): {method!r} is not an HTTP method; nothing was sent")
    segments = path.split("?", 1)[0].split("/")
    if not path.startswith("/") or path.startswith("//") or {".", ".."} & set(segments):
        raise InvalidRequestError(
            f"request(): {path!r} is not a path under the client's base_url; nothing was "
            "sent (pass a path starting with one '/', without '.' or '..' segments)"
        )
    success = (ResponseKind.ANY, Any) if cast_to is None else (ResponseKind.JSON, cast_to)
    return Endpoint(
        operation_id=f"request({verb} {path.split('?', 1)[0]})",
        method=verb,
        path=path,
        accept="application/json" if cast_to is not None else "application/json, */*",
        params={},
        responses={"204": (ResponseKind.EMPTY, None), "2XX": success},
        security=REQUEST_SECURITY,
    )


NO_DEFAULTS: Mapping[str, str] = types.MappingProxyType({})


class Prepared(NamedTuple):  # one per call: a named tuple costs a third of a frozen dataclass
    method: str
    path: str
    query: list[tuple[str, str]]
    headers: dict[str, str]
    cookies: dict[str, str]
    content: bytes | None


def prepare(
    endpoint: Endpoint,
    arguments: Mapping[str, Any],
    body: Any = None,
    extra_query: Mapping[str, object] | None = None,
    extra_body: Mapping[str, object] | None = None,
    header_defaults: Mapping[str, str] = NO_DEFAULTS,
) -> Prepared:
    """The request for one call; ``None`` arguments are left out.

    A header parameter left ``None`` takes its value from ``header_defaults``
    (by header name) when that has one: the client's header options.
    ``extra_query`` replaces the query parameters of the same name (a ``None``
    value only removes them); ``extra_body`` is merged into the body (``merged_body``).
    """
    if endpoint.deprecated:
        warnings.warn(
            f"{endpoint.method} {endpoint.path} ({endpoint.operation_id}) is deprecated",
            DeprecationWarning,
            stacklevel=4,
        )
    path = endpoint.path
    query: list[tuple[str, str]] = []
    headers: dict[str, str] = {"Accept": endpoint.accept}
    cookies: dict[str, str] = {}
    params = endpoint.params
    defaults = endpoint.header_names if header_defaults else None
    for python_name, value in arguments.items():
        if value is None:
            if defaults is None or python_name not in defaults:
                continue
            value = header_defaults.get(defaults[python_name])
            if value is None:
                continue
        param = params[python_name]
        if param.deprecated:
            warnings.warn(
                f"parameter {python_name!r} of {endpoint.operation_id} is deprecated",
                DeprecationWarning,
                stacklevel=4,
            )
        text_value = type(value) is str  # the usual case: no conversion, no ABC checks
        if not text_value and not isinstance(value, _PRIMITIVES):
            value = plain(value)  # a model or a list of them, as the fields that were set
        location = param.location
        if location == "path":
            if text_value and param.style == "simple" and value.isascii() and value.isalnum():
                segment = value  # an id: nothing to quote, and never a dot segment
            else:
                segment = _path_segment(endpoint, python_name, value)
            path = path.replace("{" + param.name + "}", segment)
        elif location == "query":
            query.extend(query_pairs(param.name, param.style, param.explode, value))
        elif location == "header":
            headers[param.name] = value if text_value else delimited(param.explode, value)
        elif location == "cookie":
            cookies[param.name] = delimited(param.explode, value)
    for python_name in endpoint.path_params:
        if arguments.get(python_name) is None:
            raise _bad_path_value(endpoint, python_name, "None")
    for name, value in extra_query.items() if extra_query else ():
        query = [pair for pair in query if pair[0] != name]
        if value is not None:
            query.extend(query_pairs(name, "form", True, plain(value)))
    if extra_body is not None:
        body = merged_body(endpoint, body, extra_body)
    content = None
    if body is not None:
        content = _encode_body(body, endpoint.body_media_type or "application/json", headers)
    return Prepared(endpoint.method, path, query, headers, cookies, content)


_DOT_SEGMENTS = frozenset({"", ".", ".."})
_PRIMITIVES = (str, int, float, enum.Enum, datetime.date)


def _path_segment(endpoint: Endpoint, python_name: str, value: Any) -> str:
    param = endpoint.params[python_name]
    segment = path_text(param.name, param.style, param.explode, value)
    if segment in _DOT_SEGMENTS:  # quote() leaves "." as it is
        raise _bad_path_value(endpoint, python_name, repr(segment))
    return segment


def _bad_path_value(endpoint: Endpoint, python_name: str, shown: str) -> InvalidRequestError:
    return InvalidRequestError(
        f"{endpoint.operation_id}: path parameter {python_name!r} is {shown}, which would "
        f"change the URL of {endpoint.method} {endpoint.path}; pass the resource's id"
    )


def _encode_body(body: Any, media_type: str, headers: dict[str, str]) -> bytes:
    from pydantic_core import to_jsonable_python  # here, not at the top: `import` stays fast

    if isinstance(body, bytes):
        headers["Content-Type"] = media_type
        return body
    base = media_type.split(";")[0].strip().lower()
    if base == "multipart/form-data":
        return _multipart(plain(body), headers)
    data = to_jsonable_python(plain(body), by_alias=True)
    headers["Content-Type"] = media_type
    if base == "application/x-www-form-urlencoded":
        from urllib.parse import urlencode

        return urlencode(_form_fields(data)).encode()
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode()


def merged_body(endpoint: Endpoint, body: Any, extra_body: Mapping[str, object]) -> Any:
    """``body`` with ``extra_body``'s fields added over its own (``extra_body=``).

    Without a body, ``extra_body`` is the body. Only a JSON object (a model or a
    mapping) has fields to merge into: an array, a scalar or raw bytes is refused
    before anything is sent.
    """
    if body is None:
        return plain(extra_body)
    data = None if isinstance(body, bytes) else plain(body)
    if not isinstance(data, Mapping):
        raise InvalidRequestError(
            f"{endpoint.operation_id}: extra_body= adds fields to a JSON object body, and this "
            f"body is {type(body).__name__}; nothing was sent (put the data into body= instead)"
        )
    return {**data, **plain(extra_body)}


def plain(value: Any) -> Any:
    """A body as plain data: every model, at any depth, as the fields that were set
    (by their wire names), and every datetime with a zone.

    A plain dict may hold models (``{"params": SamplerV2Input(...)}``): each is
    dumped as a top-level model is, so the fields left unset are not sent as
    ``null``. A naive datetime is taken as local time and sent in UTC (as the
    service's own Python SDK does).
    """
    from pydantic import BaseModel

    if isinstance(value, BaseModel):
        return plain(value.model_dump(by_alias=True, exclude_unset=True))
    if isinstance(value, Mapping):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, datetime.datetime):
        return _utc(value).isoformat()
    return value


def _utc(value: datetime.datetime) -> datetime.datetime:
    """A naive datetime is local time; either way the result is in UTC."""
    return value.astimezone(datetime.timezone.utc)


def _form_fields(data: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Form fields (``style: form``, exploded): a list repeats its name; an object is JSON."""
    pairs = []
    for name, value in data.items():
        for item in value if isinstance(value, list) else [value]:
            if item is not None:
                text = json.dumps(item) if isinstance(item, (dict, list)) else _text(item)
                pairs.append((name, text))
    return pairs


def _multipart(fields: Mapping[str, Any], headers: dict[str, str]) -> bytes:
    """``multipart/form-data``: bytes are file parts, objects JSON parts, the rest text."""
    import httpx
    from pydantic_core import to_jsonable_python

    parts: list[tuple[str, tuple[str | None, bytes | str, str | None]]] = []
    for name, value in fields.items():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, bytes):
                parts.append((name, (name, item, "application/octet-stream")))
            elif item is not None:
                data = to_jsonable_python(item, by_alias=True)
                if isinstance(data, (dict, list)):
                    parts.append((name, (None, json.dumps(data), "application/json")))
                else:
                    parts.append((name, (None, _text(data), None)))
    request = httpx.Request("POST", "http://multipart.invalid", files=parts)
    headers["Content-Type"] = request.headers.get("Content-Type", "multipart/form-data")
    return request.read()
