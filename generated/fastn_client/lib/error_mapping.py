"""From an HTTP answer or a transport failure to the client's exception (:mod:`.errors`).

``raise_for_status`` and ``status_error_from`` read a 4xx/5xx answer's body, leniently (any JSON,
any text, nothing), into the :class:`~.errors.APIStatusError` of its status; the generated
``sync()``/``asyncio()`` catch :data:`PARSE_ERRORS` around parsing a success body and raise
``response_validation_error``; the transport wraps an :mod:`httpx` failure with
``connection_error_from``, chained from a ``detached`` copy that holds no request.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Mapping

import httpx

from .constants import REQUEST_ID_HEADER
from .errors import (
    ERROR_BODY_LIMIT,
    TEXT_BODY_LIMIT,
    UNDECODABLE,
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    ErrorDetail,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    RequestInfo,
    UnprocessableEntityError,
    json_kept,
    str_field,
)
from .headers import retry_after_from

__all__ = [
    "PARSE_ERRORS",
    "connection_error_from",
    "detached",
    "raise_for_status",
    "response_validation_error",
    "status_error_from",
]

# What turning a body into the declared type raises when the body is not what the spec
# says: a missing key (KeyError, a LookupError), a wrong type (TypeError, AttributeError),
# a bad value or a body that is not JSON (ValueError, which json.JSONDecodeError and
# UnicodeDecodeError are), nesting deeper than Python recurses (RecursionError). Generated
# code catches exactly these around parsing.
PARSE_ERRORS: tuple[type[Exception], ...] = (LookupError, TypeError, ValueError, AttributeError, RecursionError)
# What a machine code looks like (UPPER_SNAKE_CASE), to tell one from a sentence.
_CODE = re.compile(r"[A-Z][A-Z0-9_]{0,63}")

_BY_STATUS: Mapping[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def _error_class(status_code: int) -> type[APIStatusError]:
    if status_code >= 500:
        return InternalServerError
    return _BY_STATUS.get(status_code, APIStatusError)


def _body_bytes(response: httpx.Response) -> bytes:
    """The body, read now if the caller has not; ``b""`` if it cannot be read.

    The generated client always reads bodies; a streamed or async response
    that was not read cannot be read synchronously here, and an error without
    its body beats a second error about stream state.
    """
    try:
        return response.content
    except httpx.ResponseNotRead:
        pass
    try:
        return response.read()
    except (RuntimeError, httpx.StreamError):
        return b""


def _details(raw: object) -> tuple[ErrorDetail, ...]:
    if not isinstance(raw, list):
        return ()
    return tuple(
        ErrorDetail(
            field=str_field(item, "field"),
            message=str_field(item, "message"),
            code=str_field(item, "code"),
        )
        for item in raw
        if isinstance(item, dict)
    )


def _message_from(body: Mapping[str, object]) -> str | None:
    # Our convention is "message"; the official SDK also reads "error", which
    # some endpoints send as a string and some as {"message": ...}.
    message = str_field(body, "message") or str_field(body, "error")
    error = body.get("error")
    if message is None and isinstance(error, dict):
        message = str_field(error, "message")
    return message


def _code_from(body: Mapping[str, object]) -> str | None:
    # "code" where there is one; else the official SDK's "error", when it is a code
    # ({"error": "FLOW_NOT_FOUND"}) rather than a sentence ({"error": "Internal server error"}).
    code = str_field(body, "code")
    if code is None:
        error = str_field(body, "error")
        code = error if error is not None and _CODE.fullmatch(error) else None
    return code


def status_error_from(response: httpx.Response, *, clock: Callable[[], float] = time.time) -> APIStatusError:
    """Build the typed exception for an error response (without raising it).

    Lenient by design: a body that is not JSON, not an object, or lacks
    fields still produces a useful error with the status phrase as message.
    ``clock`` (Unix seconds) resolves a ``Retry-After`` given as an HTTP date.
    """
    raw = _body_bytes(response)
    body: object = None
    code = message = request_id = None
    details: tuple[ErrorDetail, ...] = ()
    try:
        body = json_kept(raw)
    except UNDECODABLE:
        text = raw[:ERROR_BODY_LIMIT].decode("utf-8", errors="replace").strip()
        body = text if len(raw) <= ERROR_BODY_LIMIT else text[:TEXT_BODY_LIMIT]
        message = text[:TEXT_BODY_LIMIT] or None
    if isinstance(body, dict):
        code = _code_from(body)
        message = _message_from(body)
        request_id = str_field(body, "requestId")
        details = _details(body.get("details"))
    headers = httpx.Headers(response.headers)
    return _error_class(response.status_code)(
        status_code=response.status_code,
        request=RequestInfo.of_response(response),
        message=message or response.reason_phrase or "HTTP error",
        headers=headers,
        code=code,
        details=details,
        body=body,
        request_id=request_id or headers.get(REQUEST_ID_HEADER),
        retry_after=retry_after_from(headers, now=clock()),
    )


def _cause_text(cause: Exception, response: httpx.Response, raw: bytes) -> str:
    if isinstance(cause, KeyError):
        return f"missing field {cause.args[0]!r}" if cause.args else "missing field"
    if isinstance(cause, RecursionError):
        return "body is nested too deeply to decode"
    if isinstance(cause, json.JSONDecodeError | UnicodeDecodeError):
        if not raw.strip():
            return "empty body"
        content_type = response.headers.get("content-type")
        return f"body is not JSON ({content_type})" if content_type else "body is not JSON"
    detail = str(cause)[:TEXT_BODY_LIMIT]
    return f"{type(cause).__name__}: {detail}" if detail else type(cause).__name__


def response_validation_error(
    response: httpx.Response, *, declared: str, cause: Exception
) -> APIResponseValidationError:
    """The error for a success body that does not parse as ``declared``; raise it ``from cause``."""
    raw = _body_bytes(response)
    return APIResponseValidationError(
        status_code=response.status_code,
        reason=f"did not match the declared type {declared}: {_cause_text(cause, response, raw)}",
        request=RequestInfo.of_response(response),
        content=raw,
        headers=response.headers,
    )


def raise_for_status(response: httpx.Response, *, clock: Callable[[], float] = time.time) -> None:
    """Raise the matching :class:`APIStatusError` subclass for a 4xx/5xx response.

    A no-op for 1xx, 2xx and 3xx, so generated ``sync()``/``asyncio()``
    functions can call it unconditionally before parsing the body.
    """
    if response.status_code >= 400:
        raise status_error_from(response, clock=clock)


def connection_error_from(exc: httpx.RequestError, request: httpx.Request) -> APIConnectionError:
    """Wrap a transport failure; the caller raises it ``from detached(exc)``, outside its ``except``."""
    info = RequestInfo.of(request)
    detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(f"Request timed out ({info}): {detail}", request=info)
    return APIConnectionError(f"Connection error ({info}): {detail}", request=info)


def detached(exc: httpx.RequestError) -> httpx.RequestError:
    """A copy of ``exc`` without its request (whose headers hold the key), to chain an error to."""
    copy = type(exc)(str(exc))
    copy.__traceback__ = exc.__traceback__
    return copy
