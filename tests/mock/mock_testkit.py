"""Test helpers for the mock: a spec oracle and a client that checks every answer against it.

The oracle is deliberately independent of the mock's own spec machinery: it reads the document
as every tool does (`fastn_spec`, tested on its own in tests/loader) but validates with stock
`jsonschema` against the schemas as written, without the mock's request/response views, bounded
keywords or format checks, so a bug in the mock's compiler cannot make its own output look right.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import fastn_spec
import httpx
from fastn_mock import DEFAULT_API_KEY, DEFAULT_SPACE_ID
from jsonschema import Draft202012Validator, FormatChecker
from starlette.exceptions import StarletteDeprecationWarning

with warnings.catch_warnings():
    # Starlette 1.x nudges towards `httpx2`; the pinned httpx 0.28 is what this project uses.
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from starlette.testclient import TestClient

REPO = Path(__file__).resolve().parents[2]
SPEC_PATH = REPO / "openapi" / "fastn.yaml"
RATE_LIMIT_HEADERS = ("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset")


class SpecOracle:
    """Answers "is this response what the spec promises for this request?"."""

    def __init__(self, path: Path = SPEC_PATH) -> None:
        self.document: dict[str, Any] = fastn_spec.dereference(fastn_spec.load(path)).document
        self.routes = [
            (re.compile("^" + re.sub(r"\{[^}]+\}", "[^/]+", template) + "$"), template)
            for template in self.document["paths"]
        ]
        self._validators: dict[int, Draft202012Validator] = {}

    def template(self, path: str) -> str | None:
        """The path template a concrete path belongs to (literal paths first)."""
        matches = [template for regex, template in self.routes if regex.match(path)]
        return min(matches, key=lambda t: t.count("{")) if matches else None

    def _validator(self, schema: dict[str, Any]) -> Draft202012Validator:
        found = self._validators.get(id(schema))
        if found is None:
            found = self._validators[id(schema)] = Draft202012Validator(schema, format_checker=FormatChecker())
        return found

    def check_error(self, body: Any) -> None:
        """Assert that ``body`` is the spec's `Error` object."""
        self._validator(self.document["components"]["schemas"]["Error"]).validate(body)

    def _response(self, template: str, method: str, status: int) -> dict[str, Any] | None:
        operation = self.document["paths"][template].get(method.lower())
        if operation is None:
            return None
        response: dict[str, Any] | None = operation["responses"].get(str(status))
        return response

    def check(self, method: str, path: str, response: httpx.Response) -> None:
        """Assert the rate-limit headers and, for documented statuses, the body and headers of ``response``."""
        for name in RATE_LIMIT_HEADERS:
            assert response.headers.get(name, "").isdigit(), f"{name} missing on {response.status_code}"
        if response.status_code == 429:
            assert response.headers.get("Retry-After", "").isdigit()
        if response.status_code >= 400:
            self.check_error(response.json())
            assert response.json()["statusCode"] == response.status_code
        template = self.template(path)
        definition = self._response(template, method, response.status_code) if template else None
        if definition is None:
            assert response.status_code >= 400, f"{method} {path}: undocumented success {response.status_code}"
            return
        for name, header in definition.get("headers", {}).items():
            if header.get("required"):
                assert name in response.headers, f"{method} {path}: {response.status_code} without {name}"
        if "content" in definition:
            assert response.headers["content-type"].startswith("application/json")
            self._validator(definition["content"]["application/json"]["schema"]).validate(response.json())
        else:
            assert response.content == b"", f"{method} {path}: {response.status_code} has a body"


ORACLE = SpecOracle()


class RecordingSleep:
    """Stands in for `asyncio.sleep`: records the delays the mock asks for and returns at once."""

    def __init__(self) -> None:
        self.calls: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


class Api:
    """A client for the mock whose every answer is checked by the oracle before a test sees it."""

    def __init__(self, client: httpx.Client, key: str | None = DEFAULT_API_KEY) -> None:
        self.client = client
        self.key = key

    def as_key(self, key: str | None) -> Api:
        """The same client, calling with another key (None: no key at all)."""
        return Api(self.client, key)

    def call(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        content: bytes | None = None,
    ) -> httpx.Response:
        """Send a request with this client's key and check the answer against the spec."""
        sent = {"x-fastn-api-key": self.key} if self.key is not None else {}
        sent.update(headers or {})
        response = self.client.request(method, path, json=json, params=params, headers=sent, content=content)
        ORACLE.check(method, path, response)
        return response

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        """GET and check."""
        return self.call("GET", path, **kwargs)

    def post(self, path: str, json: Any = None, **kwargs: Any) -> httpx.Response:
        """POST and check."""
        return self.call("POST", path, json=json, **kwargs)

    def put(self, path: str, json: Any = None, **kwargs: Any) -> httpx.Response:
        """PUT and check."""
        return self.call("PUT", path, json=json, **kwargs)

    def delete(self, path: str, **kwargs: Any) -> httpx.Response:
        """DELETE and check."""
        return self.call("DELETE", path, **kwargs)

    # Shortcuts for setting up state in tests

    def make_customer(self, slug: str = "acme", **fields: Any) -> dict[str, Any]:
        """Create a customer and return it."""
        body = {"name": slug.title(), "slug": slug, "adminEmail": f"admin@{slug}.example", **fields}
        response = self.post("/api/v1/customers", body)
        assert response.status_code == 201, response.text
        return dict(response.json())

    def make_workflow(self, slug: str = "sync", **fields: Any) -> dict[str, Any]:
        """Create a workflow and return it."""
        response = self.post("/api/v1/workflows", {"name": slug.title(), "slug": slug, **fields})
        assert response.status_code == 201, response.text
        return dict(response.json())

    def make_connector(self, slug: str = "crm", auth_method: str = "oauth2") -> dict[str, Any]:
        """Create a connector and return it."""
        response = self.post("/api/v1/connectors", {"name": slug.upper(), "slug": slug, "authMethod": auth_method})
        assert response.status_code == 201, response.text
        return dict(response.json())


__all__ = ["DEFAULT_API_KEY", "DEFAULT_SPACE_ID", "ORACLE", "Api", "RecordingSleep", "SpecOracle", "TestClient"]
