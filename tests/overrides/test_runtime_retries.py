"""Retry rules of both transports, on MockTransport with a fake clock.

Each ``Case`` is one rule; every case runs through the sync and the async
transport and must behave identically: same attempts, same outcome, same
sleeps (``random`` is fixed at 0.5, so full jitter halves each backoff).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Any

import attrs
import httpx
import pytest
from fastn_client.lib.errors import APIConnectionError, APITimeoutError, FastnError
from fastn_client.lib.options import ClientOptions, RetryEvent
from fastn_client.lib.pacing import RateLimitPacer, bucket_id
from fastn_client.lib.retries import RetryRules, decide
from fastn_client.lib.transport import AsyncFastnTransport, FastnTransport
from runtime_fakes import BASE_URL, START, FakeClock, Script, Step

URL = f"{BASE_URL}/customers"
Make = Callable[[], Step]


def answer(status: int, **headers: str) -> Make:
    return lambda: httpx.Response(status, headers={k.replace("_", "-"): v for k, v in headers.items()}, json={})


def fail(exc_type: type[httpx.TransportError]) -> Make:
    return lambda: exc_type("simulated")


def http_date(timestamp: float) -> str:
    return format_datetime(datetime.fromtimestamp(timestamp, tz=UTC), usegmt=True)


@dataclass(frozen=True)
class Case:
    id: str
    method: str
    steps: tuple[Make, ...]
    attempts: int
    outcome: int | type[FastnError]
    sleeps: tuple[float, ...] = ()
    cause: type[Exception] | None = None
    options: dict[str, Any] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)


IDEMPOTENT_STATUSES = (408, 429, 500, 502, 503, 504)
# POSTs as they were before idempotency keys (and as any client that turns them off sends them).
NO_KEYS = {"idempotency_keys": False}
KEY = {"Idempotency-Key": "client-key-1"}
# A server known to answer a repeated key with the first answer (the mock does).
TRUST = {"trust_idempotency_keys": True}

CASES = [
    # --- idempotent methods: statuses ---
    *(Case(f"GET-retries-{s}", "GET", (answer(s), answer(200)), 2, 200, (0.25,)) for s in IDEMPOTENT_STATUSES),
    *(
        Case(f"{m}-retries-503", m, (answer(503), answer(200)), 2, 200, (0.25,))
        for m in ("HEAD", "OPTIONS", "PUT", "DELETE")
    ),
    Case("GET-gives-up-after-2-retries", "GET", (answer(503),) * 3, 3, 503, (0.25, 0.5)),
    *(Case(f"GET-no-retry-{s}", "GET", (answer(s),), 1, s) for s in (400, 401, 404, 409, 422, 501)),
    # --- idempotent methods: transport failures ---
    *(
        Case(f"GET-retries-{e.__name__}", "GET", (fail(e), answer(200)), 2, 200, (0.25,))
        for e in (
            httpx.ConnectError,
            httpx.ConnectTimeout,
            httpx.ReadTimeout,
            httpx.ReadError,
            httpx.RemoteProtocolError,
        )
    ),
    Case(
        "GET-connect-errors-exhausted",
        "GET",
        (fail(httpx.ConnectError),) * 3,
        3,
        APIConnectionError,
        (0.25, 0.5),
        cause=httpx.ConnectError,
    ),
    Case(
        "GET-timeouts-exhausted",
        "GET",
        (fail(httpx.ReadTimeout),) * 3,
        3,
        APITimeoutError,
        (0.25, 0.5),
        cause=httpx.ReadTimeout,
    ),
    Case(
        "GET-no-retry-UnsupportedProtocol",
        "GET",
        (fail(httpx.UnsupportedProtocol),),
        1,
        APIConnectionError,
        cause=httpx.UnsupportedProtocol,
    ),
    # --- POST without a key, PATCH: only what proves the request was not processed ---
    Case("POST-retries-429", "POST", (answer(429), answer(201)), 2, 201, (0.25,), options=NO_KEYS),
    *(
        Case(f"POST-retries-{e.__name__}", "POST", (fail(e), answer(201)), 2, 201, (0.25,), options=NO_KEYS)
        for e in (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
    ),
    *(Case(f"POST-no-retry-{s}", "POST", (answer(s),), 1, s, options=NO_KEYS) for s in (408, 500, 502, 503, 504)),
    *(
        Case(f"POST-no-retry-{e.__name__}", "POST", (fail(e),), 1, kind, cause=e, options=NO_KEYS)
        for e, kind in (
            (httpx.ReadTimeout, APITimeoutError),
            (httpx.WriteTimeout, APITimeoutError),
            (httpx.ReadError, APIConnectionError),
            (httpx.RemoteProtocolError, APIConnectionError),
        )
    ),
    Case("PATCH-retries-429", "PATCH", (answer(429), answer(200)), 2, 200, (0.25,)),
    Case("PATCH-no-retry-500", "PATCH", (answer(500),), 1, 500),
    # --- a POST carries a key (every POST by default), but a server's honouring it is unproven ---
    *(Case(f"POST-with-a-key-not-retried-{s}", "POST", (answer(s),), 1, s) for s in (408, 500, 502, 503, 504)),
    Case("POST-with-a-key-retries-429", "POST", (answer(429), answer(201)), 2, 201, (0.25,)),
    Case("POST-with-a-key-retries-ConnectError", "POST", (fail(httpx.ConnectError), answer(201)), 2, 201, (0.25,)),
    Case(
        "POST-with-a-key-not-retried-ReadTimeout",
        "POST",
        (fail(httpx.ReadTimeout),),
        1,
        APITimeoutError,
        cause=httpx.ReadTimeout,
    ),
    Case("POST-with-the-callers-key-not-retried-503", "POST", (answer(503),), 1, 503, headers=KEY),
    # --- trust_idempotency_keys=True: a POST with a key is retried like a GET, but never after a 408 ---
    *(
        Case(f"POST-with-a-trusted-key-retries-{s}", "POST", (answer(s), answer(201)), 2, 201, (0.25,), options=TRUST)
        for s in (429, 500, 502, 503, 504)
    ),
    Case("POST-with-a-trusted-key-never-retries-408", "POST", (answer(408),), 1, 408, options=TRUST),
    *(
        Case(
            f"POST-with-a-trusted-key-retries-{e.__name__}",
            "POST",
            (fail(e), answer(201)),
            2,
            201,
            (0.25,),
            options=TRUST,
        )
        for e in (httpx.ReadTimeout, httpx.WriteTimeout, httpx.ReadError, httpx.RemoteProtocolError)
    ),
    Case(
        "POST-with-the-callers-trusted-key-retries-even-with-keys-off",
        "POST",
        (answer(503), answer(201)),
        2,
        201,
        (0.25,),
        options={**NO_KEYS, **TRUST},
        headers=KEY,
    ),
    Case(
        "PATCH-with-a-trusted-key-retries-500",
        "PATCH",
        (answer(500), answer(200)),
        2,
        200,
        (0.25,),
        headers=KEY,
        options=TRUST,
    ),
    Case("PATCH-with-an-untrusted-key-not-retried-500", "PATCH", (answer(500),), 1, 500, headers=KEY),
    # --- max_retries=0 turns retrying off ---
    Case("retries-0-GET-503", "GET", (answer(503),), 1, 503, options={"max_retries": 0}),
    Case("retries-0-POST-429", "POST", (answer(429),), 1, 429, options={"max_retries": 0}),
    Case("retries-0-POST-with-a-key-503", "POST", (answer(503),), 1, 503, options={"max_retries": 0}),
    Case(
        "retries-0-GET-ConnectError",
        "GET",
        (fail(httpx.ConnectError),),
        1,
        APIConnectionError,
        cause=httpx.ConnectError,
        options={"max_retries": 0},
    ),
    # --- backoff: doubling, capped, jittered ---
    Case(
        "backoff-doubles-up-to-the-cap",
        "GET",
        (*(answer(503),) * 5, answer(200)),
        6,
        200,
        (0.25, 0.5, 0.5, 0.5, 0.5),
        options={"max_retries": 5, "backoff_max": 1.0},
    ),
    Case(
        "backoff-equal-jitter",
        "GET",
        (answer(503), answer(503), answer(200)),
        3,
        200,
        (0.375, 0.75),
        options={"jitter": "equal"},
    ),
    Case(
        "backoff-full-jitter-can-reach-zero",
        "GET",
        (answer(503), answer(200)),
        2,
        200,
        (0.0,),
        options={"random": lambda: 0.0},
    ),
    # --- Retry-After ---
    Case("retry-after-seconds", "GET", (answer(429, retry_after="3"), answer(200)), 2, 200, (3.0,)),
    Case("retry-after-decimal", "POST", (answer(429, retry_after="1.5"), answer(201)), 2, 201, (1.5,)),
    Case(
        "retry-after-http-date",
        "GET",
        (answer(503, retry_after=http_date(START + 7)), answer(200)),
        2,
        200,
        (7.0,),
    ),
    Case("retry-after-unreadable-uses-backoff", "GET", (answer(503, retry_after="soon"), answer(200)), 2, 200, (0.25,)),
    Case("retry-after-over-ceiling-surfaces", "GET", (answer(429, retry_after="61"),), 1, 429),
    Case(
        "retry-after-date-over-ceiling-surfaces",
        "POST",
        (answer(429, retry_after=http_date(START + 3600)),),
        1,
        429,
    ),
    Case(
        "retry-after-at-custom-ceiling-is-slept",
        "GET",
        (answer(503, retry_after="5"), answer(200)),
        2,
        200,
        (5.0,),
        options={"retry_after_ceiling": 5.0},
    ),
    Case(
        "retry-after-over-custom-ceiling-surfaces",
        "GET",
        (answer(503, retry_after="6"),),
        1,
        503,
        options={"retry_after_ceiling": 5.0},
    ),
    # --- overall deadline ---
    Case("deadline-refuses-a-long-wait", "GET", (answer(429, retry_after="3"),), 1, 429, options={"deadline": 2.0}),
    Case(
        "deadline-allows-a-wait-that-fits",
        "GET",
        (answer(429, retry_after="2"), answer(200)),
        2,
        200,
        (2.0,),
        options={"deadline": 2.0},
    ),
    Case(
        "no-deadline",
        "GET",
        (answer(429, retry_after="50"), answer(429, retry_after="50"), answer(200)),
        3,
        200,
        (50.0, 50.0),
        options={"deadline": None},
    ),
    Case(
        "deadline-spans-attempts",
        "GET",
        (answer(429, retry_after="45"), answer(429, retry_after="45")),
        2,
        429,
        (45.0,),
        options={"deadline": 80.0},
    ),
]


def _request_kwargs(case: Case) -> dict[str, Any]:
    kwargs: dict[str, Any] = {"headers": case.headers}
    if case.method in {"POST", "PUT", "PATCH"}:
        kwargs["json"] = {"name": "Acme"}
    return kwargs


def _check(case: Case, script: Script, result: httpx.Response | FastnError, clock: FakeClock) -> None:
    assert script.attempts == case.attempts
    # Every attempt of one request carries the same key: the caller's, else one the client made.
    keys = {request.headers.get("idempotency-key") for request in script.requests}
    assert len(keys) == 1
    if case.headers:
        assert keys == {KEY["Idempotency-Key"]}
    elif case.method == "POST" and case.options.get("idempotency_keys", True):
        assert None not in keys
    else:
        assert keys == {None}
    assert tuple(clock.sleeps) == case.sleeps
    if isinstance(case.outcome, int):
        assert isinstance(result, httpx.Response)
        assert result.status_code == case.outcome
    else:
        assert type(result) is case.outcome
        assert case.cause is not None
        assert type(result.__cause__) is case.cause


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_rule_sync(case: Case, options: ClientOptions, clock: FakeClock) -> None:
    script = Script(make() for make in case.steps)
    transport = FastnTransport(script.transport(), options=attrs.evolve(options, **case.options))
    result: httpx.Response | FastnError
    with httpx.Client(transport=transport) as client:
        try:
            result = client.request(case.method, URL, **_request_kwargs(case))
        except FastnError as exc:
            result = exc
    _check(case, script, result, clock)


@pytest.mark.asyncio
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
async def test_rule_async(case: Case, options: ClientOptions, clock: FakeClock) -> None:
    script = Script(make() for make in case.steps)
    transport = AsyncFastnTransport(script.transport(), options=attrs.evolve(options, **case.options))
    result: httpx.Response | FastnError
    async with httpx.AsyncClient(transport=transport) as client:
        try:
            result = await client.request(case.method, URL, **_request_kwargs(case))
        except FastnError as exc:
            result = exc
    _check(case, script, result, clock)


# --- the deadline also counts time spent inside attempts -------------------


def _slow(clock: FakeClock, seconds: float, status: int) -> Make:
    def respond(_request: httpx.Request) -> httpx.Response:
        clock.advance(seconds)
        return httpx.Response(status)

    return lambda: respond


def test_deadline_counts_slow_attempts_sync(options: ClientOptions, clock: FakeClock) -> None:
    script = Script([_slow(clock, 0.9, 503)()])
    transport = FastnTransport(script.transport(), options=attrs.evolve(options, deadline=1.0))
    with httpx.Client(transport=transport) as client:
        assert client.get(URL).status_code == 503  # a 0.25 s backoff would end at 1.15 s
    assert script.attempts == 1
    assert clock.sleeps == []


@pytest.mark.asyncio
async def test_deadline_counts_slow_attempts_async(options: ClientOptions, clock: FakeClock) -> None:
    script = Script([_slow(clock, 0.9, 503)()])
    transport = AsyncFastnTransport(script.transport(), options=attrs.evolve(options, deadline=1.0))
    async with httpx.AsyncClient(transport=transport) as client:
        assert (await client.get(URL)).status_code == 503
    assert script.attempts == 1


# --- a retry waits for the rate-limit budget too ----------------------------

SPENT = {
    "X-RateLimit-Limit": "10",
    "X-RateLimit-Remaining": "0",
    "X-RateLimit-Reset": str(int(START) + 1),
}


def test_retry_of_a_429_also_waits_for_the_reset_sync(options: ClientOptions, clock: FakeClock) -> None:
    script = Script([httpx.Response(429, headers=SPENT), httpx.Response(201)])
    with httpx.Client(transport=FastnTransport(script.transport(), options=options)) as client:
        assert client.post(URL, json={}).status_code == 201
    # backoff 0.25 s, then the pacer holds the retry until the reset at +1 s
    assert clock.sleeps == [0.25, 0.75]


@pytest.mark.asyncio
async def test_retry_of_a_429_also_waits_for_the_reset_async(options: ClientOptions, clock: FakeClock) -> None:
    script = Script([httpx.Response(429, headers=SPENT), httpx.Response(201)])
    async with httpx.AsyncClient(transport=AsyncFastnTransport(script.transport(), options=options)) as client:
        assert (await client.post(URL, json={})).status_code == 201
    assert clock.sleeps == [0.25, 0.75]


# --- streamed request bodies are replayed -----------------------------------


def test_streamed_body_is_sent_again_on_retry_sync(options: ClientOptions) -> None:
    script = Script([httpx.Response(503), httpx.Response(200)])

    def chunks() -> Iterator[bytes]:
        yield b"part1-"
        yield b"part2"

    with httpx.Client(transport=FastnTransport(script.transport(), options=options)) as client:
        assert client.put(URL, content=chunks()).status_code == 200
    assert script.bodies == [b"part1-part2", b"part1-part2"]


@pytest.mark.asyncio
async def test_streamed_body_is_sent_again_on_retry_async(options: ClientOptions) -> None:
    script = Script([httpx.Response(503), httpx.Response(200)])

    async def chunks() -> AsyncIterator[bytes]:
        yield b"part1-"
        yield b"part2"

    async with httpx.AsyncClient(transport=AsyncFastnTransport(script.transport(), options=options)) as client:
        assert (await client.put(URL, content=chunks())).status_code == 200
    assert script.bodies == [b"part1-part2", b"part1-part2"]


# --- a body cut short is a failure of the exchange ---------------------------


class _CutShort(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body that breaks off after its first bytes, as when the peer closes mid-answer."""

    def __iter__(self) -> Iterator[bytes]:
        yield b'{"data": ['
        raise httpx.RemoteProtocolError("peer closed connection without sending complete message body")

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield b'{"data": ['
        raise httpx.RemoteProtocolError("peer closed connection without sending complete message body")


