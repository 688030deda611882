"""The spec under test, loaded once, and ways to walk it (shared by the tests in tests/spec/)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
SPEC_PATH = ROOT / "openapi" / "fastn.yaml"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

SPEC: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    body: dict[str, Any]

    @property
    def id(self) -> str:
        return str(self.body["operationId"])

    def __str__(self) -> str:
        return f"{self.method.upper()} {self.path} ({self.body.get('operationId')})"


def operations() -> list[Operation]:
    return [
        Operation(method, path, body)
        for path, item in SPEC["paths"].items()
        for method, body in item.items()
        if method in HTTP_METHODS
    ]


def resolve(node: Any) -> Any:
    """Follow local `$ref`s until a non-reference node is reached."""
    while isinstance(node, dict) and "$ref" in node:
        node = pointer(node["$ref"])
    return node


def pointer(ref: str) -> Any:
    if not ref.startswith("#/"):
        raise AssertionError(f"only local references are allowed (the generator needs one file): {ref}")
    node: Any = SPEC
    for part in ref[2:].split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        if not isinstance(node, dict) or part not in node:
            raise KeyError(ref)
        node = node[part]
    return node


def walk(node: Any, where: str = "#") -> Iterator[tuple[str, Any]]:
    """Every (JSON pointer, node) pair of the document, depth first."""
    yield where, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from walk(value, f"{where}/{str(key).replace('~', '~0').replace('/', '~1')}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk(value, f"{where}/{index}")
