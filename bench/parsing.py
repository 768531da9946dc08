"""Client parsing: a 5,000-job ``list_jobs`` body (2.9 MB) into typed objects.

Two payloads: the varied jobs of ``bench/jobs.py`` (Sampler and Estimator
``params``) and the spec's example page with its jobs repeated (small
``params``, every optional member present). In this process, interleaved (median of 21): ``json.loads`` alone; our
client's own path, ``_parsing.parse_response(jobs._LIST, response)``; the same
models fed a dict (the round trip our path avoids); and a plain pydantic v2
model of the same fields with ``model_validate_json``. In the peers' process:
``json.loads`` again and openapi-python-client's ``list_jobs._parse_response``
on the same bytes (its client generated from the overlaid seed).

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

__all__ = ["PlainJobs", "measure"]

JOBS = 5000
JSON_TARGET = 1.5
OURS = "qiskit_runtime_api (`parse_response`)"
JSON = "json.loads alone"
PLAIN = "plain pydantic v2 model (`model_validate_json`)"
EXTRA = "the same plain model with `extra='allow'`, as ours"
FROM_JSON = "pydantic-core `from_json` alone, collector paused"
VALIDATE = "our models' `validate_python` of the parsed data, collector paused"
EXAMPLE_JSON = "json.loads alone, the spec example's jobs"
EXAMPLE_OURS = "qiskit_runtime_api (`parse_response`), the spec example's jobs"


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
    data = from_json(body)

    def paused(work: Callable[[], object]) -> Callable[[], object]:
        def run() -> object:
            with collector_paused(len(body)):
                return work()

        return run

    return {
        JSON: lambda: json.loads(body),
        OURS: lambda: parse_response(_LIST, response, strict=False),
        EXAMPLE_JSON: lambda: json.loads(example),
        EXAMPLE_OURS: lambda: parse_response(_LIST, example_response, strict=False),
        "qiskit_runtime_api models, dict round trip (`model_validate(json.loads)`)": lambda: (
            models.JobsResponse.model_validate(json.loads(body))
        ),
        FROM_JSON: paused(lambda: from_json(body)),
        VALIDATE: paused(lambda: models.JobsResponse.model_validate(data)),
        PLAIN: lambda: PlainJobs.model_validate_json(body),
        EXTRA: lambda: ExtraJobs.model_validate_json(body),
    }


def _peer(body_file: Path, tmp: Path, rounds: int) -> dict[str, Any]:
    python = peer_python()
    assert python is not None
    spec = overlaid_spec(SEED, SEED_OVERLAYS, tmp / "overlaid.json")
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
    samples = interleaved(_ours(body, example), rounds)
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
        example_row = label in (EXAMPLE_JSON, EXAMPLE_OURS)
        _row(table, label, times, samples[EXAMPLE_JSON if example_row else JSON], ours)
    peer_ratio, peer_shown = float("nan"), "n/a"
    if peer_data is not None:
        peer_json, peer_times = peer_data["samples"]["json.loads"], peer_data["samples"]["peer"]
        peer_ratio, peer_shown = ratio_shown(peer_times, samples[OURS])
        _row(table, "json.loads alone, in the peer's process", peer_json, peer_json, ours)
        label = f"openapi-python-client (`{peer_data['model']}.from_dict(response.json())`)"
        _row(table, label, peer_times, peer_json, ours)
    else:
        reason = PEER_NOT_MEASURED if quick else "peer not installed (run `make bench`)"
        table.add("openapi-python-client", reason, "", "", "", "")

    why = (
        "the floor is pydantic-core itself: `from_json` alone takes "
        f"{median(samples[FROM_JSON]) / base:.2f}× and the same models' `validate_python` of "
        f"the parsed data {median(samples[VALIDATE]) / base:.2f}×, the collector paused in both; "
        f"hand-written models take {median(samples[PLAIN]) / base:.2f}× (plain) and "
        f"{median(samples[EXTRA]) / base:.2f}× (`extra='allow'`, as ours) (profile)"
    )
    ratio, shown = ratio_shown(samples[OURS], samples[JSON])
    example_ratio, example_shown = ratio_shown(samples[EXAMPLE_OURS], samples[EXAMPLE_JSON])
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
        "Our path is the client's own: `parse_response` parses the body with pydantic-core's "
        "`from_json` and validates the data with a cached `TypeAdapter(...).validate_python`, "
        "Python's cycle collector paused during both (a body of 64 KiB or more); the collection "
        "the paused allocations leave due runs inside the timed call. Both bodies validate "
        "(checked with `strict=True` first); `limit` is 200, the spec's maximum."
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
