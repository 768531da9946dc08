"""Realistic ``GET /v1/jobs`` bodies: the shape of the spec's example, with varied values.

Job ids, backends, programs, states, dates, tags and Sampler/Estimator
``params`` vary from job to job (a seeded generator: every run builds the same
bytes). 5,000 jobs make about 2.9 MB. ``limit`` is 200, the spec's maximum, so
that the body validates: real pages hold at most 200 jobs. Stdlib only, so the
peer's process can use it too.

``example_jobs_body`` is a second payload: the spec's own example page
(``tests/data/recorded/list_jobs/spec-jobsResponseExample.json``), its jobs
repeated with distinct ids: small ``params``, every optional member present.
"""

from __future__ import annotations

import datetime
import json
import random
import string
from pathlib import Path
from typing import Any

__all__ = ["EXAMPLE_PAGE", "example_jobs_body", "job", "jobs_body"]

_BACKENDS = ["ibm_brisbane", "ibm_kyiv", "ibm_sherbrooke", "ibm_torino", "ibm_fez", "ibm_marrakesh"]
_STATES = [("Completed", 70), ("Failed", 8), ("Cancelled", 5), ("Queued", 10), ("Running", 7)]
_TAGS = ["vqe", "qaoa", "calibration", "paper-2026", "nightly", "h2", "lih", "benchmark"]
_QASM = (
    'OPENQASM 3.0; include "stdgates.inc"; bit[{n}] c; rz(pi/2) $0; sx $0; cz $0, $1; {measures}'
)
_ALPHABET = string.ascii_lowercase + string.digits
EXAMPLE_PAGE = (
    Path(__file__).resolve().parents[1]
    / "tests/data/recorded/list_jobs/spec-jobsResponseExample.json"
)
_START = datetime.datetime(2026, 1, 5, 8, 0, tzinfo=datetime.UTC)


def _identifier(rng: random.Random) -> str:
    return "".join(rng.choice(_ALPHABET) for _ in range(20))


def _circuit(rng: random.Random) -> str:
    qubits = rng.randint(2, 5)
    measures = " ".join(f"c[{i}] = measure ${i};" for i in range(qubits))
    return _QASM.format(n=qubits, measures=measures)


def _params(rng: random.Random, program: str) -> dict[str, Any]:
    if program == "sampler":
        shots = rng.choice([1024, 4096, 10000])
        return {
            "pubs": [[_circuit(rng), None, shots]],
            "version": 2,
            "options": {
                "default_shots": shots,
                "dynamical_decoupling": {"enable": rng.random() < 0.5, "sequence_type": "XY4"},
            },
        }
    return {
        "pubs": [[_circuit(rng), ["ZZ", "XX"], [[round(rng.random(), 4)]], 0.015]],
        "version": 2,
        "support_qiskit": True,
        "options": {"resilience_level": rng.choice([0, 1, 2]), "default_precision": 0.015},
    }


def job(rng: random.Random, index: int) -> dict[str, Any]:
    """One job as ``GET /v1/jobs/{id}`` and ``GET /v1/jobs`` return it."""
    status = rng.choices([s for s, _ in _STATES], [w for _, w in _STATES])[0]
    state: dict[str, Any] = {"status": status, "reason": ""}
    if status == "Failed":
        state.update(reason="Error in transpilation process.", reason_code=1517)
    program = rng.choice(["sampler", "estimator"])
    created = _START + datetime.timedelta(
        seconds=index * 53 + rng.randint(0, 50), microseconds=rng.randint(0, 999999)
    )
    result: dict[str, Any] = {
        "id": _identifier(rng),
        "backend": rng.choice(_BACKENDS),
        "cost": rng.randint(0, 600),
        "state": state,
        "status": status,
        "params": _params(rng, program),
        "program": {"id": program},
        "created": created.isoformat(timespec="microseconds").replace("+00:00", "Z"),
        "session_id": _identifier(rng) if rng.random() < 0.4 else None,
        "user_id": f"IBMid-{rng.randint(100000, 999999)}",
        "usage": {"seconds": rng.randint(1, 120)},
    }
    if status in ("Queued", "Running"):
        result["estimated_running_time_seconds"] = round(rng.uniform(1, 90), 2)
    if rng.random() < 0.5:
        result["tags"] = rng.sample(_TAGS, rng.randint(1, 3))
    if result["session_id"] is None:
        del result["session_id"]
    if rng.random() < 0.05:
        result["private"] = True
    return result


def jobs_body(count: int, seed: int = 6) -> bytes:
    """The JSON body of a ``list_jobs`` response holding ``count`` jobs."""
    rng = random.Random(seed)
    page = {
        "jobs": [job(rng, i) for i in range(count)],
        "count": count,
        "limit": 200,
        "offset": 0,
    }
    return json.dumps(page, separators=(",", ":")).encode()


def example_jobs_body(count: int) -> bytes:
    """A ``list_jobs`` body of ``count`` jobs copied from the spec's example page."""
    page = json.loads(EXAMPLE_PAGE.read_bytes())
    examples = page["jobs"]
    jobs = [
        {**examples[i % len(examples)], "id": f"{examples[i % len(examples)]['id'][:12]}{i:08d}"}
        for i in range(count)
    ]
    return json.dumps(
        {**page, "jobs": jobs, "count": count, "limit": 200}, separators=(",", ":")
    ).encode()
