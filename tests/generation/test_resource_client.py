"""The generated resource client (Fastn, AsyncFastn) over httpx.MockTransport: what a user writes, what is sent.

Answers are the spec's own examples (components/examples), so every parse is of a body the
document promises; the end-to-end flow against the mock is tests/e2e/test_e2e_resource_client.py.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any
from uuid import UUID

import fastn_spec
import httpx
import pytest
from fastn_client import (
    EXECUTION_STATUS_FINAL,
    AsyncFastn,
    AuthenticatedClient,
    ClientInputError,
    ClientOptions,
    Fastn,
    NotFoundError,
    SyncPage,
    WaitTimeoutError,
)
from fastn_client.api.customers import CustomersResource
from fastn_client.models import Customer, CustomerCreate, Execution
from fastn_client.types import Response
from runtime_fakes import FakeClock

ROOT = Path(__file__).resolve().parents[2]

EXAMPLES = fastn_spec.load(ROOT / "openapi" / "fastn.yaml")["components"]["examples"]
KEY = "fsk_test_0123456789abcdef0123456789abcdef"
ENV = {"FASTN_API_KEY": KEY, "FASTN_SPACE_ID": "space-1", "FASTN_BASE_URL": "https://fastn.test"}
Handler = Callable[[httpx.Request], httpx.Response]


def example(name: str, **changes: Any) -> dict[str, Any]:
    value: dict[str, Any] = json.loads(json.dumps(EXAMPLES[name]["value"]))
    value.update(changes)
    return value


class Server:
    """Scripted answers (one per request, or a function of the request), every request recorded."""

    def __init__(self, *answers: httpx.Response | Handler) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        return answer(request) if callable(answer) else answer

    def bodies(self) -> list[Any]:
        return [json.loads(request.content) if request.content else None for request in self.requests]


def fastn(server: Server, clock: FakeClock | None = None, **kwargs: Any) -> Fastn:
    clock = clock or FakeClock()
    options = ClientOptions(max_retries=0, pacing=False, clock=clock, sleep=clock.sleep, async_sleep=clock.async_sleep)
    transport = httpx.MockTransport(server)
    client = AuthenticatedClient(
        base_url="https://fastn.test", token=KEY, options=options, httpx_args={"transport": transport}
    )
    return Fastn(http_client=client, **kwargs)


def async_fastn(server: Server, clock: FakeClock) -> AsyncFastn:
    options = ClientOptions(max_retries=0, pacing=False, clock=clock, sleep=clock.sleep, async_sleep=clock.async_sleep)
    transport = httpx.MockTransport(server)
    client = AuthenticatedClient(
        base_url="https://fastn.test", token=KEY, options=options, httpx_args={"transport": transport}
    )
    return AsyncFastn(http_client=client)


CUSTOMER = example("Customer")
CREATED = httpx.Response(201, json=CUSTOMER)


# --------------------------------------------------------------------------- construction


def test_fastn_reads_the_environment_and_explicit_arguments_win() -> None:
    client = Fastn(environ=ENV)
    assert (client.client.token, client.client.space_id) == (KEY, "space-1")
    assert str(client.client.get_httpx_client().base_url) == "https://fastn.test"
    explicit = Fastn(api_key="fsk_test_other", space_id="space-2", stage="DRAFT", timeout=3.0, environ=ENV)
    assert (explicit.client.token, explicit.client.space_id, explicit.client.stage) == (
        "fsk_test_other",
        "space-2",
        "DRAFT",
    )
    assert explicit.client.get_httpx_client().timeout.read == 3.0
    assert Fastn(environ=ENV, timeout=None).client.get_httpx_client().timeout.read is None
    assert KEY not in repr(client) and repr(client).startswith("Fastn(")


def test_fastn_without_a_key_names_api_key_and_the_variable() -> None:
    with pytest.raises(ClientInputError, match=r"no API key: pass api_key=\.\.\. or set FASTN_API_KEY") as raised:
        Fastn(environ={})
    assert raised.value.argument == "api_key" and isinstance(raised.value, ValueError)
    with pytest.raises(ClientInputError, match="api_key="):
        AsyncFastn(environ={})


def test_one_attribute_per_resource_each_made_once() -> None:
    client = Fastn(environ=ENV)
    names = ["customers", "connectors", "connections", "workflows", "triggers", "executions", "users", "roles"]
    for name in [*names, "api_keys", "secrets", "billing", "audit", "ai"]:
        assert getattr(client, name) is getattr(client, name)
    assert isinstance(client.customers, CustomersResource)


# --------------------------------------------------------------------------- bodies


def test_a_body_as_keyword_arguments_a_dict_or_a_model_sends_the_same_json() -> None:
    server = Server(CREATED)
    client = fastn(server)
    created = client.customers.create(
        name="Acme Corporation", slug="acme-customer", admin_email="ops@acme.example", plan="growth"
    )
    client.customers.create(
        {"name": "Acme Corporation", "slug": "acme-customer", "adminEmail": "ops@acme.example", "plan": "growth"}
    )
    client.customers.create(
        CustomerCreate(name="Acme Corporation", slug="acme-customer", admin_email="ops@acme.example", plan="growth")
    )
    assert isinstance(created, Customer) and created.id == UUID(CUSTOMER["id"])
    first, *others = server.bodies()
    assert first == {
        "name": "Acme Corporation",
        "slug": "acme-customer",
        "adminEmail": "ops@acme.example",
        "plan": "growth",
    }
    assert others == [first, first]
    keys = [request.headers["idempotency-key"] for request in server.requests]
    assert len(set(keys)) == 3  # a fresh key for each create


def test_a_callers_idempotency_key_is_sent_as_given() -> None:
    server = Server(CREATED)
    fastn(server).customers.create(name="A", slug="a", admin_email="a@example.com", idempotency_key="order-42")
    assert server.requests[0].headers["idempotency-key"] == "order-42"


def test_reserved_words_are_plain_keyword_arguments_and_free_form_input_a_dict() -> None:
    server = Server(httpx.Response(202, json=example("PendingExecution")))
    fastn(server).workflows.run("sync_orders", input={"since": "2026-11-01"})
    assert server.bodies() == [{"input": {"since": "2026-11-01"}}]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda c: c.customers.create(name="A", slug="a"),
            "createCustomer: the body is not a valid CustomerCreate: missing field 'adminEmail'",
        ),
        (
            lambda c: c.customers.create({"name": "A", "slug": "a", "adminEmail": "a@x.io", "plan": "platinum"}),
            "createCustomer: the body is not a valid CustomerCreate",
        ),
        (
            lambda c: c.customers.create({"name": "A"}, slug="a"),
            "give the body as one object or as keyword arguments, not both",
        ),
    ],
)
def test_an_invalid_body_is_refused_before_anything_is_sent(call: Callable[[Fastn], Any], message: str) -> None:
    server = Server(CREATED)
    with pytest.raises(TypeError, match=message.replace("(", r"\(")):
        call(fastn(server))
    assert server.requests == []


# --------------------------------------------------------------------------- lists


def test_one_for_loop_lists_every_customer_across_pages() -> None:
    def pages(request: httpx.Request) -> httpx.Response:
        cursor = request.url.params.get("cursor")
        ids = {None: ["c1", "c2"], "p2": ["c3"]}[cursor]
        data = [example("Customer", id=f"3f1c2a9e-8b4d-4e2f-9a61-0c5d7e8f9a1{name[-1]}") for name in ids]
        return httpx.Response(200, json={"data": data, "nextCursor": "p2" if cursor is None else None})

    server = Server(pages)
    client = fastn(server)
    names = [customer.id.hex[-2:] for customer in client.customers.list(limit=2)]
    assert names == ["11", "12", "13"]
    assert [dict(request.url.params) for request in server.requests] == [{"limit": "2"}, {"limit": "2", "cursor": "p2"}]
    page = client.customers.list(limit=2)
    assert isinstance(page, SyncPage) and len(page.data) == 2 and page.next_cursor == "p2"
    assert [len(each.data) for each in page.iter_pages()] == [2, 1]
    assert client.customers.list(cursor="p2").next_cursor is None


# --------------------------------------------------------------------------- per-call options


def test_per_call_timeout_and_headers_apply_to_that_call_only() -> None:
    server = Server(httpx.Response(200, json=CUSTOMER))
    client = fastn(server)
    client.customers.get(UUID(CUSTOMER["id"]), timeout=2.5, extra_headers={"x-trace": "one"})
    client.customers.get(UUID(CUSTOMER["id"]))
    first, second = server.requests
    assert first.headers["x-trace"] == "one" and "x-trace" not in second.headers
    assert first.extensions["timeout"]["read"] == 2.5 and second.extensions["timeout"]["read"] == 30.0


def test_with_options_returns_a_copy_and_never_changes_the_original() -> None:
    server = Server(httpx.Response(200, json=CUSTOMER))
    client = fastn(server)
    client.customers.get(UUID(CUSTOMER["id"]))
    tuned = client.with_options(timeout=1.0, max_retries=5, extra_headers={"x-team": "ops"})
    tuned.customers.get(UUID(CUSTOMER["id"]))
    client.customers.get(UUID(CUSTOMER["id"]))
    assert [request.headers.get("x-team") for request in server.requests] == [None, "ops", None]
    assert (tuned.client.options.max_retries, client.client.options.max_retries) == (5, 0)
    assert tuned.client.get_httpx_client().timeout.read == 1.0
    assert client.client.get_httpx_client().timeout.read == 30.0
    assert client.with_options(options=ClientOptions(pacing=False)).client.options.max_retries == 2
    assert client.with_options(timeout=None).client.get_httpx_client().timeout.read is None


def test_with_raw_response_answers_the_response_and_returns_errors() -> None:
    missing = httpx.Response(404, json=example("NotFoundError"), headers={"x-request-id": "req_9"})
    server = Server(httpx.Response(200, json=CUSTOMER, headers={"x-request-id": "req_1"}), missing)
    client = fastn(server)
    raw = client.customers.with_raw_response.get(UUID(CUSTOMER["id"]))
    assert isinstance(raw, Response) and raw.status_code == 200 and raw.request_id == "req_1"
    assert isinstance(raw.parsed, Customer)
    gone = client.customers.with_raw_response.get(UUID(CUSTOMER["id"]))
    assert gone.status_code == 404 and gone.request_id == "req_9"
    with pytest.raises(NotFoundError):
        client.customers.get(UUID(CUSTOMER["id"]))


# --------------------------------------------------------------------------- waiters


def _execution(status: str) -> dict[str, Any]:
    return example("Execution", status=status)


def test_run_and_wait_in_one_call_honouring_retry_after() -> None:
    clock = FakeClock()
    server = Server(
        httpx.Response(202, json=example("PendingExecution"), headers={"Retry-After": "3"}),
        httpx.Response(200, json=_execution("running")),
        httpx.Response(200, json=_execution("completed")),
    )
    execution = fastn(server, clock).workflows.run("sync_orders", input={"since": "2026-11-01"}, wait=True)
    assert isinstance(execution, Execution) and execution.status == "completed"
    assert [request.method for request in server.requests] == ["POST", "GET", "GET"]
    assert server.requests[1].url.path == f"/api/v1/executions/{example('PendingExecution')['id']}"
    assert clock.sleeps == [3.0, 1.0]  # the 202's Retry-After, then the backoff


def test_an_instant_run_returns_the_flow_s_answer_even_with_wait() -> None:
    server = Server(httpx.Response(200, json={"ok": True, "orders": 3}))
    assert fastn(server).workflows.run("sync_orders", wait=True) == {"ok": True, "orders": 3}
    assert len(server.requests) == 1


def test_waiting_for_an_execution_times_out_with_a_typed_error() -> None:
    clock = FakeClock()
    server = Server(httpx.Response(200, json=_execution("running")))
    with pytest.raises(WaitTimeoutError) as caught:
        fastn(server, clock).executions.wait("run_xyz", timeout=10.0, interval=2.0, max_interval=2.0)
    assert caught.value.status == "running" and caught.value.what == "execution run_xyz"
    assert sum(clock.sleeps) == 10.0
    assert "completed" in EXECUTION_STATUS_FINAL


def test_an_ai_build_waits_until_it_needs_the_caller() -> None:
    clock = FakeClock()
    server = Server(
        httpx.Response(202, json=example("PlanningBuildJob")),
        httpx.Response(200, json=example("PlanningBuildJob")),
        httpx.Response(200, json=example("PlanningBuildJob", status="PLANNED")),
    )
    build = fastn(server, clock).ai.build(kind="connector", prompt="A Stripe invoices connector", wait=True)
    assert build.status == "PLANNED" and len(server.requests) == 3


# --------------------------------------------------------------------------- async


def test_the_async_client_lists_runs_and_waits_the_same() -> None:
    clock = FakeClock()

    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/customers"):
            return httpx.Response(200, json={"data": [CUSTOMER], "nextCursor": None})
        if request.method == "POST":
            return httpx.Response(202, json=example("PendingExecution"))
        return httpx.Response(200, json=_execution("completed"))

    server = Server(answer)

    async def main() -> None:
        async with async_fastn(server, clock) as client:
            assert [customer.name async for customer in client.customers.list()] == [CUSTOMER["name"]]
            page = await client.customers.list()
            assert len(page.data) == 1
            execution = await client.workflows.run("sync_orders", wait=True)
            assert isinstance(execution, Execution) and execution.status == "completed"
            raw = await client.customers.with_raw_response.list()
            assert raw.status_code == 200
            waited = await client.executions.wait("run_1")
            assert waited.status == "completed"

    asyncio.run(main())
    assert [request.method for request in server.requests] == ["GET", "GET", "POST", "GET", "GET", "GET"]
