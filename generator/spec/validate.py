"""Validate stage: openapi-spec-validator, plus checks it does not make.

* Every validator error becomes a diagnostic with the JSON pointer of the
  offending node, in the document as written (through its ``$ref``s); the
  validator classes that tag each error with its node are in ``spec_validators``.
* The validator never reads anything but the document it is given: its
  resolver refuses every retrieval, whatever the scheme (``spec_validators``).
  References to other files are checked (``refused_refs``) and bundled by
  ``generator.spec.dereference`` before the validator sees the document.
* An ``example``/``examples`` value that its own schema rejects is a warning:
  documentation drift, not a reason to stop.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import referencing
import referencing.jsonschema
from jsonschema.exceptions import UnknownType, ValidationError, best_match
from openapi_schema_validator import (
    OAS30Validator,
    OAS31Validator,
    oas30_format_checker,
    oas31_format_checker,
)

from generator.diagnostics import Diagnostic, error, warning
from generator.spec.dereference import local_ref_problems
from generator.spec.pointer import follow, from_parts, join
from generator.spec.references import RefPolicy, refusal, target_of
from generator.spec.spec_validators import PLACE, spec_validator_class

__all__ = [
    "UnreadableDocument",
    "check_examples",
    "external_refs",
    "is_openapi_31",
    "located_errors",
    "refs_of",
    "refused_refs",
    "schema_errors",
    "validate_spec",
]

_SPEC_URI = "urn:openapi-spec"


def is_openapi_31(spec: Any) -> bool:
    return isinstance(spec, dict) and str(spec.get("openapi", "")).startswith("3.1")


def validate_spec(spec: Any, name: str, base_uri: str) -> list[Diagnostic]:
    """Errors (and warnings) for ``spec``; an empty list means it is valid."""
    if not isinstance(spec, dict) or not str(spec.get("openapi", "")).startswith(("3.0", "3.1")):
        found = spec.get("openapi", spec.get("swagger")) if isinstance(spec, dict) else None
        return [
            error(
                name,
                "/openapi",
                f"not an OpenAPI 3.0 or 3.1 document (openapi: {found!r})",
                "convert it to OpenAPI 3.0 or 3.1",
            )
        ]
    broken_refs = local_ref_problems(spec, name)  # the validator would trip over them
    if broken_refs:
        return broken_refs
    diagnostics = []
    try:
        for pointer, message, err in located_errors(spec, base_uri):
            diagnostics.append(error(name, pointer, message, _hint_for(err)))
    except UnreadableDocument as exc:
        return [
            error(
                name,
                "",
                f"the validator could not read the document: {exc}",
                "fix the structure of the document",
            )
        ]
    return diagnostics


class UnreadableDocument(Exception):
    """The validator tripped over the document before it reported any error."""


def located_errors(
    spec: dict[str, Any], base_uri: str, *, reuse: bool = True
) -> Iterator[tuple[str, str, ValidationError]]:
    """openapi-spec-validator's errors, each once, with the JSON pointer of its node (in the
    document as written) and its one-line message. Raises ``UnreadableDocument`` when the validator
    fails before it found an error. ``reuse=False``: the library's pieces alone, none of the work
    ``spec_validators`` does once (the same errors, slower)."""
    validator_class = spec_validator_class(is_openapi_31(spec), reuse)
    validator = validator_class(spec, base_uri=base_uri)
    seen: set[tuple[str, str]] = set()
    errors: list[ValidationError] = []
    try:
        errors.extend(validator.iter_errors())
    except Exception as exc:  # the validator trips over what its schema check reported
        if not errors:
            raise UnreadableDocument(_first_line(str(exc))) from None
    for found in errors:
        err = found
        if getattr(found, PLACE, None) is None:
            try:
                err = best_match([found]) or found
            except Exception:  # jsonschema can't rank errors from some broken documents
                err = found
        message = _first_line(str(err.message))
        pointer = _pointer_of(spec, err)
        if (pointer, message) in seen:
            continue
        seen.add((pointer, message))
        yield pointer, message, err


def _pointer_of(spec: dict[str, Any], err: ValidationError) -> str:
    place = getattr(err, PLACE, None)
    if place is None:  # the OpenAPI schema's own check: the path is absolute
        return from_parts(err.absolute_path)
    return _through_refs(spec, place)


def _through_refs(spec: Any, parts: Iterable[Any]) -> str:
    """The JSON pointer of the node reached by ``parts``, following local ``$ref``s."""
    pointer = ""
    node = spec
    for part in parts:
        hops = 0
        while isinstance(node, dict) and isinstance(node.get("$ref"), str) and hops < 50:
            ref = node["$ref"]
            if not ref.startswith("#"):
                break
            try:
                node = follow(spec, ref)
            except (KeyError, ValueError):
                break
            pointer = ref[1:]
            hops += 1
        try:
            node = node[part] if isinstance(node, (dict, list)) else None
        except (KeyError, IndexError, TypeError):
            node = None
        pointer = join(pointer, part)
    return pointer


def _first_line(text: str) -> str:
    line = text.splitlines()[0] if text else "invalid"
    return line if len(line) <= 300 else line[:297] + "..."


def _hint_for(err: ValidationError) -> str:
    if err.validator == "enum":
        return "use one of the allowed values, or fix it in an overlay under spec/overlays/"
    if err.validator == "required":
        return "add the missing field, in an overlay if the spec is upstream's"
    return "fix the spec, or correct it with an overlay under spec/overlays/"


# Keys whose value maps names (of properties, schemas, media types, status codes, …) to
# objects: its keys are names, never keywords (kubernetes.io: JSONSchemaProps has
# properties named `example`, `$schema`, `type`, so its `properties` map looked like a
# schema with an example). Keys whose value is data, not objects of the document.
_NAME_MAPS = frozenset(
    [
        "properties",
        "patternProperties",
        "definitions",
        "$defs",
        "dependentSchemas",
        "schemas",
        "responses",
        "parameters",
        "requestBodies",
        "headers",
        "securitySchemes",
        "links",
        "callbacks",
        "pathItems",
        "content",
        "encoding",
        "paths",
        "webhooks",
        "mapping",
        "variables",
        "scopes",
        "examples",
    ]
)
_DATA = frozenset(("example", "examples", "default", "enum", "const"))


def _spec_objects(node: Any, pointer: str, names: bool) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every object of the document (``names``: ``node`` maps names to objects, so it is
    none itself), without descending into data (examples, defaults, enums)."""
    if isinstance(node, list):
        for index, value in enumerate(node):
            yield from _spec_objects(value, join(pointer, index), names=False)
        return
    if not isinstance(node, dict):
        return
    if not names:
        yield pointer, node
    for key, value in node.items():
        if names:
            yield from _spec_objects(value, join(pointer, key), names=False)
        elif key not in _DATA and not str(key).startswith("x-"):
            yield from _spec_objects(value, join(pointer, key), names=key in _NAME_MAPS)


