#!/usr/bin/env python3
"""Many worker processes, one API key: the share of the rate limit they reach, and of requests refused.

Against the mock with a rate limit per key (``--limit`` requests per ``--window`` seconds), N
worker processes (1, 4 and 8) call ``customers.list()`` as fast as the client lets them, all
with one key, for ``--windows`` windows. Each configuration runs twice in one run, printed side
by side: with the shared budget (``FASTN_RATE_LIMIT_REDIS_URL`` set, a real redis-server on
loopback) and without it (each process paces alone, as before). Figures:

    achieved   answered calls per window, as a share of the limit (100 %: every allowed call made)
    refused    attempts answered 429, as a share of all attempts (each is a wasted round trip,
               and a Retry-After wait for the caller)

Targets (issue 12): with the shared budget, 8 processes reach at least 95 % of the limit with at
most 1 % refused. Needs ``redis-server`` (``make redis``).

    python scripts/bench_shared_pacing.py [--limit 50] [--window 5] [--windows 3] [--workers 1,4,8]

About two and a half minutes with the defaults: six configurations, each three windows plus two
for the processes to start.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import multiprocessing
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from real_redis import RedisServer, free_port  # a sibling of this script: scripts/ is its sys.path[0]

KEY = "fsk_test_mock_owner"  # the mock's built-in owner key
SPACE = "5f0c6a52-3b1e-4d7a-9c2f-8e1d4b6a7c30"


def worker(base_url: str, start: float, stop: float, redis_url: str | None, results: Any) -> None:
    """One process: call until ``stop``, counting every attempt's status (retries included)."""
    if redis_url:
        os.environ["FASTN_RATE_LIMIT_REDIS_URL"] = redis_url
    else:
        os.environ.pop("FASTN_RATE_LIMIT_REDIS_URL", None)
    import httpx
    from fastn_client import APIStatusError, AuthenticatedClient, ClientOptions, Fastn

    statuses: dict[int, int] = {}

    class Counting(httpx.HTTPTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            response = super().handle_request(request)
            if time.time() < stop:  # an answer after the last window belongs to the next one
                statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
            return response

    client = Fastn(
        http_client=AuthenticatedClient(
            base_url=base_url,
            token=KEY,
            space_id=SPACE,
            options=ClientOptions(max_retries=5),
            httpx_args={"transport": Counting()},
        )
    )
    time.sleep(max(0.0, start - time.time()))
    while time.time() < stop:
        with contextlib.suppress(APIStatusError):  # a 429 after its retries: counted above, go on
            client.customers.list(limit=1)
    results.put(statuses)


def measure(base_url: str, workers: int, redis_url: str | None, window: int, windows: int) -> dict[int, int]:
    """Every attempt's status across ``workers`` processes, over ``windows`` whole windows."""
    # Start at a window boundary (plus a second for the processes to start), end at one.
    start = (math.floor(time.time() / window) + 2) * window
    stop = start + windows * window
    results: Any = multiprocessing.get_context("spawn").Queue()
    processes = [
        multiprocessing.get_context("spawn").Process(target=worker, args=(base_url, start, stop, redis_url, results))
        for _ in range(workers)
    ]
    for process in processes:
        process.start()
    totals: dict[int, int] = {}
    for _ in processes:
        for status, count in results.get(timeout=stop - time.time() + 120).items():
            totals[status] = totals.get(status, 0) + count
    for process in processes:
        process.join()
    return totals


def serve_mock(limit: int, window: int) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = {**os.environ, "MOCK_RATE_LIMIT": str(limit), "MOCK_RATE_WINDOW": str(window)}
    command = [sys.executable, "-m", "fastn_mock", "--port", str(port), "--log-level", "warning"]
    mock = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base_url = f"http://127.0.0.1:{port}"
    import httpx

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            httpx.get(f"{base_url}/_mock/faults", timeout=1.0)
            return mock, base_url
        except httpx.TransportError:
            time.sleep(0.1)
    mock.kill()
    raise RuntimeError("the mock did not start")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=50, help="requests per window per key (default %(default)s)")
    parser.add_argument("--window", type=int, default=5, help="seconds of one window (default %(default)s)")
    parser.add_argument(
        "--windows", type=int, default=3, help="windows measured per configuration (default %(default)s)"
    )
    parser.add_argument("--workers", default="1,4,8", help="worker process counts (default %(default)s)")
    parser.add_argument("--json", action="store_true", help="also print the figures as one JSON line")
    args = parser.parse_args(argv)
    try:
        redis_server = RedisServer(Path(tempfile.mkdtemp(prefix="bench-redis-")))
    except FileNotFoundError as missing:
        print(f"bench_shared_pacing: {missing}", file=sys.stderr)
        return 2
    redis_server.start()
    mock, base_url = serve_mock(args.limit, args.window)
    figures: list[dict[str, Any]] = []
    try:
        print(
            f"{args.limit} requests per {args.window} s per key, {args.windows} windows each; "
            "achieved = answered calls as a share of the limit, refused = 429s as a share of attempts"
        )
        print(f"{'workers':>7}  {'shared budget (Redis)':>24}  {'each process alone':>24}")
        for workers in (int(n) for n in args.workers.split(",")):
            row: dict[str, Any] = {"workers": workers}
            for name, url in (("shared", redis_server.url), ("alone", None)):
                redis_server.flush()
                httpx_reset(base_url)
                totals = measure(base_url, workers, url, args.window, args.windows)
                attempts = sum(totals.values())
                answered = totals.get(200, 0)
                row[name] = {
                    "achieved": answered / (args.limit * args.windows),
                    "refused": totals.get(429, 0) / attempts if attempts else 0.0,
                    "attempts": attempts,
                }
            shared, alone = row["shared"], row["alone"]
            print(
                f"{workers:>7}  {shared['achieved']:>10.1%} achieved {shared['refused']:>6.1%} refused"
                f"  {alone['achieved']:>10.1%} achieved {alone['refused']:>6.1%} refused"
            )
            figures.append(row)
    finally:
        mock.terminate()
        mock.wait(timeout=10)
        redis_server.stop()
    if args.json:
        print(json.dumps(figures))
    return 0


def httpx_reset(base_url: str) -> None:
    """Fresh mock state and rate-limit windows between configurations."""
    import httpx

    httpx.post(f"{base_url}/_mock/reset", timeout=5.0).raise_for_status()


if __name__ == "__main__":
    sys.exit(main())
