"""Many threads and many asyncio tasks share one key's budget without overdrawing it.

The "server" is a MockTransport handler that counts every request it
receives (accepted or refused) per one-second window of the shared fake
clock, and refuses with 429 beyond its limit. The pacer must keep the count
received in every window at or under the limit, which reading the headers
after the fact cannot do: all workers would see the same ``remaining``.
"""

from __future__ import annotations

import asyncio
import math
import sys
import threading
from collections import Counter
from collections.abc import Iterator

import attrs
import httpx
import pytest
from fastn_client.lib.options import ClientOptions
from fastn_client.lib.transport import AsyncFastnTransport, FastnTransport
from runtime_fakes import BASE_URL, FakeClock

LIMIT = 5
THREADS = 8
TASKS = 8
REQUESTS_EACH = 10
URL = f"{BASE_URL}/customers"
KEY = {"x-fastn-api-key": "fsk_test_concurrency"}


class LimitedServer:
    """Fixed one-second windows of ``limit`` requests per window, like the API."""

    def __init__(self, clock: FakeClock, limit: int) -> None:
        self._clock = clock
        self._limit = limit
        self._lock = threading.Lock()
        self.received: Counter[int] = Counter()
        self.refused = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        with self._lock:
            now = self._clock()
            window = math.floor(now)
            self.received[window] += 1
            count = self.received[window]
            headers = {
                "X-RateLimit-Limit": str(self._limit),
                "X-RateLimit-Remaining": str(max(self._limit - count, 0)),
                "X-RateLimit-Reset": str(window + 1),
            }
            if count > self._limit:
                self.refused += 1
                headers["Retry-After"] = str(math.ceil(window + 1 - now))
                return httpx.Response(429, headers=headers, json={"code": "RATE_LIMITED", "message": "slow down"})
            return httpx.Response(200, headers=headers, json={"ok": True})


def _thread_worker(server: LimitedServer, options: ClientOptions, statuses: list[int], gate: threading.Event) -> None:
    transport = FastnTransport(httpx.MockTransport(server), options=options)
    gate.wait()  # start together with the asyncio tasks
    with httpx.Client(transport=transport, headers=KEY) as client:
        for _ in range(REQUESTS_EACH):
            statuses.append(client.get(URL).status_code)


async def _task_worker(client: httpx.AsyncClient, statuses: list[int]) -> None:
    for _ in range(REQUESTS_EACH):
        statuses.append((await client.get(URL)).status_code)


@pytest.fixture
def busy_switching() -> Iterator[None]:
    """Make the interpreter switch threads often, so that workers interleave."""
    previous = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(previous)


@pytest.fixture
def shared_options(options: ClientOptions) -> ClientOptions:
    # No deadline: fake time races ahead while many workers "sleep", and a
    # deadline would (by design) send a request without waiting for budget.
    return attrs.evolve(options, deadline=None)


@pytest.mark.timeout(120)
@pytest.mark.asyncio
@pytest.mark.usefixtures("busy_switching")
async def test_threads_and_tasks_never_overdraw_a_shared_budget(
    shared_options: ClientOptions, clock: FakeClock
) -> None:
    server = LimitedServer(clock, LIMIT)
    statuses: list[int] = []
    gate = threading.Event()
    threads = [
        threading.Thread(target=_thread_worker, args=(server, shared_options, statuses, gate)) for _ in range(THREADS)
    ]
    for thread in threads:
        thread.start()
    transport = AsyncFastnTransport(httpx.MockTransport(server), options=shared_options)
    async with httpx.AsyncClient(transport=transport, headers=KEY) as client:
        gate.set()
        await asyncio.gather(*(_task_worker(client, statuses) for _ in range(TASKS)))
    for thread in threads:
        await asyncio.to_thread(thread.join)

    total = (THREADS + TASKS) * REQUESTS_EACH
    assert len(statuses) == total
    assert max(server.received.values()) <= LIMIT
    assert server.refused == 0
    assert statuses == [200] * total
    assert sum(server.received.values()) == total  # nothing needed a retry
    assert len(server.received) >= total // LIMIT


@pytest.mark.timeout(120)
def test_without_pacing_the_same_load_overdraws(shared_options: ClientOptions, clock: FakeClock) -> None:
    """The check above can fail: with pacing off the server sees too many."""
    server = LimitedServer(clock, LIMIT)
    statuses: list[int] = []
    unpaced = attrs.evolve(shared_options, pacing=False)
    gate = threading.Event()
    threads = [threading.Thread(target=_thread_worker, args=(server, unpaced, statuses, gate)) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    gate.set()
    for thread in threads:
        thread.join()
    assert max(server.received.values()) > LIMIT
    assert server.refused > 0
