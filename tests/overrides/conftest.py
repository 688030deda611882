"""Fixtures for the hand-written runtime's tests: a fake clock, a pacer of the test's own, options.

The runtime is imported as users import it, from the installed package (``generated/``); its
source is ``overrides/fastn_client/lib``, which ``make generate`` copies there. The session
stops, asking for ``make generate``, if the two differ (``tests/conftest.py``).
"""

from __future__ import annotations

import pytest
from fastn_client.lib.options import ClientOptions
from fastn_client.lib.pacing import RateLimitPacer
from runtime_fakes import FakeClock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def pacer() -> RateLimitPacer:
    """A pacer of the test's own, so no state leaks between tests."""
    return RateLimitPacer()


@pytest.fixture
def options(clock: FakeClock, pacer: RateLimitPacer) -> ClientOptions:
    """Default options, except time, randomness and the pacer are the test's."""
    return ClientOptions(
        clock=clock,
        sleep=clock.sleep,
        async_sleep=clock.async_sleep,
        random=lambda: 0.5,
        pacer=pacer,
    )
