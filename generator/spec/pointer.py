"""JSON pointers (RFC 6901): building, escaping and following them."""

from __future__ import annotations

import urllib.parse
from collections.abc import Iterable
from typing import Any

__all__ = ["escape", "follow", "join", "parse"]


def escape(token: str | int) -> str:
    return str(token).replace("~", "~0").replace("/", "~1")


def join(pointer: str, *tokens: str | int) -> str:
    """``join("/paths", "/v1/jobs", "get")`` is ``/paths/~1v1~1jobs/get``."""
    return pointer + "".join("/" + escape(t) for t in tokens)


def from_parts(parts: Iterable[str | int]) -> str:
    return join("", *parts)


def parse(pointer: str) -> list[str]:
    if pointer in ("", "#"):
        return []
    if pointer.startswith("#"):
        # the URI fragment form (a `$ref`): percent-encoded (RFC 6901 section 6), as
        # digitalocean.com's `#/paths/~1v2~1account~1keys~1%7Bssh_key_identifier%7D/...`
        pointer = urllib.parse.unquote(pointer[1:])
    if not pointer.startswith("/"):
        raise ValueError(f"not a JSON pointer: {pointer!r}")
    return [t.replace("~1", "/").replace("~0", "~") for t in pointer[1:].split("/")]


def follow(document: Any, pointer: str) -> Any:
    """The node at ``pointer``; ``KeyError`` when there is none."""
    node = document
    for token in parse(pointer):
        if isinstance(node, dict):
            if token not in node:
                raise KeyError(pointer)
            node = node[token]
        elif isinstance(node, list):
            if not token.isdigit() or int(token) >= len(node):
                raise KeyError(pointer)
            node = node[int(token)]
        else:
            raise KeyError(pointer)
    return node
