"""Parameter values on the wire, by their OpenAPI ``style`` and ``explode``.

The rules are those of the OpenAPI Specification's "Style Values" and "Style
Examples" tables (3.0 and 3.1 alike), for a parameter named ``color``:

============== ======= ======================= ===================================
style          explode array ``[blue, black]`` object ``{R: 100, G: 200}``
============== ======= ======================= ===================================
form (query)   true    ``color=blue&color=black`` ``R=100&G=200``
form (query)   false   ``color=blue,black``    ``color=R,100,G,200``
spaceDelimited false   ``color=blue black``    ``color=R 100 G 200``
pipeDelimited  false   ``color=blue|black``    ``color=R|100|G|200``
deepObject     true    (undefined: repeated)   ``color[R]=100&color[G]=200``
simple         false   ``blue,black``          ``R,100,G,200``
simple         true    ``blue,black``          ``R=100,G=200``
label          false   ``.blue,black``         ``.R,100,G,200``
label          true    ``.blue.black``         ``.R=100.G=200``
matrix         false   ``;color=blue,black``   ``;color=R,100,G,200``
matrix         true    ``;color=blue;color=black`` ``;R=100;G=200``
============== ======= ======================= ===================================

A ``None`` property of an object is left out. A value inside an object or a
list that is itself an object or a list (which the tables do not define) is
sent as compact JSON, except under ``deepObject``, whose brackets nest
(``color[rgb][R]=100``). Values arrive as plain data (models already dumped).
"""

from __future__ import annotations

import datetime
import enum
import json
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import quote

__all__ = ["delimited", "path_text", "query_pairs", "text"]

_DELIMITERS = {"spaceDelimited": " ", "pipeDelimited": "|"}


def text(value: Any) -> str:
    """One primitive value as text: booleans as JSON writes them, dates in ISO 8601."""
    if type(value) is str:  # the usual case, before the checks a str never passes
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return text(value.value)
    if isinstance(value, datetime.datetime):  # a naive one is local time, sent in UTC
        return value.astimezone(datetime.timezone.utc).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if _is_list(value) or isinstance(value, Mapping):
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False, default=str)
    return str(value)


def query_pairs(name: str, style: str, explode: bool, value: Any) -> list[tuple[str, str]]:
    """The query pairs of one parameter (``form``, ``spaceDelimited``,
    ``pipeDelimited`` or ``deepObject``); a style the runtime does not know is sent
    as ``form``."""
    if type(value) is str:  # the usual case: spares the ABC checks
        return [(name, value)]
    if style == "deepObject":
        if isinstance(value, Mapping):
            return _deep(name, value)
        style = "form"
    if isinstance(value, Mapping):
        items = _items(value)
        if explode:
            return [pair for key, item in items for pair in _exploded(key, item)]
        return [(name, _DELIMITERS.get(style, ",").join(_flat(items)))]
    if _is_list(value):
        if explode:
            return [(name, text(item)) for item in value]
        return [(name, _DELIMITERS.get(style, ",").join(text(item) for item in value))]
    return [(name, text(value))]


def delimited(explode: bool, value: Any) -> str:
    """A header or cookie value (``simple``): a list joined by commas, an object as
    ``R,100,G,200`` or, exploded, ``R=100,G=200``."""
    if type(value) is str:
        return value
    if isinstance(value, Mapping):
        items = _items(value)
        if explode:
            return ",".join(f"{key}={text(item)}" for key, item in items)
        return ",".join(_flat(items))
    if _is_list(value):
        return ",".join(text(item) for item in value)
    return text(value)


def path_text(name: str, style: str, explode: bool, value: Any) -> str:
    """A path parameter's text (``simple``, ``label`` or ``matrix``), percent-encoded.

    Every value and key is percent-encoded, ``/`` included; only the style's own
    separators (``,`` ``=`` ``.`` ``;``) are left as they are.
    """
    if style == "simple" and type(value) is str and value.isascii() and value.isalnum():
        return value  # nothing ``quote`` would change (ids, names)
    if isinstance(value, Mapping):
        items = [(_quoted(key), _quoted(text(item))) for key, item in _items(value)]
        if explode:
            elements = [f"{key}={item}" for key, item in items]
        else:
            elements = [piece for pair in items for piece in pair]
    elif _is_list(value):
        elements = [_quoted(text(item)) for item in value]
    else:
        elements = [_quoted(text(value))]
    if style == "label":
        return "." + ("." if explode else ",").join(elements)
    if style == "matrix":
        if explode and isinstance(value, Mapping):
            return "".join(";" + element for element in elements)
        if explode:
            return "".join(f";{_quoted(name)}={element}" for element in elements)
        return f";{_quoted(name)}=" + ",".join(elements)
    return ",".join(elements)


def _quoted(value: str) -> str:
    return quote(value, safe="")


def _is_list(value: Any) -> bool:
    return isinstance(value, Sequence) and not isinstance(value, (str, bytes, bytearray))


def _items(value: Mapping[Any, Any]) -> list[tuple[str, Any]]:
    return [(str(key), item) for key, item in value.items() if item is not None]


def _flat(items: list[tuple[str, Any]]) -> list[str]:
    return [piece for key, item in items for piece in (key, text(item))]


def _exploded(key: str, item: Any) -> list[tuple[str, str]]:
    if _is_list(item):
        return [(key, text(element)) for element in item]
    return [(key, text(item))]


def _deep(prefix: str, value: Mapping[Any, Any]) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for key, item in _items(value):
        name = f"{prefix}[{key}]"
        if isinstance(item, Mapping):
            pairs.extend(_deep(name, item))
        elif _is_list(item):
            pairs.extend((name, text(element)) for element in item)
        else:
            pairs.append((name, text(item)))
    return pairs
