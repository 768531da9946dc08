"""``--propose-overlay``: the least loosening of the spec that makes every recording fit.

Targets are JSONPath expressions into the spec as the current overlays leave
it, so the proposal belongs after them (a higher number in ``spec/overlays/``).
One schema place and keyword at a time, from the JSON Schema mismatches:

- a bound (``maxLength``, ``minItems``, ``maximum``, ...) widened to the
  extreme the answers reach, not removed;
- a ``pattern`` or ``format`` the answers break, removed (no narrower
  pattern can be known from samples);
- a required member some answers leave out, dropped from ``required``;
- ``null`` where the schema has no ``null``: ``nullable: true`` (3.0) on the
  property, through any ``allOf`` wrapper;
- another type: ``integer`` becomes ``number`` for fractional values;
  otherwise the schema becomes ``anyOf`` of itself and the type seen, and an
  ``anyOf``/``oneOf`` no branch matches gains one;
- an ``enum`` gains the values sent.

Members no schema describes are added under ``properties`` with the schema
``infer_schema`` reads from every value sent. Each action's ``description``
says how many recordings need it and names some.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import yaml

from generator.responses.findings import Extra, Findings, Mismatch
from generator.responses.infer import infer_schema, json_type
from generator.spec import pointer as jp

__all__ = ["jsonpath_of", "proposal_yaml", "propose_overlay"]

_NAMED = 4  # recordings named in a description
_BOUNDS_MAX: dict[str, Callable[[Any], float]] = {
    "maxLength": len,
    "maxItems": len,
    "maximum": float,
}
_BOUNDS_MIN: dict[str, Callable[[Any], float]] = {
    "minLength": len,
    "minItems": len,
    "minimum": float,
}
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def jsonpath_of(document: Any, pointer: str) -> str:
    """The JSONPath that selects exactly the node at ``pointer``: ``$.paths['/v1/jobs'].get``."""
    text, node = "$", document
    for token in jp.parse(pointer):
        if isinstance(node, list):
            text += f"[{int(token)}]"
            node = node[int(token)]
            continue
        text += f".{token}" if _IDENTIFIER.match(token) else "['" + _quoted(token) + "']"
        node = node[token]
    return text


def _quoted(token: str) -> str:
    return token.replace("\\", "\\\\").replace("'", "\\'")


def _needed_by(recordings: list[str], total: int, what: str) -> str:
    names = ", ".join(recordings[:_NAMED])
    more = f" and {len(recordings) - _NAMED} more" if len(recordings) > _NAMED else ""
    return f"{what}: needed by {len(recordings)} of {total} recordings ({names}{more})."


def _holder(pointer: str) -> str:
    """The schema a property's ``allOf`` wrapper belongs to (``.../clops`` for ``.../clops/allOf/0``)."""
    tokens = jp.parse(pointer)
    while len(tokens) >= 2 and tokens[-2] == "allOf" and tokens[-1].isdigit():
        tokens = tokens[:-2]
    return jp.from_parts(tokens)


def _bound(m: Mismatch) -> dict[str, Any]:
    if m.keyword in _BOUNDS_MAX:
        reached = max(_BOUNDS_MAX[m.keyword](v) for v in m.values)
    else:
        reached = min(_BOUNDS_MIN[m.keyword](v) for v in m.values)
    whole = isinstance(reached, int) or float(reached).is_integer()
    return {"update": {m.keyword: int(reached) if whole else reached}}


def _type_actions(spec: Any, m: Mismatch, total: int) -> list[dict[str, Any]]:
    others = [v for v in m.values if v is not None]
    holder = _holder(m.spec_pointer)
    actions: list[dict[str, Any]] = []
    if len(others) < len(m.values):
        actions.append(
            {
                "target": jsonpath_of(spec, holder),
                "description": _needed_by(
                    _recordings_with(m, lambda v: v is None), total, "The answers send null"
                ),
                "update": {"nullable": True},
            }
        )
    if not others:
        return actions
    node = jp.follow(spec, m.spec_pointer)
    kinds = {json_type(v) for v in others}
    described = _recordings_with(m, lambda v: v is not None)
    if node.get("type") == "integer" and kinds <= {"integer", "number"}:
        update: dict[str, Any] = {"type": "number"}
        actions.append(
            {
                "target": jsonpath_of(spec, m.spec_pointer),
                "description": _needed_by(described, total, "The answers send fractional numbers"),
                "update": update,
            }
        )
        if node.get("format") in ("int32", "int64"):
            actions.append(
                {
                    "target": jsonpath_of(spec, jp.join(m.spec_pointer, "format")),
                    "description": "The integer format goes with the integer type.",
                    "remove": True,
                }
            )
        return actions
    return actions + _widened(spec, holder, others, described, total, "type")


