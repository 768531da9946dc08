"""The intermediate representation: what the spec means for a Python client.

Frozen dataclasses only, no behaviour. Every node keeps the JSON pointer it
came from, so any later message can point back at the spec. Schemas are JSON
Schema dictionaries in which every named model is a ``$ref`` to
``#/components/schemas/<ModelName>``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

__all__ = [
    "PARAMETER_LOCATIONS",
    "Api",
    "Body",
    "ClientConfig",
    "ClientOption",
    "Credential",
    "Model",
    "Operation",
    "Pagination",
    "Parameter",
    "ParameterLocation",
    "Resource",
    "Response",
    "ResponseContent",
    "SecurityScheme",
    "Server",
    "Waiter",
]

JsonSchema = dict[str, Any]
ParameterLocation = Literal["path", "query", "header", "cookie"]
PARAMETER_LOCATIONS: tuple[ParameterLocation, ...] = get_args(ParameterLocation)


@dataclass(frozen=True)
class Server:
    url: str
    description: str
    region: str


@dataclass(frozen=True)
class SecurityScheme:
    name: str
    kind: str  # apiKey | http | oauth2 | openIdConnect
    location: str  # header | query | cookie | "" for http schemes
    parameter: str  # header/query/cookie name, or the http scheme (bearer, basic)
    description: str
    pointer: str


@dataclass(frozen=True)
class Parameter:
    name: str  # as on the wire
    python_name: str
    location: ParameterLocation
    required: bool
    deprecated: bool
    description: str
    schema: JsonSchema
    style: str
    explode: bool
    pointer: str


@dataclass(frozen=True)
class Body:
    media_type: str
    required: bool
    description: str
    schema: JsonSchema
    pointer: str


@dataclass(frozen=True)
class ResponseContent:
    media_type: str
    schema: JsonSchema | None
    pointer: str


@dataclass(frozen=True)
class Response:
    status: str  # "200", "4XX", "default"
    description: str
    content: tuple[ResponseContent, ...]
    pointer: str


@dataclass(frozen=True)
class Pagination:
    """``x-pagination``: a method that iterates over every item across pages."""

    style: str  # offset | cursor
    method: str  # Python name of the iterating method: list_all
    items: str  # the response member holding a page's items
    limit: str  # wire name of the page-size parameter ("" when there is none)
    offset: str  # offset style: wire name of the offset parameter
    total: str  # offset style: response member with the total count ("")
    cursor: str  # cursor style: wire name of the parameter taking the cursor
    next: str  # cursor style: path in the response to the next cursor or URL
    pointer: str


@dataclass(frozen=True)
class Waiter:
    """``x-wait``: a method that polls this operation until a final status."""

    method: str  # Python name: wait
    status: str  # path in the response to the status
    final: tuple[str, ...]
    pointer: str
    failed: tuple[str, ...] = ()  # final statuses that mean failure (JobFailedError)
    cancelled: tuple[str, ...] = ()  # ... that mean cancellation (JobCancelledError)
    reasons: tuple[tuple[str, str], ...] = ()  # reason, reason_code, reason_solution -> path


@dataclass(frozen=True)
class Operation:
    operation_id: str
    python_name: str
    method: str  # upper case
    path: str
    summary: str
    description: str
    deprecated: bool
    parameters: tuple[Parameter, ...]
    body: Body | None
    responses: tuple[Response, ...]
    security: tuple[tuple[str, ...], ...]  # alternatives, each a set of scheme names
    pointer: str
    extensions: dict[str, Any] = field(default_factory=dict)  # the operation's x-* values
    timeout: float | None = None  # x-timeout: seconds to read the response
    pagination: Pagination | None = None
    waiter: Waiter | None = None
    preset_body: Any = None
    """``x-python-presets``: this operation is a preset of the one at ``pointer``: a
    method that sends this fixed JSON body (``sessions.close``: ``{accepting_jobs: false}``)."""


@dataclass(frozen=True)
class Resource:
    tag: str
    python_name: str  # attribute on the client: jobs
    class_name: str  # Jobs
    description: str
    operations: tuple[Operation, ...]


@dataclass(frozen=True)
class Model:
    name: str
    schema: JsonSchema
    pointers: tuple[str, ...]  # every place in the spec this model stands for


@dataclass(frozen=True)
class ClientOption:
    """A header parameter with a default that the client sends unless a call overrides it."""

    header: str
    python_name: str
    default: str
    description: str


@dataclass(frozen=True)
class Credential:
    """A security scheme as the client takes it: its arguments, variables and kind.

    Built by ``ir/security.py`` from the scheme and its ``x-`` extensions.
    """

    scheme: str  # the spec's name
    kind: str  # header | query | cookie | bearer | basic
    parameter: str  # the header, query or cookie name; "" for bearer and basic
    arguments: tuple[str, ...]  # Client keywords: ("api_key",), ("username", "password")
    env: tuple[str | None, ...]  # each argument's variable; "" for none, None: derived
    label: str  # what the value is, for docstrings and messages
    prefix: str  # sent before the value: "apikey "
    exchange: str  # "" or the auth kind that exchanges the value for a token
    options: Mapping[str, str]  # that exchange's options
    pointer: str


@dataclass(frozen=True)
class ClientConfig:
    """How the client presents itself: ``x-client`` at the spec's root, and its credentials."""

    name: str = ""  # the API's display name
    credentials: tuple[Credential, ...] = ()
    alternatives: tuple[tuple[str, ...], ...] = ()  # each a set of schemes sent together
    readme: Mapping[str, str] = field(default_factory=dict)  # example code by section
    keywords: tuple[str, ...] = ()
    urls: tuple[tuple[str, str], ...] = ()  # (label, URL) for the package metadata
    classifiers: tuple[str, ...] = ()  # beside the generic ones


@dataclass(frozen=True)
class Api:
    title: str
    version: str
    description: str
    openapi: str
    servers: tuple[Server, ...]
    security_schemes: tuple[SecurityScheme, ...]
    resources: tuple[Resource, ...]
    models: tuple[Model, ...]
    client_options: tuple[ClientOption, ...]
    extras: tuple[str, ...] = ()
    """Optional hand-written modules the package carries (``x-python-extras``), from
    ``templates/extras/``: ``results`` decodes Qiskit Runtime primitive results."""
    client: ClientConfig = field(default_factory=ClientConfig)
