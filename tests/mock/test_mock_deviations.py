"""Deviating mode (``--deviate``): each deviation changes exactly what it names, and nothing else.

Each deviation has a test showing that it happens and that a neighbouring behaviour is still what
the spec says (checked by the spec oracle). "Nothing else" is shown by twins: one scenario is played
against a conforming mock and a deviating one (same seed, same clock), and every deviating answer
must be the conforming one with the deviation applied by hand: status, headers and body. The hand
version in `by_hand` is the catalogue restated independently of `fastn_mock._deviations`.
"""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest
from fastn_mock import (
    DEFAULT_API_KEY,
    DEFAULT_SPACE_ID,
    DEVIATIONS,
    VIEWER_API_KEY,
    ManualClock,
    MockApp,
    MockConfig,
    create_app,
)
from fastn_mock import __main__ as cli

from .mock_testkit import ORACLE, Api, RecordingSleep, TestClient

CUSTOMERS = "/api/v1/customers"
WORKFLOWS = "/api/v1/workflows"
API_KEYS = "/api/v1/api-keys"
BILLING = "/api/v1/billing"
BEARER = {"Authorization": f"Bearer {DEFAULT_API_KEY}"}
KEYED = {"Idempotency-Key": "5f8b2d1c-6a3e-4b7f-9c0d-1e2f3a4b5c6d"}
RATE_LIMIT_HEADERS = ("x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset", "retry-after")
CATALOGUE = (
    "bearer-key",
    "snake-case",
    "envelope",
    "unlisted-enum",
    "missing-field",
    "undocumented-status",
    "no-rate-limit-headers",
    "no-idempotency",
)
RESPONSE_DEVIATIONS = CATALOGUE[1:7]
"""Those that change answers only (not which requests are accepted or processed): the twins' subjects."""


def deviate(*names: str, **settings: Any) -> pytest.MarkDecorator:
    """Run the test against a mock with these deviations (and settings), through the conftest's fixtures."""
    return pytest.mark.parametrize("config", [(names, settings)], indirect=True, ids=[",".join(names)])


@pytest.fixture
def config(request: pytest.FixtureRequest) -> MockConfig:
    """The conftest's (strict mode, generous rate limit), with the deviations a test names by `deviate`."""
    names, settings = getattr(request, "param", ((), {}))
    return MockConfig(**{"validate_responses": True, "rate_limit": 10_000, "deviations": frozenset(names), **settings})


def sent(response: httpx.Response) -> httpx.Response:
    """``response``, once its Content-Length is checked to be its body's."""
    assert int(response.headers.get("content-length", "0")) == len(response.content)
    return response


def wire(client: TestClient, method: str, path: str, json: Any = None, **headers: str) -> httpx.Response:
    """A request sent as is (no oracle: a deviating answer is meant to break the spec), owner key as a Bearer token."""
    return sent(client.request(method, path, json=json, headers={**BEARER, **headers}))


