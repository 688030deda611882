"""Helpers shared by the end-to-end tests: paging through a list as a user would; a server that
breaks off its answers mid-body."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable
from typing import Any

from fastn_client import AuthenticatedClient
from fastn_client.types import UNSET, Unset

MAX_PAGES = 50
"""More pages than any test creates: a cursor that never ends fails the test instead of hanging it."""


def pages(
    list_page: Callable[..., Any], client: AuthenticatedClient, *, limit: int = 10, **filters: Any
) -> list[list[Any]]:
    """Every page of a list operation, following ``nextCursor`` until it is null."""
    result: list[list[Any]] = []
    cursor: str | Unset = UNSET
    for _ in range(MAX_PAGES):
        page = list_page(client=client, limit=limit, cursor=cursor, **filters)
        assert len(page.data) <= limit, f"a page of {len(page.data)} items for limit={limit}"
        result.append(list(page.data))
        if page.next_cursor is None:
            return result
        cursor = page.next_cursor
    raise AssertionError(f"nextCursor was still set after {MAX_PAGES} pages")


def all_items(list_page: Callable[..., Any], client: AuthenticatedClient, **filters: Any) -> list[Any]:
    """Every item of a list operation, across all its pages (100 per page)."""
    return [item for page in pages(list_page, client, limit=100, **filters) for item in page]


class BreakingServer:
    """A loopback HTTP/1.1 server whose first ``breaks`` answers stop mid-body, the rest are whole.

    The mock drops a connection before any byte of the answer; this server covers the other
    way a connection dies: after the status line and headers, part-way through the body (a
    proxy timing out, a server crashing mid-write). Each connection serves one request.
    """

    def __init__(self, body: bytes, *, breaks: int) -> None:
        self._body = body
        self._breaks = breaks
        self.requests = 0
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.05)
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="breaking-server", daemon=True)
        port = self._listener.getsockname()[1]
        self.base_url = f"http://127.0.0.1:{port}"

    def __enter__(self) -> BreakingServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stopping.set()
        self._thread.join(timeout=5.0)
        self._listener.close()

    def _serve(self) -> None:
        while not self._stopping.is_set():
            try:
                connection, _ = self._listener.accept()
            except TimeoutError:
                continue
            with connection:
                connection.settimeout(5.0)
                received = b""
                while b"\r\n\r\n" not in received:
                    chunk = connection.recv(65536)
                    if not chunk:
                        break
                    received += chunk
                self.requests += 1
                head = (
                    "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
                    f"content-length: {len(self._body)}\r\nconnection: close\r\n\r\n"
                ).encode()
                whole = self.requests > self._breaks
                connection.sendall(head + (self._body if whole else self._body[: len(self._body) // 4]))
