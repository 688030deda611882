"""Fixtures of the mock's tests: an in-process mock with a manual clock, and a spec-checking client.

The mock (``fastn_mock``) is imported as installed: ``make install`` puts ``mock/`` on the path
with a ``.pth`` file (``pip install -e ./mock`` works too).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastn_mock import ManualClock, MockApp, MockConfig, create_app

from .mock_testkit import Api, RecordingSleep, TestClient


@pytest.fixture
def clock() -> ManualClock:
    """The mock's clock, moved only by the test."""
    return ManualClock()


@pytest.fixture
def sleeps() -> RecordingSleep:
    """The mock's sleep (for injected latency), which never sleeps."""
    return RecordingSleep()


@pytest.fixture
def config() -> MockConfig:
    """Strict mode (the mock checks every answer against the spec itself), generous rate limit."""
    return MockConfig(validate_responses=True, rate_limit=10_000)


@pytest.fixture
def app(config: MockConfig, clock: ManualClock, sleeps: RecordingSleep) -> MockApp:
    """A fresh mock with a manual clock and a sleep that does not sleep."""
    return create_app(config, clock=clock, sleep=sleeps)


@pytest.fixture
def client(app: MockApp) -> Iterator[TestClient]:
    """An in-process HTTP client of the mock (no server, no sockets)."""
    with TestClient(app, base_url="http://mock") as test_client:
        yield test_client


@pytest.fixture
def api(client: TestClient) -> Api:
    """The spec-checking client, authenticated with the default owner key."""
    return Api(client)


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """``python -m fastn_mock`` without uvicorn: what would be served (``app`` and uvicorn's arguments), with
    none of the mock's variables of the environment."""
    captured: dict[str, Any] = {}

    def fake_run(app: MockApp, **kwargs: Any) -> None:
        captured["app"] = app
        captured.update(kwargs)

    monkeypatch.setattr("uvicorn.run", fake_run)
    for name in (
        "MOCK_PORT",
        "MOCK_RATE_LIMIT",
        "FASTN_API_KEY",
        "FASTN_SPACE_ID",
        "FASTN_SPEC",
        "MOCK_FAULT_RATE",
        "MOCK_HEADER_TIMEOUT",
        "MOCK_BODY_TIMEOUT",
        "MOCK_KEEP_ALIVE_TIMEOUT",
        "MOCK_MAX_CONNECTIONS",
        "MOCK_MAX_FAULTS",
        "MOCK_MAX_WORKSPACE_BYTES",
        "MOCK_DEVIATE",
    ):
        monkeypatch.delenv(name, raising=False)
    return captured
