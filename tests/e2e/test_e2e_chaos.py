"""The chaos run (``scripts/chaos_client.py``), small: the mock's faults, a hostile server, a garbage Redis.

Every call ends in data or a ``FastnError``, none past its deadline, the key in no message and never
sent to another origin, and no customer created twice. ``make chaos`` runs it larger.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # starts a mock process and servers; takes tens of seconds

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "chaos_client.py"


@pytest.mark.timeout(600)  # the e2e tests' own 30 s is for one call, not a run of forty
def test_a_small_chaos_run_keeps_every_promise() -> None:
    run = subprocess.run(
        # A deadline of 1.5 s (`make chaos`: 3 s): the calls to the slow peers end at it, so it sets
        # most of the run's time; what is checked (nothing past the deadline plus 1 s) holds at any.
        [sys.executable, str(SCRIPT), "--calls", "40", "--seed", "11", "--deadline", "1.5"],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert run.returncode == 0, run.stdout + run.stderr[-3000:]
    for line in ("untyped errors: 0", "calls over the deadline (+1 s): 0", "messages holding the key: 0"):
        assert line in run.stdout, run.stdout
    assert "requests carrying the key to another origin: 0" in run.stdout
    assert "customers created twice by one call: 0" in run.stdout
