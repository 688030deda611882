"""Hostile input (issue 10): every attack of the review is refused promptly and leaves the mock serving.

In-process where the behaviour is the app's; over real loopback sockets (uvicorn in a thread,
configured by `fastn_mock.uvicorn_config` like ``python -m fastn_mock``) where it is the
connection's: timeouts, connection limits, truncated and lost answers, and latency seen by a
concurrent client.
"""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import select
import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
import uvicorn
from fastn_mock import (
    DEFAULT_API_KEY,
    DEFAULT_SPACE_ID,
    OTHER_API_KEY,
    DroppedConnection,
    MockApp,
    MockConfig,
    uvicorn_config,
)
from fastn_mock import create_app as create_mock
from fastn_mock._schema import make_validator
from jsonschema import Draft202012Validator
from starlette.types import Message

from .mock_testkit import ORACLE, Api, TestClient

KEY = {"x-fastn-api-key": DEFAULT_API_KEY}
CUSTOMER = {"name": "Acme", "slug": "acme", "adminEmail": "it@acme.example"}
SHORT = 0.3
"""Header and body timeouts of the `strict` server, in seconds."""
PROMPT = 1.0
"""Seconds within which a refusal, or a normal request served alongside an attack, must be answered."""


def _mixed(count: int) -> list[Any]:
    """Items of mixed types, which do not sort: jsonschema's own uniqueItems compares them pair by pair."""
    return [i if i % 2 else str(i) for i in range(count)]


def _nested(depth: int) -> Any:
    value: Any = {}
    for _ in range(depth - 1):
        value = {"a": value}
    return value


# --------------------------------------------------------------------------------------------
# Serving on loopback


@dataclass
class Served:
    """A mock served by uvicorn on a loopback port."""

    app: MockApp
    port: int

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def client(self, **kwargs: Any) -> httpx.Client:
        return httpx.Client(base_url=self.base_url, headers=KEY, timeout=10, **kwargs)

    def connect(self) -> socket.socket:
        return socket.create_connection(("127.0.0.1", self.port), timeout=5)


@contextmanager
def _serve(**settings: Any) -> Iterator[Served]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(256)
    app = create_mock(MockConfig(rate_limit=0, **settings))
    # log_config=None: uvicorn leaves logging alone, so its records reach caplog too.
    server = uvicorn.Server(uvicorn_config(app, port=0, log_level="warning", lifespan="off", log_config=None))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        yield Served(app, sock.getsockname()[1])
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


@pytest.fixture(scope="module")
def served() -> Iterator[Served]:
    """The mock with its default limits."""
    with _serve() as mock:
        yield mock


@pytest.fixture
def live(served: Served) -> Served:
    """``served``, reset."""
    served.app.reset()
    return served


@pytest.fixture(scope="module")
def strict() -> Iterator[Served]:
    """The mock with 0.3 s header and body timeouts."""
    with _serve(header_timeout=SHORT, body_timeout=SHORT) as mock:
        yield mock


def _read_until_closed(sock: socket.socket) -> bytes:
    chunks = []
    while True:
        try:
            chunk = sock.recv(65536)
        except ConnectionResetError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


def _dribble(sock: socket.socket, data: bytes, interval: float = 0.05) -> tuple[bytes, float]:
    """Send ``data`` a byte per ``interval`` until the server answers or closes; what it sent, and when."""
    started = time.monotonic()
    for index in range(len(data)):
        readable, _, _ = select.select([sock], [], [], interval)
        if readable:
            break
        try:
            sock.send(data[index : index + 1])
        except OSError:
            break
    else:
        raise AssertionError("the server let a client dribble its whole request")
    return _read_until_closed(sock), time.monotonic() - started


def _error_of(reply: bytes) -> dict[str, Any]:
    head, _, body = reply.partition(b"\r\n\r\n")
    error: dict[str, Any] = json.loads(body)
    assert error["statusCode"] == int(head.split()[1])
    ORACLE.check_error(error)
    return error


# --------------------------------------------------------------------------------------------
# 1. Validation cost is bounded and stays off the event loop