def _cut_short() -> httpx.Response:
    return httpx.Response(200, headers={"content-length": "252"}, stream=_CutShort())


def test_body_cut_short_is_retried_for_idempotent_methods_sync(options: ClientOptions) -> None:
    script = Script([lambda _: _cut_short(), httpx.Response(200, json={"data": []})])
    with httpx.Client(transport=FastnTransport(script.transport(), options=options)) as client:
        assert client.get(URL).json() == {"data": []}
    assert script.attempts == 2


@pytest.mark.asyncio
async def test_body_cut_short_is_retried_for_idempotent_methods_async(options: ClientOptions) -> None:
    script = Script([lambda _: _cut_short(), httpx.Response(200, json={"data": []})])
    async with httpx.AsyncClient(transport=AsyncFastnTransport(script.transport(), options=options)) as client:
        assert (await client.get(URL)).json() == {"data": []}
    assert script.attempts == 2


def test_body_cut_short_on_post_is_a_connection_error_not_retried_sync(options: ClientOptions) -> None:
    script = Script([lambda _: _cut_short()])
    transport = FastnTransport(script.transport(), options=attrs.evolve(options, idempotency_keys=False))
    with (
        httpx.Client(transport=transport) as client,
        pytest.raises(APIConnectionError) as caught,
    ):
        client.post(URL, json={"name": "x"})
    assert script.attempts == 1
    assert isinstance(caught.value.__cause__, httpx.RemoteProtocolError)


