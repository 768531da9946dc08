"""Wire-contract rules, table-driven: each spec pair gives exactly these (kind, severity)."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from generator.diff.changes import Severity

from .conftest import SEED
from .tiny_spec import at, base, param, schema, wire_changes

Edit = Callable[[dict[str, Any]], object]
BREAKING, WARNING, INFO = "breaking", "warning", "info"


@dataclass(frozen=True)
class Case:
    name: str
    edit: Edit
    expected: list[tuple[str, str]]
    before: Edit | None = None  # applied to both sides first: the old spec's state

    def pair(self, start: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
        old = copy.deepcopy(start)
        if self.before is not None:
            self.before(old)
        new = copy.deepcopy(old)
        self.edit(new)
        return old, new


def _items_get(s: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = s["paths"]["/items"]["get"]
    return found


def _rename_path_parameter(s: dict[str, Any]) -> None:
    item = s["paths"].pop("/items/{id}")
    for op in item.values():
        op["parameters"][0]["name"] = "item_id"
    s["paths"]["/items/{item_id}"] = item


def _required_query(name: str) -> dict[str, Any]:
    return {"in": "query", "name": name, "required": True, "schema": {"type": "string"}}


TINY_CASES = [
    # -- operations
    Case(
        "operation removed",
        lambda s: at(s, "paths", "/items/{id}").pop("delete"),
        [("operation-removed", BREAKING)],
    ),
    Case(
        "operation added",
        lambda s: at(s, "paths", "/items/{id}").update(
            {"put": {"responses": {"204": {"description": "ok"}}}}
        ),
        [("operation-added", INFO)],
    ),
    Case(
        "operation deprecated",
        lambda s: _items_get(s).update({"deprecated": True}),
        [("operation-deprecated", INFO)],
    ),
    Case(
        "operation no longer deprecated",
        lambda s: _items_get(s).update({"deprecated": False}),
        [("operation-reactivated", INFO)],
        before=lambda s: _items_get(s).update({"deprecated": True}),
    ),
    Case(
        "operationId changed",
        lambda s: _items_get(s).update({"operationId": "items"}),
        [("operation-id-changed", INFO)],
    ),
    # -- parameters
    Case(
        "required parameter added",
        lambda s: _items_get(s)["parameters"].append(_required_query("owner")),
        [("request-parameter-added-required", BREAKING)],
    ),
    Case(
        "optional parameter added",
        lambda s: _items_get(s)["parameters"].append(
            {"in": "query", "name": "q", "schema": {"type": "string"}}
        ),
        [("request-parameter-added", INFO)],
    ),
    Case(
        "parameter removed",
        lambda s: _items_get(s)["parameters"].pop(1),
        [("request-parameter-removed", WARNING)],
    ),
    Case(
        "parameter made required",
        lambda s: param(s, "/items", "get", "limit").update({"required": True}),
        [("request-parameter-became-required", BREAKING)],
    ),
    Case(
        "parameter made optional",
        lambda s: param(s, "/items", "get", "limit").update({"required": False}),
        [("request-parameter-became-optional", INFO)],
        before=lambda s: param(s, "/items", "get", "limit").update({"required": True}),
    ),
    Case(
        "parameter type changed",
        lambda s: param(s, "/items", "get", "limit")["schema"].update({"type": "string"}),
        [("request-parameter-type-changed", BREAKING)],
    ),
    Case(
        "parameter type generalized (integer to number)",
        lambda s: param(s, "/items", "get", "limit")["schema"].update({"type": "number"}),
        [("request-parameter-type-generalized", INFO)],
    ),
    Case(
        "parameter enum value removed",
        lambda s: param(s, "/items", "get", "state")["schema"]["enum"].remove("closed"),
        [("request-parameter-enum-value-removed", BREAKING)],
    ),
    Case(
        "parameter enum value added",
        lambda s: param(s, "/items", "get", "state")["schema"]["enum"].append("archived"),
        [("request-parameter-enum-value-added", INFO)],
    ),
    Case(
        "parameter maximum decreased",
        lambda s: param(s, "/items", "get", "limit")["schema"].update({"maximum": 50}),
        [("request-parameter-max-decreased", BREAKING)],
    ),
    Case(
        "parameter maximum increased",
        lambda s: param(s, "/items", "get", "limit")["schema"].update({"maximum": 500}),
        [("request-parameter-max-increased", INFO)],
    ),
    Case(
        "parameter minimum increased",
        lambda s: param(s, "/items", "get", "limit")["schema"].update({"minimum": 5}),
        [("request-parameter-min-increased", BREAKING)],
    ),
    Case(
        "parameter maxLength decreased",
        lambda s: param(s, "/items", "get", "name")["schema"].update({"maxLength": 20}),
        [("request-parameter-max-length-decreased", BREAKING)],
    ),
    Case(
        "parameter minLength increased",
        lambda s: param(s, "/items", "get", "name")["schema"].update({"minLength": 3}),
        [("request-parameter-min-length-increased", BREAKING)],
    ),
    Case(
        "parameter pattern added",
        lambda s: param(s, "/items", "get", "name")["schema"].update({"pattern": "^[a-z]+$"}),
        [("request-parameter-pattern-added", BREAKING)],
    ),
    Case(
        "parameter pattern changed",
        lambda s: param(s, "/items", "get", "name")["schema"].update({"pattern": "^[a-z0-9]+$"}),
        [("request-parameter-pattern-changed", WARNING)],
        before=lambda s: param(s, "/items", "get", "name")["schema"].update(
            {"pattern": "^[a-z]+$"}
        ),
    ),
    Case(
        "parameter maxItems decreased",
        lambda s: param(s, "/items", "get", "tags")["schema"].update({"maxItems": 2}),
        [("request-parameter-max-items-decreased", BREAKING)],
    ),
    Case(
        "parameter default changed",
        lambda s: param(s, "/items", "get", "limit")["schema"].update({"default": 20}),
        [("request-parameter-default-changed", WARNING)],
    ),
    Case(
        "parameter deprecated",
        lambda s: param(s, "/items", "get", "state").update({"deprecated": True}),
        [("request-parameter-deprecated", INFO)],
    ),
    Case(
        "parameter serialisation changed",
        lambda s: param(s, "/items", "get", "tags").update({"explode": False}),
        [("request-parameter-style-changed", WARNING)],
    ),
    Case(
        "path parameter renamed (the URL is the same)",
        lambda s: _rename_path_parameter(s),
        [("request-path-parameter-renamed", INFO)],
    ),
    # -- request bodies
    Case(
        "request body made required",
        lambda s: at(s, "paths", "/items", "post", "requestBody").update({"required": True}),
        [("request-body-became-required", BREAKING)],
    ),
    Case(
        "required request body added",
        lambda s: at(s, "paths", "/items/{id}", "delete").update(
            {
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": {"type": "object"}}},
                }
            }
        ),
        [("request-body-added-required", BREAKING)],
    ),
    Case(
        "request body removed",
        lambda s: at(s, "paths", "/items", "post").pop("requestBody"),
        [("request-body-removed", WARNING)],
    ),
    Case(
        "request media type replaced",
        lambda s: at(s, "paths", "/items", "post", "requestBody", "content").update(
            {
                "application/xml": at(s, "paths", "/items", "post", "requestBody", "content").pop(
                    "application/json"
                )
            }
        ),
        [("request-body-media-type-removed", BREAKING), ("request-body-media-type-added", INFO)],
    ),
    Case(
        "required request property added",
        lambda s: (
            schema(s, "NewItem")["properties"].update({"owner": {"type": "string"}})
            or schema(s, "NewItem")["required"].append("owner")
        ),
        [("request-property-added-required", BREAKING)],
    ),
    Case(
        "optional request property added",
        lambda s: schema(s, "NewItem")["properties"].update({"owner": {"type": "string"}}),
        [("request-property-added", INFO)],
    ),
    Case(
        "request property removed",
        lambda s: schema(s, "NewItem")["properties"].pop("labels"),
        [("request-property-removed", WARNING)],
    ),
    Case(
        "request property made required",
        lambda s: schema(s, "NewItem")["required"].append("size"),
        [("request-property-became-required", BREAKING)],
    ),
    Case(
        "request property enum value removed",
        lambda s: schema(s, "NewItem")["properties"]["state"]["enum"].remove("closed"),
        [("request-property-enum-value-removed", BREAKING)],
    ),
    Case(
        "request property maxItems decreased",
        lambda s: schema(s, "NewItem")["properties"]["labels"].update({"maxItems": 3}),
        [("request-property-max-items-decreased", BREAKING)],
    ),
    Case(
        "request property minimum removed",
        lambda s: schema(s, "NewItem")["properties"]["size"].pop("minimum"),
        [("request-property-min-decreased", INFO)],
    ),
    Case(
        "request property no longer nullable",
        lambda s: schema(s, "NewItem")["properties"]["size"].pop("nullable"),
        [("request-property-became-not-nullable", BREAKING)],
        before=lambda s: schema(s, "NewItem")["properties"]["size"].update({"nullable": True}),
    ),
    Case(
        "request property default changed",
        lambda s: schema(s, "NewItem")["properties"]["state"].update({"default": "closed"}),
        [("request-property-default-changed", WARNING)],
    ),
    Case(
        "request oneOf alternative removed",
        lambda s: schema(s, "NewItem")["properties"]["shape"]["oneOf"].pop(1),
        [("request-property-variant-removed", BREAKING)],
    ),
    # -- responses (Item is used by three operations: each change is one entry)
    Case(
        "required response property removed",
        lambda s: (
            schema(s, "Item")["properties"].pop("name")
            and schema(s, "Item")["required"].remove("name")
        ),
        [("response-required-property-removed", BREAKING)],
    ),
    Case(
        "optional response property removed",
        lambda s: schema(s, "Item")["properties"].pop("note"),
        [("response-optional-property-removed", WARNING)],
    ),
    Case(
        "response property made optional",
        lambda s: schema(s, "Item")["required"].remove("state"),
        [("response-property-became-optional", BREAKING)],
    ),
    Case(
        "response property made nullable",
        lambda s: schema(s, "Item")["properties"]["size"].update({"nullable": True}),
        [("response-property-became-nullable", BREAKING)],
    ),
    Case(
        "response property type changed",
        lambda s: schema(s, "Item")["properties"]["size"].update({"type": "string"}),
        [("response-property-type-changed", BREAKING)],
    ),
    Case(
        "response enum value added (closed enums break on it)",
        lambda s: schema(s, "Item")["properties"]["state"]["enum"].append("archived"),
        [("response-property-enum-value-added", WARNING)],
    ),
    Case(
        "response enum value removed",
        lambda s: schema(s, "Item")["properties"]["state"]["enum"].remove("closed"),
        [("response-property-enum-value-removed", INFO)],
    ),
    Case(
        "response property added",
        lambda s: schema(s, "Item")["properties"].update({"owner": {"type": "string"}}),
        [("response-property-added", INFO)],
    ),
    Case(
        "response maxLength increased",
        lambda s: schema(s, "Item")["properties"]["name"].update({"maxLength": 100}),
        [("response-property-max-length-increased", WARNING)],
    ),
    Case(
        "response format changed",
        lambda s: schema(s, "Item")["properties"]["created"].update({"format": "date"}),
        [("response-property-format-changed", WARNING)],
    ),
    Case(
        "response body type changed",
        lambda s: at(
            s, "paths", "/health", "get", "responses", "200", "content", "text/plain", "schema"
        ).update({"type": "integer"}),
        [("response-body-type-changed", BREAKING)],
    ),
    Case(
        "success status replaced",
        lambda s: at(s, "paths", "/items", "post", "responses").update(
            {"200": at(s, "paths", "/items", "post", "responses").pop("201")}
        ),
        [("response-success-status-removed", BREAKING), ("response-success-status-added", INFO)],
    ),
    Case(
        "error status removed",
        lambda s: _items_get(s)["responses"].pop("400"),
        [("response-error-status-removed", INFO)],
    ),
    Case(
        "response media type replaced",
        lambda s: at(s, "paths", "/health", "get", "responses", "200", "content").update(
            {
                "application/json": at(
                    s, "paths", "/health", "get", "responses", "200", "content"
                ).pop("text/plain")
            }
        ),
        [("response-media-type-removed", BREAKING), ("response-media-type-added", INFO)],
    ),
    # -- security and servers
    Case(
        "security alternative added",
        lambda s: s["security"].append({"Bearer": []}),
        [("security-alternative-added", INFO)],
    ),
    Case(
        "security alternative removed",
        lambda s: s["security"].pop(1),
        [("security-alternative-removed", BREAKING)],
        before=lambda s: s["security"].append({"Bearer": []}),
    ),
    Case(
        "open operation now needs authentication",
        lambda s: at(s, "paths", "/health", "get").pop("security"),
        [("security-added", BREAKING)],
    ),
    Case(
        "security scheme header renamed",
        lambda s: at(s, "components", "securitySchemes", "ApiKey").update({"name": "X-Api-Key"}),
        [("security-scheme-changed", BREAKING)],
    ),
    Case(
        "server URL changed",
        lambda s: s["servers"][1].update({"url": "https://eu2.example.com/api"}),
        [("server-url-changed", WARNING)],
    ),
    Case("server removed", lambda s: s["servers"].pop(1), [("server-removed", BREAKING)]),
    Case(
        "server added",
        lambda s: s["servers"].append({"url": "https://jp.example.com/api", "x-region": "jp"}),
        [("server-added", INFO)],
    ),
]


def _seed_job(s: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = at(
        s,
        "paths",
        "/v1/jobs/{id}",
        "get",
        "responses",
        "200",
        "content",
        "application/json",
        "schema",
    )
    return found


def _seed_version_defaults(s: dict[str, Any]) -> None:
    for item in s["paths"].values():
        owners = [item, *(op for op in item.values() if isinstance(op, dict))]
        for owner in owners:
            for p in owner.get("parameters", []):
                if p["name"] == "IBM-API-Version":
                    p["schema"]["default"] = "2026-06-01"


SEED_CASES = [
    Case(
        "seed: response property removed",
        lambda s: _seed_job(s)["properties"].pop("backend"),
        [("response-optional-property-removed", WARNING)],
    ),
    Case(
        "seed: required query parameter added",
        lambda s: at(s, "paths", "/v1/jobs", "get", "parameters").append(_required_query("region")),
        [("request-parameter-added-required", BREAKING)],
    ),
    Case(
        "seed: response enum value added",
        lambda s: _seed_job(s)["properties"]["state"]["properties"]["status"]["enum"].append(
            "Paused"
        ),
        [("response-property-enum-value-added", WARNING)],
    ),
    Case(
        "seed: operation added",
        lambda s: at(s, "paths").update(
            {
                "/v1/jobs/{id}/retry": {
                    "post": {
                        "operationId": "retry_job",
                        "responses": {"204": {"description": "ok"}},
                    }
                }
            }
        ),
        [("operation-added", INFO)],
    ),
    Case(
        "seed: limit maximum lowered",
        lambda s: at(s, "paths", "/v1/jobs", "get", "parameters", 0, "schema").update(
            {"maximum": 100}
        ),
        [("request-parameter-max-decreased", BREAKING)],
    ),
    Case(
        "seed: operation deprecated",
        lambda s: at(s, "paths", "/v1/sessions/{id}/close", "delete").update({"deprecated": True}),
        [("operation-deprecated", INFO)],
    ),
    Case(
        "seed: API version header default moved everywhere (one entry)",
        _seed_version_defaults,
        [("request-parameter-default-changed", WARNING)],
    ),
]


def _kinds(old: dict[str, Any], new: dict[str, Any]) -> list[tuple[str, str]]:
    return sorted((c.kind, c.severity.value) for c in wire_changes(old, new))


@pytest.mark.parametrize("case", TINY_CASES, ids=[c.name for c in TINY_CASES])
def test_tiny_spec_edit_gives_exactly_the_expected_kinds_and_severities(case: Case) -> None:
    old, new = case.pair(base())
    assert _kinds(old, new) == sorted(case.expected)


@pytest.fixture(scope="module")
def seed() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SEED.read_text(encoding="utf-8"))
    return loaded


@pytest.mark.parametrize("case", SEED_CASES, ids=[c.name for c in SEED_CASES])
def test_seed_edit_gives_exactly_the_expected_kinds_and_severities(
    case: Case, seed: dict[str, Any]
) -> None:
    old, new = case.pair(seed)
    assert _kinds(old, new) == sorted(case.expected)


def test_the_table_covers_at_least_forty_pairs_and_forty_kinds() -> None:
    cases = TINY_CASES + SEED_CASES
    kinds = {kind for case in cases for kind, _ in case.expected}
    assert len(cases) >= 40
    assert len(kinds) >= 40


def test_seed_against_itself_has_no_wire_change(seed: dict[str, Any]) -> None:
    assert wire_changes(seed, copy.deepcopy(seed)) == []


def test_a_shared_component_change_is_one_entry_listing_every_operation() -> None:
    old, new = base(), base()
    schema(new, "Item")["properties"].pop("note")
    [change] = wire_changes(old, new)
    assert change.operations == ("GET /items", "POST /items", "GET /items/{id}")
    assert change.pointer == "/components/schemas/Item/properties"
    assert change.message == "response property `Item.note`: removed"


def test_ten_changes_in_a_schema_shared_by_thirty_operations_give_ten_entries() -> None:
    old = base()
    job = {
        "type": "object",
        "required": ["p0"],
        "properties": {f"p{i}": {"type": "string", "maxLength": 10} for i in range(10)},
    }
    old["components"]["schemas"]["Job"] = job
    for index in range(30):
        old["paths"][f"/jobs{index}"] = {
            "get": {
                "responses": {
                    "200": {
                        "description": "a job",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Job"}}
                        },
                    }
                }
            }
        }
    new = copy.deepcopy(old)
    properties = schema(new, "Job")["properties"]
    for i in range(1, 10):
        properties[f"p{i}"]["maxLength"] = 20  # nine loosened bounds
    schema(new, "Job")["required"] = []  # p0 became optional
    changes = wire_changes(old, new)
    assert len(changes) == 10
    assert all(len(c.places) == 30 for c in changes)
    assert sum(c.severity is Severity.BREAKING for c in changes) == 1


ADDITIONS = [
    "operation added",
    "optional parameter added",
    "parameter enum value added",
    "parameter maximum increased",
    "optional request property added",
    "response property added",
    "security alternative added",
    "server added",
]


def test_pure_additions_together_are_never_breaking() -> None:
    old, new = base(), base()
    for case in TINY_CASES:
        if case.name in ADDITIONS:
            case.edit(new)
    changes = wire_changes(old, new)
    assert len(changes) == len(ADDITIONS)
    assert {c.severity for c in changes} == {Severity.INFO}
    assert all(c.addition for c in changes)


def test_every_change_names_its_operation_and_a_pointer_that_exists_in_the_new_spec() -> None:
    from generator.spec import pointer as jp

    for case in TINY_CASES:
        old, new = case.pair(base())
        for change in wire_changes(old, new):
            for place in change.places:
                jp.follow(new, place.pointer)  # raises KeyError when it is not there
                if change.kind.startswith(("request-", "response-", "operation-")):
                    assert place.operation, (case.name, change)


def test_a_union_of_typed_members_is_named_by_their_types() -> None:
    old = base()
    new = base()
    schema(new, "Item")["properties"]["note"] = {"anyOf": [{"type": "string"}, {"type": "integer"}]}
    changes = [c for c in wire_changes(old, new) if c.kind == "response-property-type-generalized"]
    assert len(changes) == 1
    assert "type changed from `string` to `integer | string`" in changes[0].message
