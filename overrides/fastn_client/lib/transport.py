"""Transports that pace, retry and translate failures for the Fastn client.

Plug one into the generated client's httpx client::

    httpx.Client(transport=FastnTransport(options=ClientOptions()))
    httpx.AsyncClient(transport=AsyncFastnTransport(options=ClientOptions()))

Each request goes round one loop::

    wait for rate-limit budget -> send -> answer retryable? -> sleep -> again

A POST without an ``Idempotency-Key`` is given one first (unless
``ClientOptions(idempotency_keys=False)``); it is retried like a GET only when
the options trust the server to honour keys (:mod:`.retries`). The options'
``deadline`` bounds the whole call: the default inner transports read and
write the socket by it (:mod:`.deadline`), so a server that trickles its
answer cannot hold a call past it; a wait for rate-limit budget that would
end after it fails at once (nothing is sent); Redis is asked only while
there is time left for its answer.

What an attempt reads is bounded too: a body larger than
``max_response_bytes`` (decompressed) is cut off (``ResponseTooLargeError``).
The credential never leaves its origin: a redirect to another host loses it
(:func:`~fastn_client.lib.auth.strip_foreign_credentials`). With
``FASTN_LOG=debug`` every attempt is logged: method, path (never the query or a
header), status or failure, seconds, request id, attempt number.

A transport is the narrowest seam httpx offers: below redirects, auth and
cookies, so every attempt (and only real network attempts) is paced and
counted, and the generated code needs no change beyond choosing the
transport. All decisions live in :class:`_Attempts`, shared by the sync and
the async transport, which do nothing but the I/O and the sleeping.

Once retrying stops, an answer is returned as it is (the caller turns 4xx/5xx
into exceptions with :func:`~fastn_client.lib.error_mapping.raise_for_status`), and
an :mod:`httpx` transport failure is raised as
:class:`~fastn_client.lib.errors.APIConnectionError` or
:class:`~fastn_client.lib.errors.APITimeoutError`, chained from a copy of it
that holds no request (:func:`~fastn_client.lib.error_mapping.detached`).

Two answers are corrected, both after an attempt whose answer was lost (a
timeout, a dropped connection, a 5xx) and so may have been applied: a retried
DELETE's 404 becomes a 204 (it is gone, as asked), and a retried PUT's 409
``VERSION_MISMATCH`` is checked with a GET: when the resource holds exactly
what the PUT sent, at the next revision, that first attempt landed, and the
GET's answer is returned as the PUT's.
"""

from __future__ import annotations

import enum
import json
import logging
import math
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import AbstractContextManager, nullcontext
from typing import Any, Literal, cast

import httpx

from .auth import strip_foreign_credentials
from .constants import (
    IDEMPOTENCY_KEY_HEADER,
    IDEMPOTENT_RETRY_STATUSES,
    LOGGER_NAME,
    REQUEST_ID_HEADER,
    UNPROCESSED_RETRY_STATUSES,
)
from .deadline import async_http_transport, call_deadline, http_transport
from .error_mapping import connection_error_from, detached
from .errors import APIResponseValidationError, APITimeoutError, RequestInfo, ResponseTooLargeError
from .headers import retry_after_from
from .logs import wait_level
from .options import ClientOptions, PacingEvent, RetryEvent
from .pacing import SHARED_PACER, Pacer, Ticket, Wait
from .retries import NOT_SENT, RetryRules, decide

__all__ = ["AsyncFastnTransport", "FastnTransport"]

logger = logging.getLogger(LOGGER_NAME)
# One DEBUG line per attempt, apart from the decisions above it (``fastn_client.http``, as httpx logs
# under ``httpx``): shown by FASTN_LOG=debug, or filtered on its own.
request_logger = logging.getLogger(f"{LOGGER_NAME}.http")


class _Unpaced(enum.Enum):
    """What the pacing decision answers when a wait is too long to make (above the ceiling)."""

    SEND = "send now, without budget, and let the server's 429 speak"