def snake(value: Any) -> Any:
    """The hand version of ``snake-case``: every object key, at any depth."""
    if isinstance(value, dict):
        return {re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", k).lower(): snake(v) for k, v in value.items()}
    if isinstance(value, list):
        return [snake(v) for v in value]
    return value


# ----------------------------------------------------------------------------------------
# The catalogue and how it is switched on


def test_the_catalogue_names_the_eight_deviations_in_order() -> None:
    assert tuple(DEVIATIONS) == CATALOGUE
    assert all(description and "\n" not in description for description in DEVIATIONS.values())
    with pytest.raises(TypeError):
        DEVIATIONS["extra"] = "no"  # type: ignore[index]


def test_none_is_on_by_default(app: MockApp) -> None:
    assert MockConfig().deviations == frozenset() == MockConfig.from_env({}).deviations
    deviations = app.deviations
    assert (deviations.on_response, deviations.bearer_only, deviations.honours_idempotency) == (False, False, True)


def test_the_environment_names_them_and_an_unknown_name_is_refused_with_the_valid_ones() -> None:
    config = MockConfig.from_env({"MOCK_DEVIATE": "envelope, snake-case,,"})
    assert config.deviations == {"envelope", "snake-case"}
    with pytest.raises(ValueError, match="unknown deviation 'snakecase'") as raised:
        MockConfig.from_env({"MOCK_DEVIATE": "envelope,snakecase"})
    assert all(name in str(raised.value) for name in CATALOGUE)
    with pytest.raises(ValueError, match=r"unknown deviations 'nope', 'snakecase'; valid: bearer-key, snake-case"):
        MockConfig(deviations=frozenset({"envelope", "snakecase", "nope"}))


@pytest.fixture
def served_clean(served: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """The conftest's ``served``, without a ``MOCK_DEVIATE`` of the environment."""
    monkeypatch.delenv("MOCK_DEVIATE", raising=False)
    return served


def test_the_cli_takes_repeated_and_comma_separated_names_and_says_so_in_one_banner_line(
    served_clean: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["--deviate", "no-idempotency,envelope", "--deviate", "bearer-key"]) == 0
    assert served_clean["app"].config.deviations == {"no-idempotency", "envelope", "bearer-key"}
    lines = capsys.readouterr().out.splitlines()
    (banner,) = [line for line in lines if "DEVIATING" in line]
    assert banner.endswith(": bearer-key, envelope, no-idempotency")  # the catalogue's order
    assert any("use  Authorization: Bearer the built-in owner key" in line for line in lines)
    assert cli.main([]) == 0
    assert "DEVIATING" not in capsys.readouterr().out


def test_the_cli_flag_overrides_the_environment(
    served_clean: dict[str, Any], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MOCK_DEVIATE", "snake-case")
    assert cli.main([]) == 0
    assert served_clean["app"].config.deviations == {"snake-case"}
    assert cli.main(["--deviate", "envelope"]) == 0
    assert served_clean["app"].config.deviations == {"envelope"}


@pytest.mark.parametrize("how", ["flag", "variable"])
def test_the_cli_refuses_an_unknown_name_in_one_line_and_exits_2(
    how: str, served_clean: dict[str, Any], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    if how == "variable":
        monkeypatch.setenv("MOCK_DEVIATE", "bearer-key,nope")
    assert cli.main(["--deviate", "bearer-key,nope"] if how == "flag" else []) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("fastn_mock: cannot start: unknown deviation 'nope'")
    assert all(name in line for name in CATALOGUE)
    assert "app" not in served_clean


# ----------------------------------------------------------------------------------------
# Twins: the deviating answers are the conforming ones, deviated by hand, and nothing more


def by_hand(names: frozenset[str], kind: str, response: httpx.Response) -> tuple[int, dict[str, str], Any]:
    """What a deviating mock must answer where the conforming one answered ``response``."""
    status = response.status_code
    success = 200 <= status < 300
    headers = comparable_headers(response)
    body = comparable_body(response)
    if "undocumented-status" in names and kind == "billing" and status == 200:
        status = 203
    if "no-rate-limit-headers" in names:
        headers = {k: v for k, v in headers.items() if k not in RATE_LIMIT_HEADERS}
    if success and kind in ("workflow", "workflows"):
        for workflow in body["data"] if kind == "workflows" else [body]:
            if "unlisted-enum" in names:
                workflow["status"] = "mock-unlisted"
            if "missing-field" in names:
                del workflow["createdAt"]
    if "snake-case" in names:
        body = snake(body)
    if "envelope" in names and success and body is not None:
        body = {"body": body}
    return status, headers, body


def comparable_headers(response: httpx.Response) -> dict[str, str]:
    """The headers, but the request id (fresh every time) and the length (checked by `sent`)."""
    return {k: v for k, v in response.headers.items() if k not in ("x-request-id", "content-length")}


def comparable_body(response: httpx.Response) -> Any:
    """The JSON body, but an error's request id (fresh every time)."""
    if not response.content:
        return None
    body = response.json()
    if isinstance(body, dict):
        body.pop("requestId", None)
        body.pop("request_id", None)
    return body


def mock(*names: str) -> TestClient:
    """A client of a fresh mock in strict mode with these deviations (the clock and the ids as in any other)."""
    config = MockConfig(validate_responses=True, rate_limit=10_000, deviations=frozenset(names))
    return TestClient(create_app(config, clock=ManualClock(), sleep=RecordingSleep()), base_url="http://mock")


def play(plain: TestClient, deviating: TestClient) -> list[tuple[str, httpx.Response, httpx.Response]]:
    """One scenario on both mocks, step by step: (kind of answer, conforming answer, deviating answer)."""
    steps: list[tuple[str, httpx.Response, httpx.Response]] = []

    def both(kind: str, method: str, path: str, json: Any = None, **headers: str) -> Any:
        conforming = wire(plain, method, path, json, **headers)
        ORACLE.check(method, path, conforming)
        steps.append((kind, conforming, wire(deviating, method, path, json, **headers)))
        return conforming.json() if conforming.content else None

    workflow = both("workflow", "POST", WORKFLOWS, {"name": "Sync", "slug": "sync"}, **KEYED)
    both("workflow", "POST", WORKFLOWS, {"name": "Sync", "slug": "sync"}, **KEYED)  # a replay
    both("workflow", "GET", f"{WORKFLOWS}/{workflow['id']}")
    both("workflow", "PUT", f"{WORKFLOWS}/{workflow['id']}", {"revision": 1, "timeoutSeconds": 600})
    both("workflows", "GET", WORKFLOWS)
    both("other", "POST", f"{WORKFLOWS}/{workflow['id']}/run", {"input": {"sinceDate": "2026-11-01"}})
    customer = both("other", "POST", CUSTOMERS, {"name": "Acme", "slug": "acme", "adminEmail": "it@acme.example"})
    both("other", "GET", CUSTOMERS)
    both("billing", "GET", BILLING)
    both("other", "GET", f"{BILLING}/usage")
    both("other", "GET", f"{WORKFLOWS}/nope")  # 404
    both("other", "POST", CUSTOMERS, {"name": 1})  # 422, with details
    both("other", "POST", WORKFLOWS, {"name": "Sync", "slug": "sync"})  # 409 (a handler's error)
    both("other", "GET", "/api/v1/nowhere")  # 404, no operation
    both("other", "DELETE", f"{CUSTOMERS}/{customer['id']}")  # 204
    both("billing", "GET", BILLING, Authorization="Bearer fsk_test_wrong")  # 401
    return steps


@pytest.mark.parametrize(
    "names", [*([name] for name in RESPONSE_DEVIATIONS), list(RESPONSE_DEVIATIONS)], ids=[*RESPONSE_DEVIATIONS, "all"]
)
def test_a_deviating_answer_is_the_conforming_one_with_only_the_deviation_applied(
    names: list[str],
) -> None:
    with mock() as plain, mock(*names) as deviating:
        steps = play(plain, deviating)
    changed = 0
    for kind, conforming, answer in steps:
        got = (answer.status_code, comparable_headers(answer), comparable_body(answer))
        want = by_hand(frozenset(names), kind, conforming)
        assert got == want, f"{conforming.request.method} {conforming.request.url.path}"
        changed += got != (conforming.status_code, comparable_headers(conforming), comparable_body(conforming))
    assert changed  # the scenario shows the deviation at least once


# ----------------------------------------------------------------------------------------
# Each deviation, and a neighbouring behaviour that stays as the spec says


@deviate("bearer-key")
def test_bearer_key_takes_the_key_only_as_a_bearer_token(api: Api) -> None:
    keyless = api.as_key(None)
    assert keyless.get(CUSTOMERS, headers=BEARER).status_code == 200
    refused = api.get(CUSTOMERS)  # the key in x-fastn-api-key only: as if there were none
    assert (refused.status_code, refused.json()["code"]) == (401, "UNAUTHORIZED")
    assert keyless.get(CUSTOMERS).status_code == 401
    # Beside a Bearer token the header is not looked at either: the token alone decides.
    assert api.get(CUSTOMERS, headers=BEARER).status_code == 200
    assert api.get(CUSTOMERS, headers={"Authorization": "Bearer fsk_test_wrong"}).status_code == 401
    # Neighbour: what a key may do is still its role's.
    viewer = {"Authorization": f"Bearer {VIEWER_API_KEY}"}
    assert keyless.post(CUSTOMERS, {"name": "Acme", "slug": "acme"}, headers=viewer).status_code == 403


@deviate("snake-case")
def test_snake_case_renames_every_key_at_every_depth_of_successes_and_errors(client: TestClient) -> None:
    workflow = wire(client, "POST", WORKFLOWS, {"name": "SyncLeads", "slug": "sync"}).json()
    assert workflow["retry_policy"]["max_attempts"] == 3
    assert {"created_at", "updated_at", "execution_tier", "timeout_seconds"} <= workflow.keys()
    assert not any(re.search("[A-Z]", key) for key in workflow)
    assert workflow["name"] == "SyncLeads"  # values are not keys
    listed = wire(client, "GET", WORKFLOWS).json()
    assert set(listed) == {"data", "next_cursor"}
    error = wire(client, "POST", CUSTOMERS, {"name": 1})
    assert error.status_code == 422  # neighbour: the status, and keys without capitals, are as they were
    assert {"code", "message", "status_code", "request_id", "details"} == error.json().keys()
    assert error.headers["x-request-id"] == error.json()["request_id"]


@deviate("snake-case")
def test_a_large_answer_is_deviated_too(client: TestClient) -> None:
    # Over 64 KiB, the answer is rewritten in a worker thread; the result is the same.
    workflow = wire(client, "POST", WORKFLOWS, {"name": "Echo", "slug": "echo", "executionTier": "instant"}).json()
    echoed = {"deepList": [{"someKey": "x" * 1000, "i": i} for i in range(100)]}
    answer = wire(client, "POST", f"{WORKFLOWS}/{workflow['id']}/run", {"input": echoed})
    assert len(answer.content) > 64 * 1024
    assert answer.json() == {"echo": {"deep_list": [{"some_key": "x" * 1000, "i": i} for i in range(100)]}}


@deviate("envelope")
def test_envelope_wraps_successes_only(client: TestClient, api: Api) -> None:
    created = wire(client, "POST", CUSTOMERS, {"name": "Acme", "slug": "acme", "adminEmail": "it@acme.example"})
    assert created.status_code == 201 and set(created.json()) == {"body"}
    customer = created.json()["body"]
    assert customer["slug"] == "acme" and created.headers["x-ratelimit-limit"] == "10000"
    assert wire(client, "GET", CUSTOMERS).json()["body"]["data"] == [customer]
    assert wire(client, "DELETE", f"{CUSTOMERS}/{customer['id']}").content == b""  # 204: no body to wrap
    missing = api.get(f"{CUSTOMERS}/{customer['id']}")  # neighbour: an error is the spec's Error (oracle-checked)
    assert missing.status_code == 404 and "body" not in missing.json()


@deviate("unlisted-enum")
def test_unlisted_enum_shows_an_unlisted_workflow_status_but_keeps_the_stored_one(
    app: MockApp, client: TestClient, api: Api
) -> None:
    workflow = wire(client, "POST", WORKFLOWS, {"name": "Sync", "slug": "sync"}).json()
    assert workflow["status"] == "mock-unlisted"
    for answer in (
        wire(client, "GET", f"{WORKFLOWS}/{workflow['id']}").json(),
        wire(client, "GET", WORKFLOWS).json()["data"][0],
        wire(client, "PUT", f"{WORKFLOWS}/{workflow['id']}", {"revision": 1, "timeoutSeconds": 60}).json(),
    ):
        assert (answer["status"], answer["id"]) == ("mock-unlisted", workflow["id"])
    assert answer["timeoutSeconds"] == 60
    # The record keeps its real status: strict mode checked the update's answer before the deviation,
    # and an active workflow still runs.
    assert app.store.workspace(DEFAULT_SPACE_ID).collection("workflows")[workflow["id"]]["status"] == "active"
    assert api.post(f"{WORKFLOWS}/{workflow['id']}/run", {"input": {}}).status_code == 202
    # Neighbour: another resource's status is as it was (oracle-checked).
    assert api.make_customer()["status"] == "active"


@deviate("missing-field")
def test_missing_field_drops_a_workflows_created_at_and_nothing_else(client: TestClient, api: Api) -> None:
    workflow = wire(client, "POST", WORKFLOWS, {"name": "Sync", "slug": "sync"}).json()
    assert "createdAt" not in workflow and workflow["updatedAt"] and workflow["status"] == "active"
    assert "createdAt" not in wire(client, "GET", f"{WORKFLOWS}/{workflow['id']}").json()
    assert "createdAt" not in wire(client, "GET", WORKFLOWS).json()["data"][0]
    assert "createdAt" in api.make_customer()  # neighbour (oracle-checked)


@deviate("undocumented-status")
def test_undocumented_status_answers_get_billing_with_203(client: TestClient, api: Api) -> None:
    billing = wire(client, "GET", BILLING)
    assert billing.status_code == 203
    assert billing.json()["plan"] == "growth" and billing.headers["x-ratelimit-limit"] == "10000"
    assert api.get(f"{BILLING}/usage").status_code == 200  # neighbour (oracle-checked)
    assert api.as_key(None).get(BILLING).status_code == 401  # only the success is replaced


@deviate("no-rate-limit-headers", rate_limit=2)
def test_no_rate_limit_headers_hides_them_while_the_limiter_still_limits(client: TestClient) -> None:
    answers = [wire(client, "GET", CUSTOMERS) for _ in range(3)]
    assert [a.status_code for a in answers] == [200, 200, 429]
    for answer in [*answers, wire(client, "GET", CUSTOMERS, Authorization="Bearer fsk_test_wrong")]:
        assert not set(RATE_LIMIT_HEADERS) & answer.headers.keys()
        assert answer.headers["x-request-id"].startswith("req_")  # neighbour: other headers stay
    assert answers[2].json()["code"] == "RATE_LIMITED"


@deviate("no-idempotency")
def test_no_idempotency_processes_every_post_afresh(client: TestClient, api: Api) -> None:
    body = {"name": "CI", "mode": "test", "role": "viewer"}
    first, second = (api.post(API_KEYS, body, headers=KEYED) for _ in range(2))  # oracle-checked
    assert (first.status_code, second.status_code) == (201, 201)
    assert first.json()["id"] != second.json()["id"]  # not replayed: two keys
    other = api.post(API_KEYS, {**body, "name": "CD"}, headers=KEYED)
    assert other.status_code == 201  # not refused (no IDEMPOTENCY_KEY_REUSED)
    names = [key["name"] for key in api.get(API_KEYS, params={"limit": 100}).json()["data"]]
    assert names.count("CI") == 2 and names.count("CD") == 1
    # Neighbour: the header is still a parameter of the spec, checked as such.
    assert api.post(API_KEYS, body, headers={"Idempotency-Key": "has space"}).status_code == 400


@deviate("snake-case", "envelope")
def test_an_idempotent_replay_is_deviated_like_the_first_answer(client: TestClient) -> None:
    first, replay = (wire(client, "POST", WORKFLOWS, {"name": "Sync", "slug": "sync"}, **KEYED) for _ in range(2))
    assert first.content == replay.content  # byte for byte, as a replay is
    assert first.json()["body"]["created_at"]
    reused = wire(client, "POST", WORKFLOWS, {"name": "Other", "slug": "other"}, **KEYED)
    assert (reused.status_code, reused.json()["code"]) == (422, "IDEMPOTENCY_KEY_REUSED")
    assert reused.json()["status_code"] == 422 and "body" not in reused.json()


@deviate(*CATALOGUE)
def test_all_deviations_combine(client: TestClient) -> None:
    header_only = {"x-fastn-api-key": DEFAULT_API_KEY, "Authorization": ""}
    assert wire(client, "GET", WORKFLOWS, **header_only).status_code == 401
    created = [wire(client, "POST", WORKFLOWS, {"name": "Sync", "slug": f"s{i}"}, **KEYED) for i in range(2)]
    assert [c.status_code for c in created] == [201, 201]  # validated before deviating: no 500
    workflows = [c.json()["body"] for c in created]
    assert workflows[0]["id"] != workflows[1]["id"]
    for workflow in workflows:
        assert workflow["status"] == "mock-unlisted" and "created_at" not in workflow and "createdAt" not in workflow
        assert workflow["retry_policy"]["max_attempts"] == 3
    billing = wire(client, "GET", BILLING)
    assert billing.status_code == 203 and "rate_limit_per_minute" in billing.json()["body"]
    assert not set(RATE_LIMIT_HEADERS) & (created[0].headers.keys() | billing.headers.keys())


@deviate(*CATALOGUE)
def test_admin_routes_are_untouched(client: TestClient) -> None:
    with mock() as plain:
        for method, path, json in (
            ("GET", "/_mock/health", None),
            ("GET", "/_mock/faults", None),
            ("POST", "/_mock/faults", {"errorRate": 3}),  # 422
            ("GET", "/_mock/nowhere", None),
        ):
            conforming = sent(plain.request(method, path, json=json))
            answer = sent(client.request(method, path, json=json))
            assert (answer.status_code, comparable_headers(answer), comparable_body(answer)) == (
                conforming.status_code,
                comparable_headers(conforming),
                comparable_body(conforming),
            )
    assert {"errorRate", "loseReplyRate"} <= client.get("/_mock/faults").json().keys()
