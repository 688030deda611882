"""Whatever a server answers, a call ends in data of the declared type or a ``FastnError``.

Hypothesis plays arbitrary exchanges to the endpoint functions and to the resource client, sync
and async: any status; headers missing, repeated, huge or malformed (rate-limit, ``Retry-After``,
content type and encoding); bodies that are valid, truncated, garbage, deep, large, in another
encoding or under another content type; and a delay before each answer (on the test's clock).
Every outcome must be the declared type or a ``FastnError``, with the key in no message and no
request in its chain, and no attempt may start after the call's deadline.
"""

from __future__ import annotations

import asyncio
import gzip
import json
from collections.abc import Callable
from typing import Any
from uuid import UUID

import httpx
import pytest
from fastn_client import AsyncFastn, AuthenticatedClient, Fastn, SyncPage
from fastn_client.api.customers import get_customer
from fastn_client.lib.errors import FastnError
from fastn_client.lib.options import ClientOptions
from fastn_client.lib.pacing import RateLimitPacer
from fastn_client.models import Customer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from runtime_fakes import SECRET_KEY, START, FakeClock

CUSTOMER_ID = UUID("3f1c2a9e-8b4d-4e2f-9a61-0c5d7e8f9a10")
CUSTOMER = {
    "id": str(CUSTOMER_ID),
    "name": "Acme",
    "slug": "acme",
    "adminEmail": "ops@acme.example",
    "status": "active",
    "revision": 1,
    "createdAt": "2026-11-01T10:00:00Z",
    "updatedAt": "2026-11-01T10:00:00Z",
}
DEADLINE = 30.0
READ_LIMIT = 64 * 1024

_digits = st.text("0123456789", min_size=1, max_size=20) | st.just("9" * 4300)
_junk = st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=40)
_header_values = {
    "X-RateLimit-Remaining": _digits | _junk | st.just("-1"),
    "X-RateLimit-Reset": _digits | _junk | st.sampled_from(["nan", "inf", "-1e400", str(START + 30)]),
    "X-RateLimit-Limit": _digits | _junk,
    "Retry-After": _digits | _junk | st.sampled_from(["Wed, 21 Oct 2015 07:28:00 GMT", "1.5", "Fri, 31 Dec 9999"]),
    "Content-Type": st.sampled_from(["application/json", "text/html", "application/xml", "", "application/json; x"]),
    "X-Request-Id": _junk,
    "Location": st.sampled_from(["https://elsewhere.example/x", "/api/v1/customers", "::"]),
}


