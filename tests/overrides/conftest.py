"""Fixtures for the hand-written runtime's tests: a fake clock, a pacer of the test's own, options.

The runtime is imported as users import it, from the installed package (``generated/``); its
source is ``overrides/fastn_client/lib``, which ``make generate`` copies there. The session
stops, asking for ``make generate``, if the two differ (``tests/conftest.py``).
"""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest
from fastn_client.lib.options import ClientOptions
from fastn_client.lib.pacing import RateLimitPacer
from real_redis import RedisServer
from runtime_fakes import FakeClock


@contextmanager
def reserved_port() -> Iterator[int]:
    """A loopback port held while the block runs: bound, never listening, so connections to it are refused.

    A port found free and let go can be taken before it is used (by another xdist worker's Redis,
    or as a client's ephemeral port); a held one cannot. redis-server binds with SO_REUSEADDR, as
    the placeholder does, so it can still be started on the port (Linux allows that while the
    placeholder does not listen).
    """
    with socket.socket() as placeholder:
        placeholder.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        placeholder.bind(("127.0.0.1", 0))
        yield placeholder.getsockname()[1]


@pytest.fixture
def refused_port() -> Iterator[int]:
    """A loopback port nothing answers on for the whole test (see `reserved_port`)."""
    with reserved_port() as port:
        yield port


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    """A real redis-server on loopback for the session; the test skips, saying how to install it, if there is none."""
    with reserved_port() as port:
        try:
            server = RedisServer(tmp_path_factory.mktemp("redis"), port=port)
        except FileNotFoundError as missing:
            pytest.skip(str(missing))
        server.start()
        try:
            yield server
        finally:
            server.stop()


@pytest.fixture
def new_redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[..., RedisServer]]:
    """Makes a redis-server of the test's own (not started), to stop or start at will; skips as above.

    Without a ``port``, on one reserved for the whole test (see `reserved_port`).
    """
    with ExitStack() as ports:

        def make(port: int | None = None) -> RedisServer:
            try:
                return RedisServer(
                    Path(tmp_path_factory.mktemp("own-redis")), port=port or ports.enter_context(reserved_port())
                )
            except FileNotFoundError as missing:
                pytest.skip(str(missing))

        yield make


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
