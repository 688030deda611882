"""Rate-limit pacing: the pacer's bookkeeping, then pacing through the transports."""

from __future__ import annotations

import logging
from typing import Any

import attrs
import httpx
import pytest
from fastn_client.lib.constants import PACING_POLL_INTERVAL
from fastn_client.lib.errors import APITimeoutError
from fastn_client.lib.options import ClientOptions, PacingEvent
from fastn_client.lib.pacing import SHARED_PACER, BucketState, RateLimitPacer, Ticket, Wait, bucket_id
from fastn_client.lib.transport import AsyncFastnTransport, FastnTransport
from runtime_fakes import BASE_URL, START, FakeClock, Script

URL = f"{BASE_URL}/customers"
POLL = PACING_POLL_INTERVAL
KEY = "bucket-under-test"


def budget(remaining: int, reset_at: float, limit: int | None = 10) -> httpx.Headers:
    headers = {"X-RateLimit-Remaining": str(remaining), "X-RateLimit-Reset": str(reset_at)}
    if limit is not None:
        headers["X-RateLimit-Limit"] = str(limit)
    return httpx.Headers(headers)


def ticket(outcome: Ticket | Wait) -> Ticket:
    assert isinstance(outcome, Ticket), outcome
    return outcome


def learned(pacer: RateLimitPacer, headers: httpx.Headers, now: float = START) -> None:
    """Teach ``pacer`` the budget in ``headers`` through one request."""
    ticket(pacer.reserve(KEY, now=now)).settle(headers)


def state(pacer: RateLimitPacer) -> BucketState:
    found = pacer.state(KEY)
    assert found is not None
    return found


# --- the pacer on its own ---------------------------------------------------


def test_first_request_is_a_lone_probe(pacer: RateLimitPacer) -> None:
    probe = ticket(pacer.reserve(KEY, now=START))
    assert pacer.reserve(KEY, now=START) == Wait(POLL)
    probe.settle(budget(9, START + 1))
    assert isinstance(pacer.reserve(KEY, now=START), Ticket)


def test_a_key_without_rate_limit_headers_is_not_held_back(pacer: RateLimitPacer) -> None:
    learned(pacer, httpx.Headers())
    assert state(pacer).unmetered
    held = [ticket(pacer.reserve(KEY, now=START)) for _ in range(5)]
    assert state(pacer).in_flight == 5
    held[0].settle(budget(3, START + 1))
    assert not state(pacer).unmetered
    assert state(pacer).remaining == 3


def test_budget_is_reserved_before_sending(pacer: RateLimitPacer) -> None:
    learned(pacer, budget(1, START + 1))
    ticket(pacer.reserve(KEY, now=START))
    # Remaining was 1 and one request is in flight: the next one must wait,
    # re-checking soon because the answer in flight may free budget.
    assert pacer.reserve(KEY, now=START) == Wait(POLL, remaining=0, reset_at=START + 1)


def test_spent_budget_waits_until_the_reset(pacer: RateLimitPacer) -> None:
    learned(pacer, budget(0, START + 1))
    assert pacer.reserve(KEY, now=START + 0.25) == Wait(0.75, remaining=0, reset_at=START + 1)


def test_poll_never_outlasts_the_reset(pacer: RateLimitPacer) -> None:
    learned(pacer, budget(1, START + 1))
    ticket(pacer.reserve(KEY, now=START))
    # 1/128 s before the reset: shorter than a poll, and exact in binary.
    assert pacer.reserve(KEY, now=START + 1 - 1 / 128) == Wait(1 / 128, remaining=0, reset_at=START + 1)


def test_out_of_order_answers_keep_the_lowest_remaining(pacer: RateLimitPacer) -> None:
    learned(pacer, budget(5, START + 1))
    first, second = ticket(pacer.reserve(KEY, now=START)), ticket(pacer.reserve(KEY, now=START))
    second.settle(budget(3, START + 1))
    first.settle(budget(4, START + 1))  # processed earlier, arrived later
    assert state(pacer).remaining == 3


def test_answers_from_an_older_window_are_ignored(pacer: RateLimitPacer) -> None:
    learned(pacer, budget(4, START + 2))
    learned(pacer, budget(9, START + 1))
    assert state(pacer) == BucketState(limit=10, remaining=4, reset_at=START + 2, in_flight=0, unmetered=False)


def test_a_newer_window_is_adopted(pacer: RateLimitPacer) -> None:
    learned(pacer, budget(0, START + 1))
    learned(pacer, budget(7, START + 2, limit=20), now=START + 1)
    assert state(pacer) == BucketState(limit=20, remaining=7, reset_at=START + 2, in_flight=0, unmetered=False)


