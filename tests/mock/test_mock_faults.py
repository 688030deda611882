"""Fault injection: scripted and random faults, latency, dropped connections, the admin routes."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from fastn_mock import (
    DEFAULT_API_KEY,
    DroppedConnection,
    FaultSettings,
    ManualClock,
    MockApp,
    MockConfig,
    ScriptedFault,
    create_app,
)

from .mock_testkit import Api, RecordingSleep, TestClient


def api_key() -> dict[str, str]:
    return {"x-fastn-api-key": DEFAULT_API_KEY}


def test_faults_are_off_by_default(api: Api, client: TestClient, sleeps: RecordingSleep) -> None:
    assert all(api.get("/api/v1/customers").status_code == 200 for _ in range(50))
    assert sleeps.calls == []
    assert client.get("/_mock/faults").json() == {
        "errorRate": 0.0,
        "errorStatuses": [500, 503, 429],
        "latencyMs": 0,
        "dropRate": 0.0,
        "loseReplyRate": 0.0,
        "truncateRate": 0.0,
        "seed": None,
        "script": [],
    }


@pytest.mark.parametrize("fault", ["loseReplyRate", "truncateRate"])
def test_random_lost_and_truncated_replies_come_after_the_write(api: Api, client: TestClient, fault: str) -> None:
    """The random twins of the scripted loseReply/truncate: the create is applied, its answer spoilt."""
    assert client.post("/_mock/faults", json={fault: 1.0}).status_code == 200
    with pytest.raises(DroppedConnection):
        client.post(
            "/api/v1/customers", json={"name": "A", "slug": "a", "adminEmail": "a@a.example"}, headers=api_key()
        )
    client.post("/_mock/faults", json={fault: 0.0})
    assert [c["slug"] for c in api.get("/api/v1/customers").json()["data"]] == ["a"]


def test_random_faults_can_be_set_at_start_up_from_the_environment() -> None:
    env = {"MOCK_LOSE_REPLY_RATE": "0.25", "MOCK_TRUNCATE_RATE": "0.5", "MOCK_FAULT_SEED": "3"}
    faults = MockConfig.from_env(env).faults
    assert (faults.lose_reply_rate, faults.truncate_rate, faults.seed) == (0.25, 0.5, 3)


def test_the_next_two_requests_to_a_path_fail_with_503(api: Api, client: TestClient) -> None:
    script = {"script": [{"path": "/api/v1/customers", "method": "GET", "status": 503, "count": 2, "retryAfter": 7}]}
    assert client.post("/_mock/faults", json=script).status_code == 200
    assert api.post("/api/v1/customers", {"name": "A", "slug": "a", "adminEmail": "a@a.example"}).status_code == 201
    failures = [api.get("/api/v1/customers") for _ in range(2)]
    assert [f.status_code for f in failures] == [503, 503]
    assert failures[0].json()["code"] == "SERVICE_UNAVAILABLE"
    assert failures[0].headers["Retry-After"] == "7"
    assert api.get("/api/v1/customers").status_code == 200
    assert client.get("/_mock/faults").json()["script"] == []


def test_faults_target_operations_and_path_globs(api: Api, client: TestClient) -> None:
    client.post("/_mock/faults", json={"script": [{"operationId": "getBilling", "status": 500}]})
    client.post("/_mock/faults", json={"script": [{"path": "/api/v1/billing/*", "status": 429, "count": 2}]})
    assert api.get("/api/v1/billing/usage").status_code == 429
    assert api.get("/api/v1/billing").status_code == 500
    assert api.get("/api/v1/billing/quotas").status_code == 429
    assert api.get("/api/v1/billing").status_code == 200


def test_random_errors_follow_the_rate_and_the_seed(clock: ManualClock) -> None:
    def statuses(seed: int) -> list[int]:
        faults = FaultSettings(error_rate=0.5, error_statuses=(500, 503), seed=seed)
        with TestClient(create_app(MockConfig(faults=faults), clock=clock), base_url="http://mock") as client:
            api = Api(client)
            return [api.get("/api/v1/customers").status_code for _ in range(200)]

    first = statuses(7)
    assert first == statuses(7)  # reproducible
    counts = Counter(first)
    assert set(counts) == {200, 500, 503}
    assert 60 < counts[200] < 140


def test_latency_is_added_without_blocking_tests(api: Api, client: TestClient, sleeps: RecordingSleep) -> None:
    client.post("/_mock/faults", json={"latencyMs": 250})
    client.post("/_mock/faults", json={"script": [{"path": "/api/v1/roles", "latencyMs": 1000}]})
    assert api.get("/api/v1/customers").status_code == 200
    assert api.get("/api/v1/roles").status_code == 200
    assert sleeps.calls == [0.25, 1.25]


def test_a_dropped_connection_is_an_error_in_process(client: TestClient, app: MockApp) -> None:
    app.faults.configure(FaultSettings(script=(ScriptedFault(path="/api/v1/customers", drop=True),)))
    # In-process there is no socket to close: the client gets an error instead of an answer.
    # (Over a real socket it sees the connection close: see test_mock_concurrency.)
    with pytest.raises(DroppedConnection):
        client.get("/api/v1/customers", headers={"x-fastn-api-key": "fsk_test_mock_owner"})
    assert client.get("/api/v1/customers", headers={"x-fastn-api-key": "fsk_test_mock_owner"}).json()["data"] == []


def test_invalid_fault_settings_are_422(client: TestClient) -> None:
    for payload in [{"errorRate": 2}, {"errorStatuses": [418]}, {"script": [{"path": "/x"}]}, {"surprise": 1}]:
        response = client.post("/_mock/faults", json=payload)
        assert response.status_code == 422, payload
        assert response.json()["code"] == "VALIDATION_ERROR"
    assert client.post("/_mock/faults", content=b"{", headers={"content-type": "application/json"}).status_code == 400


def test_delete_clears_and_reset_restores_the_start_up_faults(clock: ManualClock) -> None:
    start = FaultSettings(script=(ScriptedFault(path="/api/v1/secrets", status=500, count=1),))
    app = create_app(MockConfig(faults=start), clock=clock)
    with TestClient(app, base_url="http://mock") as client:
        api = Api(client)
        api.make_customer()
        assert client.delete("/_mock/faults").status_code == 204
        assert api.get("/api/v1/secrets").status_code == 200
        assert client.post("/_mock/reset").status_code == 204
        assert api.get("/api/v1/customers").json()["data"] == []  # state is gone
        assert api.get("/api/v1/secrets").status_code == 500  # the start-up fault is armed again


def test_faults_come_from_the_environment() -> None:
    config = MockConfig.from_env(
        {
            "MOCK_FAULT_RATE": "0.25",
            "MOCK_FAULT_STATUSES": "503,429",
            "MOCK_LATENCY_MS": "40",
            "MOCK_DROP_RATE": "0.01",
            "MOCK_FAULT_SEED": "3",
            "MOCK_FAULT_SCRIPT": json.dumps([{"path": "/api/v1/customers", "status": 503, "count": 2}]),
        }
    )
    faults = config.faults
    assert (faults.error_rate, faults.error_statuses, faults.latency_ms, faults.drop_rate, faults.seed) == (
        0.25,
        (503, 429),
        40,
        0.01,
        3,
    )
    assert faults.script == (ScriptedFault(count=2, path="/api/v1/customers", status=503),)


def test_bad_fault_variables_are_refused() -> None:
    from fastn_mock._errors import ApiError

    with pytest.raises(ApiError):
        MockConfig.from_env({"MOCK_FAULT_RATE": "1.5"})


def test_the_admin_routes_are_not_part_of_the_api(client: TestClient, app: MockApp) -> None:
    assert client.get("/_mock/health").json()["operations"] == len(app.spec.operations)
    served = client.get("/_mock/openapi.json").json()
    assert not any(path.startswith("/_mock") for path in served["paths"])
    assert served["info"]["title"] == "Fastn API"
