"""Typed errors: status mapping, lenient body parsing, str(), raise_for_status."""

from __future__ import annotations

import copy
import json
import multiprocessing
import pickle
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from email.utils import format_datetime

import httpx
import pytest
from fastn_client.lib import error_mapping, errors
from fastn_client.lib.error_mapping import connection_error_from, raise_for_status, status_error_from
from fastn_client.lib.errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    ErrorDetail,
    FastnError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    RequestInfo,
    UnprocessableEntityError,
)
from runtime_fakes import BASE_URL, START

URL = f"{BASE_URL}/customers/cus_1"


def _response(status: int, body: object = None, *, headers: dict[str, str] | None = None) -> httpx.Response:
    request = httpx.Request("GET", URL)
    if body is None:
        return httpx.Response(status, headers=headers, request=request)
    if isinstance(body, bytes):
        return httpx.Response(status, content=body, headers=headers, request=request)
    return httpx.Response(status, json=body, headers=headers, request=request)


def _raised(response: httpx.Response) -> APIStatusError:
    with pytest.raises(APIStatusError) as caught:
        raise_for_status(response, clock=lambda: START)
    return caught.value


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (409, ConflictError),
        (422, UnprocessableEntityError),
        (429, RateLimitError),
        (500, InternalServerError),
        (503, InternalServerError),
        (599, InternalServerError),
        (402, APIStatusError),
        (408, APIStatusError),
        (418, APIStatusError),
    ],
)
def test_each_status_raises_its_class(status: int, expected: type[APIStatusError]) -> None:
    error = _raised(_response(status, {"code": "X", "message": "m"}))
    assert type(error) is expected
    assert error.status_code == status
    assert isinstance(error, FastnError)


@pytest.mark.parametrize("status", [200, 201, 204, 301, 304, 399])
def test_raise_for_status_is_a_no_op_below_400(status: int) -> None:
    raise_for_status(_response(status))


def test_str_names_status_code_message_request_and_request_id() -> None:
    error = _raised(
        _response(
            404, {"code": "NOT_FOUND", "message": "Customer not found", "statusCode": 404, "requestId": "req_123"}
        )
    )
    assert str(error) == f"404 NOT_FOUND: Customer not found (GET {URL}, request req_123)"
    assert error.code == "NOT_FOUND"
    assert error.message == "Customer not found"
    assert error.request_id == "req_123"
    assert error.request == RequestInfo(method="GET", url=httpx.URL(URL))
    assert error.body == {
        "code": "NOT_FOUND",
        "message": "Customer not found",
        "statusCode": 404,
        "requestId": "req_123",
    }


def test_str_without_code_or_request_id() -> None:
    error = _raised(_response(500, {"message": "boom"}))
    assert str(error) == f"500: boom (GET {URL})"
    assert error.code is None
    assert error.request_id is None


def test_details_are_parsed_and_junk_entries_skipped() -> None:
    body = {
        "code": "VALIDATION_ERROR",
        "message": "Invalid input",
        "details": [
            {"field": "name", "message": "is required", "code": "required"},
            {"field": "email"},
            "not an object",
            {"field": 7, "message": ""},
        ],
    }
    error = _raised(_response(422, body))
    assert error.details == (
        ErrorDetail(field="name", message="is required", code="required"),
        ErrorDetail(field="email"),
        ErrorDetail(),
    )


def test_details_that_are_not_a_list_are_ignored() -> None:
    assert _raised(_response(400, {"message": "bad", "details": "oops"})).details == ()


def test_request_id_falls_back_to_the_header() -> None:
    error = _raised(_response(500, {"message": "boom"}, headers={"x-request-id": "req_hdr"}))
    assert error.request_id == "req_hdr"
    body_wins = _raised(
        _response(500, {"message": "boom", "requestId": "req_body"}, headers={"x-request-id": "req_hdr"})
    )
    assert body_wins.request_id == "req_body"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"error": "Unauthorized key"}, "Unauthorized key"),
        ({"error": {"message": "nested message", "code": "E"}}, "nested message"),
        ({"error": {"no": "message"}}, "Unauthorized"),
        ({"message": "", "error": "fallback"}, "fallback"),
        ({"message": 42}, "Unauthorized"),
        (["a", "list"], "Unauthorized"),
    ],
)
def test_message_is_read_leniently(body: object, message: str) -> None:
    error = _raised(_response(401, body))
    assert error.message == message
    assert error.body == body


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"code": "NOT_FOUND", "error": "FLOW_NOT_FOUND"}, "NOT_FOUND"),  # code wins
        ({"error": "FLOW_NOT_FOUND"}, "FLOW_NOT_FOUND"),  # the SDK's body: its error is the code
        ({"error": "Flow not found"}, None),  # a sentence is a message, not a code
        ({"error": {"code": "E"}}, None),
        ({"code": "DATASOURCE_CONNECTION_ERROR", "statusCode": 400}, "DATASOURCE_CONNECTION_ERROR"),  # no message
    ],
)
def test_code_comes_from_code_else_from_an_sdk_style_error(body: object, code: str | None) -> None:
    error = _raised(_response(404, body))
    assert error.code == code
    assert error.message  # never empty: message, else error, else the status phrase