@pytest.mark.asyncio
async def test_body_cut_short_on_post_is_a_connection_error_not_retried_async(options: ClientOptions) -> None:
    script = Script([lambda _: _cut_short()])
    transport = AsyncFastnTransport(script.transport(), options=attrs.evolve(options, idempotency_keys=False))
    async with httpx.AsyncClient(transport=transport) as client:
        with pytest.raises(APIConnectionError) as caught:
            await client.post(URL, json={"name": "x"})
    assert script.attempts == 1
    assert isinstance(caught.value.__cause__, httpx.RemoteProtocolError)


# --- hooks ------------------------------------------------------------------


def _expected_events() -> list[RetryEvent]:
    return [
        RetryEvent(
            method="GET",
            url=httpx.URL(URL),
            attempt=1,
            max_retries=2,
            delay=3.0,
            status_code=429,
            retry_after=3.0,
        ),
        RetryEvent(method="GET", url=httpx.URL(URL), attempt=2, max_retries=2, delay=0.5, status_code=None),
    ]


def test_on_retry_hook_sees_every_retry_sync(options: ClientOptions) -> None:
    events: list[RetryEvent] = []
    error = httpx.ConnectError("refused")
    script = Script([httpx.Response(429, headers={"Retry-After": "3"}), error, httpx.Response(200)])
    transport = FastnTransport(script.transport(), options=attrs.evolve(options, on_retry=events.append))
    with httpx.Client(transport=transport) as client:
        client.get(URL)
    assert events == [*_expected_events()[:1], attrs.evolve(_expected_events()[1], error=error)]


