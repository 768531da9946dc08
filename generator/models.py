"""Models stage: named schemas → pydantic v2 source, by datamodel-code-generator.

The hoisted models go to datamodel-code-generator in-process as one OpenAPI
document. Its options are chosen for a client: Literal types for enums (a new
server value doesn't break an Enum class), snake_case fields with the exact
JSON name as alias, extra fields kept, plain ``datetime`` (servers send both
naive and aware timestamps). Formatting is left to the format stage.
"""

from __future__ import annotations

from typing import Any

from datamodel_code_generator import GenerateConfig, InputFileType, LiteralType, generate
from datamodel_code_generator.enums import DataModelType
from datamodel_code_generator.format import DatetimeClassType, PythonVersion

from .diagnostics import GeneratorError, error
from .ir import Api

__all__ = ["models_document", "render_models"]

_HEADER = '"""Request and response models of the {title} (generated: do not edit)."""'


def models_document(api: Api) -> dict[str, Any]:
    """The OpenAPI document datamodel-code-generator reads: components only."""
    openapi = "3.1.0" if api.openapi.startswith("3.1") else "3.0.3"
    return {
        "openapi": openapi,
        "info": {"title": api.title, "version": api.version},
        "paths": {},
        "components": {"schemas": {model.name: model.schema for model in api.models}},
    }


def render_models(api: Api) -> str:
    if not api.models:
        return _HEADER.format(title=api.title) + "\n"
    config = GenerateConfig(
        input_file_type=InputFileType.OpenAPI,
        output_model_type=DataModelType.PydanticV2BaseModel,
        target_python_version=PythonVersion.PY_310,
        enum_field_as_literal=LiteralType.All,
        snake_case_field=True,
        allow_population_by_field_name=True,
        allow_extra_fields=True,
        field_constraints=True,
        use_annotated=True,
        use_schema_description=True,
        use_field_description=True,
        use_standard_collections=True,
        use_union_operator=True,
        use_double_quotes=True,
        disable_timestamp=True,
        collapse_root_models=True,
        output_datetime_class=DatetimeClassType.Datetime,
        formatters=[],
        custom_file_header=_HEADER.format(title=api.title.replace('"', "'")),
    )
    try:
        source = generate(models_document(api), config=config)
    except Exception as exc:
        raise GeneratorError(
            [error("models", "/components/schemas", f"datamodel-code-generator failed: {exc}")]
        ) from exc
    if not isinstance(source, str):
        raise GeneratorError([error("models", "", "datamodel-code-generator returned no module")])
    return source
