"""Reading schemas: ``allOf`` merged into one object schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from ._refs import resolve

MAX_DEPTH: Final = 32
"""``allOf`` nested deeper than this is left unmerged (no real schema nests so; a cycle would)."""


def merge_all_of(document: Mapping[str, Any], schema: Any, where: str = "#", _depth: int = 0) -> dict[str, Any]:
    """One schema from ``schema`` and its ``allOf`` parts (followed through ``$ref``s, nested ones too).

    ``properties`` and ``required`` are the unions of all parts (the first definition of a property
    wins); any other keyword is the schema's own, else the first part's that has it. This is how
    the generator, Redoc and the breaking-change gate see an ``allOf`` of objects, the one way the
    spec composes schemas. A schema that is not an object is ``{}``; one without ``allOf`` is
    returned as it is.
    """
    schema = resolve(document, schema, where)
    if not isinstance(schema, dict):
        return {}
    parts = schema.get("allOf")
    if not isinstance(parts, list) or _depth > MAX_DEPTH:
        return schema
    merged = {key: value for key, value in schema.items() if key != "allOf"}
    properties: dict[str, Any] = dict(merged.get("properties", {}))
    required: list[str] = list(merged.get("required", []))
    for index, member in enumerate(parts):
        part = merge_all_of(document, member, f"{where}/allOf/{index}", _depth + 1)
        for name, prop in part.get("properties", {}).items():
            properties.setdefault(name, prop)
        required += [name for name in part.get("required", []) if name not in required]
        for key, value in part.items():
            if key not in ("properties", "required"):
                merged.setdefault(key, value)
    if properties:
        merged["properties"] = properties
    if required:
        merged["required"] = required
    return merged
