"""Faults the client must ride out (or must not paper over), injected by the mock's admin routes.

Scripted faults (``POST /_mock/faults``) hit the next requests that match them; the queue of
pending ones (``GET /_mock/faults``) shows how many requests the server actually saw. The
client's sleeps are recorded, never slept; ``on_retry`` reports every retry it decides.
"""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any

import httpx
import pytest
from fastn_client import (
    APIConnectionError,
    APITimeoutError,
    AuthenticatedClient,
    InternalServerError,
)
from fastn_client.api.customers import create_customer, get_customer, list_customers
from fastn_client.models.customer import Customer
from fastn_client.models.customer_create import CustomerCreate

from .conftest import ClientFactory, MockServer, Recorder
from .e2e_kit import BreakingServer, all_items


def _customer(client: AuthenticatedClient, slug: str = "acme") -> Customer:
    return create_customer.sync(
        client=client, body=CustomerCreate(name="Acme", slug=slug, admin_email=f"ops@{slug}.example")
    )


def test_two_503s_on_a_read_are_retried(mock: MockServer, client: AuthenticatedClient, recorder: Recorder) -> None:
    """The next two GETs of a customer answer 503 (Retry-After: 1): ``sync()`` still returns the
    customer, after two retries that each waited the second the server asked for."""
    customer = _customer(client)
    mock.inject({"path": f"/api/v1/customers/{customer.id}", "method": "GET", "status": 503, "count": 2})

    assert get_customer.sync(customer.id, client=client).to_dict() == customer.to_dict()

    assert [(event.attempt, event.status_code, event.retry_after) for event in recorder.retries] == [
        (1, 503, 1.0),
        (2, 503, 1.0),
    ]
    assert all(event.method == "GET" and event.url.path.endswith(str(customer.id)) for event in recorder.retries)
    assert recorder.sleeps == [1.0, 1.0]
    assert mock.pending_faults() == []


def test_429_retry_after_is_honoured(mock: MockServer, client: AuthenticatedClient, recorder: Recorder) -> None:
    """A read answered 429 with Retry-After: 7 is retried after exactly 7 seconds, and succeeds."""
    customer = _customer(client)
    mock.inject({"operationId": "listCustomers", "status": 429, "retryAfter": 7})

    page = list_customers.sync(client=client)

    assert [item.id for item in page.data] == [customer.id]
    assert [(event.status_code, event.retry_after, event.delay) for event in recorder.retries] == [(429, 7.0, 7.0)]
    assert recorder.sleeps == [7.0]


def test_post_answered_500_is_retried_with_its_idempotency_key_and_creates_once(
    mock: MockServer, client: AuthenticatedClient, recorder: Recorder
) -> None:
    """A create answered 500 twice is retried (it carries the client's Idempotency-Key, one for all
    attempts), and the third attempt creates: the user gets the customer, and exactly one exists."""
    mock.inject({"operationId": "createCustomer", "status": 500, "count": 2})

    created = _customer(client)

    assert [event.status_code for event in recorder.retries] == [500, 500]
    assert mock.pending_faults() == []
    assert [item.id for item in all_items(list_customers.sync, client)] == [created.id]


def test_post_without_an_idempotency_key_answered_500_is_not_retried(
    mock: MockServer, make_client: ClientFactory, recorder: Recorder
) -> None:
    """Without a key (``idempotency_keys=False``), a create answered 500 raises InternalServerError
    at once: a duplicate create is worse than an error, so the server saw exactly one create request
    and holds no customer; creating again afterwards makes exactly one."""
    client = make_client(idempotency_keys=False)
    mock.inject({"operationId": "createCustomer", "status": 500, "count": 2})

    with pytest.raises(InternalServerError) as caught:
        _customer(client)

    assert (caught.value.status_code, caught.value.code) == (500, "INTERNAL_ERROR")
    assert recorder.retries == [] and recorder.sleeps == []
    pending = mock.pending_faults()
    assert [fault["count"] for fault in pending] == [1], "the server saw one create, not more"
    assert all_items(list_customers.sync, client) == []

    mock.clear_faults()
    created = _customer(client)
    assert [item.id for item in all_items(list_customers.sync, client)] == [created.id]


