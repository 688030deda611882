"""Parsing of the response headers the runtime acts on.

Kept apart from the retry loop, the pacer and the exceptions because all
three read the same headers and must agree on what a malformed value means:
here, always "absent" (``None``). A server sending a garbled header should
cost us an optimisation, never a crash.
"""

from __future__ import annotations

import math
import re
from datetime import UTC
from email.utils import parsedate_to_datetime

import attrs
import httpx

from .constants import (
    RATE_LIMIT_LIMIT_HEADER,
    RATE_LIMIT_REMAINING_HEADER,
    RATE_LIMIT_RESET_HEADER,
    RETRY_AFTER_HEADER,
)

# RFC 9110 allows only whole seconds; a decimal is accepted because being
# lenient costs nothing and some servers send "1.5".
_DELAY_SECONDS = re.compile(r"\d+(\.\d+)?")
# Longer values are read as absent: no count or time the API sends needs more digits, and Python
# refuses to turn a string of over 4,300 digits into an int.
_MAX_DIGITS = 18
_MAX_VALUE_LENGTH = 64


def parse_retry_after(value: str | None, *, now: float) -> float | None:
    """Return the wait a ``Retry-After`` value asks for, in seconds.

    Both forms of RFC 9110 section 10.2.3 are understood: delay-seconds
    (``"120"``) and an HTTP date (``"Wed, 21 Oct 2015 07:28:00 GMT"``), the
    latter measured against ``now`` (Unix seconds) so that tests can inject
    their clock. A date in the past means "now" (0.0). ``None`` when the
    header is absent or unreadable.
    """
    if value is None or len(value) > _MAX_VALUE_LENGTH:
        return None
    text = value.strip()
    if _DELAY_SECONDS.fullmatch(text):
        return float(text)
    try:
        when = parsedate_to_datetime(text)
        if when.tzinfo is None:
            # "-0000" yields a naive datetime; HTTP dates are always GMT.
            when = when.replace(tzinfo=UTC)
        return max(0.0, when.timestamp() - now)
    except (TypeError, ValueError, IndexError, OverflowError, OSError):
        return None


def retry_after_from(headers: httpx.Headers, *, now: float) -> float | None:
    """Read and parse the ``Retry-After`` header of a response."""
    return parse_retry_after(headers.get(RETRY_AFTER_HEADER), now=now)


@attrs.frozen
class RateLimitInfo:
    """The budget one response reports for its API key.

    Attributes:
        remaining: Requests the server will still accept before ``reset_at``.
        reset_at: Unix time (seconds) at which the window ends and the budget
            is refilled to ``limit``.
        limit: Size of the budget per window, ``None`` if not sent.
    """

    remaining: int
    reset_at: float
    limit: int | None = None


def _int_header(headers: httpx.Headers, name: str) -> int | None:
    raw = headers.get(name)
    if raw is None:
        return None
    text = raw.strip()
    if not (text.isascii() and text.isdigit()) or len(text) > _MAX_DIGITS:
        return None
    return int(text)


def parse_rate_limit(headers: httpx.Headers) -> RateLimitInfo | None:
    """Read ``X-RateLimit-Remaining``/``-Reset`` (and ``-Limit`` if present).

    Remaining and Reset are both needed to pace; without either the response
    says nothing usable and ``None`` is returned. Reset is a Unix timestamp
    in seconds (fractions accepted).
    """
    remaining = _int_header(headers, RATE_LIMIT_REMAINING_HEADER)
    raw_reset = headers.get(RATE_LIMIT_RESET_HEADER)
    if remaining is None or raw_reset is None or len(raw_reset) > _MAX_VALUE_LENGTH:
        return None
    try:
        reset_at = float(raw_reset)
    except ValueError:
        return None
    if not math.isfinite(reset_at):
        return None
    return RateLimitInfo(
        remaining=remaining,
        reset_at=reset_at,
        limit=_int_header(headers, RATE_LIMIT_LIMIT_HEADER),
    )
