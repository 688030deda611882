"""Fuzzing raw HTTP: whatever arrives, the mock answers below 500, in the spec's shape, without logging a bug.

Requests are drawn by Hypothesis from every path template (with real, random and hostile
ids), every method, odd headers and content types, and bodies that are random bytes, random
JSON, or valid bodies with fields replaced by random JSON. The mock runs in strict mode, so an
answer outside the spec would itself be a 500 — and every answer is also checked by the oracle.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest
from fastn_mock import DEFAULT_API_KEY, OTHER_API_KEY, VIEWER_API_KEY, ManualClock, MockApp, MockConfig, create_app
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .mock_testkit import ORACLE, Api, TestClient

TEMPLATES = sorted(ORACLE.document["paths"])
METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "QUERY", "FETCH"]
VALID_BODIES: list[dict[str, Any]] = [
    {"name": "Acme", "slug": "acme", "adminEmail": "it@acme.example"},
    {"name": "CRM", "slug": "crm", "authMethod": "oauth2"},
    {"name": "Sync", "slug": "sync"},
    {"name": "t", "type": "cron", "workflowIds": [], "cron": "0 2 * * *"},
    {"revision": 1, "name": "Renamed"},
    {"input": {"simulate": "failed"}},
    {"email": "dana@acme.example", "role": "developer"},
    {"key": "custom_role", "name": "Custom", "permissions": [{"resource": "ai", "actions": ["read"]}]},
    {"name": "CI", "mode": "test", "role": "viewer"},
    {"name": "TOKEN", "value": "s3cret"},
    {"message": "hello", "sessionId": "5a6b7c8d-9e0f-4a1b-8c2d-e3f4a5b6c7d8"},
    {"kind": "workflow", "prompt": "do things"},
    {"connectorId": "7a2b9c4d-1e3f-4a5b-8c6d-9e0f1a2b3c4d"},
]

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)


@pytest.fixture(scope="module")
def fuzzed() -> Iterator[tuple[MockApp, TestClient, dict[str, str]]]:
    """One mock for the whole run, seeded with one resource of each kind for the ids to hit."""
    app = create_app(MockConfig(validate_responses=True, rate_limit=0), clock=ManualClock())
    with TestClient(app, base_url="http://mock") as client:
        api = Api(client)
        workflow = api.make_workflow()
        ids = {
            "customerId": api.make_customer()["id"],
            "connectorId": api.make_connector()["id"],
            "workflowId": workflow["id"],
            "executionId": api.post(f"/api/v1/workflows/{workflow['id']}/run", {}).json()["id"],
            "buildId": api.post("/api/v1/ai/build", {"kind": "connector", "prompt": "x"}).json()["id"],
            "secretId": api.post("/api/v1/secrets", {"name": "S", "value": "v"}).json()["id"],
            "keyId": api.post("/api/v1/api-keys", {"name": "k", "mode": "test"}).json()["id"],
        }
        yield app, client, ids


@st.composite
def requests(draw: st.DrawFn, ids: dict[str, str]) -> tuple[str, str, dict[str, str], bytes | None]:
    template = draw(st.sampled_from(TEMPLATES))
    segments = []
    for segment in template.strip("/").split("/"):
        if segment.startswith("{"):
            name = segment[1:-1]
            segment = draw(
                st.sampled_from([ids.get(name, "3f1c2a9e-8b4d-4e2f-9a61-0c5d7e8f9a10"), "not-an-id"])
                | st.text(min_size=1, max_size=20)
            )
        segments.append(quote(segment, safe=""))
    if draw(st.booleans()):
        segments.append(quote(draw(st.text(max_size=8)), safe=""))
    path = "/" + "/".join(segments)
    method = draw(st.sampled_from(METHODS))
    headers: dict[str, str] = {}
    key = draw(st.sampled_from([DEFAULT_API_KEY, DEFAULT_API_KEY, VIEWER_API_KEY, OTHER_API_KEY, None, "fsk_bogus"]))
    if key is not None:
        headers["x-fastn-api-key"] = key
    header_text = st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=40)
    for name in ("x-fastn-space-id", "stage", "x-fastn-space-tenantid", "authorization"):
        if draw(st.integers(0, 4)) == 0:
            headers[name] = draw(header_text)
    body: bytes | None = None
    kind = draw(st.sampled_from(["none", "bytes", "json", "mutated"]))
    if kind == "bytes":
        body = draw(st.binary(max_size=200))
    elif kind == "json":
        body = json.dumps(draw(json_values)).encode()
    elif kind == "mutated":
        base = dict(draw(st.sampled_from(VALID_BODIES)))
        for field in draw(st.lists(st.sampled_from(sorted({k for b in VALID_BODIES for k in b})), max_size=3)):
            base[field] = draw(json_values)
        body = json.dumps(base).encode()
    if body is not None:
        headers["content-type"] = draw(
            st.sampled_from(["application/json", "application/json; charset=utf-8", "text/plain", "application/xml"])
            | header_text
        )
    return method, path, headers, body


@settings(
    max_examples=400,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_no_input_makes_the_mock_fail(
    fuzzed: tuple[MockApp, TestClient, dict[str, str]], data: st.DataObject, caplog: pytest.LogCaptureFixture
) -> None:
    _app, client, ids = fuzzed
    method, path, headers, body = data.draw(requests(ids))
    with caplog.at_level(logging.ERROR, logger="fastn_mock"):
        caplog.clear()
        response = client.request(method, path, headers=headers, content=body)
    assert response.status_code < 500, response.text
    assert not caplog.records, caplog.text
    if method != "HEAD":
        ORACLE.check(method, path, response)
