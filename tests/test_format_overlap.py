"""A cold run gives black the rendered modules while the models worker makes models.py."""

from __future__ import annotations

import concurrent.futures
import functools
import os
import sys
from typing import Any

import pytest

from generator.emit import format as format_module
from generator.emit.format import Formatting, format_files
from generator.emit.models_worker import ModelsWorker
from generator.emit.render import models_path
from generator.pipeline import Run, generate_files
from tests.conftest import ROOT, seed_options

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the workers fork on Linux only")


def _piece_paths(args: tuple[Any, ...]) -> list[str]:
    """The paths of the pieces in ``submit(format_batch, batch)``, or in the chunk of
    batches ``ProcessPoolExecutor.map`` submits as ``submit(partial(...), chunk)``."""
    function, given = args[0], args[1]
    batches = [item[0] for item in given] if isinstance(function, functools.partial) else [given]
    return [path for batch in batches for path, _, _ in batch]


def _cold_seed_events(monkeypatch: pytest.MonkeyPatch, load: float) -> list[str]:
    """What a cold run of the seed on 2 cores at ``load`` asks, in order: the models
    worker asked and answered, each piece given to black (the output checked too)."""
    monkeypatch.setenv("QISKIT_RUNTIME_API_GENERATOR_CACHE", "off")  # a cold run
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(os, "getloadavg", lambda: (load, load, load))
    events: list[str] = []
    submit = concurrent.futures.ProcessPoolExecutor.submit
    module_later = ModelsWorker.module_later

    def recording_submit(self: Any, *args: Any, **kwargs: Any) -> Any:
        events.extend(f"black: {path}" for path in _piece_paths(args))
        return submit(self, *args, **kwargs)

    def recording_module_later(self: ModelsWorker, *args: Any) -> Any:
        events.append("models asked")
        answer = module_later(self, *args)

        def answered() -> Any:
            found = answer()
            events.append("models answered")
            return found

        return answered

    monkeypatch.setattr(concurrent.futures.ProcessPoolExecutor, "submit", recording_submit)
    monkeypatch.setattr(ModelsWorker, "module_later", recording_module_later)
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
