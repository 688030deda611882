"""Per-key rate limiting (with `limits`) on clock-aligned minute windows."""

from __future__ import annotations

import pytest
from fastn_mock import VIEWER_API_KEY, ManualClock, MockApp, MockConfig, create_app

from .mock_testkit import Api, TestClient


@pytest.fixture
def config() -> MockConfig:
    return MockConfig(validate_responses=True, rate_limit=3)


def test_the_fourth_call_in_a_minute_is_429(api: Api, clock: ManualClock) -> None:
    remaining = [api.get("/api/v1/customers").headers["X-RateLimit-Remaining"] for _ in range(3)]
    assert remaining == ["2", "1", "0"]
    refused = api.get("/api/v1/customers")
    assert refused.status_code == 429
    assert refused.json()["code"] == "RATE_LIMITED"
    window_end = (int(clock.now()) // 60 + 1) * 60
    assert refused.headers["X-RateLimit-Limit"] == "3"
    assert refused.headers["X-RateLimit-Reset"] == str(window_end)
    assert refused.headers["Retry-After"] == str(window_end - int(clock.now()))


def test_the_next_window_starts_afresh(api: Api, clock: ManualClock) -> None:
    for _ in range(3):
        api.get("/api/v1/customers")
    assert api.get("/api/v1/customers").status_code == 429
    clock.advance(60)
    response = api.get("/api/v1/customers")
    assert response.status_code == 200
    assert response.headers["X-RateLimit-Remaining"] == "2"


def test_keys_are_limited_separately(api: Api) -> None:
    for _ in range(3):
        api.get("/api/v1/customers")
    assert api.get("/api/v1/customers").status_code == 429
    assert api.as_key(VIEWER_API_KEY).get("/api/v1/customers").status_code == 200


def test_errors_count_and_carry_the_headers(api: Api) -> None:
    assert api.get("/api/v1/nothing").headers["X-RateLimit-Remaining"] == "2"
    assert api.get("/api/v1/customers", params={"limit": 0}).headers["X-RateLimit-Remaining"] == "1"


def test_requests_without_a_valid_key_count_against_their_address_not_a_key(api: Api) -> None:
    # Missing and unknown keys alike count against the client's address (its own window, the same
    # limit); a valid key's window is untouched by them. The flood itself: tests/mock/test_mock_abuse.py.
    answers = [api.as_key(key).get("/api/v1/customers") for key in (None, "fsk_test_unknown", None)]
    assert [a.status_code for a in answers] == [401, 401, 401]
    assert [a.headers["X-RateLimit-Remaining"] for a in answers] == ["2", "1", "0"]
    assert api.as_key(None).get("/api/v1/customers").status_code == 429
    assert api.get("/api/v1/customers").headers["X-RateLimit-Remaining"] == "2"


def test_limiting_off_still_sends_the_headers(clock: ManualClock) -> None:
    app = create_app(MockConfig(rate_limit=0), clock=clock)
    with TestClient(app, base_url="http://mock") as client:
        api = Api(client)
        for _ in range(50):
            response = api.get("/api/v1/customers")
        assert response.status_code == 200
        assert int(response.headers["X-RateLimit-Remaining"]) > 1_000_000
        assert api.get("/api/v1/billing").json()["rateLimitPerMinute"] == int(response.headers["X-RateLimit-Limit"])


def test_the_limit_comes_from_the_environment() -> None:
    assert MockConfig.from_env({"MOCK_RATE_LIMIT": "60"}).rate_limit == 60
    assert MockConfig.from_env({"MOCK_RATE_LIMIT": "0"}).rate_limit == 0
    assert MockConfig.from_env({}).rate_limit == 600


def test_a_reset_clears_the_windows(api: Api, app: MockApp) -> None:
    for _ in range(4):
        api.get("/api/v1/customers")
    app.reset()
    assert api.get("/api/v1/customers").status_code == 200


def test_a_shorter_window_refills_sooner(clock: ManualClock) -> None:
    """MOCK_RATE_WINDOW: 2 requests per 5 s window, aligned to the clock."""
    config = MockConfig.from_env({"MOCK_RATE_LIMIT": "2", "MOCK_RATE_WINDOW": "5"})
    assert (config.rate_limit, config.rate_window) == (2, 5)
    with TestClient(create_app(config, clock=clock), base_url="http://mock") as client:
        api = Api(client)
        answers = [api.get("/api/v1/customers") for _ in range(3)]
        assert [answer.status_code for answer in answers] == [200, 200, 429]
        reset = int(answers[0].headers["X-RateLimit-Reset"])
        assert reset % 5 == 0 and 0 < reset - clock.now() <= 5
        assert int(answers[2].headers["Retry-After"]) <= 5
        clock.advance(5)
        assert api.get("/api/v1/customers").status_code == 200


def test_a_window_shorter_than_a_second_is_refused(clock: ManualClock) -> None:
    with pytest.raises(ValueError, match="at least 1 second"):
        create_app(MockConfig(rate_window=0), clock=clock)
