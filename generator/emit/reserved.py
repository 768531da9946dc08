"""Names the generated code already uses, that a name from the spec must not take.

Each set is read from where the names are defined: the client classes of the
hand-written runtime (``templates/runtime/_base_client.py``, parsed with
``ast``), and the names the templates spell in a client's ``__init__`` and in
a method's body (tests/test_reserved.py holds those two equal to what the
templates render). Plain functions returning frozensets, for every check
of a name against the generated code's own.
"""

from __future__ import annotations

import ast
import functools
import re
from pathlib import Path

from generator.inputs import TEMPLATES

__all__ = [
    "CLIENT_CLASSES",
    "MODELS_MODULE_NAMES",
    "RESOURCE_MODULE_NAMES",
    "client_attributes",
    "client_init_names",
    "method_body_names",
    "resource_class_reserved",
    "resource_members",
    "runtime_class_members",
]

CLIENT_CLASSES = ("_BaseClient", "SyncAPIClient", "AsyncAPIClient")
"""The runtime classes the generated ``Client`` and ``AsyncClient`` derive from."""

_CLIENT_TEMPLATE_MEMBERS = frozenset(
    {"__init__", "_package_version", "from_saved_account", "with_options"}
)
"""What ``templates/package/_client.py.j2`` defines on ``Client`` besides its resources."""

_CLIENT_INIT_NAMES = frozenset(
    {
        "self",
        "api_key",
        "cloud_url",
        "exchange",
        "fallback_url",
        "token",
        "service_crn",
        "auth",
        "iam_url",
        "base_url",
        "region",
        "timeout",
        "max_retries",
        "max_response_bytes",
        "deadline",
        "http_client",
        "default_headers",
        "strict",
        "settings",
    }
)
"""The arguments and locals of the generated ``Client.__init__``, header options aside."""

_METHOD_BODY_NAMES = frozenset({"self", "body", "result", "pager"})

MODELS_MODULE_NAMES = frozenset(
    {
        # Every name datamodel-code-generator's import table can bind in a module
        # (its ``Import`` constants; tests/test_name_collisions.py holds the two equal).
        *("AliasChoices", "Annotated", "Any", "AnyUrl", "AwareDatetime", "Base64Bytes"),
        *("Base64Encoder", "Base64Str", "BaseModel", "ClassVar", "ConfigDict", "Date"),
        *("DateTime", "Decimal", "Dict", "Duration", "EmailStr", "EncodedBytes", "Enum"),
        *("Field", "FrozenSet", "FutureDate", "FutureDatetime", "IPv4Address", "IPv4Network"),
        *("IPv6Address", "IPv6Network", "IntEnum", "Iterator", "List", "Literal", "MISSING"),
        *("Mapping", "Meta", "MultipleOf", "NaiveDatetime", "NegativeFloat", "NegativeInt"),
        *("NonNegativeFloat", "NonNegativeInt", "NonPositiveFloat", "NonPositiveInt"),
        *("NotRequired", "Optional", "PastDate", "PastDatetime", "Path", "PositiveFloat"),
        *("PositiveInt", "ReadOnly", "Required", "RootModel", "SecretStr", "Sequence"),
        *("SerializeAsAny", "Set", "StrEnum", "StrictBool", "StrictBytes", "StrictFloat"),
        *("StrictInt", "StrictStr", "StringConstraints", "Struct", "SupportsIndex", "Time"),
        *("Tuple", "TypeAdapter", "TypeAlias", "TypeAliasType", "TypedDict", "ULID", "UNSET"),
        *("UUID", "UUID1", "UUID3", "UUID4", "UUID5", "Union", "UnsetType", "ValidationInfo"),
        *("ValidatorFunctionWrapHandler", "annotations", "compile", "conbytes", "condecimal"),
        *("confloat", "conint", "constr", "convert", "dataclass", "date", "datetime"),
        *("datetime_module", "field", "field_validator", "model_validator", "overload"),
        *("time", "timedelta", "to_camel", "to_pascal", "to_snake"),
        # What generator.emit.models adds for the type aliases of collapsed models.
        *("_datetime", "Sequence", "Mapping"),
    }
)
"""Names ``models.py`` may bind at module level besides its models: a model must not
take one (a schema ``Annotated`` would shadow ``typing.Annotated``)."""
"""What a generated method's body binds besides the call and convenience options."""


