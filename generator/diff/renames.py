"""Classes the generator renamed: a class gone and a class come that are one model.

A model's name is the generator's (a hash of its content for an inline
schema, a component name, a place), not the API's. Between two versions a
removed model class and an added one are the same model when, in rounds,
only among those still unpaired:

1. they stand for the same spec places (``Model.pointers`` in the IR);
2. their places overlap;
3. their members are identical.

A round pairs a class only when it has exactly one candidate, and that
candidate only one. The report lists a rename once (``class-renamed``, the
generator's doing, never caused by the wire) and compares the members of the
two classes as one: a field added to a schema whose hash name changed is a
field added, not a class removed.
"""

from __future__ import annotations

from collections.abc import Callable

from generator.ir.model import Api

from .surface import Surface

__all__ = ["find_renames"]


def find_renames(old: Surface, new: Surface, apis: tuple[Api, Api]) -> dict[str, str]:
    """``old name -> new name`` of the model classes the generator renamed."""
    places = [{m.name: frozenset(m.pointers) for m in api.models} for api in apis]
    removed = sorted(m for m in old.models - new.models if m not in new.owners)
    added = sorted(m for m in new.models - old.models if m not in old.owners)
    renames: dict[str, str] = {}

    def same_places(a: str, b: str) -> bool:
        return bool(places[0].get(a)) and places[0].get(a) == places[1].get(b)

    def overlapping(a: str, b: str) -> bool:
        return bool(places[0].get(a, frozenset()) & places[1].get(b, frozenset()))

    def same_members(a: str, b: str) -> bool:
        return old.owners[a] == new.owners[b]

    rounds: tuple[Callable[[str, str], bool], ...] = (same_places, overlapping, same_members)
    for matches in rounds:
        left = [b for b in added if b not in renames.values()]
        for a in [a for a in removed if a not in renames]:
            candidates = [b for b in left if matches(a, b)]
            if len(candidates) != 1:
                continue
            rivals = [x for x in removed if x not in renames and matches(x, candidates[0])]
            if rivals == [a]:
                renames[a] = candidates[0]
                left.remove(candidates[0])
    return renames