def _pacer_of(options: ClientOptions) -> Pacer:
    """The options' pacer; else the Redis one of ``rate_limit_redis_url``; else the process-wide one."""
    if options.pacer is not None:
        return options.pacer
    if options.rate_limit_redis_url:
        from .shared_pacing import redis_pacer  # imports redis: only when asked for

        return redis_pacer(options.rate_limit_redis_url)
    return SHARED_PACER


_TIMEOUT_KINDS = ("connect", "read", "write", "pool")
# Headers of an answer that do not describe another body put in its place.
_BODY_HEADERS = frozenset({"content-length", "content-type", "content-encoding", "transfer-encoding"})
# Headers of a PUT that do not belong on the GET that checks whether it landed.
_PUT_ONLY_HEADERS = _BODY_HEADERS | {IDEMPOTENCY_KEY_HEADER, "if-match"}


class _Attempts:
    """The attempts at sending one request: pacing before each, the retry decision after each.

    Holds the request's retry budget, its deadline and its rate-limit reservation; the
    transports ask it what to do and do the I/O and the sleeping themselves.

    Log lines name the method and the URL path only: never headers (the key
    travels there) and never the query string.
    """

    def __init__(self, request: httpx.Request, options: ClientOptions, rules: RetryRules) -> None:
        self._request = request
        self._options = options
        if strip_foreign_credentials(request):
            logger.warning("Not sending the API key to %s: it belongs to another origin", request.url.host)
        if options.idempotency_keys and request.method == "POST" and IDEMPOTENCY_KEY_HEADER not in request.headers:
            # One key for every attempt of this request: a server that honours keys answers a repeat with the
            # first answer; and every error of the call names it, for a retry by hand.
            request.headers[IDEMPOTENCY_KEY_HEADER] = str(uuid.uuid4())
        self._retry = rules.for_request(request)
        started = options.clock()
        self._deadline_at = math.inf if options.deadline is None else started + options.deadline
        self._attempt_started = started
        self._timeouts = dict(request.extensions.get("timeout") or {})
        self._pacer = _pacer_of(options) if options.pacing else None
        self._bucket = self._pacer.bucket_of(request) if self._pacer is not None else ""
        self._ticket: Ticket | None = None
        self._pending: RetryEvent | None = None
        # Whether an earlier attempt may have been applied though its answer never arrived.
        self._maybe_applied = False

    # --- the deadline --------------------------------------------------------

    def scope(self) -> AbstractContextManager[None]:
        """The block within which the inner transport's sockets (and Redis) keep to this call's deadline."""
        if self._deadline_at == math.inf:
            return nullcontext()
        return call_deadline(self._options.clock, self._deadline_at)

    def bound_attempt(self) -> None:
        """Cut this attempt's timeouts (connect, read, write, pool) to the time left before the deadline."""
        self._attempt_started = self._options.clock()
        if self._deadline_at == math.inf:
            return
        left = max(self._deadline_at - self._options.clock(), 0.001)
        bounded: dict[str, float] = {}
        for kind in _TIMEOUT_KINDS:
            given = self._timeouts.get(kind)
            bounded[kind] = left if given is None else min(given, left)
        self._request.extensions["timeout"] = bounded

    def check_deadline(self) -> None:
        """Raise ``httpx.ReadTimeout`` once the deadline has passed (checked as a body arrives)."""
        if self._options.clock() > self._deadline_at:
            raise httpx.ReadTimeout(
                f"the {self._options.deadline:g} s deadline passed while the body was arriving",
                request=self._request,
            )

    def bound_body(self, response: httpx.Response) -> None:
        """Make reading ``response``'s body raise once the deadline passes, however slowly it trickles in."""
        if self._deadline_at != math.inf:
            response.stream = _DeadlineStream(cast(httpx.SyncByteStream, response.stream), self)

    def abound_body(self, response: httpx.Response) -> None:
        """Async twin of :meth:`bound_body`."""
        if self._deadline_at != math.inf:
            response.stream = _AsyncDeadlineStream(cast(httpx.AsyncByteStream, response.stream), self)

    # --- pacing --------------------------------------------------------------

    def pace(self) -> float | None:
        """Reserve budget and return ``None`` (send now), or a delay to sleep first."""
        if self._pacer is None:
            return None
        now = self._options.clock()
        delay = self._pacing_wait(self._pacer.reserve(self._bucket, now=now), now)
        if delay is _Unpaced.SEND:
            self._ticket = self._pacer.force(self._bucket, now=now)
            return None
        return delay

    async def apace(self) -> float | None:
        """Async twin of :meth:`pace` (a shared pacer asks Redis without blocking the event loop)."""
        if self._pacer is None:
            return None
        now = self._options.clock()
        delay = self._pacing_wait(await self._pacer.areserve(self._bucket, now=now), now)
        if delay is _Unpaced.SEND:
            self._ticket = await self._pacer.aforce(self._bucket, now=now)
            return None
        return delay

    def _pacing_wait(self, outcome: Ticket | Wait, now: float) -> float | Literal[_Unpaced.SEND] | None:
        """``None`` with a ticket taken, a delay to wait, or ``_Unpaced.SEND``: send without budget.

        A wait that would end after the deadline raises ``APITimeoutError`` at once: the
        request would only be refused (429), and sending it would spend budget others need.
        """
        options = self._options
        if isinstance(outcome, Ticket):
            self._ticket = outcome
            return None
        if now + outcome.delay > self._deadline_at:
            message = (
                f"Waiting {outcome.delay:.2f} s for the rate-limit budget would pass the call's "
                f"{options.deadline:g} s deadline; not sent ({RequestInfo.of(self._request)})"
            )
            raise APITimeoutError(message, request=RequestInfo.of(self._request))
        if outcome.delay > options.retry_after_ceiling:
            # Waiting that long would look like a hang: send, and let the server's 429 speak.
            logger.debug(
                "Not pacing %s %s: a %.2f s wait for the rate-limit budget exceeds the %.2f s ceiling",
                self._request.method,
                self._request.url.path,
                outcome.delay,
                options.retry_after_ceiling,
            )
            return _Unpaced.SEND
        logger.log(
            wait_level(outcome.delay),
            "Pacing %s %s: waiting %.2f s for the rate-limit budget (remaining %s, reset at %s)",
            self._request.method,
            self._request.url.path,
            outcome.delay,
            outcome.remaining,
            outcome.reset_at,
        )
        if options.on_pacing is not None:
            options.on_pacing(
                PacingEvent(
                    method=self._request.method,
                    url=self._request.url,
                    delay=outcome.delay,
                    remaining=outcome.remaining,
                    reset_at=outcome.reset_at,
                )
            )
        return outcome.delay

    def settle(self, headers: httpx.Headers | None) -> None:
        """Release this attempt's reservation, teaching the pacer the answer's headers (``None``: no answer).

        Never raises: whatever the pacer makes of the headers, the answer goes on to the caller.
        """
        if self._ticket is not None:
            ticket, self._ticket = self._ticket, None
            try:
                ticket.settle(headers)
            except Exception as error:  # a pacer's failure must cost pacing, never the call
                logger.warning("The rate-limit pacer could not settle %s: %r", self._request.url.path, error)

    async def asettle(self, headers: httpx.Headers | None) -> None:
        """Async twin of :meth:`settle`."""
        if self._ticket is not None:
            ticket, self._ticket = self._ticket, None
            try:
                await ticket.asettle(headers)
            except Exception as error:
                logger.warning("The rate-limit pacer could not settle %s: %r", self._request.url.path, error)

    # --- what each attempt did -------------------------------------------------

    def log_answer(self, response: httpx.Response) -> None:
        """One DEBUG line per answer: method, path, status, seconds, request id, attempt."""
        if request_logger.isEnabledFor(logging.DEBUG):
            request_logger.debug(
                "%s %s -> %d in %.3f s (request %s, attempt %d)",
                self._request.method,
                self._request.url.path,
                response.status_code,
                self._options.clock() - self._attempt_started,
                response.headers.get(REQUEST_ID_HEADER, "-"),
                self._retry.attempts_made + 1,
            )

    def log_failure(self, error: BaseException) -> None:
        """One DEBUG line per attempt that got no answer."""
        if request_logger.isEnabledFor(logging.DEBUG):
            request_logger.debug(
                "%s %s -> %s in %.3f s (attempt %d)",
                self._request.method,
                self._request.url.path,
                type(error).__name__,
                self._options.clock() - self._attempt_started,
                self._retry.attempts_made + 1,
            )

    def read_limit(self) -> int:
        """The most bytes of body (decompressed) this attempt reads."""
        return self._options.max_response_bytes

    def undecodable(self, response: httpx.Response, error: httpx.DecodingError) -> APIResponseValidationError:
        """The error for an answer whose body its ``Content-Encoding`` cannot decode."""
        encoding = response.headers.get("content-encoding", "")
        return APIResponseValidationError(
            status_code=response.status_code,
            reason=f"has a body its Content-Encoding ({encoding}) cannot decode: {error}",
            request=RequestInfo.of(self._request),
            headers=response.headers,
        )

    def too_large(self, response: httpx.Response) -> ResponseTooLargeError:
        """The error for an answer whose body passed :meth:`read_limit`."""
        return ResponseTooLargeError(
            status_code=response.status_code,
            limit=self.read_limit(),
            request=RequestInfo.of(self._request),
            headers=response.headers,
        )

    # --- retrying ------------------------------------------------------------

    def on_response(self, response: httpx.Response) -> float | None:
        """Learn from an answer (settled first); return the delay before retrying, or ``None`` to return it."""
        status = response.status_code
        if status not in IDEMPOTENT_RETRY_STATUSES or self._deleted_earlier(response):
            return None  # an answer, not a failure to retry (for a retried DELETE's 404, see outcome())
        retry_after = retry_after_from(response.headers, now=self._options.clock())
        delay = self._retry_delay(status_code=status, retry_after=retry_after)
        if delay is not None and status not in UNPROCESSED_RETRY_STATUSES:
            self._maybe_applied = True  # a 5xx or 408 may come after the work was done
        return delay

    def _deleted_earlier(self, response: httpx.Response) -> bool:
        """Whether ``response`` is a retried DELETE's 404 after an attempt that may have been applied."""
        return self._maybe_applied and response.status_code == 404 and self._request.method == "DELETE"

    def outcome(self, response: httpx.Response) -> httpx.Response:
        """The answer to return: ``response``, unless it is a retried DELETE's 404.

        A DELETE whose earlier attempt timed out, lost its connection or met a 5xx may have
        been applied; a retry then finds nothing to delete. The caller asked for the resource
        to be gone, and it is: the 404 becomes a 204 (with the 404's other headers).
        """
        if not self._deleted_earlier(response):
            return response
        logger.info(
            "DELETE %s answered 404 after an attempt whose answer was lost: that attempt deleted it; returning 204",
            self._request.url.path,
        )
        headers = [(name, value) for name, value in response.headers.multi_items() if name.lower() not in _BODY_HEADERS]
        return httpx.Response(204, headers=headers, request=self._request)

    def landing_check(self, response: httpx.Response) -> httpx.Request | None:
        """The GET that tells whether an earlier attempt of this PUT landed, when ``response`` asks for one.

        Only for a 409 ``VERSION_MISMATCH`` after an attempt that may have been applied, to a
        PUT whose body names the ``revision`` it expected.
        """
        if not (self._maybe_applied and self._request.method == "PUT" and response.status_code == 409):
            return None
        if _json_object(response.content).get("code") != "VERSION_MISMATCH":
            return None
        sent = _json_object(self._request.content)
        if not _is_int(sent.get("revision")):
            return None
        headers = [
            (name, value)
            for name, value in self._request.headers.multi_items()
            if name.lower() not in _PUT_ONLY_HEADERS
        ]
        check = httpx.Request("GET", self._request.url, headers=headers, extensions=dict(self._request.extensions))
        self.bound_attempt()
        check.extensions["timeout"] = self._request.extensions.get("timeout", {})
        return check

    def landed(self, conflict: httpx.Response, current: httpx.Response) -> httpx.Response:
        """``current`` (the checking GET's answer) as the PUT's answer if the PUT landed, else ``conflict``."""
        sent = _json_object(self._request.content)
        resource = _json_object(current.content) if current.status_code == 200 else {}
        revision = sent["revision"]
        if resource.get("revision") != revision + 1 or any(
            name != "revision" and resource.get(name, _MISSING) != value for name, value in sent.items()
        ):
            return conflict
        logger.info(
            "PUT %s answered 409 VERSION_MISMATCH after an attempt whose answer was lost; the resource holds that "
            "attempt's write at revision %d: returning it as the answer",
            self._request.url.path,
            revision + 1,
        )
        headers = [(name, value) for name, value in current.headers.multi_items() if name.lower() not in _BODY_HEADERS]
        return httpx.Response(200, headers=headers, json=resource, request=self._request)

    def on_error(self, exc: httpx.TransportError) -> float | None:
        """Learn from a failed attempt (settled first); return the delay before retrying, or ``None`` to raise."""
        delay = self._retry_delay(error=exc)
        if delay is not None and not isinstance(exc, NOT_SENT):
            self._maybe_applied = True  # the request may have arrived; only its answer is known lost
        return delay

    def _retry_delay(
        self, *, status_code: int | None = None, error: Exception | None = None, retry_after: float | None = None
    ) -> float | None:
        """Ask :func:`.retries.decide`; when it says retry, count the retry and prepare ``on_retry``'s event."""
        retry = self._retry
        delay = decide(
            self._request,
            retry,
            self._options,
            deadline_at=self._deadline_at,
            status_code=status_code,
            error=error,
            retry_after=retry_after,
        )
        if delay is None:
            return None
        if self._options.on_retry is not None:
            self._pending = RetryEvent(
                method=self._request.method,
                url=self._request.url,
                attempt=retry.attempts_made + 1,
                max_retries=retry.total,
                delay=delay,
                status_code=status_code,
                error=error,
                retry_after=retry_after,
            )
        self._retry = retry.increment()
        return delay

    def announce_retry(self) -> None:
        """Call ``on_retry`` for the retry just decided.

        Separate from the decision so that the transport closes the answer
        being retried first: a hook that raises must not leak a connection.
        """
        event, self._pending = self._pending, None
        if event is not None and self._options.on_retry is not None:
            self._options.on_retry(event)


