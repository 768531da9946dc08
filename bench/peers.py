"""The peer generator, openapi-python-client, in its own virtualenv ``bench/.peers``.

``make bench`` creates that virtualenv from ``bench/peers.txt`` so that the peer's
pins never meet ours. The peer is given the seed spec with our overlays applied
(written by ``overlaid_spec``): the raw upstream spec makes it skip two
operations (an invalid enum default, an array without ``items``), so both
generators read the same corrected document.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from generator.spec.load import load_document
from generator.spec.overlays import apply_overlays, overlay_files

from .report import ROOT

__all__ = [
    "PEERS",
    "opc_command",
    "opc_environment",
    "opc_package",
    "opc_version",
    "overlaid_spec",
    "peer_python",
]

PEERS = ROOT / "bench" / ".peers"
_BIN = PEERS / "bin"


def peer_python() -> Path | None:
    """The peers virtualenv's interpreter, or None when ``make bench`` has not made it."""
    python = _BIN / "python"
    opc = _BIN / "openapi-python-client"
    return python if python.exists() and opc.exists() else None


def opc_environment() -> dict[str, str]:
    """The environment to run the peer in: its ruff post-hooks need its ``bin`` on PATH."""
    env = dict(os.environ)
    env["PATH"] = f"{_BIN}{os.pathsep}{env.get('PATH', '')}"
    env.pop("PYTHONPATH", None)
    return env


def opc_command(spec: Path, out: Path) -> list[str]:
    return [
        str(_BIN / "openapi-python-client"),
        "generate",
        "--path",
        str(spec),
        "--output-path",
        str(out),
        "--overwrite",
    ]


def opc_version() -> str:
    python = peer_python()
    if python is None:
        return "not installed"
    code = (
        "import importlib.metadata as m; "
        "print(m.version('openapi-python-client'), 'with ruff', m.version('ruff'))"
    )
    result = subprocess.run([python, "-c", code], capture_output=True, text=True, check=False)
    return result.stdout.strip() or "unknown"


def opc_package(out: Path) -> Path:
    """The package folder the peer wrote into ``out`` (named after the spec's title)."""
    packages = [p for p in out.iterdir() if (p / "__init__.py").exists()]
    if len(packages) != 1:
        raise RuntimeError(f"expected one package in {out}, found {[p.name for p in packages]}")
    return packages[0]


def overlaid_spec(
    spec: Path, overlays: Path | None, destination: Path, *, leave_out: str | None = None
) -> Path:
    """``spec`` with ``overlays`` applied, written as JSON to ``destination``; without
    the overlay files whose name contains ``leave_out``, when given."""
    document = load_document(spec)
    files = [f for f in overlay_files(overlays) if leave_out is None or leave_out not in f.name]
    data, _ = apply_overlays(document.data, files)
    destination.write_text(json.dumps(data), encoding="utf-8")
    return destination