@pytest.mark.asyncio
async def test_on_retry_hook_sees_every_retry_async(options: ClientOptions) -> None:
    events: list[RetryEvent] = []
    error = httpx.ConnectError("refused")
    script = Script([httpx.Response(429, headers={"Retry-After": "3"}), error, httpx.Response(200)])
    transport = AsyncFastnTransport(script.transport(), options=attrs.evolve(options, on_retry=events.append))
    async with httpx.AsyncClient(transport=transport) as client:
        await client.get(URL)
    assert events == [*_expected_events()[:1], attrs.evolve(_expected_events()[1], error=error)]


class HookFailed(Exception):
    pass


def _raising_hook(_event: RetryEvent) -> None:
    raise HookFailed


def _key_request_headers() -> dict[str, str]:
    return {"x-fastn-api-key": "fsk_test_hooks"}


def _in_flight(pacer: RateLimitPacer) -> int:
    state = pacer.state(bucket_id(httpx.Request("GET", URL, headers=_key_request_headers())))
    assert state is not None
    return state.in_flight


def test_hook_exception_propagates_and_frees_the_budget_sync(options: ClientOptions, pacer: RateLimitPacer) -> None:
    script = Script([httpx.Response(503)])
    transport = FastnTransport(script.transport(), options=attrs.evolve(options, on_retry=_raising_hook))
    with httpx.Client(transport=transport, headers=_key_request_headers()) as client, pytest.raises(HookFailed):
        client.get(URL)
    assert _in_flight(pacer) == 0


