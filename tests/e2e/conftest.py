"""Fixtures of the end-to-end tests: the mock served by uvicorn on loopback, and the real client.

Two mocks are served, each by a uvicorn server in a background thread on a free port of
127.0.0.1, started once per session and reset (``POST /_mock/reset``) before every test that
uses it:

* ``mock``: rate limiting off, for lifecycles, errors and faults;
* ``limited_mock``: 5 requests per minute per key, for the rate-limit stories.

Both run on a `ManualClock`: executions and AI builds advance one stage per poll only, and
rate-limit windows roll over only when the client's (fake) sleep moves the clock.

The client under test is the generated ``AuthenticatedClient`` with the hand-written runtime;
its sleeps never sleep (they are recorded, see `Recorder`), each test gets its own
``RateLimitPacer``, and every retry and pacing decision reaches the recorder through the
``on_retry`` / ``on_pacing`` hooks.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from fastn_client import AuthenticatedClient, ClientOptions, PacingEvent, RetryEvent
from fastn_client.lib import RateLimitPacer
from fastn_mock import DEFAULT_API_KEY, DEFAULT_SPACE_ID, ManualClock, MockConfig, create_app

LIMITED_RATE = 5
"""Requests per minute per key on the ``limited_mock`` server."""

_START_TIMEOUT = 15.0
_MAX_SLEEPS = 10_000
"""A client that sleeps more often than this in one test is looping: fail instead of eating memory."""
_HERE = Path(__file__).resolve().parent
_TEST_TIMEOUT = 30.0
"""Seconds any one end-to-end test may take before pytest-timeout fails it (a hang, not slowness)."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Give every end-to-end test a short timeout: a hung socket should fail fast, not in 10 minutes."""
    for item in items:
        if _HERE in item.path.parents and item.get_closest_marker("timeout") is None:
            item.add_marker(pytest.mark.timeout(_TEST_TIMEOUT))


class MockServer:
    """The mock, served over HTTP by uvicorn in a daemon thread, and its admin routes."""

    def __init__(self, config: MockConfig) -> None:
        self.clock = ManualClock()
        self.app = create_app(config, clock=self.clock)
        self._server = uvicorn.Server(
            uvicorn.Config(
                self.app,
                host="127.0.0.1",
                port=0,
                log_level="warning",
                access_log=False,
                timeout_graceful_shutdown=2,
            )
        )
        self._thread = threading.Thread(target=self._server.run, name="fastn-mock-e2e", daemon=True)
        self.base_url = ""
        self._admin: httpx.Client | None = None

    def start(self) -> None:
        """Serve on a free port; return once uvicorn listens."""
        self._thread.start()
        deadline = time.monotonic() + _START_TIMEOUT
        while not self._server.started:
            if not self._thread.is_alive():
                raise RuntimeError("the mock's uvicorn server stopped while starting")
            if time.monotonic() > deadline:
                raise RuntimeError(f"the mock's uvicorn server did not start within {_START_TIMEOUT} s")
            time.sleep(0.005)
        port = self._server.servers[0].sockets[0].getsockname()[1]
        self.base_url = f"http://127.0.0.1:{port}"
        self._admin = httpx.Client(base_url=self.base_url, timeout=10.0)

    def stop(self) -> None:
        """Ask uvicorn to exit and wait for its thread."""
        if self._admin is not None:
            self._admin.close()
        self._server.should_exit = True
        self._thread.join(timeout=10.0)

    @property
    def admin(self) -> httpx.Client:
        """A plain httpx client of the admin routes (``/_mock/...``): no retries, no key."""
        assert self._admin is not None, "the server is not started"
        return self._admin

    def reset(self) -> None:
        """Forget all state, rate-limit windows and run-time faults (``POST /_mock/reset``)."""
        self.admin.post("/_mock/reset").raise_for_status()

    def inject(self, *script: dict[str, Any], **settings: Any) -> None:
        """Queue scripted faults and/or change random fault settings (``POST /_mock/faults``)."""
        payload: dict[str, Any] = dict(settings)
        if script:
            payload["script"] = list(script)
        self.admin.post("/_mock/faults", json=payload).raise_for_status()

    def pending_faults(self) -> list[dict[str, Any]]:
        """The scripted faults not yet used up (``GET /_mock/faults``)."""
        response = self.admin.get("/_mock/faults")
        response.raise_for_status()
        script: list[dict[str, Any]] = response.json()["script"]
        return script

    def clear_faults(self) -> None:
        """No faults at all (``DELETE /_mock/faults``)."""
        self.admin.delete("/_mock/faults").raise_for_status()


