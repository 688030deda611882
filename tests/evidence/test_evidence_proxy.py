"""The recording proxy forwards faithfully, keeps no credential, and finds what the report finds.

In-process: the proxy (`fastn_contract.proxy.ValidatingProxy`, an ASGI app) forwards to an
upstream given as an httpx transport (the mock's ASGI app, or a scripted `httpx.MockTransport`),
and callers reach it through `httpx.ASGITransport`. The slow twin in
``test_evidence_proxy_served.py`` does the same over sockets, beside Prism's proxy.
"""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import json
import logging
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import fastn_spec
import httpx
import pytest
from fastn_client import AsyncFastn, AuthenticatedClient, ClientOptions, FastnError
from fastn_contract import proxy as proxy_module
from fastn_contract.proxy import ValidatingProxy
from fastn_mock import DEFAULT_API_KEY, DEFAULT_SPACE_ID, MockConfig, create_app

from .test_evidence_report import EXACT, named

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "openapi" / "fastn.yaml"
DOCUMENT = fastn_spec.load(SPEC)
TENANT = "b0d1c2e3-f4a5-4b6c-8d7e-9f0a1b2c3d4e"
QUIET = ClientOptions(max_retries=0, pacing=False)
WORKFLOW = {
    "id": "sync_orders",
    "name": "sync_orders",
    "slug": "sync-orders",
    "description": "",
    "executionTier": "standard",
    "timeoutSeconds": 900,
    "status": "active",
    "version": "v1",
    "retryPolicy": {"maxAttempts": 3, "initialIntervalMs": 5000, "backoffCoefficient": 2, "maxIntervalMs": 60000},
    "revision": 1,
    "updatedAt": "2026-03-01T06:00:00Z",
}  # no createdAt: a contradiction the proxy must find
RATE = {"X-RateLimit-Limit": "600", "X-RateLimit-Remaining": "599", "X-RateLimit-Reset": "1796684400"}


async def streamed(*chunks: bytes) -> AsyncIterator[bytes]:
    """A body as a real transport gives it: a stream (httpx keeps a plain ``content=`` only decoded)."""
    for chunk in chunks:
        yield chunk


def through(proxy: ValidatingProxy) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=proxy), base_url="http://proxy")


def run(coroutine: Any) -> Any:
    return asyncio.run(coroutine)


def test_answers_come_back_as_the_upstream_sent_them_and_redirects_are_not_followed() -> None:
    seen: list[httpx.Request] = []

    def upstream(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path == "/moved":
            return httpx.Response(302, headers={"Location": "https://elsewhere.example/x"}, content=streamed())
        return httpx.Response(418, headers={"X-Custom": "kept", **RATE}, content=streamed(b"\x00not json\xff"))

    proxy = ValidatingProxy("http://up", DOCUMENT, transport=httpx.MockTransport(upstream))

    async def go() -> tuple[httpx.Response, httpx.Response]:
        async with through(proxy) as client:
            teapot = await client.put("/api/v1/anything?b=2&a=1", content=b"raw body", headers={"X-Mine": "1"})
            moved = await client.get("/moved")
            return teapot, moved

    teapot, moved = run(go())
    assert (teapot.status_code, teapot.content, teapot.headers["x-custom"]) == (418, b"\x00not json\xff", "kept")
    assert (moved.status_code, moved.headers["location"]) == (302, "https://elsewhere.example/x")
    assert len(seen) == 2  # the redirect went back to the caller, not followed
    sent = seen[0]
    assert (sent.method, str(sent.url)) == ("PUT", "http://up/api/v1/anything?b=2&a=1")
    assert sent.headers["x-mine"] == "1" and sent.content == b"raw body"


def test_bodies_stream_through_chunk_by_chunk() -> None:
    chunks = [b'{"data": [', b"", b"]", b', "nextCursor": null}']

    def upstream(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers=RATE, content=streamed(*chunks))

    proxy = ValidatingProxy("http://up", DOCUMENT, transport=httpx.MockTransport(upstream))
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "GET", "path": "/api/v1/workflows", "raw_path": b"/api/v1/workflows"}
    run(proxy({**scope, "query_string": b"", "headers": [(b"x-fastn-api-key", b"k")]}, receive, send))
    bodies = [m["body"] for m in sent if m["type"] == "http.response.body" and m["body"]]
    assert bodies == [c for c in chunks if c]  # one ASGI message per upstream chunk: never buffered whole
    assert proxy.report()["summary"]["contradicted"] == 0


def test_an_encoded_answer_is_forwarded_encoded_and_judged_decoded() -> None:
    packed = gzip.compress(json.dumps(WORKFLOW).encode())

    def upstream(request: httpx.Request) -> httpx.Response:
        headers = {"Content-Encoding": "gzip", "Content-Type": "application/json", **RATE}
        return httpx.Response(200, headers=headers, content=streamed(packed[:10], packed[10:]))

    proxy = ValidatingProxy("http://up", DOCUMENT, transport=httpx.MockTransport(upstream))

    async def go() -> httpx.Response:
        async with through(proxy) as client:
            return await client.get("/api/v1/workflows/sync_orders")

    response = run(go())
    assert response.headers["content-encoding"] == "gzip" and response.json() == WORKFLOW
    assert named(proxy.report()) == EXACT["missing-field"]
    (finding,) = proxy.findings
    assert finding.observation.at == "body/createdAt"


