"""The floor of a generation: the required libraries' own work, in fresh processes.

Whatever the generator does, a run on a new or changed document needs the
libraries the design card names: openapi-spec-validator validates the
document (its verdict on another document says nothing of this one),
datamodel-code-generator writes the models, black formats the output and
jinja2 renders it, so all four are imported. This measures, in CPU seconds:

- ``validator_import``: ``import openapi_spec_validator``, as the validation worker
  loads it (without ``requests``, the settings fixed: ``generator.spec.validator_settings``);
- ``validation``: the validate stage's call (``generator.spec.validate.validate_spec``)
  on the document, once the library is loaded;
- ``models_import``: datamodel-code-generator's modules the models stage uses,
  beyond what the validator already loaded (pydantic, for one), and
  ``black_import``, ``jinja_import`` beyond those;
- ``models_run`` (a full run only): datamodel-code-generator on the whole
  models document the IR gives it (``generator.emit.models.models_document``);
- ``black_run`` (a full run only): black's ``format_str`` on the pieces the
  format stage formats, which ``bench.generation`` measures and passes in.

A library's work cannot start before it is loaded, so the validator's import
and validation are one chain, and datamodel-code-generator's import and run
another; everything shares the machine's cores. The floor is the longest of
the chains and the total over the cores. The interpreter's start-up and all
the generator's own work come on top.

    python -m bench.library_floor validator|libraries|models SPEC   # prints JSON
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path

from .report import ROOT, seconds

__all__ = ["LibraryFloor", "measure_library_floor"]


@dataclass(frozen=True)
class LibraryFloor:
    validator_import: float
    validation: float
    models_import: float
    black_import: float
    jinja_import: float
    models_run: float = 0.0
    black_run: float = 0.0

    @property
    def chains(self) -> dict[str, float]:
        """Work that runs in order, whatever the cores: a library, then its use."""
        return {
            "openapi-spec-validator's import then validation": self.validator_import
            + self.validation,
            "datamodel-code-generator's import then run": self.models_import + self.models_run,
        }

    @property
    def total(self) -> float:
        return (
            self.validator_import
            + self.validation
            + self.models_import
            + self.models_run
            + self.black_import
            + self.black_run
            + self.jinja_import
        )

    def on(self, cores: int) -> float:
        """The floor's wall time on ``cores`` cores, shared perfectly."""
        return max(*self.chains.values(), self.total / max(cores, 1))

    def shown(self, cores: int) -> str:
        runs = (
            f", datamodel-code-generator's run on the models {seconds(self.models_run)}"
            f", black's on the pieces {seconds(self.black_run)}"
            if self.models_run or self.black_run
            else ""
        )
        return (
            f"the required libraries alone take {seconds(self.on(cores))} on {cores} cores: "
            f"openapi-spec-validator's import {seconds(self.validator_import)} then its "
            f"validation of the document {seconds(self.validation)}, the imports of "
            f"datamodel-code-generator {seconds(self.models_import)}, black "
            f"{seconds(self.black_import)} and jinja2 {seconds(self.jinja_import)}{runs} "
            f"(CPU in fresh processes; {seconds(self.total)} in all, the longest chain "
            f"{seconds(max(self.chains.values()))})"
        )


def _fresh(part: str, spec: Path) -> dict[str, float]:
    command = [sys.executable, "-m", "bench.library_floor", part, str(spec)]
    result = subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, check=False, timeout=900
    )
    if result.returncode != 0:
        raise RuntimeError(f"bench.library_floor {part} failed: {result.stderr.strip()[-800:]}")
    found: dict[str, float] = json.loads(result.stdout)
    return found


def measure_library_floor(
    spec: Path, repetitions: int = 3, *, full: bool = False, black_run: float = 0.0
) -> LibraryFloor:
    """Medians over ``repetitions`` rounds of fresh processes on ``spec`` (a document
    with its overlays applied); ``full`` also times datamodel-code-generator's run."""
    parts = ["validator", "libraries", *(["models"] if full else [])]
    runs = []
    for _ in range(repetitions):
        measured: dict[str, float] = {}
        for part in parts:
            measured.update(_fresh(part, spec))
        runs.append(measured)

    def middle(name: str) -> float:
        values = sorted(run.get(name, 0.0) for run in runs)
        return values[len(values) // 2]

    names = [n for n in LibraryFloor.__dataclass_fields__ if n != "black_run"]
    return replace(LibraryFloor(**{n: middle(n) for n in names}), black_run=black_run)


def _document(spec: Path) -> object:
    return json.loads(spec.read_text(encoding="utf-8"))


def _as_the_worker_loads() -> None:
    """Load the validator as the validation worker does (``generator.spec.worker``)."""
    from generator.spec import validator_settings

    sys.modules.setdefault("requests", None)  # type: ignore[arg-type]
    validator_settings.install()


def _validator(spec: Path) -> dict[str, float]:
    document = _document(spec)
    started = time.process_time()
    _as_the_worker_loads()
    import openapi_spec_validator  # noqa: F401

    loaded = time.process_time()
    from generator.diagnostics import Level
    from generator.spec.validate import validate_spec

    ready = time.process_time()
    problems = validate_spec(document, spec.name, spec.resolve().as_uri())
    done = time.process_time()
    errors = [p for p in problems if p.level is Level.ERROR]
    if errors:
        raise RuntimeError(f"{spec} is not valid: {errors[0].format()}")
    return {"validator_import": loaded - started, "validation": done - ready}


def _libraries() -> dict[str, float]:
    _as_the_worker_loads()
    import openapi_spec_validator  # noqa: F401  (what it shares with them is counted once)

    started = time.process_time()
    import datamodel_code_generator.model.pydantic_v2
    import datamodel_code_generator.parser.openapi  # noqa: F401

    models = time.process_time()
    import black  # noqa: F401

    formatter = time.process_time()
    import jinja2  # noqa: F401

    return {
        "models_import": models - started,
        "black_import": formatter - models,
        "jinja_import": time.process_time() - formatter,
    }


def _models(spec: Path) -> dict[str, float]:
    """datamodel-code-generator's run on the models document of ``spec``'s IR."""
    from generator.emit.models import datamodel_module, models_document
    from generator.pipeline import Options, Run, build_ir

    options = Options(spec=spec, overlays=spec.parent / "no-overlays", out=ROOT / "no-output")
    api = build_ir(options, Run())
    document = models_document(api)
    import datamodel_code_generator.model.pydantic_v2
    import datamodel_code_generator.parser.openapi  # noqa: F401

    started = time.process_time()
    datamodel_module(document, api.title)
    return {"models_run": time.process_time() - started}


if __name__ == "__main__":
    part, spec_arg = sys.argv[1:3]
    path = Path(spec_arg)
    found = {"validator": _validator, "models": _models}.get(part)
    print(json.dumps(found(path) if found else _libraries()))