def test_non_json_body_becomes_a_truncated_message() -> None:
    html = b"<html>" + b"x" * 500 + b"</html>"
    error = _raised(_response(502, html))
    assert error.body == html.decode()
    assert error.message == html.decode()[:200]
    assert error.code is None


def test_empty_body_uses_the_reason_phrase() -> None:
    error = _raised(_response(404))
    assert error.message == "Not Found"
    assert error.body is None


def test_whitespace_body_uses_the_reason_phrase() -> None:
    error = _raised(_response(503, b"   \n"))
    assert error.message == "Service Unavailable"
    assert error.body == ""


def test_unknown_status_without_phrase_says_http_error() -> None:
    error = _raised(_response(499))
    assert error.message == "HTTP error"


def test_invalid_utf8_is_replaced_not_raised() -> None:
    error = _raised(_response(500, b"\xff\xfe oops"))
    assert "oops" in error.message


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("30", 30.0),
        (format_datetime(datetime.fromtimestamp(START + 90, tz=UTC), usegmt=True), 90.0),
        ("soon", None),
    ],
)
def test_retry_after_is_exposed_in_seconds(header: str, seconds: float | None) -> None:
    error = _raised(_response(429, {"code": "RATE_LIMITED", "message": "slow down"}, headers={"Retry-After": header}))
    assert isinstance(error, RateLimitError)
    assert error.retry_after == seconds
    assert error.headers["retry-after"] == header


def test_headers_are_kept_as_a_copy() -> None:
    response = _response(500, {"message": "boom"}, headers={"x-thing": "1"})
    error = _raised(response)
    assert error.headers["x-thing"] == "1"
    assert error.headers is not response.headers


def test_unread_sync_stream_is_read() -> None:
    response = httpx.Response(
        404,
        stream=httpx.ByteStream(json.dumps({"code": "NOT_FOUND", "message": "gone"}).encode()),
        request=httpx.Request("GET", URL),
    )
    assert _raised(response).message == "gone"


def test_unread_async_stream_cannot_be_read_synchronously_and_is_skipped() -> None:
    class Body(httpx.AsyncByteStream):
        async def __aiter__(self):  # type: ignore[no-untyped-def]
            yield b"{}"

    response = httpx.Response(500, stream=Body(), request=httpx.Request("GET", URL))
    error = _raised(response)
    assert error.body is None
    assert error.message == "Internal Server Error"


def test_consumed_stream_is_skipped() -> None:
    response = httpx.Response(500, stream=httpx.ByteStream(b"{}"), request=httpx.Request("GET", URL))
    for _ in response.iter_raw():
        pass
    assert _raised(response).body is None


def test_response_without_request_still_builds_an_error() -> None:
    error = status_error_from(httpx.Response(404, json={"message": "x"}))
    assert error.request == RequestInfo(method="?", url=httpx.URL())
    assert str(error) == "404: x (? )"


def test_status_error_defaults() -> None:
    error = APIStatusError(status_code=418, request=RequestInfo("GET", httpx.URL(URL)), message="teapot")
    assert error.headers == httpx.Headers()
    assert error.details == ()
    assert error.retry_after is None


@pytest.mark.parametrize(
    ("exc", "expected", "text"),
    [
        (httpx.ConnectError("[Errno 111] Connection refused"), APIConnectionError, "Connection error"),
        (httpx.RemoteProtocolError("peer closed"), APIConnectionError, "Connection error"),
        (httpx.ReadTimeout("timed out"), APITimeoutError, "Request timed out"),
        (httpx.ConnectTimeout(""), APITimeoutError, "Request timed out"),
    ],
)
def test_connection_errors_are_typed(exc: httpx.TransportError, expected: type[APIConnectionError], text: str) -> None:
    request = httpx.Request("POST", URL)
    error = connection_error_from(exc, request)
    assert type(error) is expected
    assert str(error).startswith(f"{text} (POST {URL}): {type(exc).__name__}")
    assert error.request == RequestInfo.of(request)
    assert error.message == str(error)


def test_empty_exception_text_shows_the_class_only() -> None:
    error = connection_error_from(httpx.ConnectTimeout(""), httpx.Request("GET", URL))
    assert str(error).endswith(": ConnectTimeout")


