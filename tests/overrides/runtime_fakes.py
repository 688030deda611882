"""Test doubles shared by the runtime tests: a fake clock and a scripted server.

Named ``runtime_fakes`` (not ``helpers``) because test directories without
``__init__.py`` share one module namespace under pytest's default import mode.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Iterable

import httpx

#: A key that must never show up in a log line, a repr or an exception.
SECRET_KEY = "fsk_live_S3CR3T-do-not-print-0123456789"
#: Fake "now": 2023-11-14 22:13:20 UTC.
START = 1_700_000_000.0
BASE_URL = "https://live.fastn.ai/api/v1"

#: What a scripted server does for one request: answer, or fail the exchange.
Step = httpx.Response | Exception | Callable[[httpx.Request], httpx.Response]


class FakeClock:
    """Wall clock and sleeps that only move when the code under test sleeps.

    ``sleep``/``async_sleep`` advance the time instead of waiting and record
    each delay, so a test asserts exactly how long the code meant to wait.
    Thread-safe, because the concurrency tests share one clock.
    """

    def __init__(self, now: float = START) -> None:
        self._now = now
        self._lock = threading.Lock()
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        with self._lock:
            return self._now

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._now += seconds

    def sleep(self, seconds: float) -> None:
        with self._lock:
            self.sleeps.append(seconds)
            self._now += seconds

    async def async_sleep(self, seconds: float) -> None:
        self.sleep(seconds)
        # Yield to the event loop, as a real sleep would, so that concurrent
        # tasks make progress; this waits for no time at all.
        await asyncio.sleep(0)


class Script:
    """A MockTransport handler that plays ``steps`` in order, one per request.

    Records every request it receives (with its body) so tests can count
    attempts. Running out of steps fails the test loudly.
    """

    def __init__(self, steps: Iterable[Step]) -> None:
        self._steps = list(steps)
        self.requests: list[httpx.Request] = []
        self.bodies: list[bytes] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        self.bodies.append(request.content)
        if not self._steps:
            raise AssertionError(f"unexpected extra request {request.method} {request.url}")
        step = self._steps.pop(0)
        if isinstance(step, Exception):
            raise step
        if isinstance(step, httpx.Response):
            return step
        return step(request)

    @property
    def attempts(self) -> int:
        return len(self.requests)

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self)
