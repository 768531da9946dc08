"""Model names that depend only on a schema and its place, never on order.

Every model *wants* a list of names, most specific source first: an
``x-python-name``, its component name, its ``title``, its role
(``CreateJobRequest``) or its parent's name and the label of the place it
sits in (``JobResponse`` + ``Program``). ``assign_names`` gives each model
the first name it wants that no one else wants more: a name wanted at an
earlier position in a list, or by a model used in strictly more places,
wins; when two models want one name equally, neither gets it and both move
on to a name that says more about their place. No name carries a counter or
a hash, and the document's order plays no part, so reordering members or
adding schemas elsewhere renames nothing.

``member_labels`` gives the members of ``allOf``/``oneOf``/``anyOf`` their
labels from what they are: a discriminator value, a ``$ref`` target, a
``title``, a distinguishing ``const``/one-value ``enum`` property, the role
``Base`` for a part shared by several ``allOf``, or the one required
property that sets them apart. When none applies, the label is built from
the member's structure and carries a note that asks for a better name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from generator.diagnostics import Diagnostic, GeneratorError, error, warning
from generator.emit.reserved import MODELS_MODULE_NAMES
from generator.ir.compositions import COMPOSITIONS
from generator.ir.naming import (
    MAX_CLASS_NAME,
    class_name,
    pascal_case,
    shorten_class_name,
    singular,
    spelled,
)
from generator.spec import pointer as jp

__all__ = [
    "KEY_PREFIX",
    "Candidate",
    "Label",
    "ModelNamer",
    "NameClash",
    "assign_names",
    "member_labels",
]

KEY_PREFIX = "key:"
_SPELLED = "named by spelling out its place: no other name tells it apart"
_POINTER = "named from its JSON pointer: no rule tells it apart from another model"
_CUT = f"longer than {MAX_CLASS_NAME} characters: cut to fit, it would be another model's name"
_HINT = "give the schema a `title` or an `x-python-name` in an overlay to name it better"

# A member label from structure alone: the place the model sits in has no better source.
STRUCTURAL = "named from its structure"


@dataclass(frozen=True)
class Candidate:
    """One name a model wants; ``note`` is said (a warning) when it is the name it gets."""

    name: str
    note: str = ""
    fit: bool = True
    """Cut to ``MAX_CLASS_NAME`` (the last resort is kept whole: cutting it could merge two)."""


@dataclass(frozen=True)
class Label:
    """What a model's place adds to its parent's name: alternatives, most wanted first."""

    suffixes: tuple[str, ...]
    note: str = ""


class NameClash(Exception):
    """Every name ``keys`` want is taken: no rule tells them apart from other models."""

    def __init__(self, keys: list[str], name: str) -> None:
        self.keys = keys
        self.name = name
        super().__init__(f"{name}: {keys}")


def assign_names(
    wanted: Mapping[str, Sequence[Candidate]],
    taken: Mapping[str, str],
    weight: Callable[[str], int],
) -> dict[str, Candidate]:
    """The name each key gets, from the names it wants, in order.

    ``taken`` maps names already given (to their key) and ``weight`` is the
    number of places that use a key. The result does not depend on the order
    of ``wanted``: in step ``n`` every key still waiting asks for its ``n``-th
    name or later; a name asked for once is granted, a name asked for by
    several goes to the one that asks with the earliest position, then the
    largest weight, and to none of them on a tie.
    """
    owners = dict(taken)
    position = dict.fromkeys(wanted, 0)
    given: dict[str, Candidate] = {}
    while position:
        asking: dict[str, list[str]] = {}
        exhausted = sorted(k for k, i in position.items() if i >= len(wanted[k]))
        if exhausted:
            names = wanted[exhausted[0]]
            raise NameClash(exhausted, names[-1].name if names else "")
        for key, index in position.items():
            wish = wanted[key][index]
            asking.setdefault(_fit(wish.name) if wish.fit else wish.name, []).append(key)
        for name, keys in asking.items():
            if not name or name in owners:
                for key in keys:
                    position[key] += 1
                continue
            ranked = sorted(keys, key=lambda k: (position[k], -weight(k)))
            best = ranked[0]
            alone = len(ranked) == 1 or (position[ranked[1]], -weight(ranked[1])) != (
                position[best],
                -weight(best),
            )
            if alone:
                owners[name] = best
                given[best] = Candidate(name, wanted[best][position[best]].note)
                del position[best]
            for key in keys:
                if key != best or not alone:
                    position[key] += 1
    return given


def _fit(name: str) -> str:
    return shorten_class_name(name, MAX_CLASS_NAME) if name else ""


def member_labels(
    composition: str,
    members: Sequence[Any],
    facts: Callable[[Any], MemberFacts],
    mapping: Mapping[str, str],
) -> list[Label]:
    """A label for each member of one ``allOf``/``oneOf``/``anyOf``, from what it is."""
    all_facts = [facts(member) for member in members]
    labels = []
    for index, member in enumerate(all_facts):
        others = [f for i, f in enumerate(all_facts) if i != index]
        labels.append(_member_label(composition, member, others, mapping))
    return labels


@dataclass(frozen=True)
class MemberFacts:
    """What a member's label may come from (see ``member_labels``)."""

    key: str
    """The model key of the member, or ``""`` when it is not a model itself."""
    title: str
    target: str
    """The last segment of a non-component ``$ref`` target, else ``""``."""
    fixed: Mapping[str, str]
    """Properties with one possible value (``const``, a one-value ``enum``): name → value."""
    required: frozenset[str]
    properties: frozenset[str]
    shared: bool
    """The member is a model used in more than one place."""
    kind: str
    """Its JSON type, ``object`` when it has properties."""


