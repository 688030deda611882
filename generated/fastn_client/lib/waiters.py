"""Waiting for long-running work: poll until a final state, with backoff, honouring ``Retry-After``.

An execution of a workflow and an AI build move through states by themselves until a final
one (the spec lists them in its enums' ``x-fastn-final``); a build also stops at states that
wait for the caller's next step (``x-fastn-awaits-caller``). The resource client's waiters
(``client.executions.wait(id)``, ``client.workflows.run(..., wait=True)``,
``client.ai.build(..., wait=True)``) poll with these functions::

    fetch -> state in `done`? -> return it
          -> time left?       -> pause (Retry-After if the answer sent one, else the backoff) -> again
          -> else             -> WaitTimeoutError, with the last state seen

The backoff starts at ``interval`` and doubles up to ``max_interval``; no pause runs past the
``timeout``. Each pause is logged (at INFO when over a second: a caller should see why a call
blocks). Clock and sleeps are the client's (``ClientOptions.clock``, ``sleep``, ``async_sleep``),
so tests never sleep. Each poll is a normal call: retried, paced and typed-error raising as any.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Collection
from typing import Generic, TypeVar

import attrs
import httpx

from .constants import DEFAULT_POLL_INTERVAL, DEFAULT_POLL_INTERVAL_MAX, DEFAULT_WAIT_TIMEOUT, LOGGER_NAME
from .errors import FastnError
from .headers import retry_after_from
from .logs import wait_level
from .options import ClientOptions
from .request_options import RequestOptions

__all__ = ["RetryAfter", "WaitSettings", "WaitTimeoutError", "await_until", "wait_until"]

T = TypeVar("T")
logger = logging.getLogger(LOGGER_NAME)


class WaitTimeoutError(FastnError):
    """Long-running work did not reach a final state before the waiter's timeout.

    The work goes on: wait again, or give up on it (an execution can be cancelled).

    Attributes:
        what: What was waited for, e.g. ``"execution run_xyz"``.
        status: Its state at the last poll.
        timeout: Seconds waited.
        last: The resource as last read.
    """

    def __init__(self, *, what: str, status: str, timeout: float, last: object) -> None:
        self.what = what
        self.status = status
        self.timeout = timeout
        self.last = last
        super().__init__(f"{what} is still {status!r} after {timeout:g} s; stopped waiting (the work goes on)")


@attrs.frozen(kw_only=True)
class WaitSettings:
    """How one waiter polls: for how long, and how often."""

    timeout: float = DEFAULT_WAIT_TIMEOUT
    interval: float = DEFAULT_POLL_INTERVAL
    max_interval: float = DEFAULT_POLL_INTERVAL_MAX


class RetryAfter:
    """A ``RequestOptions.on_response`` observer keeping the answer's ``Retry-After``, in seconds."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self.seconds: float | None = None

    def __call__(self, response: httpx.Response) -> None:
        self.seconds = retry_after_from(response.headers, now=self._clock())


class _Waiting(Generic[T]):
    """The decisions of one wait, shared by the sync and the async loop (which do the I/O)."""

    def __init__(
        self,
        what: str,
        done: Collection[str],
        status: Callable[[T], object],
        settings: WaitSettings,
        options: ClientOptions,
        retry_after: float | None,
    ) -> None:
        self._what = what
        self._done = done
        self._status = status
        self._settings = settings
        self._deadline = options.clock() + settings.timeout
        self._clock = options.clock
        self._backoff = settings.interval
        self.seen = RetryAfter(options.clock)
        self.seen.seconds = retry_after

    def pause(self, value: T) -> float | None:
        """``None`` if ``value`` is in a final state, else the pause before the next poll."""
        state = str(self._status(value))
        if state in self._done:
            return None
        left = self._deadline - self._clock()
        if left <= 0:
            raise WaitTimeoutError(what=self._what, status=state, timeout=self._settings.timeout, last=value)
        asked, self.seen.seconds = self.seen.seconds, None
        if asked is None:
            asked, self._backoff = self._backoff, min(self._backoff * 2, self._settings.max_interval)
        pause = min(asked, left)
        logger.log(wait_level(pause), "Waiting %.2f s for %s (status %s)", pause, self._what, state)
        return pause


def wait_until(
    fetch: Callable[[RequestOptions], T],
    *,
    what: str,
    done: Collection[str],
    status: Callable[[T], object],
    options: ClientOptions,
    settings: WaitSettings,
    request_options: RequestOptions,
    first: T | None = None,
    first_retry_after: float | None = None,
) -> T:
    """Poll ``fetch`` until ``status`` of what it returns is in ``done``.

    ``first`` is the resource as an earlier call returned it (a run's execution), with that
    answer's ``Retry-After`` as ``first_retry_after``: the first poll then waits as it asks.
    """
    waiting = _Waiting(what, done, status, settings, options, first_retry_after)
    polling = attrs.evolve(request_options, on_response=waiting.seen)
    value = fetch(polling) if first is None else first
    while (pause := waiting.pause(value)) is not None:
        options.sleep(pause)
        value = fetch(polling)
    return value


async def await_until(
    fetch: Callable[[RequestOptions], Awaitable[T]],
    *,
    what: str,
    done: Collection[str],
    status: Callable[[T], object],
    options: ClientOptions,
    settings: WaitSettings,
    request_options: RequestOptions,
    first: T | None = None,
    first_retry_after: float | None = None,
) -> T:
    """Async twin of :func:`wait_until`."""
    waiting = _Waiting(what, done, status, settings, options, first_retry_after)
    polling = attrs.evolve(request_options, on_response=waiting.seen)
    value = await fetch(polling) if first is None else first
    while (pause := waiting.pause(value)) is not None:
        await options.async_sleep(pause)
        value = await fetch(polling)
    return value
