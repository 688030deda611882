"""The generator's gaps that the overrides close, exercised through the generated package.

Each test drives a real generated endpoint function over `httpx.MockTransport`.
"""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

import attrs
import fastn_client
import httpx
import pytest
from fastn_client import (
    AuthenticatedClient,
    Client,
    ClientInputError,
    ClientOptions,
    InternalServerError,
    NotFoundError,
)
from fastn_client.api.billing_quotas import get_billing
from fastn_client.api.customers import delete_customer, get_customer, list_customers
from fastn_client.models import CustomerList

KEY = "fsk_test_0123456789abcdef0123456789abcdef"
CUSTOMER = UUID("3f1c2a9e-8b4d-4e2f-9a61-0c5d7e8f9a10")
QUIET = ClientOptions(max_retries=0, pacing=False)
RATE_HEADERS = {"X-RateLimit-Limit": "600", "X-RateLimit-Remaining": "597", "X-RateLimit-Reset": "1795852800"}


def client_with(
    handler: Callable[[httpx.Request], httpx.Response], **kwargs: object
) -> tuple[AuthenticatedClient, list[httpx.Request]]:
    seen: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return handler(request)

    settings: dict[str, object] = {"options": QUIET, "token": KEY, **kwargs}
    client = AuthenticatedClient(
        base_url="https://fastn.test",
        httpx_args={"transport": httpx.MockTransport(record)},
        **settings,  # type: ignore[arg-type]
    )
    return client, seen


def empty_page(_: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json={"data": [], "nextCursor": None}, headers=RATE_HEADERS)


def test_default_timeout_is_5s_connect_30s_read_and_overridable() -> None:
    client = AuthenticatedClient(token=KEY)
    timeout = client.get_httpx_client().timeout
    assert (timeout.connect, timeout.read, timeout.write, timeout.pool) == (5.0, 30.0, 30.0, 30.0)
    custom = AuthenticatedClient(token=KEY, timeout=httpx.Timeout(2.0))
    assert custom.get_httpx_client().timeout.read == 2.0
    assert client.with_timeout(httpx.Timeout(9.0)).get_httpx_client().timeout.read == 9.0


def test_default_base_url_is_the_live_api() -> None:
    assert str(AuthenticatedClient(token=KEY).get_httpx_client().base_url) == "https://live.fastn.ai"


def test_authenticates_with_the_fastn_key_header_and_no_prefix() -> None:
    client, seen = client_with(empty_page, space_id="space-1", tenant_id="acme", stage="DRAFT")
    page = list_customers.sync(client=client, limit=5)
    assert isinstance(page, CustomerList)
    (request,) = seen
    assert request.headers["x-fastn-api-key"] == KEY
    assert "authorization" not in request.headers
    assert request.headers["x-fastn-space-id"] == "space-1"
    assert request.headers["x-fastn-space-tenantid"] == "acme"
    assert request.headers["stage"] == "DRAFT"
    assert request.url.params["limit"] == "5"


def test_bearer_token_is_the_documented_alternative() -> None:
    client, seen = client_with(empty_page, auth_header_name="Authorization", prefix="Bearer")
    list_customers.sync(client=client)
    assert seen[0].headers["authorization"] == f"Bearer {KEY}"


def test_workspace_headers_are_left_out_when_not_set() -> None:
    client, seen = client_with(empty_page)
    list_customers.sync(client=client)
    assert not {"x-fastn-space-id", "x-fastn-space-tenantid", "stage", "x-fastn-custom-auth"} & set(seen[0].headers)


def test_a_key_and_a_space_id_make_a_complete_request() -> None:
    """The docs' minimal request: the tenant and stage headers are optional and not sent empty."""
    client, seen = client_with(empty_page, space_id="space-1")
    list_customers.sync(client=client)
    assert {"x-fastn-api-key", "x-fastn-space-id"} <= set(seen[0].headers)
    assert not {"x-fastn-space-tenantid", "stage"} & set(seen[0].headers)


