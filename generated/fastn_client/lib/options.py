"""Configuration of the runtime, and the events its hooks receive.

One frozen options object describes everything the transports do, so that a
client's behaviour can be read (and compared, and logged) in one place.
Defaults live in :mod:`.constants`.

Example::

    from fastn_client.lib import ClientOptions, FastnTransport

    options = ClientOptions(max_retries=4, deadline=30.0, on_retry=print)
    transport = FastnTransport(options=options)
"""

from __future__ import annotations

import importlib.util
import math
import os
import random
import time
from collections.abc import Awaitable, Callable
from typing import Any, Literal

import attrs
import httpx

from .constants import (
    DEFAULT_BACKOFF_INITIAL,
    DEFAULT_BACKOFF_MAX,
    DEFAULT_DEADLINE,
    DEFAULT_IDEMPOTENCY_KEYS,
    DEFAULT_KEY_PLACEMENT,
    DEFAULT_MAX_RESPONSE_BYTES,
    DEFAULT_MAX_RETRIES,
    DEFAULT_REALM,
    DEFAULT_RETRY_AFTER_CEILING,
    DEFAULT_TRUST_IDEMPOTENCY_KEYS,
    RATE_LIMIT_REDIS_URL_ENV,
)
from .errors import ClientInputError
from .inputs import check_header_value
from .pacing import Pacer

__all__ = ["ClientOptions", "Jitter", "KeyPlacement", "PacingEvent", "RetryEvent"]

#: ``"full"``: a delay drawn from [0, d]; ``"equal"``: from [d/2, d].
Jitter = Literal["full", "equal"]

#: ``"header"``: the key in ``x-fastn-api-key``; ``"bearer"``: as ``Authorization: Bearer <key>``.
KeyPlacement = Literal["header", "bearer"]


@attrs.frozen
class RetryEvent:
    """Passed to ``on_retry`` just before the transport sleeps and retries.

    Attributes:
        method: HTTP method of the request.
        url: URL of the request.
        attempt: Number of this retry, 1 for the first.
        max_retries: Retries allowed in all.
        delay: Seconds the transport will now sleep.
        status_code: Status of the answer being retried, ``None`` after an error.
        error: The :mod:`httpx` exception being retried, ``None`` after an answer.
        retry_after: Seconds the server asked for (``Retry-After``), if it did.
    """

    method: str
    url: httpx.URL
    attempt: int
    max_retries: int
    delay: float
    status_code: int | None = None
    error: Exception | None = None
    retry_after: float | None = None


@attrs.frozen
class PacingEvent:
    """Passed to ``on_pacing`` each time a request is held back for budget.

    Attributes:
        method: HTTP method of the request.
        url: URL of the request.
        delay: Seconds the transport will now sleep before asking again.
        remaining: Budget left as the pacer sees it, ``None`` while unknown.
        reset_at: Unix time at which the budget refills, ``None`` while unknown.
    """

    method: str
    url: httpx.URL
    delay: float
    remaining: int | None = None
    reset_at: float | None = None


def _redis_url_from_env() -> str | None:
    return os.environ.get(RATE_LIMIT_REDIS_URL_ENV) or None


def redact_url(url: str) -> str:
    """``url`` with its password, if any, replaced by ``***`` (for reprs and log lines)."""
    if "@" not in url:
        return url
    scheme, _, rest = url.partition("://")
    credentials, _, host = rest.rpartition("@")
    user = credentials.split(":", 1)[0]
    return f"{scheme}://{user}:***@{host}"


def _masked_url(url: str | None) -> str:
    return repr(None if url is None else redact_url(url))


async def _async_sleep(seconds: float) -> None:
    # asyncio is imported when first slept with: a sync-only program never pays for it (about 10 ms).
    import asyncio

    await asyncio.sleep(seconds)


