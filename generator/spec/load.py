"""Load stage: a file's bytes become a document (JSON or YAML).

The file name travels with the data, so every later diagnostic can say
which file it is about.

Nothing in the file is trusted: only a regular file is read (a device such as
``/dev/zero`` or a FIFO is refused before a byte is read), never more than the
size limit; YAML may nest at most ``MAX_DEPTH`` collections deep (libyaml's
composer recurses in C, and a 30,000-deep sequence overflows its stack), and
its aliases may not expand the document past ``MAX_EXPANDED_NODES`` (a
700-byte alias bomb is a billion nodes to whatever walks it). No error message
quotes the file's content.
"""

from __future__ import annotations

import json
import math
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.diagnostics import GeneratorError, error
from generator.spec import pointer as jp

__all__ = [
    "MAX_DEPTH",
    "MAX_EXPANDED_NODES",
    "MAX_SPEC_MB",
    "Document",
    "load_document",
    "parse_document",
    "read_regular_file",
]


@dataclass(frozen=True)
class Document:
    path: Path
    data: Any
    raw: bytes

    @property
    def name(self) -> str:
        return str(self.path)


MAX_SPEC_MB = 32
MAX_DEPTH = 1000
"""Collections nested deeper than this in a YAML document are refused."""
MAX_EXPANDED_NODES = 5_000_000
"""Nodes a YAML document may reach once its aliases are expanded."""


def read_regular_file(path: Path, max_mb: int, name: str, pointer: str = "") -> bytes:
    """The bytes of ``path``, a regular file of at most ``max_mb`` MB; else an error.

    The file is opened without blocking (a FIFO would wait for a writer),
    checked to be a regular file on the open descriptor, and read only up to
    the limit: a device reports no size, so the size it reports proves nothing.
    """
    limit = max_mb * 1_000_000
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise GeneratorError(
            [error(name, pointer, f"cannot read {path}: {exc.strerror}", "check the path")]
        ) from None
    with os.fdopen(descriptor, "rb") as handle:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise GeneratorError(
                [
                    error(
                        name,
                        pointer,
                        f"{path} is not a regular file ({_file_kind(mode)})",
                        "point it at a JSON or YAML file",
                    )
                ]
            )
        try:
            raw = handle.read(limit + 1)
        except OSError as exc:
            raise GeneratorError(
                [error(name, pointer, f"cannot read {path}: {exc.strerror}", "check the file")]
            ) from None
    if len(raw) > limit:
        raise GeneratorError(
            [
                error(
                    name,
                    pointer,
                    f"{path} is more than the {max_mb} MB the generator reads",
                    "pass --max-spec-mb to raise the limit",
                )
            ]
        )
    return raw


