#!/usr/bin/env python3
"""Benchmark rate-limit pacing against a local server that enforces a budget.

Starts a loopback server (Starlette on uvicorn, 127.0.0.1, a free port) that
allows LIMIT requests per second per API key on fixed one-second windows
aligned to the clock, answers every request with X-RateLimit-Limit,
-Remaining and -Reset, and refuses the excess with 429 and Retry-After. Then
WORKERS threads, each with its own ``httpx.Client`` on ``FastnTransport``
(default options, real clock), call it for SECONDS seconds: once with pacing
on and once with pacing off, each on a key of its own. Prints one table:

* achieved: requests accepted within the run, as a share of LIMIT x SECONDS
  (target >= 95 %: pacing must not waste the budget);
* 429 share: refused requests as a share of all requests the server received
  (target <= 1 %: pacing must not overdraw it);
* failures: calls that ended in an exception after retries (target 0).

Usage: .venv/bin/python scripts/bench_pacing.py [--limit 50] [--workers 8] [--seconds 6]
Exit status 1 if pacing on misses a target. This is a script, not a test:
it takes real time (about 2 x SECONDS + 3 s).
"""

from __future__ import annotations

import argparse
import math
import socket
import sys
import threading
import time
from collections import Counter

import httpx
import uvicorn

# The runtime as users import it: the installed package (generated/, see `make install`).
from fastn_client.lib import ClientOptions, FastnError, FastnTransport, raise_for_status
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

PATH = "/api/v1/customers"


class FixedWindowServer:
    """Per-key fixed windows of one second, aligned to whole Unix seconds.

    The event loop runs the handler on one thread; the counters are read by
    the main thread only after the server has stopped.
    """

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.accepted: Counter[tuple[str, int]] = Counter()
        self.refused: Counter[tuple[str, int]] = Counter()

    async def customers(self, request: Request) -> JSONResponse:
        key = request.headers.get("x-fastn-api-key", "")
        now = time.time()
        window = math.floor(now)
        used = self.accepted[key, window] + 1
        headers = {
            "X-RateLimit-Limit": str(self.limit),
            "X-RateLimit-Remaining": str(max(self.limit - used, 0)),
            "X-RateLimit-Reset": str(window + 1),
        }
        if used > self.limit:
            self.refused[key, window] += 1
            headers["Retry-After"] = str(max(1, math.ceil(window + 1 - now)))
            body = {"code": "RATE_LIMITED", "message": "Rate limit exceeded", "statusCode": 429}
            return JSONResponse(body, status_code=429, headers=headers)
        self.accepted[key, window] += 1
        return JSONResponse({"data": []}, headers=headers)


class LoopbackServer:
    """uvicorn on 127.0.0.1 and a free port, in a background thread."""

    def __init__(self, app: Starlette) -> None:
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.bind(("127.0.0.1", 0))
        self.base_url = f"http://127.0.0.1:{self._socket.getsockname()[1]}"
        config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [self._socket]}, daemon=True)

    def __enter__(self) -> LoopbackServer:
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the benchmark server did not start")
            time.sleep(0.01)
        return self

    def __exit__(self, *_exc: object) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)
        self._socket.close()


class Tally:
    """Client-side outcome of one mode, shared by its worker threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.calls = 0
        self.failures: Counter[str] = Counter()

    def record(self, failure: str | None) -> None:
        with self._lock:
            self.calls += 1
            if failure is not None:
                self.failures[failure] += 1


def _worker(base_url: str, key: str, options: ClientOptions, end: float, tally: Tally) -> None:
    transport = FastnTransport(options=options)
    with httpx.Client(base_url=base_url, headers={"x-fastn-api-key": key}, transport=transport) as client:
        while time.time() < end:
            try:
                raise_for_status(client.get(PATH))
            except FastnError as error:
                tally.record(type(error).__name__)
            else:
                tally.record(None)


def run_mode(base_url: str, key: str, *, pacing: bool, workers: int, seconds: int) -> tuple[int, Tally]:
    """Run the workers for ``seconds`` whole windows; return the first window and the tally."""
    options = ClientOptions(pacing=pacing)
    start = math.ceil(time.time())  # begin on a window boundary
    time.sleep(start - time.time())
    tally = Tally()
    threads = [
        threading.Thread(target=_worker, args=(base_url, key, options, start + seconds, tally)) for _ in range(workers)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return start, tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=50, help="requests per second per key (default 50)")
    parser.add_argument("--workers", type=int, default=8, help="concurrent worker threads (default 8)")
    parser.add_argument("--seconds", type=int, default=6, help="whole seconds per mode (default 6)")
    args = parser.parse_args(argv)

    limiter = FixedWindowServer(args.limit)
    app = Starlette(routes=[Route(PATH, limiter.customers)])
    runs: list[tuple[str, str, int, Tally]] = []
    with LoopbackServer(app) as server:
        for label, pacing in (("pacing on", True), ("pacing off", False)):
            key = f"fsk_test_bench_{label.replace(' ', '_')}"
            start, tally = run_mode(server.base_url, key, pacing=pacing, workers=args.workers, seconds=args.seconds)
            runs.append((label, key, start, tally))

    allowed = args.limit * args.seconds
    print(f"{args.limit} requests/s per key, {args.workers} workers, {args.seconds} s per mode, {server.base_url}")
    row = "{:<11} {:>6} {:>9} {:>9} {:>9} {:>6} {:>10} {:>9}"
    print(row.format("mode", "calls", "received", "accepted", "achieved", "429s", "429 share", "failures"))
    ok = True
    for label, key, start, tally in runs:
        windows = range(start, start + args.seconds)
        accepted = sum(limiter.accepted[key, w] for w in windows)
        refused = sum(n for (k, _), n in limiter.refused.items() if k == key)
        received = refused + sum(n for (k, _), n in limiter.accepted.items() if k == key)
        achieved = accepted / allowed
        refused_share = refused / received if received else 0.0
        failures = sum(tally.failures.values())
        cells = (f"{achieved:.1%}", refused, f"{refused_share:.1%}", failures)
        detail = ", ".join(f"{n} {name}" for name, n in tally.failures.items())
        print(row.format(label, tally.calls, received, accepted, *cells) + (f"  ({detail})" if detail else ""))
        if label == "pacing on":
            ok = achieved >= 0.95 and refused_share <= 0.01 and failures == 0
    print(row.format("target", "", "", "", ">= 95.0%", "", "<= 1.0%", "0"))
    print("pacing on meets every target" if ok else "pacing on MISSES a target")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
