"""Which failures are retried, and how long to wait: the retry rules.

The rules are expressed as two :class:`httpx_retries.Retry` policies, so the
vocabulary (allowed methods, status list, retryable exception classes) and
the attempt bookkeeping (``increment``, ``is_exhausted``, the capped
exponential of ``backoff_strategy``) are httpx-retries' own:

* idempotent methods (GET, HEAD, OPTIONS, PUT, DELETE) retry connection
  failures, timeouts, broken exchanges and 408/429/500/502/503/504;
* a POST or PATCH retries only what proves it was not processed: a 429, or
  failing to connect (connect error or timeout, or no pooled connection
  becoming free). Never a 5xx or a read timeout: the server may have created
  the resource or started the run, and doing it twice is worse than an error.
  It still carries an ``Idempotency-Key`` (the caller's or a fresh one), which
  every error it raises exposes, for a retry by hand;
* only with ``ClientOptions(trust_idempotency_keys=True)``, for a server known
  to answer a repeated key with the first answer, is a POST with a key retried
  like a GET, except after a 408 (a run that timed out may still be running).

Whether one failed attempt is retried, and after how long, is answered by one function,
:func:`decide`, which logs one line for each of its answers. The loop around it is not
httpx-retries' ``RetryTransport``: see ``overrides/README.md`` for what that lacks and
:mod:`.transport` for the loop.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

import attrs
import httpx
from httpx_retries import Retry

from .constants import (
    IDEMPOTENCY_KEY_HEADER,
    IDEMPOTENT_METHODS,
    IDEMPOTENT_RETRY_STATUSES,
    LOGGER_NAME,
    NEVER_RETRIED_POST_STATUSES,
    UNPROCESSED_RETRY_STATUSES,
)
from .logs import wait_level
from .options import ClientOptions

__all__ = ["NOT_SENT", "RetryRules", "backoff_delay", "decide"]

logger = logging.getLogger(LOGGER_NAME)

# Failures of an exchange that may be retried when sending twice is harmless.
_ANY_TRANSPORT_FAILURE: tuple[type[Exception], ...] = (
    httpx.TimeoutException,
    httpx.NetworkError,
    httpx.RemoteProtocolError,
)
# Failures that happen before a single byte of the request left this process.
NOT_SENT: tuple[type[Exception], ...] = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
)


@attrs.frozen
class RetryRules:
    """The httpx-retries policies derived from one :class:`ClientOptions`.

    ``deduplicated`` is ``None`` unless the options trust idempotency keys.
    """

    idempotent: Retry
    unprocessed: Retry
    deduplicated: Retry | None = None

    @classmethod
    def from_options(cls, options: ClientOptions) -> RetryRules:
        """Build the policies with the retry count and backoff of ``options``."""
        deduplicated = None
        if options.trust_idempotency_keys:
            statuses = IDEMPOTENT_RETRY_STATUSES - NEVER_RETRIED_POST_STATUSES
            deduplicated = _policy(options, ("POST", "PATCH"), statuses, _ANY_TRANSPORT_FAILURE)
        return cls(
            idempotent=_policy(options, IDEMPOTENT_METHODS, IDEMPOTENT_RETRY_STATUSES, _ANY_TRANSPORT_FAILURE),
            unprocessed=_policy(options, ("POST", "PATCH"), UNPROCESSED_RETRY_STATUSES, NOT_SENT),
            deduplicated=deduplicated,
        )

    def for_request(self, request: httpx.Request) -> Retry:
        """The policy for ``request``: by its method, and for a POST by whether its key is trusted."""
        if self.idempotent.is_retryable_method(request.method):
            return self.idempotent
        if self.deduplicated is not None and IDEMPOTENCY_KEY_HEADER in request.headers:
            return self.deduplicated
        return self.unprocessed


def _policy(
    options: ClientOptions,
    methods: Iterable[str],
    statuses: Iterable[int],
    failures: tuple[type[Exception], ...],
) -> Retry:
    return Retry(
        total=options.max_retries,
        allowed_methods=methods,
        status_forcelist=statuses,
        retry_on_exceptions=failures,
        backoff_factor=options.backoff_initial,
        max_backoff_wait=options.backoff_max,
        # Jitter is applied by backoff_delay() from the injected random
        # source; httpx-retries would draw from the global one.
        backoff_jitter=0.0,
        # Retry-After is read by the transport, which also enforces the
        # ceiling; httpx-retries would clamp a long one and retry early.
        respect_retry_after_header=False,
    )


def backoff_delay(retry: Retry, options: ClientOptions) -> float:
    """The jittered backoff before the retry after ``retry.attempts_made`` retries.

    httpx-retries gives the capped exponential ``min(initial * 2**n, cap)``;
    jitter is drawn here from ``options.random`` so that tests control it.
    """
    base = retry.backoff_strategy()
    draw = options.random()
    if options.jitter == "full":
        return base * draw
    return base / 2 * (1 + draw)


def decide(
    request: httpx.Request,
    retry: Retry,
    options: ClientOptions,
    *,
    deadline_at: float,
    status_code: int | None = None,
    error: Exception | None = None,
    retry_after: float | None = None,
) -> float | None:
    """Retry this failed attempt of ``request``? The seconds to wait first, or ``None``: do not.

    The one place that answers, for an answer with status ``status_code`` (one of the retry-worthy
    statuses: anything else is returned to the caller without asking) or a transport ``error``.
    ``retry`` is the request's policy (:meth:`RetryRules.for_request`) with the retries made so far;
    ``retry_after`` the answer's Retry-After in seconds, if it had one; ``deadline_at`` the clock
    time after which no retry starts. Each answer logs one line, naming the method and the path
    only (never a header or the query): why not, or when.
    """
    what = f"status {status_code}" if error is None else type(error).__name__
    method, path = request.method, request.url.path
    if error is not None:
        retryable = retry.is_retryable_exception(error)
    else:
        retryable = status_code is not None and retry.is_retryable_status_code(status_code)
    if not retryable:
        why = "not a retryable failure" if method in IDEMPOTENT_METHODS else "the request may have been processed"
        logger.debug("Not retrying %s %s (%s): %s", method, path, what, why)
        return None
    if retry.is_exhausted():
        logger.debug("Giving up on %s %s (%s) after %d retries", method, path, what, retry.attempts_made)
        return None
    if retry_after is not None and retry_after > options.retry_after_ceiling:
        logger.debug(
            "Not retrying %s %s (%s): Retry-After %.2f s exceeds the %.2f s ceiling",
            method,
            path,
            what,
            retry_after,
            options.retry_after_ceiling,
        )
        return None
    delay = backoff_delay(retry, options) if retry_after is None else retry_after
    if options.clock() + delay > deadline_at:
        logger.debug("Not retrying %s %s (%s): a %.2f s wait would pass the deadline", method, path, what, delay)
        return None
    logger.log(
        wait_level(delay),
        "Retrying %s %s (%s): retry %d of %d in %.2f s",
        method,
        path,
        what,
        retry.attempts_made + 1,
        retry.total,
        delay,
    )
    return delay
