"""The async client (``asyncio()`` / ``asyncio_detailed()``) over real HTTP, as an asyncio user."""

from __future__ import annotations

import asyncio

import pytest
from fastn_client import ConflictError, NotFoundError
from fastn_client.api.customers import (
    create_customer,
    delete_customer,
    get_customer,
    list_customers,
    update_customer,
)
from fastn_client.models.customer_create import CustomerCreate
from fastn_client.models.customer_update import CustomerUpdate

from .conftest import ClientFactory, MockServer, Recorder


@pytest.mark.asyncio
async def test_async_customer_lifecycle(make_client: ClientFactory) -> None:
    """An asyncio user creates a customer, reads it, renames it (and fails with a stale revision),
    deletes it, and then gets NotFoundError."""
    async with make_client() as client:
        created = await create_customer.asyncio(
            client=client, body=CustomerCreate(name="Acme", slug="acme", admin_email="ops@acme.example")
        )
        assert (await get_customer.asyncio(created.id, client=client)).to_dict() == created.to_dict()

        renamed = await update_customer.asyncio(
            created.id, client=client, body=CustomerUpdate(revision=1, name="Acme Corp")
        )
        assert (renamed.name, renamed.revision) == ("Acme Corp", 2)
        with pytest.raises(ConflictError) as stale:
            await update_customer.asyncio(created.id, client=client, body=CustomerUpdate(revision=1, name="Stale"))
        assert stale.value.code == "VERSION_MISMATCH"

        await delete_customer.asyncio(created.id, client=client)
        with pytest.raises(NotFoundError):
            await get_customer.asyncio(created.id, client=client)
        detailed = await get_customer.asyncio_detailed(created.id, client=client)
        assert detailed.status_code == 404
        assert detailed.rate_limit is not None


@pytest.mark.asyncio
async def test_async_reads_ride_out_503s(mock: MockServer, make_client: ClientFactory, recorder: Recorder) -> None:
    """An asyncio user's read answered 503 once is retried with the injected async sleep (never a
    real one) and returns the customer."""
    async with make_client() as client:
        created = await create_customer.asyncio(
            client=client, body=CustomerCreate(name="Acme", slug="acme", admin_email="ops@acme.example")
        )
        mock.inject({"operationId": "getCustomer", "status": 503})

        fetched = await get_customer.asyncio(created.id, client=client)

    assert fetched.id == created.id
    assert [(event.status_code, event.delay) for event in recorder.retries] == [(503, 1.0)]
    assert recorder.sleeps == [1.0]


@pytest.mark.asyncio
async def test_concurrent_async_creates_all_land(make_client: ClientFactory, recorder: Recorder) -> None:
    """Ten creates sent concurrently from one async client all succeed, each exactly once (the
    first goes alone as the pacer's probe of the key's budget, the others wait for its answer)."""
    async with make_client() as client:
        created = await asyncio.gather(
            *(
                create_customer.asyncio(
                    client=client, body=CustomerCreate(name=f"C{n}", slug=f"c-{n}", admin_email=f"c{n}@example.com")
                )
                for n in range(10)
            )
        )
        listed = await list_customers.asyncio(client=client, limit=100)

    assert sorted(str(item.id) for item in listed.data) == sorted(str(item.id) for item in created)
    assert {item.slug for item in listed.data} == {f"c-{n}" for n in range(10)}
    # The first request of a key goes alone, as a probe of its budget; the other nine wait for it.
    assert len(recorder.pacing) >= 9 and recorder.retries == []
