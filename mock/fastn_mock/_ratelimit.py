"""Per-key rate limiting with the `limits` library, on windows aligned to the (injectable) clock.

An identity is an API key's id or, for a request without a valid key, its client's address (the
app chooses, `_app._client`): keyless floods are limited like keyed ones.

Windows are fixed, one clock minute long by default, like the plans' "N calls per minute"
(``window`` seconds otherwise: a benchmark measures many short windows rather than a few long
ones). The window a request falls in is computed from `Clock.now()` and is part of the counter's
key, so a test that advances a `ManualClock` by a minute gets a fresh window without sleeping;
`limits` does the counting (and expires old counters on its own).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final

from limits import RateLimitItemPerSecond
from limits.storage import MemoryStorage
from limits.strategies import FixedWindowRateLimiter

from ._clock import Clock

WINDOW_SECONDS: Final = 60
UNLIMITED: Final = 1_000_000_000
"""What the headers report while limiting is off (the spec needs a number; no client will reach it)."""


@dataclass(frozen=True)
class Quota:
    """The outcome of counting one request against its key's window."""

    allowed: bool
    limit: int
    remaining: int
    reset: int
    retry_after: int

    def headers(self) -> dict[str, str]:
        """`X-RateLimit-*` (every response) and `Retry-After` (when refused)."""
        headers = {
            "X-RateLimit-Limit": str(self.limit),
            "X-RateLimit-Remaining": str(self.remaining),
            "X-RateLimit-Reset": str(self.reset),
        }
        if not self.allowed:
            headers["Retry-After"] = str(self.retry_after)
        return headers


class RateLimiter:
    """Counts requests per identity (an API key id, or the client address when there is none)."""

    def __init__(self, per_window: int, clock: Clock, window: int = WINDOW_SECONDS) -> None:
        if per_window < 0:
            raise ValueError("the rate limit cannot be negative (0 turns it off)")
        if window < 1:
            raise ValueError("the rate-limit window is at least 1 second")
        self.per_window = per_window
        self.window = window
        self._clock = clock
        self._storage = MemoryStorage()
        self._limiter = FixedWindowRateLimiter(self._storage)
        self._item = RateLimitItemPerSecond(per_window, window) if per_window else None

    @property
    def enabled(self) -> bool:
        """False when configured with 0 requests per minute."""
        return self._item is not None

    def hit(self, identity: str) -> Quota:
        """Count one request of ``identity`` and say whether it may proceed."""
        now = self._clock.now()
        window = int(now // self.window)
        reset = (window + 1) * self.window
        if self._item is None:
            return Quota(True, UNLIMITED, UNLIMITED, reset, 0)
        key = f"{identity}@{window}"
        allowed = self._limiter.hit(self._item, key)
        remaining = max(0, self._limiter.get_window_stats(self._item, key).remaining)
        retry_after = 0 if allowed else max(1, math.ceil(reset - now))
        return Quota(allowed, self.per_window, remaining, reset, retry_after)

    def peek(self, identity: str) -> Quota:
        """Where ``identity`` stands in its current window, without counting a request."""
        now = self._clock.now()
        window = int(now // self.window)
        reset = (window + 1) * self.window
        if self._item is None:
            return Quota(True, UNLIMITED, UNLIMITED, reset, 0)
        remaining = max(0, self._limiter.get_window_stats(self._item, f"{identity}@{window}").remaining)
        return Quota(True, self.per_window, remaining, reset, 0)

    def reset(self) -> None:
        """Forget every counter."""
        self._storage.reset()
