#!/usr/bin/env python3
"""Write the JSON forms of the spec: ``openapi/fastn.json`` and ``openapi/fastn.deref.json``.

``fastn.yaml`` is the only hand-edited file. Many tools outside Python want JSON, and some
(form builders, older code generators, LLM tool definitions) cannot follow ``$ref`` at all,
so ``make bundle`` commits two derived files next to it:

- ``fastn.json``: the same document, key order kept, 2-space indent, trailing newline, so
  a diff of the YAML and a diff of the JSON tell the same story;
- ``fastn.deref.json``: every local ``$ref`` replaced by a copy of its target. A reference
  that would recurse into itself (a schema containing itself) is the one exception: it
  stays a ``$ref``, and ``components`` stays in the document so that it still resolves.

``--check`` regenerates in memory and exits 1 listing every stale or missing file, which
is how ``make test`` catches a YAML edit committed without ``make bundle``.

The YAML is read with YAML 1.2 core-schema scalars (what js-yaml, and so Redocly, Spectral
and openapi-typescript, use), not PyYAML's YAML 1.1 defaults: otherwise an unquoted
``on``/``no`` enum value would become a boolean and an unquoted date a ``datetime``, and the
JSON would silently disagree with the YAML every other tool reads. Duplicate keys, which
YAML parsers resolve differently, are an error.
"""

from __future__ import annotations

import argparse
import copy
import json
import re
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi" / "fastn.yaml"
FIX_COMMAND = "make bundle"


class SpecError(Exception):
    """The document cannot be loaded or bundled faithfully."""


# --------------------------------------------------------------------------- loading


# libyaml's parser when PyYAML was built with it (5x faster on the 5,000-line spec); the
# resolution and construction below are Python either way.
_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Yaml12Loader(_BaseLoader):  # type: ignore[valid-type,misc]
    """SafeLoader with YAML 1.2 core-schema scalar resolution and duplicate-key errors."""


# Drop every implicit resolver and install the core schema's (YAML 1.2, section 10.3.2).
_Yaml12Loader.yaml_implicit_resolvers = {}
_CORE_SCALARS: list[tuple[str, str, str]] = [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", "~nN"),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+0123456789.",
    ),
]
for _tag, _pattern, _first in _CORE_SCALARS:
    _Yaml12Loader.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))


def _construct_int(loader: yaml.SafeLoader, node: yaml.Node) -> int:
    # PyYAML's own constructor reads a leading 0 as octal (YAML 1.1); 1.2 reads "012" as 12.
    text = str(loader.construct_scalar(node))  # type: ignore[arg-type]
    sign = -1 if text.startswith("-") else 1
    digits = text.lstrip("+-")
    if digits.startswith("0o"):
        return sign * int(digits[2:], 8)
    if digits.startswith("0x"):
        return sign * int(digits[2:], 16)
    return sign * int(digits, 10)


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.Node) -> dict[str, Any]:
    if not isinstance(node, yaml.MappingNode):
        raise SpecError(f"expected a mapping at line {node.start_mark.line + 1}")
    loader.flatten_mapping(node)
    mapping: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if isinstance(key, bool) or not isinstance(key, (str, int)):
            raise SpecError(f"line {key_node.start_mark.line + 1}: mapping key {key!r} is not a string")
        # JSON keys are strings: an unquoted status code such as 200 becomes "200".
        name = str(key)
        if name in mapping:
            raise SpecError(f"line {key_node.start_mark.line + 1}: duplicate key {name!r}")
        mapping[name] = loader.construct_object(value_node, deep=True)
    return mapping


_Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_Yaml12Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)


