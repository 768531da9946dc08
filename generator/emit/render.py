"""Render stage: the plan and templates/ become the generated files, in memory.

Templates lay code out; everything they print was decided by the plan stage.
The hand-written runtime (``templates/runtime/*.py``) is copied verbatim, and so are
the optional modules the spec asks for (``templates/extras/``, ``x-python-extras``).
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import jinja2

from generator import text
from generator.emit.options import CALL_OPTION_NAMES
from generator.emit.plan import ClientPlan
from generator.inputs import TEMPLATES

__all__ = ["EXCHANGE_MODULES", "TEMPLATES", "render_files", "runtime_paths"]

# Runtime modules of the ibm-cloud-iam auth kind: copied only into a client that uses it.
EXCHANGE_MODULES = frozenset({"_auth.py", "_ibm_cloud.py"})


def _environment(templates: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters["pyrepr"] = repr
    env.filters["wrap"] = lambda value: textwrap.fill(
        value, 92, break_on_hyphens=False, break_long_words=False
    )
    env.filters["tomlstr"] = lambda value: '"' + text.one_line(str(value), 500) + '"'
    env.globals["call_options"] = CALL_OPTION_NAMES
    return env


def runtime_paths(package: str, templates: Path = TEMPLATES) -> list[str]:
    """Where the hand-written runtime modules land in the package (copied verbatim)."""
    return [f"{package}/{p.name}" for p in sorted((templates / "runtime").glob("*.py"))]


def render_files(
    plan: ClientPlan, models_source: str, changelog: str | None = None, templates: Path = TEMPLATES
) -> dict[str, str]:
    """Relative path → text of every file of the generated project.

    The license, the ``.gitignore`` (which hatchling also reads: caches stay out of
    the wheel and the sdist) and the changelog are copied verbatim.
    """
    env = _environment(templates)
    package = plan.package
    files: dict[str, str] = {}
    for name in ("__init__.py", "_client.py", "_operations.py", "_version.py"):
        files[f"{package}/{name}"] = env.get_template(f"package/{name}.j2").render(plan=plan)
    files[f"{package}/resources/__init__.py"] = env.get_template(
        "package/resources/__init__.py.j2"
    ).render(plan=plan)
    resource_template = env.get_template("package/resources/resource.py.j2")
    for resource in plan.resources:
        files[f"{package}/resources/{resource.module}.py"] = resource_template.render(
            resource=resource
        )
    files[f"{package}/models.py"] = models_source
    files[f"{package}/params.py"] = env.get_template("package/params.py.j2").render(
        plan=plan.params
    )
    files[f"{package}/py.typed"] = ""
    for path in runtime_paths(package, templates):
        if path.rsplit("/", 1)[1] in EXCHANGE_MODULES and plan.auth.exchange is None:
            continue
        files[path] = (templates / "runtime" / path.rsplit("/", 1)[1]).read_text(encoding="utf-8")
    for extra in plan.extras:
        files[f"{package}/{extra}.py"] = (templates / "extras" / f"{extra}.py").read_text(
            encoding="utf-8"
        )
    files["pyproject.toml"] = env.get_template("project/pyproject.toml.j2").render(plan=plan)
    files["README.md"] = env.get_template("project/README.md.j2").render(plan=plan)
    for source, target in (("LICENSE", "LICENSE"), ("gitignore", ".gitignore")):
        files[target] = (templates / "project" / source).read_text(encoding="utf-8")
    if changelog is not None:
        files["CHANGELOG.md"] = changelog
    return files
