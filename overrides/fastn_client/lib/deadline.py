"""One deadline for a whole call, down to each read and write on the socket.

httpx's timeouts bound each network operation, not an exchange: a server that sends its response
head (or body) one byte every half second never trips a 30 s read timeout, and a call with a 3 s
deadline could take minutes. So the transports' default inner transports read and write through a
network backend of this module: each operation's timeout is cut to what is left of the deadline of
the call under way (a context variable the transports set for each call, so a pooled connection
serves calls with other deadlines), and an operation that would start after it fails at once with
httpcore's own timeout error, which httpx maps as usual (``httpx.ReadTimeout``, ...) and the
transport turns into :class:`~fastn_client.lib.errors.APITimeoutError`.

httpx offers no argument for a network backend; :func:`http_transport` and
:func:`async_http_transport` build httpx's own transports and give their connection pool this
backend (the pool's ``_network_backend``, the one place httpcore reads it from). A transport
passed in by the caller is used as it is.
"""

from __future__ import annotations

import ssl
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import httpcore
import httpx

__all__ = ["async_http_transport", "call_deadline", "http_transport", "time_left"]

# The running call's clock and the instant (on that clock) at which it must end.
_DEADLINE: ContextVar[tuple[Callable[[], float], float] | None] = ContextVar("fastn_call_deadline", default=None)


@contextmanager
def call_deadline(clock: Callable[[], float], at: float) -> Iterator[None]:
    """Within this block, network operations of this thread or task end by ``at`` on ``clock``."""
    token = _DEADLINE.set((clock, at))
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def time_left() -> float | None:
    """Seconds left before the running call's deadline (may be negative); ``None`` without one."""
    deadline = _DEADLINE.get()
    if deadline is None:
        return None
    clock, at = deadline
    return at - clock()


def _bounded(timeout: float | None, expired: type[Exception], what: str) -> float | None:
    left = time_left()
    if left is None:
        return timeout
    if left <= 0:
        raise expired(f"the call's deadline passed before {what}")
    return left if timeout is None else min(timeout, left)


class _Stream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _bounded(timeout, httpcore.ReadTimeout, "reading"))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _bounded(timeout, httpcore.WriteTimeout, "writing"))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        bounded = _bounded(timeout, httpcore.ConnectTimeout, "the TLS handshake")
        return _Stream(self._inner.start_tls(ssl_context, server_hostname, bounded))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _Backend(httpcore.NetworkBackend):
    def __init__(self, inner: httpcore.NetworkBackend) -> None:
        self._inner = inner

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        bounded = _bounded(timeout, httpcore.ConnectTimeout, "connecting")
        return _Stream(self._inner.connect_tcp(host, port, bounded, local_address, socket_options))

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        bounded = _bounded(timeout, httpcore.ConnectTimeout, "connecting")
        return _Stream(self._inner.connect_unix_socket(path, bounded, socket_options))

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class _AsyncStream(httpcore.AsyncNetworkStream):
    def __init__(self, inner: httpcore.AsyncNetworkStream) -> None:
        self._inner = inner

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._inner.read(max_bytes, _bounded(timeout, httpcore.ReadTimeout, "reading"))

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._inner.write(buffer, _bounded(timeout, httpcore.WriteTimeout, "writing"))

    async def aclose(self) -> None:
        await self._inner.aclose()

    async def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.AsyncNetworkStream:
        bounded = _bounded(timeout, httpcore.ConnectTimeout, "the TLS handshake")
        return _AsyncStream(await self._inner.start_tls(ssl_context, server_hostname, bounded))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _AsyncBackend(httpcore.AsyncNetworkBackend):
    def __init__(self, inner: httpcore.AsyncNetworkBackend) -> None:
        self._inner = inner

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        bounded = _bounded(timeout, httpcore.ConnectTimeout, "connecting")
        return _AsyncStream(await self._inner.connect_tcp(host, port, bounded, local_address, socket_options))

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.AsyncNetworkStream:
        bounded = _bounded(timeout, httpcore.ConnectTimeout, "connecting")
        return _AsyncStream(await self._inner.connect_unix_socket(path, bounded, socket_options))

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


def _pool_of(transport: httpx.HTTPTransport | httpx.AsyncHTTPTransport) -> Any:
    pool = getattr(transport, "_pool", None)
    if pool is None or not hasattr(pool, "_network_backend"):
        raise RuntimeError(f"{type(transport).__name__} has no connection pool with a network backend to bound")
    return pool


def http_transport(**kwargs: Any) -> httpx.HTTPTransport:
    """``httpx.HTTPTransport(**kwargs)`` whose every socket operation ends by the call's deadline."""
    transport = httpx.HTTPTransport(**kwargs)
    pool = _pool_of(transport)
    pool._network_backend = _Backend(pool._network_backend)
    return transport


def async_http_transport(**kwargs: Any) -> httpx.AsyncHTTPTransport:
    """``httpx.AsyncHTTPTransport(**kwargs)`` whose every socket operation ends by the call's deadline."""
    transport = httpx.AsyncHTTPTransport(**kwargs)
    pool = _pool_of(transport)
    pool._network_backend = _AsyncBackend(pool._network_backend)
    return transport
