"""Rules for how clients reach and authenticate: servers, security.

An operation's security is its own ``security``, else the document's. Its
alternatives (any one of them suffices) are compared as sets of scheme
names: an alternative that disappears breaks the clients that used it, a
new one is an addition; an open operation that now needs credentials breaks
every client. Servers are matched by ``x-region``, else description, else URL.
"""

from __future__ import annotations

from typing import Any

from generator.spec import pointer as jp
from generator.spec.dereference import Resolved

from .changes import Change, Place, Severity

__all__ = ["scheme_changes", "security_changes", "server_changes"]

BREAKING, WARNING, INFO = Severity.BREAKING, Severity.WARNING, Severity.INFO
Alternatives = frozenset[frozenset[str]]


def _change(
    severity: Severity, kind: str, message: str, place: Place, addition: bool = False
) -> Change:
    return Change(severity, kind, message, (place,), addition=addition)


def _names(alternative: frozenset[str]) -> str:
    return " + ".join(sorted(alternative))


def security_changes(
    operation: str, old: tuple[Alternatives, str], new: tuple[Alternatives, str]
) -> list[Change]:
    """``old`` and ``new``: an operation's security alternatives and where they are set."""
    (old_alternatives, old_pointer), (new_alternatives, new_pointer) = old, new
    place = Place(operation, new_pointer, old_pointer)
    before, after = old_alternatives - {frozenset()}, new_alternatives - {frozenset()}
    open_before = not before or frozenset() in old_alternatives
    open_after = not after or frozenset() in new_alternatives
    if open_before and not open_after:
        names = " or ".join(sorted(_names(a) for a in after))
        return [_change(BREAKING, "security-added", f"now requires authentication: {names}", place)]
    if open_after and not open_before:
        return [_change(INFO, "security-removed", "no longer requires authentication", place)]
    found = [
        _change(
            BREAKING,
            "security-alternative-removed",
            f"security alternative `{_names(a)}` no longer accepted",
            place,
        )
        for a in sorted(before - after, key=sorted)
    ]
    found += [
        _change(
            INFO,
            "security-alternative-added",
            f"security alternative `{_names(a)}` now accepted",
            place,
            addition=True,
        )
        for a in sorted(after - before, key=sorted)
    ]
    return found


def scheme_changes(old_spec: Resolved, new_spec: Resolved) -> list[Change]:
    old = old_spec.spec.get("components", {}).get("securitySchemes") or {}
    new = new_spec.spec.get("components", {}).get("securitySchemes") or {}
    found = []
    for name in [*old, *(n for n in new if n not in old)]:
        pointer = jp.join("/components/securitySchemes", name)
        if name not in new:
            place = Place("", "/components", pointer)
            found.append(
                _change(INFO, "security-scheme-removed", f"security scheme `{name}` removed", place)
            )
        elif name not in old:
            place = Place("", pointer)
            found.append(
                _change(INFO, "security-scheme-added", f"security scheme `{name}` added", place)
            )
            continue
        else:
            before, after = old_spec.follow(old[name]), new_spec.follow(new[name])
            for field in ("type", "in", "name", "scheme", "bearerFormat", "flows"):
                if before.get(field) != after.get(field):
                    found.append(
                        _change(
                            BREAKING,
                            "security-scheme-changed",
                            f"security scheme `{name}`: `{field}` changed from "
                            f"`{before.get(field)}` to `{after.get(field)}`",
                            Place("", pointer, pointer),
                        )
                    )
    return found


def server_changes(old_spec: Resolved, new_spec: Resolved) -> list[Change]:
    old = _server_map(old_spec.spec.get("servers") or [])
    new = _server_map(new_spec.spec.get("servers") or [])
    found = []
    for key, (url, index) in old.items():
        if key not in new:
            where = "/servers" if new_spec.spec.get("servers") else ""
            place = Place("", where, jp.join("/servers", index))
            found.append(
                _change(BREAKING, "server-removed", f"server `{url}` ({key}) removed", place)
            )
        elif new[key][0] != url:
            place = Place("", jp.join("/servers", new[key][1], "url"), jp.join("/servers", index))
            found.append(
                _change(
                    WARNING,
                    "server-url-changed",
                    f"server {key}: URL changed from `{url}` to `{new[key][0]}`",
                    place,
                )
            )
    for key, (url, index) in new.items():
        if key not in old:
            place = Place("", jp.join("/servers", index))
            found.append(
                _change(INFO, "server-added", f"server `{url}` ({key}) added", place, addition=True)
            )
    return found


def _server_map(servers: list[Any]) -> dict[str, tuple[str, int]]:
    """Servers by region (``x-region``), else description, else URL."""
    result = {}
    for index, server in enumerate(servers):
        if isinstance(server, dict):
            url = str(server.get("url", ""))
            key = str(server.get("x-region") or server.get("description") or url)
            result[key] = (url, index)
    return result
