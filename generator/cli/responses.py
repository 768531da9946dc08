"""``check-responses``: the recorded answers against the models and the spec."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from generator.diagnostics import GeneratorError, error

__all__ = ["run_check_responses"]


def run_check_responses(args: argparse.Namespace) -> int:
    from generator.pipeline import Options, Run
    from generator.responses import check_responses, proposal_yaml, propose_overlay, report_text

    started = time.perf_counter()
    options = Options(
        spec=args.spec,
        overlays=args.overlays,
        out=Path("generated"),  # nothing is written: the client is generated in memory
        allow_remote_refs=args.allow_remote_refs,
        max_spec_mb=args.max_spec_mb,
    )
    findings = check_responses(options, args.recordings, Run())
    sys.stdout.write(report_text(findings, str(args.spec)))
    if args.propose_overlay is not None:
        document = propose_overlay(findings, findings.spec)
        _write(args.propose_overlay, proposal_yaml(document))
        print(
            f"wrote {len(document['actions'])} actions to {args.propose_overlay}",
            file=sys.stderr,
        )
    print(
        f"checked {findings.recordings} recordings in {time.perf_counter() - started:.1f} s",
        file=sys.stderr,
    )
    return 0 if findings.fits else 1


def _write(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise GeneratorError(
            [error(str(path), "", f"cannot write the overlay: {exc.strerror}", "check the path")]
        ) from None
