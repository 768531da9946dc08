"""The ``format`` values datamodel-code-generator knows, by JSON type, without loading it.

The IR asks which formats the library understands (``generator.ir.keywords``:
a format it does not know is said and left out). Asking the library means
importing it, which a cold run does in the models worker beside the IR, and
the IR then waited for that import (about a second on the seed). The library's
table (``datamodel_code_generator.parser.jsonschema.json_schema_data_formats``)
is fixed by its version, so it is written down here for the version it was read
from; ``tests/test_known_formats.py`` reads the library itself and holds this
copy to it. With any other installed version the library is asked, as before
(``generator.emit.stage_cache.datamodel_formats``).
"""

from __future__ import annotations

from generator.inputs import library_version

__all__ = ["CHECKED_VERSION", "FORMATS", "known_formats"]

CHECKED_VERSION = "0.89.0"
"""The datamodel-code-generator version ``FORMATS`` was read from."""

FORMATS: dict[str, frozenset[str]] = {
    "integer": frozenset({"date-time", "default", "int32", "int64", "unix-time", "unixtime"}),
    "number": frozenset(
        {"date-time", "decimal", "default", "double", "float", "time", "time-delta", "unixtime"}
    ),
    "string": frozenset(
        {
            "binary",
            "byte",
            "date",
            "date-time",
            "date-time-local",
            "decimal",
            "default",
            "duration",
            "email",
            "hostname",
            "idn-email",
            "idn-hostname",
            "integer",
            "ipv4",
            "ipv4-network",
            "ipv6",
            "ipv6-network",
            "iri",
            "iri-reference",
            "json-pointer",
            "password",
            "path",
            "regex",
            "relative-json-pointer",
            "time",
            "time-local",
            "timestamp with time zone",
            "ulid",
            "unixtime",
            "uri",
            "uri-reference",
            "uri-template",
            "uuid",
            "uuid1",
            "uuid2",
            "uuid3",
            "uuid4",
            "uuid5",
        }
    ),
    "boolean": frozenset({"default"}),
    "object": frozenset({"default"}),
    "null": frozenset({"default"}),
    "array": frozenset({"default"}),
}
"""``json_schema_data_formats`` of datamodel-code-generator ``CHECKED_VERSION``."""


def known_formats() -> dict[str, frozenset[str]]:
    """The installed library's formats by type: ``FORMATS`` for ``CHECKED_VERSION``,
    else the library's own answer (from the stage cache or the models worker)."""
    if library_version("datamodel-code-generator") == CHECKED_VERSION:
        return FORMATS
    from generator.emit.stage_cache import datamodel_formats

    return {kind: frozenset(formats) for kind, formats in datamodel_formats().items()}
