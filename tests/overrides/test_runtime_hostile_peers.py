"""Issue 18's defects, one test each: the client's promises against hostile peers.

A slow or garbled server, a garbage Redis, a redirect to another host, a careless caller: every
outcome is the right result or a typed ``FastnError``, inside the deadline, with the key in no
message and nothing of it kept in an exception's chain. Real sockets only where the defect lives
in the socket layer (a response head that trickles in); the rest over ``httpx.MockTransport``.
"""

from __future__ import annotations

import asyncio
import gzip
import importlib.util
import itertools
import json
import logging
import pickle
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any
from uuid import UUID

import attrs
import httpx
import pytest
from fastn_client import AsyncFastn, AuthenticatedClient, Fastn
from fastn_client.api.customers import get_customer, list_customers
from fastn_client.api.workflows import run_workflow
from fastn_client.lib import shared_pacing
from fastn_client.lib.deadline import call_deadline
from fastn_client.lib.errors import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    ClientInputError,
    FastnError,
    InternalServerError,
    ResponseTooLargeError,
)
from fastn_client.lib.options import ClientOptions
from fastn_client.lib.pacing import RateLimitPacer, Ticket
from fastn_client.lib.request_options import RequestOptions
from fastn_client.lib.shared_pacing import RedisPacer
from fastn_client.lib.transport import FastnTransport
from fastn_client.models import WorkflowRunRequest
from runtime_fakes import SECRET_KEY, START, FakeClock, Script

CUSTOMER_ID = UUID("3f1c2a9e-8b4d-4e2f-9a61-0c5d7e8f9a10")
HOST = "https://live.fastn.ai"
# A bound that only a hang crosses: the defects below held calls for minutes.
HANG = 60.0


def _client(handler: Any, options: ClientOptions, **kwargs: Any) -> AuthenticatedClient:
    return AuthenticatedClient(
        base_url=HOST,
        token=SECRET_KEY,
        space_id="space-1",
        options=options,
        httpx_args={"transport": httpx.MockTransport(handler)},
        **kwargs,
    )


