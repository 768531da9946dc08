"""Repair: an Overlay 1.0 document that mends what the validator rejects, where the
fix is mechanical (the rules are in ``generator.spec.repair_rules``).

It works in rounds until a fixed point: validate the spec with the repairs so far
(and the overlays that come after them), turn each error into the actions of its
rule, apply them, validate again. The validator reports some errors only once
others are gone (a schema error hides the checks of defaults), so a second round
often finds more; an error that comes back after its repair, or that no rule
fixes, is left for the user and said. When the document validates, an
``example`` that its schema rejects (a warning of the validate stage) is removed
the same way, and a discriminator value its member's ``enum`` lacks is added to it
(``generator.spec.repair_mapping``).

Every action's ``description`` quotes the validator's message and the JSON
pointer it gave, then says what the action does, so the overlay reviews like a
hand-written one.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.diagnostics import GeneratorError, error
from generator.spec.dereference import local_ref_problems
from generator.spec.overlays import apply_overlay, apply_overlays
from generator.spec.pointer import follow, parse
from generator.spec.references import RefPolicy
from generator.spec.repair_mapping import fix_mapping_value, mapping_problems
from generator.spec.repair_rules import Fix, fix_error, fix_example
from generator.spec.validate import (
    UnreadableDocument,
    check_examples,
    located_errors,
    refused_refs,
    validate_spec,
)

__all__ = ["REPAIRS_FILE", "Repaired", "Repairs", "repair_spec"]

REPAIRS_FILE = "00-repairs.yaml"
"""The overlay ``repair`` writes: first in name order, so the others see a valid spec."""

MAX_ROUNDS = 8


@dataclass(frozen=True)
class Repaired:
    pointer: str
    message: str
    what: str
    actions: list[dict[str, Any]]


@dataclass
class Repairs:
    """What ``repair_spec`` did and what it left."""

    name: str
    repaired: list[Repaired] = field(default_factory=list)
    left: list[tuple[str, str]] = field(default_factory=list)
    """(pointer, message) of each error no rule fixes."""
    rounds: int = 0

    def overlay(self) -> dict[str, Any]:
        """The Overlay 1.0 document of the repairs."""
        return {
            "overlay": "1.0.0",
            "info": {
                "title": f"Mechanical repairs of {Path(self.name).name}",
                "version": "1.0.0",
            },
            "actions": [action for repaired in self.repaired for action in repaired.actions],
        }


def repair_spec(
    spec: Any, name: str, base_uri: str, later: list[Path], allow_remote_refs: bool = False
) -> Repairs:
    """The repairs of ``spec`` (as loaded, before any overlay); ``later`` are the overlays
    applied after the repairs. Raises ``GeneratorError`` for a document no repair can
    start from (not OpenAPI 3, unreadable by the validator, broken references)."""
    repairs = Repairs(name)
    current = copy.deepcopy(spec)
    seen: set[tuple[str, str]] = set()
    for _ in range(MAX_ROUNDS):
        repairs.rounds += 1
        document, _ = apply_overlays(current, later)
        problems = _errors(document, name, base_uri, allow_remote_refs)
        examples = not problems
        if examples:
            problems = [(d.pointer, d.message) for d in check_examples(document, name)]
            problems += mapping_problems(document)
        fixes = _round(document, problems, seen, repairs, examples)
        if not fixes:
            break
        overlay = {"overlay": "1.0.0", "info": {"title": "repairs", "version": "1"}}
        for repaired in fixes:
            current, missed = apply_overlay(current, {**overlay, "actions": repaired.actions}, name)
            if missed:  # the target is only in a later overlay's additions
                repairs.left.append((repaired.pointer, repaired.message))
            else:
                repairs.repaired.append(repaired)
    else:
        document, _ = apply_overlays(current, later)
        seen_now = _errors(document, name, base_uri, allow_remote_refs)
        repairs.left.extend(p for p in seen_now if p not in repairs.left)
    return repairs


def is_openapi_3(document: Any) -> bool:
    return isinstance(document, dict) and str(document.get("openapi", "")).startswith(
        ("3.0", "3.1")
    )


def _errors(
    document: Any, name: str, base_uri: str, allow_remote_refs: bool
) -> list[tuple[str, str]]:
    """(pointer, message) of each validator error. ``GeneratorError`` for what no repair
    starts from: not OpenAPI 3, remote or broken references, a validator that can't read it."""
    if not is_openapi_3(document):
        raise GeneratorError(validate_spec(document, name, base_uri))
    folder = Path(name).resolve().parent
    early = refused_refs(document, name, folder, RefPolicy(folder, allow_remote_refs))
    early = early or local_ref_problems(document, name)
    if early:
        raise GeneratorError(early)
    try:
        return [(pointer, message) for pointer, message, _ in located_errors(document, base_uri)]
    except UnreadableDocument as exc:
        raise GeneratorError(
            [
                error(
                    name,
                    "",
                    f"the validator could not read the document: {exc}",
                    "fix the structure of the document",
                )
            ]
        ) from None


def _round(
    document: Any,
    problems: list[tuple[str, str]],
    seen: set[tuple[str, str]],
    repairs: Repairs,
    examples: bool,
) -> list[Repaired]:
    """The repairs of one round. Deepest and last first, so that removing an array's
    member never shifts the index another error names; each fix is worked out on the
    document as the fixes before it left it."""
    working = copy.deepcopy(document)
    fixes = []
    for pointer, message in sorted(problems, key=lambda p: _order(p[0]), reverse=True):
        if (pointer, message) in seen:  # back after its repair: leave it
            if (pointer, message) not in repairs.left:
                repairs.left.append((pointer, message))
            continue
        seen.add((pointer, message))
        if not _parent_exists(working, pointer):
            continue  # an earlier repair removed it
        if not examples:
            fix = fix_error(working, pointer, message)
        elif pointer.endswith("/enum"):
            fix = fix_mapping_value(working, pointer, message)
        else:
            fix = fix_example(working, pointer)
        if fix is None:
            repairs.left.append((pointer, message))
            continue
        repaired = _described(fix, pointer, message, repairs.name, examples)
        working, _ = apply_overlay(
            working,
            {"overlay": "1.0.0", "info": {"title": "r", "version": "1"}, "actions": fix.actions},
            repairs.name,
        )
        fixes.append(repaired)
    fixes.reverse()  # the file lists them in document order
    return fixes


def _order(pointer: str) -> list[tuple[int, int | str]]:
    return [(0, int(t)) if t.isdigit() else (1, t) for t in parse(pointer)]


def _parent_exists(document: Any, pointer: str) -> bool:
    try:
        follow(document, pointer.rpartition("/")[0])
    except (KeyError, ValueError):
        return False
    return True


def _described(fix: Fix, pointer: str, message: str, name: str, example: bool) -> Repaired:
    source = "openapi-spec-validator"
    if example:
        source = "discriminator check" if pointer.endswith("/enum") else "validate stage warning"
    text = f"{source}: {Path(name).name}#{pointer}: {message} -- repair: {fix.what}"
    actions = [{**action, "description": text} for action in fix.actions]
    keys = ("target", "description", "update", "remove")
    ordered: list[dict[str, Any]] = [{k: a[k] for k in keys if k in a} for a in actions]
    return Repaired(pointer, message, fix.what, ordered)
