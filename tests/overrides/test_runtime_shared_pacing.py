"""The shared pacing budget (lib/shared_pacing.py) against a real redis-server on loopback.

Two ``RedisPacer`` objects of one URL stand for two processes: each has its own in-process
fallback, and they share only what Redis holds. Transports are driven over MockTransport with a
fake clock; the multi-process figures are ``make bench`` (scripts/bench_shared_pacing.py).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

import attrs
import httpx
import pytest
import redis
from fastn_client.lib import shared_pacing
from fastn_client.lib.constants import PACING_POLL_INTERVAL
from fastn_client.lib.options import ClientOptions
from fastn_client.lib.pacing import RateLimitPacer, Ticket, Wait
from fastn_client.lib.shared_pacing import RedisPacer, RedisTicket, redis_pacer, shared_bucket_id
from fastn_client.lib.transport import AsyncFastnTransport, FastnTransport
from real_redis import RedisServer
from runtime_fakes import BASE_URL, SECRET_KEY, START, FakeClock

URL = f"{BASE_URL}/customers"
BUCKET = "b" * 32


def headers(remaining: int, reset: float, limit: int = 5) -> httpx.Headers:
    return httpx.Headers(
        {"X-RateLimit-Limit": str(limit), "X-RateLimit-Remaining": str(remaining), "X-RateLimit-Reset": str(int(reset))}
    )


def two_processes(url: str) -> tuple[RedisPacer, RedisPacer]:
    return RedisPacer(url, fallback=RateLimitPacer()), RedisPacer(url, fallback=RateLimitPacer())


def test_two_processes_draw_on_one_budget(redis_url: str) -> None:
    one, two = two_processes(redis_url)
    probe = one.reserve(BUCKET, now=START)
    assert isinstance(probe, RedisTicket)
    # While the probe is out, nothing is known: the other process waits for it.
    assert two.reserve(BUCKET, now=START) == Wait(PACING_POLL_INTERVAL)
    probe.settle(headers(remaining=2, reset=START + 10))
    first, second = one.reserve(BUCKET, now=START + 1), two.reserve(BUCKET, now=START + 1)
    assert isinstance(first, RedisTicket) and isinstance(second, RedisTicket)
    # Remaining 2, two in flight: spent for both, until their answers or the reset.
    spent = one.reserve(BUCKET, now=START + 1)
    assert isinstance(spent, Wait) and spent.remaining == 0 and spent.reset_at == START + 10
    first.settle(headers(remaining=1, reset=START + 10))
    second.settle(headers(remaining=0, reset=START + 10))
    wait = two.reserve(BUCKET, now=START + 2)
    assert wait == Wait(8.0, remaining=0, reset_at=START + 10)  # nothing in flight: sleep to the reset
    assert isinstance(one.reserve(BUCKET, now=START + 10), RedisTicket)  # a new window: the limit again


def test_answers_of_an_older_window_are_ignored_and_the_lowest_remaining_wins(redis_url: str) -> None:
    one, two = two_processes(redis_url)
    probe = one.reserve(BUCKET, now=START)
    assert isinstance(probe, Ticket)
    probe.settle(headers(remaining=4, reset=START + 60))
    a, b = one.reserve(BUCKET, now=START + 1), two.reserve(BUCKET, now=START + 1)
    assert isinstance(a, Ticket) and isinstance(b, Ticket)
    b.settle(headers(remaining=1, reset=START + 60))
    a.settle(headers(remaining=3, reset=START + 60))  # arrived late: 1 stays
    old = one.reserve(BUCKET, now=START + 2)
    assert isinstance(old, Ticket)
    old.settle(headers(remaining=4, reset=START))  # from the window before: ignored
    state = redis.Redis.from_url(redis_url).hgetall(f"fastn:pacing:{{{BUCKET}}}:state")
    assert (state[b"remaining"], state[b"limit"], state[b"unmetered"]) == (b"1", b"5", b"0")


def test_a_key_whose_answers_carry_no_rate_limit_headers_is_not_paced(redis_url: str) -> None:
    one, two = two_processes(redis_url)
    probe = one.reserve(BUCKET, now=START)
    assert isinstance(probe, Ticket)
    probe.settle(httpx.Headers())
    assert all(isinstance(pacer.reserve(BUCKET, now=START), Ticket) for pacer in (one, two, one, two))


def test_a_forced_request_counts_and_an_abandoned_one_gives_its_budget_back(redis_url: str) -> None:
    one, two = two_processes(redis_url)
    probe = one.reserve(BUCKET, now=START)
    assert isinstance(probe, Ticket)
    probe.settle(headers(remaining=1, reset=START + 10))
    forced = two.force(BUCKET, now=START)
    assert isinstance(one.reserve(BUCKET, now=START), Wait)  # 1 left, 1 in flight
    forced.settle(None)  # it failed without an answer: the reservation goes back
    forced.settle(None)  # twice is once
    assert isinstance(one.reserve(BUCKET, now=START), Ticket)


def test_a_reservation_of_a_process_that_died_lapses(redis_url: str) -> None:
    one, two = two_processes(redis_url)
    probe = one.reserve(BUCKET, now=START)
    assert isinstance(probe, Ticket)
    probe.settle(headers(remaining=1, reset=START + 1000))
    assert isinstance(one.reserve(BUCKET, now=START), Ticket)  # ...and its process dies: never settled
    assert isinstance(two.reserve(BUCKET, now=START + 1), Wait)
    assert isinstance(two.reserve(BUCKET, now=START + shared_pacing.TICKET_LIFETIME + 1), Ticket)


def test_the_key_is_never_stored_in_clear(redis_url: str) -> None:
    request = httpx.Request("GET", URL, headers={"x-fastn-api-key": SECRET_KEY})
    bucket = shared_bucket_id(request)
    assert bucket == shared_bucket_id(httpx.Request("GET", URL, headers={"x-fastn-api-key": SECRET_KEY}))
    assert bucket != shared_bucket_id(
        httpx.Request("GET", "https://other.test/x", headers={"x-fastn-api-key": SECRET_KEY})
    )
    pacer = RedisPacer(redis_url, fallback=RateLimitPacer())
    assert pacer.bucket_of(request) == bucket
    ticket = pacer.reserve(bucket, now=START)
    assert isinstance(ticket, Ticket)
    ticket.settle(headers(remaining=3, reset=START + 60))
    store = redis.Redis.from_url(redis_url)
    dump = repr([(key, store.dump(key)) for key in store.keys("*")])
    assert SECRET_KEY not in dump and SECRET_KEY[-10:] not in dump and bucket in dump


# --------------------------------------------------------------------------- Redis going away


def test_an_unreachable_redis_falls_back_logs_once_and_fails_no_call(
    caplog: pytest.LogCaptureFixture, new_redis_server: Callable[..., RedisServer], refused_port: int
) -> None:
    caplog.set_level(logging.INFO, logger="fastn_client")
    now = [0.0]
    port = refused_port
    local = RateLimitPacer()
    pacer = RedisPacer(f"redis://:s3cret@127.0.0.1:{port}/0", fallback=local, clock=lambda: now[0])
    for _ in range(3):
        ticket = pacer.reserve(BUCKET, now=START)
        assert isinstance(ticket, Ticket) and not isinstance(ticket, RedisTicket)
        ticket.settle(headers(remaining=4, reset=START + 60))
    assert isinstance(pacer.force(BUCKET, now=START), Ticket)
    warnings = [record for record in caplog.records if record.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert f"Redis at redis://:***@127.0.0.1:{port}/0 is unreachable (ConnectionError)" in warnings[0].getMessage()
    assert "s3cret" not in caplog.text and "s3cret" not in repr(pacer)
    state = local.state(BUCKET)
    assert state is not None and state.remaining == 4  # the fallback learnt meanwhile
    server = new_redis_server(port=port)
    server.start()
    try:
        assert not isinstance(pacer.reserve(BUCKET, now=START), RedisTicket)  # not tried again yet
        now[0] += shared_pacing.RETRY_REDIS_AFTER + 1
        assert isinstance(pacer.reserve(BUCKET, now=START), RedisTicket)
        assert "answers again: the shared pacing budget is back" in caplog.text
    finally:
        server.stop()


def test_redis_stopping_mid_run_fails_no_call(new_redis_server: Callable[..., RedisServer]) -> None:
    server = new_redis_server()
    server.start()
    pacer = RedisPacer(server.url, fallback=RateLimitPacer())
    ticket = pacer.reserve(BUCKET, now=START)
    assert isinstance(ticket, RedisTicket)
    server.stop()
    ticket.settle(headers(remaining=3, reset=START + 60))  # lost: the reservation lapses in Redis
    assert isinstance(pacer.reserve(BUCKET, now=START), Ticket)


# --------------------------------------------------------------------------- through the transports


def _spent_after(answers: int, reset: float) -> list[httpx.Response]:
    return [
        httpx.Response(200, headers=headers(remaining=max(answers - 1 - n, 0), reset=reset, limit=answers))
        for n in range(answers)
    ] + [httpx.Response(200, headers=headers(remaining=answers - 1, reset=reset + 60, limit=answers))] * 4


def test_two_clients_of_one_key_wait_for_one_budget(redis_url: str, clock: FakeClock) -> None:
    """Two transports (two processes' clients) with the URL: together they never overdraw the key."""
    answers = _spent_after(3, START + 30)
    transport = httpx.MockTransport(lambda _: answers.pop(0))
    options = ClientOptions(clock=clock, sleep=clock.sleep, random=lambda: 0.5, rate_limit_redis_url=redis_url)
    assert options.pacer is None and "redis" in repr(options)
    first = httpx.Client(transport=FastnTransport(transport, options=options), headers={"x-fastn-api-key": SECRET_KEY})
    other = attrs.evolve(options)  # another process: the same URL, its own objects
    second = httpx.Client(transport=FastnTransport(transport, options=other), headers={"x-fastn-api-key": SECRET_KEY})
    with first, second:
        for client in (first, second, first):
            client.get(URL)
        assert clock.sleeps == []
        second.get(URL)  # the budget of the window is spent, by both together
    assert clock.sleeps == [30.0]
    assert redis_pacer(redis_url) is redis_pacer(redis_url)


def test_the_async_transport_shares_the_budget_too(redis_url: str, clock: FakeClock) -> None:
    answers = _spent_after(2, START + 20)
    options = ClientOptions(
        clock=clock,
        sleep=clock.sleep,
        async_sleep=clock.async_sleep,
        random=lambda: 0.5,
        rate_limit_redis_url=redis_url,
    )

    async def run(calls: int) -> None:
        transport = AsyncFastnTransport(httpx.MockTransport(lambda _: answers.pop(0)), options=options)
        async with httpx.AsyncClient(transport=transport, headers={"x-fastn-api-key": SECRET_KEY}) as client:
            for _ in range(calls):
                await client.get(URL)

    asyncio.run(run(2))
    asyncio.run(run(1))  # another event loop: Redis connections of its own, the same budget
    assert clock.sleeps == [20.0]


def test_the_async_pacer_falls_back_too(caplog: pytest.LogCaptureFixture, refused_port: int) -> None:
    pacer = RedisPacer(f"redis://127.0.0.1:{refused_port}/0", fallback=RateLimitPacer())

    async def run() -> None:
        ticket = await pacer.areserve(BUCKET, now=START)
        assert isinstance(ticket, Ticket) and not isinstance(ticket, RedisTicket)
        await ticket.asettle(None)
        assert isinstance(await pacer.aforce(BUCKET, now=START), Ticket)

    asyncio.run(run())
    assert caplog.text.count("is unreachable") == 1


def test_async_reservations_and_settling_in_redis(redis_url: str) -> None:
    one, two = two_processes(redis_url)

    async def run() -> None:
        probe = await one.areserve(BUCKET, now=START)
        assert isinstance(probe, RedisTicket)
        await probe.asettle(headers(remaining=1, reset=START + 10))
        await probe.asettle(None)  # once only
        forced = await two.aforce(BUCKET, now=START)
        assert isinstance(await one.areserve(BUCKET, now=START), Wait)
        await forced.asettle(None)
        assert isinstance(await two.areserve(BUCKET, now=START), RedisTicket)

    asyncio.run(run())


def test_an_outage_that_lasts_is_reported_once(caplog: pytest.LogCaptureFixture, refused_port: int) -> None:
    now = [0.0]
    pacer = RedisPacer(f"redis://127.0.0.1:{refused_port}/0", fallback=RateLimitPacer(), clock=lambda: now[0])
    assert not isinstance(pacer.force(BUCKET), RedisTicket)  # the first word with Redis fails: in-process
    for _ in range(3):
        now[0] += shared_pacing.RETRY_REDIS_AFTER + 1  # tried again, still away
        assert not isinstance(pacer.reserve(BUCKET, now=START), RedisTicket)
    assert caplog.text.count("is unreachable") == 1


def test_async_calls_while_redis_is_away_and_a_settle_that_cannot_reach_it(
    new_redis_server: Callable[..., RedisServer], caplog: pytest.LogCaptureFixture
) -> None:
    server = new_redis_server()
    server.start()
    pacer = RedisPacer(server.url, fallback=RateLimitPacer())

    async def run() -> None:
        ticket = await pacer.areserve(BUCKET, now=START)
        assert isinstance(ticket, RedisTicket) and repr(ticket) == "RedisTicket(settled=False)"
        server.stop()
        await ticket.asettle(headers(remaining=1, reset=START + 10))  # lost: it lapses in Redis
        assert repr(ticket) == "RedisTicket(settled=True)"
        assert not isinstance(await pacer.areserve(BUCKET, now=START), RedisTicket)  # away: in-process

    asyncio.run(run())
    assert caplog.text.count("is unreachable") == 1


def test_an_async_forced_request_when_redis_fails(caplog: pytest.LogCaptureFixture, refused_port: int) -> None:
    pacer = RedisPacer(f"redis://127.0.0.1:{refused_port}/0", fallback=RateLimitPacer())
    forced = asyncio.run(pacer.aforce(BUCKET))
    assert isinstance(forced, Ticket) and not isinstance(forced, RedisTicket)
    assert "is unreachable" in caplog.text
