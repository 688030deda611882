"""The one Python reader of the Fastn OpenAPI document.

Every Python tool of the project reads ``openapi/fastn.yaml`` through this package, so they all
see the same document: the mock, the bundle (``scripts/bundle.py``), the breaking-change gate
(``scripts/breaking.py``), generation, the contract hooks and the tests.

    import fastn_spec

    document = fastn_spec.load("openapi/fastn.yaml")       # YAML 1.2, duplicate keys refused
    schema = fastn_spec.resolve(document, {"$ref": "#/components/schemas/Customer"})
    inlined = fastn_spec.dereference(document).document    # no $ref left (but recursive ones)
    for operation in fastn_spec.operations(document):
        print(operation.method, operation.path, operation.id)

``python -m fastn_spec check FILE`` (a step of ``make lint``) reports every unreadable place of a
document: YAML it cannot parse or keys it repeats, references that are remote or lead nowhere,
anything but an annotation beside a ``$ref`` (the rule is in `fastn_spec._refs`), and inline
schemas that openapi-generator would name like another schema (`fastn_spec._names`).
"""

from __future__ import annotations

from ._document import HTTP_METHODS, Operation, operations, walk
from ._errors import SpecError
from ._names import class_name, name_clashes
from ._refs import (
    ANNOTATION_KEYS,
    DATA_KEYS,
    NAME_MAP_KEYS,
    Dereferenced,
    dereference,
    escape,
    follow,
    inline,
    is_reference,
    join,
    lookup,
    problems,
    ref_siblings,
    references,
    resolve,
)
from ._schemas import merge_all_of
from ._yaml import dump_json, load, load_text, parse_yaml

__all__ = [
    "ANNOTATION_KEYS",
    "DATA_KEYS",
    "HTTP_METHODS",
    "NAME_MAP_KEYS",
    "Dereferenced",
    "Operation",
    "SpecError",
    "class_name",
    "dereference",
    "dump_json",
    "escape",
    "follow",
    "inline",
    "is_reference",
    "join",
    "load",
    "load_text",
    "lookup",
    "merge_all_of",
    "name_clashes",
    "operations",
    "parse_yaml",
    "problems",
    "ref_siblings",
    "references",
    "resolve",
    "walk",
]