@pytest.mark.parametrize(
    "array",
    [
        [1, 1.0],
        [1, True],
        [0, False],
        [None, 0],
        ["1", 1],
        [{"a": 1}, {"a": 1.0}],
        [{"a": 1, "b": 2}, {"b": 2, "a": 1}],
        [{"a": [1]}, {"a": [True]}],
        [[1, 2], [2, 1]],
        [[1, [2]], [1, [2.0]]],
        [{"a": None}, {}],
        _mixed(50),
        [*_mixed(50), "7"],
    ],
)
def test_unique_items_agrees_with_jsonschema(array: list[Any]) -> None:
    schema = {"type": "array", "uniqueItems": True}
    stock = [e.message for e in Draft202012Validator(schema).iter_errors(array)]
    assert [e.message for e in make_validator(schema).iter_errors(array)] == stock


def test_a_mixed_type_unique_array_is_refused_without_freezing_the_server(live: Served) -> None:
    # The review's payload: 8,000 mixed items took 21 s on the event loop; every other client waited.
    hostile = {"email": "dana@acme.example", "role": "viewer", "teams": [*_mixed(8000), "6"]}
    with live.client() as client, ThreadPoolExecutor(max_workers=1) as pool:
        started = time.monotonic()
        attack = pool.submit(client.post, "/api/v1/users/invite", json=hostile)
        latencies: list[float] = []
        while not attack.done() or not latencies:
            sent = time.monotonic()
            assert client.get("/api/v1/customers").status_code == 200
            latencies.append(time.monotonic() - sent)
        refused = attack.result()
        elapsed = time.monotonic() - started
    assert refused.status_code == 422
    ORACLE.check("POST", "/api/v1/users/invite", refused)
    details = refused.json()["details"]
    assert {("/teams", "maxItems"), ("/teams", "uniqueItems")} <= {(d["field"], d["code"]) for d in details}
    assert next(d for d in details if d["code"] == "uniqueItems")["message"].endswith("…")  # clipped, as before
    assert elapsed < PROMPT
    assert max(latencies) < PROMPT


def test_the_most_expensive_body_does_not_freeze_the_server(live: Served) -> None:
    # About 1 MiB of mixed items that all need canonicalising: a few hundred ms of CPU, in a worker thread.
    items: list[Any] = [[i] if i % 3 == 0 else {"k": i} if i % 3 == 1 else str(i) for i in range(85_000)]
    with live.client() as client, ThreadPoolExecutor(max_workers=1) as pool:
        attack = pool.submit(client.post, "/api/v1/triggers", json={"name": "t", "type": "cron", "workflowIds": items})
        latencies: list[float] = []
        while not attack.done() or not latencies:
            sent = time.monotonic()
            assert client.get("/_mock/health").status_code == 200
            latencies.append(time.monotonic() - sent)
        refused = attack.result()
    assert refused.status_code == 422
    ORACLE.check("POST", "/api/v1/triggers", refused)
    assert max(latencies) < PROMPT


def test_a_huge_fault_status_list_is_refused(client: TestClient) -> None:
    # /_mock/faults had neither a key nor a maxItems: now the same bounded validation as the API.
    started = time.monotonic()
    response = client.post("/_mock/faults", json={"errorStatuses": _mixed(8000)})
    assert time.monotonic() - started < PROMPT
    assert response.status_code == 422
    codes = {(d["field"], d["code"]) for d in response.json()["details"]}
    assert ("/errorStatuses", "maxItems") in codes
    assert ("/errorStatuses", "uniqueItems") not in codes  # all distinct: the worst case for a pairwise check
    assert client.get("/_mock/faults").json()["errorStatuses"] == [500, 503, 429]


# --------------------------------------------------------------------------------------------
# 2. Nesting depth is bounded at the door