def _chain(error: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    stack: list[BaseException | None] = [error]
    while stack:
        current = stack.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        stack += [current.__cause__, current.__context__]


def _no_key_anywhere(error: BaseException) -> None:
    for link in _chain(error):
        assert SECRET_KEY not in str(link) and SECRET_KEY not in repr(link)
        request = getattr(link, "_request", None)
        assert request is None or not isinstance(request, httpx.Request), f"{type(link).__name__} keeps the request"
    assert SECRET_KEY.encode() not in pickle.dumps(error)


# --------------------------------------------------------------------------- one deadline


@pytest.fixture
def trickling_server() -> Iterator[str]:
    """A server that sends its response head one byte every 0.2 s (a whole answer takes ~15 s)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except OSError:
                return
            with connection:
                connection.recv(65536)
                for byte in b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}":
                    if stop.wait(0.2):
                        break
                    try:
                        connection.send(bytes([byte]))
                    except OSError:
                        break

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    listener.close()
    thread.join(timeout=HANG)


def test_a_response_head_trickling_in_is_cut_at_the_deadline(trickling_server: str) -> None:
    client = AuthenticatedClient(
        base_url=trickling_server, token=SECRET_KEY, options=ClientOptions(deadline=0.5, max_retries=0, pacing=False)
    )
    started = time.monotonic()
    with pytest.raises(APITimeoutError) as timed_out:
        get_customer.sync(CUSTOMER_ID, client=client)
    assert time.monotonic() - started < HANG  # before: 511 s with a 3 s deadline
    _no_key_anywhere(timed_out.value)


def test_a_response_head_trickling_in_is_cut_at_the_deadline_async(trickling_server: str) -> None:
    client = AuthenticatedClient(
        base_url=trickling_server, token=SECRET_KEY, options=ClientOptions(deadline=0.5, max_retries=0, pacing=False)
    )

    async def call() -> None:
        async with AsyncFastn(http_client=client) as fastn:
            await fastn.customers.get(CUSTOMER_ID)

    started = time.monotonic()
    with pytest.raises(APITimeoutError):
        asyncio.run(call())
    assert time.monotonic() - started < HANG


def test_the_deadline_backend_refuses_an_operation_once_it_has_passed() -> None:
    ticks = itertools.count(START, 10.0)  # every look at the clock is 10 s later: the 5 s deadline passes at once
    options = ClientOptions(clock=lambda: next(ticks), deadline=5.0, pacing=False, sleep=lambda _: None)
    with httpx.Client(transport=FastnTransport(options=options)) as client, pytest.raises(APITimeoutError) as timed_out:
        client.get("http://127.0.0.1:9/never-dialled")
    assert "the call's deadline passed before connecting" in str(timed_out.value)


def test_redis_calls_keep_to_the_deadline() -> None:
    """Near the deadline the shared pacer answers from the in-process budget, without a round trip."""
    asked: list[object] = []
    pacer = RedisPacer("redis://127.0.0.1:9/0", fallback=RateLimitPacer())
    pacer._reserve = lambda **kwargs: asked.append(kwargs)  # type: ignore[assignment]
    clock = FakeClock()
    pacer._settle_script = lambda **kwargs: asked.append(kwargs)  # type: ignore[assignment]
    with call_deadline(clock, START + shared_pacing.REDIS_TIMEOUT / 2):
        outcome = pacer.reserve("bucket", now=START)
        shared_pacing.RedisTicket(pacer, "bucket", "t-1").settle(None)
        asyncio.run(shared_pacing.RedisTicket(pacer, "bucket", "t-2").asettle(None))
    assert isinstance(outcome, Ticket) and asked == []


# --------------------------------------------------------------------------- every failure a FastnError


@pytest.mark.parametrize("status", [200, 500])
def test_a_body_nested_1100_levels_is_a_typed_error(options: ClientOptions, status: int) -> None:
    deep = ("[" * 1100 + "]" * 1100).encode()
    client = _client(lambda _: httpx.Response(status, content=deep), options)
    with pytest.raises(FastnError) as raised:
        get_customer.sync(CUSTOMER_ID, client=client)
    expected = APIResponseValidationError if status == 200 else InternalServerError
    assert isinstance(raised.value, expected)


def test_a_4300_digit_rate_limit_header_is_ignored_and_leaks_no_pacing_slot(options: ClientOptions) -> None:
    huge = "9" * 4300
    answers = [
        httpx.Response(200, headers={"X-RateLimit-Remaining": huge, "X-RateLimit-Reset": huge}, json={"data": []}),
        httpx.Response(200, headers={"X-RateLimit-Remaining": "1", "X-RateLimit-Reset": str(START + 60)}, json={}),
    ]
    client = _client(lambda _: answers.pop(0), attrs.evolve(options, deadline=5.0))
    list_customers.sync_detailed(client=client)
    get_customer.sync_detailed(CUSTOMER_ID, client=client)  # would wait out the deadline on a leaked slot
    assert answers == []


@pytest.mark.parametrize(
    "reply",
    [[b"wait", b"nan"], [b"wait", b"inf", b"1", b"2"], [b"wait", b"-5"], [b"bogus"], [], [b"wait", b"1e400"], None],
    ids=["nan-wait", "inf-wait", "negative-wait", "unknown-kind", "empty", "overflow", "not-a-list"],
)
def test_garbage_from_redis_falls_back_to_in_process_pacing(reply: Any, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="fastn_client")
    pacer = RedisPacer("redis://127.0.0.1:9/0", fallback=RateLimitPacer())
    pacer._reserve = lambda **_: reply  # type: ignore[assignment]
    outcome = pacer.reserve("bucket", now=START)
    assert isinstance(outcome, Ticket) and not isinstance(outcome, shared_pacing.RedisTicket)
    assert "answers what the pacing scripts do not" in caplog.text


def test_garbage_from_redis_in_async_never_hangs_the_loop() -> None:
    pacer = RedisPacer("redis://127.0.0.1:9/0", fallback=RateLimitPacer())

    async def nan_wait(**_: Any) -> list[bytes]:
        return [b"wait", b"nan"]

    async def reserve() -> object:
        pacer._async[asyncio.get_running_loop()] = (None, nan_wait, nan_wait)
        return await pacer.areserve("bucket", now=START)

    assert isinstance(asyncio.run(asyncio.wait_for(reserve(), HANG)), Ticket)


@pytest.mark.parametrize("url", ["127.0.0.1:6379", "http://127.0.0.1:6379", ""])
def test_a_redis_url_without_a_redis_scheme_is_refused_at_construction(url: str) -> None:
    if not url:
        assert ClientOptions(rate_limit_redis_url=None).rate_limit_redis_url is None
        return
    with pytest.raises(ClientInputError, match="must start with redis://") as refused:
        ClientOptions(rate_limit_redis_url=url)
    assert refused.value.argument == "rate_limit_redis_url"


def test_a_redis_url_without_the_redis_extra_fails_once_at_construction(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    monkeypatch.setenv("FASTN_RATE_LIMIT_REDIS_URL", "redis://127.0.0.1:6379/0")
    with pytest.raises(ClientInputError, match=r'pip install "fastn-client\[redis\]"'):
        Fastn(api_key=SECRET_KEY)


@pytest.mark.parametrize(
    ("make", "argument"),
    [
        (lambda: Fastn(api_key=SECRET_KEY, space_id="espaço"), "space_id"),
        (lambda: Fastn(api_key="fsk_live_ключ"), "token"),
        (lambda: Fastn(api_key=SECRET_KEY, tenant_id="t\r\nX-Evil: 1"), "tenant_id"),
        (lambda: Fastn(api_key=SECRET_KEY, timeout=-1), "timeout"),
        (lambda: Fastn(api_key=SECRET_KEY, timeout=httpx.Timeout(5.0, read=-1)), "timeout.read"),
        (lambda: Fastn(api_key=SECRET_KEY, base_url="live.fastn.ai"), "base_url"),
        (lambda: RequestOptions(extra_headers={"x-note": "café"}), "extra_headers['x-note']"),
        (lambda: RequestOptions(timeout=float("nan")), "timeout"),
    ],
    ids=["space-id", "key", "tenant-header-injection", "timeout", "read-timeout", "base-url", "header", "nan"],
)
def test_bad_caller_input_is_a_client_input_error_naming_the_argument(make: Any, argument: str) -> None:
    with pytest.raises(ClientInputError) as refused:
        make()
    assert refused.value.argument == argument and isinstance(refused.value, ValueError)
    assert "ключ" not in str(refused.value)  # a key is never quoted


def test_a_non_ascii_idempotency_key_is_refused_before_sending(options: ClientOptions) -> None:
    sent = Script([])  # any request sent fails the test
    client = _client(sent, options)
    with pytest.raises(ClientInputError, match="idempotency_key") as refused:
        Fastn(http_client=client).workflows.run("flow-1", idempotency_key="clé-1")
    assert refused.value.argument == "idempotency_key" and sent.requests == []


# --------------------------------------------------------------------------- bounded reads


def test_a_gzip_bomb_is_cut_off_with_a_typed_error(options: ClientOptions) -> None:
    bomb = gzip.compress(b"[" + b"0," * (8 * 1024 * 1024) + b"0]", compresslevel=9)
    assert len(bomb) < 64 * 1024
    respond = lambda _: httpx.Response(  # noqa: E731 - a stream, decoded as it is read, as from the network
        200, stream=httpx.ByteStream(bomb), headers={"Content-Encoding": "gzip"}
    )
    client = _client(respond, attrs.evolve(options, max_response_bytes=1024 * 1024))
    with pytest.raises(ResponseTooLargeError, match="1,048,576-byte limit") as cut:
        list_customers.sync(client=client)
    assert cut.value.status_code == 200


@pytest.mark.parametrize("megabytes", [10, 100])
def test_an_error_body_of_100_mb_is_kept_as_a_bounded_excerpt(options: ClientOptions, megabytes: int) -> None:
    body = b'{"code": "X", "message": "' + b"x" * (megabytes * 1024 * 1024) + b'"}'
    client = _client(lambda _: httpx.Response(500, content=body), attrs.evolve(options, max_retries=0))
    with pytest.raises(FastnError) as failed:
        get_customer.sync(CUSTOMER_ID, client=client)
    if megabytes > 64:  # over max_response_bytes: not even read whole
        assert isinstance(failed.value, ResponseTooLargeError) and failed.value.status_code == 500
    else:
        assert isinstance(failed.value, APIStatusError)
        assert isinstance(failed.value.body, str) and len(failed.value.body) <= 200
    assert len(pickle.dumps(failed.value)) < 64 * 1024


# --------------------------------------------------------------------------- safe retries


def test_a_408_timed_out_from_run_workflow_is_never_rerun(options: ClientOptions) -> None:
    for trusted in (False, True):
        script = Script([httpx.Response(408, json={"code": "TIMED_OUT", "message": "still running"})])
        client = _client(script, attrs.evolve(options, trust_idempotency_keys=trusted))
        with pytest.raises(APIStatusError) as timed_out:
            run_workflow.sync("flow-1", client=client, body=WorkflowRunRequest())
        assert len(script.requests) == 1
        assert timed_out.value.idempotency_key == script.requests[0].headers["idempotency-key"]


def test_a_post_whose_answer_was_lost_is_not_resent_and_keeps_its_key(options: ClientOptions) -> None:
    script = Script([httpx.ReadTimeout("lost")])
    client = _client(script, options)
    with pytest.raises(APITimeoutError) as lost:
        Fastn(http_client=client).customers.create(name="Acme", slug="acme", admin_email="ops@acme.example")
    assert len(script.requests) == 1
    assert lost.value.idempotency_key == script.requests[0].headers["idempotency-key"]


# --------------------------------------------------------------------------- no leaks


@pytest.mark.parametrize("status", [302, 307])
def test_the_key_is_not_sent_to_another_host_on_a_redirect(options: ClientOptions, status: int) -> None:
    seen: dict[str, httpx.Headers] = {}

    def handler(request: httpx.Request) -> httpx.Response:
        seen[request.url.host] = request.headers
        if request.url.host == "live.fastn.ai":
            return httpx.Response(status, headers={"Location": "https://attacker.example/steal"})
        return httpx.Response(200, json={"data": [], "nextCursor": None})

    client = _client(handler, options, follow_redirects=True)
    list_customers.sync_detailed(client=client)
    assert seen["live.fastn.ai"]["x-fastn-api-key"] == SECRET_KEY
    assert "x-fastn-api-key" not in seen["attacker.example"]


def test_a_redirect_within_the_origin_keeps_the_key(options: ClientOptions) -> None:
    seen: list[httpx.Headers] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers)
        if request.url.path.endswith("/customers"):
            return httpx.Response(307, headers={"Location": f"{HOST}/api/v1/customers/"})
        return httpx.Response(200, json={"data": [], "nextCursor": None})

    list_customers.sync_detailed(client=_client(handler, options, follow_redirects=True))
    assert [headers.get("x-fastn-api-key") for headers in seen] == [SECRET_KEY, SECRET_KEY]


def test_a_password_in_the_base_url_is_in_no_error_message(options: ClientOptions) -> None:
    client = AuthenticatedClient(
        base_url="https://user:hunter2@live.fastn.ai",
        token=SECRET_KEY,
        options=attrs.evolve(options, max_retries=0),
        httpx_args={"transport": httpx.MockTransport(lambda _: httpx.Response(500))},
    )
    with pytest.raises(APIStatusError) as failed:
        get_customer.sync(CUSTOMER_ID, client=client)
    assert "hunter2" not in str(failed.value) and "hunter2" not in repr(failed.value.request)


def test_a_timeout_error_chain_holds_no_request_headers(options: ClientOptions) -> None:
    client = _client(Script([httpx.ReadTimeout("slow")] * 3), options)
    with pytest.raises(APITimeoutError) as timed_out:
        get_customer.sync(CUSTOMER_ID, client=client)
    assert isinstance(timed_out.value.__cause__, httpx.ReadTimeout)
    _no_key_anywhere(timed_out.value)


# --------------------------------------------------------------------------- debugging


def test_debug_logs_every_request_without_a_header_value(
    options: ClientOptions, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="fastn_client")
    answer = httpx.Response(404, headers={"x-request-id": "req_42"}, json={"code": "NOT_FOUND"})
    client = _client(lambda _: answer, options)
    with pytest.raises(APIStatusError):
        get_customer.sync(CUSTOMER_ID, client=client, request_options=RequestOptions(extra_headers={"x-q": "v"}))
    [line] = [record.getMessage() for record in caplog.records if record.name == "fastn_client.http"]
    assert line == f"GET /api/v1/customers/{CUSTOMER_ID} -> 404 in 0.000 s (request req_42, attempt 1)"
    assert SECRET_KEY not in caplog.text and "space-1" not in caplog.text


def test_fastn_takes_max_retries() -> None:
    assert Fastn(api_key=SECRET_KEY, max_retries=5).client.options.max_retries == 5
    assert AsyncFastn(api_key=SECRET_KEY, max_retries=0).client.options.max_retries == 0


def test_errors_still_pickle_with_their_idempotency_key(options: ClientOptions) -> None:
    client = _client(Script([httpx.Response(409, json={"code": "CONFLICT"})]), options)
    with pytest.raises(APIStatusError) as conflict:
        Fastn(http_client=client).customers.create(
            name="Acme", slug="acme", admin_email="ops@acme.example", idempotency_key="key-1"
        )
    copy = pickle.loads(pickle.dumps(conflict.value))  # noqa: S301 - own bytes
    assert copy.idempotency_key == "key-1" and json.loads(json.dumps(str(copy)))
    assert isinstance(copy, APIStatusError) and not isinstance(copy, APIConnectionError)


def test_a_redirect_loop_is_a_typed_error_naming_no_key(options: ClientOptions) -> None:
    loop = httpx.Response(302, headers={"Location": f"{HOST}/api/v1/customers"})
    client = _client(lambda _: loop, options, follow_redirects=True)
    with pytest.raises(APIConnectionError, match="TooManyRedirects") as looped:
        list_customers.sync(client=client)
    _no_key_anywhere(looped.value)


def test_a_body_its_content_encoding_cannot_decode_is_a_typed_error(options: ClientOptions) -> None:
    # A stream, as from the network: a Response made with content= decodes it at once, in the handler.
    garbled = httpx.Response(200, headers={"Content-Encoding": "gzip"}, stream=httpx.ByteStream(b"not gzip at all"))
    with pytest.raises(APIResponseValidationError, match=r"Content-Encoding \(gzip\) cannot decode"):
        list_customers.sync(client=_client(lambda _: garbled, options))
