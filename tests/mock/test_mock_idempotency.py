"""``Idempotency-Key`` on POST: a retry with the same key and body is the first answer again and changes nothing.

Each test proves its point by the mock's state (the collection listed, the audit log read), not by
the answer alone. In-process with a manual clock, except where the point is the wire: a reply lost
or cut short on a real loopback socket, and concurrent clients on real connections.
"""

from __future__ import annotations

import asyncio
import json
import socket
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
import uvicorn
from fastn_mock import (
    DEFAULT_API_KEY,
    DEFAULT_SPACE_ID,
    OTHER_API_KEY,
    VIEWER_API_KEY,
    DroppedConnection,
    ManualClock,
    MockApp,
    MockConfig,
    create_app,
    uvicorn_config,
)
from fastn_mock._idempotency import MAX_KEYS, TTL_SECONDS, fingerprint

from .mock_testkit import ORACLE, Api, TestClient

CUSTOMERS = "/api/v1/customers"
ACME = {"name": "Acme", "slug": "acme", "adminEmail": "it@acme.example"}
KEY = "5f8b2d1c-6a3e-4b7f-9c0d-1e2f3a4b5c6d"


def keyed(key: str = KEY) -> dict[str, str]:
    return {"Idempotency-Key": key}


def slugs(api: Api) -> list[str]:
    return [c["slug"] for c in api.get(CUSTOMERS, params={"limit": 100}).json()["data"]]


def _checked(response: httpx.Response) -> httpx.Response:
    """``response``, once the spec oracle has checked it."""
    ORACLE.check(response.request.method, response.request.url.path, response)
    return response


def audit(api: Api, action: str) -> list[tuple[str, str | None]]:
    """The audit log's events of one action, oldest first: (outcome, request id)."""
    events = api.get("/api/v1/audit", params={"action": action, "limit": 100}).json()["data"]
    return [(e["outcome"], e["requestId"]) for e in reversed(events)]


# --------------------------------------------------------------------------------------------
# Replay


def test_a_repeated_key_and_body_replays_the_first_answer_and_creates_nothing(api: Api, clock: ManualClock) -> None:
    first = api.post(CUSTOMERS, ACME, headers=keyed())
    assert first.status_code == 201
    clock.advance(10)  # within the rate-limit window
    again = api.post(CUSTOMERS, ACME, headers=keyed())
    assert again.status_code == 201
    assert again.content == first.content  # byte for byte: same id, same timestamps
    assert again.headers["content-type"] == first.headers["content-type"]
    assert again.headers["X-Request-Id"] != first.headers["X-Request-Id"]  # its own request id
    assert int(again.headers["X-RateLimit-Remaining"]) == int(first.headers["X-RateLimit-Remaining"]) - 1
    assert slugs(api) == ["acme"]
    assert audit(api, "customer.create") == [("success", first.headers["X-Request-Id"])]


def test_a_replay_still_counts_against_the_rate_limit(clock: ManualClock) -> None:
    with TestClient(create_app(MockConfig(rate_limit=2), clock=clock), base_url="http://mock") as client:
        api = Api(client)
        assert api.post(CUSTOMERS, ACME, headers=keyed()).headers["X-RateLimit-Remaining"] == "1"
        replay = api.post(CUSTOMERS, ACME, headers=keyed())
        assert (replay.status_code, replay.headers["X-RateLimit-Remaining"]) == (201, "0")
        refused = api.post(CUSTOMERS, ACME, headers=keyed())
        assert (refused.status_code, refused.json()["code"]) == (429, "RATE_LIMITED")
        clock.advance(60)
        assert slugs(api) == ["acme"]


def test_a_replayed_error_is_the_first_one_with_its_request_id(api: Api) -> None:
    taken = api.make_customer("acme")
    conflict = api.post(CUSTOMERS, ACME, headers=keyed())
    assert (conflict.status_code, conflict.json()["code"]) == (409, "CONFLICT")
    # The slug is free again, yet the key's answer stands: it is replayed, not recomputed.
    assert api.delete(f"{CUSTOMERS}/{taken['id']}").status_code == 204
    again = api.post(CUSTOMERS, ACME, headers=keyed())
    assert again.status_code == 409
    assert again.content == conflict.content
    assert again.json()["requestId"] == conflict.headers["X-Request-Id"] != again.headers["X-Request-Id"]
    assert slugs(api) == []
    assert [outcome for outcome, _ in audit(api, "customer.create")] == ["success", "failure"]