def load_spec_text(text: str, name: str = "<spec>") -> dict[str, Any]:
    """Parse an OpenAPI document from YAML (or JSON) text, YAML 1.2 style."""
    try:
        document = yaml.load(text, Loader=_Yaml12Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as error:
        raise SpecError(f"{name}: not valid YAML: {error}") from error
    except SpecError as error:
        raise SpecError(f"{name}: {error}") from error
    if not isinstance(document, dict):
        raise SpecError(f"{name}: the document is not a mapping")
    return document


def load_spec(path: Path) -> dict[str, Any]:
    """Read and parse one OpenAPI document file."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise SpecError(f"cannot read {path}: {error.strerror}") from error
    return load_spec_text(text, str(path))


def dump_json(document: Any) -> str:
    """The one JSON formatting of every derived file: document order, indent 2, final newline."""
    return json.dumps(document, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


# --------------------------------------------------------------------------- $ref


def resolve_pointer(document: dict[str, Any], ref: str) -> Any:
    """The value a local reference (``#/components/...``) points at (RFC 6901 unescaping)."""
    if not ref.startswith("#/"):
        raise SpecError(f"$ref {ref!r} is not local; the spec must stay one self-contained file")
    node: Any = document
    for raw in ref[2:].split("/"):
        token = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            raise SpecError(f"$ref {ref!r} does not resolve (no {token!r})")
    return node


# Keys whose value is a map from names to objects: their entries are always objects, even
# when an entry's name ("default", "example", "value", ...) is a data keyword elsewhere.
NAME_MAP_KEYS = frozenset(
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
# Keys whose value is literal data (a JSON instance or a vendor payload), never walked: an
# example may legitimately contain a key named "$ref".
DATA_KEYS = frozenset({"example", "default", "enum", "const", "value"})
# Keys that may sit beside "$ref" and only annotate it; anything else beside a schema
# "$ref" constrains it too, and is kept by wrapping the target in allOf.
ANNOTATION_KEYS = frozenset(
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


def dereference(document: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Return a copy of the document with local refs inlined, and the refs left for recursion."""
    recursive: list[str] = []

    def member(key: str, value: Any, chain: tuple[str, ...]) -> Any:
        if key in DATA_KEYS or key.startswith("x-") or (key == "examples" and isinstance(value, list)):
            return copy.deepcopy(value)
        return walk(value, chain, key in NAME_MAP_KEYS or key == "examples")

    def walk(node: Any, chain: tuple[str, ...], name_map: bool) -> Any:
        if isinstance(node, list):
            return [walk(item, chain, False) for item in node]
        if not isinstance(node, dict):
            return node
        if name_map:
            return {key: walk(value, chain, False) for key, value in node.items()}
        ref = node.get("$ref")
        if isinstance(ref, str):
            if ref in chain:
                if ref not in recursive:
                    recursive.append(ref)
                return copy.deepcopy(node)
            target = walk(resolve_pointer(document, ref), (*chain, ref), False)
            siblings = {key: member(key, value, chain) for key, value in node.items() if key != "$ref"}
            if not siblings:
                return target
            if all(key in ANNOTATION_KEYS or key.startswith("x-") for key in siblings) and isinstance(target, dict):
                return {**target, **siblings}
            return {"allOf": [target], **siblings}
        return {key: member(key, value, chain) for key, value in node.items()}

    result = walk(document, (), False)
    assert isinstance(result, dict)
    return result, recursive


# --------------------------------------------------------------------------- outputs


def render(spec: Path) -> tuple[dict[Path, str], list[str]]:
    """Every derived file's path and exact content, and the recursive refs kept as refs."""
    document = load_spec(spec)
    dereferenced, recursive = dereference(document)
    directory = spec.parent
    outputs = {
        directory / f"{spec.stem}.json": dump_json(document),
        directory / f"{spec.stem}.deref.json": dump_json(dereferenced),
    }
    return outputs, recursive


def _display(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def main(argv: list[str] | None = None) -> int:
    """Write (or, with --check, verify) the JSON forms of the spec."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--spec", type=Path, default=SPEC, help="the YAML document (default: %(default)s)")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file is stale")
    args = parser.parse_args(argv)
    try:
        outputs, recursive = render(args.spec)
    except SpecError as error:
        print(f"bundle: {error}", file=sys.stderr)
        return 2
    if args.check:
        stale = [path for path, content in outputs.items() if not path.exists() or path.read_text("utf-8") != content]
        if stale:
            for path in stale:
                state = "missing" if not path.exists() else "stale"
                print(f"bundle: {_display(path)} is {state}", file=sys.stderr)
            print(f"bundle: run `{FIX_COMMAND}` and commit the result", file=sys.stderr)
            return 1
        print(f"bundle: {', '.join(_display(path) for path in outputs)} up to date")
        return 0
    for path, content in outputs.items():
        if not path.exists() or path.read_text("utf-8") != content:
            path.write_text(content, encoding="utf-8")
            print(f"bundle: wrote {_display(path)}")
        else:
            print(f"bundle: {_display(path)} unchanged")
    for ref in recursive:
        print(f"bundle: {ref} is recursive; it stays a $ref in the dereferenced file")
    return 0


if __name__ == "__main__":
    sys.exit(main())
