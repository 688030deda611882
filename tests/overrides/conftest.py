"""Fixtures for the hand-written runtime's tests: a fake clock, a pacer of the test's own, options.

The runtime is imported as users import it, from the installed package (``generated/``); its
source is ``overrides/fastn_client/lib``, which ``make generate`` copies there. The session
stops, asking for ``make generate``, if the two differ (``tests/conftest.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastn_client.lib.options import ClientOptions
from fastn_client.lib.pacing import RateLimitPacer
from real_redis import RedisServer
from runtime_fakes import FakeClock


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    """A real redis-server on loopback for the session; the test skips, saying how to install it, if there is none."""
    try:
        server = RedisServer(tmp_path_factory.mktemp("redis"))
    except FileNotFoundError as missing:
        pytest.skip(str(missing))
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def new_redis_server(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., RedisServer]:
    """Makes a redis-server of the test's own (not started), to stop or start at will; skips as above."""

    def make(port: int | None = None) -> RedisServer:
        try:
            return RedisServer(Path(tmp_path_factory.mktemp("own-redis")), port=port)
        except FileNotFoundError as missing:
            pytest.skip(str(missing))

    return make


@pytest.fixture
def redis_url(redis_server: RedisServer) -> str:
    """The session's Redis, emptied for this test."""
    redis_server.flush()
    return redis_server.url


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def pacer() -> RateLimitPacer:
    """A pacer of the test's own, so no state leaks between tests."""
    return RateLimitPacer()


@pytest.fixture
def options(clock: FakeClock, pacer: RateLimitPacer) -> ClientOptions:
    """Default options, except time, randomness and the pacer are the test's."""
    return ClientOptions(
        clock=clock,
        sleep=clock.sleep,
        async_sleep=clock.async_sleep,
        random=lambda: 0.5,
        pacer=pacer,
    )
