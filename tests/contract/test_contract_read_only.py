"""A read-only contract run passes against a server that conforms, with data or without.

The run a new user tries first (issue 19): `scripts/contract.sh` against a second mock with only
``BASE_URL``, ``FASTN_API_KEY`` and ``FASTN_SPACE_ID`` set. Only GET operations are sent, and every
phase that can run without writes runs: the stateful phase follows the lists' links to the reads
of their first items. The mock starts empty, so those links have nothing to follow: that is a note,
and the exit status is 0 because every answer conformed. Then a walk with writes fills the mock,
and a read-only walk reaches the reads by id through the lists, with ids the server holds.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from fastn_mock import DEFAULT_API_KEY, DEFAULT_SPACE_ID

pytestmark = pytest.mark.slow  # serves the mock and runs the schemathesis CLI

REPO = Path(__file__).resolve().parents[2]
READS_BY_ID = ("getCustomer", "getConnector", "getConnection", "getWorkflow", "getTrigger", "getExecution")


@pytest.mark.timeout(300)
def test_a_read_only_run_passes_and_reaches_the_reads_through_the_lists(
    served_mock: tuple[str, dict[str, str]],
) -> None:
    url, env = served_mock
    # Five examples per operation and phase: what is checked here is what a read-only run sends and
    # reaches, the same at any budget (test_contract_warnings.py runs the full one).
    user = {
        **env,
        "BASE_URL": url,
        "FASTN_API_KEY": DEFAULT_API_KEY,
        "FASTN_SPACE_ID": DEFAULT_SPACE_ID,
        "MAX_EXAMPLES": "5",
    }
    run = subprocess.run(
        ["bash", "scripts/contract.sh"], cwd=REPO, env=user, capture_output=True, text=True, check=False
    )
    output = run.stdout + run.stderr
    assert run.returncode == 0, output[-6000:]
    assert "read-only run: GET operations only" in output
    assert "--phases examples,coverage,fuzzing,stateful" in output, "the stateful phase runs, over the GET links"
    assert "6 selected" in output, "API Links: … / 6 selected: the lists' links to the reads of their first items"
    assert "note: the walk reached" in output, "what the empty mock cannot offer is a note"
    evidence = json.loads((Path(env["REPORT"]).parent / "evidence.json").read_text(encoding="utf-8"))
    assert (evidence["summary"]["contradicted"], evidence["summary"]["unknown"]) == (0, 0)
    assert evidence["probes"] == [], "a read-only run makes no probe: it would write"
    audit = httpx.get(
        f"{url}/api/v1/audit", headers={"x-fastn-api-key": DEFAULT_API_KEY, "x-fastn-space-id": DEFAULT_SPACE_ID}
    )
    assert audit.json()["data"] == [], "the audit log holds every write: the run made none"

    walk = [sys.executable, "-m", "fastn_contract.walk", "--url", url, "--config", "schemathesis.toml"]
    filled = subprocess.run(walk, cwd=REPO, env=user, capture_output=True, text=True, check=False)
    assert filled.returncode == 0, filled.stdout[-4000:]
    read = subprocess.run([*walk, "--read-only"], cwd=REPO, env=user, capture_output=True, text=True, check=False)
    assert read.returncode == 0, read.stdout[-4000:]
    for operation in READS_BY_ID:
        lines = [line for line in read.stdout.splitlines() if line.endswith(f"→ {operation}")]
        assert lines and lines[0].lstrip().startswith("reached      200"), read.stdout
