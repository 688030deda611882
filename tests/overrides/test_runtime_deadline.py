"""The network backend that keeps every socket operation to the call's deadline (``lib/deadline.py``).

Over fake streams, so each operation's timeout can be read: cut to what is left of the deadline,
left alone without one, refused once the deadline has passed. The end-to-end proof, a real server
trickling its answer, is in ``test_runtime_hostile_peers.py``.
"""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import Callable
from typing import Any

import httpcore
import httpx
import pytest
from fastn_client.lib import deadline
from fastn_client.lib.deadline import async_http_transport, call_deadline, http_transport, time_left
from runtime_fakes import START, FakeClock


class Stream(httpcore.NetworkStream):
    def __init__(self, seen: list[tuple[str, float | None]]) -> None:
        self.seen = seen

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        self.seen.append(("read", timeout))
        return b"x"

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.seen.append(("write", timeout))

    def close(self) -> None:
        self.seen.append(("close", None))

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        self.seen.append(("start_tls", timeout))
        return self

    def get_extra_info(self, info: str) -> Any:
        return f"info:{info}"


class Backend(httpcore.NetworkBackend):
    def __init__(self) -> None:
        self.seen: list[tuple[str, float | None]] = []

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        self.seen.append(("connect_tcp", timeout))
        return Stream(self.seen)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> httpcore.NetworkStream:
        self.seen.append(("connect_unix_socket", timeout))
        return Stream(self.seen)

    def sleep(self, seconds: float) -> None:
        self.seen.append(("sleep", seconds))


class AsyncStream(httpcore.AsyncNetworkStream):
    def __init__(self, seen: list[tuple[str, float | None]]) -> None:
        self.seen = seen

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        self.seen.append(("read", timeout))
        return b"x"

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.seen.append(("write", timeout))

    async def aclose(self) -> None:
        self.seen.append(("close", None))

    async def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.AsyncNetworkStream:
        self.seen.append(("start_tls", timeout))
        return self

    def get_extra_info(self, info: str) -> Any:
        return f"info:{info}"


class AsyncBackend(httpcore.AsyncNetworkBackend):
    def __init__(self) -> None:
        self.seen: list[tuple[str, float | None]] = []

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.AsyncNetworkStream:
        self.seen.append(("connect_tcp", timeout))
        return AsyncStream(self.seen)

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> httpcore.AsyncNetworkStream:
        self.seen.append(("connect_unix_socket", timeout))
        return AsyncStream(self.seen)

    async def sleep(self, seconds: float) -> None:
        self.seen.append(("sleep", seconds))


def _exercise(backend: httpcore.NetworkBackend) -> None:
    stream = backend.connect_tcp("h", 1, timeout=30.0)
    backend.connect_unix_socket("/s", timeout=None)
    tls = stream.start_tls(ssl.create_default_context(), "h", timeout=2.0)
    tls.write(b"x", timeout=30.0)
    tls.read(1, timeout=None)
    assert tls.get_extra_info("peer") == "info:peer"
    tls.close()
    backend.sleep(0.5)


async def _aexercise(backend: httpcore.AsyncNetworkBackend) -> None:
    stream = await backend.connect_tcp("h", 1, timeout=30.0)
    await backend.connect_unix_socket("/s", timeout=None)
    tls = await stream.start_tls(ssl.create_default_context(), "h", timeout=2.0)
    await tls.write(b"x", timeout=30.0)
    await tls.read(1, timeout=None)
    assert tls.get_extra_info("peer") == "info:peer"
    await tls.aclose()
    await backend.sleep(0.5)


BOUNDED = [
    ("connect_tcp", 5.0),
    ("connect_unix_socket", 5.0),
    ("start_tls", 2.0),
    ("write", 5.0),
    ("read", 5.0),
    ("close", None),
    ("sleep", 0.5),
]
UNBOUNDED = [
    ("connect_tcp", 30.0),
    ("connect_unix_socket", None),
    ("start_tls", 2.0),
    ("write", 30.0),
    ("read", None),
    ("close", None),
    ("sleep", 0.5),
]


def test_every_operation_is_cut_to_the_time_left() -> None:
    inner = Backend()
    clock = FakeClock()
    with call_deadline(clock, START + 5):
        _exercise(deadline._Backend(inner))
    assert inner.seen == BOUNDED


def test_without_a_deadline_every_timeout_is_left_alone() -> None:
    inner = Backend()
    assert time_left() is None
    _exercise(deadline._Backend(inner))
    assert inner.seen == UNBOUNDED


def test_every_async_operation_is_cut_to_the_time_left() -> None:
    inner, plain = AsyncBackend(), AsyncBackend()

    async def run() -> None:
        with call_deadline(FakeClock(), START + 5):
            await _aexercise(deadline._AsyncBackend(inner))
        await _aexercise(deadline._AsyncBackend(plain))

    asyncio.run(run())
    assert inner.seen == BOUNDED
    assert plain.seen == UNBOUNDED


@pytest.mark.parametrize(
    ("operation", "expired"),
    [("connect", httpcore.ConnectTimeout), ("read", httpcore.ReadTimeout), ("write", httpcore.WriteTimeout)],
)
def test_an_operation_after_the_deadline_fails_with_the_matching_timeout(
    operation: str, expired: type[Exception]
) -> None:
    clock = FakeClock()
    backend = deadline._Backend(Backend())
    with call_deadline(clock, START + 5):
        stream = backend.connect_tcp("h", 1)
        clock.advance(5)
        calls: dict[str, Callable[[], object]] = {
            "connect": lambda: backend.connect_tcp("h", 1),
            "read": lambda: stream.read(1),
            "write": lambda: stream.write(b"x"),
        }
        with pytest.raises(expired, match="deadline passed"):
            calls[operation]()


def test_deadlines_nest_and_end_with_their_block() -> None:
    clock = FakeClock()
    with call_deadline(clock, START + 10):
        with call_deadline(clock, START + 2):
            assert time_left() == 2
        assert time_left() == 10
    assert time_left() is None


def test_the_transports_are_httpx_own_with_a_bounding_backend() -> None:
    sync, asynchronous = http_transport(), async_http_transport()
    assert isinstance(sync, httpx.HTTPTransport) and isinstance(sync._pool._network_backend, deadline._Backend)
    assert isinstance(asynchronous._pool._network_backend, deadline._AsyncBackend)
    sync.close()


def test_a_transport_without_a_pool_to_bound_is_refused() -> None:
    with pytest.raises(RuntimeError, match="no connection pool"):
        deadline._pool_of(httpx.MockTransport(lambda _: httpx.Response(200)))  # type: ignore[arg-type]
