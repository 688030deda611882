"""List what the spec had to infer: every element marked ``x-fastn-evidence: inferred``.

A contract run against the real service proves or disproves these one by one; everything
else rests on the seed reference, the public docs or the official SDK. Each line gives the
element's JSON pointer and its ``x-fastn-verify`` note (what to confirm); evidenced
enumerations with values of this document's own (``x-fastn-inferred-values``) are listed too.

    python scripts/inferences.py              # the list, grouped, with counts
    python scripts/inferences.py --json       # one JSON object per element, for tools
    python scripts/inferences.py --spec other.yaml
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import fastn_spec

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Inference:
    """One inferred element of the document."""

    pointer: str
    kind: str
    verify: str


def _kind(pointer: str) -> str:
    parts = pointer.split("/")
    if parts[1] == "paths":
        return "operation" if len(parts) == 4 else "operation part"
    if "properties" in parts:
        return "field"
    return {"schemas": "schema", "parameters": "parameter", "headers": "header", "responses": "response"}.get(
        parts[2] if len(parts) > 2 else "", "other"
    )


def inferences(document: Mapping[str, Any]) -> Iterator[Inference]:
    """Every inferred element, in document order."""

    for pointer, node in fastn_spec.walk(document):
        if not isinstance(node, Mapping):
            continue
        if node.get("x-fastn-evidence") == "inferred":
            yield Inference(pointer, _kind(pointer), str(node.get("x-fastn-verify", "")))
        values = node.get("x-fastn-inferred-values")
        if node.get("x-fastn-evidence") != "inferred" and values:
            note = f"values {', '.join(map(str, values))} are this document's own. {node.get('x-fastn-verify', '')}"
            yield Inference(pointer, "enum values", note.strip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", type=Path, default=ROOT / "openapi" / "fastn.yaml")
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    args = parser.parse_args(argv)
    document = fastn_spec.load(args.spec)
    found = list(inferences(document))
    if args.json:
        for item in found:
            print(json.dumps(asdict(item), ensure_ascii=False))
        return 0
    kinds: dict[str, list[Inference]] = {}
    for item in found:
        kinds.setdefault(item.kind, []).append(item)
    for kind, items in kinds.items():
        print(f"== {kind} ({len(items)})")
        for item in items:
            print(f"{item.pointer}\n    {item.verify}")
    summary = ", ".join(f"{len(items)} {kind}" for kind, items in kinds.items())
    print(f"\n{len(found)} inferred elements in {args.spec.name}: {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
