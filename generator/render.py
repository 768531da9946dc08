"""Render stage: the plan and templates/ become the generated files, in memory.

Templates lay code out; everything they print was decided by the plan stage.
The hand-written runtime (``templates/runtime/*.py``) is copied verbatim.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from .plan import ClientPlan

__all__ = ["TEMPLATES", "render_files"]

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


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
    return env


def render_files(
    plan: ClientPlan, models_source: str, templates: Path = TEMPLATES
) -> dict[str, str]:
    """Relative path → text of every file of the generated project."""
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
    files[f"{package}/py.typed"] = ""
    for runtime in sorted((templates / "runtime").glob("*.py")):
        files[f"{package}/{runtime.name}"] = runtime.read_text(encoding="utf-8")
    files["pyproject.toml"] = env.get_template("project/pyproject.toml.j2").render(plan=plan)
    files["README.md"] = env.get_template("project/README.md.j2").render(plan=plan)
    return files
