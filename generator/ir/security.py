"""How the client authenticates and presents itself: ``securitySchemes`` and ``x-client``.

Each security scheme a security requirement names becomes a ``Credential``:
an apiKey in a header, query or cookie, HTTP bearer (OAuth 2 and OpenID
Connect schemes take a bearer token obtained elsewhere) or HTTP basic. What
the spec cannot say comes from extensions, usually set by an overlay::

    x-python-name: api_key          # the Client keyword (basic: [user, password])
    x-env: QISKIT_IBM_TOKEN         # its environment variable (false: none);
                                    # default <PACKAGE>_<KEYWORD>, e.g. THINGS_API_KEY
    x-doc: IBM Cloud API key        # what the value is, for docstrings and messages
    x-value-prefix: "apikey "       # sent before the value
    x-auth: {kind: ibm-cloud-iam, cloud-url-env: QISKIT_IBM_URL,
             saved-accounts: ~/.qiskit/qiskit-ibm.json, instance: service_crn}

``x-auth`` selects a key-for-token exchange (``EXCHANGES``). At the spec's root,
``x-client`` names the API (``name``), the package metadata (``keywords``,
``urls``, ``classifiers``) and the README's example code by section (``readme``). Every
mistake is an error at the extension's JSON pointer.
"""

from __future__ import annotations

import keyword
from typing import Any

from generator.diagnostics import Diagnostic, error, warning
from generator.ir.model import Api, ClientConfig, Credential
from generator.ir.naming import snake_case
from generator.spec import pointer as jp
from generator.spec.dereference import Resolved

__all__ = ["EXCHANGES", "README_SECTIONS", "RESERVED_ARGUMENTS", "build_client_config"]

# Key-for-token exchanges the runtime implements, with the options each takes.
EXCHANGES = {"ibm-cloud-iam": frozenset({"cloud-url-env", "saved-accounts", "instance"})}
README_SECTIONS = frozenset(
    {
        "first-call",
        "errors",
        "retries",
        "pagination",
        "waiting",
        "raw-response",
        "escape-hatches",
        "async",
        "logging",
        "never-twice",
        "retry-note",
        "waiting-note",
        "limits",
    }
)
# Client keywords a credential must not take (those of an exchange included).
RESERVED_ARGUMENTS = frozenset(
    {
        "self",
        "auth",
        "iam_url",
        "cloud_url",
        "base_url",
        "region",
        "timeout",
        "max_retries",
        "http_client",
        "default_headers",
        "strict",
        "settings",
    }
)
_HINT = "fix the extension in spec/overlays/"


def build_client_config(api: Api, resolved: Resolved) -> tuple[ClientConfig, list[Diagnostic]]:
    reader = _Reader(resolved)
    config = reader.config(api)
    return config, reader.diagnostics


