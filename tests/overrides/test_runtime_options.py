"""The options class: documented defaults, validation, immutability."""

from __future__ import annotations

import asyncio
import random
import time

import attrs
import pytest
from fastn_client.lib import constants
from fastn_client.lib.options import ClientOptions


def test_defaults_are_the_documented_constants() -> None:
    options = ClientOptions()
    assert options.max_retries == constants.DEFAULT_MAX_RETRIES == 2
    assert options.backoff_initial == constants.DEFAULT_BACKOFF_INITIAL == 0.5
    assert options.backoff_max == constants.DEFAULT_BACKOFF_MAX == 8.0
    assert options.jitter == "full"
    assert options.deadline == constants.DEFAULT_DEADLINE == 120.0
    assert options.retry_after_ceiling == constants.DEFAULT_RETRY_AFTER_CEILING == 60.0
    assert options.pacing is True
    assert options.pacer is None
    assert options.on_retry is None
    assert options.on_pacing is None
    assert options.clock is time.time
    assert options.sleep is time.sleep
    assert options.random is random.random
    assert options.idempotency_keys is constants.DEFAULT_IDEMPOTENCY_KEYS is True


@pytest.mark.asyncio
async def test_the_default_async_sleep_is_asyncio_s(monkeypatch: pytest.MonkeyPatch) -> None:
    """Imported when first used, so that a sync-only program never imports asyncio for it."""
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    monkeypatch.setattr(asyncio, "sleep", sleep)
    await ClientOptions().async_sleep(0.25)
    assert slept == [0.25]


def test_options_are_frozen_and_evolvable() -> None:
    options = ClientOptions()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        options.max_retries = 5  # type: ignore[misc]
    assert attrs.evolve(options, max_retries=5).max_retries == 5


def test_options_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        ClientOptions(3)  # type: ignore[call-arg]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"max_retries": -1},
        {"backoff_initial": -0.1},
        {"backoff_max": 0},
        {"deadline": 0},
        {"deadline": -5.0},
        {"retry_after_ceiling": -1},
        {"jitter": "none"},
    ],
)
def test_invalid_values_are_refused(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError, match=next(iter(kwargs))):
        ClientOptions(**kwargs)  # type: ignore[arg-type]


def test_edge_values_are_accepted() -> None:
    options = ClientOptions(max_retries=0, backoff_initial=0, deadline=None, retry_after_ceiling=0, jitter="equal")
    assert options.max_retries == 0
    assert options.deadline is None
