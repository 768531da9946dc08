"""Render stage: the plan and templates/ become the generated files, in memory.

Templates lay code out; everything they print was decided by the plan stage.
The hand-written runtime (``templates/runtime/*.py``) is copied verbatim, and so are
the optional modules the spec asks for (``templates/extras/``, ``x-python-extras``).

What a template may print is enforced here, by each environment's ``finalize``:
the Python templates' prints only what the escapers of ``generator.emit.code``
made (``Code``, ``Name``, ``DocText``), the README's only ``Markdown`` (of
``generator.emit.markdown``) and ``Name``s; besides, both print numbers, booleans
and the templates' own string constants (``"async "``). Any other string, spec
text above all, stops the render (``UnescapedText``): a field a template prints
unescaped fails generation, in the tests, instead of shipping. ``pyrepr`` takes
only what can't break out of any place (``None``, numbers, a ``Name``).
``pyproject.toml``'s prints only ``TomlText`` (``tomlstr``) and ``Name``s.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
import jinja2.nodes

from generator.emit import code, markdown
from generator.emit.code import Code, DocText, Name, TomlText
from generator.emit.markdown import Markdown
from generator.emit.options import CALL_OPTION_NAMES
from generator.emit.plan import ClientPlan
from generator.inputs import TEMPLATES

__all__ = ["EXCHANGE_MODULES", "TEMPLATES", "models_path", "render_files", "runtime_paths"]

# Runtime modules of the ibm-cloud-iam auth kind: copied only into a client that uses it.
EXCHANGE_MODULES = frozenset({"_auth.py", "_ibm_cloud.py"})


class _ParsedOnce(jinja2.FileSystemLoader):
    """A loader that compiles a template from the syntax tree ``_constants`` parsed
    already, instead of parsing its source a second time."""

    def __init__(self, folder: str) -> None:
        super().__init__(folder)
        self.parsed: dict[str, tuple[jinja2.nodes.Template, str | None, Any]] = {}

    def load(
        self,
        environment: jinja2.Environment,
        name: str,
        globals: Any = None,
    ) -> jinja2.Template:
        if name not in self.parsed:
            return super().load(environment, name, globals)
        tree, filename, uptodate = self.parsed.pop(name)
        compiled = environment.compile(tree, name, filename)
        given = {} if globals is None else globals
        return environment.template_class.from_code(environment, compiled, given, uptodate)


def _base(templates: Path) -> jinja2.Environment:
    return jinja2.Environment(
        loader=_ParsedOnce(str(templates)),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )


def _constants(env: jinja2.Environment, prefix: str) -> frozenset[str]:
    """Every string constant the templates whose names start with ``prefix`` spell out."""
    loader = env.loader
    assert isinstance(loader, _ParsedOnce)
    found: set[str] = {""}
    for name in loader.list_templates():
        if name.startswith(prefix):
            source, filename, uptodate = loader.get_source(env, name)
            tree = env.parse(source, name, filename)
            for node in tree.find_all(jinja2.nodes.Const):
                if isinstance(node.value, str):
                    found.add(node.value)
            loader.parsed[name] = (tree, filename, uptodate)
    return frozenset(found)


def _finalize(safe: tuple[type, ...], constants: frozenset[str]) -> Callable[[Any], Any]:
    def finalize(value: Any) -> Any:
        if isinstance(value, safe):
            return value
        if isinstance(value, (bool, int, jinja2.Undefined)) or value is None:
            return value  # an Undefined prints "" (`x if c`) or raises (a missing name)
        if type(value) is float:
            return value
        if type(value) is str and value in constants:
            return value
        raise code.UnescapedText(f"a template printed a value no escaper made: {value!r:.200}")

    return finalize


def python_environment(templates: Path = TEMPLATES) -> jinja2.Environment:
    """The environment of the package's templates: it prints only escaped values."""
    env = _base(templates)
    env.finalize = _finalize((Code, DocText), _constants(env, "package/"))
    env.filters["pyrepr"] = code.scalar
    env.filters["indent"] = code.indented
    env.filters["docstring"] = code.docstring_at
    env.globals["call_options"] = tuple(code.name(n) for n in CALL_OPTION_NAMES)
    return env


def markdown_environment(templates: Path = TEMPLATES) -> jinja2.Environment:
    """The README's environment: it prints only ``Markdown`` and ``Name``s."""
    env = _base(templates)
    env.finalize = _finalize((Markdown, Name), _constants(env, "project/README"))
    env.filters["wrap"] = markdown.wrap
    return env


def toml_environment(templates: Path = TEMPLATES) -> jinja2.Environment:
    """``pyproject.toml``'s environment: it prints only TOML strings and ``Name``s."""
    env = _base(templates)
    env.finalize = _finalize((TomlText, Name), _constants(env, "project/pyproject"))
    env.filters["tomlstr"] = code.toml_string
    return env


def runtime_paths(package: str, templates: Path = TEMPLATES) -> list[str]:
    """Where the hand-written runtime modules land in the package (copied verbatim)."""
    return [f"{package}/{p.name}" for p in sorted((templates / "runtime").glob("*.py"))]


def models_path(package: str) -> str:
    """Where datamodel-code-generator's module lands: the one file ``render_files`` takes
    as given."""
    return f"{package}/models.py"


def render_files(
    plan: ClientPlan, models_source: str, changelog: str | None = None, templates: Path = TEMPLATES
) -> dict[str, str]:
    """Relative path → text of every file of the generated project.

    The license, the ``.gitignore`` (which hatchling also reads: caches stay out of
    the wheel and the sdist) and the changelog are copied verbatim.
    """
    env = python_environment(templates)
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
    files[models_path(package)] = models_source
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
    toml = toml_environment(templates)
    files["pyproject.toml"] = toml.get_template("project/pyproject.toml.j2").render(plan=plan)
    readme = markdown_environment(templates).get_template("project/README.md.j2")
    files["README.md"] = readme.render(plan=plan)
    for source, target in (("LICENSE", "LICENSE"), ("gitignore", ".gitignore")):
        files[target] = (templates / "project" / source).read_text(encoding="utf-8")
    if changelog is not None:
        files["CHANGELOG.md"] = changelog
    return files
