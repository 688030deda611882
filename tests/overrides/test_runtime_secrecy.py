"""The API key never shows: not in log lines, reprs, events or exception text.

Every scenario below drives retries, pacing waits and each kind of error with
the key in a request header, then searches everything a user could print.
"""

from __future__ import annotations

import logging

import attrs
import httpx
import pytest
from fastn_client.lib.error_mapping import raise_for_status
from fastn_client.lib.errors import FastnError
from fastn_client.lib.options import ClientOptions, PacingEvent, RetryEvent
from fastn_client.lib.pacing import RateLimitPacer, bucket_id
from fastn_client.lib.transport import AsyncFastnTransport, FastnTransport
from runtime_fakes import BASE_URL, SECRET_KEY, START, Script

URL = f"{BASE_URL}/customers/cus_1"
SPENT = {"X-RateLimit-Limit": "5", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(int(START) + 1)}
CREDENTIALS = [
    {"x-fastn-api-key": SECRET_KEY},
    {"Authorization": f"Bearer {SECRET_KEY}"},
]


def _steps() -> list[httpx.Response | Exception]:
    return [
        httpx.Response(503),  # retried
        httpx.Response(200, headers=SPENT),  # next request paced
        httpx.Response(404, json={"code": "NOT_FOUND", "message": "Customer not found", "requestId": "req_1"}),
        httpx.ConnectError("refused"),
        httpx.ConnectError("refused"),
        httpx.ConnectError("refused"),  # APIConnectionError
        *[httpx.ReadTimeout("slow")] * 3,  # POST, with its idempotency key: retried, then APITimeoutError
    ]


class Observed:
    """Everything printable the scenario produced."""

    def __init__(self) -> None:
        self.retries: list[RetryEvent] = []
        self.pacing: list[PacingEvent] = []
        self.errors: list[FastnError] = []

    def options(self, base: ClientOptions) -> ClientOptions:
        return attrs.evolve(base, on_retry=self.retries.append, on_pacing=self.pacing.append)

    def texts(self) -> list[str]:
        texts = [repr(e) for e in [*self.retries, *self.pacing]]
        for error in self.errors:
            texts += [str(error), repr(error), repr(vars(error)), repr(error.args)]
        return texts


def _assert_secret_absent(
    observed: Observed, caplog: pytest.LogCaptureFixture, pacer: RateLimitPacer, *objects: object
) -> None:
    assert observed.retries
    assert observed.pacing
    assert len(observed.errors) == 3
    assert caplog.records
    lines = [caplog.text, *(record.getMessage() for record in caplog.records)]
    lines += [repr(record.args) for record in caplog.records]
    reprs = [repr(obj) for obj in objects]
    bucket = bucket_id(httpx.Request("GET", URL, headers=CREDENTIALS[0]))
    state, ticket = pacer.state(bucket), pacer.force(bucket)
    for text in [*lines, *reprs, *observed.texts(), repr(state), repr(pacer), repr(ticket)]:
        assert SECRET_KEY not in text
        assert SECRET_KEY[-10:] not in text


@pytest.mark.parametrize("credential", CREDENTIALS, ids=["api-key", "bearer"])
def test_secret_never_printed_sync(
    credential: dict[str, str],
    options: ClientOptions,
    pacer: RateLimitPacer,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    observed = Observed()
    transport = FastnTransport(Script(_steps()).transport(), options=observed.options(options))
    with httpx.Client(transport=transport, headers=credential) as client:
        client.get(URL)
        for method in ("GET", "GET", "POST"):
            try:
                raise_for_status(client.request(method, URL))
            except FastnError as error:
                observed.errors.append(error)
    _assert_secret_absent(observed, caplog, pacer, transport, transport.options)


@pytest.mark.asyncio
@pytest.mark.parametrize("credential", CREDENTIALS, ids=["api-key", "bearer"])
async def test_secret_never_printed_async(
    credential: dict[str, str],
    options: ClientOptions,
    pacer: RateLimitPacer,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    observed = Observed()
    transport = AsyncFastnTransport(Script(_steps()).transport(), options=observed.options(options))
    async with httpx.AsyncClient(transport=transport, headers=credential) as client:
        await client.get(URL)
        for method in ("GET", "GET", "POST"):
            try:
                raise_for_status(await client.request(method, URL))
            except FastnError as error:
                observed.errors.append(error)
    _assert_secret_absent(observed, caplog, pacer, transport, transport.options)