def _file_kind(mode: int) -> str:
    for test, kind in (
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return kind
    return "not a regular file"


def load_document(path: Path, max_mb: int = MAX_SPEC_MB) -> Document:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise GeneratorError(
            [error(str(path), "", f"cannot read the file: {exc.strerror}", "check the path")]
        ) from None
    if size > max_mb * 1_000_000:
        raise GeneratorError(
            [
                error(
                    str(path),
                    "",
                    f"the document is {size // 1_000_000} MB, more than the {max_mb} MB "
                    "the generator reads",
                    "pass --max-spec-mb to raise the limit",
                )
            ]
        )
    raw = read_regular_file(path, max_mb, str(path))
    return Document(path, parse_document(raw, str(path)), raw)


_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: ~10x


class _UniqueKeyLoader(_SafeLoader):  # type: ignore[valid-type,misc]
    """YAML loader that keeps strings as strings (no dates) and nothing else."""


# YAML 1.1 turns 2026-02-01 into a date; OpenAPI values are JSON values.
_UniqueKeyLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def parse_document(raw: bytes, name: str) -> Any:
    """Parse JSON, or YAML when the file is not JSON; errors give line and column."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise GeneratorError(
            [error(name, "", f"not UTF-8 text (byte {exc.start})", "save the file as UTF-8")]
        ) from None
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")) or name.endswith(".json"):
        try:
            data = json.loads(text)
        except RecursionError:
            raise GeneratorError(
                [error(name, "", "the JSON nests too deeply to parse", _FLATTEN)]
            ) from None
        except json.JSONDecodeError as exc:
            raise GeneratorError(
                [
                    error(
                        name,
                        "",
                        f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}",
                        "fix the syntax there",
                    )
                ]
            ) from None
        _check_values(data, name)
        return data
    try:
        _check_yaml_depth(text, name)
        data = yaml.load(text, Loader=_UniqueKeyLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        # The problem only, never str(exc): that quotes the offending line.
        problem = _QUOTED.sub("'...'", getattr(exc, "problem", None) or "a syntax error")
        raise GeneratorError(
            [error(name, "", f"invalid YAML{where}: {problem}", "fix the syntax there")]
        ) from None
    except RecursionError:
        raise GeneratorError(
            [error(name, "", "the YAML nests too deeply to parse", _FLATTEN)]
        ) from None
    _check_expansion(data, name)
    _check_values(data, name)
    return data


_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")
_FLATTEN = "flatten the deepest schemas into named components under #/components/schemas"


def _check_yaml_depth(text: str, name: str) -> None:
    """Refuse YAML nested deeper than ``MAX_DEPTH``, from the parser's events alone."""
    depth = 0
    starts = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
    ends = (yaml.SequenceEndEvent, yaml.MappingEndEvent)
    for event in yaml.parse(text, Loader=_SafeLoader):
        if isinstance(event, starts):
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                at = f" (at line {mark.line + 1}, column {mark.column + 1})" if mark else ""
                raise GeneratorError(
                    [
                        error(
                            name,
                            "",
                            f"the YAML nests more than {MAX_DEPTH} collections deep{at}",
                            _FLATTEN,
                        )
                    ]
                )
        elif isinstance(event, ends):
            depth -= 1


_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_values(data: Any, name: str) -> None:
    """Refuse what no JSON value is, wherever it is: a lone surrogate in a string or
    a key (no UTF-8 file can hold it), a number that is infinite or not a number.

    A walk that only looks comes first; the one that says where (``_refuse_values``)
    runs only when it finds something: a pointer for every node is most of the cost.
    """
    seen: set[int] = set()
    stack: list[Any] = [data]
    search = _SURROGATE.search
    while stack:
        node = stack.pop()
        kind = type(node)
        if kind is str:
            if search(node):
                break
        elif kind is dict:
            if id(node) not in seen:
                seen.add(id(node))
                if any(isinstance(k, str) and search(k) for k in node):
                    break
                stack.extend(node.values())
        elif kind is list:
            if id(node) not in seen:
                seen.add(id(node))
                stack.extend(node)
        elif kind is float:
            if not math.isfinite(node):
                break
        elif kind not in (int, bool) and node is not None:
            break  # something else: the careful walk decides
    else:
        return
    _refuse_values(data, name)


def _refuse_values(data: Any, name: str) -> None:
    """``_check_values``'s refusal, with the place of the first value refused."""
    seen: set[int] = set()
    stack: list[tuple[Any, str]] = [(data, "")]
    while stack:
        node, pointer = stack.pop()
        if isinstance(node, str):
            if _SURROGATE.search(node):
                raise GeneratorError(
                    [error(name, pointer, "the text holds a lone surrogate", _SURROGATE_HINT)]
                )
        elif isinstance(node, float):
            if not math.isfinite(node):
                raise GeneratorError(
                    [
                        error(
                            name,
                            pointer,
                            f"{node} is not a JSON number",
                            "write a finite number",
                        )
                    ]
                )
        elif isinstance(node, (dict, list)) and id(node) not in seen:
            seen.add(id(node))  # a YAML alias is checked once
            if isinstance(node, dict):
                for key, value in node.items():
                    if isinstance(key, str) and _SURROGATE.search(key):
                        message = "a key here holds a lone surrogate"
                        raise GeneratorError([error(name, pointer, message, _SURROGATE_HINT)])
                    stack.append((value, jp.join(pointer, str(key))))
            else:
                stack.extend((value, jp.join(pointer, i)) for i, value in enumerate(node))


_SURROGATE_HINT = "write the character it stands for, or drop the \\u escape"


def _check_expansion(data: Any, name: str) -> None:
    """Refuse a document whose aliases expand it past ``MAX_EXPANDED_NODES`` nodes.

    The size of each collection is counted once (by identity), so a bomb of
    nested aliases costs as little to measure as it took to load.
    """
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()  # counted once their children are
    stack: list[tuple[Any, bool]] = [(data, False)]
    while stack:
        node, children_done = stack.pop()
        if not isinstance(node, (dict, list)) or (id(node) in sizes and not children_done):
            continue
        children = list(node.values()) if isinstance(node, dict) else node
        if not children_done:
            if id(node) in open_nodes:
                raise GeneratorError(
                    [error(name, "", "a YAML alias contains itself", "remove the recursive alias")]
                )
            open_nodes.add(id(node))
            stack.append((node, True))
            stack.extend((child, False) for child in children)
            continue
        open_nodes.discard(id(node))
        total = 1 + sum(sizes.get(id(c), 1) for c in children)
        sizes[id(node)] = total
        if total > MAX_EXPANDED_NODES:
            raise GeneratorError(
                [
                    error(
                        name,
                        "",
                        f"the YAML's aliases expand it to more than {MAX_EXPANDED_NODES:,} nodes",
                        "write the repeated parts out, or refer to them with $ref",
                    )
                ]
            )
