"""Validate stage: openapi-spec-validator, plus checks it does not make.

* Every validator error becomes a diagnostic with the JSON pointer of the
  offending node. The validator gives an empty path for a schema ``default``
  that its own schema rejects; the pointer is then found by re-checking each
  ``default`` in the document.
* ``$ref`` to a remote (http/https) document is refused unless allowed, so
  validation never reaches the network.
* An ``example``/``examples`` value that its own schema rejects is a warning:
  documentation drift, not a reason to stop.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import referencing
import referencing.jsonschema
from jsonschema.exceptions import ValidationError
from openapi_schema_validator import (
    OAS30Validator,
    OAS31Validator,
    oas30_format_checker,
    oas31_format_checker,
)
from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator

from .diagnostics import Diagnostic, error, warning
from .pointer import from_parts, join

__all__ = ["check_examples", "find_remote_refs", "is_openapi_31", "validate_spec"]

_SPEC_URI = "urn:openapi-spec"


def is_openapi_31(spec: Any) -> bool:
    return isinstance(spec, dict) and str(spec.get("openapi", "")).startswith("3.1")


def validate_spec(spec: Any, name: str, base_uri: str, allow_remote_refs: bool) -> list[Diagnostic]:
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
    remote = [] if allow_remote_refs else find_remote_refs(spec, name)
    if remote:
        return remote
    validator_class = OpenAPIV31SpecValidator if is_openapi_31(spec) else OpenAPIV30SpecValidator
    validator = validator_class(spec, base_uri=base_uri)
    diagnostics = []
    seen: set[tuple[str, str]] = set()
    try:
        errors = list(validator.iter_errors())
    except Exception as exc:
        return [
            error(name, "", f"the validator could not read the document: {exc}", "fix the $ref")
        ]
    for err in errors:
        message = _first_line(str(err.message))
        pointer = from_parts(err.path) if err.path else _locate_invalid_default(spec, err)
        if (pointer, message) in seen:
            continue
        seen.add((pointer, message))
        diagnostics.append(error(name, pointer, message, _hint_for(err)))
    return diagnostics


def _first_line(text: str) -> str:
    line = text.splitlines()[0] if text else "invalid"
    return line if len(line) <= 300 else line[:297] + "..."


def _hint_for(err: ValidationError) -> str:
    if err.validator == "enum":
        return "use one of the allowed values, or fix it in an overlay under spec/overlays/"
    if err.validator == "required":
        return "add the missing field, in an overlay if the spec is upstream's"
    return "fix the spec, or correct it with an overlay under spec/overlays/"


def _locate_invalid_default(spec: dict[str, Any], err: ValidationError) -> str:
    """The pointer of the first ``default`` that its own schema rejects with ``err``'s message."""
    for pointer, schema in _walk_dicts(spec, ""):
        if "default" not in schema or "/x-" in pointer:
            continue
        for problem in _schema_errors(spec, pointer, schema["default"]):
            if problem.message == err.message:
                return join(pointer, "default")
    return ""


def _walk_dicts(node: Any, pointer: str) -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        yield pointer, node
        for key, value in node.items():
            yield from _walk_dicts(value, join(pointer, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk_dicts(value, join(pointer, index))


def find_remote_refs(spec: Any, name: str) -> list[Diagnostic]:
    found = []
    for pointer, node in _walk_dicts(spec, ""):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(("http://", "https://", "//")):
            found.append(
                error(
                    name,
                    join(pointer, "$ref"),
                    f"remote reference {ref!r} refused",
                    "copy the document next to the spec and refer to it by relative path, "
                    "or pass --allow-remote-refs",
                )
            )
    return found


def _schema_errors(
    spec: dict[str, Any], schema_pointer: str, instance: Any
) -> list[ValidationError]:
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
    except (referencing.exceptions.Unresolvable, RecursionError):
        return []


def check_examples(spec: dict[str, Any], name: str) -> list[Diagnostic]:
    """Warnings for every ``example``/``examples`` value its own schema rejects."""
    found = []
    for pointer, node in _walk_dicts(spec, ""):
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
            problems = _schema_errors(spec, schema_pointer, value)
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
