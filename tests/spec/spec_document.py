"""The spec under test, loaded once by the project's one reader (`fastn_spec`), and ways to walk it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import fastn_spec
from fastn_spec import Operation

ROOT = Path(__file__).resolve().parents[2]
SPEC_PATH = ROOT / "openapi" / "fastn.yaml"

SPEC: dict[str, Any] = fastn_spec.load(SPEC_PATH)

__all__ = ["ROOT", "SPEC", "SPEC_PATH", "Operation", "inline", "operations", "resolve", "walk"]


def operations() -> list[Operation]:
    """Every operation of the spec, in document order."""
    return fastn_spec.operations(SPEC)


def resolve(node: Any) -> Any:
    """``node`` with its local ``$ref``s followed, by the loader's one rule (annotations beside a ref apply)."""
    return fastn_spec.resolve(SPEC, node)


def inline(node: Any) -> Any:
    """A copy of ``node`` with every ``$ref`` below it inlined."""
    return fastn_spec.inline(SPEC, node)


def walk(node: Any, where: str = "#") -> Iterator[tuple[str, Any]]:
    """Every (JSON pointer, node) pair of the document, depth first."""
    return fastn_spec.walk(node, where)
