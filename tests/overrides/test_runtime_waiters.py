"""Waiters (lib/waiters.py): poll until a final state, back off, honour Retry-After, time out."""

from __future__ import annotations

import logging
import pickle
from dataclasses import dataclass

import httpx
import pytest
from fastn_client.lib.options import ClientOptions
from fastn_client.lib.request_options import RequestOptions
from fastn_client.lib.waiters import RetryAfter, WaitSettings, WaitTimeoutError, await_until, wait_until
from runtime_fakes import START, FakeClock

DONE = frozenset({"completed", "failed"})


@dataclass
class Job:
    id: str
    status: str


class Server:
    """Answers polls with the states given, one per poll, showing each answer's headers to the observer."""

    def __init__(self, states: list[str], retry_after: list[str | None] | None = None) -> None:
        self.states = list(states)
        self.retry_after = list(retry_after or [None] * len(states))
        self.polls = 0
        self.options: list[RequestOptions] = []

    def fetch(self, options: RequestOptions) -> Job:
        self.polls += 1
        self.options.append(options)
        header = self.retry_after.pop(0)
        headers = {"Retry-After": header} if header is not None else {}
        options.observe(httpx.Response(200, headers=headers))
        return Job("run_1", self.states.pop(0))

    async def afetch(self, options: RequestOptions) -> Job:
        return self.fetch(options)


def _wait(
    server: Server,
    options: ClientOptions,
    *,
    settings: WaitSettings | None = None,
    first: Job | None = None,
    first_retry_after: float | None = None,
) -> Job:
    return wait_until(
        server.fetch,
        what="execution run_1",
        done=DONE,
        status=lambda job: job.status,
        options=options,
        settings=settings or WaitSettings(timeout=60.0, interval=1.0, max_interval=4.0),
        request_options=RequestOptions(extra_headers={"x-trace": "t"}),
        first=first,
        first_retry_after=first_retry_after,
    )


def test_a_job_already_final_is_returned_after_one_poll(options: ClientOptions, clock: FakeClock) -> None:
    server = Server(["completed"])
    assert _wait(server, options).status == "completed"
    assert (server.polls, clock.sleeps) == (1, [])


def test_polls_back_off_doubling_up_to_the_cap(options: ClientOptions, clock: FakeClock) -> None:
    server = Server(["queued", "running", "running", "running", "running", "failed"])
    assert _wait(server, options).status == "failed"
    assert clock.sleeps == [1.0, 2.0, 4.0, 4.0, 4.0]
    # Every poll carries the caller's options, plus the waiter's own observer.
    assert all(each.extra_headers == {"x-trace": "t"} for each in server.options)


def test_retry_after_on_a_poll_answer_sets_the_next_pause(options: ClientOptions, clock: FakeClock) -> None:
    server = Server(["running", "running", "completed"], retry_after=["7", None, None])
    _wait(server, options)
    assert clock.sleeps == [7.0, 1.0]  # Retry-After, then the backoff it left unchanged


def test_a_first_answer_from_the_starting_call_is_not_fetched_again(options: ClientOptions, clock: FakeClock) -> None:
    server = Server(["completed"])
    job = _wait(server, options, first=Job("run_1", "queued"), first_retry_after=3.0)
    assert job.status == "completed"
    assert (server.polls, clock.sleeps) == (1, [3.0])


def test_the_wait_times_out_with_the_last_state_seen(options: ClientOptions, clock: FakeClock) -> None:
    server = Server(["running"] * 10)
    with pytest.raises(WaitTimeoutError) as caught:
        _wait(server, options, settings=WaitSettings(timeout=5.0, interval=2.0, max_interval=2.0))
    error = caught.value
    assert (error.what, error.status, error.timeout) == ("execution run_1", "running", 5.0)
    assert error.last == Job("run_1", "running")
    assert str(error) == "execution run_1 is still 'running' after 5 s; stopped waiting (the work goes on)"
    assert clock.sleeps == [2.0, 2.0, 1.0]  # the last pause is cut to the time left
    assert clock() - START == 5.0
    clone = pickle.loads(pickle.dumps(error))  # noqa: S301 - own bytes
    assert (type(clone), str(clone), clone.status) == (WaitTimeoutError, str(error), "running")


def test_each_pause_is_logged_info_when_over_a_second(options: ClientOptions, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="fastn_client")
    server = Server(["running", "running", "completed"])
    _wait(server, options, settings=WaitSettings(timeout=60.0, interval=0.5, max_interval=4.0))
    lines = [(record.levelno, record.getMessage()) for record in caplog.records]
    assert lines == [
        (logging.DEBUG, "Waiting 0.50 s for execution run_1 (status running)"),
        (logging.DEBUG, "Waiting 1.00 s for execution run_1 (status running)"),
    ]
    caplog.clear()
    _wait(Server(["running", "completed"]), options, settings=WaitSettings(interval=2.0))
    assert caplog.records[0].levelno == logging.INFO


@pytest.mark.asyncio
async def test_the_async_waiter_behaves_the_same(options: ClientOptions, clock: FakeClock) -> None:
    server = Server(["queued", "running", "completed"], retry_after=[None, "5", None])
    job = await await_until(
        server.afetch,
        what="execution run_1",
        done=DONE,
        status=lambda job: job.status,
        options=options,
        settings=WaitSettings(interval=1.0),
        request_options=RequestOptions(),
    )
    assert job.status == "completed" and clock.sleeps == [1.0, 5.0]
    with pytest.raises(WaitTimeoutError):
        await await_until(
            Server(["running"] * 5).afetch,
            what="build b_1",
            done=DONE,
            status=lambda job: job.status,
            options=options,
            settings=WaitSettings(timeout=1.0),
            request_options=RequestOptions(),
            first=Job("b_1", "running"),
        )


def test_retry_after_observer_reads_seconds_and_dates(clock: FakeClock) -> None:
    seen = RetryAfter(clock)
    seen(httpx.Response(202, headers={"Retry-After": "4"}))
    assert seen.seconds == 4.0
    seen(httpx.Response(202))
    assert seen.seconds is None