@pytest.mark.asyncio
async def test_hook_exception_propagates_and_frees_the_budget_async(
    options: ClientOptions, pacer: RateLimitPacer
) -> None:
    script = Script([httpx.ConnectError("refused")])
    transport = AsyncFastnTransport(script.transport(), options=attrs.evolve(options, on_retry=_raising_hook))
    async with httpx.AsyncClient(transport=transport, headers=_key_request_headers()) as client:
        with pytest.raises(HookFailed):
            await client.get(URL)
    assert _in_flight(pacer) == 0


class RecordingStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A response body that remembers whether it was closed."""

    def __init__(self) -> None:
        self.closed = False

    def __iter__(self) -> Iterator[bytes]:
        yield b""

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield b""

    def close(self) -> None:
        self.closed = True

    async def aclose(self) -> None:
        self.closed = True


def test_retried_answer_is_closed_before_the_hook_runs_sync(options: ClientOptions) -> None:
    body = RecordingStream()
    script = Script([httpx.Response(503, stream=body)])
    transport = FastnTransport(script.transport(), options=attrs.evolve(options, on_retry=_raising_hook))
    with httpx.Client(transport=transport) as client, pytest.raises(HookFailed):
        client.get(URL)
    assert body.closed


@pytest.mark.asyncio
async def test_retried_answer_is_closed_before_the_hook_runs_async(options: ClientOptions) -> None:
    body = RecordingStream()
    script = Script([httpx.Response(503, stream=body)])
    transport = AsyncFastnTransport(script.transport(), options=attrs.evolve(options, on_retry=_raising_hook))
    async with httpx.AsyncClient(transport=transport) as client:
        with pytest.raises(HookFailed):
            await client.get(URL)
    assert body.closed


# --- unexpected exceptions and cancellation --------------------------------


def test_unexpected_exception_propagates_untouched_sync(options: ClientOptions, pacer: RateLimitPacer) -> None:
    script = Script([KeyError("bug in inner transport")])
    with (
        httpx.Client(
            transport=FastnTransport(script.transport(), options=options), headers=_key_request_headers()
        ) as c,
        pytest.raises(KeyError),
    ):
        c.get(URL)
    assert script.attempts == 1
    assert _in_flight(pacer) == 0


@pytest.mark.asyncio
async def test_unexpected_exception_propagates_untouched_async(options: ClientOptions, pacer: RateLimitPacer) -> None:
    script = Script([KeyError("bug in inner transport")])
    transport = AsyncFastnTransport(script.transport(), options=options)
    async with httpx.AsyncClient(transport=transport, headers=_key_request_headers()) as client:
        with pytest.raises(KeyError):
            await client.get(URL)
    assert _in_flight(pacer) == 0


@pytest.mark.asyncio
async def test_cancellation_frees_the_budget(options: ClientOptions, pacer: RateLimitPacer) -> None:
    entered = asyncio.Event()

    async def hang(_request: httpx.Request) -> httpx.Response:
        entered.set()
        await asyncio.Event().wait()
        raise AssertionError("never released")

    transport = AsyncFastnTransport(httpx.MockTransport(hang), options=options)
    async with httpx.AsyncClient(transport=transport, headers=_key_request_headers()) as client:
        task = asyncio.create_task(client.get(URL))
        await entered.wait()
        assert _in_flight(pacer) == 1
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    assert _in_flight(pacer) == 0


# --- log lines --------------------------------------------------------------


def test_each_retry_decision_is_logged(options: ClientOptions, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="fastn_client")
    script = Script(
        [
            httpx.Response(503),
            httpx.Response(503),
            httpx.Response(503),  # gives up
            httpx.Response(500),  # POST: not retried
            httpx.ReadTimeout("slow"),  # POST: not retried
            httpx.UnsupportedProtocol("ftp"),  # GET: not retryable
            httpx.Response(429, headers={"Retry-After": "600"}),  # over the ceiling
        ]
    )
    no_keys = attrs.evolve(options, idempotency_keys=False)  # the POSTs below are not retried
    with httpx.Client(transport=FastnTransport(script.transport(), options=no_keys)) as client:
        client.get(URL)
        client.post(URL, json={})
        with pytest.raises(APITimeoutError):
            client.post(URL, json={})
        with pytest.raises(APIConnectionError):
            client.get(URL)
        client.get(URL)
    lines = [r.getMessage() for r in caplog.records if r.name == "fastn_client"]
    # One line per decision, naming the request, what it saw, and the delay or the reason;
    # the wording itself is free.
    decisions = [
        ("Retrying GET", "503", "1 of 2", "0.25"),
        ("Retrying GET", "503", "2 of 2", "0.50"),
        ("Giving up on GET", "503", "2 retries"),
        ("Not retrying POST", "500"),
        ("Not retrying POST", "ReadTimeout"),
        ("Not retrying GET", "UnsupportedProtocol"),
        ("Not retrying GET", "429", "600.00", "ceiling"),
    ]
    assert len(lines) == len(decisions), lines
    for line, facts in zip(lines, decisions, strict=True):
        assert f"{facts[0]} /api/v1/customers" in line and all(fact in line for fact in facts[1:]), line


def test_deadline_decision_is_logged(options: ClientOptions, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="fastn_client")
    script = Script([httpx.Response(503, headers={"Retry-After": "30"})])
    transport = FastnTransport(script.transport(), options=attrs.evolve(options, deadline=10.0))
    with httpx.Client(transport=transport) as client:
        client.get(URL)
    [line] = [record.getMessage() for record in caplog.records if record.name == "fastn_client"]
    assert "Not retrying GET /api/v1/customers" in line and "503" in line and "deadline" in line


# --- construction -----------------------------------------------------------


def test_defaults_build_a_real_transport() -> None:
    transport = FastnTransport()
    assert transport.options == ClientOptions()
    assert isinstance(transport._inner, httpx.HTTPTransport)
    with transport:
        pass


@pytest.mark.asyncio
async def test_defaults_build_a_real_async_transport() -> None:
    transport = AsyncFastnTransport()
    assert transport.options == ClientOptions()
    assert isinstance(transport._inner, httpx.AsyncHTTPTransport)
    async with transport:
        pass


def test_close_reaches_the_inner_transport(options: ClientOptions) -> None:
    closed: list[str] = []

    class Inner(httpx.MockTransport):
        def close(self) -> None:
            closed.append("sync")

        async def aclose(self) -> None:
            closed.append("async")

    FastnTransport(Inner(Script([])), options=options).close()
    asyncio.run(AsyncFastnTransport(Inner(Script([])), options=options).aclose())
    assert closed == ["sync", "async"]


# --- a retried DELETE that finds nothing was done by an earlier attempt -----


DELETE_URL = f"{BASE_URL}/customers/cus_1"
NOT_FOUND = {"code": "NOT_FOUND", "message": "no customer cus_1"}


@pytest.mark.parametrize(
    ("first", "expected"),
    [
        (httpx.ReadTimeout("the answer never came"), 204),
        (httpx.RemoteProtocolError("peer closed the connection"), 204),
        (httpx.Response(503), 204),
        (httpx.Response(502), 204),
        # Proof that the first attempt did nothing: its 404 is the truth.
        (httpx.Response(429), 404),
        (httpx.ConnectError("refused"), 404),
    ],
    ids=["read-timeout", "dropped", "503", "502", "429", "connect-error"],
)
def test_a_delete_applied_by_an_attempt_whose_answer_was_lost_succeeds(
    first: httpx.Response | Exception, expected: int, options: ClientOptions, caplog: pytest.LogCaptureFixture
) -> None:
    """The first DELETE deleted, but its answer was lost; the retry finds nothing. The caller asked
    for the resource to be gone and it is: 204, not NotFoundError (the bug: a NotFoundError although
    the delete succeeded). Unless the first attempt provably did nothing."""
    caplog.set_level(logging.INFO, logger="fastn_client")
    script = Script([first, httpx.Response(404, json=NOT_FOUND, headers={"x-request-id": "req_2"})])
    with httpx.Client(transport=FastnTransport(script.transport(), options=options)) as client:
        response = client.delete(DELETE_URL)
    assert (script.attempts, response.status_code) == (2, expected)
    if expected == 204:
        assert response.content == b"" and response.headers["x-request-id"] == "req_2"
        assert "content-type" not in response.headers
        assert any("deleted it" in record.getMessage() for record in caplog.records)


@pytest.mark.asyncio
async def test_a_delete_applied_by_an_attempt_whose_answer_was_lost_succeeds_async(options: ClientOptions) -> None:
    script = Script([httpx.ReadTimeout("lost"), httpx.Response(404, json=NOT_FOUND)])
    async with httpx.AsyncClient(transport=AsyncFastnTransport(script.transport(), options=options)) as client:
        response = await client.delete(DELETE_URL)
    assert (script.attempts, response.status_code) == (2, 204)


def test_a_first_delete_that_finds_nothing_is_404(options: ClientOptions) -> None:
    script = Script([httpx.Response(404, json=NOT_FOUND)])
    with httpx.Client(transport=FastnTransport(script.transport(), options=options)) as client:
        assert client.delete(DELETE_URL).status_code == 404


def test_a_retried_get_that_finds_nothing_is_still_404(options: ClientOptions) -> None:
    script = Script([httpx.ReadTimeout("lost"), httpx.Response(404, json=NOT_FOUND)])
    with httpx.Client(transport=FastnTransport(script.transport(), options=options)) as client:
        assert client.get(DELETE_URL).status_code == 404


# --- the deadline bounds the whole call, slow bodies included ---------------


class _Trickle(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body arriving one byte every half second (on the fake clock), forever if let."""

    def __init__(self, clock: FakeClock, limit: int = 10_000) -> None:
        self._clock = clock
        self._limit = limit
        self.sent = 0
        self.closed = False

    def _next(self) -> bytes:
        self._clock.advance(0.5)
        self.sent += 1
        return b" "

    def __iter__(self) -> Iterator[bytes]:
        while self.sent < self._limit:
            yield self._next()

    async def __aiter__(self) -> AsyncIterator[bytes]:
        while self.sent < self._limit:
            yield self._next()

    def close(self) -> None:
        self.closed = True

    async def aclose(self) -> None:
        self.closed = True


