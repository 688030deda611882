#!/usr/bin/env python3
"""What importing the client costs: process start to first answer, against ``import httpx`` alone.

Each variant is a fresh ``python -c`` process, timed from start to exit; the best of ``--runs``
(default 5) is printed beside the floor, with the difference, in one run (these machines are
noisy: compare, don't time alone). The calls go to an ``httpx.MockTransport``, so no network or
server is timed, only imports and the first call's own work. Bytecode is written and used, as in
an installed package (``PYTHONDONTWRITEBYTECODE``, set on these machines, is dropped for the runs:
with it every import would compile its source, which no user's installed client does).

    python scripts/bench_import.py [--runs 5]

Variants:
    python          the interpreter starting and exiting (nothing imported)
    httpx           import httpx (the floor: the client cannot be cheaper than its HTTP library)
    fastn_client    import fastn_client
    resource call   from fastn_client import Fastn; one client.customers.get() answered by a MockTransport
    function call   one fastn_client.api.customers.get_customer.sync() the same way
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time

SETUP = (
    "import httpx\n"
    "answer = httpx.Response(200, json={'id': '3f1c2a9e-8b4d-4e2f-9a61-0c5d7e8f9a10', 'name': 'Acme', 'slug': 'acme',"
    " 'status': 'active', 'plan': 'growth', 'adminEmail': 'a@acme.example', 'dataResidency': 'EU', 'revision': 1,"
    " 'createdAt': '2026-11-02T09:30:00Z', 'updatedAt': '2026-11-02T09:30:00Z'})\n"
    "transport = httpx.MockTransport(lambda request: answer)\n"
)
VARIANTS = {
    "python": "pass",
    "httpx": "import httpx",
    "fastn_client": "import fastn_client",
    "resource call": SETUP + "from fastn_client import AuthenticatedClient, ClientOptions, Fastn\n"
    "client = Fastn(http_client=AuthenticatedClient(token='fsk_test_k', options=ClientOptions(pacing=False),"
    " httpx_args={'transport': transport}))\n"
    "client.customers.get('3f1c2a9e-8b4d-4e2f-9a61-0c5d7e8f9a10')\n",
    "function call": SETUP + "from fastn_client import AuthenticatedClient, ClientOptions\n"
    "from fastn_client.api.customers import get_customer\n"
    "client = AuthenticatedClient(token='fsk_test_k', options=ClientOptions(pacing=False),"
    " httpx_args={'transport': transport})\n"
    "get_customer.sync('3f1c2a9e-8b4d-4e2f-9a61-0c5d7e8f9a10', client=client)\n",
}


ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def best_of(code: str, runs: int) -> float:
    """The shortest wall time, in seconds, of ``runs`` fresh processes running ``code``."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, env=ENV)
        times.append(time.perf_counter() - started)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="process starts per variant (best is kept)")
    args = parser.parse_args(argv)
    for code in VARIANTS.values():  # warm the file cache and write the .pyc files once
        subprocess.run([sys.executable, "-c", code], check=True, env=ENV)
    # Interleave the variants round by round, so that a noisy moment hits them all alike.
    best = dict.fromkeys(VARIANTS, float("inf"))
    for _ in range(args.runs):
        for name, code in VARIANTS.items():
            best[name] = min(best[name], best_of(code, 1))
    floor = best["httpx"]
    print(f"{'variant':<15} {'ms':>8} {'over httpx':>11}   (best of {args.runs} process starts)")
    for name, seconds in best.items():
        print(f"{name:<15} {seconds * 1000:8.1f} {(seconds - floor) * 1000:+10.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
