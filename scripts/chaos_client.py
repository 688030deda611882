#!/usr/bin/env python3
"""Chaos run of the client: the mock's own faults, a hostile server and a misbehaving Redis, mixed.

    scripts/chaos_client.py [--calls 600] [--seed 1] [--deadline 3]

Three peers on loopback, all started here:

* the mock (`python -m fastn_mock`) with random 5xx, dropped connections, lost and truncated replies;
* a hostile HTTP server that answers each request one of these ways: its head one byte every
  0.2 s, JSON nested 5,000 deep, a gzip bomb, 4,300-digit rate-limit headers, garbage bytes, a
  10 MB error body, a redirect to another origin (127.0.0.2, where any request carrying the key is
  counted as a leak), a redirect loop;
* a "Redis" that speaks the protocol but answers garbage: NaN waits, wrong types, errors, or
  nothing for two seconds.

Sync and async clients (half of them through the garbage Redis, a third following redirects)
call the mock's and the hostile server's operations in a random mix. Printed: the outcomes by
type, and the four numbers that must be zero: untyped errors, calls over the deadline (plus one
second of slack for the scheduler), messages holding the key, and the key reaching another origin;
plus the customers created twice on the mock by one call.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import gzip
import logging
import os
import random
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
KEY = "fsk_test_mock_owner"
SPACE = "5f0c6a52-3b1e-4d7a-9c2f-8e1d4b6a7c30"
SLACK = 1.0


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as probe:
        probe.bind((host, 0))
        port: int = probe.getsockname()[1]
        return port


class Hostile:
    """One thread per connection; the behaviour is drawn per request from the server's own random."""

    BEHAVIOURS = ("trickle", "deep", "bomb", "huge-headers", "garbage", "big-error", "redirect-away", "loop")

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)  # noqa: S311 - chaos, not cryptography
        self.port = free_port()
        self.leaks = 0
        self.served: collections.Counter[str] = collections.Counter()
        # 96 MiB of JSON once inflated, past the client's 64 MiB limit, in about 100 KB.
        self._bomb_body = gzip.compress(b"[" + b"0," * (48 * 1024 * 1024) + b"0]", compresslevel=9)
        self._sockets = [self._listen("127.0.0.1"), self._listen("127.0.0.2")]
        self._stop = threading.Event()

    def _listen(self, host: str) -> socket.socket:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((host, self.port))
        listener.listen(64)
        threading.Thread(target=self._accept, args=(listener, host), daemon=True).start()
        return listener

    def _accept(self, listener: socket.socket, host: str) -> None:
        while True:
            try:
                connection, _ = listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(connection, host), daemon=True).start()

    def _serve(self, connection: socket.socket, host: str) -> None:
        with connection:
            try:
                connection.settimeout(10)
                head = connection.recv(65536).decode("latin-1")
                if host == "127.0.0.2":
                    self.leaks += "x-fastn-api-key" in head.lower() and KEY in head
                    self._send(connection, 200, b"{}")
                    return
                behaviour = self.random.choice(self.BEHAVIOURS)
                self.served[behaviour] += 1
                getattr(self, "_" + behaviour.replace("-", "_"))(connection)
            except OSError:
                pass

    def _send(self, connection: socket.socket, status: int, body: bytes, *headers: str) -> None:
        lines = [f"HTTP/1.1 {status} X", f"Content-Length: {len(body)}", "Content-Type: application/json", *headers]
        connection.sendall(("\r\n".join(lines) + "\r\n\r\n").encode() + body)

    def _trickle(self, connection: socket.socket) -> None:
        for byte in b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}":
            if self._stop.wait(0.2):
                return
            connection.send(bytes([byte]))

    def _deep(self, connection: socket.socket) -> None:
        self._send(connection, self.random.choice([200, 500]), b"[" * 5000 + b"]" * 5000)

    def _bomb(self, connection: socket.socket) -> None:
        self._send(connection, 200, self._bomb_body, "Content-Encoding: gzip")

    def _huge_headers(self, connection: socket.socket) -> None:
        digits = "9" * 4300
        self._send(connection, 200, b"{}", f"X-RateLimit-Remaining: {digits}", f"X-RateLimit-Reset: {digits}")

    def _garbage(self, connection: socket.socket) -> None:
        connection.sendall(bytes(self.random.getrandbits(8) for _ in range(200)))

    def _big_error(self, connection: socket.socket) -> None:
        self._send(connection, 500, b'{"message": "' + b"x" * (10 * 1024 * 1024) + b'"}')

    def _redirect_away(self, connection: socket.socket) -> None:
        self._send(connection, 307, b"", f"Location: http://127.0.0.2:{self.port}/api/v1/customers")

    def _loop(self, connection: socket.socket) -> None:
        self._send(connection, 302, b"", f"Location: http://127.0.0.1:{self.port}/api/v1/customers")

    def close(self) -> None:
        self._stop.set()
        for listener in self._sockets:
            listener.close()


