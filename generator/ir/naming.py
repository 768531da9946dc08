"""Python identifiers from spec names: cleaned, cased, never reserved.

Cleaned names are their own types, so a raw spec name can't be passed where
an identifier is expected. Every function here is deterministic: the same
input gives the same name, whatever else the spec contains.
"""

from __future__ import annotations

import builtins
import keyword
import re
import unicodedata

__all__ = [
    "MAX_CLASS_NAME",
    "ClassName",
    "Identifier",
    "class_name",
    "pascal_case",
    "shorten_class_name",
    "singular",
    "snake_case",
    "spelled",
    "words",
]

MAX_CLASS_NAME = 40

# Names a generated model must not take: they are imported into models.py.
_RESERVED_CLASS_NAMES = frozenset(
    {
        "Any",
        "AnyUrl",
        "AwareDatetime",
        "BaseModel",
        "ConfigDict",
        "Enum",
        "Field",
        "Literal",
        "Optional",
        "RootModel",
        "UUID",
        "Union",
        "date",
        "datetime",
        "time",
        "timedelta",
    }
)


class Identifier(str):
    """A valid Python identifier in snake_case that is not a keyword."""

    __slots__ = ()


class ClassName(str):
    """A valid Python class name in PascalCase."""

    __slots__ = ()


def words(text: str) -> list[str]:
    """Split ``text`` into words at case changes, digits runs and punctuation."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", text)
    text = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1 \2", text)
    return [w for w in re.split(r"[^A-Za-z0-9]+", text) if w]


def snake_case(text: str, fallback: str = "value") -> Identifier:
    name = "_".join(w.lower() for w in words(text)) or fallback
    if name[0].isdigit():
        name = f"{fallback}_{name}"
    if keyword.iskeyword(name) or keyword.issoftkeyword(name):
        name += "_"
    return Identifier(name)


def pascal_case(text: str) -> str:
    return "".join(w[:1].upper() + w[1:] for w in words(text))


def class_name(text: str, fallback: str = "Model") -> ClassName:
    name = pascal_case(text) or fallback
    if name[0].isdigit():
        name = fallback + name
    if name in _RESERVED_CLASS_NAMES or name in dir(builtins):
        name += "Model"
    return ClassName(name)


def singular(word: str) -> str:
    """English singular of a resource or property word, for naming only."""
    lower = word.lower()
    if lower.endswith(("ics", "ss", "us", "is")) or len(word) < 4:
        return word
    if lower.endswith("ies"):
        return word[:-3] + "y"
    if lower.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    if lower.endswith("s"):
        return word[:-1]
    return word


def shorten_class_name(name: str, limit: int = MAX_CLASS_NAME) -> str:
    """Drop leading words (the least specific context) until ``name`` fits ``limit``."""
    parts = words(name)
    while len("".join(parts)) > limit and len(parts) > 1:
        parts = parts[1:]
    joined = "".join(p[:1].upper() + p[1:] for p in parts)
    return joined[:limit]


def spelled(text: str) -> str:
    """``text`` as a class name that keeps every character: ``user-id`` is ``UserHyphenMinusId``.

    The last resort when two names differ only in what ``class_name`` drops
    (punctuation, case, letters outside ASCII): ASCII letters and digits stay,
    every other character is written as its Unicode name.
    """
    parts = []
    for char in text:
        if char.isascii() and char.isalnum():
            parts.append(char)
        else:
            spelt = unicodedata.name(char, "") or f"U {ord(char):04X}"
            parts.append(" " + spelt.title() + " ")
    return str(class_name("".join(parts)))