class _Reader:
    def __init__(self, resolved: Resolved) -> None:
        self.resolved = resolved
        self.file = resolved.name
        self.diagnostics: list[Diagnostic] = []

    def fail(self, pointer: str, message: str) -> None:
        self.diagnostics.append(error(self.file, pointer, message, _HINT))

    def config(self, api: Api) -> ClientConfig:
        spec = self.resolved.spec
        raw = spec.get("x-client", {})
        if not isinstance(raw, dict):
            self.fail("/x-client", "x-client must be a mapping")
            raw = {}
        alternatives = self.alternatives(spec)
        used = [name for alternative in alternatives for name in alternative]
        credentials = self.credentials([n for i, n in enumerate(used) if n not in used[:i]])
        known = {c.scheme for c in credentials}
        kept = tuple(a for a in alternatives if set(a) <= known)
        return ClientConfig(
            name=self.text(raw, "name", "/x-client/name") or api.title,
            credentials=credentials,
            alternatives=kept,
            readme=self.readme(raw.get("readme", {})),
            keywords=tuple(self.strings(raw.get("keywords", []), "/x-client/keywords")),
            urls=self.urls(raw.get("urls", {})),
            classifiers=tuple(self.strings(raw.get("classifiers", []), "/x-client/classifiers")),
        )

    def alternatives(self, spec: dict[str, Any]) -> tuple[tuple[str, ...], ...]:
        """Every security requirement of the spec, root first, each once."""
        found: list[tuple[str, ...]] = []
        requirements = [spec.get("security") or []]
        for item in (spec.get("paths") or {}).values():
            item = self.resolved.follow(item)
            for operation in item.values() if isinstance(item, dict) else []:
                if isinstance(operation, dict) and isinstance(operation.get("security"), list):
                    requirements.append(operation["security"])
        for requirement in requirements:
            for alternative in requirement:
                names = tuple(str(n) for n in alternative) if isinstance(alternative, dict) else ()
                if names not in found:
                    found.append(names)
        return tuple(found)

    def credentials(self, names: list[str]) -> tuple[Credential, ...]:
        schemes = self.resolved.spec.get("components", {}).get("securitySchemes") or {}
        raw = {n: self.resolved.follow(schemes[n]) for n in names if n in schemes}
        api_keys = [n for n, s in raw.items() if s.get("type") == "apiKey"]
        bearers = [n for n, s in raw.items() if _kind(s) == "bearer"]
        basics = [n for n, s in raw.items() if _kind(s) == "basic"]
        result: list[Credential] = []
        taken: set[str] = set()
        for name, scheme in raw.items():
            pointer = jp.join("/components/securitySchemes", name)
            kind = _kind(scheme)
            if kind is None:
                self.diagnostics.append(
                    warning(
                        self.file,
                        pointer,
                        f"security scheme {name!r} ({scheme.get('type')}"
                        f" {scheme.get('scheme', scheme.get('in', ''))}) is not supported",
                        "the client sends no credential for it; pass it in default_headers=",
                    )
                )
                continue
            if kind == "basic":
                default: tuple[str, ...] = ("username", "password")
                if basics.index(name):
                    default = tuple(f"{snake_case(name)}_{a}" for a in default)
            elif kind == "bearer":
                default = ("token",) if not bearers.index(name) else (f"{snake_case(name)}_token",)
            else:
                default = ("api_key",) if len(api_keys) == 1 else (snake_case(name),)
            arguments = self.arguments(scheme, pointer, default, taken)
            taken.update(arguments)
            exchange, options = self.exchange(scheme, pointer, kind)
            result.append(
                Credential(
                    scheme=name,
                    kind=kind,
                    parameter=str(scheme.get("name", "")) if kind in _LOCATIONS else "",
                    arguments=arguments,
                    env=self.env(scheme, pointer, len(arguments)),
                    label=self.text(scheme, "x-doc", pointer + "/x-doc"),
                    prefix=self.text(scheme, "x-value-prefix", pointer + "/x-value-prefix"),
                    exchange=exchange,
                    options=options,
                    pointer=pointer,
                )
            )
        return tuple(result)

    def arguments(
        self, scheme: dict[str, Any], pointer: str, default: tuple[str, ...], taken: set[str]
    ) -> tuple[str, ...]:
        given = scheme.get("x-python-name")
        names = default if given is None else tuple(self.strings(given, pointer + "/x-python-name"))
        if len(names) != len(default):
            self.fail(pointer + "/x-python-name", f"expected {len(default)} name(s), not {given!r}")
            return default
        for name in names:
            if not name.isidentifier() or keyword.iskeyword(name) or name.startswith("_"):
                self.fail(pointer + "/x-python-name", f"{name!r} is not a Python argument name")
            elif name in RESERVED_ARGUMENTS or name in taken:
                self.fail(pointer + "/x-python-name", f"{name!r} is already a Client argument")
        return names

    def env(self, scheme: dict[str, Any], pointer: str, count: int) -> tuple[str | None, ...]:
        """The variable of each argument: a name, "" for none, None to derive one."""
        given = scheme.get("x-env")
        if given is None:
            return (None,) * count
        if given is False:
            return ("",) * count
        names = self.strings(given, pointer + "/x-env")
        if len(names) != count or not all(n.isidentifier() for n in names):
            self.fail(pointer + "/x-env", f"expected {count} variable name(s), not {given!r}")
            return (None,) * count
        return tuple(names)

    def exchange(
        self, scheme: dict[str, Any], pointer: str, kind: str
    ) -> tuple[str, dict[str, str]]:
        given = scheme.get("x-auth")
        if given is None:
            return "", {}
        where = pointer + "/x-auth"
        raw = {"kind": given} if isinstance(given, str) else given
        if not isinstance(raw, dict) or raw.get("kind") not in EXCHANGES:
            self.fail(where, f"x-auth must name one of {', '.join(EXCHANGES)}, not {given!r}")
            return "", {}
        if kind != "header":
            self.fail(where, f"{raw['kind']} exchanges an apiKey sent in a header")
            return "", {}
        options = {str(k): v for k, v in raw.items() if k != "kind"}
        unknown = set(options) - EXCHANGES[raw["kind"]]
        if unknown or not all(isinstance(v, str) for v in options.values()):
            self.fail(where, f"unknown or non-string options: {sorted(options)}")
            return "", {}
        return str(raw["kind"]), options

    def readme(self, raw: Any) -> dict[str, str]:
        if not isinstance(raw, dict):
            self.fail("/x-client/readme", "readme must map section names to Markdown")
            return {}
        for section, value in raw.items():
            if section not in README_SECTIONS or not isinstance(value, str):
                self.fail(
                    jp.join("/x-client/readme", str(section)),
                    f"expected Markdown for one of {', '.join(sorted(README_SECTIONS))}",
                )
        return {str(k): v for k, v in raw.items() if k in README_SECTIONS and isinstance(v, str)}

    def urls(self, raw: Any) -> tuple[tuple[str, str], ...]:
        if not isinstance(raw, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and v.startswith("https://")
            for k, v in raw.items()
        ):
            self.fail("/x-client/urls", "urls must map labels to https:// URLs")
            return ()
        return tuple(raw.items())

    def strings(self, raw: Any, pointer: str) -> list[str]:
        values = [raw] if isinstance(raw, str) else raw
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            self.fail(pointer, f"expected a string or a list of strings, not {raw!r}")
            return []
        return list(values)

    def text(self, raw: dict[str, Any], key: str, pointer: str) -> str:
        value = raw.get(key, "")
        if not isinstance(value, str):
            self.fail(pointer, f"{key} must be a string")
            return ""
        return value


_LOCATIONS = ("header", "query", "cookie")


def _kind(scheme: dict[str, Any]) -> str | None:
    """header | query | cookie | bearer | basic, or None when the client can't send it."""
    kind = scheme.get("type")
    if kind == "apiKey":
        location = scheme.get("in")
        return location if location in _LOCATIONS and scheme.get("name") else None
    if kind == "http":
        http = str(scheme.get("scheme", "")).lower()
        return http if http in ("bearer", "basic") else None
    if kind in ("oauth2", "openIdConnect"):
        return "bearer"
    return None
