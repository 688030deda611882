"""Reading the document: YAML 1.2 scalars, duplicate keys refused, string keys; and its JSON form.

The YAML is read with YAML 1.2 core-schema scalars (what js-yaml, and so Redocly, Spectral and
openapi-typescript, use), not PyYAML's YAML 1.1 defaults: otherwise an unquoted ``on``/``no``
enum value would become a boolean, an unquoted date a ``datetime`` and ``012`` the number 10,
and the Python tools would silently disagree with every other tool that reads the same file.
Duplicate keys, which parsers resolve differently (PyYAML keeps the last, some keep the first),
are an error. Mapping keys are strings, as in JSON: an unquoted status code ``200`` is ``"200"``.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
from pathlib import Path
from typing import Any

import yaml

from ._errors import SpecError

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
    # PyYAML's own constructor reads a leading 0 as octal (YAML 1.1); 1.2 reads "012" as 12, and
    # only an unsigned "0o17" or "0x1F" as octal or hexadecimal (the resolver above).
    text = str(loader.construct_scalar(node))  # type: ignore[arg-type]
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text, 10)


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.Node) -> dict[str, Any]:
    if not isinstance(node, yaml.MappingNode):
        raise SpecError(f"line {node.start_mark.line + 1}: expected a mapping")
    loader.flatten_mapping(node)
    mapping: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if isinstance(key, bool) or not isinstance(key, str | int):
            raise SpecError(f"line {key_node.start_mark.line + 1}: mapping key {key!r} is not a string")
        name = str(key)
        if name in mapping:
            raise SpecError(f"line {key_node.start_mark.line + 1}: duplicate key {name!r}")
        mapping[name] = loader.construct_object(value_node, deep=True)
    return mapping


_Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_Yaml12Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)


def parse_yaml(text: str, name: str = "<yaml>") -> Any:
    """Any YAML (or JSON) value, read by the rules above: ``parse_yaml("on")`` is the string ``"on"``."""
    try:
        return yaml.load(text, Loader=_Yaml12Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as error:
        raise SpecError(f"{name}: not valid YAML: {error}") from error
    except SpecError as error:
        raise SpecError(f"{name}: {error}") from error


def load_text(text: str, name: str = "<spec>") -> dict[str, Any]:
    """Parse an OpenAPI document from YAML (or JSON) text; ``name`` is what errors call it."""
    document = parse_yaml(text, name)
    if not isinstance(document, dict):
        raise SpecError(f"{name}: the document is not a mapping")
    return document


_PARSED: dict[bytes, dict[str, Any]] = {}
"""Documents already parsed in this process, by the digest of their text: a few."""


def load(path: str | Path) -> dict[str, Any]:
    """Read and parse one OpenAPI document file (YAML or JSON); a fresh object each call.

    A text parsed before (the same bytes) is not parsed again: its document is copied (a
    hundredth of the parse), so callers may still change what they get.
    """
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        raise SpecError(f"cannot read {path}: {error.strerror}") from error
    key = hashlib.blake2b(raw, digest_size=16).digest()
    if key in _PARSED:
        return copy.deepcopy(_PARSED[key])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise SpecError(f"cannot read {path}: not UTF-8 ({error.reason} at byte {error.start})") from error
    document = load_text(text, str(path))
    if len(_PARSED) >= 4:
        _PARSED.pop(next(iter(_PARSED)))
    _PARSED[key] = copy.deepcopy(document)
    return document


def dump_json(document: Any) -> str:
    """The one JSON formatting of every derived file: document order, indent 2, final newline."""
    return json.dumps(document, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
