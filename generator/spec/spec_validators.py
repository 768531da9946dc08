"""openapi-spec-validator's validator classes, as the validate stage runs them.

The library's own classes, subclassed through the hooks it defines them with
(the ``keyword_validators``, ``resolver_handlers`` and ``schema_validator``
class attributes), with three changes:

* Located: every error leaving a keyword validator is tagged (``PLACE``) with
  the place of the node it checked, so the diagnostic can name the full JSON
  pointer: the library reports an error relative to that node, or with no path.
* No retrieval: the resolver refuses every document but the spec
  (``_NO_RETRIEVAL``).
* Work done once (``reuse=True``, the default), the same errors in the same order:

  - the document's check against the OpenAPI schema runs with that schema's
    reference registry crawled once. The library's validator holds it uncrawled,
    and ``referencing`` crawls it anew for each ``$dynamicRef: '#meta'`` it
    resolves from there: 1,947 crawls for OpenAI's 3.1 spec, 40 % of its validation;
  - each Schema Object's check against its dialect's meta-schema
    (``openapi_schema_validator.validators.check_openapi_schema``) reuses one
    meta-schema validator per (class, format checker) instead of building one
    per schema, and is not run again on a value found clean (a third of
    OpenAI's 1,536 checked schemas repeat another's value), in this run or an
    earlier one (``clean_values``);
  - the OpenAPI schema's check of a value against one of its definitions (a
    ``$ref`` to 3.0's ``#/definitions/*`` or 3.1's ``#/$defs/*``: a path item, an
    operation, a response, a Schema Object, …) is not run again on a value found
    clean against the same definition either, so after a spec update the check
    descends only into the parts that changed;
  - the schema keyword validator's lists of the schemas it has seen answer
    ``in`` from a set (as lists they make it quadratic in the number of schemas).

  Each applies only where the library has the shape it was written against
  (the versions in ``_CHECKED_VERSIONS``, the functions and fields it replaces);
  elsewhere the library's own piece runs. ``reuse=False`` gives the library's
  pieces throughout: the reference that ``tests/test_validator_reuse.py``
  compares with.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from typing import Any

import attrs
import jsonschema_specifications  # type: ignore[import-untyped]
import openapi_schema_validator
import openapi_schema_validator.validators as oas_validators
import openapi_spec_validator
import referencing
from jsonschema import Draft4Validator, Draft202012Validator, _keywords
from jsonschema.exceptions import SchemaError, ValidationError
from jsonschema.validators import extend, validator_for
from jsonschema_path import SchemaPath
from openapi_schema_validator._specifications import REGISTRY as OPENAPI_SPECIFICATIONS
from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator
from openapi_spec_validator.schemas import get_validator_backend
from openapi_spec_validator.validation.exceptions import (
    ExtraParametersError,
    OpenAPIValidationError,
)
from openapi_spec_validator.validation.keywords import SchemaValidator, ValueValidator

from generator.spec.clean_values import clean_values, kind_of

__all__ = ["PLACE", "fast_node_checks", "reuse_applies", "spec_validator_class"]

PLACE = "_generator_place"
"""The attribute of an error that holds the parts of the node its keyword validator checked."""

# The versions whose source the reuse was checked against (``check_openapi_schema``'s
# body is repeated in ``_reused_checker``; the lists are ``SchemaValidator``'s).
_CHECKED_VERSIONS = {
    openapi_spec_validator: frozenset({"0.9.0"}),
    openapi_schema_validator: frozenset({"0.9.0"}),
}


@functools.cache
def spec_validator_class(openapi_31: bool, reuse: bool = True) -> type[Any]:
    """The validator class for an OpenAPI 3.0 or 3.1 document."""
    library = OpenAPIV31SpecValidator if openapi_31 else OpenAPIV30SpecValidator
    keyword_validators = dict(library.keyword_validators)
    attributes: dict[str, Any] = {"resolver_handlers": _NO_RETRIEVAL}
    if reuse and reuse_applies():
        keyword_validators["schema"] = _reusing(keyword_validators["schema"])
        crawled = _crawled(library.schema_validator)
        if crawled is not None:
            attributes["schema_validator"] = crawled
    attributes["keyword_validators"] = {k: _located(v) for k, v in keyword_validators.items()}
    return type(library.__name__, (library,), attributes)


def reuse_applies() -> bool:
    """Whether the installed libraries are the ones the reuse was written against."""
    return (
        all(
            getattr(module, "__version__", None) in versions
            for module, versions in _CHECKED_VERSIONS.items()
        )
        and hasattr(SchemaValidator, "_get_schema_checker")
        and get_validator_backend() == "jsonschema"
    )


# -- located ---------------------------------------------------------------------


def _located(cls: type[Any]) -> type[Any]:
    def __call__(self: Any, *args: Any, **kwargs: Any) -> Iterator[ValidationError]:
        node = next(
            (a for a in reversed([*args, *kwargs.values()]) if isinstance(a, SchemaPath)), None
        )
        for err in cls.__call__(self, *args, **kwargs):
            if node is not None and not hasattr(err, PLACE):
                suffix = _suffix(cls, err)
                if not isinstance(err, OpenAPIValidationError):
                    err = OpenAPIValidationError.create_from(err)
                setattr(err, PLACE, (*node.parts, *suffix))
            yield err

    return type(cls.__name__, (cls,), {"__call__": __call__})


def _suffix(checker: type[Any], err: ValidationError) -> tuple[Any, ...]:
    """Where, inside the node ``checker`` was given, ``err`` is."""
    if issubclass(checker, ValueValidator):
        return ("default",)
    if not issubclass(checker, SchemaValidator):
        return ()
    if isinstance(err, ExtraParametersError):
        return ("required",)
    if isinstance(err, OpenAPIValidationError):  # the schema breaks the JSON Schema dialect
        return tuple(err.path)
    return ("default",)  # a default value that its own schema rejects


# -- no retrieval ----------------------------------------------------------------


class _Refused(OSError):
    """What the validator's resolver raises instead of reading a document."""


