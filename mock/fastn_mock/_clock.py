"""Time, injectable: everything in the mock that depends on "now" asks a `Clock`.

Executions progress and rate-limit windows roll over as time passes; tests drive both with a
`ManualClock` instead of sleeping.
"""

from __future__ import annotations

import calendar
import re
import threading
import time
from datetime import UTC, datetime
from typing import Protocol


class Clock(Protocol):
    """Source of the current time, in Unix seconds."""

    def now(self) -> float:
        """The current time as Unix seconds."""
        ...


class SystemClock:
    """The wall clock."""

    def now(self) -> float:
        """`time.time()`."""
        return time.time()


class ManualClock:
    """A clock that moves only when told to (thread-safe, for tests and scripted demos)."""

    def __init__(self, start: float = 1_795_000_000.0) -> None:
        self._now = start
        self._lock = threading.Lock()

    def now(self) -> float:
        """The time this clock was last set or advanced to."""
        with self._lock:
            return self._now

    def advance(self, seconds: float) -> None:
        """Move the clock forward by ``seconds``."""
        with self._lock:
            self._now += seconds


def rfc3339(seconds: float) -> str:
    """Unix seconds as an RFC 3339 UTC timestamp with millisecond precision (``...Z``)."""
    moment = datetime.fromtimestamp(seconds, tz=UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


_RFC3339 = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:[Zz]|([+-])(\d{2}):(\d{2}))", re.ASCII
)


def parse_rfc3339(text: str) -> float:
    """An RFC 3339 timestamp (already format-checked) as Unix seconds.

    Parsed by hand rather than with `datetime.fromisoformat`, which rejects a leap second
    (``23:59:60``); RFC 3339 allows it.
    """
    match = _RFC3339.fullmatch(text)
    if match is None:
        raise ValueError(f"not an RFC 3339 timestamp: {text[:40]!r}")
    year, month, day, hour, minute, second = (int(part) for part in match.groups()[:6])
    seconds = float(calendar.timegm((year, month, day, hour, minute, 0, 0, 0, 0)) + second)
    seconds += float("0" + match[7]) if match[7] else 0.0
    if match[8]:
        offset = int(match[9]) * 3600 + int(match[10]) * 60
        seconds += -offset if match[8] == "+" else offset
    return seconds