def _bodies(document: object) -> st.SearchStrategy[bytes]:
    valid = json.dumps(document).encode()
    return st.one_of(
        st.just(valid),
        st.integers(0, len(valid)).map(lambda cut: valid[:cut]),
        st.binary(max_size=200),
        st.integers(1, 3000).map(lambda depth: ("[" * depth + "]" * depth).encode()),
        st.integers(READ_LIMIT // 2, READ_LIMIT * 2).map(lambda size: b'"' + b"x" * size + b'"'),
        st.just(json.dumps(document).encode("utf-16")),
        st.just(b'{"code": "NOT_FOUND", "message": "no such customer", "requestId": "req_1"}'),
        st.just(json.dumps({**CUSTOMER, "status": "something-new", "extra": {"nested": [1, 2]}}).encode()),
    )


@st.composite
def exchanges(draw: st.DrawFn, document: object) -> tuple[int, list[tuple[str, str]], bytes, float]:
    status = draw(st.sampled_from([200, 201, 204, 301, 400, 401, 404, 408, 409, 422, 429, 500, 503, 520]))
    names = draw(st.lists(st.sampled_from(sorted(_header_values)), max_size=5))  # a name may repeat
    headers = [(name, draw(_header_values[name])) for name in names]
    body = draw(_bodies(document))
    if draw(st.booleans()) and body:
        encoding = draw(st.sampled_from(["gzip", "gzip-garbage", "br", "identity"]))
        if encoding == "gzip":
            body = gzip.compress(body)
        headers.append(("Content-Encoding", "gzip" if encoding == "gzip-garbage" else encoding))
    delay = draw(st.sampled_from([0.0, 0.5, 5.0, 29.0, 45.0]))
    return status, headers, body, delay


Exchange = tuple[int, list[tuple[str, str]], bytes, float]


class Server:
    """Plays the drawn exchanges in turn (the last one again if the client asks for more)."""

    def __init__(self, played: list[Exchange], clock: FakeClock) -> None:
        self.played = played
        self.clock = clock
        self.starts: list[float] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        assert request.headers["x-fastn-api-key"] == SECRET_KEY
        self.starts.append(self.clock())
        status, headers, body, delay = self.played[min(len(self.starts) - 1, len(self.played) - 1)]
        self.clock.advance(delay)
        return httpx.Response(status, headers=headers, content=body)


def _client(server: Server, clock: FakeClock) -> AuthenticatedClient:
    options = ClientOptions(
        clock=clock,
        sleep=clock.sleep,
        async_sleep=clock.async_sleep,
        random=lambda: 0.5,
        pacer=RateLimitPacer(),
        deadline=DEADLINE,
        max_response_bytes=READ_LIMIT,
    )
    return AuthenticatedClient(
        base_url="https://live.fastn.ai",
        token=SECRET_KEY,
        options=options,
        httpx_args={"transport": httpx.MockTransport(server)},
    )


def _judge(outcome: object, expected: type, server: Server, started: float) -> None:
    if isinstance(outcome, BaseException):
        assert isinstance(outcome, FastnError), f"{type(outcome).__name__}: {outcome}"
        link: BaseException | None = outcome
        while link is not None:
            assert SECRET_KEY not in str(link) and SECRET_KEY not in repr(link)
            assert not isinstance(getattr(link, "_request", None), httpx.Request)
            link = link.__cause__ or link.__context__
    else:
        assert isinstance(outcome, expected), type(outcome)
    assert server.starts and all(start <= started + DEADLINE for start in server.starts)


def _run(call: Callable[[AuthenticatedClient], object], played: list[Exchange], expected: type) -> None:
    clock = FakeClock()
    server = Server(played, clock)
    outcome: object
    try:
        outcome = call(_client(server, clock))
    except Exception as error:
        outcome = error
    _judge(outcome, expected, server, START)


HYPOTHESIS = settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)


@HYPOTHESIS
@given(st.lists(exchanges(CUSTOMER), min_size=1, max_size=4))
def test_an_endpoint_function_answers_data_or_a_fastn_error(played: list[Exchange]) -> None:
    _run(lambda client: get_customer.sync(CUSTOMER_ID, client=client), played, Customer)


@HYPOTHESIS
@given(st.lists(exchanges({"data": [CUSTOMER], "nextCursor": None}), min_size=1, max_size=4))
def test_the_resource_client_answers_data_or_a_fastn_error(played: list[Exchange]) -> None:
    _run(lambda client: Fastn(http_client=client).customers.list(), played, SyncPage)


@HYPOTHESIS
@given(st.lists(exchanges(CUSTOMER), min_size=1, max_size=4))
def test_the_async_resource_client_answers_data_or_a_fastn_error(played: list[Exchange]) -> None:
    async def call(client: AuthenticatedClient) -> Any:
        async with AsyncFastn(http_client=client) as fastn:
            return await fastn.customers.get(CUSTOMER_ID)

    _run(lambda client: asyncio.run(call(client)), played, Customer)


@pytest.mark.parametrize("status", [200, 500])
def test_a_deep_body_under_every_content_type_is_typed(status: int) -> None:
    deep = ("{" + '"a":' * 1) + "[" * 2000 + "]" * 2000 + "}"
    _run(
        lambda client: get_customer.sync(CUSTOMER_ID, client=client),
        [(status, [("Content-Type", "text/plain")], deep.encode(), 0.0)],
        Customer,
    )
