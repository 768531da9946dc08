"""Every shape of ``shape_specs`` and ``shape_operation_specs``, generated and importable.

Each shape becomes its own package, ``shape_<name>``, generated in-process
through the whole pipeline into ``<root>/<name>/out``.
"""

from __future__ import annotations

import importlib
import json
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from generator.emit.write import write_tree
from generator.pipeline import Options, Run, generate_files

from .shape_operation_specs import OPERATION_SHAPES
from .shape_specs import MODEL_SHAPES, Schema

__all__ = ["SHAPES", "GeneratedShape", "generate_shapes", "package_of"]

SHAPES: dict[str, Schema] = {**MODEL_SHAPES, **OPERATION_SHAPES}


def package_of(shape: str) -> str:
    return f"shape_{shape}"


@dataclass(frozen=True)
class GeneratedShape:
    name: str
    spec: Path
    out: Path
    run: Run

    @property
    def package(self) -> str:
        return package_of(self.name)

    def module(self, name: str = "") -> ModuleType:
        """``shape_<name>`` or one of its modules (its ``out`` folder is on ``sys.path``)."""
        return importlib.import_module(f"{self.package}.{name}" if name else self.package)

    def warnings_at(self, pointer: str) -> list[str]:
        return [d.message for d in self.run.diagnostics if d.pointer == pointer]


def generate_shapes(root: Path) -> dict[str, GeneratedShape]:
    """Every shape generated in-process into ``root/<name>/out/shape_<name>``."""
    generated = {}
    for name, spec in SHAPES.items():
        folder = root / name
        folder.mkdir(parents=True)
        path = folder / "openapi.json"
        path.write_text(json.dumps(spec, indent=1), encoding="utf-8")
        out = folder / "out"
        run = Run()
        options = Options(spec=path, overlays=None, out=out, package=package_of(name))
        _, files = generate_files(options, run)
        write_tree(out, files, "shapes")
        generated[name] = GeneratedShape(name, path, out, run)
    return generated
