"""The validation worker's fixed settings of the validator libraries
(``generator/spec/validator_settings.py``): they hold every name the libraries import
from their own settings modules, with the values those give by default; with them the
validator loads without pydantic and gives the same diagnostics, on the seed as
published (which has an error) and with its overlays; the worker puts them in place.

Each case runs in a fresh interpreter: the modules apply only before either library
is loaded, and this test process has loaded both.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import openapi_schema_validator
import openapi_spec_validator
import pytest

from generator.spec import validator_settings

from .conftest import OVERLAYS, ROOT, SEED

LIBRARIES = {
    validator_settings.SPEC_VALIDATOR_SETTINGS: Path(openapi_spec_validator.__file__).parent,
    validator_settings.SCHEMA_VALIDATOR_SETTINGS: Path(openapi_schema_validator.__file__).parent,
}


def _clean_environment() -> dict[str, str]:
    """This environment without the libraries' own variables (their defaults apply)."""
    return {
        k: v
        for k, v in os.environ.items()
        if not k.upper().startswith(("OPENAPI_SPEC_VALIDATOR_", "OPENAPI_SCHEMA_VALIDATOR_"))
    }


def _fresh(script: str) -> Any:
    """What ``script`` prints as JSON, run in a fresh interpreter from the repository."""
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        cwd=ROOT,
        env=_clean_environment(),
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def _imported_names(module: str, package: Path) -> set[str]:
    """The names the library's own code imports from its settings module ``module``."""
    names: set[str] = set()
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == module:
                names.update(alias.name for alias in node.names)
    return names


@pytest.mark.parametrize("module", sorted(LIBRARIES))
def test_the_fixed_settings_hold_every_name_the_library_imports(module: str) -> None:
    fixed = validator_settings.settings_modules()[module]
    imported = _imported_names(module, LIBRARIES[module])
    assert imported, f"the library no longer imports from {module}"
    assert {name for name in imported if not hasattr(fixed, name)} == set()


def test_the_fixed_settings_are_the_libraries_defaults() -> None:
    real = _fresh(
        """
        import json
        from openapi_spec_validator.settings import OpenAPISpecValidatorSettings
        from openapi_spec_validator.schemas import get_validator_backend
        from openapi_schema_validator.settings import get_settings
        spec = OpenAPISpecValidatorSettings()
        print(json.dumps([spec.resolved_cache_maxsize, get_validator_backend(),
                          get_settings().compiled_validator_cache_max_size]))
        """
    )
    fixed = _fresh(
        """
        import json
        from generator.spec import validator_settings
        assert validator_settings.install()
        from openapi_spec_validator.settings import OpenAPISpecValidatorSettings
        from openapi_spec_validator.schemas import get_validator_backend
        from openapi_schema_validator.settings import get_settings
        spec = OpenAPISpecValidatorSettings()
        print(json.dumps([spec.resolved_cache_maxsize, get_validator_backend(),
                          get_settings().compiled_validator_cache_max_size]))
        """
    )
    assert fixed == real == [128, "jsonschema", 128]


_DIAGNOSTICS = """
    import json, sys
    from pathlib import Path
    from generator.spec import validator_settings
    installed = validator_settings.install() if {install!r} else False
    from generator.inputs import overlay_files
    from generator.spec.load import load_document
    from generator.spec.overlays import apply_overlays
    from generator.spec.validate import located_errors
    seed = load_document(Path({seed!r})).data
    overlays = overlay_files(Path({overlays!r}))
    overlaid, _ = apply_overlays(load_document(Path({seed!r})).data, overlays)
    found = [[[p, m, str(e.validator)] for p, m, e in located_errors(d, "file:///spec.json")]
             for d in (seed, overlaid)]
    print(json.dumps([installed, sorted(m for m in sys.modules if m.startswith("pydantic")),
                      found]))
"""


def test_the_validator_loads_without_pydantic_and_finds_the_same_errors() -> None:
    values = {"seed": str(SEED), "overlays": str(OVERLAYS)}
    installed, pydantic, fixed = _fresh(_DIAGNOSTICS.format(install=True, **values))
    not_installed, loaded, real = _fresh(_DIAGNOSTICS.format(install=False, **values))
    assert installed and not not_installed
    assert pydantic == [] and "pydantic" in loaded
    assert fixed == real
    assert real[0] != [] and real[1] == []  # the seed as published has an error; overlaid, none


def test_install_leaves_an_already_loaded_library_alone() -> None:
    assert openapi_spec_validator.__name__ in sys.modules  # loaded by the import above
    before = sys.modules[validator_settings.SPEC_VALIDATOR_SETTINGS]
    assert validator_settings.install() is False
    assert sys.modules[validator_settings.SPEC_VALIDATOR_SETTINGS] is before


@pytest.mark.parametrize(
    "shared", [False, True], ids=["generate's worker", "the diff's one worker"]
)
def test_the_validation_worker_loads_the_validator_without_pydantic(shared: bool) -> None:
    loaded = _fresh(
        f"""
        import json, sys
        from generator.diagnostics import warning
        from generator.spec import one_worker, worker

        def modules(*_args):  # the work the worker is given: say what it has loaded
            names = sorted(m for m in sys.modules if m.split(".")[0] in
                           ("pydantic", "pydantic_settings", "openapi_spec_validator"))
            return [warning("", "", json.dumps(names))], 0.0

        worker._timed_validation = one_worker._timed_validation = modules
        if {shared!r}:
            with one_worker.one_worker():
                problems, _ = worker.Validator(worker.WorkerLimits()).start(()).result()
        else:
            problems, _ = worker.Validator(worker.WorkerLimits()).start(()).result()
        print(problems[0].message)
        """
    )
    assert isinstance(loaded, list)
    assert "openapi_spec_validator" in loaded
    assert [name for name in loaded if name.startswith("pydantic")] == []
