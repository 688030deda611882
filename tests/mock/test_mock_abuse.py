"""The mock holds under abuse (issue 18, part 6): one test per defect a red-team run found.

* the ``/_mock`` fault queue had no overall cap (50,000 entries: 3 ms → 3 s per API call);
* stored state had no cap per workspace (200 runs of 1 MB inputs: 91 MB → 1.6 GB);
* large bodies processed together stalled health checks for seconds;
* a key allowed only ``api_keys:create`` minted an owner key;
* ``listApiKeys``'s prefix plus the banner's last four characters rebuilt a short key;
* the tenant header was ignored;
* requests without a valid key were never rate-limited.

Everything runs in-process on a manual clock. The one test about time (large bodies) proves its
point with events (a large body's decoding is held until other requests have been answered),
with timeouts only as hang guards, so CPU load cannot make it flaky.
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
from typing import Any

import httpx
import pytest
from fastn_mock import (
    DEFAULT_API_KEY,
    DEFAULT_SPACE_ID,
    OTHER_API_KEY,
    FaultSettings,
    KeySeed,
    ManualClock,
    MockApp,
    MockConfig,
    ScriptedFault,
    create_app,
)
from fastn_mock import __main__ as cli
from fastn_mock import _audit as mock_audit
from fastn_mock import _http as mock_http
from fastn_mock._store import DEFAULT_KEYS, json_size, key_prefix

from .mock_testkit import ORACLE, Api, TestClient

HANG = 30.0
"""Seconds after which a wait is a hang, not a slow machine (no assertion is about time)."""
TENANT = "x-fastn-space-tenantid"


def _mock(clock: ManualClock, **settings: Any) -> MockApp:
    return create_app(MockConfig(validate_responses=True, rate_limit=10_000, **settings), clock=clock)


def test_both_caps_come_from_flags_and_variables(served: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOCK_MAX_FAULTS", "9")
    assert cli.main(["--max-workspace-bytes", "4096"]) == 0
    app: MockApp = served["app"]
    assert (app.config.max_faults, app.config.max_workspace_bytes) == (9, 4096)
    assert app.faults.max_pending == 9 and app.idempotency.max_bytes == 4096
    assert cli.main(["--max-faults", "0"]) == 2  # a cap protects the mock: it cannot be turned off


# --------------------------------------------------------------------------------------------
# The fault queue


def test_the_fault_queue_has_an_overall_cap(clock: ManualClock) -> None:
    batch = [{"path": f"/never/{i}/*", "status": 503} for i in range(100)]
    with TestClient(_mock(clock, max_faults=150), base_url="http://mock") as client:
        assert client.post("/_mock/faults", json={"script": batch}).status_code == 200
        refused = client.post("/_mock/faults", json={"script": batch, "latencyMs": 5})
        assert refused.status_code == 409
        ORACLE.check_error(refused.json())
        assert refused.json()["code"] == "CONFLICT"
        assert "limit of 150" in refused.json()["message"]
        pending = client.get("/_mock/faults").json()
        assert (len(pending["script"]), pending["latencyMs"]) == (100, 0)  # refused whole: nothing changed
        assert client.post("/_mock/faults", json={"script": batch[:50]}).status_code == 200  # up to the cap
        assert client.post("/_mock/faults", json={"script": batch[:1]}).status_code == 409
        assert Api(client).get("/api/v1/customers").status_code == 200  # the API is served beside a full queue
        assert client.delete("/_mock/faults").status_code == 204
        assert client.post("/_mock/faults", json={"script": batch}).status_code == 200
    assert MockConfig().max_faults == 1000
    assert MockConfig.from_env({"MOCK_MAX_FAULTS": "7"}).max_faults == 7
    two = FaultSettings(script=(ScriptedFault(status=503), ScriptedFault(status=500)))
    with pytest.raises(ValueError, match="max_faults"):
        MockConfig(max_faults=1, faults=two)


# --------------------------------------------------------------------------------------------
# Stored state per workspace

CAP = 100_000
BLOB = 30_000


def _held(app: MockApp, space: str = DEFAULT_SPACE_ID) -> int:
    """What a workspace holds, measured from scratch: every record but the audit log, chat turns, build jobs."""
    ws = app.store.workspace(space)
    records = sum(json_size(r) for name, c in ws.collections.items() if name != "audit" for r in c.values())
    turns = sum(json_size(turn) for session in ws.chat_sessions.values() for turn in session)
    return records + turns + sum(json_size(job) for job in ws.builds.values())


def test_stored_state_per_workspace_is_capped(clock: ManualClock) -> None:
    app = _mock(clock, max_workspace_bytes=CAP)
    with TestClient(app, base_url="http://mock") as client:
        api = Api(client)
        customer = api.make_customer()
        run = f"/api/v1/workflows/{api.make_workflow(executionTier='standard')['id']}/run"
        statuses = [api.post(run, {"input": {"blob": "x" * BLOB}}).status_code for _ in range(8)]
        accepted = statuses.count(202)
        assert 0 < accepted < 8 and statuses == [202] * accepted + [413] * (8 - accepted)
        ws = app.store.workspace(DEFAULT_SPACE_ID)
        assert ws.stored_bytes <= CAP + 2 * BLOB + 1_000  # past the cap by one run at most (input, result)
        refused = api.post(run, {"input": {"blob": "x" * BLOB}})
        assert refused.json()["code"] == "PAYLOAD_TOO_LARGE"
        assert f"past its limit of {CAP} bytes" in refused.json()["message"]
        assert len(api.get("/api/v1/executions").json()["data"]) == accepted  # the refused runs left nothing
        usage = {m["metric"]: m for m in api.get("/api/v1/billing/usage").json()["metrics"]}
        storage = usage["storage_mb"]  # MiB, rounded up
        assert (storage["used"], storage["limit"], storage["enforcement"]) == (1, 1, "hard")
        # Another workspace has its own room; reads and deletes work in a full one.
        assert api.as_key(OTHER_API_KEY).post("/api/v1/workflows", {"name": "W", "slug": "w"}).status_code == 201
        assert api.get(f"/api/v1/customers/{customer['id']}").status_code == 200
        before = ws.stored_bytes
        assert api.delete(f"/api/v1/customers/{customer['id']}").status_code == 204
        assert ws.stored_bytes < before
        clock.advance(10)  # the runs finish: their results take the room they took when they started
        assert [e["status"] for e in api.get("/api/v1/executions").json()["data"]] == ["completed"] * accepted
        assert ws.stored_bytes == _held(app) <= CAP + 2 * BLOB + 1_000
        assert client.post("/_mock/reset").status_code == 204
        run = f"/api/v1/workflows/{api.make_workflow(executionTier='standard')['id']}/run"
        assert api.post(run, {"input": {"blob": "x" * BLOB}}).status_code == 202
    assert MockConfig().max_workspace_bytes == 8 * 1024 * 1024
    assert MockConfig.from_env({"MOCK_MAX_WORKSPACE_BYTES": "4096"}).max_workspace_bytes == 4096


def test_the_stored_bytes_are_what_the_workspace_holds(clock: ManualClock) -> None:
    # The count is kept as things are written: after creates, updates, deletes, finishing runs, chat
    # turns, builds and a key's use, it is what a measure from scratch finds.
    app = _mock(clock)
    with TestClient(app, base_url="http://mock") as client:
        api = Api(client)
        customers = [api.make_customer(f"c{i}") for i in range(3)]
        api.put(f"/api/v1/customers/{customers[0]['id']}", {"revision": 1, "name": "A much longer name " * 5})
        api.delete(f"/api/v1/customers/{customers[1]['id']}")
        workflow = api.make_workflow(executionTier="standard")
        api.post(f"/api/v1/workflows/{workflow['id']}/run", {"input": {"n": list(range(100))}})
        clock.advance(10)
        assert api.get("/api/v1/executions").json()["data"][0]["status"] == "completed"  # its echoed result
        session = api.post("/api/v1/ai/chat", {"message": "hello"}).json()["sessionId"]
        api.post("/api/v1/ai/chat", {"message": "again", "sessionId": session})
        build = api.post("/api/v1/ai/build", {"kind": "workflow", "prompt": "Sync orders"}).json()["id"]
        api.get(f"/api/v1/ai/build/{build}")
        key = api.post("/api/v1/api-keys", {"name": "k", "mode": "test", "role": "viewer"}).json()
        api.as_key(key["secret"]).get("/api/v1/customers")  # its lastUsedAt changes
        api.delete(f"/api/v1/api-keys/{key['id']}")
        assert key["secret"] not in app.store.keys  # a revoked key leaves nothing in the index either
        assert app.store.workspace(DEFAULT_SPACE_ID).stored_bytes == _held(app)


def test_a_full_workspace_still_replays_kept_answers(clock: ManualClock) -> None:
    # A retried POST must hear what its first attempt did, even if that attempt filled the workspace;
    # and a refusal for room is not kept, so its retry is judged afresh.
    app = _mock(clock, max_workspace_bytes=CAP)
    with TestClient(app, base_url="http://mock") as client:
        api = Api(client)
        run = f"/api/v1/workflows/{api.make_workflow(executionTier='standard')['id']}/run"
        body = {"input": {"blob": "x" * BLOB}}
        statuses = [api.post(run, body, headers={"Idempotency-Key": f"k{i}"}).status_code for i in range(8)]
        last = statuses.index(413) - 1
        assert last >= 0 and statuses[last] == 202
        replay = api.post(run, body, headers={"Idempotency-Key": f"k{last}"})
        assert replay.status_code == 202  # a new run of that size would not fit: this is the kept answer
        assert len(api.get("/api/v1/executions").json()["data"]) == last + 1
        client.post("/_mock/reset")
        run = f"/api/v1/workflows/{api.make_workflow(executionTier='standard')['id']}/run"
        assert api.post(run, body, headers={"Idempotency-Key": f"k{last + 1}"}).status_code == 202


def test_kept_idempotent_answers_are_capped_in_bytes(app: MockApp, api: Api) -> None:
    # Kept answers have a byte budget of their own (also `max_workspace_bytes`): past it the oldest go.
    budget = app.idempotency.max_bytes = 50_000
    run = f"/api/v1/workflows/{api.make_workflow(executionTier='instant')['id']}/run"  # answers the input, echoed
    body = {"input": {"blob": "x" * 10_000}}
    for i in range(8):
        assert api.post(run, body, headers={"Idempotency-Key": f"k{i}"}).status_code == 200
    assert 0 < app.idempotency.kept_bytes(DEFAULT_SPACE_ID) <= budget
    assert app.idempotency.size(DEFAULT_SPACE_ID) < 8  # the oldest went first

    def runs() -> int:
        return len(api.get("/api/v1/executions", params={"limit": 100}).json()["data"])

    before = runs()
    api.post(run, body, headers={"Idempotency-Key": "k7"})  # kept: replayed, nothing runs
    assert runs() == before
    api.post(run, body, headers={"Idempotency-Key": "k0"})  # forgotten: it runs again
    assert runs() == before + 1
    assert create_app(MockConfig(max_workspace_bytes=4096)).idempotency.max_bytes == 4096


def test_the_audit_log_keeps_its_newest_events(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    # History, and refusals add to it, so it is bounded by count rather than by the workspace's cap.
    monkeypatch.setattr(mock_audit, "MAX_EVENTS", 5)
    created = [api.make_customer(f"c{i}")["id"] for i in range(8)]
    events = api.get("/api/v1/audit").json()["data"]  # newest first
    assert [(e["action"], e["resource"]["id"]) for e in events] == [("customer.create", c) for c in created[:2:-1]]


# --------------------------------------------------------------------------------------------
# Large bodies


def test_large_bodies_do_not_stall_other_requests(monkeypatch: pytest.MonkeyPatch) -> None:
    # Four large bodies at once. Their decoding is held until a health check and a small API request
    # have been answered, which can only happen if large bodies are handled off the event loop; and
    # at most `LARGE_BODY_WORKERS` of them are decoded at a time (the others wait without a thread).
    app = create_app(MockConfig(validate_responses=True, rate_limit=0))
    release, decoding = threading.Event(), threading.Event()
    busy = {"now": 0, "most": 0}
    count = threading.Lock()
    parse_json = mock_http.parse_json

    def held_parse_json(raw: bytes) -> Any:
        if len(raw) <= mock_http.INLINE_BODY_BYTES:
            return parse_json(raw)
        with count:
            busy["now"] += 1
            busy["most"] = max(busy["most"], busy["now"])
        decoding.set()
        try:
            if not release.wait(HANG):
                raise AssertionError("the large body's decoding was never released")
            return parse_json(raw)
        finally:
            with count:
                busy["now"] -= 1

    monkeypatch.setattr(mock_http, "parse_json", held_parse_json)
    threads: dict[bool, set[int]] = {}  # large request or not -> the threads that processed them
    process = app._process

    def recording_process(*args: Any) -> Any:
        threads.setdefault(args[-1] > mock_http.INLINE_BODY_BYTES, set()).add(threading.get_ident())
        return process(*args)

    monkeypatch.setattr(app, "_process", recording_process)

    async def scenario() -> tuple[list[httpx.Response], int]:
        transport = httpx.ASGITransport(app=app)
        headers = {"x-fastn-api-key": DEFAULT_API_KEY}
        async with httpx.AsyncClient(transport=transport, base_url="http://mock", headers=headers) as client:
            made = await client.post("/api/v1/workflows", json={"name": "W", "slug": "w", "executionTier": "standard"})
            run = f"/api/v1/workflows/{made.json()['id']}/run"
            large = json.dumps({"input": {"items": [{"n": i, "name": f"item {i}"} for i in range(8000)]}}).encode()
            assert len(large) > mock_http.INLINE_BODY_BYTES
            sends = [
                asyncio.create_task(client.post(run, content=large, headers={"content-type": "application/json"}))
                for _ in range(4)
            ]
            assert await asyncio.to_thread(decoding.wait, HANG), "no large body was ever decoded"
            try:
                health = await asyncio.wait_for(client.get("/_mock/health"), HANG)
                small = await asyncio.wait_for(client.get("/api/v1/customers"), HANG)
            except TimeoutError:
                raise AssertionError("a request waited for a large body: they stall the event loop") from None
            finally:
                still_held = sum(not task.done() for task in sends)
                release.set()
            assert (health.status_code, small.status_code, still_held) == (200, 200, 4)
            ORACLE.check("GET", "/api/v1/customers", small)
            answers = await asyncio.wait_for(asyncio.gather(*sends), HANG)
            for answer in answers:
                ORACLE.check("POST", run, answer)
            return answers, threading.get_ident()

    answers, loop_thread = asyncio.run(scenario())
    assert [a.status_code for a in answers] == [202] * 4
    assert busy["most"] == mock_http.LARGE_BODY_WORKERS == 1
    assert loop_thread not in threads[True]  # large requests were processed in workers...
    assert threads[False] == {loop_thread}  # ...small ones on the event loop, as before


# --------------------------------------------------------------------------------------------
# Keys: no escalation, nothing recoverable


def test_no_role_can_mint_a_key_above_its_own(api: Api) -> None:
    keymaker = {"resource": "api_keys", "actions": ["create"]}
    assert api.post("/api/v1/roles", {"key": "keymaker", "name": "Key maker", "permissions": [keymaker]}).is_success
    maker = api.as_key(api.post("/api/v1/api-keys", {"name": "m", "mode": "test", "role": "keymaker"}).json()["secret"])
    for role in ("owner", "admin", "developer", "viewer", None):  # None: the default role, developer
        body = {"name": "mine now", "mode": "live", **({"role": role} if role else {})}
        refused = maker.post("/api/v1/api-keys", body)
        assert refused.status_code == 403, role
        assert refused.json()["code"] == "FORBIDDEN"
        assert refused.json()["message"].startswith("Role keymaker may not give a key the role ")
    assert maker.post("/api/v1/api-keys", {"name": "same", "mode": "test", "role": "keymaker"}).status_code == 201
    names = [k["name"] for k in api.get("/api/v1/api-keys", params={"limit": 100}).json()["data"]]
    assert "mine now" not in names and names.count("same") == 1
    denied = api.get("/api/v1/audit", params={"action": "api_key.create", "outcome": "denied"}).json()["data"]
    assert len(denied) == 5
    # An admin may not mint an owner key (an owner may change billing), but may mint its equals and below.
    admin = api.as_key(api.post("/api/v1/api-keys", {"name": "a", "mode": "test", "role": "admin"}).json()["secret"])
    owner_key = admin.post("/api/v1/api-keys", {"name": "o", "mode": "test", "role": "owner"})
    assert owner_key.status_code == 403 and "billing:" in owner_key.json()["message"]
    assert admin.post("/api/v1/api-keys", {"name": "d", "mode": "test", "role": "developer"}).status_code == 201
    # Inviting a user is giving a role too.
    inviter = {"resource": "users", "actions": ["create"]}
    assert api.post("/api/v1/roles", {"key": "inviter", "name": "Inviter", "permissions": [inviter]}).is_success
    made = api.post("/api/v1/api-keys", {"name": "i", "mode": "test", "role": "inviter"})
    invites = api.as_key(made.json()["secret"])
    assert invites.post("/api/v1/users/invite", {"email": "o@acme.example", "role": "owner"}).status_code == 403
    assert invites.post("/api/v1/users/invite", {"email": "i@acme.example", "role": "inviter"}).status_code == 201


def _longest_shown(secret_part: str, text: str) -> int:
    """The length of the longest piece of ``secret_part`` that occurs in ``text``."""
    size = len(secret_part)
    pieces = (secret_part[i : i + n] for n in range(1, size + 1) for i in range(size - n + 1))
    return max((len(piece) for piece in pieces if piece in text), default=0)


def test_no_part_of_a_key_is_recoverable(
    served: list[MockApp],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    short = "fsk_live_Q7xZ2kLm9P"  # a real key can be this short: prefix + banner once rebuilt all but 2
    monkeypatch.setenv("FASTN_API_KEY", short)
    monkeypatch.setenv("FASTN_SPACE_ID", DEFAULT_SPACE_ID)
    assert cli.main([]) == 0
    banner = capsys.readouterr().out
    app = create_app(
        MockConfig(
            validate_responses=True, keys=(KeySeed(short, DEFAULT_SPACE_ID, "owner", "FASTN_API_KEY"), *DEFAULT_KEYS)
        )
    )
    with TestClient(app, base_url="http://mock") as client, caplog.at_level(logging.DEBUG):
        api = Api(client, short)
        created = api.post("/api/v1/api-keys", {"name": "CI", "mode": "test", "role": "viewer"}).json()  # shown once
        generated = created["secret"]
        api.as_key(generated).get("/api/v1/customers")
        listed = api.get("/api/v1/api-keys", params={"limit": 100})
        shown = [
            banner,
            listed.text,
            api.get("/api/v1/audit", params={"limit": 100}).text,
            api.as_key(short[:-1]).get("/api/v1/customers").text,  # errors for near misses
            api.as_key(short + "0").post("/api/v1/api-keys", {}).text,
            client.get("/_mock/faults").text,
            caplog.text,
        ]
    text = "\n".join(shown)
    prefixes = {k["name"]: k["prefix"] for k in listed.json()["data"]}
    # The short key: nothing of its secret proper anywhere (two characters match by chance at most).
    assert prefixes["FASTN_API_KEY"] == "fsk_live_"
    assert _longest_shown(short.removeprefix("fsk_live_"), text) <= 2
    # A generated key: its prefix shows 4 of its 32 hex digits, never a fifth beside them, and no run
    # of 8 of the other 28 shows anywhere. (Request ids and UUIDs in the text are hex too: a run of 5
    # matched by chance in about one run of twenty; one of 8 does in about one of 10^5.)
    proper = generated.removeprefix("fsk_test_")
    assert prefixes["CI"] == generated[:13] == created["prefix"] and len(proper) - 4 >= 24
    assert generated[:13] in text and generated[:14] not in text
    assert _longest_shown(proper[4:], text) < 8
    # The built-in keys are public (README, --help), yet shown like the short one.
    assert prefixes["Mock owner key"] == key_prefix(DEFAULT_API_KEY) == "fsk_test_"
    assert key_prefix("wak_0123456789abcdef") == ""  # no known marker, too short: nothing at all
    assert key_prefix("5f0c6a52-3b1e-4d7a-9c2f-8e1d4b6a7c30") == "5f0c"  # long enough: 32 characters stay hidden


# --------------------------------------------------------------------------------------------
# The tenant header


@pytest.fixture
def tenants(api: Api) -> dict[str, dict[str, Any]]:
    return {slug: api.make_customer(slug) for slug in ("acme", "globex")}


def test_the_tenant_header_is_honoured(api: Api, tenants: dict[str, dict[str, Any]]) -> None:
    acme, globex = ({TENANT: "acme"}, {TENANT: tenants["globex"]["id"]})  # by slug or by id
    # Not a customer of this workspace: 403 on any operation; not a tenant id at all: 400.
    for method, path in [("GET", "/api/v1/customers"), ("GET", "/api/v1/connections"), ("POST", "/api/v1/workflows")]:
        refused = api.call(method, path, json={"name": "W", "slug": "w"}, headers={TENANT: "initech"})
        assert refused.status_code == 403, path
        assert "names no customer" in refused.json()["message"]
    other = api.as_key(OTHER_API_KEY).get("/api/v1/customers", headers=acme)  # acme is not the other workspace's
    assert other.status_code == 403
    bad = api.get("/api/v1/customers", headers={TENANT: "two words"})
    assert (bad.status_code, bad.json()["details"][0]["field"]) == (400, f"header.{TENANT}")
    # Connections belong to a tenant: each tenant sees its own, the workspace itself sees them all.
    connector = api.make_connector("db", "basic")["id"]
    mine = api.post("/api/v1/connections", {"connectorId": connector}, headers=acme).json()
    assert mine["tenantId"] == "acme"
    theirs = api.post("/api/v1/connections", {"connectorId": connector}, headers=globex).json()
    for headers, seen in ((acme, [mine["id"]]), (globex, [theirs["id"]]), ({}, [mine["id"], theirs["id"]])):
        assert [c["id"] for c in api.get("/api/v1/connections", headers=headers).json()["data"]] == seen
    assert [c["id"] for c in api.get("/api/v1/connections", headers={TENANT: ""}).json()["data"]] == [
        mine["id"],
        theirs["id"],
    ]  # an empty header is the workspace itself
    assert api.delete(f"/api/v1/connections/{theirs['id']}", headers=acme).status_code == 404
    across = api.post("/api/v1/connections", {"connectorId": connector, "tenantId": "globex"}, headers=acme)
    assert across.status_code == 403
    same = api.post("/api/v1/connections", {"connectorId": connector, "tenantId": tenants["acme"]["id"]}, headers=acme)
    assert same.status_code == 201  # the same tenant, named by its id
    assert api.delete(f"/api/v1/connections/{theirs['id']}", headers=globex).status_code == 204
    # Runs for a tenant are that tenant's (and the workspace's) to see.
    workflow = api.make_workflow(executionTier="standard")
    run = api.post(f"/api/v1/workflows/{workflow['id']}/run", {"input": {}}, headers=acme).json()
    assert api.get(f"/api/v1/executions/{run['id']}", headers=globex).status_code == 404
    assert api.get("/api/v1/executions", headers=globex).json()["data"] == []
    assert api.post(f"/api/v1/executions/{run['id']}/cancel", headers=globex).status_code == 404
    assert api.get(f"/api/v1/executions/{run['id']}", headers=acme).status_code == 200
    assert [e["id"] for e in api.get("/api/v1/executions").json()["data"]] == [run["id"]]


# --------------------------------------------------------------------------------------------
# Unauthenticated floods


def test_unauthenticated_floods_are_rate_limited(clock: ManualClock) -> None:
    app = create_app(MockConfig(validate_responses=True, rate_limit=5), clock=clock)
    with (
        TestClient(app, base_url="http://mock") as client,
        TestClient(app, base_url="http://mock", client=("203.0.113.9", 40000)) as elsewhere,
    ):
        anonymous = Api(client, None)
        answers = [anonymous.get("/api/v1/customers") for _ in range(5)]
        assert [(a.status_code, a.headers["X-RateLimit-Remaining"]) for a in answers] == [
            (401, str(n)) for n in (4, 3, 2, 1, 0)
        ]
        limited = anonymous.get("/api/v1/customers")  # the oracle checks the spec's 429: body and headers
        assert limited.status_code == 429
        assert limited.json()["code"] == "RATE_LIMITED"
        assert "without a valid API key" in limited.json()["message"]
        assert int(limited.headers["Retry-After"]) <= 60
        # Guessed keys and unknown paths are the same flood, from the same address.
        assert anonymous.as_key("fsk_test_guess").get("/api/v1/customers").status_code == 429
        assert anonymous.get("/api/v1/nowhere").status_code == 429
        # A valid key has its own window; another address too.
        assert Api(client).get("/api/v1/customers").status_code == 200
        assert Api(elsewhere, None).get("/api/v1/customers").status_code == 401
        clock.advance(60)
        assert anonymous.get("/api/v1/customers").status_code == 401