def test_a_replay_carries_the_handler_s_headers_and_runs_nothing(api: Api) -> None:
    workflow = api.make_workflow()
    path = f"/api/v1/workflows/{workflow['id']}/run"
    first = api.post(path, {"input": {"n": 1}}, headers=keyed())
    assert first.status_code == 202
    again = api.post(path, {"input": {"n": 1}}, headers=keyed())
    assert again.status_code == 202
    assert again.headers["Location"] == first.headers["Location"] == f"/api/v1/executions/{first.json()['id']}"
    assert again.content == first.content
    assert [e["id"] for e in api.get("/api/v1/executions").json()["data"]] == [first.json()["id"]]
    assert len(audit(api, "workflow.run")) == 1


def test_an_action_without_a_body_is_replayed_too(api: Api) -> None:
    workflow = api.make_workflow()
    execution = api.post(f"/api/v1/workflows/{workflow['id']}/run", {"input": {}}).json()
    cancel = f"/api/v1/executions/{execution['id']}/cancel"
    first = api.post(cancel, headers=keyed())
    assert (first.status_code, first.json()["status"]) == (200, "cancelled")
    # Without the key a second cancel is 409 (already final); with it, the first answer again.
    assert api.post(cancel).status_code == 409
    again = api.post(cancel, headers=keyed())
    assert (again.status_code, again.content) == (200, first.content)


# --------------------------------------------------------------------------------------------
# Reuse, lifetime, scope


def test_a_reused_key_with_another_body_is_422(api: Api) -> None:
    first, second = api.make_workflow("first"), api.make_workflow("second")
    run: dict[str, object] = {"input": {}}
    assert api.post(f"/api/v1/workflows/{first['id']}/run", run, headers=keyed("run")).status_code == 202
    assert api.post(CUSTOMERS, ACME, headers=keyed()).status_code == 201
    for path, body, key in [
        (CUSTOMERS, {**ACME, "slug": "globex"}, KEY),  # another body
        (CUSTOMERS, {**ACME, "plan": "growth"}, KEY),  # one more field
        ("/api/v1/workflows", {"name": "Sync", "slug": "sync"}, KEY),  # another operation
        (f"/api/v1/workflows/{second['id']}/run", run, "run"),  # the same body on another path
    ]:
        reused = api.post(path, body, headers=keyed(key))
        assert reused.status_code == 422
        error = reused.json()
        assert error["code"] == "IDEMPOTENCY_KEY_REUSED"
        assert "Idempotency-Key" in error["message"]
        assert [d["field"] for d in error["details"]] == ["header.Idempotency-Key"]
    assert slugs(api) == ["acme"]
    assert [w["slug"] for w in api.get("/api/v1/workflows").json()["data"]] == ["first", "second"]
    assert len(api.get("/api/v1/executions").json()["data"]) == 1


def test_the_same_body_in_another_key_order_is_the_same_request(api: Api) -> None:
    first = api.post(CUSTOMERS, ACME, headers=keyed())
    reordered = json.dumps(dict(reversed(list(ACME.items())))).encode()
    again = api.post(CUSTOMERS, content=reordered, headers={**keyed(), "content-type": "application/json"})
    assert (again.status_code, again.content) == (201, first.content)
    assert fingerprint("POST", CUSTOMERS, "", ACME) == fingerprint("post", CUSTOMERS, "", dict(reversed(ACME.items())))
    assert fingerprint("POST", CUSTOMERS, "", ACME) != fingerprint("POST", CUSTOMERS, "a=1", ACME)


