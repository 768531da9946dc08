"""Recorded answers of the real service checked against the spec and the client.

::

    recordings.py  ``<folder>/<operationId>/<name>.json``: the bodies of 200 answers, read
    client.py      the client generated from the spec under check, imported from a temporary
                   folder; its own ``parse_response`` in strict and lenient mode
    schema.py      the answer's JSON Schema in the overlaid spec, and its errors placed at
                   spec pointers
    walk.py        an answer walked beside its schema: the schema of a value, undescribed members
    findings.py    occurrences grouped: one entry per schema place and keyword, with counts
    check.py       ``check_responses``: the pipeline run, every recording through both checks
    infer.py       a schema for the values answers carry where the spec has none
    propose.py     ``--propose-overlay``: the least loosening that makes every recording fit
    report.py      the text report, and the section ``update-spec`` adds to its entry
"""

from generator.responses.check import check_responses
from generator.responses.propose import proposal_yaml, propose_overlay
from generator.responses.report import RECORDED_PATH, report_markdown, report_text

__all__ = [
    "RECORDED_PATH",
    "check_responses",
    "proposal_yaml",
    "propose_overlay",
    "report_markdown",
    "report_text",
]