def test_post_answered_429_is_retried_once(mock: MockServer, client: AuthenticatedClient, recorder: Recorder) -> None:
    """A create answered 429 was provably not processed, so the client retries it after
    Retry-After: the user gets the customer, and exactly one exists."""
    mock.inject({"operationId": "createCustomer", "status": 429, "retryAfter": 2})

    created = _customer(client)

    assert [(event.method, event.status_code, event.delay) for event in recorder.retries] == [("POST", 429, 2.0)]
    assert [item.id for item in all_items(list_customers.sync, client)] == [created.id]
    assert mock.pending_faults() == []


def test_dropped_connection_on_a_read_is_retried(
    mock: MockServer, client: AuthenticatedClient, recorder: Recorder
) -> None:
    """The server drops the connection in the middle of answering a GET: the client retries the
    read and returns the customer (a GET is safe to repeat)."""
    customer = _customer(client)
    mock.inject({"operationId": "getCustomer", "drop": True})

    fetched = get_customer.sync(customer.id, client=client)

    assert fetched.to_dict() == customer.to_dict()
    assert len(recorder.retries) == 1
    assert recorder.retries[0].status_code is None and recorder.retries[0].error is not None
    assert mock.pending_faults() == []


def test_dropped_connection_on_a_create_is_retried_and_creates_once(
    mock: MockServer, client: AuthenticatedClient, recorder: Recorder
) -> None:
    """The server drops the connection of a create: with its Idempotency-Key the client sends it
    again, and the user gets the one customer that exists."""
    mock.inject({"operationId": "createCustomer", "drop": True})

    created = _customer(client)

    assert len(recorder.retries) == 1 and isinstance(recorder.retries[0].error, httpx.TransportError)
    assert [item.id for item in all_items(list_customers.sync, client)] == [created.id]


def test_dropped_connection_on_a_create_without_a_key_is_a_connection_error(
    mock: MockServer, make_client: ClientFactory, recorder: Recorder
) -> None:
    """Without a key, the client may not repeat a create whose connection dropped (it may have
    been processed), and the user gets APIConnectionError, not a raw httpx exception."""
    client = make_client(idempotency_keys=False)
    mock.inject({"operationId": "createCustomer", "drop": True})

    with pytest.raises(APIConnectionError) as caught:
        _customer(client)

    assert isinstance(caught.value.__cause__, httpx.TransportError)
    assert recorder.retries == []


HANG = 10.0
"""Seconds after which a wait that should end at once counts as a hang: far beyond any delay load causes."""


class HeldReplies:
    """The mock's latency sleep, replaced: each delayed request is held until `release`.

    A held request is answered only after the test, so the client's own timeout is the only thing
    that can end an attempt, however slow the machine. `release` waits until the held requests have
    finished: one delayed by a real latency could finish during a later test and count as its call.
    """

    def __init__(self) -> None:
        self._held: list[tuple[asyncio.AbstractEventLoop, asyncio.Event, asyncio.Task[Any]]] = []
        self._arrived = threading.Condition()

    async def __call__(self, seconds: float) -> None:
        task = asyncio.current_task()
        assert task is not None
        released = asyncio.Event()
        with self._arrived:
            self._held.append((asyncio.get_running_loop(), released, task))
            self._arrived.notify_all()
        await released.wait()

    def wait_for(self, count: int) -> bool:
        """Whether ``count`` requests are held (waiting up to `HANG` seconds for them)."""
        with self._arrived:
            return self._arrived.wait_for(lambda: len(self._held) >= count, timeout=HANG)

    def release(self) -> None:
        """Let the held requests go on, and wait until they are finished."""
        with self._arrived:
            held, self._held = self._held, []
        for loop, released, task in held:
            loop.call_soon_threadsafe(released.set)
            asyncio.run_coroutine_threadsafe(asyncio.wait({task}), loop).result(timeout=HANG)


