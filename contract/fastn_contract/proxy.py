"""A validating, recording proxy: put it between an application and a Fastn API server.

    fastn-contract proxy --upstream https://live.fastn.ai --port 4030 [--record fixtures/] [--out reports/]

The application points its base URL at ``http://127.0.0.1:4030`` and changes nothing else. Each
request is forwarded as it comes (method, path, query, headers, body streamed), and each answer
is sent back as it comes (status, headers, body streamed, content encoding untouched); redirects
are passed back, never followed. While an answer passes, a copy of it (up to
`fastn_contract.exchanges.MAX_BODY_CHARS`) is kept, and once it is complete the exchange is judged
against the spec in a worker thread: each contradiction and each thing the spec does not know is
logged in one line (logger ``fastn_contract.proxy``) and fed to the evidence report, written under
``--out`` when the proxy stops (and served at ``GET /_proxy/report`` meanwhile). With ``--record``,
each exchange is also written as a redacted evidence fixture (`fastn_contract.recording`).

Credentials pass through to the upstream and go nowhere else: exchanges keep only that a
credential header was sent, fixtures keep no request header at all, and nothing logs headers.
An upstream that cannot be reached is answered 502, one that does not answer in time 504, both
with the API's error shape.
"""

from __future__ import annotations

import json
import logging
import threading
import zlib
from collections.abc import AsyncIterator, Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any, Final
from urllib.parse import urlsplit

import anyio
import fastn_spec
import httpx

from . import recording, report
from .exchanges import MAX_BODY_CHARS, Exchange
from .observer import Finding, Observer

LOG: Final = logging.getLogger("fastn_contract.proxy")
HOP_BY_HOP: Final = frozenset(
    {
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "proxy-connection",
        "te",
        "trailer",
        "transfer-encoding",
        "upgrade",
        "host",
    }
)
REPORT_PATH: Final = "/_proxy/report"
DEFAULT_TIMEOUT: Final = httpx.Timeout(60.0, connect=10.0)

Scope = Mapping[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Any]
Send = Callable[[Message], Any]


