"""Defaults and protocol names of the hand-written runtime, in one place.

Every tunable default of :class:`~fastn_client.lib.options.ClientOptions` is
defined here so the README, the options class and the tests quote one source.
"""

from __future__ import annotations

from typing import Final

#: Name of the logger every line of the runtime goes to.
LOGGER_NAME: Final = "fastn_client"
#: Environment variable that turns the package's logging on: ``info`` or ``debug``.
LOG_ENV: Final = "FASTN_LOG"
#: A wait (pacing, a retry's backoff, a waiter's poll) longer than this many seconds is logged
#: at INFO, with why and for how long: a call that blocks should say so. Shorter ones at DEBUG.
LONG_WAIT: Final = 1.0

# --- Retries -----------------------------------------------------------------

#: Retries after the first attempt (so 3 attempts in all); 0 turns retrying off.
DEFAULT_MAX_RETRIES: Final = 2
#: First backoff delay in seconds; each further retry doubles it.
DEFAULT_BACKOFF_INITIAL: Final = 0.5
#: Upper bound of one backoff delay in seconds, before jitter.
DEFAULT_BACKOFF_MAX: Final = 8.0
#: Seconds from the first attempt after which no further retry starts.
#: Room for one maximal Retry-After wait (below) plus the requests themselves.
DEFAULT_DEADLINE: Final = 120.0
#: A Retry-After (or pacing wait) longer than this surfaces the error at once:
#: sleeping for minutes inside a library call looks like a hang to the caller.
DEFAULT_RETRY_AFTER_CEILING: Final = 60.0

#: Methods that are safe to send twice (RFC 9110 section 9.2.2), minus TRACE,
#: which this API does not serve.
IDEMPOTENT_METHODS: Final = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
#: Statuses worth another attempt of an idempotent request: request timeout,
#: rate limited, and the server-side failures a later attempt may not meet.
IDEMPOTENT_RETRY_STATUSES: Final = frozenset({408, 429, 500, 502, 503, 504})
#: Statuses that prove a request was not processed, so that even a POST may be
#: sent again: only 429 (refused before any work was done).
UNPROCESSED_RETRY_STATUSES: Final = frozenset({429})
#: Whether the client gives every POST without an ``Idempotency-Key`` one of its own. Sending one
#: is harmless; it makes a retry safe only where the server honours it (below).
DEFAULT_IDEMPOTENCY_KEYS: Final = True
#: Whether the client trusts the server to answer a repeated ``Idempotency-Key`` with the first
#: answer, and so retries a POST that carries one like a GET. Off: nothing public says Fastn
#: honours the header (the spec marks it inferred), and a POST retried after it may have been
#: processed could act twice (create twice, run a flow twice).
DEFAULT_TRUST_IDEMPOTENCY_KEYS: Final = False
#: Statuses never retried for a request that is not idempotent by method, even with a trusted key:
#: 408 TIMED_OUT from a run means the work may be going on, and a retry would start it again.
NEVER_RETRIED_POST_STATUSES: Final = frozenset({408})

# --- What the client reads -----------------------------------------------------

#: A response body (after decompression) larger than this many bytes is not read further:
#: ``ResponseTooLargeError``. 64 MiB is far above any page the API sends (100 items).
DEFAULT_MAX_RESPONSE_BYTES: Final = 64 * 1024 * 1024

# --- Waiting for long-running work (executions, AI builds) -------------------

#: How long a waiter polls before it raises WaitTimeoutError (seconds).
DEFAULT_WAIT_TIMEOUT: Final = 600.0
#: First pause between two polls (seconds); each further pause doubles it.
DEFAULT_POLL_INTERVAL: Final = 1.0
#: Upper bound of one pause between two polls (seconds), unless Retry-After asks for more.
DEFAULT_POLL_INTERVAL_MAX: Final = 10.0

# --- Rate-limit pacing -------------------------------------------------------

#: Environment variable naming a Redis that keeps one budget per key for every process.
RATE_LIMIT_REDIS_URL_ENV: Final = "FASTN_RATE_LIMIT_REDIS_URL"

#: While other requests of the same key are in flight, the pacer re-checks
#: the budget this often (seconds): their answers may free or reveal budget.
PACING_POLL_INTERVAL: Final = 0.01

# --- Header names (lower case; httpx.Headers is case-insensitive) ------------

API_KEY_HEADER: Final = "x-fastn-api-key"
AUTHORIZATION_HEADER: Final = "authorization"
#: Sent as ``true`` with a test key, never with a live one (the docs' authentication tutorial).
TEST_MODE_HEADER: Final = "x-fastn-test-mode"
#: Sent by the official SDK on every request (its ``python/fastn/config.py``), as ``fastn``.
REALM_HEADER: Final = "realm"

# --- Credentials ---------------------------------------------------------------

#: Where the workspace key goes unless ``ClientOptions.key_placement`` says otherwise: the seed
#: reference documents ``x-fastn-api-key``; ``Authorization: Bearer`` is from newer docs pages.
DEFAULT_KEY_PLACEMENT: Final = "header"
#: The realm the official SDK sends.
DEFAULT_REALM: Final = "fastn"
#: How the docs' test keys start (a key's format is no contract: this only decides the default
#: of the test-mode header).
TEST_KEY_PREFIX: Final = "fsk_test_"
#: How the docs' live keys start: they never get the test-mode header.
LIVE_KEY_PREFIX: Final = "fsk_live_"
RATE_LIMIT_LIMIT_HEADER: Final = "x-ratelimit-limit"
RATE_LIMIT_REMAINING_HEADER: Final = "x-ratelimit-remaining"
RATE_LIMIT_RESET_HEADER: Final = "x-ratelimit-reset"
RETRY_AFTER_HEADER: Final = "retry-after"
REQUEST_ID_HEADER: Final = "x-request-id"
IDEMPOTENCY_KEY_HEADER: Final = "idempotency-key"
