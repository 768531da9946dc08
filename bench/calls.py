"""Client call overhead: ``client.jobs.get`` against bare httpx, on a loopback server.

The server (``bench/loopback.py``, its own process) answers every request with
one job. Sync: three runs, each of 150 pairs of rounds of 20 sequential calls,
``Client(...).jobs.get(id)`` against ``httpx.Client().get(url)`` +
``json.loads``; the two rounds of a pair run back to back, in alternating
order, so a slow spell of the shared machine falls on both. Each run reports
the ratio of the medians (judged), the ratio of the minima (the least
disturbed rounds), the median of the pairs' own ratios, and the ratio of the
client thread's CPU time (the client's own work, without the wait for the
server's process). Async: rounds of 200 concurrent calls
(``asyncio.gather``), ``AsyncClient`` against ``httpx.AsyncClient``, medians
of 25. Both sides keep their connections alive and use httpx's default pool.

    python -m bench.calls [--quick]
"""

from __future__ import annotations

import asyncio
import gc
import json
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from . import cli
from .jobs import job
from .ours import client_on_path
from .profiles import profile_call
from .report import ROOT, Section, Table, judge, median, ratio_shown, seconds
from .timing import interleaved

__all__ = ["loopback_server", "measure"]

TARGET = 1.10
SYNC_RUNS = 3
SYNC_CALLS, SYNC_PAIRS = 20, 150
JOB_ID = "qcaj4xubr5m088gm9qf1"
CRN = "crn:v1:bluemix:public:quantum-computing:us-east:a/1::"  # the API requires an instance
OURS = "qiskit_runtime_api"
BARE = "bare httpx + json.loads"
TYPED = "floor of a typed answer: bare httpx + `JobResponse.__pydantic_validator__.validate_json`"


