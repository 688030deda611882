"""Serving the mock over HTTP with uvicorn, with limits a slow or hostile client cannot outlast.

uvicorn closes idle keep-alive connections (``keep_alive_timeout``) and answers 503 past
``limit_concurrency`` (``max_connections``), but it waits forever for a request's line and
headers: a client sending one byte a second holds a connection, and every keep-alive timer is
cancelled by the next byte. `HeaderDeadlineProtocol` closes a connection whose next request head
is not complete ``header_timeout`` seconds after the connection opened or the previous answer
ended. The body has its own deadline in the app (``body_timeout``, 408: see `_http.read_body`).
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from ._app import MockApp
from ._config import DEFAULT_PORT, HEADER_TIMEOUT, MockConfig

logger = logging.getLogger("fastn_mock")


class HeaderDeadlineProtocol(H11Protocol):
    """uvicorn's h11 protocol, closing connections that take too long to send a request head."""

    header_timeout: float = HEADER_TIMEOUT

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._deadline: asyncio.TimerHandle | None = None
        self._cycle_before: object = None

    def _arm(self) -> None:
        """Start waiting for the head of the request after the current one."""
        self._disarm()
        self._cycle_before = self.cycle
        self._deadline = self.loop.call_later(self.header_timeout, self._expire)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _expire(self) -> None:
        self._deadline = None
        if not self.transport.is_closing():
            logger.info("closed a connection of %s: no request head within %g s", self.client, self.header_timeout)
            self.transport.close()

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self._deadline is not None and self.cycle is not self._cycle_before:
            self._disarm()  # a request head arrived: the app's body deadline takes over

    def on_response_complete(self) -> None:
        finished = self.cycle
        super().on_response_complete()
        if not self.transport.is_closing() and self.cycle is finished:  # no pipelined request started
            self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)


def server_options(settings: MockConfig) -> dict[str, Any]:
    """The `uvicorn.run` / `uvicorn.Config` options that apply a `MockConfig`'s connection limits and timeouts."""
    protocol = type("MockHttpProtocol", (HeaderDeadlineProtocol,), {"header_timeout": settings.header_timeout})
    return {
        "http": protocol,
        "timeout_keep_alive": settings.keep_alive_timeout,
        "limit_concurrency": settings.max_connections or None,
        "access_log": False,
    }


def uvicorn_config(
    app: MockApp, *, host: str = "127.0.0.1", port: int = DEFAULT_PORT, log_level: str = "info", **options: Any
) -> uvicorn.Config:
    """A uvicorn configuration serving ``app`` with its settings' limits (``options`` win over them)."""
    values = {"host": host, "port": port, "log_level": log_level, **server_options(app.config), **options}
    return uvicorn.Config(app, **values)
