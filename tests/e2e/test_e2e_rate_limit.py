"""Rate limiting end to end, against a mock allowing `LIMITED_RATE` requests per minute per key.

The mock and the client read one `ManualClock`: the client's injected sleep moves it, so when
pacing (or a retry) waits for the window to reset, the mock's window really rolls over, at no
real cost in time.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastn_client import RateLimitError
from fastn_client.api.customers import create_customer, list_customers
from fastn_client.models.customer_create import CustomerCreate
from fastn_mock import VIEWER_API_KEY

from .conftest import LIMITED_RATE, ClientFactory, MockServer, Recorder

CALLS = 3 * LIMITED_RATE + 2
"""More calls than three windows' budgets."""


@pytest.fixture
def clocked(limited_mock: MockServer) -> Recorder:
    """A recorder whose sleeps move the rate-limited mock's clock."""
    return Recorder(clock=limited_mock.clock)


@pytest.fixture
def make_limited_client(limited_mock: MockServer, clocked: Recorder) -> Iterator[ClientFactory]:
    """Clients of the rate-limited mock, sharing its clock."""
    factory = ClientFactory(limited_mock, clocked)
    yield factory
    factory.close()


def test_pacing_never_collects_a_429(make_limited_client: ClientFactory, clocked: Recorder) -> None:
    """A user makes more calls than the per-minute budget with pacing on: every call succeeds,
    none is ever answered 429 (no retry happens), and the client waited for each window's reset
    instead, the first wait lasting exactly until the reset the server announced."""
    client = make_limited_client()
    started = clocked.now()

    responses = [list_customers.sync_detailed(client=client) for _ in range(CALLS)]

    assert [response.status_code for response in responses] == [200] * CALLS
    assert clocked.retries == []
    limits = [response.rate_limit for response in responses if response.rate_limit is not None]
    assert len(limits) == CALLS, "every response reports the budget"
    assert {limit.limit for limit in limits} == {LIMITED_RATE}
    assert [limit.remaining for limit in limits] == [LIMITED_RATE - 1 - n % LIMITED_RATE for n in range(CALLS)]

    assert len(clocked.pacing) == CALLS // LIMITED_RATE
    assert clocked.pacing[0].delay == pytest.approx(limits[0].reset_at - started)
    assert (clocked.pacing[0].remaining, clocked.pacing[0].reset_at) == (0, limits[0].reset_at)
    assert clocked.sleeps == [event.delay for event in clocked.pacing]
    assert all(0 < delay <= 60 for delay in clocked.sleeps)


def test_without_pacing_or_retries_the_429_reaches_the_user(
    make_limited_client: ClientFactory, clocked: Recorder
) -> None:
    """With pacing and retries off, the call after the budget raises RateLimitError carrying the
    Retry-After (seconds until the window resets) and the server's RATE_LIMITED code."""
    client = make_limited_client(pacing=False, max_retries=0)
    for _ in range(LIMITED_RATE):
        list_customers.sync(client=client)
    last = list_customers.sync_detailed(client=client)
    assert last.status_code == 429
    reset_at = last.rate_limit.reset_at if last.rate_limit is not None else None

    with pytest.raises(RateLimitError) as caught:
        list_customers.sync(client=client)

    error = caught.value
    assert (error.status_code, error.code) == (429, "RATE_LIMITED")
    assert error.retry_after is not None and 0 < error.retry_after <= 60
    assert reset_at is not None and error.retry_after == pytest.approx(reset_at - clocked.now(), abs=1.0)
    assert clocked.sleeps == [] and clocked.retries == [] and clocked.pacing == []


def test_without_pacing_a_429_is_retried_after_the_reset(make_limited_client: ClientFactory, clocked: Recorder) -> None:
    """With pacing off but retries on, the call over the budget is answered 429, retried after
    exactly the Retry-After the server sent, and succeeds in the next window."""
    client = make_limited_client(pacing=False)
    for _ in range(LIMITED_RATE):
        list_customers.sync(client=client)

    response = list_customers.sync_detailed(client=client)

    assert response.status_code == 200
    assert response.rate_limit is not None and response.rate_limit.remaining == LIMITED_RATE - 1
    assert [(event.status_code, event.delay) for event in clocked.retries] == [(429, clocked.sleeps[0])]
    assert clocked.retries[0].retry_after == clocked.sleeps[0] > 0


def test_budgets_are_per_key(make_limited_client: ClientFactory, clocked: Recorder) -> None:
    """Spending the owner key's budget does not touch another key's: a viewer key still has its
    full budget, and neither client waits or is refused."""
    owner = make_limited_client()
    viewer = make_limited_client(token=VIEWER_API_KEY)
    owner_seen = [list_customers.sync_detailed(client=owner).rate_limit for _ in range(LIMITED_RATE)]
    viewer_seen = list_customers.sync_detailed(client=viewer).rate_limit

    assert [limit.remaining for limit in owner_seen if limit is not None] == list(range(LIMITED_RATE - 1, -1, -1))
    assert viewer_seen is not None and viewer_seen.remaining == LIMITED_RATE - 1
    assert clocked.pacing == [] and clocked.retries == []


def test_writes_are_paced_too(make_limited_client: ClientFactory, clocked: Recorder) -> None:
    """Creates over the budget are held back by pacing as reads are: every create succeeds once,
    none is refused, and the list shows them all."""
    client = make_limited_client()
    created = [
        create_customer.sync(
            client=client, body=CustomerCreate(name=f"C{n}", slug=f"c-{n}", admin_email=f"c{n}@example.com")
        ).id
        for n in range(LIMITED_RATE + 2)
    ]

    page = list_customers.sync(client=client, limit=100)

    assert [item.id for item in page.data] == created
    assert clocked.retries == []
    assert len(clocked.pacing) == 1