def test_deeply_nested_input_is_refused_and_lists_keep_working(api: Api) -> None:
    workflow = api.make_workflow()
    path = f"/api/v1/workflows/{workflow['id']}/run"
    for depth in (65, 966, 100_000):
        raw = '{"input": ' + '{"a": ' * (depth - 2) + "{}" + "}" * (depth - 1)
        refused = api.post(path, content=raw.encode(), headers={"content-type": "application/json"})
        assert refused.status_code == 400, depth
        assert (refused.json()["code"], refused.json()["message"]) == (
            "BAD_REQUEST",
            "The request body is nested more than 64 levels deep.",
        )
    assert api.get("/api/v1/executions").json()["data"] == []
    accepted = api.post(path, {"input": _nested(63)})  # the body itself is the 64th level
    assert accepted.status_code == 202
    listed = api.get("/api/v1/executions")
    assert listed.status_code == 200
    assert [e["id"] for e in listed.json()["data"]] == [accepted.json()["id"]]


def test_deep_fault_settings_are_refused(client: TestClient) -> None:
    response = client.post("/_mock/faults", json={"script": [_nested(70)]})
    assert (response.status_code, response.json()["code"]) == (400, "BAD_REQUEST")


# --------------------------------------------------------------------------------------------
# 3. Slow clients are cut off; connections are limited


def test_a_slow_body_is_cut_off_with_408(strict: Served) -> None:
    head = (
        "POST /api/v1/customers HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        f"x-fastn-api-key: {DEFAULT_API_KEY}\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n"
    ).encode()
    with strict.connect() as sock:
        sock.sendall(head)
        reply, elapsed = _dribble(sock, b'{"name": "' + b"a" * 480)
    assert reply.startswith(b"HTTP/1.1 408 ")
    assert b"connection: close" in reply.lower()
    assert _error_of(reply)["code"] == "TIMED_OUT"
    assert SHORT <= elapsed < SHORT + PROMPT


def test_a_slow_request_head_does_not_hold_the_connection(strict: Served) -> None:
    with strict.connect() as sock:
        reply, elapsed = _dribble(sock, b"GET /api/v1/customers HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: " + b"a" * 400)
    assert reply == b""  # closed, without an answer
    assert SHORT <= elapsed < SHORT + PROMPT


def test_stalled_connections_are_all_closed(strict: Served) -> None:
    sockets = [strict.connect() for _ in range(50)]
    try:
        for i, sock in enumerate(sockets):
            if i % 2:
                sock.sendall(b"GET /api/v1/customers HTTP/1.1\r\n")  # half the head; the others send nothing
        deadline = time.monotonic() + SHORT + PROMPT
        open_ = set(sockets)
        while open_ and time.monotonic() < deadline:
            readable, _, _ = select.select(list(open_), [], [], 0.05)
            for sock in readable:
                assert _read_until_closed(sock) == b""
                open_.discard(sock)
        assert not open_, f"{len(open_)} stalled connections still open"
    finally:
        for sock in sockets:
            sock.close()


def test_an_idle_keep_alive_connection_is_closed_after_the_header_timeout(strict: Served) -> None:
    with strict.connect() as sock:
        sock.sendall(f"GET /_mock/health HTTP/1.1\r\nHost: 127.0.0.1:{strict.port}\r\n\r\n".encode())
        started = time.monotonic()
        reply = _read_until_closed(sock)
        assert reply.startswith(b"HTTP/1.1 200 ")
        assert SHORT <= time.monotonic() - started < SHORT + PROMPT


def test_connections_past_the_limit_are_refused() -> None:
    with _serve(max_connections=3) as mock:
        with mock.client() as client:
            assert client.get("/api/v1/customers").status_code == 200
        idle = [mock.connect() for _ in range(3)]
        try:
            with mock.client() as client:
                assert client.get("/api/v1/customers").status_code == 503
        finally:
            for sock in idle:
                sock.close()


def test_timeouts_and_limits_come_from_the_environment() -> None:
    config = MockConfig.from_env(
        {
            "MOCK_HEADER_TIMEOUT": "2.5",
            "MOCK_BODY_TIMEOUT": "4",
            "MOCK_KEEP_ALIVE_TIMEOUT": "9",
            "MOCK_MAX_CONNECTIONS": "12",
        }
    )
    assert (config.header_timeout, config.body_timeout, config.keep_alive_timeout, config.max_connections) == (
        2.5,
        4.0,
        9,
        12,
    )
    with pytest.raises(ValueError, match="header_timeout"):
        MockConfig(header_timeout=0)


