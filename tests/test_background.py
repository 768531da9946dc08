"""The validation workers: their verdict, their errors, and that nothing of them outlives it."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from generator.diagnostics import GeneratorError
from generator.emit import models_worker as models_worker_module
from generator.emit.models_worker import models_worker
from generator.spec.worker import Validation, Validator, WorkerLimits, _Forked
from tests.conftest import ROOT
from tests.tiny_spec import base as tiny_spec
from tests.tiny_spec import schema

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the workers fork on Linux only")


def _invalid() -> dict[str, Any]:
    return {"openapi": "3.1.0", "paths": {}}  # no info: the validator rejects it


def test_validator_errors_leave_no_worker_process_and_no_thread_behind() -> None:
    threads_before = set(threading.enumerate())
    validation = Validation(_invalid(), "bad.json", "file:///bad.json", Path("/"), False)
    with pytest.raises(GeneratorError) as raised:
        validation.finish()
    assert any("info" in d.format() for d in raised.value.diagnostics)
    # A thread still running here would race the interpreter's exit hooks (it once
    # printed an OSError traceback after a clean error message).
    assert set(threading.enumerate()) == threads_before
    assert multiprocessing.active_children() == []


def test_a_valid_document_gives_the_warnings_of_its_examples_and_the_time_taken() -> None:
    spec = tiny_spec()
    schema(spec, "Item")["properties"]["size"]["example"] = "large"  # size is an integer
    validation = Validation(spec, "tiny.json", "file:///tiny.json", Path("/"), False)
    problems, seconds = validation.finish()
    assert [p.level.name for p in problems] == ["WARNING"]
    assert "example does not match its schema" in problems[0].format()
    assert problems[0].pointer.endswith("/properties/size/example")
    assert seconds > 0
    assert validation.finish() == (problems, seconds)  # read once, then remembered
    assert multiprocessing.active_children() == []


def _raise_value_error() -> tuple[list[Any], float]:
    raise ValueError("boom in the worker")


def _die() -> tuple[list[Any], float]:
    os._exit(3)


def test_an_exception_in_a_worker_is_raised_in_the_caller() -> None:
    with pytest.raises(ValueError, match="boom in the worker"):
        _Forked(_raise_value_error).result()


def test_a_worker_that_dies_without_answering_is_named_with_its_exit_code() -> None:
    with pytest.raises(RuntimeError, match=r"without answering \(exit code 3\)"):
        _Forked(_die).result()
    assert multiprocessing.active_children() == []


def test_cancel_stops_a_worker_still_running() -> None:
    reader, writer = multiprocessing.get_context("fork").Pipe(duplex=False)
    worker = _Forked(reader.recv)  # blocks: nobody writes to the pipe
    assert worker._process.is_alive()
    worker.cancel()
    writer.close()
    assert multiprocessing.active_children() == []


def _spin() -> tuple[list[Any], float]:
    while True:
        pass


def _allocate() -> tuple[list[Any], float]:
    hoard = [bytearray(64 * 1024 * 1024) for _ in range(64)]  # 4 GiB
    return [], float(len(hoard))


def test_a_worker_past_its_deadline_is_killed_and_the_caller_told() -> None:
    worker = _Forked(_spin, limits=WorkerLimits(seconds=0.5, megabytes=4096))
    with pytest.raises(TimeoutError):
        worker.result()
    assert multiprocessing.active_children() == []


def test_a_worker_past_its_memory_bound_fails_with_memory_error() -> None:
    with pytest.raises(MemoryError):
        _Forked(_allocate, limits=WorkerLimits(seconds=60, megabytes=1024)).result()


def test_validation_past_its_deadline_is_an_error_naming_the_option() -> None:
    validation = Validation(
        tiny_spec(), "tiny.json", "file:///tiny.json", Path("/"), False,
        limits=WorkerLimits(seconds=0.0001, megabytes=4096),
    )  # fmt: skip
    with pytest.raises(GeneratorError) as raised:
        validation.finish()
    (diagnostic,) = raised.value.diagnostics
    assert diagnostic.format().startswith("error: tiny.json#: validation took more than")
    assert "--worker-seconds" in diagnostic.hint


def test_the_worker_dies_with_its_parent() -> None:
    code = (
        "import os, sys\n"
        "from generator.spec.worker import _Forked, WorkerLimits\n"
        "def _spin():\n"  # here, not imported from tests/ (which needs generated/ on the path)
        "    while True:\n"
        "        pass\n"
        "worker = _Forked(_spin, limits=WorkerLimits(seconds=600, megabytes=4096))\n"
        "print(worker._process.pid, flush=True)\n"
        "os.kill(os.getpid(), 9)\n"
    )
    parent = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    assert parent.returncode == -9
    child = int(parent.stdout.split()[0])
    for _ in range(100):  # PR_SET_PDEATHSIG delivers SIGKILL as the parent dies
        if not _alive(child):
            break
        time.sleep(0.1)
    else:
        os.kill(child, 9)
        raise AssertionError(f"the worker {child} outlived its parent")


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            return handle.read().split(") ")[1][0] != "Z"
    except FileNotFoundError:
        return False


def test_a_validator_started_before_the_document_gives_the_same_verdict() -> None:
    """``Validator``: forked first, given the document later (the pipeline's order)."""
    spec = tiny_spec()
    schema(spec, "Item")["properties"]["size"]["example"] = "large"
    args = ("tiny.json", "file:///tiny.json", Path("/"), False)
    early = Validation(spec, *args, validator=Validator(WorkerLimits())).finish()
    late = Validation(spec, *args).finish()
    assert early[0] == late[0] and [p.level.name for p in early[0]] == ["WARNING"]
    with pytest.raises(GeneratorError) as raised:
        Validation(_invalid(), *args, validator=Validator(WorkerLimits())).finish()
    assert any("info" in d.format() for d in raised.value.diagnostics)
    assert multiprocessing.active_children() == []


def test_a_validator_never_given_a_document_is_stopped_by_cancel() -> None:
    validator = Validator(WorkerLimits())
    assert validator._process.is_alive()
    validator.cancel()
    assert not validator._process.is_alive()
    assert multiprocessing.active_children() == []


def test_the_models_worker_answers_as_the_library_does_here_and_stops_with_the_run() -> None:
    document = {
        "openapi": "3.1.0",
        "info": {"title": "Worker", "version": "1"},
        "paths": {},
        "components": {"schemas": {"Item": {"type": "object", "properties": {"n": {}}}}},
    }
    with models_worker():
        worker = models_worker_module.current()
        assert worker is not None
        assert worker.module(document, "Worker") == models_worker_module.in_place(
            document, "Worker"
        )
        assert worker.formats() == models_worker_module.formats()
        broken = {**document, "components": {"schemas": {"Item": {"type": 5}}}}
        with pytest.raises(GeneratorError) as raised:
            worker.module(broken, "Worker")
        assert "datamodel-code-generator failed" in raised.value.diagnostics[0].message
    assert models_worker_module.current() is None
    assert multiprocessing.active_children() == []


def test_requests_asked_while_a_module_is_being_made_get_their_own_answers() -> None:
    """``module_later``: ``generate`` asks for the models and reads them after other
    work, ``diff`` asks from two threads; each answer goes to its own request."""
    first = {
        "openapi": "3.1.0",
        "info": {"title": "Worker", "version": "1"},
        "paths": {},
        "components": {"schemas": {"Item": {"type": "object", "properties": {"n": {}}}}},
    }
    second = {**first, "components": {"schemas": {"Other": {"type": "string"}}}}
    with models_worker():
        worker = models_worker_module.current()
        assert worker is not None
        made_first = worker.module_later(first, "Worker")
        made_second = worker.module_later(second, "Worker")
        assert worker.format_later([("a.py", 0, "x = ( 1 )\n")])() == [("a.py", 0, "x = 1\n")]
        assert made_second() == models_worker_module.in_place(second, "Worker")
        assert made_first() == models_worker_module.in_place(first, "Worker")
    assert multiprocessing.active_children() == []