def _refuse(uri: str) -> Any:
    raise _Refused(f"the validator reads no document but the spec (asked for {uri!r})")


class _NoRetrieval(dict[str, Any]):
    """jsonschema-path's resolver handlers, by scheme: every scheme, each refusing.

    Its retriever calls ``urlopen`` itself for a scheme it has no handler for,
    so a handler for the known schemes alone would not be enough.
    """

    def __contains__(self, scheme: object) -> bool:
        return True

    def __getitem__(self, scheme: str) -> Any:
        return _refuse

    def get(self, scheme: str, default: Any = None) -> Any:
        return _refuse


_NO_RETRIEVAL = _NoRetrieval()


# -- work done once --------------------------------------------------------------


def _crawled(library_validator: Any) -> Any | None:
    """The library's validator of documents against the OpenAPI schema, built as it
    builds it (``validator_for(schema)(schema)``) but resolving in a registry crawled
    once; None when it is not a ``jsonschema`` validator this knows how to build."""
    schema = library_validator.schema
    cls = validator_for(schema)
    aliases = {f.alias for f in attrs.fields(cls)} if attrs.has(cls) else set()
    if library_validator.__class__ is not cls or "_resolver" not in aliases:
        return None
    resource = referencing.Resource.from_contents(schema)
    uri = resource.id() or ""
    # What jsonschema's own registry holds (the meta-schemas), the schema added, crawled.
    registry = jsonschema_specifications.REGISTRY.with_resource(uri, resource).crawl()
    definitions = _DEFINITIONS.get(cls)
    if (
        definitions is not None
        and cls.VALIDATORS.get("$ref") is _keywords.ref
        and isinstance(schema.get(definitions), dict)
        and _no_inner_ids(schema)
    ):  # OpenAPI 3.0's or 3.1's schema: each value checked against one of its definitions
        cls = extend(cls, {"$ref": _reusing_ref(f"openapi-schema {uri}", f"#/{definitions}/")})
    return cls(schema, _resolver=registry.resolver(base_uri=uri))


_DEFINITIONS = {Draft4Validator: "definitions", Draft202012Validator: "$defs"}
"""The OpenAPI schemas' dialects, and where each keeps the definitions it refers to."""


def _no_inner_ids(schema: Any) -> bool:
    """Whether only the top of ``schema`` has an ``id``/``$id``: none moves the base of the
    references inside it (nor the dynamic scope a ``$dynamicRef`` is resolved in)."""
    stack = [value for key, value in schema.items() if key not in ("id", "$id")]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if isinstance(node.get("id"), str) or isinstance(node.get("$id"), str):
                return False
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return True


def _reusing_ref(kind: str, prefix: str) -> Callable[..., Iterator[ValidationError]]:
    """jsonschema's ``$ref`` keyword, which passes over a value already found clean
    against the same definition of the OpenAPI schema (a ``$ref`` starting with
    ``prefix``, such as OpenAPI 3.0's ``#/definitions/Schema`` or 3.1's
    ``#/$defs/path-item``): a check of the value alone, in the OpenAPI schema's own
    resource (no ``id`` inside it moves the base, so every ``$dynamicRef`` in it reaches
    the same anchor wherever the check starts), with no format checker and nothing in
    the document resolved (clean_values). A value found clean yields no error, so
    passing over it changes nothing else: no other error, none of the order, none of the
    ``oneOf``/``if`` answers, none of what ``unevaluatedProperties`` counts as evaluated
    (jsonschema finds that from the schemas, not from this keyword)."""

    def ref(validator: Any, ref: Any, instance: Any, schema: Any) -> Iterator[ValidationError]:
        if not (isinstance(ref, str) and ref.startswith(prefix)):
            yield from _keywords.ref(validator, ref, instance, schema)
            return
        clean = clean_values()
        value = clean.key(f"{kind}{ref}", repr(instance))
        if clean.known(value):
            return
        found = False
        for error in _keywords.ref(validator, ref, instance, schema):
            found = True
            yield error
        if not found:
            clean.add(value)

    return ref