class _DeadlineStream(httpx.SyncByteStream):
    """A response body that raises ``httpx.ReadTimeout`` once the call's deadline passes."""

    def __init__(self, inner: httpx.SyncByteStream, attempts: _Attempts) -> None:
        self._inner = inner
        self._attempts = attempts

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._inner:
            self._attempts.check_deadline()
            yield chunk

    def close(self) -> None:
        self._inner.close()


class _AsyncDeadlineStream(httpx.AsyncByteStream):
    """Async twin of :class:`_DeadlineStream`."""

    def __init__(self, inner: httpx.AsyncByteStream, attempts: _Attempts) -> None:
        self._inner = inner
        self._attempts = attempts

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._inner:
            self._attempts.check_deadline()
            yield chunk

    async def aclose(self) -> None:
        await self._inner.aclose()


_MISSING = object()


def _json_object(content: bytes) -> dict[str, Any]:
    """``content`` as a JSON object, or ``{}``."""
    try:
        value = json.loads(content) if content else None
    except (ValueError, RecursionError):
        return {}
    return value if isinstance(value, dict) else {}


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _keep(response: httpx.Response, chunks: list[bytes]) -> None:
    # What httpx.Response.read() stores: the decoded body, served by .content from then on.
    response._content = b"".join(chunks)