def test_limit_is_kept_when_later_answers_omit_it(pacer: RateLimitPacer) -> None:
    learned(pacer, budget(5, START + 1, limit=10))
    learned(pacer, budget(4, START + 1, limit=None))
    learned(pacer, budget(9, START + 2, limit=None), now=START + 1)
    assert state(pacer).limit == 10


def test_after_the_reset_the_limit_is_available_minus_in_flight(pacer: RateLimitPacer) -> None:
    learned(pacer, budget(0, START + 1, limit=3))
    later = START + 1.5
    for _ in range(3):
        ticket(pacer.reserve(KEY, now=later))
    assert pacer.reserve(KEY, now=later) == Wait(POLL, remaining=0, reset_at=START + 1)


def test_after_the_reset_an_unknown_limit_means_probing_again(pacer: RateLimitPacer) -> None:
    learned(pacer, budget(0, START + 1, limit=None))
    ticket(pacer.reserve(KEY, now=START + 2))
    assert pacer.reserve(KEY, now=START + 2) == Wait(POLL)


def test_failed_request_only_gives_its_reservation_back(pacer: RateLimitPacer) -> None:
    learned(pacer, budget(5, START + 1))
    ticket(pacer.reserve(KEY, now=START)).settle(None)
    assert state(pacer) == BucketState(limit=10, remaining=5, reset_at=START + 1, in_flight=0, unmetered=False)


def test_headerless_answer_does_not_unmeter_a_metered_key(pacer: RateLimitPacer) -> None:
    learned(pacer, budget(5, START + 1))
    learned(pacer, httpx.Headers())
    assert not state(pacer).unmetered
    assert state(pacer).remaining == 5


def test_settling_twice_counts_once(pacer: RateLimitPacer) -> None:
    one, _other = ticket(pacer.reserve(KEY, now=START)), pacer.force(KEY)
    one.settle(None)
    one.settle(None)
    assert state(pacer).in_flight == 1


def test_forced_ticket_counts_as_in_flight(pacer: RateLimitPacer) -> None:
    learned(pacer, budget(0, START + 1))
    pacer.force(KEY)
    assert state(pacer).in_flight == 1


def test_unknown_bucket_has_no_state(pacer: RateLimitPacer) -> None:
    assert pacer.state("never-used") is None


def _request(url: str = URL, **headers: str) -> httpx.Request:
    return httpx.Request("GET", url, headers=headers)


def test_bucket_id_is_a_hash_of_origin_and_credential() -> None:
    key = "fsk_live_abcdef"
    one = bucket_id(_request(**{"x-fastn-api-key": key}))
    assert one == bucket_id(_request(f"{BASE_URL}/workflows?x=1", **{"X-Fastn-Api-Key": key}))
    assert len(one) == 32
    assert key not in one
    assert one != bucket_id(_request(**{"x-fastn-api-key": "fsk_live_other"}))
    assert one != bucket_id(_request("http://localhost:4010/api/v1/customers", **{"x-fastn-api-key": key}))
    bearer = bucket_id(_request(authorization="Bearer jwt.one"))
    assert bearer != bucket_id(_request(authorization="Bearer jwt.two"))
    assert bucket_id(_request()) == bucket_id(_request(f"{BASE_URL}/other"))


# --- pacing through the transports --------------------------------------------

KEYED = {"x-fastn-api-key": "fsk_test_pacing"}


def spent_then_ok(reset_at: float) -> Script:
    return Script([httpx.Response(200, headers=budget(0, reset_at)), httpx.Response(200)])


def test_spent_budget_delays_the_next_request_sync(
    options: ClientOptions, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="fastn_client")
    events: list[PacingEvent] = []
    script = spent_then_ok(START + 2)
    transport = FastnTransport(script.transport(), options=attrs.evolve(options, on_pacing=events.append))
    with httpx.Client(transport=transport, headers=KEYED) as client:
        client.get(URL)
        client.get(URL)
    assert clock.sleeps == [2.0]
    assert events == [PacingEvent(method="GET", url=httpx.URL(URL), delay=2.0, remaining=0, reset_at=START + 2)]
    [line] = [record.getMessage() for record in caplog.records if record.name == "fastn_client"]
    assert "GET /api/v1/customers" in line and "2.00 s" in line


@pytest.mark.asyncio
async def test_spent_budget_delays_the_next_request_async(options: ClientOptions, clock: FakeClock) -> None:
    events: list[PacingEvent] = []
    script = spent_then_ok(START + 2)
    transport = AsyncFastnTransport(script.transport(), options=attrs.evolve(options, on_pacing=events.append))
    async with httpx.AsyncClient(transport=transport, headers=KEYED) as client:
        await client.get(URL)
        await client.get(URL)
    assert clock.sleeps == [2.0]
    assert [e.delay for e in events] == [2.0]