def test_a_key_is_forgotten_after_24_hours(api: Api, clock: ManualClock) -> None:
    assert TTL_SECONDS == 24 * 60 * 60
    first = api.post(CUSTOMERS, ACME, headers=keyed())
    clock.advance(TTL_SECONDS - 1)
    assert api.post(CUSTOMERS, ACME, headers=keyed()).content == first.content  # still within the day
    clock.advance(1)
    # Forgotten: the same request is processed afresh (and conflicts with what the first created) ...
    fresh = api.post(CUSTOMERS, ACME, headers=keyed())
    assert (fresh.status_code, fresh.json()["code"]) == (409, "CONFLICT")
    clock.advance(TTL_SECONDS)
    # ... and another body under the key is a new request, not a reuse.
    assert api.post(CUSTOMERS, {**ACME, "slug": "globex"}, headers=keyed()).status_code == 201
    assert slugs(api) == ["acme", "globex"]


def test_keys_are_scoped_to_the_workspace(api: Api) -> None:
    ours = api.post(CUSTOMERS, ACME, headers=keyed())
    other = api.as_key(OTHER_API_KEY)
    theirs = other.post(CUSTOMERS, ACME, headers=keyed())
    assert theirs.status_code == 201
    assert theirs.json()["id"] != ours.json()["id"]
    assert other.post(CUSTOMERS, {**ACME, "slug": "globex"}, headers=keyed()).json()["code"] == (
        "IDEMPOTENCY_KEY_REUSED"
    )
    assert slugs(api) == ["acme"]
    assert slugs(other) == ["acme"]


def test_keys_are_case_sensitive(api: Api) -> None:
    assert api.post(CUSTOMERS, ACME, headers=keyed("order-1")).status_code == 201
    assert api.post(CUSTOMERS, {**ACME, "slug": "globex"}, headers=keyed("ORDER-1")).status_code == 201
    assert slugs(api) == ["acme", "globex"]


def test_reset_forgets_keys(api: Api, client: TestClient, app: MockApp) -> None:
    assert api.post(CUSTOMERS, ACME, headers=keyed()).status_code == 201
    assert client.post("/_mock/reset").status_code == 204
    assert app.idempotency.size(DEFAULT_SPACE_ID) == 0
    assert api.post(CUSTOMERS, {**ACME, "slug": "globex"}, headers=keyed()).status_code == 201  # not a reuse
    assert slugs(api) == ["globex"]


def test_requests_without_a_key_are_not_deduplicated(api: Api) -> None:
    body = {"name": "CI", "mode": "test", "role": "developer"}
    first = api.post("/api/v1/api-keys", body)
    second = api.post("/api/v1/api-keys", body)
    assert first.status_code == second.status_code == 201
    assert first.json()["id"] != second.json()["id"]
    assert api.post(CUSTOMERS, ACME).status_code == 201
    assert api.post(CUSTOMERS, ACME).status_code == 409
    assert [o for o, _ in audit(api, "api_key.create")] == ["success", "success"]


def test_the_key_is_ignored_where_the_operation_takes_none(api: Api) -> None:
    customer = api.make_customer()
    update = {"revision": 1, "name": "Acme Corp."}
    assert api.put(f"{CUSTOMERS}/{customer['id']}", update, headers=keyed()).status_code == 200
    stale = api.put(f"{CUSTOMERS}/{customer['id']}", update, headers=keyed())
    assert (stale.status_code, stale.json()["code"]) == (409, "VERSION_MISMATCH")  # processed, not replayed


# --------------------------------------------------------------------------------------------
# What is not stored


@pytest.mark.parametrize(
    ("case", "status"),
    [("injected 503", 503), ("viewer key", 403), ("invalid body", 422), ("not JSON", 415), ("no key", 401)],
)
def test_an_answer_decided_before_the_handler_is_not_stored(
    api: Api, client: TestClient, case: str, status: int
) -> None:
    if case == "injected 503":
        client.post("/_mock/faults", json={"script": [{"operationId": "createCustomer", "status": 503}]})
        refused = api.post(CUSTOMERS, ACME, headers=keyed())
    elif case == "viewer key":
        refused = api.as_key(VIEWER_API_KEY).post(CUSTOMERS, ACME, headers=keyed())
    elif case == "invalid body":
        refused = api.post(CUSTOMERS, {**ACME, "slug": "Not A Slug"}, headers=keyed())
    elif case == "not JSON":
        refused = api.post(
            CUSTOMERS, content=json.dumps(ACME).encode(), headers={**keyed(), "content-type": "text/plain"}
        )
    else:
        refused = api.as_key(None).post(CUSTOMERS, ACME, headers=keyed())
    assert refused.status_code == status
    assert slugs(api) == []
    retry = api.post(CUSTOMERS, ACME, headers=keyed())
    assert retry.status_code == 201  # processed afresh: neither the refusal replayed nor a reuse
    assert slugs(api) == ["acme"]
    assert api.post(CUSTOMERS, ACME, headers=keyed()).content == retry.content  # and now it is kept