def test_custom_auth_sends_the_flag_with_the_caller_s_own_token() -> None:
    client, seen = client_with(
        empty_page, auth_header_name="Authorization", prefix="Bearer", custom_auth=True, tenant_id="tenant_customer_123"
    )
    list_customers.sync(client=client)
    headers = seen[0].headers
    assert (headers["x-fastn-custom-auth"], headers["authorization"]) == ("true", f"Bearer {KEY}")
    assert headers["x-fastn-space-tenantid"] == "tenant_customer_123"  # not a UUID, sent as is
    assert AuthenticatedClient.from_env({"FASTN_API_KEY": KEY, "FASTN_CUSTOM_AUTH": "true"}).custom_auth is True
    assert AuthenticatedClient.from_env({"FASTN_API_KEY": KEY, "FASTN_CUSTOM_AUTH": "0"}).custom_auth is False


def test_from_env_reads_the_documented_variables() -> None:
    env = {
        "FASTN_API_KEY": KEY,
        "FASTN_SPACE_ID": "space-9",
        "FASTN_TENANT_ID": "tenant-9",
        "FASTN_BASE_URL": "https://staging.fastn.test",
    }
    client = AuthenticatedClient.from_env(env, options=QUIET)
    assert (client.token, client.space_id, client.tenant_id) == (KEY, "space-9", "tenant-9")
    assert str(client.get_httpx_client().base_url) == "https://staging.fastn.test"
    default = AuthenticatedClient.from_env({"FASTN_API_KEY": KEY})
    assert str(default.get_httpx_client().base_url) == "https://live.fastn.ai"


