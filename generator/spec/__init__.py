"""The spec as a document: read, overlaid, validated, dereferenced.

::

    load.py         load stage: a file's bytes → a document (JSON or YAML), the file kept for messages
    overlays.py     overlays stage: OpenAPI Overlay 1.0 documents applied in name order
    overlay_targets.py  the nodes an action's JSONPath target selects (a direct walk, else python-jsonpath)
    validate.py     validate stage: openapi-spec-validator, plus checks it does not make
    spec_validators.py  openapi-spec-validator's classes as validate runs them: errors located, no retrieval, work done once
    worker.py       the validation run in a forked worker beside the later stages
    repair.py       the ``repair`` command: rounds of validate → fix → validate, the overlay
    repair_rules.py one validator error → the overlay actions that fix it, where mechanical
    repair_mapping.py  discriminator values their member's enum lacks (found after validation)
    dereference.py  dereference stage: every ``$ref`` checked, other files bundled in
    pointer.py      JSON pointers (RFC 6901): building, escaping, following
"""

__all__: list[str] = []
