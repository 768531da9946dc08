"""Names that share one scope, settled apart whatever the document's order.

A resource class's methods, a client's resource attributes: each wants one
identifier, and the runtime and the templates hold some already
(``with_raw_response``, ``close``). ``settle`` gives every claim a distinct
name that no reserved member has, the same way whatever order the claims come
in:

- a name wanted once, and not reserved, is granted;
- a name wanted by several goes to the one with the strongest claim: an
  ``x-python-name`` (``explicit``), then a source spelt exactly as the name
  (operationId ``foo_bar`` for ``foo_bar``, not ``fooBar``); on a tie, to none;
- the others take the name and their qualifier (``foo_bar_post``) if that is
  free and theirs alone, else the name and a hash of their source
  (``foo_bar_3f2a1c``): derived from what they are, never a counter.

Each rename is a warning with the pointers of both sides. Two explicit names
that collide, or an explicit name that is reserved, are refused: an error
with both pointers (the spec said two different things).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from generator.diagnostics import Diagnostic, error, warning

__all__ = ["Claim", "settle", "snake_join"]


@dataclass(frozen=True)
class Claim:
    """One identifier a thing in the scope wants."""

    name: str
    source: str
    """What the name was made from (an operationId, a tag): said, and hashed for a suffix."""
    pointer: str
    qualifier: str = ""
    """Tried before a hash when the name is taken (an operation's HTTP method)."""
    explicit: bool = False
    """The spec chose the name (``x-python-name``): it is refused, never renamed."""


def snake_join(name: str, part: str) -> str:
    return f"{name}_{part.lower()}"


def digest(source: str) -> str:
    return hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()[:6]


def settle(
    claims: Sequence[Claim],
    reserved: Mapping[str, str],
    file: str,
    scope: str,
    hint: str,
    join: Callable[[str, str], str] = snake_join,
) -> tuple[list[str], list[Diagnostic]]:
    """A distinct, unreserved name for each claim, and what was renamed or refused.

    ``reserved`` maps names the scope already holds to what holds them
    (``"the raw-response view of the resource class"``).
    """
    diagnostics: list[Diagnostic] = []
    by_name: dict[str, list[int]] = {}
    for index, claim in enumerate(claims):
        by_name.setdefault(claim.name, []).append(index)
    granted: dict[int, str] = {}
    losers: dict[int, list[str]] = {}  # index -> who holds or shares the name it wanted
    for name, indexes in by_name.items():
        explicit = [i for i in indexes if claims[i].explicit]
        if name in reserved or len(explicit) > 1:
            for i in explicit:
                others = [f"{file}#{claims[j].pointer}" for j in explicit if j != i]
                held = [reserved[name]] if name in reserved else []
                diagnostics.append(
                    error(
                        file,
                        claims[i].pointer,
                        f"{scope}: the name {name!r} is also {', '.join(held + others)}",
                        hint,
                    )
                )
        ranks = [(_rank(claims[i]), i) for i in indexes]
        best = max(rank for rank, _ in ranks)
        top = [i for rank, i in ranks if rank == best]
        winner = top[0] if len(top) == 1 and name not in reserved else None
        for i in indexes:
            if i == winner:
                granted[i] = name
                continue
            holders = [reserved[name]] if name in reserved else []
            holders += [f"{file}#{claims[j].pointer}" for j in indexes if j != i]
            losers[i] = holders
    if any(d.level.value == "error" for d in diagnostics):
        return [c.name for c in claims], diagnostics
    wanted = set(by_name) | set(reserved)
    first = {i: join(claims[i].name, claims[i].qualifier) for i in losers if claims[i].qualifier}
    counts: dict[str, int] = {}
    for name in first.values():
        counts[name] = counts.get(name, 0) + 1
    final = dict(granted)
    for i in sorted(losers, key=lambda i: (claims[i].name, claims[i].source, claims[i].pointer)):
        claim = claims[i]
        candidate = first.get(i, "")
        if not candidate or candidate in wanted or counts[candidate] > 1:
            candidate = join(claim.name, digest(claim.source))
        if candidate in wanted or candidate in final.values():
            diagnostics.append(
                error(
                    file,
                    claim.pointer,
                    f"{scope}: {claim.name!r} is taken ({', '.join(losers[i])}) and so is "
                    f"{candidate!r}",
                    hint,
                )
            )
            continue
        final[i] = candidate
        diagnostics.append(
            warning(
                file,
                claim.pointer,
                f"{scope}: the name {claim.name!r} (from {claim.source!r}) is also "
                f"{', '.join(losers[i])}; using {candidate!r}",
                hint,
            )
        )
    return [final.get(i, c.name) for i, c in enumerate(claims)], diagnostics


def _rank(claim: Claim) -> int:
    return 2 if claim.explicit else 1 if claim.source == claim.name else 0
