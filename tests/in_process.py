"""A spec's client or models module, generated in-process and imported by the test."""

from __future__ import annotations

import contextlib
import importlib.util
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any, NamedTuple

from generator.diagnostics import Diagnostic
from generator.emit.models import render_models
from generator.emit.write import write_tree
from generator.ir.build import build_api
from generator.pipeline import Options, Run, generate_files
from generator.spec.dereference import dereference


def models_module(
    spec: dict[str, Any], folder: Path, name: str
) -> tuple[ModuleType, list[Diagnostic]]:
    """``spec``'s models module, rendered from its IR and imported as ``name``; the
    IR's diagnostics."""
    api, diagnostics = build_api(dereference(spec, f"{name}.json", folder))
    path = folder / f"{name}.py"
    path.write_text(render_models(api))
    loader = importlib.util.spec_from_file_location(name, path)
    assert loader is not None and loader.loader is not None
    module = importlib.util.module_from_spec(loader)
    sys.modules[name] = module
    loader.loader.exec_module(module)
    return module, diagnostics


class Generated(NamedTuple):
    spec: Path  # the spec as written
    out: Path  # the output folder, which holds the package folder
    run: Run


@contextlib.contextmanager
def importable_client(folder: Path, package: str, spec: dict[str, Any]) -> Iterator[Generated]:
    """``spec`` written to ``folder`` and its client generated into ``folder/package``,
    importable as ``package`` while the context lasts."""
    path = folder / f"{package}.json"
    path.write_text(json.dumps(spec, indent=1), encoding="utf-8")
    out = folder / package
    run = Run()
    _, files = generate_files(Options(spec=path, overlays=None, out=out, package=package), run)
    write_tree(out, files, package)
    sys.path.insert(0, str(out))
    try:
        yield Generated(path, out, run)
    finally:
        sys.path.remove(str(out))
        for name in [m for m in sys.modules if m.split(".")[0] == package]:
            del sys.modules[name]
