"""The mechanical repairs: one validator error in, the overlay actions that fix it out.

Each rule sees one error (its JSON pointer, in the document as written, and the
validator's message) and the document, and answers the Overlay 1.0 actions that
fix it, or ``None`` when no fix is mechanical (the error is then the user's to
fix). A fix is mechanical when it follows from the error alone, without
guessing what the author meant:

* a required field that has a neutral value is added (``info.version`` ``0.0.0``,
  ``info.title``, a response's ``description`` ``""``, an operation's
  ``responses``, ``paths``, a server's ``url`` ``/``, an OAuth flow's ``scopes``);
* an empty ``oneOf``/``anyOf``/``allOf``/``enum``/``required``/``type`` list, which
  constrains nothing or everything, is removed;
* a ``required`` name that no property defines is dropped;
* in OpenAPI 3.0, ``type: 'null'`` becomes ``nullable: true`` (a ``null`` member of
  a ``oneOf``/``anyOf`` is removed and its parent made nullable), and a type list
  ``[T, 'null']`` becomes ``type: T`` with ``nullable: true``;
* a ``default`` its schema rejects is coerced where that is exact (``'false'`` →
  ``false``, ``'6'`` → ``6``, ``6`` → ``'6'`` for a string), else removed;
* an ``example`` its schema rejects is removed (a warning of the validate stage,
  repaired the same way);
* in OpenAPI 3.0, a number as ``exclusiveMinimum``/``exclusiveMaximum`` (the
  3.1 spelling) becomes the bound with ``exclusive…: true``;
* a ``pattern`` Python's ``re`` can't read is translated where ECMA-262's reading
  is exact (a literal dash beside a class escape escaped, ``\\p{L}`` spelled as
  its class), else removed.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from generator.spec.pointer import follow, parse
from generator.spec.unicode_classes import UNICODE_VERSION, expand_properties, has_properties
from generator.spec.validate import is_openapi_31, schema_errors

__all__ = ["Fix", "fix_error", "fix_example", "json_path"]

Action = dict[str, Any]


@dataclass(frozen=True)
class Fix:
    """The actions repairing one error, and what they do in a few words."""

    actions: list[Action]
    what: str


def json_path(document: Any, pointer: str) -> str:
    """The RFC 9535 JSONPath (normalized form) of the node at ``pointer``."""
    path = "$"
    node = document
    for token in parse(pointer):
        if isinstance(node, list) and token.isdigit():
            path += f"[{int(token)}]"
            node = node[int(token)] if int(token) < len(node) else None
        else:
            path += "['" + _escaped(token) + "']"
            node = node.get(token) if isinstance(node, dict) else None
    return path


def _escaped(name: str) -> str:
    out = []
    for char in name:
        if char in ("'", "\\"):
            out.append("\\" + char)
        elif ord(char) < 0x20:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return "".join(out)


def _parent(pointer: str) -> tuple[str, str]:
    head, _, last = pointer.rpartition("/")
    return head, last.replace("~1", "/").replace("~0", "~")


def _node(document: Any, pointer: str) -> Any:
    try:
        return follow(document, pointer)
    except (KeyError, ValueError):
        return None


def _update(document: Any, pointer: str, update: Any, why: str) -> Action:
    return {"target": json_path(document, pointer), "description": why, "update": update}


def _remove(document: Any, pointer: str, why: str) -> Action:
    return {"target": json_path(document, pointer), "description": why, "remove": True}


# -- the rules ---------------------------------------------------------------

_REQUIRED = re.compile(r"^'([^']+)' is a required property$")
_UNDEFINED = re.compile(r"^Required list has not defined properties: (\[.*\])$")


def _neutral(document: Any, pointer: str, field: str) -> tuple[Any, str] | None:
    """A neutral value for the required ``field`` missing at ``pointer``."""
    parts = parse(pointer)
    if pointer == "/info" and field == "version":
        return "0.0.0", "version '0.0.0'"
    if pointer == "/info" and field == "title":
        return "API", "title 'API'"
    if pointer == "" and field == "info":
        return {"title": "API", "version": "0.0.0"}, "info with title 'API', version '0.0.0'"
    if pointer == "" and field == "paths":
        return {}, "empty paths"
    if field == "description" and len(parts) >= 2 and parts[-2] == "responses":
        return "", "an empty description"
    if field == "responses" and parts[:1] == ["paths"]:
        return {"default": {"description": ""}}, "an undocumented default response"
    if field == "url" and "servers" in parts:
        return "/", "url '/'"
    if field == "scopes" and "flows" in parts:
        return {}, "no scopes"
    return None


def _missing_field(document: Any, pointer: str, message: str, _: bool) -> Fix | None:
    match = _REQUIRED.match(message)
    if not match or not isinstance(_node(document, pointer), dict):
        return None
    neutral = _neutral(document, pointer, match.group(1))
    if neutral is None:
        return None
    value, what = neutral
    return Fix([_update(document, pointer, {match.group(1): value}, "")], f"add {what}")


def _empty_list(document: Any, pointer: str, message: str, _: bool) -> Fix | None:
    key = _parent(pointer)[1]
    if (
        key in ("oneOf", "anyOf", "allOf", "enum", "required", "type")
        and _node(document, pointer) == []
        and message.endswith("should be non-empty")
    ):
        return Fix([_remove(document, pointer, "")], f"remove the empty {key}")
    return None


def _undefined_required(document: Any, pointer: str, message: str, _: bool) -> Fix | None:
    match = _UNDEFINED.match(message)
    names = _literal(match.group(1)) if match else None
    listed = _node(document, pointer)
    if not isinstance(names, list) or not isinstance(listed, list):
        return None
    kept = [name for name in listed if name not in names]
    path = json_path(document, pointer)
    if not kept:
        return Fix([_remove(document, pointer, "")], f"remove required {names} (no such property)")
    actions = [
        {"target": f"{path}[?@ == '{_escaped(str(name))}']", "description": "", "remove": True}
        for name in names
        if isinstance(name, str)
    ]
    return Fix(actions, f"drop {names} from required (no such property)")


def _literal(text: str) -> Any:
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return None


def _null_type(document: Any, pointer: str, message: str, is_31: bool) -> Fix | None:
    whole = _node(document, pointer)
    if isinstance(whole, dict) and isinstance(whole.get("type"), list):
        pointer += "/type"  # the validator blames the schema (Schema or Reference)
    head, key = _parent(pointer)
    value = _node(document, pointer)
    schema = _node(document, head)
    if is_31 or key != "type" or not isinstance(schema, dict):
        return None
    if isinstance(value, list) and "null" in value:
        others = [kind for kind in value if kind != "null"]
        if len(others) > 1:
            return None
        update: dict[str, Any] = {"nullable": True}
        actions = [_remove(document, pointer, "")]
        if others:
            update["type"] = others[0]
        return Fix([*actions, _update(document, head, update, "")], "spell it nullable (3.0)")
    if value != "null":
        return None
    holder, index = _parent(head)
    composition, kind = _parent(holder)
    members = _node(document, holder)
    if kind in ("oneOf", "anyOf") and index.isdigit() and isinstance(members, list):
        return Fix(
            [
                _remove(document, head, ""),
                _update(document, composition, {"nullable": True}, ""),
            ],
            f"remove the null member, make the {kind} nullable (3.0)",
        )
    return Fix(
        [_remove(document, pointer, ""), _update(document, head, {"nullable": True}, "")],
        "replace type 'null' by nullable: true (3.0)",
    )


def _exclusive_bound(document: Any, pointer: str, message: str, is_31: bool) -> Fix | None:
    head, key = _parent(pointer)
    value = _node(document, pointer)
    if is_31 or key not in ("exclusiveMinimum", "exclusiveMaximum"):
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    bound = "minimum" if key == "exclusiveMinimum" else "maximum"
    return Fix(
        [_remove(document, pointer, ""), _update(document, head, {bound: value, key: True}, "")],
        f"spell it {bound}: {value} with {key}: true (3.0)",
    )


def _bad_default(document: Any, pointer: str, message: str, _: bool) -> Fix | None:
    head, key = _parent(pointer)
    if key != "default" or not isinstance(_node(document, head), dict):
        return None
    value = _node(document, pointer)
    for candidate in _coercions(value, _node(document, head)):
        if not schema_errors(document, head, candidate):
            return Fix(
                [_update(document, head, {"default": candidate}, "")],
                f"coerce the default {value!r} to {candidate!r}",
            )
    return Fix([_remove(document, pointer, "")], f"remove the default {value!r}")


def _coercions(value: Any, schema: dict[str, Any]) -> list[Any]:
    """The exact readings of ``value`` as another JSON type: ``'false'`` → ``false``."""
    found: list[Any] = []
    if isinstance(value, str):
        text = value.strip()
        if text in ("true", "false"):
            found.append(text == "true")
        if re.fullmatch(r"-?\d+", text):
            found.append(int(text))
        elif re.fullmatch(r"-?\d+\.\d+", text):
            found.append(float(text))
        if text == "null" and schema.get("nullable") is True:
            found.append(None)
    elif isinstance(value, bool):
        found.append("true" if value else "false")
    elif isinstance(value, (int, float)):
        found.append(str(value))
        if isinstance(value, float) and value.is_integer():
            found.append(int(value))
    elif not isinstance(value, list) and value is not None:
        return found
    if not isinstance(value, list) and schema.get("type") == "array":
        found.append([value])
    return found


_CLASS_ESCAPE_DASH = re.compile(r"(\\[dwsDWS])-(?!\])|(?<!\\)-(\\[dwsDWS])")


def _bad_pattern(document: Any, pointer: str, message: str, _: bool) -> Fix | None:
    """A ``pattern`` Python's ``re`` can't read. ECMA-262 reads a ``-`` next to a class
    escape inside ``[...]`` (``[\\d-_]``) as a literal dash: escaping it is exact. An
    ECMA-262 property escape (``\\p{L}``, ``\\P{C}``) is spelled as its explicit class,
    also exact. What is still unreadable (``\\p{Print}``, which ECMA-262 lacks; a
    script; an unclosed class) is removed, and the description says why."""
    head, key = _parent(pointer)
    value = _node(document, pointer)
    if key != "pattern" or not isinstance(value, str) or not message.endswith("is not a 'regex'"):
        return None
    translated = _in_classes(value, lambda part: _CLASS_ESCAPE_DASH.sub(_escape_dash, part))
    if translated != value and _compiles(translated):
        return Fix(
            [_update(document, head, {"pattern": translated}, "")],
            f"escape the dash ECMA-262 reads literally: {translated!r}",
        )
    why = ""
    if has_properties(translated):
        expanded, why = expand_properties(translated)
        why = why or _compile_problem(expanded or "") or ""
        if not why:
            return Fix(
                [_update(document, head, {"pattern": expanded}, "")],
                "spell each \\p{…} property as the class of code points it names "
                f"(Unicode {UNICODE_VERSION})",
            )
    why = f": {why}" if why else ""
    return Fix(
        [_remove(document, pointer, "")], f"remove the pattern{why} (the client checks none)"
    )


def _escape_dash(match: re.Match[str]) -> str:
    return f"{match.group(1)}\\-" if match.group(1) else f"\\-{match.group(2)}"


def _in_classes(pattern: str, change: Callable[[str], str]) -> str:
    """``pattern`` with ``change`` applied to the inside of each ``[...]`` class."""
    out, index, size = [], 0, len(pattern)
    while index < size:
        char = pattern[index]
        if char == "\\":
            out.append(pattern[index : index + 2])
            index += 2
            continue
        if char != "[":
            out.append(char)
            index += 1
            continue
        start = index + 1
        start += pattern.startswith("^", start)
        start += pattern.startswith("]", start)  # a leading `]` is a member
        end = start
        while end < size and pattern[end] != "]":
            end += 2 if pattern[end] == "\\" else 1
        if end >= size:  # unclosed: nothing to translate
            out.append(pattern[index:])
            break
        out.append(pattern[index:start] + change(pattern[start:end]) + "]")
        index = end + 1
    return "".join(out)


def _compiles(pattern: str) -> bool:
    return _compile_problem(pattern) is None


def _compile_problem(pattern: str) -> str | None:
    """Why Python's ``re`` or pydantic-core can't compile ``pattern``, or None."""
    try:
        re.compile(pattern)
    except re.error as exc:
        return f"Python's re can't compile it ({exc})"
    from generator.ir.keywords import pattern_problem

    problem = pattern_problem(pattern)
    return f"pydantic-core can't compile it ({problem})" if problem else None


_RULES: list[Callable[[Any, str, str, bool], Fix | None]] = [
    _missing_field,
    _empty_list,
    _undefined_required,
    _null_type,
    _exclusive_bound,
    _bad_default,
    _bad_pattern,
]


def fix_error(document: Any, pointer: str, message: str) -> Fix | None:
    """The actions that repair the validator's ``message`` at ``pointer``; None if none."""
    is_31 = is_openapi_31(document)
    for rule in _RULES:
        fix = rule(document, pointer, message, is_31)
        if fix is not None:
            return fix
    return None


def fix_example(document: Any, pointer: str) -> Fix | None:
    """An example that its schema rejects is removed: an ``example``, an Example Object of
    an ``examples`` map, or a schema's ``examples`` list."""
    head, key = _parent(pointer)
    holder, name = _parent(head)
    if key == "example":
        return Fix([_remove(document, pointer, "")], "remove the example")
    if key == "value" and holder.endswith("/examples"):
        return Fix([_remove(document, head, "")], f"remove the example {name!r}")
    if key.isdigit() and name == "examples" and isinstance(_node(document, head), list):
        return Fix([_remove(document, head, "")], "remove the schema's examples")
    return None