class _Copy:
    """The first `MAX_BODY_CHARS` bytes of a body that streams past, and whether there was more."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []
        self.size = 0
        self.too_long = False

    def add(self, chunk: bytes) -> None:
        if self.too_long:
            return
        self.size += len(chunk)
        if self.size > MAX_BODY_CHARS:
            self.too_long, self.parts = True, []
        else:
            self.parts.append(chunk)

    def body(self, encoding: str = "") -> bytes | None:
        """The kept bytes, decoded from gzip/deflate (bounded too); None when too long or undecodable."""
        if self.too_long:
            return None
        raw = b"".join(self.parts)
        if encoding in ("gzip", "deflate"):
            inflater = zlib.decompressobj(wbits=47)  # gzip or zlib header, detected
            try:
                raw = inflater.decompress(raw, MAX_BODY_CHARS + 1)
            except zlib.error:
                return None
            if len(raw) > MAX_BODY_CHARS or inflater.unconsumed_tail:
                return None
        elif encoding not in ("", "identity"):
            return None
        return raw


class ValidatingProxy:
    """The ASGI application of the proxy (see the module doc)."""

    def __init__(
        self,
        upstream: str,
        document: Mapping[str, Any],
        *,
        record: Path | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        spec_label: str = "",
    ) -> None:
        self.upstream = upstream.rstrip("/")
        self.host = urlsplit(self.upstream).netloc
        self.document = document
        self.observer = Observer(document)
        self.record = record
        self.recorded = 0
        self.spec_label = spec_label
        self.findings: list[Finding] = []
        self._lock = threading.Lock()
        self._operations = {op.id: op for op in fastn_spec.operations(document)}
        self._client = httpx.AsyncClient(
            base_url=self.upstream, transport=transport, timeout=timeout, follow_redirects=False
        )

    def report(self) -> dict[str, Any]:
        with self._lock:
            return report.build(self.observer, target=self.upstream, spec=self.spec_label)

    async def aclose(self) -> None:
        await self._client.aclose()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        if scope["path"] == REPORT_PATH and scope["method"] == "GET":
            await _answer(send, 200, self.report())
            return
        await self._forward(scope, receive, send)

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await self.aclose()
                await send({"type": "lifespan.shutdown.complete"})
                return

    async def _forward(self, scope: Scope, receive: Receive, send: Send) -> None:
        headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in scope["headers"]]
        forward = [(k, v) for k, v in headers if k.lower() not in HOP_BY_HOP]
        has_body = any(k.lower() in ("content-length", "transfer-encoding") for k, _ in headers) and not any(
            k.lower() == "content-length" and v.strip() == "0" for k, v in headers
        )
        sent = _Copy()

        async def body() -> AsyncIterator[bytes]:
            while True:
                message = await receive()
                chunk = message.get("body", b"")
                if chunk:
                    sent.add(chunk)
                    yield chunk
                if not message.get("more_body", False):
                    return

        raw_path: bytes = scope.get("raw_path") or scope["path"].encode()
        query: bytes = scope.get("query_string", b"")
        url = self.upstream + raw_path.decode("latin-1") + ("?" + query.decode("latin-1") if query else "")
        request = self._client.build_request(
            scope["method"], url, headers=forward, content=body() if has_body else None
        )
        try:
            response = await self._client.send(request, stream=True)
        except httpx.TimeoutException:
            await _answer(send, 504, _error(504, "GATEWAY_TIMEOUT", f"{self.host} did not answer in time"))
            return
        except httpx.HTTPError as exc:
            await _answer(
                send, 502, _error(502, "BAD_GATEWAY", f"{self.host} could not be reached: {type(exc).__name__}")
            )
            return
        received = _Copy()
        try:
            out = [
                (k.encode("latin-1"), v.encode("latin-1"))
                for k, v in response.headers.multi_items()
                if k.lower() not in HOP_BY_HOP
            ]
            await send({"type": "http.response.start", "status": response.status_code, "headers": out})
            async for chunk in response.aiter_raw():
                received.add(chunk)
                await send({"type": "http.response.body", "body": chunk, "more_body": True})
            await send({"type": "http.response.body", "body": b"", "more_body": False})
        finally:
            await response.aclose()
        exchange = Exchange.build(
            method=scope["method"],
            path=scope["path"],
            query=httpx.QueryParams(query.decode("latin-1")).multi_items(),
            request_headers=headers,
            request_body=sent.body(),
            status=response.status_code,
            response_headers=response.headers.multi_items(),
            response_body=received.body(response.headers.get("content-encoding", "").lower()),
            source="proxy",
        )
        if received.too_long:
            exchange = replace(exchange, body_too_long=True)
        await anyio.to_thread.run_sync(self._judge, exchange)

    def _judge(self, exchange: Exchange) -> None:
        with self._lock:
            findings = self.observer.observe(exchange)
            operation = self.observer.operation_of(exchange.method, exchange.path)
            if self.record is not None and operation:
                self.recorded += 1
                data = recording.fixture(self.document, exchange, self._operations[operation], self.host)
                recording.save(self.record, data, self.recorded)
        for finding in findings:
            LOG.warning(
                "%s %s %s at %s: %s (%s) [%s %s -> %d%s]",
                finding.verdict,
                finding.kind,
                finding.name,
                finding.observation.at,
                finding.observation.observed,
                finding.observation.message,
                exchange.method,
                exchange.path,
                exchange.status,
                f", {finding.observation.request_id}" if finding.observation.request_id else "",
            )
        self.findings.extend(findings)


def _error(status: int, code: str, message: str) -> dict[str, Any]:
    return {"code": code, "message": message, "statusCode": status}


async def _answer(send: Send, status: int, body: Any) -> None:
    data = json.dumps(body, ensure_ascii=False).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": data})


def serve(
    upstream: str,
    spec: Path,
    *,
    host: str = "127.0.0.1",
    port: int = 4030,
    out: Path = Path("reports"),
    record: Path | None = None,
) -> int:
    """Run the proxy until interrupted; write the evidence report under ``out`` as it stops."""
    import uvicorn

    app = ValidatingProxy(upstream, fastn_spec.load(spec), record=record, spec_label=str(spec))
    LOG.warning("fastn-contract proxy: http://%s:%d -> %s (report in %s on exit)", host, port, app.upstream, out)
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning", lifespan="on")
    finally:
        written = report.write(app.report(), out)
        LOG.warning("evidence report: %s, %s", *written)
    return 0
