"""The resource client against the mock over loopback: the README's flow, lost replies, and 1,000 calls under faults.

Clients are the generated ``Fastn`` / ``AsyncFastn`` around this suite's recording clients (fake
sleeps, the test's own pacer), except the README test, which runs the README's own code as a user
would, in a process of its own with only the environment set.
"""

from __future__ import annotations

import asyncio
import os
import random
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any
from uuid import UUID

import httpx
import pytest
from fastn_client import (
    APIConnectionError,
    AsyncFastn,
    AuthenticatedClient,
    ClientOptions,
    ConflictError,
    Fastn,
    FastnError,
    NotFoundError,
)
from fastn_client.lib.pacing import RateLimitPacer
from fastn_client.models import Execution
from fastn_mock import DEFAULT_API_KEY, DEFAULT_SPACE_ID

from .conftest import ClientFactory, MockServer, Recorder

ROOT = Path(__file__).resolve().parents[2]


def _fastn(make_client: ClientFactory, **kwargs: Any) -> Fastn:
    return Fastn(http_client=make_client(**kwargs))


def _readme_quick_start() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Using the Python client") :]
    match = re.search(r"```python\n(.*?)```", section, re.S)
    assert match is not None, "README.md's 'Using the Python client' has no python block"
    return match.group(1)


@pytest.mark.slow  # a process of its own, and the README's waits are real (a few seconds)
def test_the_readme_quick_start_runs_as_written(mock: MockServer) -> None:
    code = _readme_quick_start()
    assert len(code.strip().splitlines()) < 15, "the quick start must stay under 15 lines"
    env = {
        **os.environ,
        "FASTN_API_KEY": DEFAULT_API_KEY,
        "FASTN_SPACE_ID": DEFAULT_SPACE_ID,
        "FASTN_BASE_URL": mock.base_url,
    }
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "Acme active" in lines
    assert "completed" in lines
    assert lines[-1].startswith("404 NOT_FOUND: ") and f"GET {mock.base_url}/api/v1/customers/" in lines[-1]


def test_the_readme_flow_with_the_resource_client(mock: MockServer, make_client: ClientFactory) -> None:
    """Create, list all across pages, run and wait in one call, handle an error: as the README does."""
    client = _fastn(make_client)
    created = [
        client.customers.create(name=f"Acme {n}", slug=f"acme-{n}", admin_email=f"ops{n}@acme.example")
        for n in range(7)
    ]
    assert [each.id for each in client.customers.list(limit=3)] == [customer.id for customer in created]
    flow = client.workflows.create(name="Sync orders", slug="sync-orders", execution_tier="standard")
    execution = client.workflows.run(flow.id, input={"since": "2026-11-01"}, wait=True)
    assert isinstance(execution, Execution) and execution.status == "completed"
    assert client.executions.get(execution.id).status == "completed"
    client.customers.delete(created[0].id)
    with pytest.raises(NotFoundError) as caught:
        client.customers.get(created[0].id)
    assert caught.value.code == "NOT_FOUND" and caught.value.request_id


def test_the_same_flow_with_the_async_client(mock: MockServer, recorder: Recorder) -> None:
    options = ClientOptions(
        pacer=RateLimitPacer(), clock=recorder.now, sleep=recorder.sleep, async_sleep=recorder.async_sleep
    )

    async def flow() -> None:
        base = AuthenticatedClient(
            base_url=mock.base_url, token=DEFAULT_API_KEY, space_id=DEFAULT_SPACE_ID, options=options
        )
        async with AsyncFastn(http_client=base) as client:
            for n in range(3):
                await client.customers.create(name=f"Acme {n}", slug=f"acme-{n}", admin_email=f"a{n}@acme.example")
            assert [each.slug async for each in client.customers.list(limit=2)] == ["acme-0", "acme-1", "acme-2"]
            flow = await client.workflows.create(name="Sync", slug="sync", execution_tier="standard")
            execution = await client.workflows.run(flow.id, wait=True)
            assert isinstance(execution, Execution) and execution.status == "completed"
            build = await client.ai.build(kind="connector", prompt="A Stripe invoices connector", wait=True)
            assert build.status == "PLANNED"  # it waits for the caller: generate is the next step
            generated = await client.ai.generate(build.id, wait=True)
            assert generated.status == "GENERATED"
            assert (await client.ai.deploy(build.id)).status == "DEPLOYED"

    asyncio.run(flow())


# --------------------------------------------------------------------------- writes whose answer is lost


@pytest.mark.parametrize("fault", ["loseReply", "truncate"])
def test_a_create_whose_answer_was_lost_is_retried_and_exists_once(
    mock: MockServer, make_client: ClientFactory, recorder: Recorder, fault: str
) -> None:
    """The create was applied but its answer never arrived: the retry, with the same Idempotency-Key,
    gets the first answer replayed, and the user gets the one customer that exists."""
    client = _fastn(make_client)
    mock.inject({"operationId": "createCustomer", fault: True})
    created = client.customers.create(name="Acme", slug="acme", admin_email="ops@acme.example")
    assert len(recorder.retries) == 1
    assert [each.id for each in client.customers.list()] == [created.id]


