"""Turn a seen exchange into an evidence fixture (``tests/evidence/README.md``), with nothing secret in it.

A recorded fixture is written in the form the evidence tests read, so real traffic becomes
evidence with one review: the operation, the request (method, path, JSON body), the status,
the documented response headers, the body, and an ``expect`` for the generated client. Its
``source`` names the host and the day it was recorded.

What never reaches a fixture:

* request headers (the key, a bearer token, the tenant header): none are kept;
* secret values: every field the spec marks ``writeOnly`` (a secret's ``value``) and every field
  whose name says it holds a credential (`SECRET_FIELD`: ``secret``, ``token``, ``password``,
  ``apiKey``, ``authUrl``…), replaced by the spec's own example for that field when it has one
  (so the fixture still validates), else by ``"<redacted>"``;
* tenant ids: ``tenantId`` / ``customerId`` fields, the ``id`` of a customer, and the customer id
  in a ``/customers/{id}`` path are replaced by a stable pseudonym of the same form (a UUID
  stays a UUID), the same within one fixture, so the fixture stays consistent.

Every replaced place is listed in the fixture's ``redacted`` (dotted paths, as ``filled``), for
the reviewer.
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

import fastn_spec

from .exchanges import REDACTED, Exchange

SECRET_FIELD: Final = re.compile(
    r"(secret|token|password|passwd|api_?key|credential|auth_?url|private_?key|client_?secret)$", re.IGNORECASE
)
TENANT_FIELD: Final = re.compile(r"^(tenant_?id|customer_?id)$", re.IGNORECASE)
CUSTOMER_PATH: Final = re.compile(r"^(/api/v1/customers/)([^/]+)")
DOCUMENTED_HEADERS: Final = (
    "x-ratelimit-limit",
    "x-ratelimit-remaining",
    "x-ratelimit-reset",
    "retry-after",
    "location",
)
_NAMESPACE: Final = uuid.UUID("3f0a1e36-5d0b-4f8e-9a51-7c2b8d4e6f10")


def pseudonym(value: str) -> str:
    """A stable stand-in of the same form: a UUID for a UUID, else ``tenant-`` and 12 hex digits."""
    try:
        uuid.UUID(value)
    except ValueError:
        return "tenant-" + hashlib.sha256(value.encode()).hexdigest()[:12]
    return str(uuid.uuid5(_NAMESPACE, value))


class Redactor:
    """Replaces secret values and tenant ids in JSON, remembering where."""

    def __init__(self, examples: Mapping[str, Any]) -> None:
        self.examples = examples
        """Field name -> the spec's example value for it (from the schemas' ``example``s)."""
        self.places: list[str] = []

    def json(self, value: Any, where: str, *, customer: bool = False) -> Any:
        if isinstance(value, Mapping):
            found: dict[str, Any] = {}
            for key, item in value.items():
                place = f"{where}.{key}" if where else str(key)
                if isinstance(item, str) and SECRET_FIELD.search(str(key)):
                    found[key] = self.examples.get(str(key), REDACTED)
                    self.places.append(place)
                elif isinstance(item, str) and (TENANT_FIELD.match(str(key)) or (customer and key == "id")):
                    found[key] = pseudonym(item)
                    self.places.append(place)
                else:
                    found[key] = self.json(item, place, customer=customer)
            return found
        if isinstance(value, list):
            return [
                self.json(item, f"{where}.{i}" if where else str(i), customer=customer) for i, item in enumerate(value)
            ]
        return value


def _field_examples(document: Mapping[str, Any]) -> dict[str, Any]:
    """Field name -> a public example of its value: the schemas' ``example``s, then the named examples' fields."""
    examples: dict[str, Any] = {}
    components = document.get("components", {})
    for pointer, node in fastn_spec.walk(components.get("schemas", {}), "#/components/schemas"):
        if isinstance(node, Mapping) and "/properties/" in pointer and "example" in node:
            examples.setdefault(pointer.rsplit("/", 1)[-1], node["example"])
    for _, node in fastn_spec.walk([e.get("value") for e in components.get("examples", {}).values()]):
        if isinstance(node, Mapping):
            for key, value in node.items():
                if isinstance(value, str):
                    examples.setdefault(str(key), value)
    return examples


def _write_only(document: Mapping[str, Any]) -> set[str]:
    return {
        pointer.rsplit("/", 1)[-1]
        for pointer, node in fastn_spec.walk(document.get("components", {}).get("schemas", {}), "#/components/schemas")
        if isinstance(node, Mapping) and node.get("writeOnly") is True and "/properties/" in pointer
    }


def _error_class(status: int) -> str:
    try:
        from fastn_client.lib.error_mapping import _error_class as error_class  # the client's own mapping
    except ImportError:  # the generated client is not installed: the base class always holds
        return "APIStatusError"
    return error_class(status).__name__


def fixture(
    document: Mapping[str, Any], exchange: Exchange, operation: fastn_spec.Operation, host: str
) -> dict[str, Any]:
    """The evidence fixture of one exchange (see the module doc for what is redacted)."""
    examples = _field_examples(document)
    redactor = Redactor(examples)
    secret_inputs = _write_only(document)
    customer = operation.path.startswith("/api/v1/customers")
    path = exchange.path
    match = CUSTOMER_PATH.match(path)
    if match:
        path = match.group(1) + pseudonym(match.group(2)) + path[match.end() :]
        redactor.places.append("request.path")
    request: dict[str, Any] = {"method": exchange.method, "path": path}
    ok, sent = exchange.request_json()
    if ok:
        if isinstance(sent, Mapping):
            sent = {
                k: (examples.get(k, REDACTED) if k in secret_inputs and isinstance(v, str) else v)
                for k, v in sent.items()
            }
            redactor.places += [f"request.body.{k}" for k in sent if k in secret_inputs]
        request["body"] = redactor.json(sent, "request.body", customer=customer)
    ok, body = exchange.response_json()
    body = redactor.json(body, "", customer=customer) if ok else None
    headers = {name: value for name, value in exchange.response_headers if name in DOCUMENTED_HEADERS}
    expect: dict[str, Any]
    if exchange.status >= 400:
        expect = {"raises": _error_class(exchange.status)}
        if isinstance(body, Mapping) and isinstance(body.get("code"), str):
            expect["code"] = body["code"]
    else:
        expect = _success_expectation(document, operation, exchange.status)
    recorded = {
        "recorded": host,
        "date": datetime.now(UTC).date().isoformat(),
        "shows": f"{exchange.method} {path} answered {exchange.status}, recorded by the fastn-contract proxy",
    }
    return {
        "source": [recorded],
        "operation": operation.id,
        "request": request,
        "status": exchange.status,
        **({"headers": headers} if headers else {}),
        "body": body,
        "filled": [],
        "redacted": redactor.places,
        "expect": expect,
    }


def _success_expectation(document: Mapping[str, Any], operation: fastn_spec.Operation, status: int) -> dict[str, Any]:
    response = fastn_spec.resolve(document, operation.body.get("responses", {}).get(str(status), {}))
    schema = ((response.get("content") or {}).get("application/json") or {}).get("schema")
    if isinstance(schema, Mapping) and fastn_spec.is_reference(schema):
        target = fastn_spec.resolve(document, schema)
        if target.get("type") == "object" or "properties" in target:
            return {"type": fastn_spec.class_name(str(schema["$ref"]).rsplit("/", 1)[-1]), "attrs": {}}
    return {"returns_json": True}


def save(folder: Path, data: Mapping[str, Any], number: int) -> Path:
    """Write one fixture as ``<operation>_<status>_<number>.json`` under ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    name = re.sub(r"(?<!^)(?=[A-Z])", "_", str(data["operation"])).lower()
    path = folder / f"{name}_{data['status']}_{number:04d}.json"
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path
