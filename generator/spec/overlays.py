"""Overlays stage: OpenAPI Overlay 1.0 documents applied in name order.

Each action selects nodes with an RFC 9535 JSONPath ``target`` and either
removes them (``remove: true``) or merges ``update`` into them: objects
merge recursively, arrays concatenate, anything else is replaced; an update
whose target is an array is appended to it. A target that selects nothing is
a warning, since it usually means the upstream spec moved under the overlay.

The nodes a target selects are found by ``generator.spec.overlay_targets``:
python-jsonpath's answer, walked directly for the common queries.

A ``match()``/``search()`` pattern that could backtrack for ever is refused
(``generator.spec.patterns``); an overlay file is loaded with the same bounds
as the spec (``generator.spec.load``).
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import jsonpath

from generator.diagnostics import Diagnostic, GeneratorError, error, warning
from generator.inputs import overlay_files
from generator.spec.load import load_document
from generator.spec.overlay_targets import select
from generator.spec.patterns import GuardedMatch, GuardedSearch, UnsafePattern
from generator.spec.pointer import from_parts, join

__all__ = ["apply_overlay", "apply_overlays", "overlay_files"]

_ENV = jsonpath.JSONPathEnvironment(strict=True)
_ENV.function_extensions["match"] = GuardedMatch()
_ENV.function_extensions["search"] = GuardedSearch()


def apply_overlays(
    spec: Any, files: list[Path], *, owned: bool = False
) -> tuple[Any, list[Diagnostic]]:
    """The document with every overlay applied: a new one, the input unchanged, unless
    the caller gives it up (``owned``), when it is changed in place (a copy of a 13 MB
    document takes seconds)."""
    result = spec if owned else copy.deepcopy(spec)
    diagnostics: list[Diagnostic] = []
    for path in files:
        overlay = load_document(path).data
        result, found = apply_overlay(result, overlay, str(path))
        diagnostics.extend(found)
    return result, diagnostics


def apply_overlay(spec: Any, overlay: Any, name: str) -> tuple[Any, list[Diagnostic]]:
    _check_overlay(overlay, name)
    diagnostics: list[Diagnostic] = []
    for index, action in enumerate(overlay["actions"]):
        where = join("/actions", index)
        if not isinstance(action, dict) or not isinstance(action.get("target"), str):
            raise GeneratorError(
                [error(name, where, "an action needs a string `target`", "add a JSONPath target")]
            )
        try:
            query = _ENV.compile(action["target"])
        except jsonpath.JSONPathError as exc:
            raise GeneratorError(
                [
                    error(
                        name,
                        join(where, "target"),
                        f"invalid JSONPath: {str(exc).splitlines()[0]}",
                        "write an RFC 9535 JSONPath expression",
                    )
                ]
            ) from None
        try:
            matches = select(_ENV, query, spec)
        except UnsafePattern as exc:
            pattern, reason = exc.args
            raise GeneratorError(
                [
                    error(
                        name,
                        join(where, "target"),
                        f"the pattern {pattern!r} could take for ever to match: it has {reason}",
                        "write it without nested repeats, alternations inside repeats "
                        "or back-references",
                    )
                ]
            ) from None
        if not matches:
            diagnostics.append(
                warning(
                    name,
                    join(where, "target"),
                    f"target {action['target']!r} selects nothing; the action was skipped",
                    "the upstream spec may have changed: update or drop this action",
                )
            )
            continue
        if action.get("remove") is True:
            # Remove from the end so earlier array indexes stay valid.
            for parts in sorted(matches, reverse=True):
                spec = _remove(spec, parts, name, where)
        elif "update" in action:
            for parts in matches:
                spec = _update(spec, parts, action["update"], name, where)
        else:
            raise GeneratorError(
                [error(name, where, "an action needs `update` or `remove: true`", "add one")]
            )
    return spec, diagnostics


def _check_overlay(overlay: Any, name: str) -> None:
    if not isinstance(overlay, dict) or not str(overlay.get("overlay", "")).startswith("1."):
        raise GeneratorError(
            [
                error(
                    name,
                    "/overlay",
                    "not an Overlay 1.x document",
                    'start it with overlay: "1.0.0"',
                )
            ]
        )
    if not isinstance(overlay.get("actions"), list):
        raise GeneratorError([error(name, "/actions", "`actions` must be a list", "add actions")])


def _remove(spec: Any, parts: tuple[Any, ...], name: str, where: str) -> Any:
    if not parts:
        raise GeneratorError([error(name, where, "cannot remove the document root")])
    parent = _node_at(spec, parts[:-1])
    del parent[parts[-1]]
    return spec


def _update(spec: Any, parts: tuple[Any, ...], update: Any, name: str, where: str) -> Any:
    target = _node_at(spec, parts)
    if isinstance(target, list):
        target.append(copy.deepcopy(update))
        return spec
    if isinstance(target, dict) and isinstance(update, dict):
        _merge(target, update)
        return spec
    raise GeneratorError(
        [
            error(
                name,
                join(where, "update"),
                f"cannot merge into the {type(target).__name__} at {from_parts(parts) or '/'}",
                "target the object or array that contains it",
            )
        ]
    )


def _merge(target: dict[str, Any], update: dict[str, Any]) -> None:
    for key, value in update.items():
        current = target.get(key)
        if isinstance(current, dict) and isinstance(value, dict):
            _merge(current, value)
        elif isinstance(current, list) and isinstance(value, list):
            current.extend(copy.deepcopy(value))
        else:
            target[key] = copy.deepcopy(value)


def _node_at(spec: Any, parts: tuple[Any, ...]) -> Any:
    node = spec
    for part in parts:
        node = node[part]
    return node
