"""Dereference stage: every ``$ref`` checked, other files bundled in.

After this stage the document is self-contained: a reference to another
file (``common.yaml#/components/schemas/Error``) is replaced by a local
reference to a copy under the main document's ``components``, so later
stages only ever follow ``#/...`` pointers. What a reference may reach is
``generator.spec.references``'s decision: files under the spec's folder (or
``--ref-root``), remote documents only when allowed; a referenced file is read
as the spec is (a regular file, bounded, no content in messages). A dangling reference, or a chain of references that
never reaches a value (``A → B → A``), is an error with its JSON pointer.

References inside vendor extensions (``x-...``) are data, not followed.

Local references are kept as references, not expanded: recursive schemas
stay recursive and named, and ``Resolved.follow`` expands a reference where
a later stage needs the value.
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostic, GeneratorError, error
from generator.spec import pointer as jp
from generator.spec.load import MAX_SPEC_MB, parse_document, read_regular_file
from generator.spec.references import RefPolicy, is_remote_source, refusal, target_of

__all__ = ["Resolved", "dereference", "local_ref_problems"]

_REMOTE_TIMEOUT_SECONDS = 20


@dataclass
class Resolved:
    """A self-contained document, and the means to follow its references."""

    spec: dict[str, Any]
    name: str

    def follow(self, node: Any) -> Any:
        """``node`` with any chain of ``$ref`` followed to its value."""
        seen = 0
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            node = jp.follow(self.spec, node["$ref"])
            seen += 1
            if seen > 100:  # cycles were refused by dereference()
                raise AssertionError("reference chain too long")
        return node

    def pointer_of(self, node: Any, fallback: str) -> str:
        """The pointer a ``$ref`` node points at, or ``fallback`` for inline nodes."""
        if isinstance(node, dict) and isinstance(node.get("$ref"), str):
            return str(node["$ref"]).lstrip("#")
        return fallback


@dataclass
class _Bundler:
    root: dict[str, Any]
    name: str
    base: Path
    policy: RefPolicy
    max_mb: int = MAX_SPEC_MB
    # (absolute source, pointer) -> local pointer of the imported copy
    imported: dict[tuple[str, str], str] = field(default_factory=dict)
    # components section -> name -> imported value, added to the result at the end
    imports: dict[str, dict[str, Any]] = field(default_factory=dict)
    documents: dict[str, Any] = field(default_factory=dict)

    def bundle(self, node: Any, where: str, source: str, source_doc: Any) -> Any:
        """Rewrite references in ``node`` (from ``source``) so they are local to the root."""
        if isinstance(node, list):
            return [
                self.bundle(v, jp.join(where, i), source, source_doc) for i, v in enumerate(node)
            ]
        if not isinstance(node, dict):
            return node
        result = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                result[key] = self._rewrite(value, jp.join(where, "$ref"), source, source_doc)
            elif str(key).startswith("x-"):  # vendor data: its refs are not OpenAPI's
                result[key] = value
            else:
                result[key] = self.bundle(value, jp.join(where, key), source, source_doc)
        return result

    def _rewrite(self, ref: str, where: str, source: str, source_doc: Any) -> str:
        folder = source if is_remote_source(source) else str(self._folder_of(source))
        target = target_of(ref, folder)
        if target.kind == "local":
            if source == self.name:
                return ref
            # A local reference inside an imported file: import its target too.
            return "#" + self._import(source, source_doc, target.fragment, where)
        refused = refusal(target, ref, self.policy, self.name, where)
        if refused is not None:
            raise GeneratorError([refused])
        document = self._load(target.location, where)
        return "#" + self._import(target.location, document, target.fragment, where)

    def _folder_of(self, source: str) -> Path:
        return self.base if source == self.name else Path(source).parent

    def _load(self, absolute: str, where: str) -> Any:
        if absolute not in self.documents:
            if is_remote_source(absolute):
                raw = self._fetch(absolute, where)
            else:
                raw = read_regular_file(Path(absolute), self.max_mb, self.name, where)
            self.documents[absolute] = parse_document(raw, absolute)
        return self.documents[absolute]

    def _fetch(self, url: str, where: str) -> bytes:
        """A remote document (only with --allow-remote-refs), at most the size limit."""
        import urllib.request  # only for allowed remote refs: http.client is slow to load

        limit = self.max_mb * 1_000_000
        try:
            with urllib.request.urlopen(url, timeout=_REMOTE_TIMEOUT_SECONDS) as answer:
                raw: bytes = answer.read(limit + 1)
        except (OSError, ValueError) as exc:
            raise GeneratorError(
                [error(self.name, where, f"cannot read {url}: {exc}", "check the $ref")]
            ) from None
        if len(raw) > limit:
            raise GeneratorError(
                [
                    error(
                        self.name,
                        where,
                        f"{url} is more than the {self.max_mb} MB the generator reads",
                        "pass --max-spec-mb to raise the limit",
                    )
                ]
            )
        return raw

    def _import(self, source: str, document: Any, fragment: str, where: str) -> str:
        key = (source, fragment)
        if key in self.imported:
            return self.imported[key]
        try:
            value = jp.follow(document, fragment)
        except (KeyError, ValueError):
            raise GeneratorError(
                [
                    error(
                        self.name,
                        where,
                        f"reference target {fragment or '/'} not found in {source}",
                        "fix the $ref",
                    )
                ]
            ) from None
        local = self._local_place(source, fragment)
        self.imported[key] = local
        _, section, name = jp.parse(local)
        place = self.imports.setdefault(section, {})
        place[name] = {}  # reserved before bundling the value, so recursion ends
        place[name] = self.bundle(value, fragment, source, document)
        return local

    def _local_place(self, source: str, fragment: str) -> str:
        parts = jp.parse(fragment)
        stem = _identifier_stem(source)
        if len(parts) == 3 and parts[0] == "components":
            section, name = parts[1], parts[2]
        else:
            section, name = "schemas", "_".join([stem, *parts]) if parts else stem
        existing = set(self.root.get("components", {}).get(section, {}))
        existing |= set(self.imports.get(section, {}))
        if name in existing:
            name = f"{stem}_{name}"
        while name in existing:
            name += "_"
        return jp.join("/components", section, name)


def _identifier_stem(source: str) -> str:
    stem = Path(urllib.parse.urlparse(source).path).stem or "external"
    return "".join(c if c.isalnum() else "_" for c in stem)


def dereference(
    spec: dict[str, Any],
    name: str,
    base: Path,
    allow_remote: bool = False,
    ref_root: Path | None = None,
    max_mb: int = MAX_SPEC_MB,
) -> Resolved:
    """``spec`` (from the folder ``base``) made self-contained; files may come from
    under ``ref_root`` (default ``base``) only."""
    policy = RefPolicy(ref_root if ref_root is not None else base, allow_remote)
    bundler = _Bundler(spec, name, base, policy, max_mb)
    bundled: dict[str, Any] = bundler.bundle(spec, "", name, spec)
    for section, values in bundler.imports.items():
        bundled.setdefault("components", {}).setdefault(section, {}).update(values)
    _check_local_refs(bundled, name)
    return Resolved(bundled, name)


def _check_local_refs(spec: dict[str, Any], name: str) -> None:
    problems = local_ref_problems(spec, name)
    if problems:
        raise GeneratorError(problems)


def local_ref_problems(spec: dict[str, Any], name: str) -> list[Diagnostic]:
    """Dangling local references and chains of references that never reach a value."""
    problems = []
    for where, ref in _local_refs(spec, ""):
        chain = [ref]
        target: Any = {"$ref": ref}
        while isinstance(target, dict) and isinstance(target.get("$ref"), str):
            current = target["$ref"]
            try:
                target = jp.follow(spec, current)
            except (KeyError, ValueError):
                problems.append(
                    error(
                        name,
                        where,
                        f"dangling reference {current!r}",
                        "point it at an existing node",
                    )
                )
                break
            if isinstance(target, dict) and target.get("$ref") in chain:
                problems.append(
                    error(
                        name,
                        where,
                        "reference cycle with no value: " + " -> ".join([*chain, target["$ref"]]),
                        "make one of them a real schema",
                    )
                )
                break
            if isinstance(target, dict) and isinstance(target.get("$ref"), str):
                chain.append(target["$ref"])
        if len(problems) >= 20:
            break
    return problems


def _local_refs(node: Any, where: str) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    stack: list[tuple[Any, str]] = [(node, where)]
    while stack:
        current, here = stack.pop()
        if isinstance(current, dict):
            ref = current.get("$ref")
            if isinstance(ref, str) and ref.startswith("#"):
                found.append((jp.join(here, "$ref"), ref))
            for key, value in current.items():  # a leaf holds no `$ref`: no pointer for it
                if isinstance(value, (dict, list)) and not str(key).startswith("x-"):
                    stack.append((value, jp.join(here, key)))
        elif isinstance(current, list):
            for index, value in enumerate(current):
                if isinstance(value, (dict, list)):
                    stack.append((value, f"{here}/{index}"))
    return sorted(found)