class _SeenIds(list[int]):
    """The library's list of schema ids, its ``in`` answered by a set."""

    def __init__(self) -> None:
        super().__init__()
        self._ids: set[int] = set()

    def append(self, schema_id: int) -> None:
        super().append(schema_id)
        self._ids.add(schema_id)

    def __contains__(self, schema_id: object) -> bool:
        return schema_id in self._ids


def _reusing(library: type[Any]) -> type[Any]:
    """The library's schema keyword validator ``library``, its meta-schema checkers reused
    and its lists of seen schemas answered by sets."""

    def __init__(self: Any, registry: Any) -> None:
        library.__init__(self, registry)
        for seen in ("visited_schema_ids", "meta_checked_schema_ids"):
            if getattr(self, seen, None) == [] and type(getattr(self, seen)) is list:
                setattr(self, seen, _SeenIds())

    def _get_schema_checker(self: Any, schema: Any, schema_value: Any) -> Callable[[Any], None]:
        checker: Callable[[Any], None] = library._get_schema_checker(self, schema, schema_value)
        return _reused_checker(checker) or checker

    return type(
        library.__name__,
        (library,),
        {"__init__": __init__, "_get_schema_checker": _get_schema_checker},
    )


_CHECKERS: dict[tuple[type[Any], int], tuple[Any, Callable[[Any], None]]] = {}


def _reused_checker(checker: Any) -> Callable[[Any], None] | None:
    """``checker`` with its meta-schema validator built once, when it is
    ``check_openapi_schema`` bound to a class (with a format checker, or without);
    None for any other checker."""
    keywords: dict[str, Any] = {}
    if isinstance(checker, functools.partial):
        if checker.args or set(checker.keywords) - {"format_checker"}:
            return None
        keywords, checker = checker.keywords, checker.func
    cls: Any = getattr(checker, "__self__", None)
    if getattr(checker, "__func__", None) is not oas_validators.check_openapi_schema:
        return None
    format_checker = keywords.get("format_checker", cls.FORMAT_CHECKER)
    key = (cls, id(format_checker))
    if key not in _CHECKERS:
        # check_openapi_schema's validator, built once rather than for every schema
        meta_schema_validator = validator_for(cls.META_SCHEMA, default=cls)(
            cls.META_SCHEMA,
            format_checker=format_checker,
            registry=OPENAPI_SPECIFICATIONS,  # the registry check_openapi_schema gives it
        )
        kind = kind_of(cls, format_checker)

        def check(schema: Any) -> None:
            # The check is a function of the schema's value alone (clean_values): a value
            # already found clean, in this run or an earlier one, is not checked again.
            # The seed checks 203 schemas, 63 of them distinct.
            clean = clean_values()
            value = clean.key(kind, repr(schema))
            if clean.known(value):
                return
            for error in meta_schema_validator.iter_errors(schema):
                raise SchemaError.create_from(error)
            clean.add(value)

        _CHECKERS[key] = (format_checker, check)  # the format checker kept: its id is the key
    return _CHECKERS[key][1]


# -- the walk's node check ------------------------------------------------------

_PATHABLE_CHECKED = frozenset({"0.6.0"})
_JSON_SUBSCRIPTABLE = {dict: True, list: True, str: True, int: False, float: False}
_JSON_SUBSCRIPTABLE |= {bool: False, type(None): False}


class _FastSubscriptableMeta(type):
    def __instancecheck__(cls, instance: Any) -> bool:
        known = _JSON_SUBSCRIPTABLE.get(type(instance))
        if known is not None:
            return known
        return isinstance(instance, cls.protocol)  # type: ignore[attr-defined]


def fast_node_checks() -> bool:
    """In a process that only validates: pathable's ``isinstance(node, Subscriptable)``,
    which the library's walk asks of every node it steps into, answered from the type for
    the values a JSON or YAML document holds (as the protocol answers: dicts, lists and
    strings have ``__getitem__``, numbers, booleans and None don't) and by the protocol
    for anything else. On Python 3.11 the protocol's check collects its attributes anew
    on every call: a third of the seed's walk. Whether it applies (pathable's version)."""
    import pathable
    import pathable.accessors
    from pathable.protocols import Subscriptable

    if getattr(pathable, "__version__", None) not in _PATHABLE_CHECKED:
        return False
    accessors: Any = pathable.accessors
    current = accessors.Subscriptable
    if current is not Subscriptable:
        return isinstance(current, _FastSubscriptableMeta)
    accessors.Subscriptable = _FastSubscriptableMeta(
        "Subscriptable", (), {"protocol": Subscriptable}
    )
    return True
