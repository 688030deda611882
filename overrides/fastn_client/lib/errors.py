"""Every exception the Fastn client raises: the client's exception tree.

How an HTTP answer or a transport failure becomes one of them is :mod:`.error_mapping`'s job.
The generated module ``fastn_client.errors`` (from ``overrides/templates/errors.py.jinja``)
defines nothing: it re-exports :class:`UnexpectedStatus` from here, under the name generated
endpoint modules use (``errors.UnexpectedStatus``).

Hierarchy::

    FastnError
    ├── APIConnectionError          the exchange did not complete (after retries)
    │   └── APITimeoutError         ... because a timeout expired
    ├── APIResponseValidationError  the answer (1xx-3xx) is not what the operation declares:
    │   │                           a body that does not parse, or
    │   ├── UnexpectedStatus        a status the operation does not document, or
    │   └── ResponseTooLargeError   a body larger than the client reads (``max_response_bytes``)
    ├── ClientInputError            the caller's own input or settings cannot be used (also a
    │                               ``ValueError``): raised before anything is sent
    └── APIStatusError              the server answered 4xx or 5xx
        ├── BadRequestError             400
        ├── AuthenticationError         401
        ├── PermissionDeniedError       403
        ├── NotFoundError               404
        ├── ConflictError               409
        ├── UnprocessableEntityError    422
        ├── RateLimitError              429
        └── InternalServerError         500 and above

Any other 4xx is raised as a plain :class:`APIStatusError`.

The exceptions keep the request's method, URL (without any user name or password) and
idempotency key (:class:`RequestInfo`), never the :class:`httpx.Request` itself: its headers
carry the API key, and an exception travels far (logs, error trackers, pickles). For the same
reason no exception keeps the :class:`httpx.Response`, whose ``.request`` is that same object,
nor chains to an :mod:`httpx` exception that holds it; the status, headers and parsed body are
copied instead, the body only up to ``ERROR_BODY_LIMIT`` bytes.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import attrs
import httpx

from .constants import IDEMPOTENCY_KEY_HEADER, REQUEST_ID_HEADER

__all__ = [
    "ERROR_BODY_LIMIT",
    "APIConnectionError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ClientInputError",
    "ConflictError",
    "ErrorDetail",
    "FastnError",
    "InternalServerError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "RequestInfo",
    "ResponseTooLargeError",
    "UnexpectedStatus",
    "UnprocessableEntityError",
    "undocumented_status_reason",
]

# A non-JSON error body (an HTML page from a proxy, say) is quoted in the
# message only this far: enough to recognise it, short enough for a log line.
TEXT_BODY_LIMIT = 200
# str() of an error names this many of its per-field details, then "and N more".
_DETAILS_SHOWN = 5
#: An error body longer than this many bytes is kept as a text excerpt of ``TEXT_BODY_LIMIT``
#: characters, not decoded: an exception may live long and travel far.
ERROR_BODY_LIMIT = 64 * 1024

# What decoding a JSON body may raise: not JSON, or nested too deeply.
UNDECODABLE = (ValueError, RecursionError)


@attrs.frozen
class RequestInfo:
    """What an error keeps of its request: method, URL (no user name or password), idempotency key.

    No headers but the idempotency key (the others may carry credentials), no body.
    """

    method: str
    url: httpx.URL
    idempotency_key: str | None = None

    @classmethod
    def of(cls, request: httpx.Request) -> RequestInfo:
        """Copy what is safe to keep from ``request``."""
        url = request.url
        if url.userinfo:
            url = url.copy_with(username=None, password=None)
        return cls(method=request.method, url=url, idempotency_key=request.headers.get(IDEMPOTENCY_KEY_HEADER))

    @classmethod
    def of_response(cls, response: httpx.Response) -> RequestInfo:
        """The request ``response`` answers; ``? `` for a response built by hand without one."""
        try:
            return cls.of(response.request)
        except RuntimeError:
            return cls(method="?", url=httpx.URL())

    def __str__(self) -> str:
        return f"{self.method} {self.url}"


@attrs.frozen
class ErrorDetail:
    """One entry of an error body's ``details``, e.g. a field that failed validation."""

    field: str | None = None
    message: str | None = None
    code: str | None = None


class FastnError(Exception):
    """Base class of every error this client raises on purpose.

    Every one pickles and copies with its attributes (``copy.copy``, ``pickle``, a
    ``ProcessPoolExecutor`` worker's exception): Python would rebuild an exception as
    ``cls(*args)``, which these keyword-only constructors refuse.
    """

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), self.args, dict(self.__dict__)))


def _rebuild(cls: type[FastnError], args: tuple[object, ...], state: dict[str, Any]) -> FastnError:
    """Unpickle a :class:`FastnError`: its message and attributes as they were, no constructor run."""
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