@contextmanager
def loopback_server(body: bytes, lifetime: float = 600) -> Iterator[str]:
    """The base URL of a loopback server answering ``body`` to every request."""
    with tempfile.TemporaryDirectory(prefix="bench-calls-") as name:
        body_file = Path(name) / "job.json"
        body_file.write_bytes(body)
        server = subprocess.Popen(
            [sys.executable, ROOT / "bench" / "loopback.py", body_file, str(lifetime)],
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert server.stdout is not None
            port = int(server.stdout.readline())
            yield f"http://127.0.0.1:{port}"
        finally:
            server.terminate()
            server.wait(timeout=10)


def _sent_headers(request: httpx.Request) -> dict[str, str]:
    """The headers our client put on ``request`` (credentials, ``Accept``, the API version,
    its User-Agent), for the bare side to send the same request; httpx adds ``Host``."""
    return {name: value for name, value in request.headers.items() if name.lower() != "host"}


def _sync(url: str, calls: int) -> tuple[dict[str, Callable[[], object]], Callable[[], None]]:
    from qiskit_runtime_api import Client, models

    client = Client(token="t", service_crn=CRN, base_url=url)
    bare = httpx.Client()
    target = f"{url}/v1/jobs/{JOB_ID}"
    headers = _sent_headers(client.jobs.with_raw_response.get(JOB_ID).http_response.request)
    if client.jobs.get(JOB_ID).id != json.loads(bare.get(target, headers=headers).content)["id"]:
        raise RuntimeError("the two clients read different jobs")

    def close() -> None:
        client.close()
        bare.close()

    validator = models.JobResponse.__pydantic_validator__
    return {
        OURS: lambda: [client.jobs.get(JOB_ID) for _ in range(calls)],
        BARE: lambda: [json.loads(bare.get(target, headers=headers).content) for _ in range(calls)],
        TYPED: lambda: [
            validator.validate_json(bare.get(target, headers=headers).content) for _ in range(calls)
        ],
    }, close


def _async(
    url: str, calls: int, loop: asyncio.AbstractEventLoop
) -> tuple[dict[str, Callable[[], object]], Callable[[], None]]:
    from qiskit_runtime_api import AsyncClient

    client = AsyncClient(token="t", service_crn=CRN, base_url=url)
    bare = httpx.AsyncClient()
    target = f"{url}/v1/jobs/{JOB_ID}"
    raw = loop.run_until_complete(client.jobs.with_raw_response.get(JOB_ID))
    headers = _sent_headers(raw.http_response.request)

    async def bare_call() -> Any:
        return json.loads((await bare.get(target, headers=headers)).content)

    async def ours_round() -> list[Any]:
        return await asyncio.gather(*(client.jobs.get(JOB_ID) for _ in range(calls)))

    async def bare_round() -> list[Any]:
        return await asyncio.gather(*(bare_call() for _ in range(calls)))

    async def close() -> None:
        await client.close()
        await bare.aclose()

    return {
        OURS: lambda: loop.run_until_complete(ours_round()),
        BARE: lambda: loop.run_until_complete(bare_round()),
    }, lambda: loop.run_until_complete(close())


def _rows(
    table: Table, label: str, samples: dict[str, list[float]], calls: int
) -> tuple[float, str]:
    bare = samples[BARE]
    for name, times in samples.items():
        table.add(
            label,
            name,
            seconds(median(times) / calls),
            seconds(min(times) / calls),
            f"{median(times) / median(bare):.2f}×",
            f"{min(times) / min(bare):.2f}×",
            "",
            "",
        )
    return ratio_shown(samples[OURS], samples[BARE])


def paired_rounds(
    work: dict[str, Callable[[], object]], pairs: int, warmup: int = 3
) -> tuple[dict[str, list[float]], dict[str, list[float]], list[float]]:
    """Wall and client-thread CPU seconds per round of each of ``work``'s candidates, run
    back to back in a rotating order, and each such group's ratio of ours to bare's."""
    names = list(work)
    wall: dict[str, list[float]] = {name: [] for name in names}
    cpu: dict[str, list[float]] = {name: [] for name in names}
    ratios: list[float] = []
    for index in range(warmup + pairs):
        pair: dict[str, float] = {}
        gc.collect()  # once a group: a full collection of this process costs more than a round
        shift = index % len(names)
        for name in names[shift:] + names[:shift]:
            started, started_cpu = time.perf_counter(), time.thread_time()
            work[name]()
            used_cpu, used = time.thread_time() - started_cpu, time.perf_counter() - started
            pair[name] = used
            if index >= warmup:
                wall[name].append(used)
                cpu[name].append(used_cpu)
        if index >= warmup:
            ratios.append(pair[OURS] / pair[BARE])
    return wall, cpu, ratios


def _sync_rows(
    table: Table, label: str, work: dict[str, Callable[[], object]], pairs: int, calls: int
) -> tuple[float, str]:
    wall, cpu, ratios = paired_rounds(work, pairs)
    for name in work:
        table.add(
            label,
            name,
            seconds(median(wall[name]) / calls),
            seconds(min(wall[name]) / calls),
            f"{median(wall[name]) / median(wall[BARE]):.2f}×",
            f"{min(wall[name]) / min(wall[BARE]):.2f}×",
            f"{median(ratios):.2f}×" if name == OURS else "",
            f"{median(cpu[name]) / median(cpu[BARE]):.2f}×",
        )
    ratio, shown = ratio_shown(wall[OURS], wall[BARE])
    cpu_ratio = median(cpu[OURS]) / median(cpu[BARE])
    return ratio, f"{shown}, of groups {median(ratios):.2f}×, CPU {cpu_ratio:.2f}×"


def measure(quick: bool) -> Section:
    client_on_path()
    calls, concurrent, rounds = (10, 10, 1) if quick else (SYNC_CALLS, 200, 25)
    pairs = 1 if quick else SYNC_PAIRS
    section = Section("calls", "Client call overhead: `client.jobs.get` against bare httpx")
    body = json.dumps(job(random.Random(6), 0), separators=(",", ":")).encode()
    table = section.table(
        f"Loopback server, one {len(body)}-byte job per answer; sync: {pairs} groups of "
        f"rounds of {calls} sequential calls per run; async: medians of {rounds} "
        f"interleaved rounds of {concurrent} concurrent calls:",
        "mode",
        "client",
        "per call",
        "min",
        "× bare httpx",
        "× bare httpx, of minima",
        "median of the groups' ratios (ours / bare)",
        "× bare httpx, client CPU",
    )
    loop = asyncio.new_event_loop()
    try:
        with loopback_server(body, lifetime=3600) as url:
            sync, close_sync = _sync(url, calls)
            sync_runs = [
                _sync_rows(table, f"sync, run {run + 1} of {SYNC_RUNS}", sync, pairs, calls)
                for run in range(1 if quick else SYNC_RUNS)
            ]
            sync_ratio = max(ratio for ratio, _ in sync_runs)
            sync_shown = "; ".join(shown for _, shown in sync_runs)
            concurrent_work, close_async = _async(url, concurrent, loop)
            async_ratio, async_shown = _rows(
                table, "async", interleaved(concurrent_work, rounds), concurrent
            )
            if not quick and sync_ratio > TARGET:
                section.profiles.append(
                    (
                        f"Profile of {calls} sync calls of ours (pyinstrument)",
                        profile_call(sync[OURS]),
                    )
                )
            if not quick and async_ratio > TARGET:
                section.profiles.append(
                    (
                        f"Profile of {concurrent} concurrent async calls of ours (pyinstrument)",
                        profile_call(concurrent_work[OURS]),
                    )
                )
            close_sync()
            close_async()
    finally:
        loop.close()
    section.targets.append(
        judge(
            f"sync `get_job` call / bare httpx's, in {SYNC_RUNS} runs out of {SYNC_RUNS}",
            sync_ratio,
            "≤",
            TARGET,
            sync_shown,
            f"{TARGET}× in each",
            quick=quick,
            why="see the profile: the client's own work per call",
        )
    )
    section.notes.append(
        f"Async, {concurrent} concurrent calls (a figure, not a target): {async_shown} "
        "bare httpx's time."
    )
    section.notes.append(
        "The machine is shared: compare the ratios of one run, not times across runs; the "
        "CPU ratio is the client thread's own work, the part of a call ours adds to."
    )
    section.notes.append(
        "Ours parses each answer into `models.JobResponse` (validated); the bare side only "
        "runs `json.loads`. Both send the same request: the bare side is given the headers "
        "ours sends (bearer token, `Service-CRN`, `Accept`, `IBM-API-Version`, User-Agent), "
        "which the API requires of any client. The floor row is what typing the answer "
        "alone costs: bare httpx with the model's own pydantic-core validator in place of "
        "`json.loads`, the share of the 10% no client path can avoid. "
        'Ours is `Client(token="t", base_url=...)`: a bearer token, no IAM exchange.'
    )
    return section


if __name__ == "__main__":
    cli.main(measure)