def test_an_upstream_that_fails_is_a_502_and_one_that_stalls_a_504() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    def stall(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("no answer", request=request)

    for upstream, status, code in ((refuse, 502, "BAD_GATEWAY"), (stall, 504, "GATEWAY_TIMEOUT")):
        proxy = ValidatingProxy("http://up", DOCUMENT, transport=httpx.MockTransport(upstream))

        async def go(proxy: ValidatingProxy = proxy) -> httpx.Response:
            async with through(proxy) as client:
                return await client.get("/api/v1/billing")

        response = run(go())
        assert response.status_code == status and response.json()["code"] == code
        assert response.json()["statusCode"] == status


def test_a_body_over_the_cap_is_forwarded_whole_and_not_judged(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(proxy_module, "MAX_BODY_CHARS", 1024)
    big = json.dumps({"data": [], "nextCursor": None, "pad": "x" * 5000}).encode()

    def upstream(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers=RATE, content=streamed(big[:3000], big[3000:]))

    proxy = ValidatingProxy("http://up", DOCUMENT, transport=httpx.MockTransport(upstream))

    async def go() -> httpx.Response:
        async with through(proxy) as client:
            return await client.get("/api/v1/workflows")

    assert run(go()).content == big
    built = proxy.report()
    assert built["exchanges"]["bodiesNotJudged"] == 1 and named(built) == set()


def test_credentials_reach_the_upstream_and_nothing_else(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    mock = create_app(MockConfig(spec_path=SPEC, rate_limit=0, deviations=frozenset({"missing-field"})))
    proxy = ValidatingProxy("http://mock", DOCUMENT, transport=httpx.ASGITransport(app=mock), record=tmp_path)
    secret_value = "correct-horse-battery-staple-0042"

    async def go() -> tuple[str, str]:
        headers = {"x-fastn-api-key": DEFAULT_API_KEY, "x-fastn-space-id": DEFAULT_SPACE_ID}
        async with through(proxy) as client:
            customer = (
                await client.post(
                    "/api/v1/customers",
                    json={"name": "Acme", "slug": "acme", "adminEmail": "ops@acme.example"},
                    headers=headers,
                )
            ).json()
            tenant = {**headers, "x-fastn-space-tenantid": customer["id"]}
            assert (await client.get("/api/v1/connections", headers=tenant)).status_code == 200
            secret = {"name": "WAREHOUSE_PASSWORD", "value": secret_value}
            assert (await client.post("/api/v1/secrets", json=secret, headers=headers)).status_code == 201
            key = (
                await client.post(
                    "/api/v1/api-keys", json={"name": "ci", "mode": "test", "role": "viewer"}, headers=headers
                )
            ).json()
            assert (await client.get(f"/api/v1/customers/{customer['id']}", headers=headers)).status_code == 200
            assert (await client.post("/api/v1/workflows", json={"name": "S", "slug": "s"}, headers=headers)).is_success
            return customer["id"], key["secret"]

    with caplog.at_level(logging.DEBUG, logger="fastn_contract"):
        tenant_id, minted = run(go())
    written = "\n".join(p.read_text(encoding="utf-8") for p in sorted(tmp_path.glob("*.json")))
    everything = [written, json.dumps(proxy.report()), caplog.text]
    for secret in (DEFAULT_API_KEY, secret_value, minted, tenant_id):
        assert not any(secret in text for text in everything), f"{secret[:12]}… leaked"
    assert len(list(tmp_path.glob("*.json"))) == 6
    fixture = json.loads(next(tmp_path.glob("create_api_key_201_*.json")).read_text(encoding="utf-8"))
    assert "secret" in fixture["redacted"] and fixture["body"]["secret"] != minted
    assert "Workflow.createdAt" in caplog.text  # the one contradiction, logged as it passed


@pytest.mark.parametrize("deviation", ["missing-field", "unlisted-enum", "no-rate-limit-headers", "bearer-key"])
def test_the_generated_client_through_the_proxy_yields_the_reports_findings(deviation: str) -> None:
    mock = create_app(MockConfig(spec_path=SPEC, rate_limit=0, deviations=frozenset({deviation})))
    proxy = ValidatingProxy("http://mock", DOCUMENT, transport=httpx.ASGITransport(app=mock))
    base = AuthenticatedClient(
        base_url="http://proxy",
        token=DEFAULT_API_KEY,
        space_id=DEFAULT_SPACE_ID,
        options=QUIET,
        httpx_args={"transport": httpx.ASGITransport(app=proxy)},
    )

    async def go() -> None:
        async with AsyncFastn(http_client=base) as client:

            async def customers() -> list[Any]:
                return [each async for each in client.customers.list()]

            for call in (
                lambda: client.workflows.create(name="Sync", slug="sync", execution_tier="standard"),
                customers,
                lambda: client.billing.get(),
            ):
                # A deviating answer is the client's typed error; the proxy saw it all the same.
                with contextlib.suppress(FastnError):
                    await call()

    run(go())
    assert named(proxy.report()) == EXACT[deviation]
