"""The CLI contract run against the mock reaches every operation and reports no schemathesis warning.

`scripts/contract.sh` (what `make contract` runs) holds the mock to the spec's links and examples:
its link walk must get a documented 2xx from every operation (else a link or an example stops a
contract run from reaching part of the API), and every schemathesis warning fails the run (an
operation reachable by links but never served, data the schema accepts but the mock always
rejects, …), but "missing test data", which is the walk's to check, whatever the seed. This test
serves the mock (from the working tree's spec) on a free port and runs the script against it.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import fastn_spec
import pytest

pytestmark = pytest.mark.slow  # serves the mock and runs the schemathesis CLI

REPO = Path(__file__).resolve().parents[2]
OPERATIONS = len(list(fastn_spec.operations(fastn_spec.load(REPO / "openapi" / "fastn.yaml"))))


def warnings_shown(output: str) -> list[str]:
    """The warnings of schemathesis' WARNINGS block, one heading line each ("Missing test data: …")."""
    if "= WARNINGS =" not in output:
        return []
    block = output.split("= WARNINGS =", 1)[1].split("\n=", 1)[0]
    return re.findall(r"^([A-Z][^:\n]+): ", block, flags=re.MULTILINE)


@pytest.mark.timeout(300)
def test_contract_run_against_the_mock_reaches_everything_and_reports_no_warning(
    served_mock: tuple[str, dict[str, str]],
) -> None:
    _, env = served_mock
    run = subprocess.run(
        ["bash", "scripts/contract.sh"], cwd=REPO, env=env, capture_output=True, text=True, check=False
    )
    output = run.stdout + run.stderr
    assert run.returncode == 0, output[-6000:]
    assert f"link walk: {OPERATIONS}/{OPERATIONS} operations answered a documented 2xx" in output, output[-6000:]
    assert set(warnings_shown(output)) <= {"Missing test data"}, output[-6000:]
    # The evidence report of the whole run: nothing contradicted, nothing new, the probe's verdict.
    evidence = json.loads((Path(env["REPORT"]).parent / "evidence.json").read_text(encoding="utf-8"))
    assert (evidence["summary"]["contradicted"], evidence["summary"]["unknown"]) == (0, 0), output[-3000:]
    assert [probe["verdict"] for probe in evidence["probes"]] == ["honoured"]
    confirmed = {entry["kind"] for entry in evidence["confirmed"]}
    assert confirmed >= {"operation", "parameter", "header", "security scheme", "status", "schema", "field"}
    assert sum(1 for entry in evidence["confirmed"] if entry["kind"] == "operation") == OPERATIONS
