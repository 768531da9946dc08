"""The floor of a regeneration after a spec update: the required libraries' own work.

A spec update that changes a schema cannot be regenerated without three of the
libraries the design card names: openapi-spec-validator must validate the new
document (its verdict on the old one says nothing of the new), and
datamodel-code-generator and black must run on what changed, so all three are
imported. This measures, each in a fresh process and in CPU seconds:

- ``validator_import``: ``import openapi_spec_validator``;
- ``validation``: the validate stage's call (``generator.spec.validate.validate_spec``)
  on the updated document, once the library is loaded;
- ``models_import``: datamodel-code-generator's modules the models stage uses,
  beyond what the validator already loaded (pydantic, for one);
- ``black_import``: ``import black``, beyond both.

Validation needs its library loaded first, so ``validator_import + validation``
is one chain no number of cores shortens; all four share the machine's cores.
The floor is the larger of the chain and the total over the cores; the
interpreter's own start-up and everything the generator itself does come on top.

    python -m bench.update_floor SPEC   # prints JSON
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from .report import ROOT, seconds

__all__ = ["UpdateFloor", "measure_update_floor"]


@dataclass(frozen=True)
class UpdateFloor:
    validator_import: float
    validation: float
    models_import: float
    black_import: float

    @property
    def chain(self) -> float:
        """Loading the validator, then validating: one after the other."""
        return self.validator_import + self.validation

    @property
    def total(self) -> float:
        return self.chain + self.models_import + self.black_import

    def on(self, cores: int) -> float:
        """The floor's wall time on ``cores`` cores, shared perfectly."""
        return max(self.chain, self.total / max(cores, 1))

    def shown(self, cores: int) -> str:
        return (
            f"the required libraries alone on this update take {seconds(self.on(cores))} "
            f"on {cores} cores: openapi-spec-validator's import {seconds(self.validator_import)} "
            f"then its validation of the new document {seconds(self.validation)} (one chain, "
            f"{seconds(self.chain)}), datamodel-code-generator's import "
            f"{seconds(self.models_import)}, black's {seconds(self.black_import)} "
            f"(CPU, fresh processes; {seconds(self.total)} in all)"
        )


def _fresh(part: str, spec: Path) -> dict[str, float]:
    command = [sys.executable, "-m", "bench.update_floor", part, str(spec)]
    result = subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, check=False, timeout=600
    )
    if result.returncode != 0:
        raise RuntimeError(f"bench.update_floor {part} failed: {result.stderr.strip()[-800:]}")
    found: dict[str, float] = json.loads(result.stdout)
    return found


def measure_update_floor(spec: Path, repetitions: int = 3) -> UpdateFloor:
    """Medians over ``repetitions`` pairs of fresh processes, run in turn."""
    runs = [{**_fresh("validator", spec), **_fresh("libraries", spec)} for _ in range(repetitions)]

    def middle(name: str) -> float:
        values = sorted(run[name] for run in runs)
        return values[len(values) // 2]

    return UpdateFloor(**{name: middle(name) for name in UpdateFloor.__dataclass_fields__})


def _validator(spec: Path) -> dict[str, float]:
    document = json.loads(spec.read_text(encoding="utf-8"))
    started = time.process_time()
    import openapi_spec_validator  # noqa: F401

    loaded = time.process_time()
    from generator.spec.validate import validate_spec

    ready = time.process_time()
    problems = validate_spec(document, spec.name, spec.resolve().as_uri())
    done = time.process_time()
    if problems:
        raise RuntimeError(f"{spec} is not valid: {problems[0].format()}")
    return {"validator_import": loaded - started, "validation": done - ready}


def _libraries() -> dict[str, float]:
    import openapi_spec_validator  # noqa: F401  (what it shares with them is counted once)

    started = time.process_time()
    import datamodel_code_generator.model.pydantic_v2
    import datamodel_code_generator.parser.openapi  # noqa: F401

    loaded = time.process_time()
    import black  # noqa: F401

    return {"models_import": loaded - started, "black_import": time.process_time() - loaded}


if __name__ == "__main__":
    part, spec_arg = sys.argv[1:3]
    print(json.dumps(_validator(Path(spec_arg)) if part == "validator" else _libraries()))