def test_a_rate_limited_request_is_not_stored(clock: ManualClock) -> None:
    with TestClient(create_app(MockConfig(rate_limit=1), clock=clock), base_url="http://mock") as client:
        api = Api(client)
        assert api.get(CUSTOMERS).status_code == 200
        assert api.post(CUSTOMERS, ACME, headers=keyed()).status_code == 429
        clock.advance(60)
        assert api.post(CUSTOMERS, ACME, headers=keyed()).status_code == 201
        clock.advance(60)
        assert slugs(api) == ["acme"]


def test_an_invalid_key_is_400(api: Api) -> None:
    for key in [b"", b"has space", b"x" * 256, "naïve".encode(), b"tab\there"]:
        headers = {b"x-fastn-api-key": DEFAULT_API_KEY.encode(), b"Idempotency-Key": key}
        response = _checked(api.client.post(CUSTOMERS, json=ACME, headers=headers))
        assert response.status_code == 400, key
        assert {d["field"] for d in response.json()["details"]} == {"header.Idempotency-Key"}
    assert slugs(api) == []
    assert api.post(CUSTOMERS, ACME, headers=keyed("x" * 255)).status_code == 201  # the longest valid key


# --------------------------------------------------------------------------------------------
# Bounds


def test_a_workspace_keeps_at_most_a_fixed_number_of_keys(api: Api, app: MockApp) -> None:
    assert app.idempotency.max_keys == MAX_KEYS == 10_000
    app.idempotency.max_keys = 3
    for i in range(4):
        assert api.post("/api/v1/secrets", {"name": f"S{i}", "value": "v"}, headers=keyed(f"k{i}")).status_code == 201
    assert app.idempotency.size(DEFAULT_SPACE_ID) == 3
    # k3, the newest, is kept: another body under it is a reuse. k0, the oldest, was evicted: it is new again.
    assert api.post("/api/v1/secrets", {"name": "NEW", "value": "v"}, headers=keyed("k3")).status_code == 422
    assert api.post("/api/v1/secrets", {"name": "NEW", "value": "v"}, headers=keyed("k0")).status_code == 201
    assert [s["name"] for s in api.get("/api/v1/secrets").json()["data"]] == ["S0", "S1", "S2", "S3", "NEW"]
    assert app.idempotency.size(DEFAULT_SPACE_ID) == 3


def test_expired_keys_are_dropped(api: Api, app: MockApp, clock: ManualClock) -> None:
    for i in range(5):
        api.post("/api/v1/secrets", {"name": f"S{i}", "value": "v"}, headers=keyed(f"k{i}"))
    assert app.idempotency.size(DEFAULT_SPACE_ID) == 5
    clock.advance(TTL_SECONDS)
    assert api.post("/api/v1/secrets", {"name": "LATE", "value": "v"}, headers=keyed("late")).status_code == 201
    assert app.idempotency.size(DEFAULT_SPACE_ID) == 1


# --------------------------------------------------------------------------------------------
# Concurrency


async def _same_key_at_once(app: MockApp, count: int) -> list[httpx.Response]:
    transport = httpx.ASGITransport(app=app)
    headers = {"x-fastn-api-key": DEFAULT_API_KEY, **keyed()}
    async with httpx.AsyncClient(transport=transport, base_url="http://mock", headers=headers) as client:
        return list(await asyncio.gather(*(client.post(CUSTOMERS, json=ACME) for _ in range(count))))