def _read_body(response: httpx.Response, attempts: _Attempts) -> None:
    """Read the whole body inside the retry loop, up to the options' ``max_response_bytes``.

    httpx hands a response over once its headers have arrived and reads the body later,
    outside any transport; a body cut short there would escape the retry rules and the
    typed errors. The generated client reads every body whole anyway, so nothing is lost.
    The bound counts decompressed bytes (a small gzip body may inflate a thousandfold).
    """
    limit, read, chunks = attempts.read_limit(), 0, []
    try:
        for chunk in response.iter_bytes():
            read += len(chunk)
            if read > limit:
                raise attempts.too_large(response)
            chunks.append(chunk)
    except httpx.DecodingError as error:
        response.close()
        failure = error
    except BaseException:
        response.close()
        raise
    else:
        _keep(response, chunks)
        return
    raise attempts.undecodable(response, failure) from None


async def _aread_body(response: httpx.Response, attempts: _Attempts) -> None:
    """Async twin of :func:`_read_body`."""
    limit, read, chunks = attempts.read_limit(), 0, []
    try:
        async for chunk in response.aiter_bytes():
            read += len(chunk)
            if read > limit:
                raise attempts.too_large(response)
            chunks.append(chunk)
    except httpx.DecodingError as error:
        await response.aclose()
        failure = error
    except BaseException:
        await response.aclose()
        raise
    else:
        _keep(response, chunks)
        return
    raise attempts.undecodable(response, failure) from None