def test_the_deadline_bounds_a_body_sent_one_byte_every_half_second(options: ClientOptions, clock: FakeClock) -> None:
    """The bug: a 3 s deadline did not bound one attempt, and such a server held a call for 29 s."""
    body = _Trickle(clock)
    script = Script([lambda _: httpx.Response(200, stream=body)])
    transport = FastnTransport(script.transport(), options=attrs.evolve(options, deadline=3.0))
    with httpx.Client(transport=transport) as client, pytest.raises(APITimeoutError) as caught:
        client.get(URL)
    assert clock() - START <= 3.5 and body.sent <= 7
    assert "3 s deadline passed while the body was arriving" in str(caught.value)
    assert isinstance(caught.value.__cause__, httpx.ReadTimeout)
    assert body.closed and script.attempts == 1


@pytest.mark.asyncio
async def test_the_deadline_bounds_a_slow_body_async(options: ClientOptions, clock: FakeClock) -> None:
    body = _Trickle(clock)
    script = Script([lambda _: httpx.Response(200, stream=body)])
    transport = AsyncFastnTransport(script.transport(), options=attrs.evolve(options, deadline=3.0))
    async with httpx.AsyncClient(transport=transport) as client:
        with pytest.raises(APITimeoutError):
            await client.get(URL)
    assert clock() - START <= 3.5 and body.closed


