"""A cold run gives black the rendered modules while the models worker makes models.py."""

from __future__ import annotations

import concurrent.futures
import json
import multiprocessing
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from bench.generation import updated_spec
from bench.peers import overlaid_spec
from generator.emit import format as format_module
from generator.emit.format import Formatting, format_files
from generator.emit.models_worker import ModelsWorker, formatter, formatter_ahead
from generator.emit.render import models_path
from generator.pipeline import Options, Run, generate_files
from tests.conftest import OVERLAYS, ROOT, SEED, seed_options

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the workers fork on Linux only")


def _piece_paths(args: tuple[Any, ...]) -> list[str]:
    """The paths of the pieces in ``submit(format_batch, batch)``."""
    return [path for path, _, _ in args[1]]


def _record_models_answers(
    monkeypatch: pytest.MonkeyPatch, events: list[str], asked: str | None = None
) -> None:
    """``ModelsWorker.module_later`` records ``asked`` (when given) as it is asked, and
    "models answered" once its answer is read."""
    module_later = ModelsWorker.module_later

    def recording_module_later(self: ModelsWorker, *args: Any) -> Any:
        if asked is not None:
            events.append(asked)
        answer = module_later(self, *args)

        def answered() -> Any:
            found = answer()
            events.append("models answered")
            return found

        return answered

    monkeypatch.setattr(ModelsWorker, "module_later", recording_module_later)


def _cold_seed_events(monkeypatch: pytest.MonkeyPatch, load: float) -> list[str]:
    """What a cold run of the seed on 2 cores at ``load`` asks, in order: the models
    worker asked and answered, each piece given to black (the output checked too)."""
    monkeypatch.setenv("QISKIT_RUNTIME_API_GENERATOR_CACHE", "off")  # a cold run
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(os, "getloadavg", lambda: (load, load, load))
    events: list[str] = []
    submit = concurrent.futures.ProcessPoolExecutor.submit

    def recording_submit(self: Any, *args: Any, **kwargs: Any) -> Any:
        events.extend(f"black: {path}" for path in _piece_paths(args))
        return submit(self, *args, **kwargs)

    monkeypatch.setattr(concurrent.futures.ProcessPoolExecutor, "submit", recording_submit)
    _record_models_answers(monkeypatch, events, asked="models asked")
    _, files = generate_files(seed_options(), Run())
    for path, text in files.items():  # the committed output, byte for byte
        assert (ROOT / "generated" / path).read_text(encoding="utf-8") == text, path
    assert events.count("models asked") == events.count("models answered") == 1
    return events


MODELS = f"black: {models_path('qiskit_runtime_api')}"


def test_the_models_worker_is_asked_first_and_black_has_the_rendered_modules_meanwhile(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    events = _cold_seed_events(monkeypatch, load=0.5)
    assert events[0] == "models asked"
    answered = events.index("models answered")
    meanwhile, after = events[1:answered], events[answered + 1 :]
    assert meanwhile and all(e.startswith("black: ") and e != MODELS for e in meanwhile)
    assert after and set(after) == {MODELS}


def test_on_a_busy_machine_black_waits_for_the_models_worker(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    events = _cold_seed_events(monkeypatch, load=7.0)
    assert events[:2] == ["models asked", "models answered"]
    assert MODELS in events and len(set(events[2:])) > 1  # every module, after the answer


def test_formatting_in_two_steps_gives_what_whole_file_black_gives() -> None:
    first = {f"pkg/m{n}.py": f"x{n} = ( {n} )\n" * 4000 for n in range(3)}
    later = {"pkg/later.py": "class  A :\n    y = [ 1 ,2 ]\n" * 50, "README.md": "( x )\n"}
    files = {**first, **later}
    with Formatting() as formatting:
        formatting.begin(first)
        done = formatting.end(files)
    assert done.files == format_files(files)
    assert list(done.files) == list(files)
    assert done.pieces == len(format_module.python_pieces(files))


def test_a_spec_updates_pieces_go_to_the_formatter_started_with_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bench's update of the seed, and an operation's description: the rendered
    piece that changed is given to the worker that loaded black as the run started
    before the models are answered, the models' after; the models worker formats
    nothing, and the output is a cold run's."""
    monkeypatch.setenv("QISKIT_RUNTIME_API_GENERATOR_CACHE", str(tmp_path / "cache"))
    original = overlaid_spec(SEED, OVERLAYS, tmp_path / "original.json")
    generate_files(Options(spec=original, overlays=None, out=tmp_path / "unused"), Run())
    new = updated_spec(SEED, OVERLAYS, tmp_path / "new.json")
    document = json.loads(new.read_text(encoding="utf-8"))
    document["paths"]["/v1/jobs"]["get"]["description"] = "Every job you have run."
    new.write_text(json.dumps(document), encoding="utf-8")
    options = Options(spec=new, overlays=None, out=tmp_path / "unused")

    events: list[str] = []
    format_later = ModelsWorker.format_later

    def recording_format_later(self: ModelsWorker, jobs: list[tuple[str, int, str]]) -> Any:
        who = "formatter" if self is formatter() else "models worker"
        events.extend(f"{who}: {path}" for path, _, _ in jobs)
        return format_later(self, jobs)

    monkeypatch.setattr(ModelsWorker, "format_later", recording_format_later)
    _record_models_answers(monkeypatch, events)
    with formatter_ahead():
        _, files = generate_files(options, Run())
    monkeypatch.undo()
    # each file once (jobs.py's sync and async classes are two pieces)
    assert list(dict.fromkeys(events)) == [
        "formatter: qiskit_runtime_api/resources/jobs.py",
        "models answered",
        f"formatter: {models_path('qiskit_runtime_api')}",
    ]
    monkeypatch.setenv("QISKIT_RUNTIME_API_GENERATOR_CACHE", "off")
    assert files == generate_files(options, Run())[1]
    assert multiprocessing.active_children() == []