def runtime_class_members(source: Path, classes: tuple[str, ...]) -> frozenset[str]:
    """Every attribute ``classes`` of the module ``source`` define: methods, class
    attributes and the ``self.<name>`` their methods assign."""
    tree = ast.parse(source.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name in classes:
            for item in node.body:
                if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef):
                    names.add(item.name)
                    names |= _self_attributes(item)
                elif isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
                    names.add(item.target.id)
                elif isinstance(item, ast.Assign):
                    names |= {t.id for t in item.targets if isinstance(t, ast.Name)}
    return frozenset(names)


def _self_attributes(function: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    return {
        node.attr
        for node in ast.walk(function)
        if isinstance(node, ast.Attribute)
        and isinstance(node.ctx, ast.Store)
        and isinstance(node.value, ast.Name)
        and node.value.id == "self"
    }


@functools.cache
def client_attributes(templates: Path = TEMPLATES) -> frozenset[str]:
    """Attributes of the generated client classes, which a resource must not take."""
    runtime = templates / "runtime" / "_base_client.py"
    return runtime_class_members(runtime, CLIENT_CLASSES) | _CLIENT_TEMPLATE_MEMBERS


RESOURCE_MODULE_NAMES = frozenset(
    {
        # What a resource module imports (generator.emit.plan, conveniences, options,
        # types; tests/test_name_collisions.py holds these to the rendered modules').
        *("annotations", "TYPE_CHECKING", "Any", "Literal", "Sequence", "Mapping", "httpx"),
        *("cached_property", "Endpoint", "ResponseKind", "Param", "CallOptions", "models"),
        *("params",),  # the request TypedDicts (generator.emit.params)
        *("raw_response", "async_raw_response", "SyncAPIClient", "AsyncAPIClient"),
        *("SyncPager", "AsyncPager", "OffsetPages", "CursorPages", "FinalStatus", "datetime"),
        *("builtins", "importlib"),
    }
)
"""Names a resource module binds besides its classes: no resource class may take one."""


@functools.cache
def resource_class_reserved(templates: Path = TEMPLATES) -> frozenset[str]:
    """Names a resource class (``Items``, ``AsyncItems``, ``ItemsWithRawResponse``) must
    not take: what its own module imports, and what ``_client.py`` (which imports it)
    binds at module level: its imports, classes and constants."""
    source = (templates / "package" / "_client.py.j2").read_text(encoding="utf-8")
    names = set(RESOURCE_MODULE_NAMES)
    for line in source.splitlines():
        imported = re.match(r"from \S+ import ([\w, ]+)$", line)
        if imported:
            names |= {n.strip() for n in imported.group(1).split(",") if n.strip()}
        defined = re.match(r"(?:class |import )?([A-Za-z_]\w*)\b(?:\(|:| =)", line)
        if defined and line[:1].isalpha():
            names.add(defined.group(1))
    names |= {"Client", "AsyncClient", "iam_setup", "saved_account", "Any", "Literal"}
    return frozenset(names)


@functools.cache
def resource_members(templates: Path = TEMPLATES) -> frozenset[str]:
    """What the resource template defines on a resource class and its raw-response view
    (``__init__``, ``_client``, ``with_raw_response``): no method may take one."""
    source = (templates / "package" / "resources" / "resource.py.j2").read_text(encoding="utf-8")
    defined = re.findall(r"\bdef ([A-Za-z_]\w*)\(", source)
    assigned = re.findall(r"\bself\.([A-Za-z_]\w*)\b", source)
    return frozenset(defined) | frozenset(assigned)


def client_init_names() -> frozenset[str]:
    """Names in the generated ``Client.__init__``, which a header option must not take."""
    return _CLIENT_INIT_NAMES


def method_body_names() -> frozenset[str]:
    """Names a generated method's body binds besides its options (``self``, ``result``)."""
    return _METHOD_BODY_NAMES