class ClientInputError(FastnError, ValueError):
    """The caller's input or settings cannot be used; nothing was sent.

    A header value that is not printable ASCII, a negative timeout, a missing API key, a
    Redis URL without the ``redis`` package: the message names the argument (``argument``).
    Also a ``ValueError``, which is what such a mistake raised before.
    """

    def __init__(self, message: str, *, argument: str) -> None:
        super().__init__(message)
        self.message = message
        self.argument = argument


class APIConnectionError(FastnError):
    """The request could not be completed: no connection, or the exchange broke.

    Raised by the transport once retries are exhausted (or not allowed, e.g. a
    POST whose request may have reached the server). The ``__cause__`` is a copy of
    the :mod:`httpx` exception without its request (whose headers hold the key).

    ``idempotency_key``: the key the request was sent with, if any. Retry the call
    with ``idempotency_key=`` set to it: a server that honours keys then answers
    the first attempt's result instead of acting twice.
    """

    def __init__(self, message: str, *, request: RequestInfo) -> None:
        super().__init__(message)
        self.message = message
        self.request = request

    @property
    def idempotency_key(self) -> str | None:
        """The ``Idempotency-Key`` the request was sent with, if any."""
        return self.request.idempotency_key


class APITimeoutError(APIConnectionError):
    """A connect, read, write or pool timeout expired (see ``__cause__``)."""


class APIResponseValidationError(FastnError):
    """The server answered, but not with what the operation declares.

    Raised by the generated ``sync()``/``asyncio()`` for a documented success
    status whose body does not match the declared type (a missing field, a
    wrong type, a body that is not JSON: the parsing exception is the
    ``__cause__``), and, as :class:`UnexpectedStatus`, for a status the
    operation does not document (an undocumented 2xx, a redirect).

    Attributes:
        status_code: The HTTP status.
        reason: What is wrong, e.g. ``"did not match the declared type Workflow: missing field 'name'"``.
        body: The decoded JSON body, else its text (cut to 200 characters), else ``None``.
        request_id: ``requestId`` from the body, else the ``x-request-id`` header.
        request: Method and URL of the request.
    """

    def __init__(
        self,
        *,
        status_code: int,
        reason: str,
        request: RequestInfo | None = None,
        content: bytes = b"",
        headers: Mapping[str, str] | None = None,
    ) -> None:
        self.status_code = status_code
        self.reason = reason
        self.request = request if request is not None else RequestInfo(method="?", url=httpx.URL())
        self.body = _lenient_body(content)
        request_id = str_field(self.body, "requestId") if isinstance(self.body, dict) else None
        self.request_id = request_id or httpx.Headers(headers).get(REQUEST_ID_HEADER)
        super().__init__(self._describe())

    @property
    def idempotency_key(self) -> str | None:
        """The ``Idempotency-Key`` the request was sent with, if any."""
        return self.request.idempotency_key

    def _describe(self) -> str:
        # "200 response did not match the declared type Workflow: missing field 'name' (GET https://…, request req_1)"
        where = str(self.request)
        if self.request_id:
            where += f", request {self.request_id}"
        return f"{self.status_code} response {self.reason} ({where})"