class Recorder:
    """What the client's runtime did instead of sleeping: sleeps, retries, pacing waits.

    With ``clock`` given, a sleep moves that clock forward, so the mock (which reads the same
    clock) sees the time pass that the client believes it waited.
    """

    def __init__(self, clock: ManualClock | None = None) -> None:
        self.clock = clock
        self.sleeps: list[float] = []
        self.retries: list[RetryEvent] = []
        self.pacing: list[PacingEvent] = []

    def sleep(self, seconds: float) -> None:
        """The blocking sleep given to the client: records, and advances the clock if any."""
        if len(self.sleeps) >= _MAX_SLEEPS:
            raise AssertionError(f"the client slept {_MAX_SLEEPS} times in one test: it is spinning")
        self.sleeps.append(seconds)
        if self.clock is not None:
            self.clock.advance(seconds)

    async def async_sleep(self, seconds: float) -> None:
        """The asyncio sleep given to the client: as `sleep`, and it yields to the event loop (as a
        real sleep does), so that other tasks, e.g. a pacing probe in flight, can make progress.

        It gives up to 5 ms of real time: the probe's answer comes from a real server on another
        thread, and a zero-time yield would let waiting tasks spin thousands of times before it
        arrives on a loaded machine."""
        self.sleep(seconds)
        await asyncio.sleep(min(seconds, 0.005))

    def now(self) -> float:
        """The client's clock: the manual clock if any, else the wall clock."""
        return self.clock.now() if self.clock is not None else time.time()


class ClientFactory:
    """Builds real generated clients of one mock, all recording into one `Recorder`.

    Every client of one test shares one fresh ``RateLimitPacer``, so tests never share
    budgets; each client is closed when the test ends.
    """

    def __init__(self, server: MockServer, recorder: Recorder) -> None:
        self.server = server
        self.recorder = recorder
        self.pacer = RateLimitPacer()
        self._clients: list[AuthenticatedClient] = []

    def __call__(
        self,
        *,
        base_url: str | None = None,
        token: str = DEFAULT_API_KEY,
        space_id: str | None = DEFAULT_SPACE_ID,
        timeout: httpx.Timeout | None = None,
        max_retries: int = 2,
        pacing: bool = True,
        idempotency_keys: bool = True,
        trust_idempotency_keys: bool = True,
    ) -> AuthenticatedClient:
        """A client of this mock (or of ``base_url``) with fake sleeps, this test's pacer and the
        recorder's hooks. It trusts idempotency keys, as the mock honours them."""
        recorder = self.recorder
        options = ClientOptions(
            max_retries=max_retries,
            pacing=pacing,
            idempotency_keys=idempotency_keys,
            trust_idempotency_keys=trust_idempotency_keys,
            pacer=self.pacer,
            on_retry=recorder.retries.append,
            on_pacing=recorder.pacing.append,
            clock=recorder.now,
            sleep=recorder.sleep,
            async_sleep=recorder.async_sleep,
            random=lambda: 0.5,
        )
        client = AuthenticatedClient(
            base_url=base_url or self.server.base_url,
            token=token,
            space_id=space_id,
            options=options,
            timeout=timeout or httpx.Timeout(10.0, connect=5.0),
        )
        self._clients.append(client)
        return client

    def close(self) -> None:
        """Close the httpx clients made so far (sync ones; async ones are closed by their tests)."""
        for client in self._clients:
            client.get_httpx_client().close()


def _serve(config: MockConfig) -> Iterator[MockServer]:
    server = MockServer(config)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def mock_server() -> Iterator[MockServer]:
    """A mock with rate limiting off, served for the whole session."""
    yield from _serve(MockConfig(rate_limit=0))


@pytest.fixture(scope="session")
def limited_server() -> Iterator[MockServer]:
    """A mock allowing `LIMITED_RATE` requests per minute per key, served for the whole session."""
    yield from _serve(MockConfig(rate_limit=LIMITED_RATE))


@pytest.fixture
def mock(mock_server: MockServer) -> MockServer:
    """The unlimited mock, reset: seeded state only, no faults."""
    mock_server.reset()
    return mock_server


@pytest.fixture
def limited_mock(limited_server: MockServer) -> MockServer:
    """The rate-limited mock, reset: seeded state only, fresh rate-limit windows, no faults."""
    limited_server.reset()
    return limited_server


@pytest.fixture
def recorder() -> Recorder:
    """Sleeps, retries and pacing waits of this test's clients (the wall clock is the client's)."""
    return Recorder()


@pytest.fixture
def make_client(mock: MockServer, recorder: Recorder) -> Iterator[ClientFactory]:
    """A factory of clients of the unlimited mock (other keys, timeouts, retry settings)."""
    factory = ClientFactory(mock, recorder)
    yield factory
    factory.close()


@pytest.fixture
def client(make_client: ClientFactory) -> AuthenticatedClient:
    """The default client: owner key, default workspace, default retries, pacing on."""
    return make_client()
