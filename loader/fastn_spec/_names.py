"""The names generators give the schemas the document leaves unnamed, and where two meet.

openapi-python-client turns an inline ``anyOf`` into a union and never names it, but
openapi-generator (every language: Python, Go, Java, TypeScript-axios, ...) makes a model of every
inline enumeration, object or composition, named after where it sits: ``Customer.status``
becomes ``Customer_status``, and its class ``CustomerStatus``. When the document also has a
schema ``CustomerStatus``, both classes are written to one file; in the Python client the
survivor then refers to itself, and parsing a customer recursed until the stack ran out. The
fix is a ``title``: openapi-generator names an inline schema by its title when it has one.

``name_clashes(document)`` finds every such meeting before a user of another language does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any, Final

from ._refs import is_reference, join

_WORD: Final = re.compile(r"[^A-Za-z0-9]+")


def class_name(name: str) -> str:
    """openapi-generator's model class for a schema name: camel case at every non-alphanumeric."""
    return "".join(word[:1].upper() + word[1:] for word in _WORD.split(name) if word)


def _members(schema: Mapping[str, Any], keyword: str) -> list[Any]:
    """The alternatives of a composition, less ``{type: 'null'}`` (which only makes it nullable)."""
    members = schema.get(keyword)
    if not isinstance(members, list):
        return []
    return [member for member in members if not (isinstance(member, Mapping) and member.get("type") == "null")]


def needs_a_model(schema: Any) -> bool:
    """True if openapi-generator makes a model class of this schema when it is written inline."""
    if not isinstance(schema, Mapping) or is_reference(schema):
        return False
    if "enum" in schema or "properties" in schema:
        return True
    return any(len(_members(schema, keyword)) > 1 for keyword in ("anyOf", "oneOf", "allOf"))


def inline_models(name: str, schema: Any, where: str) -> Iterator[tuple[str, str]]:
    """``(generator name, JSON pointer)`` of every inline schema below a schema named ``name``."""
    if not isinstance(schema, Mapping):
        return
    properties = schema.get("properties")
    for key, child in properties.items() if isinstance(properties, Mapping) else ():
        yield from _named(f"{name}_{key}", child, join(where, "properties", key))
    items = schema.get("items")
    if isinstance(items, Mapping):
        yield from _named(f"{name}_inner", items, join(where, "items"))


def _named(default: str, schema: Any, where: str) -> Iterator[tuple[str, str]]:
    if needs_a_model(schema):
        name = str(schema.get("title") or default)
        yield name, where
        yield from inline_models(name, schema, where)
    elif isinstance(schema, Mapping) and not is_reference(schema):
        yield from inline_models(default, schema, where)  # an array's items are named after the array


def name_clashes(document: Mapping[str, Any]) -> list[str]:
    """Every inline schema whose generated class is another schema's class, naming both places."""
    components = (document.get("components") or {}).get("schemas") or {}
    owner: dict[str, str] = {class_name(key): join("#/components/schemas", key) for key in components}
    found: list[str] = []
    for key, schema in components.items():
        for name, where in inline_models(key, schema, join("#/components/schemas", key)):
            cls = class_name(name)
            if cls in owner:
                found.append(
                    f"{where}: openapi-generator names this inline schema {name!r}, class {cls}, the class of "
                    f"{owner[cls]} too (one overwrites the other); give it a `title` no other schema has"
                )
            else:
                owner[cls] = where
    return found