def _widened(
    spec: Any, pointer: str, values: list[Any], recordings: list[str], total: int, why: str
) -> list[dict[str, Any]]:
    """The schema at ``pointer`` replaced by ``anyOf`` [itself, the type of ``values``]."""
    node = jp.follow(spec, pointer)
    kept = {k: v for k, v in node.items() if k not in ("description", "nullable")}
    seen = infer_schema(values)
    kinds = ", ".join(sorted({json_type(v) for v in values}))
    selector = ",".join("'" + _quoted(k) + "'" for k in kept)
    return [
        {
            "target": f"{jsonpath_of(spec, pointer)}[{selector}]",
            "description": f"Made room for the `anyOf` below ({why}).",
            "remove": True,
        },
        {
            "target": jsonpath_of(spec, pointer),
            "description": _needed_by(recordings, total, f"The answers also send {kinds}"),
            "update": {"anyOf": [kept, seen]},
        },
    ]


def _recordings_with(m: Mismatch, wanted: Callable[[Any], bool]) -> list[str]:
    """The recordings (each once) in which some value of ``m`` is ``wanted``."""
    return list(dict.fromkeys(name for name, value in m.occurrences if wanted(value)))


def _mismatch_actions(spec: Any, m: Mismatch, total: int) -> list[dict[str, Any]]:
    node = jp.follow(spec, m.spec_pointer)
    target = jsonpath_of(spec, m.spec_pointer)
    if m.keyword in _BOUNDS_MAX or m.keyword in _BOUNDS_MIN:
        what = f"The answers go past `{m.keyword}: {node.get(m.keyword)}`"
        return [
            {
                "target": target,
                "description": _needed_by(m.recordings, total, what),
                **_bound(m),
            }
        ]
    if m.keyword == "required":
        tokens = jp.parse(m.spec_pointer)
        owner, name = jp.from_parts(tokens[:-2]), tokens[-1]
        return [
            {
                "target": f"{jsonpath_of(spec, owner)}.required[?@ == '{_quoted(name)}']",
                "description": _needed_by(m.recordings, total, f"The answers leave out `{name}`"),
                "remove": True,
            }
        ]
    if m.keyword == "type":
        return _type_actions(spec, m, total)
    if m.keyword in ("anyOf", "oneOf"):
        return _branch_actions(spec, m, total)
    if m.keyword == "enum":
        new = sorted({v for v in m.values if v not in node["enum"]}, key=repr)
        return [
            {
                "target": target,
                "description": _needed_by(m.recordings, total, "The answers send other values"),
                "update": {"enum": new},  # arrays concatenate
            }
        ]
    what = f"The answers break `{m.keyword}`"
    return [
        {
            "target": f"{target}.{m.keyword}" if _IDENTIFIER.match(m.keyword) else target,
            "description": _needed_by(m.recordings, total, what),
            "remove": True,
        }
    ]


def _branch_actions(spec: Any, m: Mismatch, total: int) -> list[dict[str, Any]]:
    actions: list[dict[str, Any]] = []
    if any(v is None for v in m.values):
        actions.append(
            {
                "target": jsonpath_of(spec, m.spec_pointer),
                "description": _needed_by(
                    _recordings_with(m, lambda v: v is None), total, "The answers send null"
                ),
                "update": {"nullable": True},
            }
        )
    others = [v for v in m.values if v is not None]
    if not others:
        return actions
    node = jp.follow(spec, m.spec_pointer)
    branches = node[m.keyword]
    described = _recordings_with(m, lambda v: v is not None)
    kinds = {json_type(v) for v in others}
    for index, branch in enumerate(branches):
        if (
            isinstance(branch, dict)
            and branch.get("type") == "integer"
            and kinds <= {"integer", "number"}
        ):
            actions.append(
                {
                    "target": jsonpath_of(spec, jp.join(m.spec_pointer, m.keyword, index)),
                    "description": _needed_by(
                        described, total, "The answers send fractional numbers"
                    ),
                    "update": {"type": "number"},
                }
            )
            return actions
    actions.append(
        {
            "target": jsonpath_of(spec, m.spec_pointer),
            "description": _needed_by(described, total, "The answers send what no branch takes"),
            "update": {m.keyword: [infer_schema(others)]},  # arrays concatenate
        }
    )
    return actions


def _extra_action(spec: Any, e: Extra, total: int) -> dict[str, Any]:
    return {
        "target": f"{jsonpath_of(spec, e.spec_pointer)}.properties",
        "description": _needed_by(e.recordings, total, f"The answers carry `{e.name}`"),
        "update": {e.name: infer_schema(e.values)},
    }


def propose_overlay(findings: Findings, spec: Any) -> dict[str, Any]:
    """The overlay document (see the module docstring)."""
    total = findings.recordings
    actions: list[dict[str, Any]] = []
    for m in findings.schema:
        actions.extend(_mismatch_actions(spec, m, total))
    actions.extend(_extra_action(spec, e, total) for e in findings.extras)
    return {
        "overlay": "1.0.0",
        "info": {
            "title": "Proposed by check-responses from the recorded answers",
            "version": "1.0.0",
        },
        "actions": actions,
    }


def proposal_yaml(document: dict[str, Any]) -> str:
    return yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100)
