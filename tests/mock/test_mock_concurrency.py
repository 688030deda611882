"""Concurrency: parallel writers lose nothing, and of two updates at one revision exactly one wins.

Once through concurrent ASGI calls on one event loop, once through a real uvicorn server with
client threads (a socket bound before the server starts, so no test waits for it to come up).
"""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
import uvicorn
from fastn_mock import DEFAULT_API_KEY, FaultSettings, MockApp, MockConfig, ScriptedFault, create_app

from .mock_testkit import ORACLE

KEY = {"x-fastn-api-key": DEFAULT_API_KEY}


def _customer(i: int) -> dict[str, str]:
    return {"name": f"Customer {i}", "slug": f"customer-{i}", "adminEmail": f"admin{i}@example.com"}


async def _asgi_round(app: MockApp) -> tuple[list[int], list[int], int]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://mock", headers=KEY) as client:
        created = await asyncio.gather(*(client.post("/api/v1/customers", json=_customer(i)) for i in range(50)))
        target = created[0].json()["id"]
        updates = await asyncio.gather(
            *(client.put(f"/api/v1/customers/{target}", json={"revision": 1, "name": f"Writer {i}"}) for i in range(20))
        )
        listed = await client.get("/api/v1/customers", params={"limit": 100})
        for response in [*created, *updates, listed]:
            ORACLE.check(response.request.method, response.request.url.path, response)
        return [r.status_code for r in created], [r.status_code for r in updates], len(listed.json()["data"])


def test_concurrent_asgi_calls() -> None:
    app = create_app(MockConfig(validate_responses=True))
    created, updates, listed = asyncio.run(_asgi_round(app))
    assert created == [201] * 50
    assert listed == 50
    assert sorted(updates) == [200] + [409] * 19


@pytest.fixture
def server() -> Iterator[str]:
    """A real uvicorn serving the mock on a free loopback port, in a thread."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)
    port = sock.getsockname()[1]
    faults = FaultSettings(script=(ScriptedFault(path="/api/v1/roles", drop=True),))
    app = create_app(MockConfig(validate_responses=True, rate_limit=100_000, faults=faults))
    config = uvicorn.Config(app, log_level="warning", lifespan="off")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        uv.should_exit = True
        thread.join(timeout=10)
        sock.close()


def test_parallel_writers_over_real_connections(server: str) -> None:
    limits = httpx.Limits(max_connections=8)
    with httpx.Client(base_url=server, headers=KEY, timeout=30, limits=limits) as client:
        with ThreadPoolExecutor(max_workers=8) as pool:
            statuses = list(
                pool.map(lambda i: client.post("/api/v1/customers", json=_customer(i)).status_code, range(80))
            )
        assert statuses == [201] * 80
        listed = client.get("/api/v1/customers", params={"limit": 100}).json()["data"]
        assert sorted(c["slug"] for c in listed) == sorted(f"customer-{i}" for i in range(80))
        target = listed[0]["id"]

        barrier = threading.Barrier(8)

        def update(i: int) -> int:
            barrier.wait()
            return client.put(f"/api/v1/customers/{target}", json={"revision": 1, "name": f"W{i}"}).status_code

        with ThreadPoolExecutor(max_workers=8) as pool:
            outcomes = sorted(pool.map(update, range(8)))
        assert outcomes == [200] + [409] * 7


def test_a_dropped_connection_ends_without_an_answer(server: str) -> None:
    with httpx.Client(base_url=server, headers=KEY) as client:
        with pytest.raises(httpx.RemoteProtocolError, match="without sending a response"):
            client.get("/api/v1/roles")
        assert client.get("/api/v1/roles").status_code == 200  # only the scripted request was dropped
