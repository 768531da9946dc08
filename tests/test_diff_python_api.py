"""The Python API comparison: surfaces read from source, changes with their severities."""

from __future__ import annotations

import textwrap

import pytest

from generator.diff.python_api import compare_surfaces, read_surface

PACKAGE = "pkg"

OLD_MODELS = """
from typing import Literal
from pydantic import BaseModel, Field, RootModel

class Job(BaseModel):
    id: str
    state: Literal["Queued", "Running"]
    backend: str | None = None
    size: Annotated[int | None, Field(ge=0, le=10)] = None
    program_id: str | None = Field(None, alias="programId")

class Part(BaseModel):
    a: int

class Child(Part):
    b: int

class Body(RootModel[Job | Part]):
    pass
"""

OLD_JOBS = """
_GET = Endpoint(operation_id="get_job", method="GET", path="/jobs/{id}")

class Jobs:
    def __init__(self, client: object) -> None:
        self._client = client

    def get(self, job_id: str, *, limit: int | None = None, sort: Literal["ASC", "DESC"] | None = None) -> models.Job:
        return self._client._call(_GET, {"job_id": job_id})

    def _private(self) -> None:
        ...

class AsyncJobs:
    async def get(self, job_id: str, *, limit: int | None = None, sort: Literal["ASC", "DESC"] | None = None) -> models.Job:
        ...
"""

CREATE = """
class Parts:
    def create(self, *, body: models.Part) -> None:
        ...
"""


def _files(models: str = OLD_MODELS, jobs: str = OLD_JOBS) -> dict[str, str]:
    return {
        f"{PACKAGE}/__init__.py": '__all__ = ["Client"]\n',
        f"{PACKAGE}/_client.py": "class Client:\n    jobs: Jobs\n\nclass Hidden:\n    pass\n",
        f"{PACKAGE}/models.py": textwrap.dedent(models),
        f"{PACKAGE}/resources/jobs.py": textwrap.dedent(jobs),
    }


def _changes(
    models: str = OLD_MODELS, jobs: str = OLD_JOBS
) -> list[tuple[str, str, tuple[str, ...], str]]:
    old = read_surface(_files(), PACKAGE)
    new = read_surface(_files(models, jobs), PACKAGE)
    return [(c.kind, c.severity.value, c.owners, c.member) for c in compare_surfaces(old, new)]


def test_the_surface_holds_public_classes_of_public_modules_and_exported_ones() -> None:
    surface = read_surface(_files(), PACKAGE)
    assert set(surface.owners) == {"Job", "Part", "Child", "Body", "Jobs", "AsyncJobs", "Client"}
    assert surface.models == {"Job", "Part", "Child", "Body"}
    assert set(surface.owners["Jobs"]) == {"__init__", "get"}
    job = surface.owners["Job"]
    assert job["size"].annotation == "int | None"  # Annotated metadata left out
    assert job["program_id"].alias == "programId"
    assert job["id"].required and not job["backend"].required
    assert surface.owners["Body"]["root"].annotation == "Job | Part"
    assert surface.owners["Client"]["jobs"].kind == "attribute"
    assert surface.owners["Jobs"]["get"].operation == "GET /jobs/{id}"  # the endpoint it calls
    assert surface.owners["AsyncJobs"]["get"].operation == ""


def test_identical_packages_have_no_change() -> None:
    assert _changes() == []


