"""APIResponseValidationError: an answer that is not what the operation declares.

The generated endpoints (tests/generation/test_unexpected_responses.py) raise it; these tests
pin its text, its lenient reading of the body, and what it keeps (never the request).
"""

from __future__ import annotations

import json

import httpx
import pytest
from fastn_client.lib import errors
from fastn_client.lib.error_mapping import PARSE_ERRORS, response_validation_error
from fastn_client.lib.errors import APIResponseValidationError, FastnError, RequestInfo, undocumented_status_reason
from runtime_fakes import BASE_URL, SECRET_KEY

URL = f"{BASE_URL}/workflows/x"
EMPTY: dict[str, object] = {}


def _response(status: int = 200, *, content: bytes = b"", headers: dict[str, str] | None = None) -> httpx.Response:
    request = httpx.Request("GET", URL, headers={"x-fastn-api-key": SECRET_KEY})
    return httpx.Response(status, content=content, headers=headers, request=request)


def _cause(parse: object) -> Exception:
    """The exception a parsing step raises, as the generated code would catch it."""
    try:
        parse()  # type: ignore[operator]
    except PARSE_ERRORS as exc:
        return exc
    raise AssertionError("did not raise")  # pragma: no cover


def test_it_is_a_fastn_error_and_in_the_documented_tree() -> None:
    assert issubclass(APIResponseValidationError, FastnError)
    assert "APIResponseValidationError" in (errors.__doc__ or "")
    assert "APIResponseValidationError" in errors.__all__


def test_parse_errors_cover_what_parsing_raises() -> None:
    for exc in (
        KeyError("x"),
        IndexError(0),
        TypeError(),
        ValueError(),
        AttributeError(),
        json.JSONDecodeError("m", "", 0),
    ):
        assert isinstance(exc, PARSE_ERRORS)
    assert not isinstance(APIResponseValidationError(status_code=200, reason="r"), PARSE_ERRORS)


def test_str_names_status_reason_method_url_and_request_id() -> None:
    body = json.dumps({"id": "x", "requestId": "req_1"}).encode()
    response = _response(content=body)
    error = response_validation_error(response, declared="Workflow", cause=_cause(lambda: EMPTY["name"]))
    assert str(error) == (
        f"200 response did not match the declared type Workflow: missing field 'name' (GET {URL}, request req_1)"
    )
    assert error.reason == "did not match the declared type Workflow: missing field 'name'"
    assert (error.status_code, error.body, error.request_id) == (200, {"id": "x", "requestId": "req_1"}, "req_1")
    assert error.request == RequestInfo("GET", httpx.URL(URL))


def test_the_key_is_kept_nowhere() -> None:
    error = response_validation_error(
        _response(content=b"<html>"), declared="Workflow", cause=_cause(lambda: EMPTY["k"])
    )
    for text in (str(error), repr(error), repr(vars(error)), repr(error.args)):
        assert SECRET_KEY not in text
    assert not any(isinstance(value, httpx.Request | httpx.Response) for value in vars(error).values())


def test_request_id_falls_back_to_the_header() -> None:
    response = _response(content=b'{"requestId": 7}', headers={"x-request-id": "req_h"})
    error = response_validation_error(response, declared="T", cause=_cause(lambda: EMPTY["a"]))
    assert error.request_id == "req_h"
    assert str(error).endswith(f"(GET {URL}, request req_h)")


def test_a_key_error_without_a_key_still_reads() -> None:
    error = response_validation_error(_response(content=b"{}"), declared="T", cause=KeyError())
    assert error.reason == "did not match the declared type T: missing field"


@pytest.mark.parametrize(
    ("content", "headers", "reason"),
    [
        (
            b"<html>oops</html>",
            {"content-type": "text/html; charset=utf-8"},
            "body is not JSON (text/html; charset=utf-8)",
        ),
        (b"oops", None, "body is not JSON"),
        (b"", None, "empty body"),
        (b"  \n", {"content-type": "application/json"}, "empty body"),
    ],
    ids=["html", "no-content-type", "empty", "whitespace"],
)
def test_a_body_that_is_not_json(content: bytes, headers: dict[str, str] | None, reason: str) -> None:
    response = _response(content=content, headers=headers)
    error = response_validation_error(response, declared="T", cause=_cause(response.json))
    assert error.reason == f"did not match the declared type T: {reason}"
    assert error.body == (content.decode().strip() or None)


def test_a_body_that_is_not_utf8_is_not_json() -> None:
    cause = UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")
    error = response_validation_error(_response(content=b"\xff\xfe"), declared="T", cause=cause)
    assert error.reason == "did not match the declared type T: body is not JSON"
    assert error.body == "\ufffd\ufffd"


def test_a_long_text_body_is_cut() -> None:
    page = "<html>" + "x" * 500
    response = _response(content=page.encode())
    error = response_validation_error(response, declared="T", cause=_cause(response.json))
    assert error.body == page[:200]
    assert page not in str(error)


@pytest.mark.parametrize(
    ("cause", "reason"),
    [
        (TypeError("'NoneType' object is not iterable"), "TypeError: 'NoneType' object is not iterable"),
        (ValueError("Invalid isoformat string: 'yesterday'"), "ValueError: Invalid isoformat string: 'yesterday'"),
        (AttributeError(), "AttributeError"),
        (ValueError("v" * 500), "ValueError: " + "v" * 200),
    ],
    ids=["type", "value", "no-text", "long-text-cut"],
)
def test_other_causes_are_named_with_their_text(cause: Exception, reason: str) -> None:
    error = response_validation_error(_response(content=b"[1]"), declared="list[T]", cause=cause)
    assert error.reason == f"did not match the declared type list[T]: {reason}"
    assert error.body == [1]


def test_a_response_without_a_request_still_builds_an_error() -> None:
    error = response_validation_error(httpx.Response(200, json={}), declared="T", cause=KeyError("a"))
    assert error.request == RequestInfo(method="?", url=httpx.URL())
    assert RequestInfo.of_response(httpx.Response(200)) == RequestInfo(method="?", url=httpx.URL())


def test_defaults() -> None:
    error = APIResponseValidationError(status_code=299, reason="is odd")
    assert (error.body, error.request_id, error.request) == (None, None, RequestInfo("?", httpx.URL()))
    assert str(error) == "299 response is odd (? )"


@pytest.mark.parametrize(
    ("status", "headers", "reason"),
    [
        (
            301,
            {"location": "https://live.fastn.ai/api/v1/x"},
            "has a status this operation does not document (redirect to https://live.fastn.ai/api/v1/x: "
            "check the base URL)",
        ),
        (304, None, "has a status this operation does not document"),
        (200, {"location": "https://elsewhere"}, "has a status this operation does not document"),
        (400, {"location": "https://elsewhere"}, "has a status this operation does not document"),
    ],
    ids=["redirect", "3xx-without-location", "2xx-with-location", "4xx-with-location"],
)
def test_undocumented_status_reason(status: int, headers: dict[str, str] | None, reason: str) -> None:
    assert undocumented_status_reason(status, headers) == reason