def _number(attribute: attrs.Attribute[Any], value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
        raise ClientInputError(f"{attribute.name} must be a number, got {value!r}", argument=attribute.name)
    return value


def _non_negative(_instance: object, attribute: attrs.Attribute[Any], value: float) -> None:
    if _number(attribute, value) < 0:
        raise ClientInputError(f"{attribute.name} must be >= 0, got {value!r}", argument=attribute.name)


def _positive(_instance: object, attribute: attrs.Attribute[Any], value: float | None) -> None:
    if value is not None and _number(attribute, value) <= 0:
        raise ClientInputError(f"{attribute.name} must be > 0, got {value!r}", argument=attribute.name)


def _header(_instance: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None:
        check_header_value(attribute.name, value)


_REDIS_SCHEMES = ("redis://", "rediss://", "unix://")


def _redis_url(_instance: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    """A usable Redis URL, with the ``redis`` package installed: checked once, when the options are made."""
    if value is None:
        return
    if not isinstance(value, str) or not value.startswith(_REDIS_SCHEMES):
        raise ClientInputError(
            f"rate_limit_redis_url (or {RATE_LIMIT_REDIS_URL_ENV}) must start with redis://, rediss:// or "
            f"unix://, got {_masked_url(value) if isinstance(value, str) else repr(value)}",
            argument=attribute.name,
        )
    if importlib.util.find_spec("redis") is None:
        raise ClientInputError(
            f"rate_limit_redis_url (or {RATE_LIMIT_REDIS_URL_ENV}) needs the redis package: "
            'pip install "fastn-client[redis]"',
            argument=attribute.name,
        )


@attrs.frozen(kw_only=True)
class ClientOptions:
    """How the Fastn transports retry, pace and report.

    Attributes:
        max_retries: Retries after the first attempt (default 2); 0 disables.
        backoff_initial: First backoff delay in seconds (default 0.5), doubled
            on each further retry.
        backoff_max: Cap of one backoff delay in seconds (default 8).
        jitter: ``"full"`` (default) draws each delay from [0, d], which
            spreads a crowd of clients best; ``"equal"`` from [d/2, d], which
            guarantees a minimum pause.
        deadline: Seconds from the first attempt by which the whole call,
            retries, waits and slow bodies included, ends (default 120):
            no retry or pacing wait starts that would end later, each
            attempt's timeouts are cut to what is left, and a body still
            arriving when it passes is abandoned (``APITimeoutError``).
            ``None`` for no limit.
        retry_after_ceiling: A wait longer than this (default 60 s), asked by
            ``Retry-After`` or needed for the rate-limit budget, is not slept:
            the 429/503 is surfaced at once (pacing sends the request and lets
            the server answer).
        pacing: Hold requests back while the key's rate-limit budget is spent
            (default ``True``).
        idempotency_keys: Give every POST that has no ``Idempotency-Key`` header
            a fresh one (default ``True``), so that a server that honours keys can
            tell a retry from a new request. The key is on every error the call
            raises (``error.idempotency_key``): pass it back as ``idempotency_key=``
            to retry by hand without acting twice on such a server.
        trust_idempotency_keys: Whether the server answers a repeated key with the
            first answer (default ``False``: nothing public says Fastn does). Only
            then is a POST with a key retried like a GET (timeouts, dropped
            connections, 5xx), never after a 408. Otherwise a POST is retried only
            when it provably was not processed: a 429, or a connection never made.
        max_response_bytes: A body larger than this (after decompression; default
            64 MiB) is not read further: ``ResponseTooLargeError``.
        pacer: Where budgets are kept; ``None`` (default) is the process-wide
            ``SHARED_PACER``, or the Redis one below. Tests pass their own for isolation.
        rate_limit_redis_url: ``redis://host:port/db``: one budget per key for every
            process and thread using this URL, kept in Redis (``lib/shared_pacing.py``;
            needs the ``redis`` package, ``fastn-client[redis]``). Defaults to the
            ``FASTN_RATE_LIMIT_REDIS_URL`` environment variable when the options are
            made; ``None``: the in-process budget. Ignored when ``pacer`` is given.
        on_retry: Called with a :class:`RetryEvent` before each retry sleep.
        on_pacing: Called with a :class:`PacingEvent` before each pacing sleep.
            Exceptions raised by a hook propagate and abort the request.
        clock: Wall-clock Unix seconds; wall rather than monotonic because
            ``X-RateLimit-Reset`` and HTTP dates are wall-clock.
        sleep: Blocking sleep used by :class:`FastnTransport`.
        async_sleep: Sleep awaited by :class:`AsyncFastnTransport`.
        random: Source of jitter, returning a float in [0, 1).
        key_placement: Where ``AuthenticatedClient`` sends the workspace key: ``"header"``
            (default) in ``x-fastn-api-key``, as the seed reference documents it; ``"bearer"`` as
            ``Authorization: Bearer <key>``, as newer docs pages show it. The spec accepts both;
            the default is the form the seed, the one reference of every path, documents.
            Ignored when the client's ``auth_header_name`` or ``prefix`` is set by hand, and for a
            custom-auth token (``custom_auth=True``), which goes raw in ``Authorization``.
        test_mode: The ``X-fastn-Test-Mode: true`` header, which the docs require with a test key
            and forbid with a live one. ``None`` (default): sent when the key is a test key
            (``fsk_test_…``) and never otherwise; ``False``: never sent; ``True``: sent whatever
            the key looks like (for a test key of another format), but a live key
            (``fsk_live_…``) with ``True`` is refused when the client is made. Never sent with a
            custom-auth token.
        realm: Sent as the ``realm`` header on every request, ``"fastn"`` by default as the
            official SDK does; ``None`` sends none.
    """

    max_retries: int = attrs.field(default=DEFAULT_MAX_RETRIES, validator=_non_negative)
    backoff_initial: float = attrs.field(default=DEFAULT_BACKOFF_INITIAL, validator=_non_negative)
    backoff_max: float = attrs.field(default=DEFAULT_BACKOFF_MAX, validator=_positive)
    jitter: Jitter = attrs.field(default="full", validator=attrs.validators.in_(("full", "equal")))
    deadline: float | None = attrs.field(default=DEFAULT_DEADLINE, validator=_positive)
    retry_after_ceiling: float = attrs.field(default=DEFAULT_RETRY_AFTER_CEILING, validator=_non_negative)
    pacing: bool = True
    idempotency_keys: bool = DEFAULT_IDEMPOTENCY_KEYS
    trust_idempotency_keys: bool = DEFAULT_TRUST_IDEMPOTENCY_KEYS
    max_response_bytes: int = attrs.field(default=DEFAULT_MAX_RESPONSE_BYTES, validator=_positive)
    pacer: Pacer | None = None
    rate_limit_redis_url: str | None = attrs.field(factory=_redis_url_from_env, repr=_masked_url, validator=_redis_url)
    on_retry: Callable[[RetryEvent], None] | None = None
    on_pacing: Callable[[PacingEvent], None] | None = None
    clock: Callable[[], float] = time.time
    sleep: Callable[[float], None] = time.sleep
    async_sleep: Callable[[float], Awaitable[None]] = _async_sleep
    random: Callable[[], float] = random.random
    key_placement: KeyPlacement = attrs.field(
        default=DEFAULT_KEY_PLACEMENT, validator=attrs.validators.in_(("header", "bearer"))
    )
    test_mode: bool | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(bool))
    )
    realm: str | None = attrs.field(default=DEFAULT_REALM, validator=_header)
