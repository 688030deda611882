"""FASTN_LOG: the package's logging switch (lib/logs.py)."""

from __future__ import annotations

import logging
import subprocess
import sys
from collections.abc import Iterator

import pytest
from fastn_client.lib import logs

LOGGER = logging.getLogger("fastn_client")


@pytest.fixture(autouse=True)
def _restore_logger() -> Iterator[None]:
    handlers, level = list(LOGGER.handlers), LOGGER.level
    yield
    LOGGER.handlers[:] = handlers
    LOGGER.setLevel(level)


@pytest.mark.parametrize(
    ("value", "level"), [("debug", logging.DEBUG), ("info", logging.INFO), (" INFO ", logging.INFO)]
)
def test_fastn_log_sets_the_level_and_one_handler(value: str, level: int) -> None:
    logs.setup_logging({"FASTN_LOG": value})
    logs.setup_logging({"FASTN_LOG": value})
    assert LOGGER.level == level
    assert sum(isinstance(handler, logs._Handler) for handler in LOGGER.handlers) == 1


def test_without_fastn_log_nothing_changes() -> None:
    before = (list(LOGGER.handlers), LOGGER.level)
    logs.setup_logging({})
    logs.setup_logging({"FASTN_LOG": ""})
    assert (list(LOGGER.handlers), LOGGER.level) == before


def test_an_unknown_value_is_reported_and_ignored(caplog: pytest.LogCaptureFixture) -> None:
    before = LOGGER.level
    logs.setup_logging({"FASTN_LOG": "verbose"})
    assert LOGGER.level == before
    assert "FASTN_LOG='verbose' is not one of debug, info: ignored" in caplog.text


def test_importing_the_package_applies_fastn_log_to_standard_error() -> None:
    """As a user would: set the variable, import, make a call that waits; the line reaches stderr."""
    program = (
        "import httpx, fastn_client\n"
        "from fastn_client.lib.transport import FastnTransport\n"
        "from fastn_client.lib.options import ClientOptions\n"
        "answers = [httpx.Response(429, headers={'Retry-After': '2'}), httpx.Response(200)]\n"
        "options = ClientOptions(sleep=lambda s: None, pacing=False)\n"
        "transport = FastnTransport(httpx.MockTransport(lambda r: answers.pop(0)), options=options)\n"
        "httpx.Client(transport=transport).get('https://x.test/api/v1/customers')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program], env={"FASTN_LOG": "info"}, capture_output=True, text=True, check=True
    )
    assert "INFO] Retrying GET /api/v1/customers (status 429): retry 1 of 2 in 2.00 s" in result.stderr
