"""The spec's JSON Schema of an operation's answer, and the answers checked against it.

The schema is the 200 (else first 2xx) JSON response of the operation in the
dereferenced, overlaid spec, validated as OpenAPI 3.0 read in a response
(``OAS30ReadValidator``: ``nullable`` honoured, also beside a ``$ref`` or a
composition as the generator reads it, ``writeOnly`` properties refused)
with formats checked. Each error is placed at the spec pointer of
the schema keyword that failed, following every ``$ref`` it went through.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jsonschema import validators
from jsonschema.exceptions import ValidationError
from openapi_schema_validator import OAS30ReadValidator, OAS31Validator, oas30_format_checker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4, DRAFT202012

from generator.responses.walk import resolved_pointer
from generator.spec import pointer as jp

__all__ = ["SchemaChecker", "SchemaError", "response_schema_pointers", "schema_errors"]

_SPEC_URI = "urn:qiskit-runtime-api:spec"


@dataclass(frozen=True)
class SchemaError:
    spec_pointer: str  # the schema node whose keyword failed
    keyword: str  # maxLength, type, required, ...
    answer_pointer: str
    message: str
    instance: Any


def _nullable_beside(keyword: str) -> Any:
    original = OAS30ReadValidator.VALIDATORS[keyword]

    def check(validator: Any, value: Any, instance: Any, schema: dict[str, Any]) -> Any:
        if instance is None and schema.get("nullable") is True:
            return
        yield from original(validator, value, instance, schema)

    return check


# The generator reads `nullable: true` beside a `$ref` or a composition as "or null"
# (see the README's OpenAPI table); OpenAPI 3.0.3 gives it no effect without a `type`.
# The check follows the generator, so both halves judge the same contract.
_OAS30Read = validators.extend(
    OAS30ReadValidator,
    {keyword: _nullable_beside(keyword) for keyword in ("$ref", "allOf", "anyOf", "oneOf")},
)


def response_schema_pointers(spec: dict[str, Any]) -> dict[str, str]:
    """operationId -> pointer of its success answer's JSON schema, for operations with one."""
    found: dict[str, str] = {}
    for path, item in (spec.get("paths") or {}).items():
        for method, operation in (item or {}).items():
            if not isinstance(operation, dict) or not isinstance(operation.get("operationId"), str):
                continue
            responses = operation.get("responses") or {}
            statuses = sorted(s for s in responses if str(s).startswith("2"))
            for status in (["200"] if "200" in responses else []) + statuses:
                content = (responses[status] or {}).get("content") or {}
                media = next((m for m in content if "json" in m), None)
                if media is not None and "schema" in content[media]:
                    found[operation["operationId"]] = jp.join(
                        "/paths", path, method, "responses", status, "content", media, "schema"
                    )
                    break
    return found


class SchemaChecker:
    """The validators of one spec, one per schema pointer, made once."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = spec
        self._validators: dict[str, Any] = {}

    def errors(self, schema_pointer: str, data: Any) -> list[SchemaError]:
        """Every way ``data`` breaks the schema at ``schema_pointer``."""
        validator = self._validators.get(schema_pointer)
        if validator is None:
            validator = self._validators[schema_pointer] = _validator(self.spec, schema_pointer)
        return [_placed(self.spec, schema_pointer, e) for e in validator.iter_errors(data)]


def schema_errors(spec: dict[str, Any], schema_pointer: str, data: Any) -> list[SchemaError]:
    """Every way ``data`` breaks the schema at ``schema_pointer``."""
    return SchemaChecker(spec).errors(schema_pointer, data)


def _validator(spec: dict[str, Any], schema_pointer: str) -> Any:
    oas31 = str(spec.get("openapi", "")).startswith("3.1")
    resource = Resource.from_contents(spec, default_specification=DRAFT202012 if oas31 else DRAFT4)
    registry: Registry[Any] = Registry().with_resource(_SPEC_URI, resource)
    root = {"$ref": f"{_SPEC_URI}#{schema_pointer}"}
    return (
        OAS31Validator(root, registry=registry)
        if oas31
        else _OAS30Read(root, registry=registry, format_checker=oas30_format_checker)
    )


def _placed(spec: dict[str, Any], schema_pointer: str, e: ValidationError) -> SchemaError:
    # jsonschema leaves the ``$ref`` steps out of the path: each is followed here.
    path = list(e.absolute_schema_path)
    keyword = str(path.pop()) if path else str(e.validator)
    current = resolved_pointer(spec, schema_pointer)
    for token in path:
        current = resolved_pointer(spec, jp.join(current, token))
    answer = jp.from_parts(e.absolute_path)
    if keyword == "required" and isinstance(e.instance, dict):
        # Placed at the missing member's own schema, as the models' "missing" is.
        missing = [n for n in e.validator_value if n not in e.instance and repr(n) in e.message]
        if missing:
            current = jp.join(current, "properties", missing[0])
            answer = jp.join(answer, missing[0])
            return SchemaError(current, keyword, answer, e.message, None)
    return SchemaError(current, keyword, answer, e.message, e.instance)
