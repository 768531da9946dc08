"""The intermediate representation: what a spec means for a Python client.

::

    model.py         the IR: frozen dataclasses, each node with its JSON pointer
    build.py         IR stage: a dereferenced spec → ``Api`` (resources, operations, parameters)
    hoist.py         inline schemas hoisted into named models, one per distinct shape
    compositions.py  ``allOf``/``oneOf``/``anyOf`` rewritten into what classes express
    keywords.py      JSON Schema keywords the models can't check, said (warnings)
    extensions.py    ``x-timeout``, ``x-pagination``, ``x-wait``, checked against the operation
    naming.py        Python identifiers from spec names: cleaned, cased, never reserved
"""

__all__: list[str] = []
