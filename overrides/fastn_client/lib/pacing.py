"""Client-side rate-limit pacing: spend the key's budget, never overdraw it.

The server reports, on every response, how many requests the API key may
still make (``X-RateLimit-Remaining``) before the window ends
(``X-RateLimit-Reset``). Sending once that budget is spent only buys a 429
and a retry, so the pacer holds such a request back until the reset instead.

One :class:`RateLimitPacer` (``SHARED_PACER``) serves every client in the
process, because the budget belongs to the key, not to a client object. Its
state is keyed by a salted hash of origin and credential (:func:`bucket_id`):
the raw key is never stored, and the same key against a second server (the
mock, say) is a second budget.

Why reserve rather than read: N workers that all see ``remaining=1`` would
all send. Each request therefore takes a :class:`Ticket` before it is sent
and settles it when the answer arrives. The budget left is::

    lowest Remaining reported for the current window  -  tickets in flight

which can only under-estimate: an answered request is counted by the
server's Remaining, an unanswered one by the in-flight count, and one the
server counted but whose answer is still on its way is counted twice (safe).
Answers arriving out of order cannot raise the estimate (the lowest Remaining
wins), and answers from an earlier window (older Reset) are ignored. Once the
clock passes the Reset, the budget is the Limit again, minus what is in
flight (those requests may land in the new window).

Until the first answer for a key arrives nothing is known, so only one
request (a probe) is in flight; if that answer carries no rate-limit headers
the key is treated as unmetered and nothing is held back.

The lock is a :class:`threading.Lock` held only for arithmetic, never across
I/O or a sleep, so the same pacer is safe from threads and asyncio tasks
(in any event loop) alike. The pacer never sleeps itself: it answers with a
:class:`Wait`, and the transport sleeps with its injected sleep function.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
from typing import Protocol

import attrs
import httpx

from .constants import API_KEY_HEADER, AUTHORIZATION_HEADER, PACING_POLL_INTERVAL
from .headers import parse_rate_limit

__all__ = [
    "SHARED_PACER",
    "BucketState",
    "Pacer",
    "RateLimitPacer",
    "Ticket",
    "Wait",
    "bucket_id",
]

# Salting with a per-process secret makes the bucket id useless for guessing
# a key offline, should it ever be logged or dumped.
_PROCESS_SALT = secrets.token_bytes(16)


def bucket_id(request: httpx.Request) -> str:
    """Identify the budget a request draws on: a hash of origin and credential.

    The credential is the ``x-fastn-api-key`` header, else ``Authorization``;
    a request with neither shares the origin's anonymous budget.
    """
    credential = request.headers.get(API_KEY_HEADER) or request.headers.get(AUTHORIZATION_HEADER) or ""
    origin = f"{request.url.scheme}://{request.url.netloc.decode('ascii')}"
    material = f"{origin}\n{credential}".encode()
    return hashlib.blake2b(material, key=_PROCESS_SALT, digest_size=16).hexdigest()


@attrs.frozen
class Wait:
    """The budget is spent: try again after ``delay`` seconds.

    ``remaining`` and ``reset_at`` describe the budget for log lines and
    hooks; both are ``None`` while it is still unknown.
    """

    delay: float
    remaining: int | None = None
    reset_at: float | None = None


@attrs.frozen
class BucketState:
    """A copy of one key's pacing state, for inspection and tests."""

    limit: int | None
    remaining: int
    reset_at: float | None
    in_flight: int
    unmetered: bool


@attrs.define
class _Bucket:
    # reset_at is None until an answer with rate-limit headers arrives.
    limit: int | None = None
    remaining: int = 0
    reset_at: float | None = None
    in_flight: int = 0
    unmetered: bool = False

    def available(self, now: float) -> int | None:
        """Requests that may still be sent now; ``None`` when unknown."""
        if self.reset_at is None:
            return None
        if now < self.reset_at:
            return self.remaining - self.in_flight
        if self.limit is None:
            return None
        return self.limit - self.in_flight


class Ticket:
    """A reservation of one request's worth of budget; settle it exactly once.

    Settling with the response headers teaches the pacer the server's view;
    settling with ``None`` (the request failed or was abandoned) just gives
    the reservation back.
    """

    __slots__ = ("_bucket", "_pacer", "_settled")

    def __init__(self, pacer: RateLimitPacer, bucket: _Bucket) -> None:
        self._pacer = pacer
        self._bucket = bucket
        self._settled = False

    def settle(self, headers: httpx.Headers | None) -> None:
        """Release the reservation, learning from ``headers`` if given."""
        if self._settled:
            return
        self._settled = True
        self._pacer._settle(self._bucket, headers)

    async def asettle(self, headers: httpx.Headers | None) -> None:
        """:meth:`settle` for the async transport (in-process, it does no I/O: the same)."""
        self.settle(headers)

    def __repr__(self) -> str:
        return f"Ticket(settled={self._settled})"