def _member_label(
    composition: str, member: MemberFacts, others: list[MemberFacts], mapping: Mapping[str, str]
) -> Label:
    if member.key and member.key in mapping:
        return Label((pascal_case(mapping[member.key]),))
    if member.target:
        return Label((pascal_case(member.target),))
    if member.title:
        return Label((pascal_case(member.title),))
    for name in sorted(member.fixed):
        value = member.fixed[name]
        if pascal_case(value) and all(o.fixed.get(name) != value for o in others):
            return Label((pascal_case(value), pascal_case(f"{name} {value}")))
    if composition == "allOf" and member.shared:
        return Label(("Base",))
    own_required = sorted(member.required - frozenset().union(*(o.required for o in others)))
    if len(own_required) == 1:
        return Label(("With" + pascal_case(own_required[0]),))
    own = sorted(member.properties - frozenset().union(*(o.properties for o in others)))
    if own_required or own:
        words = own_required or own
        shown = " and ".join(words[:2])
        return Label(("With" + pascal_case(shown),), STRUCTURAL)
    return Label((pascal_case(member.kind or "object"),), STRUCTURAL)


@dataclass
class ModelNamer:
    """Pass 2 of hoisting: a name for every model key, round by round from the roots.

    Round 0 names components and the models that operations use directly;
    round ``n + 1`` names the models met inside those named in round ``n``
    (a model used at several depths is named at the shallowest). Within a
    round a model used in several places takes the names of its most general
    place: the one whose names are shortest.
    """

    file: str
    shapes: Mapping[str, dict[str, Any]]
    titles: Mapping[str, set[str]]
    python_names: Mapping[str, set[str]]
    places: Mapping[str, list[str]]
    components: list[str] = field(default_factory=list)
    roots: list[tuple[dict[str, Any], list[str]]] = field(default_factory=list)
    containers: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Components that are not models but hold some (an array of objects): name → shape."""
    names: dict[str, str] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def run(self) -> dict[str, str]:
        claims: dict[str, list[list[Candidate]]] = {}
        for key in self.components:
            claims.setdefault(key, [])
        later: list[tuple[str, list[Candidate]]] = []
        for schema, roles in self.roots:
            key = _model_key(schema)
            if key:
                claims.setdefault(key, []).append([Candidate(r) for r in roles])
            else:
                later += self._child_claims(schema, roles)
        for name in sorted(self.containers):
            later += self._child_claims(self.containers[name], [str(class_name(name))])
        while claims or later:
            given = self._round(claims)
            claims = {}
            for key, candidates in later:
                claims.setdefault(key, []).append(candidates)
            later = []
            for key in sorted(given):
                for child, candidates in self._child_claims(self.shapes.get(key, {}), [given[key]]):
                    claims.setdefault(child, []).append(candidates)
            claims = {k: v for k, v in claims.items() if k not in self.names}
        return self.names

    def _round(self, claims: dict[str, list[list[Candidate]]]) -> dict[str, str]:
        wanted = {key: self._wanted(key, lists) for key, lists in claims.items()}
        # Names models.py binds besides its models (typing.Annotated, pydantic.Field).
        taken = dict.fromkeys(MODELS_MODULE_NAMES, "")
        taken.update({name: key for key, name in self.names.items()})
        try:
            given = assign_names(wanted, taken, self._weight)
        except NameClash as clash:
            raise GeneratorError(
                [
                    error(
                        self.file,
                        self._pointer(key),
                        "every name this model could take is another model's "
                        f"(the last: {clash.name!r})",
                        _HINT,
                    )
                    for key in clash.keys
                ]
            ) from None
        for key in sorted(given):
            self.names[key] = given[key].name
            first = wanted[key][0].name if wanted[key] else ""
            if first in MODELS_MODULE_NAMES and given[key].name != first:
                self.diagnostics.append(
                    warning(
                        self.file,
                        self._pointer(key),
                        f"model name {first!r} is a name models.py imports (typing, pydantic, "
                        f"datetime: see generator/emit/reserved.py); using {given[key].name!r}",
                        _HINT,
                    )
                )
            if given[key].note:
                self.diagnostics.append(
                    warning(
                        self.file,
                        self._pointer(key),
                        f"model {given[key].name!r} is {given[key].note}",
                        _HINT,
                    )
                )
        return {key: candidate.name for key, candidate in given.items()}

    def _weight(self, key: str) -> int:
        return len(set(self.places.get(key, [])))

    def _pointer(self, key: str) -> str:
        return min(self.places.get(key) or [""])

    def _wanted(self, key: str, lists: list[list[Candidate]]) -> list[Candidate]:
        """Its ``x-python-name``, component name or title, then its place's names, then spellings."""
        # Names the spec chose are kept whole: cut to fit, two of them could become one.
        head = [
            Candidate(str(class_name(n)), fit=False)
            for n in _by_length(self.python_names.get(key, set()))
        ]
        if key.startswith("component:"):
            component = key.split(":", 1)[1]
            name = str(class_name(component))
            return [
                *head,
                Candidate(name, fit=False),
                Candidate(name + "Schema", fit=False),
                Candidate(spelled(component), _SPELLED, fit=False),
            ]
        titles = _by_length(self.titles.get(key, set()))
        head += [Candidate(str(class_name(t))) for t in titles]
        best = min(lists, key=lambda names: [(len(c.name), c.name) for c in names], default=[])
        # Cut to fit, two long names may meet: whole, they differ (and say so).
        whole = [
            Candidate(c.name, c.note or _CUT, fit=False)
            for c in [*head, *best]
            if len(c.name) > MAX_CLASS_NAME
        ]
        pointer = self._pointer(key)
        tail = [_spelled(t) for t in titles]
        tail.append(Candidate(_pointer_words(pointer), _POINTER, fit=False))
        tail.append(Candidate(spelled(pointer) or "Model", _SPELLED, fit=False))
        return [*head, *best, *whole, *tail]

    def _child_claims(
        self, shape: Any, prefixes: Sequence[str]
    ) -> list[tuple[str, list[Candidate]]]:
        return [
            (key, [Candidate(name, label.note) for name in label.suffixes])
            for key, label in self._children(shape, Label(tuple(prefixes)))
        ]

    def _children(self, shape: Any, label: Label) -> Iterator[tuple[str, Label]]:
        """(key, label) of each model directly inside ``shape``, in order."""
        if not isinstance(shape, dict):
            return
        key = _model_key(shape)
        if key:
            yield key, label
            return
        for name, sub in (shape.get("properties") or {}).items():
            yield from self._children(sub, _join(label, Label((pascal_case(name),))))
        items = shape.get("items")
        if isinstance(items, dict):
            yield from self._children(items, _items(label))
        for index, sub in enumerate(shape.get("prefixItems") or []):
            yield from self._children(sub, _join(label, Label((f"Item{index + 1}",))))
        if isinstance(shape.get("additionalProperties"), dict):
            yield from self._children(
                shape["additionalProperties"], _join(label, Label(("Value",)))
            )
        mapping = (shape.get("discriminator") or {}).get("mapping") or {}
        by_key = {
            str(target)[len(KEY_PREFIX) :]: str(value)
            for value, target in mapping.items()
            if str(target).startswith(KEY_PREFIX)
        }
        for composition in COMPOSITIONS:
            members = shape.get(composition)
            if not isinstance(members, list) or not members:
                continue
            labels = member_labels(composition, members, self._facts, by_key)
            for sub, member_label in zip(members, labels, strict=True):
                yield from self._children(sub, _join(label, member_label))

    def _facts(self, member: Any) -> MemberFacts:
        key = _model_key(member) if isinstance(member, dict) else ""
        shape = self.shapes.get(key, {}) if key else member if isinstance(member, dict) else {}
        fixed: dict[str, str] = {}
        required: set[str] = set()
        properties: set[str] = set()
        self._collect(shape, fixed, required, properties, set())
        target = ""
        if key.startswith("ref:"):
            target = (jp.parse(key.split(":", 1)[1]) or [""])[-1]
        titles = _by_length(self.titles.get(key, set())) if key else []
        kind = shape.get("type") if isinstance(shape.get("type"), str) else ""
        return MemberFacts(
            key=key,
            title=titles[0] if titles else "",
            target=target,
            fixed=fixed,
            required=frozenset(required),
            properties=frozenset(properties),
            shared=bool(key) and self._weight(key) > 1,
            kind="object" if properties else str(kind or "object"),
        )

    def _collect(
        self,
        shape: Any,
        fixed: dict[str, str],
        required: set[str],
        properties: set[str],
        seen: set[str],
    ) -> None:
        """Properties, required names and one-value properties of ``shape`` and its ``allOf``."""
        if not isinstance(shape, dict):
            return
        for name, sub in (shape.get("properties") or {}).items():
            properties.add(str(name))
            value = _one_value(sub)
            if value is not None:
                fixed.setdefault(str(name), value)
        required.update(str(r) for r in shape.get("required") or [] if isinstance(r, str))
        for member in shape.get("allOf") or []:
            key = _model_key(member) if isinstance(member, dict) else ""
            if key and key not in seen:
                seen.add(key)
                self._collect(self.shapes.get(key, {}), fixed, required, properties, seen)
            elif not key:
                self._collect(member, fixed, required, properties, seen)