def test_a_slow_body_that_ends_before_the_deadline_is_read(options: ClientOptions, clock: FakeClock) -> None:
    body = _Trickle(clock, limit=4)  # 2 s in all
    script = Script([lambda _: httpx.Response(200, stream=body)])
    transport = FastnTransport(script.transport(), options=attrs.evolve(options, deadline=3.0))
    with httpx.Client(transport=transport) as client:
        assert client.get(URL).content == b"    "


def test_without_a_deadline_a_slow_body_is_read_whole(options: ClientOptions, clock: FakeClock) -> None:
    body = _Trickle(clock, limit=20)
    script = Script([lambda _: httpx.Response(200, stream=body)])
    transport = FastnTransport(script.transport(), options=attrs.evolve(options, deadline=None))
    with httpx.Client(transport=transport) as client:
        assert len(client.get(URL).content) == 20
    assert script.requests[0].extensions["timeout"]["read"] == 5.0  # the client's own, untouched


def test_each_attempt_s_timeouts_are_cut_to_the_time_left(options: ClientOptions, clock: FakeClock) -> None:
    seen: list[dict[str, float]] = []
    answers = [httpx.Response(429, headers={"Retry-After": "4"}), httpx.Response(200)]

    def record(request: httpx.Request) -> httpx.Response:
        seen.append(dict(request.extensions["timeout"]))
        return answers.pop(0)

    transport = FastnTransport(httpx.MockTransport(record), options=attrs.evolve(options, deadline=10.0))
    with httpx.Client(transport=transport, timeout=httpx.Timeout(30.0, connect=5.0)) as client:
        assert client.get(URL).status_code == 200
    assert seen == [
        {"connect": 5.0, "read": 10.0, "write": 10.0, "pool": 10.0},
        {"connect": 5.0, "read": 6.0, "write": 6.0, "pool": 6.0},  # 4 s of Retry-After later
    ]