class GarbageRedis:
    """Speaks RESP; answers every command with nonsense, an error, or nothing for two seconds."""

    REPLIES = (
        b"*2\r\n$4\r\nwait\r\n$3\r\nnan\r\n",
        b"*2\r\n$4\r\nwait\r\n$4\r\n-inf\r\n",
        b"*1\r\n$5\r\nbogus\r\n",
        b":42\r\n",
        b"-ERR not a real redis\r\n",
        b"$3\r\nnan\r\n",
        b"*4\r\n$4\r\nwait\r\n$3\r\n1e9\r\n$1\r\nx\r\n$1\r\ny\r\n",
        b"",  # silence
    )

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)  # noqa: S311 - chaos, not cryptography
        self.port = free_port()
        self._listener = socket.socket()
        self._listener.bind(("127.0.0.1", self.port))
        self._listener.listen(64)
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(connection,), daemon=True).start()

    def _serve(self, connection: socket.socket) -> None:
        with connection:
            connection.settimeout(10)
            try:
                while connection.recv(65536):
                    reply = self.random.choice(self.REPLIES)
                    if not reply:
                        time.sleep(2)
                        continue
                    connection.sendall(reply)
            except OSError:
                return

    def close(self) -> None:
        self._listener.close()


def start_mock(seed: int) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "fastn_mock",
        "--port",
        str(port),
        "--rate-limit",
        "0",
        *("--fault-rate", "0.1", "--fault-statuses", "500,502,503"),
        *("--drop-rate", "0.05", "--lose-reply-rate", "0.05", "--truncate-rate", "0.05"),
        *("--fault-seed", str(seed)),
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return process, f"http://127.0.0.1:{port}"
        if process.poll() is not None:
            raise SystemExit("the mock did not start")
        time.sleep(0.05)
    raise SystemExit("the mock did not listen within two minutes")


class Tally:
    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self.outcomes: collections.Counter[str] = collections.Counter()
        self.untyped: list[str] = []
        self.late: list[float] = []
        self.key_shown = 0
        self.lock = threading.Lock()

    def record(self, started: float, outcome: object) -> None:
        from fastn_client import FastnError

        elapsed = time.monotonic() - started
        with self.lock:
            if elapsed > self.deadline + SLACK:
                self.late.append(round(elapsed, 2))
            if isinstance(outcome, BaseException):
                self.outcomes[type(outcome).__name__] += 1
                if not isinstance(outcome, FastnError):
                    self.untyped.append(f"{type(outcome).__name__}: {str(outcome)[:120]}")
                link: BaseException | None = outcome
                while link is not None:
                    self.key_shown += KEY in str(link) or KEY in repr(link)
                    link = link.__cause__ or link.__context__
            else:
                self.outcomes["ok"] += 1


def _options(redis_url: str | None, deadline: float) -> Any:
    from fastn_client import ClientOptions

    return ClientOptions(deadline=deadline, rate_limit_redis_url=redis_url, trust_idempotency_keys=True)


def _make(base_url: str, redis_url: str | None, deadline: float, redirects: bool) -> Any:
    from fastn_client import AuthenticatedClient

    return AuthenticatedClient(
        base_url=base_url,
        token=KEY,
        space_id=SPACE,
        follow_redirects=redirects,
        options=_options(redis_url, deadline),
    )