def test_from_env_reads_os_environ(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FASTN_API_KEY", KEY)
    monkeypatch.setenv("FASTN_SPACE_ID", "space-env")
    assert AuthenticatedClient.from_env().space_id == "space-env"


def test_from_env_without_a_key_says_which_variable_is_missing() -> None:
    with pytest.raises(
        ClientInputError, match=r"pass token=\.\.\. to AuthenticatedClient.from_env\(\), or set FASTN_API_KEY"
    ):
        AuthenticatedClient.from_env({})


def test_the_key_never_appears_in_repr() -> None:
    client = AuthenticatedClient(token=KEY, headers={"x-extra": KEY})
    client.get_httpx_client()
    assert KEY not in repr(client)
    assert KEY not in repr(client.with_headers({"x-more": "1"}))


def test_the_key_is_masked_in_the_httpx_client_and_in_every_request_s_headers() -> None:
    """httpx masks only Authorization: the key is added per request by an httpx.Auth, never kept in the
    httpx client's default headers, and the request's headers mask it in their repr too."""
    client, seen = client_with(empty_page)
    httpx_client = client.get_httpx_client()
    list_customers.sync(client=client)
    assert KEY not in repr(httpx_client.headers)
    assert KEY not in repr(httpx_client.auth)
    assert seen[0].headers["x-fastn-api-key"] == KEY  # sent, but never shown
    assert KEY not in repr(seen[0].headers)
    assert "'x-fastn-api-key', '[secure]'" in repr(seen[0].headers)


def test_with_headers_after_a_call_does_not_change_the_original_client() -> None:
    """The generator's with_headers() also updated the live httpx client it was called on, so a
    per-call header leaked into every later request of the original."""
    client, seen = client_with(empty_page)
    list_customers.sync(client=client)
    tagged = client.with_headers({"x-trace": "one-call"})
    list_customers.sync(client=tagged)
    list_customers.sync(client=client)
    assert [request.headers.get("x-trace") for request in seen] == [None, "one-call", None]
    assert "x-trace" not in client.get_httpx_client().headers


def test_with_timeout_after_a_call_does_not_change_the_original_client() -> None:
    client = AuthenticatedClient(token=KEY)
    client.get_httpx_client()
    quick = client.with_timeout(httpx.Timeout(1.0))
    assert quick.get_httpx_client().timeout.read == 1.0
    assert client.get_httpx_client().timeout.read == 30.0


def test_status_outside_httpstatus_does_not_crash_parsing() -> None:
    def cloudflare(_: httpx.Request) -> httpx.Response:
        return httpx.Response(520, text="<html>origin error</html>", headers=RATE_HEADERS)

    client, _ = client_with(cloudflare)
    detailed = get_customer.sync_detailed(CUSTOMER, client=client)
    assert detailed.status_code == 520
    assert detailed.parsed is None
    with pytest.raises(InternalServerError) as caught:
        get_customer.sync(CUSTOMER, client=client)
    assert caught.value.status_code == 520


def test_rate_limit_headers_are_reachable_from_the_detailed_response() -> None:
    client, _ = client_with(empty_page)
    detailed = list_customers.sync_detailed(client=client)
    assert detailed.rate_limit is not None
    assert (detailed.rate_limit.limit, detailed.rate_limit.remaining, detailed.rate_limit.reset_at) == (
        600,
        597,
        1795852800.0,
    )
    assert detailed.headers["x-ratelimit-remaining"] == "597"


def test_retry_after_and_request_id_are_reachable_too() -> None:
    def limited(_: httpx.Request) -> httpx.Response:
        body = {"code": "RATE_LIMITED", "message": "slow down", "statusCode": 429}
        return httpx.Response(429, json=body, headers={**RATE_HEADERS, "Retry-After": "7", "x-request-id": "req_1"})

    client, _ = client_with(limited)
    detailed = get_billing.sync_detailed(client=client)
    assert detailed.retry_after == 7.0
    assert detailed.request_id == "req_1"


def test_sync_raises_typed_errors_and_detailed_does_not() -> None:
    def missing(request: httpx.Request) -> httpx.Response:
        body = {"code": "NOT_FOUND", "message": "Customer not found.", "statusCode": 404, "requestId": "req_42"}
        return httpx.Response(404, json=body, headers=RATE_HEADERS)

    client, _ = client_with(missing)
    with pytest.raises(NotFoundError) as caught:
        get_customer.sync(CUSTOMER, client=client)
    error = caught.value
    assert (error.status_code, error.code, error.request_id) == (404, "NOT_FOUND", "req_42")
    assert f"GET https://fastn.test/api/v1/customers/{CUSTOMER}" in str(error)
    assert KEY not in str(error) and KEY not in repr(error)
    detailed = get_customer.sync_detailed(CUSTOMER, client=client)
    assert detailed.status_code == 404
    assert isinstance(detailed.parsed, fastn_client.models.Error)


def test_no_content_operations_return_none() -> None:
    client, _ = client_with(lambda _: httpx.Response(204, headers=RATE_HEADERS))
    delete_customer.sync(CUSTOMER, client=client)  # returns None: typed `-> None`, nothing to parse
    assert delete_customer.sync_detailed(CUSTOMER, client=client).status_code == 204


@pytest.mark.asyncio
async def test_async_functions_behave_the_same() -> None:
    client, seen = client_with(empty_page, space_id="space-1")
    page = await list_customers.asyncio(client=client)
    assert page.data == []
    assert seen[0].headers["x-fastn-api-key"] == KEY

    def missing(_: httpx.Request) -> httpx.Response:
        return httpx.Response(404, json={"code": "NOT_FOUND", "message": "gone", "statusCode": 404})

    failing, _ = client_with(missing)
    with pytest.raises(NotFoundError):
        await get_customer.asyncio(CUSTOMER, client=failing)


def test_unauthenticated_client_sends_no_key() -> None:
    seen: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return empty_page(request)

    client = Client(base_url="https://fastn.test", options=QUIET, httpx_args={"transport": httpx.MockTransport(record)})
    list_customers.sync(client=client)
    assert "x-fastn-api-key" not in seen[0].headers


def test_an_explicit_proxy_still_goes_through_the_retrying_transport() -> None:
    """Requests via `httpx_args={"proxy": ...}` are retried like any other: here the proxy (a
    closed port on loopback) refuses the connection, the client retries once, then raises."""
    retries: list[object] = []
    options = ClientOptions(max_retries=1, pacing=False, sleep=lambda _: None, on_retry=retries.append)
    client = AuthenticatedClient(
        base_url="http://fastn.invalid", token=KEY, options=options, httpx_args={"proxy": "http://127.0.0.1:9"}
    )
    with pytest.raises(fastn_client.APIConnectionError):
        list_customers.sync(client=client)
    assert len(retries) == 1


def test_an_undocumented_status_raises_a_fastn_error_when_asked_to() -> None:
    """A 2xx the spec does not document raises UnexpectedStatus (from sync() always, from
    sync_detailed() with raise_on_unexpected_status), an APIResponseValidationError, which
    `except FastnError` catches like every other error of the client. More cases in
    test_unexpected_responses.py."""
    client = AuthenticatedClient(
        base_url="https://fastn.test",
        token=KEY,
        options=QUIET,
        raise_on_unexpected_status=True,
        httpx_args={"transport": httpx.MockTransport(lambda _: httpx.Response(299, json={}))},
    )
    with pytest.raises(fastn_client.FastnError) as caught:
        list_customers.sync(client=client)
    assert isinstance(caught.value, fastn_client.errors.UnexpectedStatus)
    assert isinstance(caught.value, fastn_client.APIResponseValidationError)
    assert caught.value.status_code == 299
    with pytest.raises(fastn_client.errors.UnexpectedStatus):
        list_customers.sync_detailed(client=client)


# --- Where the key goes, test mode and realm (the docs and SDK of "A third look") ----------------

LIVE_KEY = "fsk_live_0123456789abcdef0123456789abcdef"
UUID_KEY = "6b0e3f0a-8a51-4d4e-9d67-3c2b1a0f9e8d"


def test_by_default_the_key_goes_in_the_seed_s_header_and_as_a_bearer_token_when_asked() -> None:
    client, seen = client_with(empty_page)
    bearer, seen_bearer = client_with(empty_page)
    bearer = bearer.with_options(attrs.evolve(QUIET, key_placement="bearer"))
    list_customers.sync(client=client)
    list_customers.sync(client=bearer)
    assert seen[0].headers["x-fastn-api-key"] == KEY and "authorization" not in seen[0].headers
    (request,) = seen_bearer
    assert request.headers["authorization"] == f"Bearer {KEY}" and "x-fastn-api-key" not in request.headers
    assert ClientOptions().key_placement == "header"


def test_the_bearer_form_never_shows_the_key() -> None:
    client, seen = client_with(empty_page, options=attrs.evolve(QUIET, key_placement="bearer"))
    httpx_client = client.get_httpx_client()
    list_customers.sync(client=client)
    assert seen[0].headers["authorization"] == f"Bearer {KEY}"
    for text in (repr(client), repr(httpx_client.headers), repr(httpx_client.auth), repr(seen[0].headers)):
        assert KEY not in text and KEY[-12:] not in text


def test_a_hand_set_header_or_prefix_wins_over_the_key_placement() -> None:
    client, seen = client_with(
        empty_page, auth_header_name="x-other", options=attrs.evolve(QUIET, key_placement="bearer")
    )
    list_customers.sync(client=client)
    assert seen[0].headers["x-other"] == KEY and "authorization" not in seen[0].headers


def test_test_mode_is_sent_with_a_test_key_and_never_with_a_live_one() -> None:
    def sent(token: str, test_mode: bool | None = None) -> str | None:
        client, seen = client_with(empty_page, token=token, options=attrs.evolve(QUIET, test_mode=test_mode))
        list_customers.sync(client=client)
        value: str | None = seen[0].headers.get("x-fastn-test-mode")
        return value

    assert sent(KEY) == "true"
    assert sent(LIVE_KEY) is None
    assert sent(UUID_KEY) is None  # not recognisably a test key: not sent unless asked
    assert sent(UUID_KEY, test_mode=True) == "true"
    assert sent(KEY, test_mode=False) is None
    with pytest.raises(ClientInputError) as caught:
        AuthenticatedClient(token=LIVE_KEY, options=ClientOptions(test_mode=True))
    assert caught.value.argument == "options" and LIVE_KEY not in str(caught.value)
    assert LIVE_KEY[-12:] not in repr(caught.value)


def test_realm_is_sent_as_the_sdk_sends_it_unless_turned_off() -> None:
    client, seen = client_with(empty_page)
    list_customers.sync(client=client)
    list_customers.sync(client=client.with_options(attrs.evolve(QUIET, realm=None)))
    assert [request.headers.get("realm") for request in seen] == ["fastn", None]
    with pytest.raises(ClientInputError):
        ClientOptions(realm="fastn\r\nx-evil: 1")


def test_a_custom_auth_token_goes_raw_in_authorization_without_test_mode() -> None:
    client, seen = client_with(empty_page, custom_auth=True)
    list_customers.sync(client=client)
    headers = seen[0].headers
    assert (headers["authorization"], headers["x-fastn-custom-auth"]) == (KEY, "true")
    assert "x-fastn-api-key" not in headers and "x-fastn-test-mode" not in headers
    assert KEY not in repr(headers)
