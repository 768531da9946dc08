"""The IR becomes the files of the generated package.

::

    plan.py           plan stage: the IR → what the templates lay out (every decision in Python)
    methods.py        one operation → a method's signature, docstring and wire facts
    response_plans.py how a method reads each success response, and its Accept header
    conveniences.py   ``list_all`` and ``wait`` methods from operation extensions
    options.py        the keyword arguments generated methods add (call, page, wait options)
    reserved.py       names the generated code already uses (runtime client members, ...)
    expressions.py    type expressions as a tree: names with their imports, rendered at the end
    code.py           the only escapers of spec text into Python: Name, Code, DocText
    layout.py         long lines broken as black breaks them (so black has little to change)
    markdown.py       the only escapers of spec text into the README: Markdown
    readme.py         the README plan: its examples, sections and pyproject metadata
    readme_prose.py   the README's sentences around the API's names (trust, credentials, waiting)
    types.py          JSON Schema → type expressions
    params.py         the request TypedDicts: every model a request sends, as a dict type
    models.py         models stage: named schemas → pydantic v2 source (datamodel-code-generator)
    model_style.py    the library's module rewritten in black's style (quotes, docstrings, long lines)
    render.py         render stage: the plan and ``templates/`` → files, in memory (Jinja)
    format.py         format stage: isort, then black, in-process
    format_cache.py   the content-addressed cache of formatted code
    write.py          write stage: the tree replaces ``generated/`` in one atomic swap
"""

__all__: list[str] = []
