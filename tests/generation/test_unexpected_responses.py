"""Liberal in what we accept: answers the spec did not predict, through the generated client.

Whatever the server sends, `sync()`/`asyncio()` return the declared type or raise a typed
`FastnError` (never None under a non-optional type, never a raw KeyError/TypeError/ValueError
from parsing), and `sync_detailed()`/`asyncio_detailed()` return the raw answer with
`.parsed` None when the body does not parse. Each test drives a real generated endpoint
function over `httpx.MockTransport`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any
from uuid import UUID

import fastn_client
import httpx
import pytest
from fastn_client import (
    APIResponseValidationError,
    AuthenticatedClient,
    ClientOptions,
    FastnError,
    InternalServerError,
)
from fastn_client.api.customers import create_customer, delete_customer, get_customer
from fastn_client.api.workflows import run_workflow
from fastn_client.errors import UnexpectedStatus
from fastn_client.models import Customer, CustomerCreate, WorkflowRunRequest

# A distinctive fake key: no exception text may contain it, nor its tail.
KEY = "fsk_test_SECRET_e3b0c44298fc1c149afbf4c8996fb924"
BASE = "https://fastn.test"
CUSTOMER = UUID("3f1c2a9e-8b4d-4e2f-9a61-0c5d7e8f9a10")
CUSTOMER_URL = f"{BASE}/api/v1/customers/{CUSTOMER}"
QUIET = ClientOptions(max_retries=0, pacing=False)
HTML = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"
PARSE_EXCEPTIONS = (KeyError, TypeError, ValueError, AttributeError, json.JSONDecodeError)
NEW_CUSTOMER = CustomerCreate(name="Acme", slug="acme", admin_email="ops@acme.test")


def customer_body(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": str(CUSTOMER),
        "name": "Acme",
        "slug": "acme",
        "status": "active",
        "adminEmail": "ops@acme.test",
        "plan": "growth",
        "dataResidency": "EU",
        "revision": 1,
        "createdAt": "2026-11-02T09:30:00+00:00",
        "updatedAt": "2026-11-02T09:30:00+00:00",
    }
    body.update(changes)
    return {key: value for key, value in body.items() if value is not None}


def client_answering(
    response: Callable[[], httpx.Response], *, base_url: str = BASE, **kwargs: Any
) -> AuthenticatedClient:
    return AuthenticatedClient(
        base_url=base_url,
        token=KEY,
        options=QUIET,
        httpx_args={"transport": httpx.MockTransport(lambda _: response())},
        **kwargs,
    )


def texts_of(error: BaseException) -> list[str]:
    """Everything printable about an error and its chain."""
    texts: list[str] = []
    current: BaseException | None = error
    while current is not None:
        texts += [str(current), repr(current), repr(current.args), repr(vars(current))]
        current = current.__cause__ or current.__context__
    return texts


def assert_key_absent(error: BaseException) -> None:
    for text in texts_of(error):
        assert KEY not in text
        assert KEY[-12:] not in text


def test_the_happy_path_still_returns_the_model() -> None:
    client = client_answering(lambda: httpx.Response(200, json=customer_body()))
    customer = get_customer.sync(CUSTOMER, client=client)
    assert isinstance(customer, Customer)
    assert customer.name == "Acme"


def test_an_undocumented_2xx_raises_instead_of_returning_none() -> None:
    """createCustomer documents 201 only: a 200, even with a valid customer, is not returned as
    None typed as Customer, and raise_on_unexpected_status (False by default) does not matter."""
    for raise_on_unexpected_status in (False, True):
        client = client_answering(
            lambda: httpx.Response(200, json=customer_body(), headers={"x-request-id": "req_9"}),
            raise_on_unexpected_status=raise_on_unexpected_status,
        )
        with pytest.raises(APIResponseValidationError) as caught:
            create_customer.sync(client=client, body=NEW_CUSTOMER)
        error = caught.value
        assert isinstance(error, UnexpectedStatus)
        assert isinstance(error, FastnError)
        assert (error.status_code, error.request_id) == (200, "req_9")
        assert error.body == customer_body()
        assert json.loads(error.content) == customer_body()
        assert str(error) == (
            f"200 response has a status this operation does not document (POST {BASE}/api/v1/customers, request req_9)"
        )
        assert_key_absent(error)


def test_a_redirect_raises_a_typed_error_naming_where_it_points() -> None:
    """An http:// base URL typically gets a 301 to https://: httpx does not follow it (the key
    would travel in clear first), and the client says so instead of returning None."""
    target = CUSTOMER_URL
    client = client_answering(
        lambda: httpx.Response(301, headers={"location": target}),
        base_url="http://fastn.test",
    )
    with pytest.raises(UnexpectedStatus) as caught:
        get_customer.sync(CUSTOMER, client=client)
    error = caught.value
    assert isinstance(error, APIResponseValidationError)
    assert (error.status_code, error.body, error.content, error.request_id) == (301, None, b"", None)
    assert str(error) == (
        f"301 response has a status this operation does not document (redirect to {target}: "
        f"check the base URL) (GET http://fastn.test/api/v1/customers/{CUSTOMER})"
    )
    assert_key_absent(error)


def test_a_body_missing_a_required_field_names_status_method_url_and_request_id() -> None:
    client = client_answering(lambda: httpx.Response(200, json={**customer_body(name=None), "requestId": "req_1"}))
    with pytest.raises(APIResponseValidationError) as caught:
        get_customer.sync(CUSTOMER, client=client)
    error = caught.value
    assert not isinstance(error, UnexpectedStatus)
    assert str(error) == (
        "200 response did not match the declared type Customer: missing field 'name' "
        f"(GET {CUSTOMER_URL}, request req_1)"
    )
    assert isinstance(error.__cause__, KeyError)
    assert error.__cause__.args == ("name",)
    assert (error.status_code, error.request_id, str(error.request)) == (200, "req_1", f"GET {CUSTOMER_URL}")
    assert error.reason == "did not match the declared type Customer: missing field 'name'"
    assert isinstance(error.body, dict) and "name" not in error.body
    assert_key_absent(error)


@pytest.mark.parametrize(
    ("answer", "reason", "cause"),
    [
        (
            lambda: httpx.Response(200, text=HTML, headers={"content-type": "text/html"}),
            "body is not JSON (text/html)",
            json.JSONDecodeError,
        ),
        (lambda: httpx.Response(200), "empty body", json.JSONDecodeError),
        (lambda: httpx.Response(200, content=b"\xff\xfe{"), "body is not JSON", ValueError),
        (lambda: httpx.Response(200, json=[customer_body()]), "ValueError: ", ValueError),
        (lambda: httpx.Response(200, content=b"null"), "TypeError: ", TypeError),
        (lambda: httpx.Response(200, json=customer_body(createdAt="yesterday")), "ValueError: ", ValueError),
    ],
    ids=["html", "empty", "not-utf8", "list-not-object", "null", "bad-date"],
)
def test_a_body_of_the_wrong_shape_raises_the_typed_error(
    answer: Callable[[], httpx.Response], reason: str, cause: type[Exception]
) -> None:
    client = client_answering(answer)
    with pytest.raises(APIResponseValidationError) as caught:
        get_customer.sync(CUSTOMER, client=client)
    error = caught.value
    assert str(error).startswith(f"200 response did not match the declared type Customer: {reason}")
    assert str(error).endswith(f"(GET {CUSTOMER_URL})")
    assert isinstance(error.__cause__, cause)
    assert_key_absent(error)


def test_an_html_body_is_kept_as_text_and_cut() -> None:
    page = "<html>" + "x" * 1000 + "</html>"
    client = client_answering(lambda: httpx.Response(200, text=page, headers={"content-type": "text/html"}))
    with pytest.raises(APIResponseValidationError) as caught:
        get_customer.sync(CUSTOMER, client=client)
    assert caught.value.body == page[:200]
    assert isinstance(caught.value.__cause__, json.JSONDecodeError)


def test_an_html_502_is_an_internal_server_error() -> None:
    client = client_answering(lambda: httpx.Response(502, text=HTML, headers={"content-type": "text/html"}))
    with pytest.raises(InternalServerError) as caught:
        get_customer.sync(CUSTOMER, client=client)
    assert caught.value.status_code == 502
    assert caught.value.body == HTML
    assert_key_absent(caught.value)


@pytest.mark.parametrize(
    "answer",
    [
        lambda: httpx.Response(200, json=customer_body(name=None)),
        lambda: httpx.Response(200, text=HTML, headers={"content-type": "text/html"}),
        lambda: httpx.Response(200, json=[1, 2]),
        lambda: httpx.Response(301, headers={"location": "https://fastn.test/"}),
        lambda: httpx.Response(502, text=HTML, headers={"content-type": "text/html"}),
        lambda: httpx.Response(404, text=HTML, headers={"content-type": "text/html"}),
        lambda: httpx.Response(404, json=["not", "an", "object"]),
    ],
    ids=["missing-field", "html-200", "list-200", "redirect", "html-502", "html-404", "error-json-not-an-object"],
)
def test_detailed_functions_leave_parsed_none_and_keep_the_raw_answer(answer: Callable[[], httpx.Response]) -> None:
    client = client_answering(answer)
    detailed = get_customer.sync_detailed(CUSTOMER, client=client)
    expected = answer()
    assert detailed.status_code == expected.status_code
    assert detailed.parsed is None
    assert detailed.content == expected.content


def test_detailed_functions_still_parse_what_matches() -> None:
    client = client_answering(lambda: httpx.Response(200, json=customer_body()))
    assert isinstance(get_customer.sync_detailed(CUSTOMER, client=client).parsed, Customer)
    missing = client_answering(lambda: httpx.Response(404, json={"code": "NOT_FOUND", "message": "gone"}))
    assert isinstance(get_customer.sync_detailed(CUSTOMER, client=missing).parsed, fastn_client.models.Error)


def test_detailed_functions_raise_on_an_undocumented_status_only_when_asked() -> None:
    client = client_answering(lambda: httpx.Response(302, headers={"location": "https://elsewhere.test/"}))
    assert get_customer.sync_detailed(CUSTOMER, client=client).parsed is None
    strict = client_answering(
        lambda: httpx.Response(302, headers={"location": "https://elsewhere.test/"}), raise_on_unexpected_status=True
    )
    with pytest.raises(UnexpectedStatus) as caught:
        get_customer.sync_detailed(CUSTOMER, client=strict)
    assert caught.value.status_code == 302
    assert "redirect to https://elsewhere.test/" in str(caught.value)
    assert_key_absent(caught.value)


def test_an_operation_returning_nothing_takes_any_success_and_nothing_else() -> None:
    """A delete documents 204; a 200 (with or without a body) also means it was done, and the
    function returns nothing either way. A redirect is still no success."""
    delete_customer.sync(CUSTOMER, client=client_answering(lambda: httpx.Response(204)))  # typed `-> None`
    delete_customer.sync(CUSTOMER, client=client_answering(lambda: httpx.Response(200, json={"deleted": True})))
    with pytest.raises(UnexpectedStatus) as caught:
        delete_customer.sync(CUSTOMER, client=client_answering(lambda: httpx.Response(304)))
    assert caught.value.status_code == 304
    assert str(caught.value).startswith("304 response has a status this operation does not document (DELETE ")


@pytest.mark.parametrize("value", [{"ok": True}, [1, "two"], "done", 42, 1.5, True, None])
def test_an_any_json_success_returns_the_decoded_json(value: object) -> None:
    """runWorkflow answers 200 with whatever the flow returns: any JSON value comes back as is."""
    client = client_answering(lambda: httpx.Response(200, content=json.dumps(value).encode()))
    assert run_workflow.sync("wf_1", client=client, body=WorkflowRunRequest()) == value


def test_an_any_json_success_that_is_not_json_raises_the_typed_error() -> None:
    client = client_answering(lambda: httpx.Response(200, text="done", headers={"content-type": "text/plain"}))
    with pytest.raises(APIResponseValidationError) as caught:
        run_workflow.sync("wf_1", client=client, body=WorkflowRunRequest())
    assert str(caught.value) == (
        "200 response did not match the declared type Any: body is not JSON (text/plain) "
        f"(POST {BASE}/api/v1/workflows/wf_1/run)"
    )
    assert caught.value.body == "done"


def test_the_other_success_status_of_the_same_operation_is_parsed_as_its_own_type() -> None:
    client = client_answering(lambda: httpx.Response(202, json={"id": "exe_1"}, headers={"x-request-id": "req_7"}))
    with pytest.raises(APIResponseValidationError) as caught:
        run_workflow.sync("wf_1", client=client, body=WorkflowRunRequest())
    assert str(caught.value).startswith("202 response did not match the declared type Execution: missing field ")
    assert str(caught.value).endswith(f"(POST {BASE}/api/v1/workflows/wf_1/run, request req_7)")
    assert isinstance(caught.value.__cause__, KeyError)


@pytest.mark.asyncio
async def test_async_missing_field_raises_the_typed_error() -> None:
    client = client_answering(lambda: httpx.Response(200, json=customer_body(slug=None), headers={"x-request-id": "r"}))
    with pytest.raises(APIResponseValidationError) as caught:
        await get_customer.asyncio(CUSTOMER, client=client)
    assert str(caught.value) == (
        f"200 response did not match the declared type Customer: missing field 'slug' (GET {CUSTOMER_URL}, request r)"
    )
    assert isinstance(caught.value.__cause__, KeyError)
    assert_key_absent(caught.value)


@pytest.mark.asyncio
async def test_async_undocumented_status_and_redirect_raise() -> None:
    created = client_answering(lambda: httpx.Response(200, json=customer_body()))
    with pytest.raises(UnexpectedStatus):
        await create_customer.asyncio(client=created, body=NEW_CUSTOMER)
    moved = client_answering(lambda: httpx.Response(308, headers={"location": CUSTOMER_URL}))
    with pytest.raises(UnexpectedStatus) as caught:
        await get_customer.asyncio(CUSTOMER, client=moved)
    assert caught.value.status_code == 308
    assert_key_absent(caught.value)


@pytest.mark.asyncio
async def test_async_html_bodies() -> None:
    html_200 = client_answering(lambda: httpx.Response(200, text=HTML, headers={"content-type": "text/html"}))
    with pytest.raises(APIResponseValidationError) as caught:
        await get_customer.asyncio(CUSTOMER, client=html_200)
    assert isinstance(caught.value.__cause__, json.JSONDecodeError)
    assert (await get_customer.asyncio_detailed(CUSTOMER, client=html_200)).parsed is None
    html_502 = client_answering(lambda: httpx.Response(502, text=HTML, headers={"content-type": "text/html"}))
    with pytest.raises(InternalServerError):
        await get_customer.asyncio(CUSTOMER, client=html_502)
    detailed = await get_customer.asyncio_detailed(CUSTOMER, client=html_502)
    assert (detailed.status_code, detailed.parsed, detailed.content) == (502, None, HTML.encode())


def test_unexpected_status_keeps_the_generator_signature() -> None:
    error = UnexpectedStatus(418, b'{"requestId": "req_5"}')
    assert (error.status_code, error.content, error.body, error.request_id) == (
        418,
        b'{"requestId": "req_5"}',
        {"requestId": "req_5"},
        "req_5",
    )
    assert str(error) == "418 response has a status this operation does not document (? , request req_5)"
    assert isinstance(error, APIResponseValidationError)
    assert fastn_client.APIResponseValidationError is APIResponseValidationError


def test_no_parsing_exception_escapes_any_scenario() -> None:
    """A sweep: every odd answer, every function; only FastnError subclasses (or a value) come out."""
    answers = [
        lambda: httpx.Response(200, json=customer_body(name=None)),
        lambda: httpx.Response(200, text=HTML),
        lambda: httpx.Response(200, content=b"{"),
        lambda: httpx.Response(200, json="customer"),
        lambda: httpx.Response(201, json=customer_body()),
        lambda: httpx.Response(301),
        lambda: httpx.Response(502, text=HTML),
        lambda: httpx.Response(404, content=b"\xff"),
    ]
    for answer in answers:
        client = client_answering(answer)
        with pytest.raises(FastnError) as caught:
            get_customer.sync(CUSTOMER, client=client)
        assert not isinstance(caught.value, PARSE_EXCEPTIONS)
        assert_key_absent(caught.value)
        get_customer.sync_detailed(CUSTOMER, client=client)