def run(calls: int, seed: int, deadline: float) -> int:
    os.environ.pop("FASTN_RATE_LIMIT_REDIS_URL", None)
    from fastn_client import AsyncFastn, Fastn
    from fastn_client.lib import shared_pacing

    logging.getLogger("fastn_client").setLevel(logging.CRITICAL)  # the warnings are expected here
    through_redis = 0

    chooser = random.Random(seed)  # noqa: S311 - chaos, not cryptography
    hostile, redis_peer = Hostile(seed), GarbageRedis(seed)
    mock, mock_url = start_mock(seed)
    hostile_url = f"http://127.0.0.1:{hostile.port}"
    garbage_redis = f"redis://127.0.0.1:{redis_peer.port}/0"
    tally = Tally(deadline)
    slugs: list[str] = []

    def one_call(client: Any, target: str, n: int) -> Callable[[], object]:
        if target == mock_url and n % 3 == 0:
            slug = f"chaos-{seed}-{n}"
            slugs.append(slug)
            return lambda: client.customers.create(name="Chaos", slug=slug, admin_email="ops@chaos.example")
        return lambda: client.customers.list(limit=5)

    started_all = time.monotonic()
    try:
        for n in range(calls):
            target = chooser.choice([mock_url, mock_url, hostile_url])
            redis_url = garbage_redis if chooser.random() < 0.5 else None
            if redis_url:
                # A fresh shared pacer each time, so that the garbage is met on every such call rather
                # than once per RETRY_REDIS_AFTER (a pacer that found Redis broken leaves it alone 30 s).
                shared_pacing._PACERS.clear()
                through_redis += 1
            http = _make(target, redis_url, deadline, redirects=chooser.random() < 0.33)
            if n % 2:
                call = one_call(Fastn(http_client=http), target, n)
                started = time.monotonic()
                try:
                    outcome: object = getattr(call(), "data", None)
                except BaseException as error:  # the point: count anything that is not a FastnError
                    outcome = error
                tally.record(started, outcome)
            else:
                started = time.monotonic()
                try:
                    outcome = asyncio.run(_async_call(AsyncFastn(http_client=http), target, n, one_call, deadline))
                except BaseException as error:
                    outcome = error
                tally.record(started, outcome)
        duplicates = _duplicates(mock_url, slugs)
    finally:
        mock.terminate()
        mock.wait(timeout=30)
        hostile.close()
        redis_peer.close()
    _report(tally, hostile, duplicates, calls, time.monotonic() - started_all)
    print(f"calls paced through the garbage Redis: {through_redis}")
    zero = (len(tally.untyped), len(tally.late), tally.key_shown, hostile.leaks, duplicates)
    return 0 if zero == (0, 0, 0, 0, 0) else 1


async def _async_call(client: Any, target: str, n: int, one_call: Any, deadline: float) -> object:
    """One call of an ``AsyncFastn`` (a coroutine, or a paginator awaited for its first page)."""
    async with client:
        result = await asyncio.wait_for(_awaited(one_call(client, target, n)()), deadline * 10)
        return getattr(result, "data", result)


async def _awaited(result: Any) -> object:
    return await result


def _duplicates(mock_url: str, slugs: list[str]) -> int:
    import httpx

    headers = {"x-fastn-api-key": KEY, "x-fastn-space-id": SPACE}
    seen: collections.Counter[str] = collections.Counter()
    cursor = None
    with httpx.Client(base_url=mock_url, headers=headers, timeout=30) as client:
        client.post(
            "/_mock/faults", json={"errorRate": 0, "dropRate": 0, "loseReplyRate": 0, "truncateRate": 0}
        ).raise_for_status()
        while True:
            page = client.get("/api/v1/customers", params={"limit": 100, **({"cursor": cursor} if cursor else {})})
            body = page.json()
            seen.update(item["slug"] for item in body["data"])
            cursor = body.get("nextCursor")
            if not cursor:
                break
    return sum(count - 1 for slug, count in seen.items() if slug in slugs and count > 1)


def _report(tally: Tally, hostile: Hostile, duplicates: int, calls: int, seconds: float) -> None:
    print(f"chaos: {calls} calls in {seconds:.0f} s (deadline {tally.deadline:g} s)")
    print("hostile server answered: " + ", ".join(f"{name} {count}" for name, count in sorted(hostile.served.items())))
    print("outcomes: " + ", ".join(f"{name} {count}" for name, count in tally.outcomes.most_common()))
    print(f"untyped errors: {len(tally.untyped)}")
    for line in tally.untyped[:10]:
        print(f"  {line}")
    print(f"calls over the deadline (+{SLACK:g} s): {len(tally.late)} {tally.late[:10]}")
    print(f"messages holding the key: {tally.key_shown}")
    print(f"requests carrying the key to another origin: {hostile.leaks}")
    print(f"customers created twice by one call: {duplicates}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--calls", type=int, default=600)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--deadline", type=float, default=3.0)
    args = parser.parse_args(argv)
    return run(args.calls, args.seed, args.deadline)


if __name__ == "__main__":
    sys.exit(main())