CASES = [
    (
        "field removed",
        OLD_MODELS.replace("    backend: str | None = None\n", ""),
        OLD_JOBS,
        [("field-removed", "breaking", ("Job",), "backend")],
    ),
    (
        "optional field added",
        OLD_MODELS.replace("    id: str\n", "    id: str\n    owner: str | None = None\n"),
        OLD_JOBS,
        [("field-added", "info", ("Job",), "owner")],
    ),
    (
        "required field added to a response model: callers receive more",
        OLD_MODELS.replace("    id: str\n", "    id: str\n    owner: str\n"),
        OLD_JOBS,
        [("field-added", "info", ("Job",), "owner")],
    ),
    (
        "field type changed",
        OLD_MODELS.replace("backend: str | None", "backend: int | None"),
        OLD_JOBS,
        [("type-changed", "breaking", ("Job",), "backend")],
    ),
    (
        "enum member added to a Literal callers receive: a warning",
        OLD_MODELS.replace(
            'Literal["Queued", "Running"]', 'Literal["Queued", "Running", "Paused"]'
        ),
        OLD_JOBS,
        [("enum-member-added", "warning", ("Job",), "state")],
    ),
    (
        "enum member removed from a Literal callers receive: it narrows freely",
        OLD_MODELS.replace('Literal["Queued", "Running"]', 'Literal["Queued"]'),
        OLD_JOBS,
        [("enum-member-removed", "info", ("Job",), "state")],
    ),
    (
        "constraint change is not a type change",
        OLD_MODELS.replace("le=10", "le=20"),
        OLD_JOBS,
        [],
    ),
    (
        "class removed",
        OLD_MODELS.replace("class Child(Part):\n    b: int\n", ""),
        OLD_JOBS,
        [("class-removed", "breaking", ("Child",), "")],
    ),
    (
        "root model type narrowed, its direction unknown: breaking",
        OLD_MODELS.replace("RootModel[Job | Part]", "RootModel[Job]"),
        OLD_JOBS,
        [("type-narrowed", "breaking", ("Body",), "root")],
    ),
    (
        "optional parameter added, in the sync and async class at once",
        OLD_MODELS,
        OLD_JOBS.replace(
            "limit: int | None = None,", "limit: int | None = None, offset: int | None = None,"
        ),
        [("parameter-added", "info", ("AsyncJobs.get", "Jobs.get"), "offset")],
    ),
    (
        "required parameter added",
        OLD_MODELS,
        OLD_JOBS.replace("*, limit", "*, region: str, limit"),
        [("parameter-added-required", "breaking", ("AsyncJobs.get", "Jobs.get"), "region")],
    ),
    (
        "parameter made required: one change, not also a type change",
        OLD_MODELS,
        OLD_JOBS.replace("limit: int | None = None", "limit: int"),
        [("parameter-became-required", "breaking", ("AsyncJobs.get", "Jobs.get"), "limit")],
    ),
    (
        "parameter Literal widened",
        OLD_MODELS,
        OLD_JOBS.replace('Literal["ASC", "DESC"]', 'Literal["ASC", "DESC", "NONE"]'),
        [("parameter-enum-member-added", "info", ("AsyncJobs.get", "Jobs.get"), "sort")],
    ),
    (
        "parameter narrowed: breaking",
        OLD_MODELS,
        OLD_JOBS.replace('Literal["ASC", "DESC"]', 'Literal["ASC"]'),
        [("parameter-enum-member-removed", "breaking", ("AsyncJobs.get", "Jobs.get"), "sort")],
    ),
    (
        "return union widened: a warning",
        OLD_MODELS,
        OLD_JOBS.replace("-> models.Job:", "-> models.Job | models.Part:"),
        [("return-type-widened", "warning", ("AsyncJobs.get", "Jobs.get"), "")],
    ),
    (
        "parameter removed",
        OLD_MODELS,
        OLD_JOBS.replace(", limit: int | None = None", ""),
        [("parameter-removed", "breaking", ("AsyncJobs.get", "Jobs.get"), "limit")],
    ),
    (
        "return type changed",
        OLD_MODELS,
        OLD_JOBS.replace("-> models.Job:", "-> models.Part:"),
        [("return-type-changed", "breaking", ("AsyncJobs.get", "Jobs.get"), "")],
    ),
    (
        "method removed",
        OLD_MODELS,
        OLD_JOBS.replace("def get(", "def fetch("),
        [
            ("method-removed", "breaking", ("AsyncJobs", "Jobs"), "get"),
            ("method-added", "info", ("AsyncJobs", "Jobs"), "fetch"),
        ],
    ),
]


@pytest.mark.parametrize(("name", "models", "jobs", "expected"), CASES, ids=[c[0] for c in CASES])
def test_python_api_change_has_the_expected_kind_severity_and_place(
    name: str, models: str, jobs: str, expected: list[tuple[str, str, tuple[str, ...], str]]
) -> None:
    assert sorted(_changes(models, jobs)) == sorted(expected)


def _between(old_jobs: str, new_jobs: str) -> list[tuple[str, str, tuple[str, ...], str]]:
    old = read_surface(_files(OLD_MODELS, old_jobs), PACKAGE)
    new = read_surface(_files(OLD_MODELS, new_jobs), PACKAGE)
    return [(c.kind, c.severity.value, c.owners, c.member) for c in compare_surfaces(old, new)]


def test_a_sequence_of_literals_that_callers_pass_gaining_members_is_an_addition() -> None:
    old = OLD_JOBS.replace(
        'sort: Literal["ASC", "DESC"] | None', 'sort: Sequence[Literal["ASC", "DESC"]] | None'
    )
    new = old.replace('Literal["ASC", "DESC"]', 'Literal["ASC", "DESC", "NONE"]')
    assert _between(old, new) == [
        ("parameter-enum-member-added", "info", ("AsyncJobs.get", "Jobs.get"), "sort")
    ]


