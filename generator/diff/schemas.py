"""Rules for one schema against its new version, in a request or a response.

The same edit means opposite things on the two sides of the wire: a value
the server no longer *accepts* breaks requests, a value it may now *send*
breaks responses. Each rule therefore names an effect, and the effect gives
the severity for the direction:

=========  =========  ==========  ==============================================
effect     request    response    examples
=========  =========  ==========  ==============================================
NARROW     breaking   info        maxLength decreased, enum value removed
WIDEN      info       warning     maximum increased, enum value added
OPEN       info       breaking    type generalized, became nullable
RETYPE     breaking   breaking    type changed to an unrelated one
DRIFT      warning    warning     format or pattern changed
DEFAULT    warning    info        default value changed
=========  =========  ==========  ==============================================

Kinds are ``<prefix>-<rule>``: the prefix says where (``request-parameter``,
``request-body``, ``request-property``, ``response-body``,
``response-property``), the rule what (``max-length-decreased``). ``$ref``
is followed with the pointer moving to its target, and the path shown in
messages restarting at the component's name (``Job.backend``), so a change
in a shared schema has the same pointer and message wherever it is used and
is reported once.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from generator.spec import pointer as jp
from generator.spec.dereference import Resolved

from .changes import Change, Place, Severity
from .variants import pair_variants, variant_labels
from .views import (
    SchemaSide,
    covers,
    follow_schema,
    has_flag,
    is_nullable,
    object_view,
    types_of,
    unwrap_nullable,
)

__all__ = ["Memo", "SchemaSide", "Where", "compare_schemas"]

BREAKING, WARNING, INFO = Severity.BREAKING, Severity.WARNING, Severity.INFO
_COMPONENTS = "/components/schemas/"
_EFFECTS = {
    "NARROW": (BREAKING, INFO),
    "WIDEN": (INFO, WARNING),
    "OPEN": (INFO, BREAKING),
    "RETYPE": (BREAKING, BREAKING),
    "DRIFT": (WARNING, WARNING),
    "DEFAULT": (WARNING, INFO),
}
# (keyword, rule stem, is an upper bound, value meaning "no bound")
_BOUNDS = (
    ("maximum", "max", True, None),
    ("minimum", "min", False, None),
    ("maxLength", "max-length", True, None),
    ("minLength", "min-length", False, 0),
    ("maxItems", "max-items", True, None),
    ("minItems", "min-items", False, 0),
)


@dataclass
class Memo:
    """Comparisons of shared components already made, for every operation that uses them.

    A component (a node under ``/components/schemas``, its path restarted at its name)
    says the same in every operation; only the operation in its places differs. A result
    is kept only when no recursion was cut inside it (``cuts``), since a cut depends on
    the way in.
    """

    results: dict[tuple[str, ...], list[Change]] = field(default_factory=dict)
    cuts: int = 0


@dataclass(frozen=True)
class Where:
    """The context a schema is compared in."""

    direction: str  # "request" | "response"
    operation: str
    root_prefix: str  # request-parameter | request-body | response-body
    root_label: str  # "query parameter `limit`", "request body", "200 response body"
    depth: int = 0
    stack: frozenset[tuple[str, str]] = frozenset()
    memo: Memo = field(default_factory=Memo, compare=False, hash=False)

    @property
    def prefix(self) -> str:
        if self.depth == 0 or self.root_prefix == "request-parameter":
            return self.root_prefix
        return f"{self.direction}-property"


def compare_schemas(
    old_spec: Resolved, new_spec: Resolved, old: SchemaSide, new: SchemaSide, where: Where
) -> list[Change]:
    old = unwrap_nullable(old_spec, follow_schema(old_spec, old))
    new = unwrap_nullable(new_spec, follow_schema(new_spec, new))
    key = (old.pointer, new.pointer)
    if key in where.stack:  # a recursive schema: its inside was compared above
        where.memo.cuts += 1
        return []
    memo_key = None
    if new.pointer.startswith(_COMPONENTS) and old.pointer.startswith(_COMPONENTS):
        label = where.root_label if where.prefix == where.root_prefix else ""
        nullable = (is_nullable(old.node), is_nullable(new.node))
        memo_key = (
            *key,
            old.path,
            new.path,
            where.direction,
            where.prefix,
            label,
            *map(str, nullable),
        )
        known = where.memo.results.get(memo_key)
        if known is not None:
            return [_at(change, where.operation) for change in known]
    cuts = where.memo.cuts
    where = replace(where, stack=where.stack | {key})
    found = _Rules(old_spec, new_spec, old, new, where)
    found.keywords()
    found.properties()
    found.children()
    if memo_key is not None and where.memo.cuts == cuts:
        where.memo.results[memo_key] = found.changes
    return found.changes


def _at(change: Change, operation: str) -> Change:
    """``change`` found in another operation, placed in ``operation``."""
    places = tuple(replace(p, operation=operation) for p in change.places)
    return replace(change, places=places)


def _text(value: Any) -> str:
    return "unbounded" if value is None else f"`{value}`"


def _names(types: frozenset[str]) -> str:
    return " | ".join(sorted(types)) or "any"


class _Rules:
    def __init__(
        self, old_spec: Resolved, new_spec: Resolved, old: SchemaSide, new: SchemaSide, where: Where
    ) -> None:
        self.old_spec, self.new_spec = old_spec, new_spec
        self.old, self.new, self.where = old, new, where
        self.changes: list[Change] = []

    def subject(self, path: str, depth: int) -> str:
        where = self.where
        if where.root_prefix == "request-parameter":
            return where.root_label + (f" at `{path}`" if path else "")
        if depth == 0:
            return where.root_label + (f" `{path}`" if path else "")
        return f"{where.direction} property `{path}`"

    def add(self, rule: str, effect: str, text: str, new_pointer: str = "", old: str = "") -> None:
        """A change of this node's own keywords, its severity given by ``effect``."""
        request, response = _EFFECTS[effect]
        severity = request if self.where.direction == "request" else response
        addition = severity is Severity.INFO and effect in ("WIDEN", "OPEN")
        self.emit(
            f"{self.where.prefix}-{rule}",
            severity,
            f"{self.subject(self.new.path, self.where.depth)}: {text}",
            Place(self.where.operation, new_pointer or self.new.pointer, old or self.old.pointer),
            self.new.path,
            addition,
        )

    def emit(
        self,
        kind: str,
        severity: Severity,
        message: str,
        place: Place,
        subject: str,
        addition: bool = False,
    ) -> None:
        self.changes.append(Change(severity, kind, message, (place,), subject, addition))

    # -- keywords of this node --------------------------------------------

    def keywords(self) -> None:
        old, new = self.old.node, self.new.node
        self.type_rules(old, new)
        self.enum_rules(old, new)
        for keyword, stem, upper, unbounded in _BOUNDS:
            before, after = old.get(keyword, unbounded), new.get(keyword, unbounded)
            if before == after or not _comparable(before, after):
                continue
            if upper:
                tighter = after is not None and (before is None or after < before)
                word = "decreased" if tighter else "increased"
            else:
                tighter = after is not None and (before is None or after > before)
                word = "increased" if tighter else "decreased"
            self.add(
                f"{stem}-{word}",
                "NARROW" if tighter else "WIDEN",
                f"{keyword} {word} from {_text(before)} to {_text(after)}",
            )
        self.pattern_rules(old.get("pattern"), new.get("pattern"))
        if "default" in old and "default" in new and old["default"] != new["default"]:
            self.add(
                "default-changed",
                "DEFAULT",
                f"default changed from `{old['default']!r}` to `{new['default']!r}`",
            )

    def type_rules(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        before, after = types_of(old, self.old_spec), types_of(new, self.new_spec)
        if before != after:
            if covers(after, before):
                rule, effect = "type-generalized", "OPEN"
            elif covers(before, after):
                rule, effect = "type-specialized", "NARROW"
            else:
                rule, effect = "type-changed", "RETYPE"
            self.add(rule, effect, f"type changed from `{_names(before)}` to `{_names(after)}`")
        elif old.get("format") != new.get("format"):
            self.add(
                "format-changed",
                "DRIFT",
                f"format changed from `{old.get('format')}` to `{new.get('format')}`",
            )
        if is_nullable(old) != is_nullable(new):
            if is_nullable(new):
                self.add("became-nullable", "OPEN", "became nullable (`null` is now a value)")
            else:
                self.add("became-not-nullable", "NARROW", "no longer nullable")

    def enum_rules(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        before, after = old.get("enum"), new.get("enum")
        if not isinstance(before, list) and isinstance(after, list):
            self.add("enum-added", "NARROW", f"now limited to {_values(after)}")
        elif isinstance(before, list) and not isinstance(after, list):
            self.add("enum-removed", "WIDEN", f"no longer limited to {_values(before)}")
        elif isinstance(before, list) and isinstance(after, list):
            removed = [v for v in before if v not in after]
            added = [v for v in after if v not in before]
            if removed:
                self.add("enum-value-removed", "NARROW", f"enum value {_values(removed)} removed")
            if added:
                self.add("enum-value-added", "WIDEN", f"enum value {_values(added)} added")

    def pattern_rules(self, before: Any, after: Any) -> None:
        if before == after:
            return
        if before is None:
            self.add("pattern-added", "NARROW", f"now must match `{after}`")
        elif after is None:
            self.add("pattern-removed", "WIDEN", f"no longer must match `{before}`")
        else:
            self.add("pattern-changed", "DRIFT", f"pattern changed from `{before}` to `{after}`")

    # -- properties ---------------------------------------------------------

    def properties(self) -> None:
        old_props, old_required = object_view(self.old_spec, self.old)
        new_props, new_required = object_view(self.new_spec, self.new)
        hidden = "readOnly" if self.where.direction == "request" else "writeOnly"
        for name in [*old_props, *(n for n in new_props if n not in old_props)]:
            path = f"{self.new.path}.{name}" if self.new.path else name
            old, new = old_props.get(name), new_props.get(name)
            if (old is None or has_flag(self.old_spec, old[0], hidden)) and (
                new is None or has_flag(self.new_spec, new[0], hidden)
            ):
                continue  # not part of this direction's contract
            if old is None or new is None:
                self.property_presence(name, path, old, new, old_required, new_required)
                continue
            was, now = name in old_required, name in new_required
            if was != now:
                # Required: requests must now send it; optional: responses may omit it.
                breaks = now if self.where.direction == "request" else not now
                severity = BREAKING if breaks else INFO
                self.emit(
                    f"{self.where.direction}-property-became-{'required' if now else 'optional'}",
                    severity,
                    f"{self.subject(path, 1)}: now {'required' if now else 'optional'}",
                    Place(self.where.operation, new[1], old[1]),
                    path,
                )
            if has_flag(self.new_spec, new[0], "deprecated") and not has_flag(
                self.old_spec, old[0], "deprecated"
            ):
                self.emit(
                    f"{self.where.direction}-property-deprecated",
                    INFO,
                    f"{self.subject(path, 1)}: deprecated",
                    Place(self.where.operation, new[1], old[1]),
                    path,
                    True,
                )
            self.changes.extend(
                compare_schemas(
                    self.old_spec,
                    self.new_spec,
                    SchemaSide(old[0], old[1], path),
                    SchemaSide(new[0], new[1], path),
                    replace(self.where, depth=self.where.depth + 1),
                )
            )

    def property_presence(
        self,
        name: str,
        path: str,
        old: tuple[Any, str] | None,
        new: tuple[Any, str] | None,
        old_required: set[str],
        new_required: set[str],
    ) -> None:
        direction = self.where.direction
        subject = self.subject(path, 1)
        if new is not None:
            required = name in new_required
            if direction == "request" and required:
                kind, severity = "request-property-added-required", BREAKING
            else:
                kind, severity = f"{direction}-property-added", INFO
            text = "added, required" if required else "added"
            place = Place(self.where.operation, new[1])
            self.emit(kind, severity, f"{subject}: {text}", place, path, severity is INFO)
        elif old is not None:
            was_required = name in old_required
            if direction == "request":
                kind, severity = "request-property-removed", WARNING
            elif was_required:
                kind, severity = "response-required-property-removed", BREAKING
            else:
                kind, severity = "response-optional-property-removed", WARNING
            text = "removed" + (" (it was required)" if was_required else "")
            place = Place(self.where.operation, jp.join(self.new.pointer, "properties"), old[1])
            self.emit(kind, severity, f"{subject}: {text}", place, path)

    # -- array items, maps, unions -------------------------------------------

    def children(self) -> None:
        for keyword, suffix in (("items", "[]"), ("additionalProperties", "{}")):
            before, after = self.old.node.get(keyword), self.new.node.get(keyword)
            if isinstance(before, dict) and isinstance(after, dict):
                self.descend(
                    SchemaSide(before, jp.join(self.old.pointer, keyword), self.new.path + suffix),
                    SchemaSide(after, jp.join(self.new.pointer, keyword), self.new.path + suffix),
                )
        for keyword in ("oneOf", "anyOf"):
            self.variants(keyword)

    def descend(self, old: SchemaSide, new: SchemaSide) -> None:
        where = replace(self.where, depth=self.where.depth + 1)
        self.changes.extend(compare_schemas(self.old_spec, self.new_spec, old, new, where))

    def variants(self, keyword: str) -> None:
        old_node, new_node = self.old.node, self.new.node
        before, after = old_node.get(keyword), new_node.get(keyword)
        if not isinstance(before, list) or not isinstance(after, list):
            return
        pairing = pair_variants(self.old_spec, self.new_spec, old_node, new_node, keyword)
        old_names = variant_labels(self.old_spec, old_node, keyword)
        new_names = variant_labels(self.new_spec, new_node, keyword)
        for old_index, index in pairing.pairs:
            path = f"{self.new.path}({new_names[index]})"
            self.descend(
                SchemaSide(before[old_index], jp.join(self.old.pointer, keyword, old_index), path),
                SchemaSide(after[index], jp.join(self.new.pointer, keyword, index), path),
            )
        for index in pairing.added:
            new_pointer = jp.join(self.new.pointer, keyword, index)
            text = f"{keyword} `{new_names[index]}` added"
            self.add("variant-added", "WIDEN", text, new_pointer)
        for index in pairing.removed:
            self.add(
                "variant-removed",
                "NARROW",
                f"{keyword} `{old_names[index]}` removed",
                jp.join(self.new.pointer, keyword),
                jp.join(self.old.pointer, keyword, index),
            )


def _comparable(before: Any, after: Any) -> bool:
    return all(v is None or isinstance(v, (int, float)) for v in (before, after))


def _values(values: list[Any]) -> str:
    return ", ".join(f"`{v}`" for v in values)