def test_hierarchy_matches_the_module_docstring() -> None:
    assert issubclass(APITimeoutError, APIConnectionError)
    assert issubclass(APIConnectionError, FastnError)
    assert issubclass(APIStatusError, FastnError)
    doc = errors.__doc__ or ""
    for cls in (
        FastnError,
        APIConnectionError,
        APITimeoutError,
        APIStatusError,
        BadRequestError,
        AuthenticationError,
        PermissionDeniedError,
        NotFoundError,
        ConflictError,
        UnprocessableEntityError,
        RateLimitError,
        InternalServerError,
    ):
        assert cls.__name__ in doc
        if cls is not FastnError:
            assert issubclass(cls, FastnError)


# --- what a 422 says, and a 409's current revision --------------------------


def test_str_of_a_422_names_the_failing_fields() -> None:
    """The useful part of a 422 (which field, why) was only in ``e.details``."""
    body = {
        "code": "VALIDATION_ERROR",
        "message": "The request body is invalid.",
        "details": [
            {"field": "/slug", "message": "'Acme Inc' does not match '^[a-z0-9-]+$'", "code": "pattern"},
            {"field": "/name", "message": "name is required", "code": "required"},
        ],
    }
    error = _raised(_response(422, body))
    assert str(error) == (
        f"422 VALIDATION_ERROR: The request body is invalid. (GET {URL}): "
        "/slug: 'Acme Inc' does not match '^[a-z0-9-]+$'; /name: name is required"
    )


def test_str_names_at_most_five_details_and_counts_the_rest() -> None:
    details = [{"field": f"/f{i}", "message": "bad"} for i in range(8)] + [{"message": "a rule"}, {"code": "x"}]
    error = _raised(_response(400, {"message": "bad", "details": details}))
    assert str(error).endswith("/f0: bad; /f1: bad; /f2: bad; /f3: bad; /f4: bad; and 4 more")
    only_message = _raised(_response(400, {"message": "bad", "details": [{"message": "a rule"}, {"field": "/x"}]}))
    assert str(only_message).endswith("): a rule; /x")


@pytest.mark.parametrize(("revision", "expected"), [(3, 3), ("3", None), (True, None), (None, None)])
def test_a_version_mismatch_exposes_the_current_revision_as_data(revision: object, expected: int | None) -> None:
    body: dict[str, object] = {"code": "VERSION_MISMATCH", "message": "revision is 3, the request expected 2"}
    if revision is not None:
        body["currentRevision"] = revision
    error = _raised(_response(409, body))
    assert isinstance(error, ConflictError)
    assert error.current_revision == expected


def test_a_conflict_with_a_body_that_is_not_an_object_has_no_revision() -> None:
    error = _raised(_response(409, b"<html>conflict</html>"))
    assert isinstance(error, ConflictError) and error.current_revision is None


# --- errors travel: pickle, copy, process pools ------------------------------


def _every_error() -> list[FastnError]:
    request = httpx.Request("POST", URL)
    found: list[FastnError] = [
        _raised(_response(status, {"code": "X", "message": "m", "details": [{"field": "/a", "message": "b"}]}))
        for status in (400, 401, 403, 404, 409, 418, 422, 429, 503)
    ]
    found.append(connection_error_from(httpx.ConnectError("refused"), request))
    found.append(connection_error_from(httpx.ReadTimeout("slow"), request))
    found.append(
        errors.UnexpectedStatus.from_response(httpx.Response(301, headers={"location": "https://x"}, request=request))
    )
    found.append(
        error_mapping.response_validation_error(
            httpx.Response(200, json={}, request=request), declared="Customer", cause=KeyError("name")
        )
    )
    return found


@pytest.mark.parametrize("error", _every_error(), ids=lambda error: type(error).__name__)
def test_every_error_pickles_and_copies_with_its_attributes(error: FastnError) -> None:
    """Exceptions could not be pickled or copied (keyword-only constructors)."""
    for clone in (pickle.loads(pickle.dumps(error)), copy.copy(error), copy.deepcopy(error)):  # noqa: S301 - own bytes
        assert type(clone) is type(error)
        assert str(clone) == str(error)
        assert vars(clone) == vars(error)


def _missing_customer() -> None:
    raise _raised(_response(404, {"code": "NOT_FOUND", "message": "Customer not found", "requestId": "req_9"}))


def test_a_not_found_error_in_a_process_pool_worker_reaches_the_caller() -> None:
    """It surfaced as BrokenProcessPool: the worker's exception could not be unpickled."""
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork")) as pool:
        future = pool.submit(_missing_customer)
        with pytest.raises(NotFoundError) as caught:
            future.result(timeout=30)
    assert (caught.value.status_code, caught.value.code, caught.value.request_id) == (404, "NOT_FOUND", "req_9")
