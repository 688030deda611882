"""Walking the document: its operations, and every node with its place."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Final

from ._refs import join, resolve

HTTP_METHODS: Final = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
"""The fields of a path item that are operations, in the order OpenAPI lists them."""


@dataclass(frozen=True)
class Operation:
    """One operation: where it is, its own object, and the path item it sits in."""

    path: str
    method: str
    """Lower case, as the document spells it."""
    body: Mapping[str, Any]
    item: Mapping[str, Any]
    """The path item (its ``parameters`` apply to every operation of the path)."""

    @property
    def id(self) -> str:
        """The ``operationId`` (empty when the operation has none)."""
        return str(self.body.get("operationId", ""))

    @property
    def where(self) -> str:
        """The operation's place in the document, as a JSON pointer."""
        return join("#/paths", self.path, self.method)

    def __str__(self) -> str:
        return f"{self.method.upper()} {self.path} ({self.id or 'no operationId'})"


def operations(document: Mapping[str, Any]) -> list[Operation]:
    """Every operation, in document order (a path item given by ``$ref`` is followed)."""
    found: list[Operation] = []
    for path, item in (document.get("paths") or {}).items():
        item = resolve(document, item, join("#/paths", path))
        for method, body in item.items():
            if method in HTTP_METHODS and isinstance(body, Mapping):
                found.append(Operation(path, method, body, item))
    return found


def walk(node: Any, where: str = "#") -> Iterator[tuple[str, Any]]:
    """Every ``(JSON pointer, node)`` pair below ``node``, itself first, depth first; data included."""
    yield where, node
    if isinstance(node, Mapping):
        for key, value in node.items():
            yield from walk(value, join(where, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk(value, join(where, index))
