"""Header parsing: Retry-After in both forms, X-RateLimit-*; garbage means absent."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import format_datetime

import httpx
import pytest
from fastn_client.lib.headers import RateLimitInfo, parse_rate_limit, parse_retry_after, retry_after_from
from runtime_fakes import START


def _http_date(timestamp: float) -> str:
    return format_datetime(datetime.fromtimestamp(timestamp, tz=UTC), usegmt=True)


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("0", 0.0),
        ("7", 7.0),
        (" 12 ", 12.0),
        ("1.5", 1.5),
        (_http_date(START + 42), 42.0),
        (_http_date(START - 5), 0.0),  # a date in the past means "now"
        ("Tue, 14 Nov 2023 22:14:00 -0000", 40.0),  # naive date: read as GMT
        (None, None),
        ("", None),
        ("-3", None),
        ("soon", None),
        ("nan", None),
        ("Mon, 99 Foo 2023 99:99:99 GMT", None),
    ],
)
def test_parse_retry_after(value: str | None, seconds: float | None) -> None:
    assert parse_retry_after(value, now=START) == seconds


def test_retry_after_from_headers() -> None:
    assert retry_after_from(httpx.Headers({"Retry-After": "3"}), now=START) == 3.0
    assert retry_after_from(httpx.Headers(), now=START) is None


@pytest.mark.parametrize(
    ("headers", "info"),
    [
        (
            {"X-RateLimit-Limit": "50", "X-RateLimit-Remaining": "7", "X-RateLimit-Reset": "1700000001"},
            RateLimitInfo(remaining=7, reset_at=1_700_000_001.0, limit=50),
        ),
        (
            {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "1700000001.25"},
            RateLimitInfo(remaining=0, reset_at=1_700_000_001.25, limit=None),
        ),
        (
            {"X-RateLimit-Limit": "many", "X-RateLimit-Remaining": "1", "X-RateLimit-Reset": "1700000001"},
            RateLimitInfo(remaining=1, reset_at=1_700_000_001.0, limit=None),
        ),
        ({"X-RateLimit-Limit": "50", "X-RateLimit-Reset": "1700000001"}, None),
        ({"X-RateLimit-Remaining": "3"}, None),
        ({"X-RateLimit-Remaining": "-1", "X-RateLimit-Reset": "1700000001"}, None),
        ({"X-RateLimit-Remaining": "3", "X-RateLimit-Reset": "tomorrow"}, None),
        ({"X-RateLimit-Remaining": "3", "X-RateLimit-Reset": "inf"}, None),
        ({}, None),
    ],
)
def test_parse_rate_limit(headers: dict[str, str], info: RateLimitInfo | None) -> None:
    assert parse_rate_limit(httpx.Headers(headers)) == info