def test_slow_read_times_out_after_retries(
    mock: MockServer, make_client: ClientFactory, recorder: Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reads the server holds past the client's 0.2 s timeout: with one retry allowed, the user gets
    APITimeoutError after two attempts of 0.2 s each, chained from httpx's ReadTimeout."""
    client = make_client(timeout=httpx.Timeout(0.2, connect=2.0), max_retries=1)
    customer = _customer(client)
    held = HeldReplies()
    monkeypatch.setattr(mock.app, "sleep", held)
    mock.inject({"operationId": "getCustomer", "latencyMs": 1000, "count": 2})

    try:
        started = time.monotonic()
        with pytest.raises(APITimeoutError) as caught:
            get_customer.sync(customer.id, client=client)
        elapsed = time.monotonic() - started
        assert held.wait_for(2), "the server did not receive both attempts"
    finally:
        held.release()

    assert isinstance(caught.value.__cause__, httpx.ReadTimeout)
    assert caught.value.request.method == "GET"
    assert len(recorder.retries) == 1 and isinstance(recorder.retries[0].error, httpx.ReadTimeout)
    assert recorder.sleeps == [recorder.retries[0].delay]  # the backoff was the injected sleep, not a real one
    # Each attempt waited its 0.2 s (load can only make that longer); the upper bound catches a hang.
    assert 0.35 < elapsed < HANG, f"two attempts of 0.2 s each took {elapsed:.2f} s"
    assert mock.pending_faults() == []


def test_flaky_server_is_ridden_out(mock: MockServer, make_client: ClientFactory, recorder: Recorder) -> None:
    """Half of all requests fail at random with 502/503/504 (seeded): with enough retries, each of
    20 reads still returns the customer, and the retries show the failures were real."""
    client = make_client(max_retries=12)
    customer = _customer(client)
    mock.inject(errorRate=0.5, errorStatuses=[502, 503, 504], seed=7)

    for _ in range(20):
        assert get_customer.sync(customer.id, client=client).id == customer.id

    assert len(recorder.retries) >= 5
    assert {event.status_code for event in recorder.retries} <= {502, 503, 504}


def test_answer_broken_off_mid_body_is_retried(make_client: ClientFactory, recorder: Recorder) -> None:
    """A GET's answer breaks off after its headers, part-way through the body (a proxy or server
    dying mid-write): the client retries the read, as it does for any broken exchange, and returns
    the customer."""
    client = make_client()
    customer = _customer(client)
    body = get_customer.sync_detailed(customer.id, client=client).content

    with BreakingServer(body, breaks=1) as server:
        fetched = get_customer.sync(customer.id, client=make_client(base_url=server.base_url))

    assert fetched.to_dict() == customer.to_dict()
    assert server.requests == 2
    assert len(recorder.retries) == 1 and isinstance(recorder.retries[0].error, httpx.TransportError)


def test_answers_always_broken_off_raise_a_connection_error(make_client: ClientFactory, recorder: Recorder) -> None:
    """When every answer breaks off mid-body, the user gets the client's APIConnectionError once
    the retries are spent, chained from the httpx error, never the raw httpx exception."""
    client = make_client()
    customer = _customer(client)
    body = get_customer.sync_detailed(customer.id, client=client).content

    with BreakingServer(body, breaks=10) as server, pytest.raises(APIConnectionError) as caught:
        get_customer.sync(customer.id, client=make_client(base_url=server.base_url))

    assert isinstance(caught.value.__cause__, httpx.TransportError)
    assert server.requests == 3
    assert len(recorder.retries) == 2
