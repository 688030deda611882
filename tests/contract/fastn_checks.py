"""Fastn-specific schemathesis checks, loaded as a hooks file by both contract runs.

``schemathesis.toml`` names this file under ``hooks``, so the in-process suite
(``tests/contract/``) and the CLI run (``scripts/contract.sh``, also against the real service)
apply the same rules on top of the built-in checks. They cover what the built-ins cannot:
answers with statuses the spec does not list for the operation (405 from a probe, 415, 413…)
must still carry the API-wide rate-limit headers and the one `Error` body.

It also gives the spec's links the request bodies their descriptions ask for
(``before_load_schema``). The document cannot hold them: openapi-generator (part of ``make lint``)
accepts a link's ``requestBody`` only as a single runtime expression, and no expression yields an
object such as ``{"revision": 3}``. The bodies follow from what the document states
machine-readably, so nothing here repeats it by hand:

* a link from a response that has a ``revision`` to an operation whose body requires one (an
  update) sends the target's own request example with ``revision`` set to
  ``$response.body#/revision``, in place of the generated body, so the update is made at the
  current revision (a generated body would mostly name workflows that do not exist, or clear a
  field the resource's type needs, and be answered 422);
* a link with no parameters to a create whose body names the source collection's resources
  (``x-fastn-references``) sends the target's own request example with that field set to the
  new resource's ``id`` (a one-item list for an array), in place of the generated body, so the
  create is valid (a trigger also needs the fields of its type, which only prose states).

And it gives every call a fresh ``Idempotency-Key`` (``before_call``), as the generated clients do.

With ``FASTN_EXCHANGES`` set (``scripts/contract.sh`` sets it), every call and its answer are also
appended to that file (``after_call``), credentials redacted, for the evidence report
(``fastn-contract report``; ``contract/fastn_contract``).
"""

from __future__ import annotations

import os
import re
import uuid
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import fastn_spec
import schemathesis
from fastn_contract.exchanges import ExchangeLog, from_schemathesis
from jsonschema import Draft202012Validator
from jsonschema.protocols import Validator

SPEC = Path(__file__).resolve().parents[2] / "openapi" / "fastn.yaml"
RATE_LIMIT_HEADERS = ("x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset")
IDEMPOTENCY_KEY = "idempotency-key"
# A key the spec's IdempotencyKey parameter accepts: 1 to 255 visible ASCII characters.
VALID_KEY = re.compile(r"[!-~]{1,255}")
ID = "$response.body#/id"


@cache
def _error_validator() -> Validator:
    document = fastn_spec.dereference(fastn_spec.load(SPEC)).document
    validator: Validator = Draft202012Validator(document["components"]["schemas"]["Error"])
    return validator


def _header(response: Any, name: str) -> str | None:
    values = response.headers.get(name)
    return values[0] if values else None


@schemathesis.check
def rate_limit_headers_everywhere(ctx: Any, response: Any, case: Any) -> None:
    """Every answer, whatever its status, carries ``X-RateLimit-*`` as integers; a 429 adds ``Retry-After``."""
    if not case.path.startswith("/api/"):
        return
    for name in RATE_LIMIT_HEADERS:
        value = _header(response, name)
        if value is None or not value.isdigit():
            raise AssertionError(f"{name} is missing or not a non-negative integer: {value!r}")
    retry_after = _header(response, "retry-after")
    if response.status_code == 429 and (retry_after is None or not retry_after.isdigit()):
        raise AssertionError(f"429 without a Retry-After in seconds: {retry_after!r}")


@schemathesis.check
def error_body_everywhere(ctx: Any, response: Any, case: Any) -> None:
    """Every 4xx/5xx answer is the spec's `Error` object with the matching ``statusCode`` (never a framework page)."""
    if response.status_code < 400 or case.method.upper() == "HEAD":
        return
    try:
        body = response.json()
    except ValueError as exc:
        raise AssertionError(f"{response.status_code} answer is not JSON: {response.text[:200]!r}") from exc
    errors = sorted(_error_validator().iter_errors(body), key=lambda e: list(e.path))
    if errors:
        raise AssertionError(f"{response.status_code} answer is not an Error: {errors[0].message}")
    if "statusCode" in body and body["statusCode"] != response.status_code:
        raise AssertionError(f"Error.statusCode {body['statusCode']} differs from the status {response.status_code}")