def refs_of(spec: Any) -> list[tuple[str, str]]:
    """(pointer, ``$ref``) of every reference, vendor extensions left out (they are data)."""
    found = []
    stack: list[tuple[Any, str]] = [(spec, "")]
    while stack:  # a pointer is made only for the objects and arrays: a leaf holds no ``$ref``
        node, pointer = stack.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                found.append((pointer + "/$ref", ref))
            stack.extend(
                (v, join(pointer, k))
                for k, v in node.items()
                if isinstance(v, (dict, list)) and not str(k).startswith("x-")
            )
        elif isinstance(node, list):
            stack.extend(
                (v, f"{pointer}/{i}") for i, v in enumerate(node) if isinstance(v, (dict, list))
            )
    return found


def external_refs(spec: Any, folder: Path, refs: list[tuple[str, str]] | None = None) -> bool:
    """Whether ``spec`` (whose ``refs_of`` may be given) refers to any other document."""
    found = refs_of(spec) if refs is None else refs
    return any(target_of(ref, str(folder)).kind != "local" for _, ref in found)


def refused_refs(
    spec: Any,
    name: str,
    folder: Path,
    policy: RefPolicy,
    refs: list[tuple[str, str]] | None = None,
) -> list[Diagnostic]:
    """An error for every reference ``policy`` forbids (remote, or outside the root) in
    ``spec``, whose ``refs_of`` may be given."""
    found = []
    for pointer, ref in sorted(refs_of(spec) if refs is None else refs):
        refused = refusal(target_of(ref, str(folder)), ref, policy, name, pointer)
        if refused is not None:
            found.append(refused)
    return found


