"""Local ``$ref``s: looking up JSON pointers, following references, inlining them.

**The one rule for what stands beside a ``$ref``**, the same for every reader of the document
(the mock, the bundle, the breaking-change gate, the contract hooks, the tests): only
annotations — ``ANNOTATION_KEYS`` and ``x-`` extensions — and they override the target's own.
``{$ref: '#/components/schemas/Id', description: The owner's id.}`` reads as the ``Id`` schema
with that description. Anything else beside a ``$ref`` (``maxLength``, ``nullable``, ``type``…)
is a `SpecError` naming the place, because the readers would not agree on it:
openapi-python-client drops every sibling of a reference, so a constraint written there would
hold in the mock and the JSON Schema tools but never in the generated client. Write it in the
target, or as ``allOf: [{$ref: …}, {maxLength: 8}]``, which every reader understands.

What is walked and what is data: values under ``example``, ``default``, ``enum``, ``const``,
``value`` and ``x-`` keys are JSON instances or vendor payloads, copied as they are (an example
may well contain a key named ``$ref``); the entries of name maps (``properties``,
``components/schemas``, ``responses``…) are always objects, even when an entry is called
``default`` or ``example``.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Final

from ._errors import SpecError

ANNOTATION_KEYS: Final = frozenset(
    {
        "description",
        "summary",
        "title",
        "deprecated",
        "readOnly",
        "writeOnly",
        "example",
        "examples",
        "default",
        "$comment",
        "externalDocs",
    }
)
"""Keys that may stand beside a ``$ref`` (besides ``x-`` extensions): they annotate, never constrain."""

NAME_MAP_KEYS: Final = frozenset(
    {
        "properties",
        "patternProperties",
        "dependentSchemas",
        "$defs",
        "definitions",
        "paths",
        "webhooks",
        "callbacks",
        "pathItems",
        "schemas",
        "responses",
        "parameters",
        "requestBodies",
        "headers",
        "securitySchemes",
        "links",
        "content",
        "encoding",
        "variables",
    }
)
"""Keys whose value maps names to objects: an entry is an object whatever it is called."""

DATA_KEYS: Final = frozenset({"example", "default", "enum", "const", "value"})
"""Keys whose value is literal data (a JSON instance), never walked for references."""


def escape(token: str) -> str:
    """One reference token of a JSON pointer (RFC 6901): ``/api/v1`` is ``~1api~1v1``."""
    return token.replace("~", "~0").replace("/", "~1")


def join(where: str, *tokens: str | int) -> str:
    """The pointer ``where`` extended by ``tokens``: ``join("#/paths", "/a")`` is ``#/paths/~1a``."""
    return where + "".join("/" + escape(str(token)) for token in tokens)


def lookup(document: Mapping[str, Any], ref: str, where: str = "#") -> Any:
    """The value a local reference (``#/components/...``) points at; ``where`` is the referring place."""
    if ref == "#":
        return document
    if not ref.startswith("#/"):
        raise SpecError(f"{where}: $ref {ref!r} is not local; the spec must stay one self-contained file")
    node: Any = document
    for raw in ref[2:].split("/"):
        token = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, Mapping) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            raise SpecError(f"{where}: $ref {ref!r} does not resolve (no {token!r})")
    return node


def is_reference(node: Any) -> bool:
    """Whether ``node`` is a reference (an object with a string ``$ref``)."""
    return isinstance(node, Mapping) and isinstance(node.get("$ref"), str)


def ref_siblings(node: Mapping[str, Any], where: str = "#") -> dict[str, Any]:
    """What stands beside the ``$ref`` of ``node``, checked against the rule of this module."""
    siblings = {key: value for key, value in node.items() if key != "$ref"}
    constraints = sorted(key for key in siblings if key not in ANNOTATION_KEYS and not key.startswith("x-"))
    if constraints:
        raise SpecError(
            f"{where}: {', '.join(constraints)} beside $ref {node['$ref']!r}: only annotations "
            f"({', '.join(sorted(ANNOTATION_KEYS))}, x-*) may stand beside a $ref, and openapi-python-client "
            "drops anything else; write it in the target, or as allOf: [{$ref: ...}, {...}]"
        )
    return siblings


def _annotated(target: Any, notes: dict[str, Any], where: str, ref: str) -> Any:
    if not notes:
        return target
    if not isinstance(target, dict):
        raise SpecError(f"{where}: {', '.join(notes)} beside $ref {ref!r}, whose target is not an object")
    return {**target, **notes}


