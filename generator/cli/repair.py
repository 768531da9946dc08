"""``repair``: write the overlay of mechanical repairs, say what it could not repair.

Exit 0 when the spec (with every overlay) validates after the repairs, 1 when
errors are left that no rule fixes (the overlay still holds the repairs it
could make), 2 when the input is bad (unreadable, not OpenAPI 3).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import yaml

from generator.inputs import overlay_files
from generator.spec.load import load_document
from generator.spec.repair import REPAIRS_FILE, Repairs, repair_spec

__all__ = ["run_repair"]


def run_repair(args: argparse.Namespace) -> int:
    source = str(args.spec)
    with tempfile.TemporaryDirectory(prefix="repair-") as temporary:
        path = Path(source)
        if source.startswith(("http://", "https://")):
            from generator.release.update_spec import fetch_spec

            path = Path(temporary) / (source.rstrip("/").rsplit("/", 1)[-1] or "openapi.json")
            path.write_bytes(fetch_spec(source))
        document = load_document(path, args.max_spec_mb)
        folder: Path = args.overlays
        later = [p for p in overlay_files(folder) if p.name != REPAIRS_FILE]
        repairs = repair_spec(
            document.data, source, path.resolve().as_uri(), later, args.allow_remote_refs
        )
    _say(repairs, source)
    target = folder / REPAIRS_FILE
    if repairs.repaired:
        folder.mkdir(parents=True, exist_ok=True)
        target.write_text(_header(source) + _dump(repairs), encoding="utf-8")
        actions = sum(len(r.actions) for r in repairs.repaired)
        print(
            f"wrote {target}: {actions} actions repairing {len(repairs.repaired)} problems "
            f"in {repairs.rounds} rounds; review it, then: python -m generator generate "
            f"--spec {source} --overlays {folder}"
        )
    elif target.exists():
        target.unlink()
        print(f"nothing to repair: removed the stale {target}")
    else:
        print(f"nothing to repair in {source}")
    if repairs.left:
        print(
            f"{len(repairs.left)} problems have no mechanical repair: fix them in an overlay "
            f"under {folder}",
            file=sys.stderr,
        )
        return 1
    return 0


def _say(repairs: Repairs, source: str) -> None:
    for repaired in repairs.repaired:
        print(f"repaired: {source}#{repaired.pointer}: {repaired.message} ({repaired.what})")
    for pointer, message in repairs.left:
        print(f"error: {source}#{pointer}: {message} (no mechanical repair)", file=sys.stderr)


def _header(source: str) -> str:
    return (
        f"# Written by `python -m generator repair --spec {source}`: mechanical repairs of\n"
        "# what openapi-spec-validator rejects. Review it like any overlay; rerun the\n"
        "# command after a spec update rather than editing it.\n"
    )


def _dump(repairs: Repairs) -> str:
    return yaml.safe_dump(
        repairs.overlay(), sort_keys=False, allow_unicode=True, width=100, default_flow_style=False
    )
