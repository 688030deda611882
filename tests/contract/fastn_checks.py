"""Fastn-specific schemathesis checks, loaded as a hooks file by both contract runs.

``schemathesis.toml`` names this file under ``hooks``, so the in-process suite
(``tests/contract/``) and the CLI run (``scripts/contract.sh``, also against the real service)
apply the same rules on top of the built-in checks. They cover what the built-ins cannot:
answers with statuses the spec does not list for the operation (405 from a probe, 415, 413…)
must still carry the API-wide rate-limit headers and the one `Error` body.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import schemathesis
import yaml
from jsonschema import Draft202012Validator
from jsonschema.protocols import Validator

SPEC = Path(__file__).resolve().parents[2] / "openapi" / "fastn.yaml"
RATE_LIMIT_HEADERS = ("x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset")


@cache
def _error_validator() -> Validator:
    document = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    schemas = document["components"]["schemas"]
    # Error refers to other schemas (ErrorDetail, DatasourceDebug): give the validator them under a local $defs.
    error = dict(schemas["Error"])
    error["$defs"] = dict(schemas)
    text = yaml.safe_dump(error).replace("#/components/schemas/", "#/$defs/")
    validator: Validator = Draft202012Validator(yaml.safe_load(text))
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