# --------------------------------------------------------------------------------------------
# 4. The admin routes: body limit, JSON only, same origin only


def test_an_oversized_admin_body_is_refused(client: TestClient) -> None:
    response = client.post(
        "/_mock/faults", content=b" " * (1024 * 1024 + 1), headers={"content-type": "application/json"}
    )
    assert (response.status_code, response.json()["code"]) == (413, "PAYLOAD_TOO_LARGE")


@pytest.mark.parametrize("path", ["/_mock/faults", "/_mock/reset"])
@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"])
def test_an_admin_write_that_is_not_json_is_refused(api: Api, client: TestClient, path: str, content_type: str) -> None:
    api.make_customer()
    response = client.post(path, content=b'{"latencyMs": 5000}', headers={"content-type": content_type})
    assert (response.status_code, response.json()["code"]) == (415, "UNSUPPORTED_MEDIA_TYPE")
    assert client.delete("/_mock/faults", headers={"content-type": content_type}).status_code == 415
    assert client.get("/_mock/faults").json()["latencyMs"] == 0
    assert len(api.get("/api/v1/customers").json()["data"]) == 1


def test_an_admin_request_from_another_origin_is_refused(api: Api, client: TestClient) -> None:
    api.make_customer()
    for origin in ["http://evil.example", "null", "http://mock.evil.example", "https://mock"]:
        for method, path in [("POST", "/_mock/reset"), ("DELETE", "/_mock/faults"), ("GET", "/_mock/faults")]:
            response = client.request(method, path, headers={"origin": origin})
            assert (response.status_code, response.json()["code"]) == (403, "FORBIDDEN"), (origin, path)
    assert len(api.get("/api/v1/customers").json()["data"]) == 1
    # The mock's own origin (a page it served itself, were there one) may.
    assert client.post("/_mock/reset", headers={"origin": "http://mock"}).status_code == 204
    assert api.get("/api/v1/customers").json()["data"] == []


def test_an_admin_request_from_a_rebound_host_name_is_refused(live: Served) -> None:
    # DNS rebinding: a page of evil.example, its name now pointing at 127.0.0.1, sends Host and Origin alike.
    with httpx.Client(base_url=live.base_url) as admin:
        rebound = f"evil.example:{live.port}"
        response = admin.post("/_mock/reset", headers={"host": rebound, "origin": f"http://{rebound}"})
        assert response.status_code == 403
        for own in [live.base_url, f"http://localhost:{live.port}"]:
            assert admin.post("/_mock/reset", headers={"origin": own}).status_code == 204


# --------------------------------------------------------------------------------------------
# 5. A client that disconnects mid-body is not an error of the mock


def test_a_client_disconnecting_mid_body_is_logged_in_one_line(app: MockApp, caplog: pytest.LogCaptureFixture) -> None:
    incoming: list[Message] = [
        {"type": "http.request", "body": b'{"name": "Ac', "more_body": True},
        {"type": "http.disconnect"},
    ]
    sent: list[Message] = []

    async def receive() -> Message:
        return incoming.pop(0) if incoming else {"type": "http.disconnect"}

    async def send(message: Message) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/api/v1/customers",
        "raw_path": b"/api/v1/customers",
        "root_path": "",
        "query_string": b"",
        "headers": [
            (b"x-fastn-api-key", DEFAULT_API_KEY.encode()),
            (b"content-type", b"application/json"),
            (b"content-length", b"100"),
        ],
        "server": ("mock", 80),
        "client": ("127.0.0.1", 50000),
    }
    with caplog.at_level(logging.DEBUG):
        asyncio.run(app(scope, receive, send))
    records = [r for r in caplog.records if r.name.startswith(("fastn_mock", "uvicorn"))]
    assert [(r.levelno, r.exc_info) for r in records] == [(logging.INFO, None)]
    assert "disconnected after 12 bytes" in records[0].getMessage()
    assert app.store.workspace(DEFAULT_SPACE_ID).collection("audit") == {}