@pytest.mark.parametrize("fault", ["loseReply", "truncate"])
def test_by_default_a_lost_create_is_not_retried_and_its_key_recovers_it_by_hand(
    mock: MockServer, make_client: ClientFactory, recorder: Recorder, fault: str
) -> None:
    """A service whose honouring of keys is unproven: the POST is not sent again, but the error carries
    the key it was sent with, and a retry by hand with that key gets the one customer that exists."""
    client = _fastn(make_client, trust_idempotency_keys=False)
    mock.inject({"operationId": "createCustomer", fault: True})
    with pytest.raises(APIConnectionError) as lost:
        client.customers.create(name="Acme", slug="acme", admin_email="ops@acme.example")
    assert recorder.retries == []
    key = lost.value.idempotency_key
    assert key is not None and key == lost.value.request.idempotency_key
    again = client.customers.create(name="Acme", slug="acme", admin_email="ops@acme.example", idempotency_key=key)
    assert [each.id for each in client.customers.list()] == [again.id]


@pytest.mark.parametrize("trusted", [False, True])
def test_a_retried_put_that_landed_reports_success_not_version_mismatch(
    mock: MockServer, make_client: ClientFactory, recorder: Recorder, trusted: bool
) -> None:
    """The update was applied, its answer lost; the retry meets 409 VERSION_MISMATCH (the first attempt
    moved the revision). The client checks: the customer holds exactly its write, so the update succeeded."""
    client = _fastn(make_client, trust_idempotency_keys=trusted)
    customer = client.customers.create(name="Acme", slug="acme", admin_email="ops@acme.example")
    mock.inject({"operationId": "updateCustomer", "loseReply": True})
    updated = client.customers.update(customer.id, revision=customer.revision, name="Acme Corp.")
    assert len(recorder.retries) == 1
    assert (updated.name, updated.revision) == ("Acme Corp.", customer.revision + 1)


def test_a_retried_put_that_lost_to_another_writer_still_raises_the_conflict(
    mock: MockServer, make_client: ClientFactory
) -> None:
    """The 409 after a lost answer is checked, not assumed away: another write in between is a conflict."""
    client = _fastn(make_client)
    customer = client.customers.create(name="Acme", slug="acme", admin_email="ops@acme.example")
    other = _fastn(make_client, max_retries=0)
    other.customers.update(customer.id, revision=customer.revision, name="Someone else's")
    mock.inject({"operationId": "updateCustomer", "status": 503, "count": 1})  # then a retry meets the 409
    with pytest.raises(ConflictError) as conflict:
        client.customers.update(customer.id, revision=customer.revision, name="Acme Corp.")
    assert conflict.value.code == "VERSION_MISMATCH"


def test_without_idempotency_keys_a_lost_create_answer_is_an_error_and_the_customer_exists(
    mock: MockServer, make_client: ClientFactory
) -> None:
    client = _fastn(make_client, idempotency_keys=False)
    mock.inject({"operationId": "createCustomer", "loseReply": True})
    with pytest.raises(APIConnectionError):
        client.customers.create(name="Acme", slug="acme", admin_email="ops@acme.example")
    assert [each.slug for each in client.customers.list()] == ["acme"]


def test_a_delete_whose_answer_was_lost_succeeds(mock: MockServer, make_client: ClientFactory) -> None:
    """The first attempt deleted; the retry finds nothing. A delete that succeeded is no NotFoundError."""
    client = _fastn(make_client)
    customer = client.customers.create(name="Acme", slug="acme", admin_email="ops@acme.example")
    mock.inject({"operationId": "deleteCustomer", "loseReply": True})
    client.customers.delete(customer.id)
    assert list(client.customers.list()) == []


# --------------------------------------------------------------------------- 1,000 calls under faults


@pytest.mark.slow  # 1,000 calls over loopback (about 10 s)
def test_a_thousand_mixed_calls_under_faults_succeed_or_raise_typed_errors_and_create_nothing_twice(
    mock: MockServer, make_client: ClientFactory, recorder: Recorder
) -> None:
    """5xx, dropped connections, lost and truncated replies after writes, all at random (seeded):
    every call succeeds or raises a FastnError after its retries, and no resource is created twice."""
    mock.inject(
        errorRate=0.1, errorStatuses=[500, 502, 503], dropRate=0.05, loseReplyRate=0.05, truncateRate=0.05, seed=11
    )
    client = _fastn(make_client, timeout=httpx.Timeout(5.0), max_retries=4)
    rng = random.Random(5)  # a reproducible mix
    outcomes: Counter[str] = Counter()
    made: list[UUID] = []
    for n in range(1000):
        kind = rng.choice(["create", "create", "list", "get", "update", "delete"])
        try:
            if kind == "create" or not made:
                made.append(client.customers.create(name=f"C{n}", slug=f"c-{n}", admin_email=f"c{n}@x.example").id)
            elif kind == "list":
                client.customers.list(limit=5)
            elif kind == "get":
                client.customers.get(rng.choice(made))
            elif kind == "update":
                target = rng.choice(made)
                current = client.customers.get(target)
                client.customers.update(target, revision=current.revision, name=f"C{n}!")
            else:
                client.customers.delete(made.pop(rng.randrange(len(made))))
            outcomes["ok"] += 1
        except FastnError as error:
            outcomes[type(error).__name__] += 1
    mock.clear_faults()
    slugs = [customer.slug for customer in client.customers.list(limit=100)]
    assert len(slugs) == len(set(slugs)), "a customer was created twice"
    assert sorted(slugs, key=lambda slug: int(slug[2:])) == slugs
    assert outcomes["ok"] >= 950, outcomes  # retries save almost everything; the rest is typed
    assert sum(outcomes.values()) == 1000
    print(f"1,000 calls under faults: {dict(outcomes)}, {len(recorder.retries)} retries, {len(slugs)} customers left")
    assert len(recorder.retries) > 100, "the faults did strike"