def follow(document: Mapping[str, Any], node: Any, where: str = "#") -> tuple[Any, tuple[str, ...]]:
    """Follow references from ``node`` to the first node that is none; return it and the refs passed.

    The annotations beside each reference are laid over its target, the nearest winning. The
    result shares structure with the document (the target's children are not copied or resolved).
    """
    refs: list[str] = []
    notes: dict[str, Any] = {}
    while is_reference(node):
        ref = node["$ref"]
        if ref in refs:
            raise SpecError(f"{where}: $ref {ref!r} leads back to itself ({' -> '.join([*refs, ref])})")
        notes = {**ref_siblings(node, where), **notes}
        node = lookup(document, ref, where)
        refs.append(ref)
        where = ref
    return _annotated(node, notes, where, refs[-1] if refs else ""), tuple(refs)


def resolve(document: Mapping[str, Any], node: Any, where: str = "#") -> Any:
    """``node`` with its references followed (see `follow`); a node that is no reference as it is."""
    return follow(document, node, where)[0]


@dataclass(frozen=True)
class Dereferenced:
    """A document with its references inlined."""

    document: dict[str, Any]
    recursive: tuple[str, ...]
    """References that would recurse into themselves: they stay ``$ref``s, and their targets stay in place."""


def _is_data(key: str, value: Any) -> bool:
    return key in DATA_KEYS or key.startswith("x-") or (key == "examples" and isinstance(value, list))


def _is_name_map(key: str) -> bool:
    # `examples` of a media type or parameter maps names to Example objects (a schema's is a list: data).
    return key in NAME_MAP_KEYS or key == "examples"


def _inline(document: Mapping[str, Any], start: Any, where: str) -> tuple[Any, tuple[str, ...]]:
    recursive: list[str] = []

    def member(key: str, value: Any, chain: tuple[str, ...], where: str) -> Any:
        if _is_data(key, value):
            return copy.deepcopy(value)
        return walk(value, chain, where, _is_name_map(key))

    def walk(node: Any, chain: tuple[str, ...], where: str, name_map: bool) -> Any:
        if isinstance(node, list):
            return [walk(item, chain, join(where, index), False) for index, item in enumerate(node)]
        if not isinstance(node, Mapping):
            return node
        if name_map:
            return {key: walk(value, chain, join(where, key), False) for key, value in node.items()}
        if not is_reference(node):
            return {key: member(key, value, chain, join(where, key)) for key, value in node.items()}
        ref = node["$ref"]
        notes = ref_siblings(node, where)
        if ref in chain:
            if ref not in recursive:
                recursive.append(ref)
            return copy.deepcopy(dict(node))
        target = walk(lookup(document, ref, where), (*chain, ref), ref, False)
        copied = {key: member(key, value, chain, join(where, key)) for key, value in notes.items()}
        return _annotated(target, copied, where, ref)

    return walk(start, (), where, False), tuple(recursive)


def dereference(document: Mapping[str, Any]) -> Dereferenced:
    """A copy of ``document`` with every local reference replaced by a copy of its target."""
    result, recursive = _inline(document, document, "#")
    assert isinstance(result, dict)
    return Dereferenced(result, recursive)


def inline(document: Mapping[str, Any], node: Any, where: str = "#") -> Any:
    """A copy of ``node`` (a part of ``document``) with every reference below it inlined.

    A reference that recurses cannot be inlined in a part cut off from the document: `SpecError`.
    """
    result, recursive = _inline(document, node, where)
    if recursive:
        raise SpecError(f"{where}: recursive $ref {recursive[0]!r} cannot be inlined; use dereference()")
    return result


def references(document: Mapping[str, Any]) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Every reference of the document and its place, data (examples, defaults, ``x-``) left out."""

    def walk(node: Any, where: str, name_map: bool) -> Iterator[tuple[str, Mapping[str, Any]]]:
        if isinstance(node, list):
            for index, item in enumerate(node):
                yield from walk(item, join(where, index), False)
        elif isinstance(node, Mapping):
            if not name_map and is_reference(node):
                yield where, node
            for key, value in node.items():
                if name_map or not _is_data(key, value):
                    yield from walk(value, join(where, key), not name_map and _is_name_map(key))

    yield from walk(document, "#", False)


def problems(document: Mapping[str, Any]) -> list[str]:
    """Every reference that breaks the rules of this module, each message naming its place."""
    found: list[str] = []
    for where, node in references(document):
        try:
            follow(document, node, where)
        except SpecError as error:
            found.append(str(error))
    return found
