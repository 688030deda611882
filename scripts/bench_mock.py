#!/usr/bin/env python3
"""Throughput of the Fastn mock beside Prism, over loopback, for a get-by-id and a list.

Starts both servers on free ports (the mock with rate limiting off, Prism on the same spec),
drives each with a few concurrent httpx clients for a fixed time per scenario, prints one
table, and stops both servers whatever happens. Figures depend on the machine: the clients
share its cores with the server under test, so read them side by side, not as absolutes.

    .venv/bin/python scripts/bench_mock.py [--seconds 5] [--clients 4]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "openapi" / "fastn.yaml"
PRISM = ROOT / "node_modules" / ".bin" / "prism"
KEY = "fsk_test_mock_owner"
SPACE = "5f0c6a52-3b1e-4d7a-9c2f-8e1d4b6a7c30"
# Prism checks that every security scheme of the requirement is present; an empty tenant counts as absent.
HEADERS = {"x-fastn-api-key": KEY, "x-fastn-space-id": SPACE, "x-fastn-space-tenantid": "bench", "stage": "LIVE"}
EXAMPLE_CUSTOMER = "3f1c2a9e-8b4d-4e2f-9a61-0c5d7e8f9a10"
START_TIMEOUT = 60.0


@dataclass(frozen=True)
class Outcome:
    """Requests answered per second, with latency percentiles, for one server and scenario."""

    rps: float
    p50_ms: float
    p99_ms: float
    errors: int


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def server(command: list[str], cwd: Path, env: dict[str, str], url: str, name: str) -> Iterator[None]:
    """Run a server in its own process group until the block ends; wait (bounded) until it answers."""
    process = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"{name} exited with {process.returncode} before answering")
            try:
                httpx.get(url, headers=HEADERS, timeout=1)
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"{name} did not answer within {START_TIMEOUT:.0f} s") from None
                time.sleep(0.2)
        yield
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


async def load(base: str, path: str, seconds: float, clients: int) -> Outcome:
    """``clients`` concurrent keep-alive clients calling ``path`` back to back for ``seconds``."""
    latencies: list[float] = []
    errors = 0

    async def worker(client: httpx.AsyncClient, until: float) -> None:
        nonlocal errors
        while time.perf_counter() < until:
            start = time.perf_counter()
            response = await client.get(path)
            if response.status_code == 200:
                latencies.append(time.perf_counter() - start)
            else:
                errors += 1

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, headers=HEADERS, limits=limits, timeout=10) as client:
        await asyncio.gather(*(worker(client, time.perf_counter() + 0.5) for _ in range(clients)))  # warm-up
        latencies.clear()
        errors = 0
        started = time.perf_counter()
        await asyncio.gather(*(worker(client, started + seconds) for _ in range(clients)))
        elapsed = time.perf_counter() - started
    ordered = sorted(latencies) or [0.0]
    return Outcome(
        rps=len(latencies) / elapsed,
        p50_ms=statistics.median(ordered) * 1000,
        p99_ms=ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000,
        errors=errors,
    )


def seed_mock(base: str) -> str:
    """Give the mock 20 customers (a full default page) and return one id to read."""
    with httpx.Client(base_url=base, headers=HEADERS) as client:
        ids = []
        for i in range(20):
            body = {"name": f"Bench {i}", "slug": f"bench-{i}", "adminEmail": f"bench{i}@example.com"}
            response = client.post("/api/v1/customers", json=body)
            response.raise_for_status()
            ids.append(response.json()["id"])
        return str(ids[0])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=5.0, help="measured time per server and scenario")
    parser.add_argument("--clients", type=int, default=4, help="concurrent clients")
    args = parser.parse_args()
    if not PRISM.exists():
        print(f"Prism is not installed at {PRISM}: run `make install` (npm ci).", file=sys.stderr)
        return 2

    mock_port, prism_port = free_port(), free_port()
    mock_url, prism_url = f"http://127.0.0.1:{mock_port}", f"http://127.0.0.1:{prism_port}"
    env = {**os.environ, "MOCK_RATE_LIMIT": "0", "PYTHONPATH": str(ROOT / "mock")}
    mock_cmd = [sys.executable, "-m", "fastn_mock", "--port", str(mock_port), "--log-level", "warning"]
    prism_cmd = [str(PRISM), "mock", str(SPEC), "-p", str(prism_port), "-h", "127.0.0.1"]

    results: dict[tuple[str, str], Outcome] = {}
    print(f"==> starting the mock on :{mock_port} and Prism on :{prism_port}", flush=True)
    with (
        server(mock_cmd, ROOT / "mock", env, f"{mock_url}/_mock/health", "the mock"),
        server(prism_cmd, ROOT, dict(os.environ), f"{prism_url}/api/v1/billing", "Prism"),
    ):
        customer = seed_mock(mock_url)
        scenarios = {
            "get customer by id": {
                "mock": f"/api/v1/customers/{customer}",
                "prism": f"/api/v1/customers/{EXAMPLE_CUSTOMER}",
            },
            "list customers (20)": {"mock": "/api/v1/customers?limit=20", "prism": "/api/v1/customers?limit=20"},
        }
        for scenario, paths in scenarios.items():
            for name, base in (("mock", mock_url), ("prism", prism_url)):
                print(f"==> {scenario}: {name}, {args.clients} clients, {args.seconds:g} s", flush=True)
                results[(scenario, name)] = asyncio.run(load(base, paths[name], args.seconds, args.clients))

    print()
    header = f"{'scenario':<22} {'server':<7} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}"
    print(header)
    print("-" * len(header))
    for (scenario, name), outcome in results.items():
        figures = f"{outcome.rps:>8.0f} {outcome.p50_ms:>8.2f} {outcome.p99_ms:>8.2f} {outcome.errors:>7}"
        print(f"{scenario:<22} {name:<7} {figures}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