def test_concurrent_requests_with_one_key_create_once(app: MockApp, api: Api) -> None:
    answers = asyncio.run(_same_key_at_once(app, 20))
    for response in answers:
        ORACLE.check("POST", CUSTOMERS, response)
    assert [r.status_code for r in answers] == [201] * 20  # without the key: one 201 and nineteen 409s
    assert len({r.content for r in answers}) == 1
    assert slugs(api) == ["acme"]
    assert len(audit(api, "customer.create")) == 1


# --------------------------------------------------------------------------------------------
# Faults after processing: the answer the client never heard


def test_a_lost_reply_is_replayed_to_the_retry_in_process(api: Api, client: TestClient) -> None:
    script = [{"operationId": "createCustomer", "loseReply": True}, {"operationId": "createCustomer", "truncate": True}]
    client.post("/_mock/faults", json={"script": script})
    headers = {"x-fastn-api-key": DEFAULT_API_KEY, **keyed()}
    with pytest.raises(DroppedConnection):
        client.post(CUSTOMERS, json=ACME, headers=headers)
    with pytest.raises(DroppedConnection):  # the retry's answer is cut short too ...
        client.post(CUSTOMERS, json=ACME, headers=headers)
    retry = api.post(CUSTOMERS, ACME, headers=keyed())  # ... and the next one hears it
    assert retry.status_code == 201
    assert [c["id"] for c in api.get(CUSTOMERS).json()["data"]] == [retry.json()["id"]]
    assert len(audit(api, "customer.create")) == 1


@contextmanager
def _serve(**settings: Any) -> Iterator[tuple[MockApp, str]]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)
    app = create_app(MockConfig(rate_limit=0, validate_responses=True, **settings))
    server = uvicorn.Server(uvicorn_config(app, port=0, log_level="warning", lifespan="off", log_config=None))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        yield app, f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[MockApp, str]]:
    with _serve() as mock:
        yield mock


@pytest.fixture
def live(served: tuple[MockApp, str]) -> Iterator[tuple[MockApp, httpx.Client]]:
    """The served mock, reset, and a client of it (owner key, a fixed Idempotency-Key)."""
    app, url = served
    app.reset()
    with httpx.Client(base_url=url, headers={"x-fastn-api-key": DEFAULT_API_KEY}, timeout=10) as client:
        yield app, client


@pytest.mark.parametrize(
    ("fault", "symptom"), [("loseReply", "without sending a response"), ("truncate", "complete message body")]
)
def test_a_lost_reply_is_replayed_to_the_retry(live: tuple[MockApp, httpx.Client], fault: str, symptom: str) -> None:
    app, client = live
    app.faults.update({"script": [{"operationId": "createCustomer", fault: True}]})
    with pytest.raises(httpx.RemoteProtocolError, match=symptom):
        client.post(CUSTOMERS, json=ACME, headers=keyed())
    retry = _checked(client.post(CUSTOMERS, json=ACME, headers=keyed()))
    assert retry.status_code == 201
    listed = _checked(client.get(CUSTOMERS)).json()["data"]
    assert listed == [retry.json()]  # the customer the lost answer described, and no other
    events = _checked(client.get("/api/v1/audit", params={"action": "customer.create"})).json()["data"]
    assert [(e["outcome"], e["resource"]["id"]) for e in events] == [("success", retry.json()["id"])]
    # Without the key, the same retry is what a client would otherwise get: a conflict.
    assert _checked(client.post(CUSTOMERS, json=ACME)).status_code == 409


def test_concurrent_clients_with_one_key_create_once(live: tuple[MockApp, httpx.Client]) -> None:
    _, client = live
    barrier = threading.Barrier(8)

    def create(_: int) -> httpx.Response:
        barrier.wait()
        return _checked(client.post(CUSTOMERS, json=ACME, headers=keyed()))

    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(create, range(8)))
    assert [r.status_code for r in answers] == [201] * 8
    assert len({r.content for r in answers}) == 1
    assert [c["slug"] for c in _checked(client.get(CUSTOMERS)).json()["data"]] == ["acme"]
