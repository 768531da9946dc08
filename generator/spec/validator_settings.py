"""The validator libraries' settings, fixed, without pydantic-settings.

openapi-spec-validator and openapi-schema-validator each read three settings
through pydantic-settings (``OPENAPI_SPEC_VALIDATOR_RESOLVED_CACHE_MAXSIZE``,
``OPENAPI_SPEC_VALIDATOR_SCHEMA_VALIDATOR_BACKEND``,
``OPENAPI_SCHEMA_VALIDATOR_COMPILED_VALIDATOR_CACHE_MAX_SIZE``). Loading
pydantic and pydantic-settings for them is half of the validator's import:
0.3 s of CPU in every run that validates, before any validation.

``install`` gives the validation worker, a process that only validates, the two
settings modules with the libraries' defaults and the plain ``jsonschema``
backend, whatever the environment says. The generator's diagnostics then don't
depend on those variables, or on whether ``jsonschema-rs`` happens to be
installed (the ``auto`` backend switches to it silently and its messages differ),
and neither does an answer the stage cache keeps.

It applies only to the versions whose settings modules these mirror
(``_CHECKED_VERSIONS``), and only before either library is loaded; elsewhere the
libraries' own modules load. ``tests/test_validator_settings.py`` checks each
name against the real module.
"""

from __future__ import annotations

import functools
import sys
import types
from importlib import metadata

__all__ = ["SCHEMA_VALIDATOR_SETTINGS", "SPEC_VALIDATOR_SETTINGS", "install", "settings_modules"]

_CHECKED_VERSIONS = {
    "openapi-spec-validator": "0.9.0",
    "openapi-schema-validator": "0.9.0",
}
SPEC_VALIDATOR_SETTINGS = "openapi_spec_validator.settings"
SCHEMA_VALIDATOR_SETTINGS = "openapi_schema_validator.settings"

RESOLVED_CACHE_MAXSIZE = 128
"""openapi-spec-validator's default size of its cache of resolved references."""
SCHEMA_VALIDATOR_BACKEND = "jsonschema"
"""The backend: ``jsonschema``, as ``auto`` chooses when ``jsonschema-rs`` is absent."""
COMPILED_VALIDATOR_CACHE_MAX_SIZE = 128
"""openapi-schema-validator's default size of its cache of compiled validators."""


class OpenAPISpecValidatorSettings:
    """The settings openapi-spec-validator reads, at their defaults."""

    resolved_cache_maxsize = RESOLVED_CACHE_MAXSIZE
    schema_validator_backend = SCHEMA_VALIDATOR_BACKEND


class OpenAPISchemaValidatorSettings:
    """The settings openapi-schema-validator reads, at their defaults."""

    compiled_validator_cache_max_size = COMPILED_VALIDATOR_CACHE_MAX_SIZE


def _get_resolved_cache_maxsize() -> int:
    return OpenAPISpecValidatorSettings.resolved_cache_maxsize


def _get_schema_validator_backend() -> str:
    return OpenAPISpecValidatorSettings.schema_validator_backend


@functools.lru_cache(maxsize=1)
def _get_settings() -> OpenAPISchemaValidatorSettings:
    return OpenAPISchemaValidatorSettings()


def _reset_settings_cache() -> None:
    _get_settings.cache_clear()


def settings_modules() -> dict[str, types.ModuleType]:
    """The two modules, by the names the libraries import them under."""
    spec = types.ModuleType(SPEC_VALIDATOR_SETTINGS, "openapi-spec-validator's settings, fixed")
    spec.__dict__.update(
        ENV_PREFIX="OPENAPI_SPEC_VALIDATOR_",
        RESOLVED_CACHE_MAXSIZE_DEFAULT=RESOLVED_CACHE_MAXSIZE,
        SCHEMA_VALIDATOR_BACKEND_DEFAULT="auto",
        SCHEMA_VALIDATOR_BACKEND_ALLOWED={"auto", "jsonschema", "jsonschema-rs"},
        OpenAPISpecValidatorSettings=OpenAPISpecValidatorSettings,
        get_resolved_cache_maxsize=_get_resolved_cache_maxsize,
        get_schema_validator_backend=_get_schema_validator_backend,
    )
    schema = types.ModuleType(
        SCHEMA_VALIDATOR_SETTINGS, "openapi-schema-validator's settings, fixed"
    )
    schema.__dict__.update(
        OpenAPISchemaValidatorSettings=OpenAPISchemaValidatorSettings,
        get_settings=_get_settings,
        reset_settings_cache=_reset_settings_cache,
    )
    return {SPEC_VALIDATOR_SETTINGS: spec, SCHEMA_VALIDATOR_SETTINGS: schema}


def applies() -> bool:
    """Whether the installed libraries are the versions these modules mirror."""
    try:
        return all(metadata.version(name) == version for name, version in _CHECKED_VERSIONS.items())
    except metadata.PackageNotFoundError:
        return False


def install() -> bool:
    """Put the fixed settings modules in place, in a process that has loaded neither
    library yet and has the checked versions; whether it did."""
    loaded = {name.split(".", 1)[0] for name in settings_modules()} & set(sys.modules)
    if loaded or not applies():
        return False
    sys.modules.update(settings_modules())
    return True