@pytest.mark.asyncio
async def test_each_attempt_s_timeouts_are_cut_async(options: ClientOptions) -> None:
    seen: list[dict[str, float]] = []

    def record(request: httpx.Request) -> httpx.Response:
        seen.append(dict(request.extensions["timeout"]))
        return httpx.Response(200)

    transport = AsyncFastnTransport(httpx.MockTransport(record), options=attrs.evolve(options, deadline=2.0))
    async with httpx.AsyncClient(transport=transport, timeout=None) as client:  # noqa: S113 - the deadline bounds it
        await client.get(URL)
    assert seen == [{"connect": 2.0, "read": 2.0, "write": 2.0, "pool": 2.0}]


# --- a wait a caller would notice is logged at INFO -------------------------


def test_a_wait_over_a_second_is_logged_at_info_with_why_and_how_long(
    options: ClientOptions, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="fastn_client")
    script = Script([httpx.Response(503), httpx.Response(429, headers={"Retry-After": "57"}), httpx.Response(200)])
    with httpx.Client(transport=FastnTransport(script.transport(), options=options)) as client:
        client.get(URL)
    levels = [(record.levelno, record.getMessage()) for record in caplog.records if record.name == "fastn_client"]
    assert levels[0][0] == logging.DEBUG and "in 0.25 s" in levels[0][1]
    assert levels[1][0] == logging.INFO and "(status 429)" in levels[1][1] and "in 57.00 s" in levels[1][1]


# --- the one decision ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "status", "error", "retry_after", "retries_made", "expected", "line"),
    [
        ("GET", 503, None, None, 0, 0.5, "Retrying GET /api/v1/customers (status 503): retry 1 of 2 in 0.50 s"),
        ("GET", 429, None, 3.0, 0, 3.0, "Retrying GET /api/v1/customers (status 429): retry 1 of 2 in 3.00 s"),
        ("POST", 500, None, None, 0, None, "Not retrying POST /api/v1/customers (status 500): the request may"),
        ("GET", None, httpx.ReadError("x"), None, 0, 0.5, "Retrying GET /api/v1/customers (ReadError): retry 1 of 2"),
        ("GET", None, httpx.DecodingError("x"), None, 0, None, "(DecodingError): not a retryable failure"),
        ("GET", 503, None, None, 2, None, "Giving up on GET /api/v1/customers (status 503) after 2 retries"),
        ("GET", 429, None, 61.0, 0, None, "(status 429): Retry-After 61.00 s exceeds the 60.00 s ceiling"),
        ("GET", 429, None, 50.0, 0, None, "(status 429): a 50.00 s wait would pass the deadline"),
    ],
)
def test_one_function_decides_each_retry_and_logs_one_line(
    method: str,
    status: int | None,
    error: Exception | None,
    retry_after: float | None,
    retries_made: int,
    expected: float | None,
    line: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    clock = FakeClock()
    options = ClientOptions(clock=clock, sleep=clock.sleep, random=lambda: 1.0, jitter="equal", pacing=False)
    request = httpx.Request(method, f"{BASE_URL}/customers?secret=no")
    retry = RetryRules.from_options(options).for_request(request)
    for _ in range(retries_made):
        retry = retry.increment()
    with caplog.at_level(logging.DEBUG, logger="fastn_client"):
        delay = decide(
            request,
            retry,
            options,
            deadline_at=clock() + 40.0,
            status_code=status,
            error=error,
            retry_after=retry_after,
        )
    assert delay == expected
    assert [record.getMessage() for record in caplog.records if record.name == "fastn_client"] == [
        next(record.getMessage() for record in caplog.records if line in record.getMessage())
    ]
    assert "secret" not in caplog.text, "the query is never logged"