def test_a_client_disconnecting_mid_body_over_a_socket_leaves_no_traceback(
    live: Served, caplog: pytest.LogCaptureFixture
) -> None:
    head = (
        "POST /api/v1/customers HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        f"x-fastn-api-key: {DEFAULT_API_KEY}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
    )
    with caplog.at_level(logging.INFO), live.connect() as sock:
        sock.sendall(head.encode() + b'{"name": "Ac')
        time.sleep(0.05)  # let the server start reading the body
        sock.close()
        deadline = time.monotonic() + PROMPT
        while not any("disconnected" in r.getMessage() for r in caplog.records) and time.monotonic() < deadline:
            time.sleep(0.01)
    assert any("disconnected after 12 bytes" in r.getMessage() for r in caplog.records)
    assert [r for r in caplog.records if r.levelno >= logging.WARNING or r.exc_info] == []


# --------------------------------------------------------------------------------------------
# 7. Cursors cannot be forged


def _b64(payload: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")


def _pages(api: Api, path: str = "/api/v1/customers", cursor: str | None = None) -> httpx.Response:
    return api.get(path, params={"limit": 10, **({"cursor": cursor} if cursor else {})})


def test_a_genuine_cursor_pages_on(api: Api) -> None:
    for i in range(25):
        api.make_customer(f"c{i:02d}")
    first = _pages(api).json()
    second = _pages(api, cursor=first["nextCursor"]).json()
    assert [c["slug"] for c in second["data"]] == [f"c{i:02d}" for i in range(10, 20)]


def test_a_forged_cursor_is_refused(api: Api) -> None:
    for i in range(25):
        api.make_customer(f"c{i:02d}")
    issued = _pages(api).json()["nextCursor"]
    payload, _, mac = issued.partition(".")
    forged = [
        _b64({"offset": 10**18}),
        _b64({"offset": 0}),
        _b64({"offset": 20}),  # {"offset": 20} spelt otherwise than the spec's example (honoured: test_mock_crud)
        "eyJvZmZzZXQiOjEwfQ",  # {"offset":10}, the spec example's shape
        f"{_b64({'offset': 20})}.{mac}",  # another offset under a genuine signature
        f"{payload}.",
        f"{payload}.{mac[:-1]}{'A' if mac[-1] != 'A' else 'B'}",  # tampered signature
    ]
    for cursor in forged:
        response = _pages(api, cursor=cursor)
        assert response.status_code == 400, cursor
        assert response.json()["details"] == [
            {"field": "query.cursor", "message": "unknown cursor", "code": "invalid_cursor"}
        ]


def test_a_cursor_only_works_for_the_listing_that_issued_it(api: Api) -> None:
    for i in range(12):
        api.make_customer(f"c{i:02d}")
        api.make_connector(f"k{i:02d}")
    cursor = _pages(api).json()["nextCursor"]
    assert _pages(api, "/api/v1/connectors", cursor).status_code == 400
    assert _pages(api.as_key(OTHER_API_KEY), cursor=cursor).status_code == 400
    assert _pages(api, cursor=cursor).status_code == 200


def test_a_cursor_of_another_mock_is_refused(api: Api) -> None:
    for i in range(12):
        api.make_customer(f"c{i:02d}")
    other = create_mock(MockConfig(rate_limit=0))
    with TestClient(other, base_url="http://mock") as other_client:
        other_api = Api(other_client)
        for i in range(12):
            other_api.make_customer(f"c{i:02d}")
        cursor = _pages(other_api).json()["nextCursor"]
    assert _pages(api, cursor=cursor).status_code == 400


# --------------------------------------------------------------------------------------------
# 8. Emails are unique whatever their case


def test_an_email_differing_only_in_case_is_refused(api: Api) -> None:
    assert api.post("/api/v1/users/invite", {"email": "dana@acme.example", "role": "viewer"}).status_code == 201
    for email in ["Dana@acme.example", "DANA@ACME.EXAMPLE", "OWNER@example.com"]:
        response = api.post("/api/v1/users/invite", {"email": email, "role": "viewer"})
        assert (response.status_code, response.json()["code"]) == (409, "CONFLICT"), email
    emails = [u["email"] for u in api.get("/api/v1/users").json()["data"]]
    assert emails == ["owner@example.com", "dana@acme.example"]


# --------------------------------------------------------------------------------------------
# 9. Faults after processing: a truncated answer, a lost reply


def test_a_truncated_answer_reaches_the_client_cut_short(live: Served) -> None:
    live.app.faults.update({"script": [{"operationId": "listCustomers", "truncate": True}]})
    with live.client() as client:
        assert client.post("/api/v1/customers", json=CUSTOMER).status_code == 201
        with client.stream("GET", "/api/v1/customers") as response:
            assert response.status_code == 200
            declared = int(response.headers["content-length"])
            received: list[bytes] = []

            def read_all() -> None:
                received.extend(response.iter_raw())

            with pytest.raises(httpx.RemoteProtocolError, match="complete message body"):
                read_all()
        assert 0 < len(b"".join(received)) < declared
        assert client.get("/api/v1/customers").json()["data"][0]["slug"] == "acme"


def test_a_truncated_answer_to_a_create_still_creates(live: Served) -> None:
    live.app.faults.update({"script": [{"operationId": "createCustomer", "truncate": True}]})
    with live.client() as client:
        with pytest.raises(httpx.RemoteProtocolError, match="complete message body"):
            client.post("/api/v1/customers", json=CUSTOMER)
        assert [c["slug"] for c in client.get("/api/v1/customers").json()["data"]] == ["acme"]
    assert live.app.faults.snapshot()["script"] == []


def test_a_lost_reply_to_a_create_still_creates(live: Served) -> None:
    live.app.faults.update({"script": [{"operationId": "createCustomer", "loseReply": True}]})
    with live.client() as client:
        with pytest.raises(httpx.RemoteProtocolError, match="without sending a response"):
            client.post("/api/v1/customers", json=CUSTOMER)
        assert [c["slug"] for c in client.get("/api/v1/customers").json()["data"]] == ["acme"]
        # A retry of the lost create is what the client has to expect: a conflict.
        assert client.post("/api/v1/customers", json=CUSTOMER).status_code == 409


def test_a_lost_reply_to_a_delete_still_deletes(live: Served) -> None:
    with live.client() as client:
        customer = client.post("/api/v1/customers", json=CUSTOMER).json()
        live.app.faults.update({"script": [{"operationId": "deleteCustomer", "truncate": True}]})  # 204: no body
        with pytest.raises(httpx.RemoteProtocolError, match="without sending a response"):
            client.delete(f"/api/v1/customers/{customer['id']}")
        assert client.get(f"/api/v1/customers/{customer['id']}").status_code == 404


def test_a_dropped_request_is_not_applied(live: Served) -> None:
    live.app.faults.update({"script": [{"operationId": "createCustomer", "drop": True}]})
    with live.client() as client:
        with pytest.raises(httpx.RemoteProtocolError, match="without sending a response"):
            client.post("/api/v1/customers", json=CUSTOMER)
        assert client.get("/api/v1/customers").json()["data"] == []


def test_faults_after_processing_in_process(api: Api, client: TestClient) -> None:
    script = [
        {"operationId": "createCustomer", "loseReply": True},
        {"operationId": "createCustomer", "truncate": True},
    ]
    assert client.post("/_mock/faults", json={"script": script}).json()["script"][0]["loseReply"] is True
    for slug in ("a", "b"):
        with pytest.raises(DroppedConnection):
            client.post("/api/v1/customers", json={**CUSTOMER, "slug": slug}, headers=KEY)
    assert [c["slug"] for c in api.get("/api/v1/customers").json()["data"]] == ["a", "b"]
    audit = api.get("/api/v1/audit", params={"action": "customer.create"}).json()["data"]
    assert [event["outcome"] for event in audit] == ["success", "success"]
