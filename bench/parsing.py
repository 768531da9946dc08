"""Client parsing: a 5,000-job ``list_jobs`` body (2.9 MB) into typed objects.

Two payloads: the varied jobs of ``bench/jobs.py`` (Sampler and Estimator
``params``) and the spec's example page with its jobs repeated (small
``params``, every optional member present). In this process, interleaved
(median of 21): ``json.loads`` alone; our client's own path,
``_parsing.parse_response(jobs._LIST, response)``; the floor, the cheapest
pydantic-core way to build the same typed models from the same bytes (the
models' own ``__pydantic_validator__.validate_json``, collector paused, no
Python around it); what the floor is made of (``from_json`` alone, and the
same schema with TypedDicts in place of the models: the same checks, no model
instances); the path used before (``from_json``, then ``validate_python``); and
a plain pydantic v2 model of the same fields with ``model_validate_json``. In
the peers' process: ``json.loads`` again and openapi-python-client's
``list_jobs._parse_response`` on the same bytes (its client generated from the
overlaid seed without our naming overlay, see ``PEER_LEAVES_OUT``).

    python -m bench.parsing [--quick]
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Literal

import httpx
from pydantic import BaseModel, ConfigDict, Field
from pydantic_core import SchemaValidator

from . import cli
from .jobs import example_jobs_body, jobs_body
from .measure import run_measured
from .ours import SEED, SEED_OVERLAYS, client_on_path
from .peers import opc_command, opc_environment, opc_package, overlaid_spec, peer_python
from .profiles import profile_call
from .report import (
    PEER_NOT_MEASURED,
    ROOT,
    Section,
    Table,
    judge,
    median,
    ratio_shown,
    seconds,
)
from .timing import interleaved

__all__ = ["PlainJobs", "measure", "without_instances"]

JOBS = 5000
JSON_TARGET = 1.5
OURS = "qiskit_runtime_api (`parse_response`)"
JSON = "json.loads alone"
PLAIN = "plain pydantic v2 model (`model_validate_json`)"
EXTRA = "the same plain model with `extra='allow'`, as ours"
FLOOR = "floor: the same models' `__pydantic_validator__.validate_json`, collector paused"
FROM_JSON = "pydantic-core `from_json` alone, collector paused"
NO_INSTANCES = "the same schema, TypedDicts for the models (no instances), collector paused"
BEFORE = "`from_json`, then the models' `validate_python` (the path before), collector paused"
EXAMPLE_JSON = "json.loads alone, the spec example's jobs"
EXAMPLE_OURS = "qiskit_runtime_api (`parse_response`), the spec example's jobs"
EXAMPLE_FLOOR = "floor (as above), the spec example's jobs"
EXAMPLE_ROWS = (EXAMPLE_JSON, EXAMPLE_OURS, EXAMPLE_FLOOR)
PEER_LEAVES_OUT = "model-names"
"""The overlay the peer is given the spec without (``spec/overlays/55-model-names.yaml``):
its titles are documentation only, but it gives inline schemas that differ (in their
descriptions) the same title, such as ``StorageLocation`` on five copies, and
openapi-python-client refuses duplicate model names by leaving out the responses that
hold them: list_jobs' and get_job's 200 answers, so its ``_parse_response`` returns None.
Without that overlay it generates every operation and models the page."""


class PlainState(BaseModel):
    status: Literal["Queued", "Running", "Completed", "Cancelled", "Failed"]
    reason: str | None = None
    reason_code: Annotated[int | None, Field(ge=1000, le=9999)] = None
    reason_solution: str | None = None


class PlainProgram(BaseModel):
    id: str


class PlainUsage(BaseModel):
    seconds: float


class PlainJob(BaseModel):
    id: str
    backend: str | None = None
    state: PlainState
    status: Literal[
        "Queued", "Running", "Completed", "Cancelled", "Cancelled - Ran too long", "Failed"
    ]
    params: dict[str, Any] | None = None
    program: PlainProgram
    created: str
    runtime: str | None = None
    cost: Annotated[int, Field(ge=0, le=10800)]
    tags: list[str] | None = None
    session_id: str | None = None
    user_id: str | None = None
    usage: PlainUsage | None = None
    private: bool | None = None
    estimated_running_time_seconds: float | None = None
    calibration_id: str | None = None


class PlainJobs(BaseModel):
    """The ``list_jobs`` body as one would write it by hand: pydantic defaults, no aliases."""

    jobs: list[PlainJob] | None = None
    count: int | None = None
    offset: int
    limit: int


class ExtraJob(PlainJob):
    model_config = ConfigDict(extra="allow")


class ExtraJobs(PlainJobs):
    """The plain model keeping unknown members, as the generated models do (``extra="allow"``)."""

    model_config = ConfigDict(extra="allow")
    jobs: list[ExtraJob] | None = None  # type: ignore[assignment]


def without_instances(schema: Any) -> Any:
    """A pydantic-core schema with every model replaced by a typed dict of the same fields
    (same field schemas, constraints, unions, extra members kept): the checks a model
    makes, without building its instance."""
    if isinstance(schema, list):
        return [without_instances(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    converted = {key: without_instances(value) for key, value in schema.items()}
    if converted.get("type") != "model" or converted["schema"].get("type") != "model-fields":
        return converted
    fields = {
        name: {
            "type": "typed-dict-field",
            "schema": field["schema"],
            "required": field["schema"].get("type") != "default",
        }
        for name, field in converted["schema"]["fields"].items()
    }
    typed: dict[str, Any] = {"type": "typed-dict", "fields": fields, "extra_behavior": "allow"}
    if "ref" in converted:
        typed["ref"] = converted["ref"]
    return typed


def _settled(work: Callable[[], object]) -> Callable[[], object]:
    """``work``, then the collection its allocations left due, inside the same timing.

    After a pause of the cycle collector the young generation holds every object the
    paused work made, and the next allocation of a tracked object collects it: in use,
    that is the caller's next statement. Without this, where it lands depends on the
    code around the call (a context manager's exit allocates; a bare ``gc.enable()``
    before ``return`` does not), and the timing loop's own ``gc.collect()`` would take it
    out of the figures.
    """

    def run() -> object:
        value = work()
        _due.append([value])  # a tracked allocation: runs the collection now if one is due
        _due.clear()
        return value

    return run


_due: list[object] = []


def _checked_response(body: bytes) -> httpx.Response:
    """``body`` as a ``list_jobs`` answer, checked to validate in strict mode."""
    client_on_path()
    from qiskit_runtime_api import models
    from qiskit_runtime_api._parsing import parse_response
    from qiskit_runtime_api.resources.jobs import _LIST

    response = httpx.Response(200, content=body, headers={"content-type": "application/json"})
    parsed = parse_response(_LIST, response, strict=True)  # the body matches the spec
    if not isinstance(parsed, models.JobsResponse) or len(parsed.jobs or []) != len(
        json.loads(body)["jobs"]
    ):
        raise RuntimeError(f"our client parsed the body into {type(parsed).__name__}")
    return response


def _ours(body: bytes, example: bytes) -> dict[str, Any]:
    client_on_path()
    from pydantic_core import from_json

    from qiskit_runtime_api import models
    from qiskit_runtime_api._parsing import collector_paused, parse_response
    from qiskit_runtime_api.resources.jobs import _LIST

    response = _checked_response(body)
    example_response = _checked_response(example)
    validator = models.JobsResponse.__pydantic_validator__
    typed_dicts = SchemaValidator(without_instances(models.JobsResponse.__pydantic_core_schema__))
    if len(typed_dicts.validate_json(body)["jobs"]) != len(json.loads(body)["jobs"]):
        raise RuntimeError("the TypedDict schema reads another number of jobs")

    def paused(work: Callable[[], object]) -> Callable[[], object]:
        def run() -> object:
            with collector_paused(len(body)):
                return work()

        return run

    return {
        JSON: lambda: json.loads(body),
        OURS: lambda: parse_response(_LIST, response, strict=False),
        FLOOR: paused(lambda: validator.validate_json(body)),
        EXAMPLE_JSON: lambda: json.loads(example),
        EXAMPLE_OURS: lambda: parse_response(_LIST, example_response, strict=False),
        EXAMPLE_FLOOR: paused(lambda: validator.validate_json(example)),
        FROM_JSON: paused(lambda: from_json(body)),
        NO_INSTANCES: paused(lambda: typed_dicts.validate_json(body)),
        BEFORE: paused(lambda: validator.validate_python(from_json(body))),
        PLAIN: lambda: PlainJobs.model_validate_json(body),
        EXTRA: lambda: ExtraJobs.model_validate_json(body),
    }


def _peer(body_file: Path, tmp: Path, rounds: int) -> dict[str, Any]:
    python = peer_python()
    assert python is not None
    spec = overlaid_spec(SEED, SEED_OVERLAYS, tmp / "overlaid.json", leave_out=PEER_LEAVES_OUT)
    generated = run_measured(opc_command(spec, tmp / "peer"), env=opc_environment())
    if not generated.ok:
        raise RuntimeError(f"openapi-python-client failed: {generated.first_error()}")
    result = subprocess.run(
        [
            python,
            ROOT / "bench" / "peer_parse.py",
            opc_package(tmp / "peer"),
            body_file,
            str(rounds),
        ],
        capture_output=True,
        text=True,
        env=opc_environment(),
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"the peer's parse failed: {result.stderr.strip()[-800:]}")
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _row(
    table: Table, label: str, times: list[float], json_times: list[float], ours: float
) -> None:
    """A parser's row; ``json_times`` are ``json.loads``'s in the same process."""
    table.add(
        label,
        seconds(median(times)),
        seconds(min(times)),
        f"{median(times) / median(json_times):.2f}×",
        f"{min(times) / min(json_times):.2f}×",
        f"{median(times) / ours:.2f}×",
    )


def measure(quick: bool) -> Section:
    count, rounds = (50, 1) if quick else (JOBS, 21)
    body = jobs_body(count)
    example = example_jobs_body(count)
    section = Section("parsing", f"Client parsing: a {count:,}-job `list_jobs` response")
    candidates = {name: _settled(work) for name, work in _ours(body, example).items()}
    samples = interleaved(candidates, rounds)
    peer_data: dict[str, Any] | None = None
    if not quick and peer_python() is not None:
        with tempfile.TemporaryDirectory(prefix="bench-parsing-") as name:
            body_file = Path(name) / "jobs.json"
            body_file.write_bytes(body)
            peer_data = _peer(body_file, Path(name), rounds)

    base = median(samples[JSON])
    ours = median(samples[OURS])
    table = section.table(
        f"Bodies: {len(body) / 1e6:.2f} MB ({count:,} varied jobs) and {len(example) / 1e6:.2f} MB "
        f"(the spec example's jobs); medians of {rounds} interleaved rounds; the example's rows "
        "are ratios to its own `json.loads`:",
        "parser",
        "median",
        "min",
        "× json.loads (same process)",
        "× json.loads, of minima",
        "× ours",
    )
    for label, times in samples.items():
        example_row = label in EXAMPLE_ROWS
        _row(table, label, times, samples[EXAMPLE_JSON if example_row else JSON], ours)
    peer_ratio, peer_shown = float("nan"), "n/a"
    if peer_data is not None and "unparsed" in peer_data:
        table.add("openapi-python-client", f"the peer can't parse: {peer_data['unparsed']}")
        table.rows[-1] += [""] * (len(table.columns) - 2)
        peer_data = None
    elif peer_data is not None:
        peer_json, peer_times = peer_data["samples"]["json.loads"], peer_data["samples"]["peer"]
        peer_ratio, peer_shown = ratio_shown(peer_times, samples[OURS])
        _row(table, "json.loads alone, in the peer's process", peer_json, peer_json, ours)
        label = f"openapi-python-client (`{peer_data['model']}.from_dict(response.json())`)"
        _row(table, label, peer_times, peer_json, ours)
    else:
        reason = PEER_NOT_MEASURED if quick else "peer not installed (run `make bench`)"
        table.add("openapi-python-client", reason, "", "", "", "")

    ratio, shown = ratio_shown(samples[OURS], samples[JSON])
    example_ratio, example_shown = ratio_shown(samples[EXAMPLE_OURS], samples[EXAMPLE_JSON])
    _, floor_shown = ratio_shown(samples[FLOOR], samples[JSON])
    _, example_floor_shown = ratio_shown(samples[EXAMPLE_FLOOR], samples[EXAMPLE_JSON])
    why = (
        f"the floor, the cheapest pydantic-core way to build the same typed models from the "
        f"same bytes (the models' own validator, `validate_json`, collector paused), takes "
        f"{floor_shown} (varied jobs) and {example_floor_shown} (the example's); ours is "
        f"{median(samples[OURS]) / median(samples[FLOOR]):.2f}× and "
        f"{median(samples[EXAMPLE_OURS]) / median(samples[EXAMPLE_FLOOR]):.2f}× the floor. "
        f"The floor is the model instances: `from_json` alone takes "
        f"{median(samples[FROM_JSON]) / base:.2f}×, the same checks without instances "
        f"(TypedDicts) {median(samples[NO_INSTANCES]) / base:.2f}×; hand-written pydantic "
        f"models take {median(samples[PLAIN]) / base:.2f}× (plain) and "
        f"{median(samples[EXTRA]) / base:.2f}× (`extra='allow'`, as ours) (profile)"
    )
    section.targets.append(
        judge(
            "parse a 5,000-job `list_jobs` answer / `json.loads`, both payloads",
            max(ratio, example_ratio),
            "≤",
            JSON_TARGET,
            f"{shown} (varied jobs); {example_shown} (the spec example's jobs)",
            f"{JSON_TARGET}× on both",
            quick=quick,
            why=why,
        )
    )
    if peer_data is not None:
        section.notes.append(
            f"openapi-python-client's parse takes {peer_ratio:.2f}× our time ({peer_shown})."
        )
    section.notes.append(
        "Our path is the client's own: `parse_response` validates the body's bytes with the "
        "target's cached pydantic-core validator (`validate_json`; for a model its own "
        "`__pydantic_validator__`), Python's cycle collector paused (a body of 64 KiB or "
        "more). The collection the paused allocations leave due (one pass over every tracked "
        "object of the page: models, their field sets, lists) is timed with each call "
        "(`_settled`); in the profile it is the `[self]` time of bench/parsing.py. Both bodies validate (checked with `strict=True` first); `limit` is "
        "200, the spec's maximum. A body that does not validate is then parsed with "
        "`from_json` for the lenient path (typed where it fits, as received elsewhere, a "
        "warning): a cost only mismatched bodies pay."
    )
    section.notes.append(
        f"The peer is given the overlaid seed without `spec/overlays/55-{PEER_LEAVES_OUT}.yaml`: "
        "its titles give differing inline schemas one name (`StorageLocation` on five copies), "
        "which openapi-python-client takes for duplicate models and answers by leaving out "
        "list_jobs' and get_job's 200 responses. The titles are documentation only: without "
        "them the wire contract is the same, and the peer generates every operation."
    )
    if not quick and section.missed:
        parse = _ours(body, example)[OURS]
        section.profiles.append(
            (
                "Profile of our parse, 10 times (pyinstrument)",
                profile_call(lambda: [parse() for _ in range(10)]),
            )
        )
    return section


if __name__ == "__main__":
    cli.main(measure)