def schema_errors(
    spec: dict[str, Any], schema_pointer: str, instance: Any
) -> list[ValidationError]:
    """What the schema at ``schema_pointer`` (its ``$ref``s followed) says is wrong with
    ``instance``, by the dialect of the document's OpenAPI version and its formats."""
    resource = referencing.Resource.from_contents(
        spec,
        default_specification=(
            referencing.jsonschema.DRAFT202012
            if is_openapi_31(spec)
            else referencing.jsonschema.DRAFT4
        ),
    )
    registry: referencing.Registry[Any] = referencing.Registry().with_resource(_SPEC_URI, resource)
    if is_openapi_31(spec):
        validator: Any = OAS31Validator(
            {"$ref": f"{_SPEC_URI}#{schema_pointer}"},
            registry=registry,
            format_checker=oas31_format_checker,
        )
    else:
        validator = OAS30Validator(
            {"$ref": f"{_SPEC_URI}#{schema_pointer}"},
            registry=registry,
            format_checker=oas30_format_checker,
        )
    try:
        return list(validator.iter_errors(instance))
    except (referencing.exceptions.Unresolvable, RecursionError, UnknownType):
        return []  # the schema can't judge the example (mist.com: `type: timeseries`)


def check_examples(spec: dict[str, Any], name: str) -> list[Diagnostic]:
    """Warnings for every ``example``/``examples`` value its own schema rejects."""
    found = []
    for pointer, node in _spec_objects(spec, "", names=False):
        if "/x-" in pointer or pointer.startswith("/components/examples"):
            continue
        if isinstance(node.get("schema"), dict):
            schema_pointer = join(pointer, "schema")
        elif _looks_like_schema(node):
            schema_pointer = pointer
        else:
            continue
        is_schema = schema_pointer == pointer
        for example_pointer, value in _examples_of(node, pointer, is_schema):
            if is_schema and node.get("type") == "array" and not isinstance(value, list):
                # A common habit: an array's example shows one item.
                value = [value]
            problems = schema_errors(spec, schema_pointer, value)
            if problems:
                first = problems[0]
                at = from_parts(first.absolute_path)
                found.append(
                    warning(
                        name,
                        example_pointer,
                        f"example does not match its schema{' at ' + at if at else ''}: "
                        f"{_first_line(first.message)}",
                        "fix the example in an overlay; the client tolerates such responses",
                    )
                )
    return found


def _looks_like_schema(node: dict[str, Any]) -> bool:
    return "example" in node or isinstance(node.get("examples"), list)


def _examples_of(node: dict[str, Any], pointer: str, is_schema: bool) -> Iterator[tuple[str, Any]]:
    if "example" in node:
        yield join(pointer, "example"), node["example"]
    examples = node.get("examples")
    if is_schema and isinstance(examples, list):
        for index, value in enumerate(examples):
            yield join(pointer, "examples", index), value
    elif isinstance(examples, dict):
        for key, example in examples.items():
            if isinstance(example, dict) and "value" in example:
                yield join(pointer, "examples", key, "value"), example["value"]
