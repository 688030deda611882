#!/usr/bin/env python3
"""A Postman collection of the spec: every operation, both required headers, the spec's examples.

Made by the usual converter (``openapi-to-postmanv2``, pinned in package.json), then corrected
from the spec, because the converter's collection fails against the real service:

- it keeps only the first scheme of a combined security requirement, so it sends the key but
  never ``x-fastn-space-id``. Here every request carries both, ``x-fastn-api-key: {{apiKey}}``
  and ``x-fastn-space-id: {{spaceId}}``, and the collection's own auth is off;
- it fills parameters and bodies from the schemas (``<string>``, random slugs). Here every
  parameter has the spec's example (optional ones are present but disabled, to switch on), and
  every JSON body is the operation's first request example;
- every operation of the spec is present, in the converter's folders (one per tag), named by its
  summary; an operation the converter left out is added to its tag's folder.

Collection variables: ``baseUrl`` (the spec's first server), ``apiKey``, ``spaceId``; set them in
Postman or with newman's ``--env-var``. The converter's saved example answers are kept.

    scripts/postman.py [--out build/postman/fastn.postman_collection.json]   # `make postman`
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import fastn_spec

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi" / "fastn.yaml"
CONVERTER = ROOT / "node_modules" / ".bin" / "openapi2postmanv2"
OUT = ROOT / "build" / "postman" / "fastn.postman_collection.json"
REQUIRED_HEADERS = {"x-fastn-api-key": "{{apiKey}}", "x-fastn-space-id": "{{spaceId}}"}
"""The two headers a complete request carries (the spec's first security requirement)."""


def convert(spec: Path = SPEC) -> dict[str, Any]:
    """The converter's collection of ``spec``, as it makes it."""
    if not CONVERTER.exists():
        raise FileNotFoundError(f"no {CONVERTER}: run `make node-tools`")
    with tempfile.TemporaryDirectory(prefix="fastn-postman-") as folder:
        raw = Path(folder) / "collection.json"
        subprocess.run(
            [str(CONVERTER), "-s", str(spec), "-o", str(raw), "-O", "folderStrategy=Tags,requestNameSource=Fallback"],
            check=True,
            capture_output=True,
            timeout=300,
        )
        collection: dict[str, Any] = json.loads(raw.read_text())
    return collection


def requests(items: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Every request item of a collection, folders walked."""
    for item in items:
        if "item" in item:
            yield from requests(item["item"])
        else:
            yield item


def _template(url: Mapping[str, Any]) -> str:
    """A Postman URL's path as the spec writes it: ``/api/v1/customers/{customerId}``."""
    segments = [segment[1:] if segment.startswith(":") else segment for segment in url.get("path", [])]
    names = {variable.get("key") for variable in url.get("variable", [])}
    return "/" + "/".join("{" + s + "}" if s in names else s for s in segments)


def _example(document: Mapping[str, Any], parameter: Mapping[str, Any]) -> Any:
    """A parameter's example value (else its schema's, its default, its first enum value, or None)."""
    if "example" in parameter:
        return parameter["example"]
    for example in (parameter.get("examples") or {}).values():
        return fastn_spec.resolve(document, example).get("value")
    schema = fastn_spec.resolve(document, parameter.get("schema") or {})
    if "example" in schema:
        return schema["example"]
    if schema.get("examples"):
        return schema["examples"][0]
    if "default" in schema:
        return schema["default"]
    return (schema.get("enum") or [None])[0]


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(map(_text, value))
    return value if isinstance(value, str) else json.dumps(value)


def _parameters(document: Mapping[str, Any], operation: fastn_spec.Operation) -> list[dict[str, Any]]:
    """The operation's parameters, path-level ones first, an operation's own overriding them."""
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for parameter in [*document["paths"][operation.path].get("parameters", []), *operation.body.get("parameters", [])]:
        resolved = fastn_spec.resolve(document, parameter)
        merged[(resolved["in"], resolved["name"])] = resolved
    return list(merged.values())


def _description(parameter: Mapping[str, Any]) -> dict[str, str]:
    return {"content": parameter.get("description", ""), "type": "text/plain"}


def _request(document: Mapping[str, Any], operation: fastn_spec.Operation, old: Mapping[str, Any]) -> dict[str, Any]:
    """The request of ``operation``: URL, headers and body from the spec; name and description kept."""
    parameters = _parameters(document, operation)
    segments, variables, query = [], [], []
    by_name = {p["name"]: p for p in parameters if p["in"] == "path"}
    for segment in operation.path.strip("/").split("/"):
        name = segment[1:-1] if segment.startswith("{") and segment.endswith("}") else None
        if name is None:
            segments.append(segment)
            continue
        segments.append(f":{name}")
        value = _example(document, by_name.get(name, {}))
        variables.append({"key": name, "value": _text(value), "description": _description(by_name.get(name, {}))})
    headers = [{"key": name, "value": value} for name, value in REQUIRED_HEADERS.items()]
    for parameter in parameters:
        value = _example(document, parameter)
        entry = {"key": parameter["name"], "value": _text(value), "description": _description(parameter)}
        if not parameter.get("required") or value is None:
            entry["disabled"] = True  # optional: shown with its example, sent once switched on
        if parameter["in"] == "query":
            query.append(entry)
        elif parameter["in"] == "header" and parameter["name"].lower() not in REQUIRED_HEADERS:
            headers.append(entry)
    request: dict[str, Any] = {
        "name": old.get("name") or operation.body.get("summary") or operation.id,
        "description": old.get("description")
        or {"content": operation.body.get("description", ""), "type": "text/plain"},
        "method": operation.method.upper(),
        "url": {
            "raw": "{{baseUrl}}/" + "/".join(segments),
            "host": ["{{baseUrl}}"],
            "path": segments,
            "query": query,
            "variable": variables,
        },
        "header": headers,
        "auth": {"type": "noauth"},
    }
    body = fastn_spec.resolve(document, operation.body.get("requestBody") or {})
    media = (body.get("content") or {}).get("application/json")
    if isinstance(media, Mapping):
        examples = [fastn_spec.resolve(document, e).get("value") for e in (media.get("examples") or {}).values()]
        example = examples[0] if examples else media.get("example")
        if example is None:
            raise ValueError(f"{operation.id}: its JSON request body has no example to send")
        headers.append({"key": "Content-Type", "value": "application/json"})
        request["body"] = {
            "mode": "raw",
            "raw": json.dumps(example, indent=2, ensure_ascii=False),
            "options": {"raw": {"language": "json"}},
        }
    headers.append({"key": "Accept", "value": "application/json"})
    return request


def build(spec: Path = SPEC) -> dict[str, Any]:
    """The corrected collection of ``spec``."""
    document = fastn_spec.load(spec)
    collection = convert(spec)
    operations = {(op.method.upper(), op.path): op for op in fastn_spec.operations(document)}
    placed: set[str] = set()
    for item in list(requests(collection["item"])):
        old = item["request"]
        operation = operations.get((str(old.get("method", "")).upper(), _template(old.get("url") or {})))
        if operation is None or operation.id in placed:
            raise ValueError(
                f"the converter made a request the spec does not have: {old.get('method')} {old.get('url')}"
            )
        placed.add(operation.id)
        item["name"] = operation.body.get("summary") or operation.id
        item["request"] = _request(document, operation, {"description": old.get("description")})
        item.pop("event", None)
    for operation in operations.values():
        if operation.id in placed:
            continue
        tag = (operation.body.get("tags") or ["Other"])[0]
        folder = next((f for f in collection["item"] if f.get("name") == tag and "item" in f), None)
        if folder is None:
            folder = {"name": tag, "item": []}
            collection["item"].append(folder)
        folder["item"].append(
            {
                "name": operation.body.get("summary") or operation.id,
                "request": _request(document, operation, {}),
                "response": [],
            }
        )
    collection["auth"] = {"type": "noauth"}
    collection["variable"] = [
        {"key": "baseUrl", "value": document["servers"][0]["url"]},
        {"key": "apiKey", "value": ""},
        {"key": "spaceId", "value": ""},
    ]
    return collection


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--spec", type=Path, default=SPEC)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    collection = build(args.spec)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(collection, indent=2, ensure_ascii=False) + "\n")
    count = sum(1 for _ in requests(collection["item"]))
    print(f"{args.out}: {count} requests")
    return 0


if __name__ == "__main__":
    sys.exit(main())
