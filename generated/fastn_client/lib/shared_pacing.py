"""One rate-limit budget for every process that uses the same key: the pacer's state kept in Redis.

Fastn limits calls per API key. :class:`~.pacing.RateLimitPacer` keeps one process under the
limit; eight worker processes sharing a key would each pace alone and together overrun it. With
``FASTN_RATE_LIMIT_REDIS_URL=redis://host:port/db`` (or ``ClientOptions(rate_limit_redis_url=...)``)
every process and thread draws from one budget in Redis instead, with the same rules as the
in-process pacer (its docstring explains them): reserve before sending, settle with the answer's
``X-RateLimit-*`` headers, the lowest ``Remaining`` of a window wins, one probe while nothing is
known.

In Redis, per key and origin (``<id>`` is a hash of both: the key itself is never stored)::

    fastn:pacing:{<id>}:state     hash: limit, remaining, reset_at, unmetered
    fastn:pacing:{<id>}:inflight  sorted set: one member per request in flight, scored by when
                                  its reservation lapses (a process that died mid-request does
                                  not hold budget for ever)

Both expire an hour after their last use. Each attempt costs two round trips, both atomic Lua
scripts: one to reserve (or learn how long to wait), one to settle. The sync client uses
``redis.Redis``, the async one ``redis.asyncio.Redis`` (one connection pool per event loop).

If Redis cannot be reached, or answers what no Redis running these scripts answers (a server of
another kind, a wait that is not a number), pacing goes on in this process alone (the
process-wide in-process pacer, which keeps what it learns meanwhile), one warning is logged, and
no call fails because of it; Redis is tried again after ``RETRY_REDIS_AFTER`` seconds, and its
return is logged too. Redis is asked only while the call has time left before its deadline
(:mod:`.deadline`) for a connect and a reply at ``REDIS_TIMEOUT`` each; closer to it, the
in-process budget answers. This module, and ``redis``, are imported only when the setting is
given.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import math
import threading
import time
import uuid
import weakref
from collections.abc import Callable
from typing import Any, Final, TypeVar

import httpx
import redis
import redis.asyncio
from redis.exceptions import RedisError

from .constants import API_KEY_HEADER, AUTHORIZATION_HEADER, LOGGER_NAME, PACING_POLL_INTERVAL
from .deadline import time_left
from .headers import parse_rate_limit
from .options import redact_url
from .pacing import SHARED_PACER, RateLimitPacer, Ticket, Wait

__all__ = ["RETRY_REDIS_AFTER", "RedisPacer", "RedisTicket", "redis_pacer"]

logger = logging.getLogger(LOGGER_NAME)
T = TypeVar("T")

#: Seconds after Redis failed before it is tried again (meanwhile pacing is in-process).
RETRY_REDIS_AFTER: Final = 30.0
#: Seconds a reservation holds budget if its request is never settled (a process died).
TICKET_LIFETIME: Final = 180.0
#: Milliseconds a key's state is kept after its last use.
STATE_TTL_MS: Final = 3_600_000
#: Socket timeouts of the Redis connection (seconds): a slow Redis must not slow every call.
REDIS_TIMEOUT: Final = 0.5
#: The longest wait a reply may ask for (seconds): a rate-limit window is a minute, so anything
#: longer (or not a number) is not the scripts' answer.
LONGEST_WAIT: Final = 3600.0
# What talking to Redis may raise: its own errors, and what a reply that is not the scripts'
# answer (another server speaking the protocol, a state someone else wrote) makes of decoding.
_FAILURES: Final = (RedisError, ValueError, TypeError, AttributeError, IndexError, KeyError, OverflowError)

_RESERVE = """
local now = tonumber(ARGV[1])
local poll = tonumber(ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
local inflight = redis.call('ZCARD', KEYS[2])
local s = redis.call('HMGET', KEYS[1], 'limit', 'remaining', 'reset_at', 'unmetered')
local limit, remaining, reset_at = tonumber(s[1]), tonumber(s[2]), tonumber(s[3])
local function take()
  redis.call('ZADD', KEYS[2], ARGV[3], ARGV[2])
  redis.call('PEXPIRE', KEYS[2], ARGV[5])
  redis.call('PEXPIRE', KEYS[1], ARGV[5])
  return {'ticket'}
end
local available = nil
if reset_at then
  if now < reset_at then available = remaining - inflight
  elseif limit then available = limit - inflight end
end
if available == nil then
  if s[4] == '1' or inflight == 0 then return take() end
  return {'wait', tostring(poll)}
end
if available > 0 then return take() end
local delay = poll
if now < reset_at then delay = reset_at - now end
if inflight > 0 and delay > poll then delay = poll end
if available < 0 then available = 0 end
return {'wait', tostring(delay), tostring(available), tostring(reset_at)}
"""

_SETTLE = """
redis.call('ZREM', KEYS[2], ARGV[1])
if ARGV[2] == '0' then return 0 end
local reset_at = tonumber(redis.call('HGET', KEYS[1], 'reset_at'))
if ARGV[3] == '0' then
  if not reset_at then redis.call('HSET', KEYS[1], 'unmetered', '1') end
  redis.call('PEXPIRE', KEYS[1], ARGV[7])
  return 0
end
redis.call('HSET', KEYS[1], 'unmetered', '0')
local new_reset = tonumber(ARGV[6])
if (not reset_at) or new_reset > reset_at then
  redis.call('HSET', KEYS[1], 'reset_at', ARGV[6], 'remaining', ARGV[5])
  if ARGV[4] ~= '' then redis.call('HSET', KEYS[1], 'limit', ARGV[4]) end
elseif new_reset == reset_at then
  local remaining = tonumber(redis.call('HGET', KEYS[1], 'remaining'))
  if tonumber(ARGV[5]) < remaining then redis.call('HSET', KEYS[1], 'remaining', ARGV[5]) end
  if ARGV[4] ~= '' then redis.call('HSET', KEYS[1], 'limit', ARGV[4]) end
end
redis.call('PEXPIRE', KEYS[1], ARGV[7])
return 1
"""


def shared_bucket_id(request: httpx.Request) -> str:
    """The budget a request draws on, the same in every process: a hash of origin and credential.

    Unlike the in-process pacer's (salted per process), it must agree across processes; the key
    is hashed with SHA-256 under a label of its own, never stored or sent to Redis in clear.
    """
    credential = request.headers.get(API_KEY_HEADER) or request.headers.get(AUTHORIZATION_HEADER) or ""
    origin = f"{request.url.scheme}://{request.url.netloc.decode('ascii')}"
    return hashlib.sha256(f"fastn-pacing\n{origin}\n{credential}".encode()).hexdigest()[:32]


def _keys(bucket: str) -> list[str]:
    return [f"fastn:pacing:{{{bucket}}}:state", f"fastn:pacing:{{{bucket}}}:inflight"]


def _settle_args(ticket: str, headers: httpx.Headers | None) -> list[str]:
    if headers is None:
        return [ticket, "0", "0", "", "", "", str(STATE_TTL_MS)]
    info = parse_rate_limit(headers)
    if info is None:
        return [ticket, "1", "0", "", "", "", str(STATE_TTL_MS)]
    limit = "" if info.limit is None else str(info.limit)
    return [ticket, "1", "1", limit, str(info.remaining), repr(info.reset_at), str(STATE_TTL_MS)]


def _outcome(reply: list[Any], make_ticket: Callable[[], RedisTicket]) -> RedisTicket | Wait:
    """The reserve script's answer; ``ValueError`` for anything it does not answer."""
    kind = reply[0].decode() if isinstance(reply[0], bytes) else str(reply[0])
    if kind == "ticket" and len(reply) == 1:
        return make_ticket()
    values = [float(item) for item in reply[1:]]
    if kind != "wait" or len(values) not in (1, 3) or not all(math.isfinite(value) for value in values):
        raise ValueError(f"not an answer of the reserve script: {reply!r:.100}")
    if not 0 <= values[0] <= LONGEST_WAIT:
        raise ValueError(f"a wait of {values[0]} s is not an answer of the reserve script")
    if len(values) == 1:
        return Wait(values[0])
    return Wait(values[0], remaining=max(int(values[1]), 0), reset_at=values[2])


def _in_time() -> bool:
    """Whether the running call (if any) has time left for a Redis round trip: a connect and a reply."""
    left = time_left()
    return left is None or left > 2 * REDIS_TIMEOUT


class RedisTicket(Ticket):
    """A reservation held in Redis; settling removes it and teaches the shared state."""

    __slots__ = ("_id", "_redis_bucket", "_shared")

    def __init__(self, pacer: RedisPacer, bucket: str, ticket: str) -> None:
        self._shared = pacer
        self._redis_bucket = bucket
        self._id = ticket
        self._settled = False

    def settle(self, headers: httpx.Headers | None) -> None:
        if not self._settled:
            self._settled = True
            self._shared._settle(self._redis_bucket, self._id, headers)

    async def asettle(self, headers: httpx.Headers | None) -> None:
        if not self._settled:
            self._settled = True
            await self._shared._asettle(self._redis_bucket, self._id, headers)

    def __repr__(self) -> str:
        return f"RedisTicket(settled={self._settled})"


class RedisPacer:
    """Rate-limit budgets kept in Redis and shared by every process that uses the same URL.

    Args:
        url: ``redis://host:port/db`` (``rediss://`` for TLS; a password in it is never logged).
        fallback: The in-process pacer used while Redis cannot be reached.
        clock: Seconds (monotonic), for when Redis is tried again.
    """

    def __init__(
        self,
        url: str,
        *,
        fallback: RateLimitPacer = SHARED_PACER,
        poll_interval: float = PACING_POLL_INTERVAL,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._url = url
        self._fallback = fallback
        self._poll_interval = poll_interval
        self._clock = clock
        self._lock = threading.Lock()
        self._down_until = 0.0
        self._sync = redis.Redis.from_url(url, socket_timeout=REDIS_TIMEOUT, socket_connect_timeout=REDIS_TIMEOUT)
        self._reserve = self._sync.register_script(_RESERVE)
        self._settle_script = self._sync.register_script(_SETTLE)
        # One async client per event loop (its connections belong to the loop), with its scripts.
        self._async: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, tuple[Any, Any, Any]] = (
            weakref.WeakKeyDictionary()
        )

    # --- what the transports call --------------------------------------------------------

    def bucket_of(self, request: httpx.Request) -> str:
        """The budget ``request`` draws on, the same in every process."""
        return shared_bucket_id(request)

    def reserve(self, bucket: str, *, now: float) -> Ticket | Wait:
        """Take budget for one request to send now, or say how long to wait (in-process while Redis is away)."""
        if self._away() or not _in_time():
            return self._fallback.reserve(bucket, now=now)
        ticket = uuid.uuid4().hex
        try:
            reply = self._reserve(keys=_keys(bucket), args=self._reserve_args(now, ticket))
            outcome = _outcome(reply, lambda: RedisTicket(self, bucket, ticket))
        except _FAILURES as error:
            self._lost(error)
            return self._fallback.reserve(bucket, now=now)
        self._back()
        return outcome

    async def areserve(self, bucket: str, *, now: float) -> Ticket | Wait:
        """Async twin of :meth:`reserve`."""
        if self._away() or not _in_time():
            return self._fallback.reserve(bucket, now=now)
        ticket = uuid.uuid4().hex
        try:
            script = self._async_scripts()[0]
            reply = await script(keys=_keys(bucket), args=self._reserve_args(now, ticket))
            outcome = _outcome(reply, lambda: RedisTicket(self, bucket, ticket))
        except _FAILURES as error:
            self._lost(error)
            return self._fallback.reserve(bucket, now=now)
        self._back()
        return outcome

    def force(self, bucket: str, *, now: float | None = None) -> Ticket:
        """A ticket without budget (a request sent regardless): counted in flight all the same."""
        ticket = uuid.uuid4().hex
        if not self._away() and _in_time():
            try:
                self._sync.zadd(_keys(bucket)[1], {ticket: (time.time() if now is None else now) + TICKET_LIFETIME})
            except _FAILURES as error:
                self._lost(error)
            else:
                return RedisTicket(self, bucket, ticket)
        return self._fallback.force(bucket)

    async def aforce(self, bucket: str, *, now: float | None = None) -> Ticket:
        """Async twin of :meth:`force`."""
        ticket = uuid.uuid4().hex
        if not self._away() and _in_time():
            try:
                lapses = (time.time() if now is None else now) + TICKET_LIFETIME
                await self._async_client().zadd(_keys(bucket)[1], {ticket: lapses})
            except _FAILURES as error:
                self._lost(error)
            else:
                return RedisTicket(self, bucket, ticket)
        return self._fallback.force(bucket)

    # --- settling ----------------------------------------------------------------------

    def _settle(self, bucket: str, ticket: str, headers: httpx.Headers | None) -> None:
        if not _in_time():
            return  # the reservation lapses by itself
        try:
            self._settle_script(keys=_keys(bucket), args=_settle_args(ticket, headers))
        except _FAILURES as error:
            self._lost(error)  # the reservation lapses by itself

    async def _asettle(self, bucket: str, ticket: str, headers: httpx.Headers | None) -> None:
        if not _in_time():
            return
        try:
            await self._async_scripts()[1](keys=_keys(bucket), args=_settle_args(ticket, headers))
        except _FAILURES as error:
            self._lost(error)

    # --- Redis going away and coming back -------------------------------------------------

    def _reserve_args(self, now: float, ticket: str) -> list[str]:
        lapses = repr(now + TICKET_LIFETIME)
        return [repr(now), ticket, lapses, repr(self._poll_interval), str(STATE_TTL_MS)]

    def _away(self) -> bool:
        with self._lock:
            return self._clock() < self._down_until

    def _lost(self, error: Exception) -> None:
        with self._lock:
            first = self._down_until == 0.0
            self._down_until = self._clock() + RETRY_REDIS_AFTER
        if first:
            what = "is unreachable" if isinstance(error, RedisError) else "answers what the pacing scripts do not"
            logger.warning(
                "Redis at %s %s (%s): pacing in this process only; trying it again every %.0f s",
                redact_url(self._url),
                what,
                type(error).__name__,
                RETRY_REDIS_AFTER,
            )

    def _back(self) -> None:
        with self._lock:
            if self._down_until == 0.0:
                return
            self._down_until = 0.0
        logger.info("Redis at %s answers again: the shared pacing budget is back", redact_url(self._url))

    def _async_client(self) -> Any:
        return self._async_parts()[0]

    def _async_scripts(self) -> tuple[Any, Any]:
        _, reserve, settle = self._async_parts()
        return reserve, settle

    def _async_parts(self) -> tuple[Any, Any, Any]:
        loop = asyncio.get_running_loop()
        parts = self._async.get(loop)
        if parts is None:
            client = redis.asyncio.Redis.from_url(
                self._url, socket_timeout=REDIS_TIMEOUT, socket_connect_timeout=REDIS_TIMEOUT
            )
            parts = self._async[loop] = (client, client.register_script(_RESERVE), client.register_script(_SETTLE))
        return parts

    def __repr__(self) -> str:
        return f"RedisPacer(url={redact_url(self._url)!r})"


_PACERS: dict[str, RedisPacer] = {}
_PACERS_LOCK = threading.Lock()


def redis_pacer(url: str) -> RedisPacer:
    """The process-wide pacer of one Redis URL (made on first use)."""
    with _PACERS_LOCK:
        pacer = _PACERS.get(url)
        if pacer is None:
            pacer = _PACERS[url] = RedisPacer(url)
        return pacer