def _model_key(schema: Any) -> str:
    ref = schema.get("$ref") if isinstance(schema, dict) else None
    return ref[len(KEY_PREFIX) :] if isinstance(ref, str) and ref.startswith(KEY_PREFIX) else ""


def _one_value(schema: Any) -> str | None:
    """The only value a property schema allows, when it is a literal (``const``, a one-value ``enum``)."""
    if not isinstance(schema, dict):
        return None
    values = [schema["const"]] if "const" in schema else schema.get("enum")
    if isinstance(values, list) and len(values) == 1 and isinstance(values[0], (str, int, bool)):
        return str(values[0])
    return None


def _pointer_words(pointer: str) -> str:
    """``/components/schemas/AuditLog/properties/actor`` → ``AuditLogPropertiesActor``."""
    parts = jp.parse(pointer) if pointer else []
    if parts[:2] == ["components", "schemas"]:
        parts = parts[2:]
    return str(class_name(" ".join(parts)))


def _by_length(names: set[str]) -> list[str]:
    return sorted((n for n in names if n), key=lambda n: (len(n), n))


def _spelled(text: str) -> Candidate:
    return Candidate(spelled(text), _SPELLED)


_MAX_ALTERNATIVES = 4


def _join(outer: Label, inner: Label) -> Label:
    suffixes = tuple(a + b for a in outer.suffixes for b in inner.suffixes)
    return Label(suffixes[:_MAX_ALTERNATIVES], outer.note or inner.note)


def _items(label: Label) -> Label:
    """The label of an array's items: ``Jobs`` → ``Job`` (then ``JobsItem``), else ``…Item``."""
    suffixes: list[str] = []
    for suffix in label.suffixes:
        if suffix and singular(suffix) != suffix:
            suffixes.append(singular(suffix))
        suffixes.append(suffix + "Item")
    return Label(tuple(dict.fromkeys(suffixes))[:_MAX_ALTERNATIVES], label.note)