def test_a_return_union_that_loses_a_member_narrows_freely() -> None:
    old = OLD_JOBS.replace("-> models.Job:", "-> models.Job | models.Part:")
    assert _between(old, OLD_JOBS) == [
        ("return-type-narrowed", "info", ("AsyncJobs.get", "Jobs.get"), "")
    ]


def test_a_field_that_became_nullable_in_a_response_model_is_a_warning() -> None:
    new = OLD_MODELS.replace("    id: str\n", "    id: str | None\n")
    assert _changes(new) == [("type-widened", "warning", ("Job",), "id")]


def test_a_class_renamed_by_the_generator_is_one_warning_and_its_members_compare_as_one() -> None:
    renamed = OLD_MODELS.replace("class Part(", "class PartX1(").replace(
        "Child(Part)", "Child(PartX1)"
    )
    renamed = renamed.replace("RootModel[Job | Part]", "RootModel[Job | PartX1]")
    renamed = renamed.replace("    a: int\n", "    a: int\n    z: int | None = None\n")
    old = read_surface(_files(), PACKAGE)
    new = read_surface(_files(renamed), PACKAGE)
    found = [
        (c.kind, c.severity.value, c.owners, c.member)
        for c in compare_surfaces(old, new, {"Part": "PartX1"})
    ]
    assert sorted(found) == [
        ("class-renamed", "warning", ("PartX1",), ""),
        ("field-added", "info", ("PartX1",), "z"),
    ]


def test_a_resource_class_named_like_a_model_is_told_apart_by_its_module() -> None:
    files = _files()
    files[f"{PACKAGE}/resources/job.py"] = (
        "class Job:\n    def fetch(self) -> models.Job:\n        ...\n"
    )
    surface = read_surface(files, PACKAGE)
    assert surface.owners["Job"]["id"].kind == "field"
    assert set(surface.owners["Job (resources/job)"]) == {"fetch"}


def _with_create(
    models: str, body: str = "models.Part"
) -> list[tuple[str, str, tuple[str, ...], str]]:
    jobs = OLD_JOBS + CREATE.replace("models.Part", body)
    old = read_surface(_files(OLD_MODELS, jobs), PACKAGE)
    new = read_surface(_files(models, jobs), PACKAGE)
    return [(c.kind, c.severity.value, c.owners, c.member) for c in compare_surfaces(old, new)]


def test_a_required_field_added_to_a_model_callers_pass_is_a_warning() -> None:
    new = OLD_MODELS.replace("    a: int\n", "    a: int\n    c: int\n")
    assert _with_create(new) == [("field-added-required", "warning", ("Part",), "c")]


def test_an_enum_member_removed_from_a_model_callers_pass_and_receive_is_breaking() -> None:
    new = OLD_MODELS.replace('Literal["Queued", "Running"]', 'Literal["Queued"]')
    assert _with_create(new, "models.Job") == [
        ("enum-member-removed", "breaking", ("Job",), "state")
    ]


def test_one_reader_of_two_packages_reads_each_as_read_surface_does() -> None:
    """``SurfaceReader`` keeps each module's part by its text; a private module's part
    also by the names ``__init__`` exports, which the second package changes."""
    from generator.diff.surface import SurfaceReader

    old = _files()
    new = _files(OLD_MODELS.replace("    a: int\n", "    a: int\n    c: int\n"))
    new[f"{PACKAGE}/__init__.py"] = '__all__ = ["Client", "Hidden"]\n'
    reader = SurfaceReader()
    assert reader.read(old, PACKAGE) == read_surface(old, PACKAGE)
    again = reader.read(new, PACKAGE)
    assert again == read_surface(new, PACKAGE)
    assert "Hidden" in again.owners and "c" in again.owners["Part"]
    again.owners["Jobs"].clear()  # a caller's change stays in its own surface
    assert reader.read(old, PACKAGE) == read_surface(old, PACKAGE)


def test_a_module_whose_class_line_is_inside_a_string_is_read_whole() -> None:
    """``SurfaceReader`` reads a module by pieces cut before top-level ``class`` lines;
    a docstring holding such a line can't be cut there, and the module is read whole."""
    from generator.diff.surface import SurfaceReader

    models = OLD_MODELS.replace(
        "class Part(BaseModel):\n",
        'class Part(BaseModel):\n    """A part.\n\nclass Fake(BaseModel):\n    x: int\n"""\n\n',
    )
    files = _files(models)
    surface = SurfaceReader().read(files, PACKAGE)
    assert surface == read_surface(files, PACKAGE)
    assert "Fake" not in surface.owners and set(surface.owners["Part"]) == {"a"}
    assert surface.models == {"Job", "Part", "Child", "Body"}
