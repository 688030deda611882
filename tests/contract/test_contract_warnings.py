"""The CLI contract run against the mock reports no schemathesis warning.

`scripts/contract.sh` (what `make contract` runs) turns every schemathesis warning into a failure
when it runs against the mock: an operation that only ever answered 404 ("missing test data"),
one reachable by links but never served, data the schema accepts but the mock always rejects, …
Each means the spec's links or examples stop the contract run from reaching part of the API. This
test serves the mock (from the working tree's spec) on a free port and runs the script against it.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.slow  # serves the mock and runs the schemathesis CLI

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.timeout(300)
def test_contract_run_against_the_mock_reports_no_warning(tmp_path: Path) -> None:
    # The port stays bound here (never listening) until the test ends, so no other process can take it
    # before the mock serves on it; uvicorn binds with SO_REUSEADDR, as this placeholder does, so it still can.
    with socket.socket() as placeholder:
        placeholder.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        placeholder.bind(("127.0.0.1", 0))
        port = placeholder.getsockname()[1]
        env = {k: v for k, v in os.environ.items() if k not in ("BASE_URL", "FASTN_API_KEY", "FASTN_SPACE_ID")}
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
            run = subprocess.run(
                ["bash", "scripts/contract.sh"], cwd=REPO, env=env, capture_output=True, text=True, check=False
            )
        finally:
            mock.terminate()
            mock.wait(timeout=10)
    output = run.stdout + run.stderr
    assert run.returncode == 0, output[-6000:]
    assert "WARNINGS" not in output, output[-6000:]
