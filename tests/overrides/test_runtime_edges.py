"""The edges of the hostile-peer handling: what each guard does when its case half-applies.

A pacer that fails while settling, a 409 that is not the PUT's own, a check that cannot be
made, a body that fails to decode on the async path, caller input of the wrong type.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

import attrs
import httpx
import pytest
from fastn_client.lib.auth import CredentialAuth, strip_foreign_credentials
from fastn_client.lib.errors import (
    APIConnectionError,
    APIResponseValidationError,
    ClientInputError,
    ResponseTooLargeError,
    UnexpectedStatus,
)
from fastn_client.lib.inputs import check_header_value, check_headers, check_timeout
from fastn_client.lib.options import ClientOptions
from fastn_client.lib.pacing import Ticket, Wait
from fastn_client.lib.sending import asend, send
from fastn_client.lib.transport import AsyncFastnTransport, FastnTransport
from runtime_fakes import BASE_URL, Script

URL = f"{BASE_URL}/customers/c1"
PUT = {"revision": 3, "name": "Acme Corp."}
MISMATCH = {"code": "VERSION_MISMATCH", "message": "stale", "currentRevision": 4}


class _FailingTicket(Ticket):
    def __init__(self) -> None:
        pass

    def settle(self, headers: httpx.Headers | None) -> None:
        raise RuntimeError("pacer broke")


class _FailingPacer:
    """A pacer whose every settle raises: the call must not notice."""

    def bucket_of(self, request: httpx.Request) -> str:
        return "b"

    def reserve(self, bucket: str, *, now: float) -> Ticket | Wait:
        return _FailingTicket()

    async def areserve(self, bucket: str, *, now: float) -> Ticket | Wait:
        return _FailingTicket()

    def force(self, bucket: str, *, now: float | None = None) -> Ticket:
        return _FailingTicket()

    async def aforce(self, bucket: str, *, now: float | None = None) -> Ticket:
        return _FailingTicket()


def _sync(handler: Callable[[httpx.Request], httpx.Response], options: ClientOptions) -> httpx.Client:
    return httpx.Client(transport=FastnTransport(httpx.MockTransport(handler), options=options))


def _async_call(
    handler: Callable[[httpx.Request], httpx.Response], options: ClientOptions, method: str, **kwargs: Any
) -> httpx.Response:
    async def call() -> httpx.Response:
        transport = AsyncFastnTransport(httpx.MockTransport(handler), options=options)
        async with httpx.AsyncClient(transport=transport) as client:
            return await client.request(method, URL, **kwargs)

    return asyncio.run(call())


def test_a_pacer_that_fails_to_settle_costs_pacing_not_the_call(
    options: ClientOptions, caplog: pytest.LogCaptureFixture
) -> None:
    failing = attrs.evolve(options, pacer=_FailingPacer())
    with _sync(lambda _: httpx.Response(200), failing) as client:
        assert client.get(URL).status_code == 200
    assert _async_call(lambda _: httpx.Response(200), failing, "GET").status_code == 200
    assert caplog.text.count("could not settle") == 2


# --------------------------------------------------------------------------- the PUT landing check


def _put_after_a_lost_answer(*answers: httpx.Response | Exception) -> Script:
    return Script([httpx.ReadTimeout("lost"), *answers])


@pytest.mark.parametrize(
    ("conflict", "body"),
    [
        ({"code": "CONFLICT", "message": "slug taken"}, PUT),  # not a revision conflict
        (MISMATCH, {"name": "no revision"}),  # nothing to compare against
        (MISMATCH, b"not json"),
    ],
    ids=["other-409", "no-revision", "body-not-json"],
)
def test_a_409_that_cannot_be_the_puts_own_write_is_returned_unchecked(
    options: ClientOptions, conflict: dict[str, Any], body: object
) -> None:
    script = _put_after_a_lost_answer(httpx.Response(409, json=conflict))
    content = body if isinstance(body, bytes) else json.dumps(body).encode()
    with _sync(script, options) as client:
        assert client.put(URL, content=content).status_code == 409
    assert [request.method for request in script.requests] == ["PUT", "PUT"]


@pytest.mark.parametrize(
    "check",
    [
        httpx.ConnectError("down"),
        httpx.Response(503),
        httpx.Response(200, content=b"garbage"),
        httpx.Response(200, json={**PUT, "revision": 9}),
        httpx.Response(200, json={**PUT, "revision": 4, "name": "Someone else's"}),
    ],
    ids=["check-fails", "check-503", "check-not-json", "other-revision", "other-write"],
)
def test_a_put_whose_landing_cannot_be_confirmed_keeps_its_409(
    options: ClientOptions, check: httpx.Response | Exception
) -> None:
    script = _put_after_a_lost_answer(httpx.Response(409, json=MISMATCH), check)
    with _sync(script, options) as client:
        assert client.put(URL, json=PUT).status_code == 409
    assert [request.method for request in script.requests] == ["PUT", "PUT", "GET"]


def test_a_put_that_landed_is_answered_with_the_resource_async(options: ClientOptions) -> None:
    landed = {**PUT, "revision": 4, "id": "c1"}
    script = _put_after_a_lost_answer(
        httpx.Response(409, json=MISMATCH), httpx.Response(200, json=landed, headers={"x-request-id": "req_9"})
    )
    response = _async_call(script, options, "PUT", json=PUT)
    assert (response.status_code, response.json(), response.headers["x-request-id"]) == (200, landed, "req_9")
    assert "idempotency-key" not in script.requests[2].headers


def test_an_async_check_that_fails_keeps_the_409(options: ClientOptions) -> None:
    script = _put_after_a_lost_answer(httpx.Response(409, json=MISMATCH), httpx.ConnectError("down"))
    assert _async_call(script, options, "PUT", json=PUT).status_code == 409


# --------------------------------------------------------------------------- bounded reads, async


def test_an_async_body_over_the_limit_is_cut_off(options: ClientOptions) -> None:
    big = httpx.Response(200, stream=httpx.ByteStream(b"x" * 2048))
    with pytest.raises(ResponseTooLargeError):
        _async_call(lambda _: big, attrs.evolve(options, max_response_bytes=1024), "GET")


def test_an_async_body_its_encoding_cannot_decode_is_a_typed_error(options: ClientOptions) -> None:
    garbled = httpx.Response(200, headers={"Content-Encoding": "gzip"}, stream=httpx.ByteStream(b"not gzip"))
    with pytest.raises(APIResponseValidationError, match="cannot decode"):
        _async_call(lambda _: garbled, options, "GET")


def test_a_validation_error_names_its_idempotency_key_and_keeps_a_bounded_body() -> None:
    request = httpx.Request("POST", URL, headers={"Idempotency-Key": "k-1"})
    error = UnexpectedStatus.from_response(httpx.Response(299, content=b"[" + b"1," * 40_000 + b"1]", request=request))
    assert error.idempotency_key == "k-1"
    assert isinstance(error.body, str) and len(error.body) <= 200


# --------------------------------------------------------------------------- httpx's own errors, typed


def test_an_httpx_error_raised_around_the_transport_is_typed() -> None:
    def broken(_: httpx.Request) -> httpx.Response:
        raise httpx.DecodingError("raised by a transport of the caller's")

    with httpx.Client(transport=httpx.MockTransport(broken)) as client, pytest.raises(APIConnectionError):
        send(client, {"method": "GET", "url": URL})

    async def call() -> None:
        async with httpx.AsyncClient(transport=httpx.MockTransport(broken)) as client:
            await asend(client, {"method": "GET", "url": URL})

    with pytest.raises(APIConnectionError, match="DecodingError"):
        asyncio.run(call())


# --------------------------------------------------------------------------- caller input


@pytest.mark.parametrize(
    ("check", "message"),
    [
        (lambda: check_header_value("space_id", 42), "space_id: must be a string, not int"),
        (lambda: check_headers({"bad name": "v"}), "header name 'bad name' must be printable ASCII"),
        (lambda: check_headers({"": "v"}), "header name '' must be printable ASCII"),
        (lambda: check_timeout("timeout", "5"), "timeout must be seconds"),
        (lambda: check_timeout("timeout", True), "timeout must be seconds"),
        (lambda: ClientOptions(max_retries="2"), "max_retries must be a number"),  # type: ignore[arg-type]
        (lambda: ClientOptions(deadline=float("nan")), "deadline must be a number"),
    ],
)
def test_caller_input_of_the_wrong_type_is_named(check: Callable[[], object], message: str) -> None:
    with pytest.raises(ClientInputError, match=message):
        check()


def test_only_the_credential_headers_present_are_stripped_across_origins() -> None:
    request = httpx.Request("GET", "https://live.fastn.ai/x")
    flow = CredentialAuth("x-fastn-api-key", "k").auth_flow(request)
    next(flow)
    moved = httpx.Request("GET", "https://elsewhere.example/x", extensions=request.extensions)
    assert strip_foreign_credentials(moved) is False  # it carries no credential header to strip
    assert strip_foreign_credentials(httpx.Request("GET", "https://elsewhere.example/x")) is False
