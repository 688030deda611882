"""Every test session starts by checking that the code under test is the code in the tree.

The tests import the client, and its hand-written runtime ``fastn_client.lib``, from one
place: the package users install, ``generated/fastn_client`` (on the path through the venv's
``.pth`` file, see the Makefile's ``install``). ``overrides/fastn_client/lib`` is its source,
copied in, not generated: each session first refreshes the copies of what was edited there
(``scripts/generate.py --sync-runtime``, milliseconds), so an edit of the runtime is under test
at once. An edit of the spec, the templates or the generator config is not until ``make
generate`` has run; rather than pass against stale code, the session stops at once and says so.
The check reads hashes and compares a few files (``--check-inputs``): it never runs the generator.

In the fast tier (``-m "not slow"``) a module marked slow as a whole (``pytestmark =
pytest.mark.slow``) is not even imported: its imports and parameters (schemathesis' cases for
every operation, the interpreters and README lines of tests/distribution) cost every xdist worker
seconds, only for every test in it to be deselected.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from generate import stale_inputs, sync_runtime
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[1]

# The runtime's copies in generated/ are refreshed from overrides/ as this file is loaded: before any
# other conftest (tests/overrides/conftest.py imports the client), before any xdist worker starts,
# and after coverage has started. Once per run: workers find the copies current.
REFRESHED = [] if "PYTEST_XDIST_WORKER" in os.environ else sync_runtime()

# The developer's own settings must not change what the tests see: a shared Redis budget, logging.
HERMETIC = ("FASTN_RATE_LIMIT_REDIS_URL", "FASTN_LOG")

# Hypothesis fails an example that runs past its deadline (200 ms by default) and a test whose data
# is slow to generate (HealthCheck.too_slow): limits in wall time, which a busy machine stretches.
# Property tests are bounded by their number of examples instead, and a hang by pytest-timeout.
# Loaded here, before any test module builds its own `settings`, which take these as defaults.
settings.register_profile("fastn", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("fastn")


SLOW_MODULE = re.compile(r"^pytestmark = pytest\.mark\.slow\b", re.MULTILINE)


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """Skip importing a wholly slow test module when only the fast tier runs."""
    name = collection_path.name
    if not (name.startswith("test_") and name.endswith(".py")):
        return None
    if str(config.getoption("markexpr")).strip() != "not slow":
        return None
    return True if SLOW_MODULE.search(collection_path.read_text(encoding="utf-8")) else None


RUNTIME_FOLDERS = ("overrides", "generation")
"""Folders whose tests exercise the client runtime: ``make test`` measures its coverage with their fast tests."""


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    tests = Path(__file__).parent
    for item in items:
        if item.path.is_relative_to(tests) and item.path.relative_to(tests).parts[0] in RUNTIME_FOLDERS:
            item.add_marker(pytest.mark.runtime)


def pytest_configure(config: pytest.Config) -> None:
    for name in HERMETIC:
        os.environ.pop(name, None)
    for path in REFRESHED:
        print(f"refreshed generated/{path} from overrides/ (the runtime is copied, not generated)")


def pytest_sessionstart(session: pytest.Session) -> None:
    reasons = stale_inputs()
    if reasons:
        listed = "\n".join(f"  {reason}" for reason in reasons)
        pytest.exit(
            f"generated/ is stale, so the tests would not test the code in the tree:\n{listed}\n"
            "Fix: run `make generate`.",
            returncode=pytest.ExitCode.USAGE_ERROR,
        )


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

    Yields its base URL and an environment for the scripts (and the mock): the developer's own
    ``BASE_URL``, credentials, write settings and ``FASTN_*``/``MOCK_*`` variables removed (a
    ``MOCK_DEVIATE`` left in a shell would make the mock deviate), ``MOCK_PORT`` set to its port.
    Used by the contract runs (tests/contract) and the Postman run (tests/sharing).
    """
    # The port stays bound here (never listening) until the test ends, so no other process can take it
    # before the mock serves on it; uvicorn binds with SO_REUSEADDR, as this placeholder does, so it still can.
    with socket.socket() as placeholder:
        placeholder.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        placeholder.bind(("127.0.0.1", 0))
        port = placeholder.getsockname()[1]
        env = {k: v for k, v in os.environ.items() if k not in SCRIPT_INPUTS and not k.startswith(("FASTN_", "MOCK_"))}
        env.update(MOCK_PORT=str(port), MOCK_RATE_LIMIT="0", REPORT=str(tmp_path / "contract.xml"))
        mock = subprocess.Popen(
            [sys.executable, "-m", "fastn_mock", "--log-level", "warning"],
            cwd=ROOT / "mock",
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