class Pacer(Protocol):
    """What the transports ask of a pacer: this process's :class:`RateLimitPacer`, or the shared
    one kept in Redis (:class:`~.shared_pacing.RedisPacer`)."""

    def bucket_of(self, request: httpx.Request) -> str:
        """The budget ``request`` draws on."""
        ...

    def reserve(self, bucket: str, *, now: float) -> Ticket | Wait:
        """Budget for one request to send now, or how long to wait."""
        ...

    async def areserve(self, bucket: str, *, now: float) -> Ticket | Wait:
        """Async twin of ``reserve``."""
        ...

    def force(self, bucket: str, *, now: float | None = None) -> Ticket:
        """A ticket without budget, for a request sent regardless."""
        ...

    async def aforce(self, bucket: str, *, now: float | None = None) -> Ticket:
        """Async twin of ``force``."""
        ...


class RateLimitPacer:
    """Per-key rate-limit budgets, shared by every client that uses this pacer.

    Args:
        poll_interval: While the budget is spent but requests of the same key
            are still in flight, re-check this often (seconds) instead of
            sleeping until the reset: their answers may show budget left.
    """

    def __init__(self, *, poll_interval: float = PACING_POLL_INTERVAL) -> None:
        self._poll_interval = poll_interval
        self._lock = threading.Lock()
        self._buckets: dict[str, _Bucket] = {}

    def bucket_of(self, request: httpx.Request) -> str:
        """The budget ``request`` draws on (:func:`bucket_id`)."""
        return bucket_id(request)

    async def areserve(self, bucket: str, *, now: float) -> Ticket | Wait:
        """:meth:`reserve` for the async transport (in-process, it does no I/O: the same)."""
        return self.reserve(bucket, now=now)

    async def aforce(self, bucket: str, *, now: float | None = None) -> Ticket:
        """:meth:`force` for the async transport."""
        return self.force(bucket, now=now)

    def reserve(self, bucket: str, *, now: float) -> Ticket | Wait:
        """Take budget for one request to send now, or say how long to wait."""
        with self._lock:
            state = self._buckets.setdefault(bucket, _Bucket())
            available = state.available(now)
            reset_at = state.reset_at
            if available is None or reset_at is None:
                # Unknown budget: one probe at a time, unless the server has
                # shown that it does not meter this key at all.
                if state.unmetered or state.in_flight == 0:
                    return self._take(state)
                return Wait(self._poll_interval)
            if available > 0:
                return self._take(state)
            # Spent. Before the reset nothing but the reset (or an answer from
            # a request in flight) can free budget; after it, only answers can.
            delay = reset_at - now if now < reset_at else self._poll_interval
            if state.in_flight:
                delay = min(delay, self._poll_interval)
            return Wait(delay, remaining=max(available, 0), reset_at=reset_at)

    def force(self, bucket: str, *, now: float | None = None) -> Ticket:
        """Take a ticket without budget, for a request sent regardless (``now`` is for the shared pacer).

        Used when waiting would overrun the caller's deadline or ceiling: the
        request still lands on the server, so it must count as in flight.
        """
        with self._lock:
            return self._take(self._buckets.setdefault(bucket, _Bucket()))

    def state(self, bucket: str) -> BucketState | None:
        """A snapshot of one key's state, ``None`` if it was never used."""
        with self._lock:
            found = self._buckets.get(bucket)
            if found is None:
                return None
            return BucketState(
                limit=found.limit,
                remaining=found.remaining,
                reset_at=found.reset_at,
                in_flight=found.in_flight,
                unmetered=found.unmetered,
            )

    def _take(self, state: _Bucket) -> Ticket:
        state.in_flight += 1
        return Ticket(self, state)

    def _settle(self, state: _Bucket, headers: httpx.Headers | None) -> None:
        info = parse_rate_limit(headers) if headers is not None else None
        with self._lock:
            state.in_flight -= 1
            if headers is None:
                return
            if info is None:
                if state.reset_at is None:
                    state.unmetered = True
                return
            state.unmetered = False
            if state.reset_at is None or info.reset_at > state.reset_at:
                # A new window: its first word on the budget.
                state.reset_at = info.reset_at
                state.remaining = info.remaining
                state.limit = info.limit if info.limit is not None else state.limit
            elif info.reset_at == state.reset_at:
                # Same window: Remaining only falls, so the lowest is the newest.
                state.remaining = min(state.remaining, info.remaining)
                state.limit = info.limit if info.limit is not None else state.limit
            # An older Reset: the answer left the server in a past window.

    def __repr__(self) -> str:
        with self._lock:
            return f"RateLimitPacer(keys={len(self._buckets)}, poll_interval={self._poll_interval})"


#: The process-wide pacer used unless ``ClientOptions.pacer`` names another.
SHARED_PACER = RateLimitPacer()
