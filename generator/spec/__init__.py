"""The spec as a document: read, overlaid, validated, dereferenced.

::

    load.py         load stage: a file's bytes → a document (JSON or YAML), the file kept for messages
    overlays.py     overlays stage: OpenAPI Overlay 1.0 documents applied in name order
    overlay_targets.py  the nodes an action's JSONPath target selects (a direct walk, else python-jsonpath)
    validate.py     validate stage: openapi-spec-validator, plus checks it does not make
    spec_validators.py  openapi-spec-validator's classes as validate runs them: errors located, no retrieval, work done once
    clean_values.py the schema values the validator found clean, in the run and across runs (stage cache)
    worker.py       the validation run in a forked worker beside the later stages
    one_worker.py   several validations in one worker, one after the other (the diff's two sides)
    repair.py       the ``repair`` command: rounds of validate → fix → validate, the overlay
    repair_rules.py one validator error → the overlay actions that fix it, where mechanical
    repair_mapping.py  discriminator values their member's enum lacks (found after validation)
    dereference.py  dereference stage: every ``$ref`` checked, other files bundled in
    pointer.py      JSON pointers (RFC 6901): building, escaping, following
"""

__all__: list[str] = []