def _json_body(document: dict[str, Any], holder: Any) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """The JSON media type object of a request body or response, and its resolved schema."""
    holder = fastn_spec.resolve(document, holder)
    if not isinstance(holder, dict):
        return None
    media = holder.get("content", {}).get("application/json")
    if not isinstance(media, dict):
        return None
    schema = fastn_spec.resolve(document, media.get("schema"))
    return (media, schema) if isinstance(schema, dict) else None


def _example(document: dict[str, Any], media: dict[str, Any]) -> dict[str, Any]:
    for example in media.get("examples", {}).values():
        value = fastn_spec.resolve(document, example).get("value")
        if isinstance(value, dict):
            return dict(value)
    return {}


def link_bodies(document: dict[str, Any]) -> None:
    """Add to each link without a ``requestBody`` the body its description asks for (see the module doc)."""
    operations = {op.id: (op.path, op.body) for op in fastn_spec.operations(document)}
    for path, op in operations.values():
        for response in op.get("responses", {}).values():
            response = fastn_spec.resolve(document, response)
            produced = _json_body(document, response)
            for link in response.get("links", {}).values():
                target = operations.get(link.get("operationId", ""))
                accepted = _json_body(document, target[1].get("requestBody")) if target else None
                if "requestBody" in link or produced is None or accepted is None:
                    continue
                media, schema = accepted
                if "revision" in schema.get("required", []) and "revision" in produced[1].get("properties", {}):
                    link["requestBody"] = {**_example(document, media), "revision": "$response.body#/revision"}
                    link["x-schemathesis"] = {"merge_body": False}
                    continue
                if link.get("parameters"):
                    continue
                for name, field in schema.get("properties", {}).items():
                    field = fastn_spec.resolve(document, field)
                    items = fastn_spec.resolve(document, field.get("items", {}))
                    if field.get("x-fastn-references") == path:
                        value: Any = ID
                    elif items.get("x-fastn-references") == path:
                        value = [ID]
                    else:
                        continue
                    link["requestBody"] = {**_example(document, media), name: value}
                    link["x-schemathesis"] = {"merge_body": False}
                    break


@schemathesis.hook
def before_load_schema(ctx: Any, raw_schema: dict[str, Any]) -> None:
    """Give the spec's links their request bodies before schemathesis reads them."""
    link_bodies(raw_schema)


@schemathesis.hook
def before_call(ctx: Any, case: Any, kwargs: dict[str, Any]) -> None:
    """A fresh ``Idempotency-Key`` for every call that sends a valid one, as the generated clients do.

    Generated keys repeat across cases (the spec's example, short strings), and by the spec a key
    repeated with another request is 422 ``IDEMPOTENCY_KEY_REUSED``: a run would report that as a
    valid request refused. Replays themselves are tested in tests/mock/test_mock_idempotency.py; an
    invalid key is left as generated, for the 400 it must get.
    """
    headers = case.headers or {}
    for name, value in list(headers.items()):
        if name.lower() == IDEMPOTENCY_KEY and isinstance(value, str) and VALID_KEY.fullmatch(value):
            headers[name] = str(uuid.uuid4())


@cache
def _exchange_log(path: str) -> ExchangeLog:
    return ExchangeLog(Path(path))


@schemathesis.hook
def after_call(ctx: Any, case: Any, response: Any) -> None:
    """Append the call and its answer to ``FASTN_EXCHANGES`` (when set) for the evidence report."""
    path = os.environ.get("FASTN_EXCHANGES")
    if path:
        base_path = urlsplit(os.environ.get("BASE_URL", "")).path.rstrip("/")
        _exchange_log(path).append(from_schemathesis(response, base_path))