class UnexpectedStatus(APIResponseValidationError):
    """The answer has a status the operation does not document (an undocumented 2xx, a redirect).

    Raised by the generated ``sync()``/``asyncio()`` always, and by ``sync_detailed()``/
    ``asyncio_detailed()`` when ``Client.raise_on_unexpected_status`` is true. It keeps the
    generator's ``status_code`` and ``content`` attributes and its positional
    ``(status_code, content)`` signature; ``request`` and ``headers`` are optional, and
    :meth:`from_response` fills them so that ``str()`` names method, URL and request id.
    """

    def __init__(
        self,
        status_code: int,
        content: bytes,
        *,
        request: RequestInfo | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        self.content = content[:ERROR_BODY_LIMIT]
        super().__init__(
            status_code=status_code,
            reason=undocumented_status_reason(status_code, headers),
            request=request,
            content=content,
            headers=headers,
        )

    @classmethod
    def from_response(cls, response: httpx.Response) -> UnexpectedStatus:
        """The error for ``response``, with its request's method and URL and the request id."""
        return cls(
            response.status_code,
            response.content,
            request=RequestInfo.of_response(response),
            headers=response.headers,
        )


class ResponseTooLargeError(APIResponseValidationError):
    """The body is larger than ``ClientOptions.max_response_bytes`` (decompressed): not read further."""

    def __init__(self, *, status_code: int, limit: int, request: RequestInfo, headers: Mapping[str, str]) -> None:
        self.limit = limit
        reason = f"has a body over the client's {limit:,}-byte limit (ClientOptions(max_response_bytes=...))"
        super().__init__(status_code=status_code, reason=reason, request=request, headers=headers)


class APIStatusError(FastnError):
    """The server answered with a 4xx or 5xx status.

    Attributes:
        status_code: The HTTP status.
        code: Machine-readable error code from the body (``"NOT_FOUND"``), if any.
        message: Human-readable message from the body, else the status phrase.
        details: Per-field details from the body (validation errors).
        body: The decoded JSON body, the text of a non-JSON body, or ``None``.
        request_id: ``requestId`` from the body, else the ``x-request-id`` header.
        headers: The response headers.
        retry_after: Seconds the server asked to wait (``Retry-After``), if sent.
        request: Method and URL of the request.
    """

    def __init__(
        self,
        *,
        status_code: int,
        request: RequestInfo,
        message: str,
        headers: httpx.Headers | None = None,
        code: str | None = None,
        details: tuple[ErrorDetail, ...] = (),
        body: object = None,
        request_id: str | None = None,
        retry_after: float | None = None,
    ) -> None:
        self.status_code = status_code
        self.request = request
        self.message = message
        self.headers = headers if headers is not None else httpx.Headers()
        self.code = code
        self.details = details
        self.body = body
        self.request_id = request_id
        self.retry_after = retry_after
        super().__init__(self._describe())

    @property
    def idempotency_key(self) -> str | None:
        """The ``Idempotency-Key`` the request was sent with, if any."""
        return self.request.idempotency_key

    def _describe(self) -> str:
        # "404 NOT_FOUND: Customer not found (GET https://…, request req_123)"
        # "422 VALIDATION_ERROR: Invalid body (POST https://…): /slug: does not match …; /name: is required"
        status = f"{self.status_code} {self.code}" if self.code else str(self.status_code)
        where = str(self.request)
        if self.request_id:
            where += f", request {self.request_id}"
        text = f"{status}: {self.message} ({where})"
        named = [detail for detail in self.details if detail.field or detail.message]
        if named:
            shown = "; ".join(_detail_text(detail) for detail in named[:_DETAILS_SHOWN])
            more = len(named) - _DETAILS_SHOWN
            text += f": {shown}" + (f"; and {more} more" if more > 0 else "")
        return text


class BadRequestError(APIStatusError):
    """400: the request is malformed."""


class AuthenticationError(APIStatusError):
    """401: the API key or token is missing, wrong or expired."""


class PermissionDeniedError(APIStatusError):
    """403: authenticated, but not allowed to do this."""


class NotFoundError(APIStatusError):
    """404: no such resource (or not visible to this key)."""


class ConflictError(APIStatusError):
    """409: the resource changed meanwhile (``VERSION_MISMATCH``), or already exists (``CONFLICT``)."""

    @property
    def current_revision(self) -> int | None:
        """With ``VERSION_MISMATCH``: the resource's revision now (the body's ``currentRevision``), if sent."""
        value = self.body.get("currentRevision") if isinstance(self.body, dict) else None
        return value if isinstance(value, int) and not isinstance(value, bool) else None


class UnprocessableEntityError(APIStatusError):
    """422: the body is well-formed but fails validation; see ``details``."""


class RateLimitError(APIStatusError):
    """429: the key's budget is spent; ``retry_after`` says for how long."""


class InternalServerError(APIStatusError):
    """500 and above: the server failed."""


def str_field(mapping: Mapping[str, object], name: str) -> str | None:
    value = mapping.get(name)
    return value if isinstance(value, str) and value else None


def _detail_text(detail: ErrorDetail) -> str:
    if detail.field and detail.message:
        return f"{detail.field}: {detail.message}"
    return detail.field or detail.message or ""


def json_kept(raw: bytes) -> object:
    """``raw`` decoded as JSON (``None`` if empty); a ``ValueError`` past ``ERROR_BODY_LIMIT``, not kept whole."""
    if len(raw) > ERROR_BODY_LIMIT:
        raise ValueError("too long to keep whole")
    return json.loads(raw) if raw else None


def _lenient_body(raw: bytes) -> object:
    """JSON if the body is JSON (and not over ``ERROR_BODY_LIMIT``), else its text cut to ``TEXT_BODY_LIMIT``."""
    try:
        return json_kept(raw)
    except UNDECODABLE:
        return raw[: TEXT_BODY_LIMIT * 4].decode("utf-8", errors="replace").strip()[:TEXT_BODY_LIMIT] or None


def undocumented_status_reason(status_code: int, headers: Mapping[str, str] | None = None) -> str:
    """The ``reason`` of an undocumented status: a redirect says where it points."""
    reason = "has a status this operation does not document"
    location = httpx.Headers(headers).get("location")
    if 300 <= status_code < 400 and location:
        reason += f" (redirect to {location}: check the base URL)"
    return reason