class FastnTransport(httpx.BaseTransport):
    """Synchronous transport: paces, retries and raises typed connection errors.

    Args:
        inner: The transport that does the I/O (default ``httpx.HTTPTransport()`` reading and
            writing by the call's deadline, :mod:`.deadline`; ``httpx.MockTransport`` in tests).
        options: Retry, pacing and hook settings (default ``ClientOptions()``).
    """

    def __init__(
        self,
        inner: httpx.BaseTransport | None = None,
        *,
        options: ClientOptions | None = None,
    ) -> None:
        self._inner = inner if inner is not None else http_transport()
        self._options = options if options is not None else ClientOptions()
        self._rules = RetryRules.from_options(self._options)

    @property
    def options(self) -> ClientOptions:
        """The settings this transport was built with (read-only: rules derive from them)."""
        return self._options

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request``, pacing and retrying as the options say."""
        request.read()  # buffer a streamed body so that a retry can send it again
        attempts = _Attempts(request, self._options, self._rules)
        with attempts.scope():
            return self._send(request, attempts)

    def _send(self, request: httpx.Request, attempts: _Attempts) -> httpx.Response:
        sleep = self._options.sleep
        while True:
            while (wait := attempts.pace()) is not None:
                sleep(wait)
            attempts.bound_attempt()
            failure: httpx.TransportError | None = None
            try:
                response = self._inner.handle_request(request)
                attempts.bound_body(response)
                _read_body(response, attempts)
            except httpx.TransportError as exc:
                attempts.log_failure(exc)
                attempts.settle(None)
                delay = attempts.on_error(exc)
                failure = exc if delay is None else None
            except BaseException as exc:
                attempts.log_failure(exc)
                attempts.settle(None)  # give the reservation back
                raise
            else:
                attempts.log_answer(response)
                attempts.settle(response.headers)
                delay = attempts.on_response(response)
                if delay is None:
                    check = attempts.landing_check(response)
                    if check is not None:
                        response = self._checked(response, check, attempts)
                    return attempts.outcome(response)
                response.close()
            if delay is None:
                # Raised here, outside the except block, so that nothing chains to the httpx exception
                # (its .request holds the headers, the key among them).
                assert failure is not None
                raise connection_error_from(failure, request) from detached(failure)
            attempts.announce_retry()
            sleep(delay)

    def _checked(self, conflict: httpx.Response, check: httpx.Request, attempts: _Attempts) -> httpx.Response:
        """The PUT's answer after the GET ``check``; the 409 as it was if the GET fails."""
        try:
            current = self._inner.handle_request(check)
            _read_body(current, attempts)
        except Exception as error:
            logger.debug("Could not check whether PUT %s landed: %r", check.url.path, error)
            return conflict
        return attempts.landed(conflict, current)

    def close(self) -> None:
        """Close the inner transport."""
        self._inner.close()

    def __repr__(self) -> str:
        return f"FastnTransport(inner={self._inner!r}, options={self._options!r})"


