"""Helpers of the contract suite: a second mock served on a free port, and what a developer's shell may set.

Its modules are slow (they serve the mock and run schemathesis), but for the checks of the run's
settings (``test_contract_settings.py``: a refusal made before any request, a setting read); the
fast tier does not import the slow ones (``tests/conftest.py``).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

REPO = Path(__file__).resolve().parents[2]
# What a developer's shell may hold that would point a script elsewhere, or change what it sends.
SCRIPT_INPUTS = (
    "BASE_URL",
    "FASTN_API_KEY",
    "FASTN_SPACE_ID",
    "ALLOW_WRITES",
    "CONFIRM_WRITES",
    "SEED",
    "MAX_EXAMPLES",
    "PHASES",
    "ALLOW_UNKNOWN",
)


@pytest.fixture
def served_mock(tmp_path: Path) -> Iterator[tuple[str, dict[str, str]]]:
    """A second mock (the working tree's spec), served on a free loopback port with no rate limit.

    Yields its base URL and an environment for the scripts: the developer's own ``BASE_URL``,
    credentials and write settings removed, ``MOCK_PORT`` set to the mock's port.
    """
    # The port stays bound here (never listening) until the test ends, so no other process can take it
    # before the mock serves on it; uvicorn binds with SO_REUSEADDR, as this placeholder does, so it still can.
    with socket.socket() as placeholder:
        placeholder.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        placeholder.bind(("127.0.0.1", 0))
        port = placeholder.getsockname()[1]
        env = {k: v for k, v in os.environ.items() if k not in SCRIPT_INPUTS}
        env.update(MOCK_PORT=str(port), MOCK_RATE_LIMIT="0", REPORT=str(tmp_path / "contract.xml"))
        mock = subprocess.Popen(
            [sys.executable, "-m", "fastn_mock", "--log-level", "warning"],
            cwd=REPO / "mock",
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    httpx.get(f"http://127.0.0.1:{port}/_mock/openapi.json", timeout=1)
                    break
                except httpx.HTTPError:
                    assert time.monotonic() < deadline, "the mock did not start"
                    assert mock.poll() is None, "the mock exited"
                    time.sleep(0.2)
            yield f"http://127.0.0.1:{port}", env
        finally:
            mock.terminate()
            mock.wait(timeout=10)
