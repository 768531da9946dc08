"""``check-responses``: every recording parsed by the generated client and checked
against the spec's JSON Schema, with what the spec leaves undescribed."""

from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path
from typing import Any

from generator.diagnostics import GeneratorError, error
from generator.pipeline import Options, Run, resolve_and_generate
from generator.responses.client import CHECK_PACKAGE, GeneratedClient, imported_client
from generator.responses.findings import (
    Findings,
    Occurrence,
    answer_path,
    group_extras,
    group_mismatches,
    value_at,
)
from generator.responses.recordings import Recording, load_recordings, require_folder
from generator.responses.schema import SchemaChecker, response_schema_pointers
from generator.responses.walk import schema_at, undocumented
from generator.spec import pointer as jp

__all__ = ["check_responses"]


def check_responses(options: Options, folder: Path, run: Run) -> Findings:
    """The findings of every recording under ``folder`` against the spec of ``options``."""
    require_folder(folder)  # before the pipeline runs
    checked = dataclasses.replace(options, package=CHECK_PACKAGE, release=None, changelog=None)
    resolved, _, files = resolve_and_generate(checked, run)
    spec = resolved.spec
    schemas = response_schema_pointers(spec)
    with imported_client(files) as client:
        recordings = run.timed("recordings", lambda: load_recordings(folder, client.endpoints))
        for recording in recordings:
            if recording.operation_id not in schemas:
                raise GeneratorError(
                    [
                        error(
                            str(recording.path.parent),
                            "",
                            f"{recording.operation_id} has no JSON answer in the spec",
                            "record only operations that answer JSON",
                        )
                    ]
                )
        return run.timed("check", lambda: _findings(spec, schemas, client, recordings))


def _findings(
    spec: dict[str, Any],
    schemas: dict[str, str],
    client: GeneratedClient,
    recordings: list[Recording],
) -> Findings:
    model: list[Occurrence] = []
    schema: list[Occurrence] = []
    extras: list[tuple[str, str, str, str, Any]] = []
    strict: list[str] = []
    warned: list[str] = []
    refused: list[str] = []
    checker = SchemaChecker(spec)
    for r in recordings:
        root = schemas[r.operation_id]
        errors = client.strict_errors(r.operation_id, r.body)
        if errors:
            strict.append(r.name)
        for e in errors:
            path = answer_path(r.data, e.loc)
            value = value_at(r.data, path)
            if e.kind == "missing" and e.loc:  # where the member should have been
                path = [*path, e.loc[-1]]
            model.append(
                Occurrence(
                    r.name,
                    schema_at(spec, root, r.data, path),
                    e.kind,
                    jp.from_parts(path),
                    e.message,
                    value,
                )
            )
        if client.lenient_warnings(r.operation_id, r.body):
            warned.append(r.name)
        found = checker.errors(root, r.data)
        if found:
            refused.append(r.name)
        schema.extend(
            Occurrence(r.name, f.spec_pointer, f.keyword, f.answer_pointer, f.message, f.instance)
            for f in found
        )
        extras.extend(
            (r.name, u.schema_pointer, u.name, u.answer_pointer, u.value)
            for u in undocumented(spec, root, r.data)
        )
    return Findings(
        len(recordings),
        strict,
        warned,
        refused,
        group_mismatches(model),
        group_mismatches(schema),
        group_extras(extras),
        dict(Counter(r.operation_id for r in recordings)),
        spec,
    )