class AsyncFastnTransport(httpx.AsyncBaseTransport):
    """Asynchronous twin of :class:`FastnTransport`; sleeps with ``options.async_sleep``.

    Args:
        inner: The transport that does the I/O (default ``httpx.AsyncHTTPTransport()``, by the deadline).
        options: Retry, pacing and hook settings (default ``ClientOptions()``).
    """

    def __init__(
        self,
        inner: httpx.AsyncBaseTransport | None = None,
        *,
        options: ClientOptions | None = None,
    ) -> None:
        self._inner = inner if inner is not None else async_http_transport()
        self._options = options if options is not None else ClientOptions()
        self._rules = RetryRules.from_options(self._options)

    @property
    def options(self) -> ClientOptions:
        """The settings this transport was built with (read-only: rules derive from them)."""
        return self._options

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request``, pacing and retrying as the options say."""
        await request.aread()  # buffer a streamed body so that a retry can send it again
        attempts = _Attempts(request, self._options, self._rules)
        with attempts.scope():
            return await self._send(request, attempts)

    async def _send(self, request: httpx.Request, attempts: _Attempts) -> httpx.Response:
        sleep = self._options.async_sleep
        while True:
            while (wait := await attempts.apace()) is not None:
                await sleep(wait)
            attempts.bound_attempt()
            failure: httpx.TransportError | None = None
            try:
                response = await self._inner.handle_async_request(request)
                attempts.abound_body(response)
                await _aread_body(response, attempts)
            except httpx.TransportError as exc:
                attempts.log_failure(exc)
                await attempts.asettle(None)
                delay = attempts.on_error(exc)
                failure = exc if delay is None else None
            except BaseException as exc:  # including CancelledError: never leak a reservation
                attempts.log_failure(exc)
                attempts.settle(None)  # not awaited: an attempt being cancelled might never run an await
                raise
            else:
                attempts.log_answer(response)
                await attempts.asettle(response.headers)
                delay = attempts.on_response(response)
                if delay is None:
                    check = attempts.landing_check(response)
                    if check is not None:
                        response = await self._checked(response, check, attempts)
                    return attempts.outcome(response)
                await response.aclose()
            if delay is None:
                assert failure is not None
                raise connection_error_from(failure, request) from detached(failure)
            attempts.announce_retry()
            await sleep(delay)

    async def _checked(self, conflict: httpx.Response, check: httpx.Request, attempts: _Attempts) -> httpx.Response:
        """Async twin of :meth:`FastnTransport._checked`."""
        try:
            current = await self._inner.handle_async_request(check)
            await _aread_body(current, attempts)
        except Exception as error:
            logger.debug("Could not check whether PUT %s landed: %r", check.url.path, error)
            return conflict
        return attempts.landed(conflict, current)

    async def aclose(self) -> None:
        """Close the inner transport."""
        await self._inner.aclose()

    def __repr__(self) -> str:
        return f"AsyncFastnTransport(inner={self._inner!r}, options={self._options!r})"