@pytest.mark.parametrize(
    ("reset_in", "changes"),
    [(90.0, {}), (30.0, {"retry_after_ceiling": 10.0})],
    ids=["over-default-ceiling", "over-custom-ceiling"],
)
def test_a_wait_over_the_ceiling_is_not_made_the_request_is_sent(
    options: ClientOptions,
    clock: FakeClock,
    caplog: pytest.LogCaptureFixture,
    reset_in: float,
    changes: dict[str, Any],
) -> None:
    caplog.set_level(logging.DEBUG, logger="fastn_client")
    script = spent_then_ok(START + reset_in)
    transport = FastnTransport(script.transport(), options=attrs.evolve(options, **changes))
    with httpx.Client(transport=transport, headers=KEYED) as client:
        client.get(URL)
        client.get(URL)
    assert script.attempts == 2
    assert clock.sleeps == []
    [line] = [record.getMessage() for record in caplog.records if record.name == "fastn_client"]
    assert "Not pacing GET /api/v1/customers" in line and f"{reset_in:.2f} s" in line


@pytest.mark.asyncio
async def test_a_wait_over_the_ceiling_is_not_made_async(options: ClientOptions, clock: FakeClock) -> None:
    script = spent_then_ok(START + 90)
    async with httpx.AsyncClient(
        transport=AsyncFastnTransport(script.transport(), options=options), headers=KEYED
    ) as c:
        await c.get(URL)
        await c.get(URL)
    assert script.attempts == 2
    assert clock.sleeps == []


@pytest.mark.parametrize(("reset_in", "deadline"), [(5.0, 4.0), (3600.0, 120.0)])
def test_doomed_request_a_wait_past_the_deadline_fails_at_once_and_sends_nothing(
    options: ClientOptions, clock: FakeClock, reset_in: float, deadline: float
) -> None:
    script = spent_then_ok(START + reset_in)
    transport = FastnTransport(script.transport(), options=attrs.evolve(options, deadline=deadline))
    with httpx.Client(transport=transport, headers=KEYED) as client:
        client.get(URL)
        with pytest.raises(APITimeoutError, match=rf"Waiting {reset_in:.2f} s for the rate-limit budget would pass"):
            client.get(URL)
    assert script.attempts == 1  # the second request was never sent
    assert clock.sleeps == []


@pytest.mark.asyncio
async def test_doomed_request_a_wait_past_the_deadline_fails_at_once_async(
    options: ClientOptions, clock: FakeClock
) -> None:
    script = spent_then_ok(START + 3600)
    async with httpx.AsyncClient(
        transport=AsyncFastnTransport(script.transport(), options=options), headers=KEYED
    ) as c:
        await c.get(URL)
        with pytest.raises(APITimeoutError, match="not sent"):
            await c.get(URL)
    assert script.attempts == 1
    assert clock.sleeps == []


def test_pacing_off_neither_waits_nor_keeps_state(
    options: ClientOptions, clock: FakeClock, pacer: RateLimitPacer
) -> None:
    script = spent_then_ok(START + 2)
    transport = FastnTransport(script.transport(), options=attrs.evolve(options, pacing=False))
    with httpx.Client(transport=transport, headers=KEYED) as client:
        client.get(URL)
        client.get(URL)
    assert clock.sleeps == []
    assert pacer.state(bucket_id(_request(**KEYED))) is None


def test_one_budget_is_shared_by_every_client_of_a_key(options: ClientOptions, clock: FakeClock) -> None:
    script = spent_then_ok(START + 2)
    first = httpx.Client(transport=FastnTransport(script.transport(), options=options), headers=KEYED)
    second = httpx.Client(transport=FastnTransport(script.transport(), options=options), headers=KEYED)
    with first, second:
        first.get(URL)
        second.get(URL)
    assert clock.sleeps == [2.0]


def test_budgets_of_different_keys_are_separate(options: ClientOptions, clock: FakeClock) -> None:
    script = spent_then_ok(START + 2)
    with httpx.Client(transport=FastnTransport(script.transport(), options=options)) as client:
        client.get(URL, headers={"x-fastn-api-key": "fsk_test_one"})
        client.get(URL, headers={"x-fastn-api-key": "fsk_test_two"})
    assert clock.sleeps == []


def test_default_options_use_the_process_wide_pacer(clock: FakeClock) -> None:
    headers = {"x-fastn-api-key": "fsk_test_shared_pacer_only_here"}
    options = ClientOptions(clock=clock, sleep=clock.sleep)
    script = Script([httpx.Response(200, headers=budget(8, START + 1))])
    with httpx.Client(transport=FastnTransport(script.transport(), options=options), headers=headers) as client:
        client.get(URL)
    shared = SHARED_PACER.state(bucket_id(_request(**headers)))
    assert shared is not None
    assert shared.remaining == 8
