"""`make contract` against a deviating mock fails, and its evidence report names exactly the deviation.

``scripts/contract.sh`` as a user runs it (``MOCK_PORT`` pointing at a mock served on a free port),
shortened to the examples phase with one example per operation (``PHASES``, ``MAX_EXAMPLES``): the
link walk still reaches every operation, and the run ends with the ``Idempotency-Key`` probe and the
report. Deviations that hide nothing of each other run together; the three that change every answer
(the key refused, the fields renamed, the envelope) run alone. The conforming twin, every phase at
full budget, is ``tests/contract/test_contract_warnings.py``; every deviation alone, in-process, is
``test_evidence_report.py``. Against another server than the local mock (``BASE_URL``), what the
spec does not know is reported without failing the run: the exit status is conformance only.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastn_contract import report
from fastn_mock import DEFAULT_API_KEY, DEFAULT_SPACE_ID
from jsonschema import Draft202012Validator

from .test_evidence_proxy_served import mock
from .test_evidence_report import EXACT, assert_envelope, assert_snake_case, named

pytestmark = pytest.mark.slow  # serves the mock and runs scripts/contract.sh (schemathesis CLI, the walk)

ROOT = Path(__file__).resolve().parents[2]
TOGETHER = ("missing-field", "unlisted-enum", "undocumented-status", "no-rate-limit-headers", "no-idempotency")


def exactly(*deviations: str) -> Callable[[dict[str, Any]], None]:
    def check(built: dict[str, Any]) -> None:
        assert named(built) == set().union(*(EXACT[d] for d in deviations))

    return check


@pytest.mark.timeout(300)
@pytest.mark.parametrize(
    ("deviations", "check"),
    [
        pytest.param(TOGETHER, exactly(*TOGETHER), id="+".join(TOGETHER)),
        pytest.param(("bearer-key",), exactly("bearer-key"), id="bearer-key"),
        pytest.param(("snake-case",), assert_snake_case, id="snake-case"),
        pytest.param(("envelope",), assert_envelope, id="envelope"),
    ],
)
def test_a_contract_run_fails_and_names_the_deviation(
    deviations: tuple[str, ...], check: Callable[[dict[str, Any]], None], tmp_path: Path
) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("BASE_URL", "FASTN_API_KEY", "FASTN_SPACE_ID")}
    with mock(frozenset(deviations)) as url:
        env.update(
            MOCK_PORT=url.rsplit(":", 1)[1], PHASES="examples", MAX_EXAMPLES="1", REPORT=str(tmp_path / "contract.xml")
        )
        run = subprocess.run(
            ["bash", "scripts/contract.sh"], cwd=ROOT, env=env, capture_output=True, text=True, check=False
        )
    output = run.stdout + run.stderr
    assert run.returncode == 1, output[-6000:]
    assert "the server contradicted the spec, or sent what it does not know" in output, output[-6000:]
    built = json.loads((tmp_path / "evidence.json").read_text(encoding="utf-8"))
    assert not list(Draft202012Validator(report.schema()).iter_errors(built))
    check(built)
    assert (tmp_path / "evidence.md").read_text(encoding="utf-8").startswith("# Evidence report")


@pytest.mark.timeout(300)
def test_against_another_server_what_the_spec_lacks_is_reported_without_failing(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("ALLOW_WRITES", "ALLOW_UNKNOWN", "CONFIRM_WRITES")}
    with mock(frozenset({"unlisted-enum"})) as url:
        headers = {"x-fastn-api-key": DEFAULT_API_KEY, "x-fastn-space-id": DEFAULT_SPACE_ID}
        httpx.post(f"{url}/api/v1/workflows", json={"name": "Sync", "slug": "sync"}, headers=headers).raise_for_status()
        env.update(
            BASE_URL=url,
            FASTN_API_KEY=DEFAULT_API_KEY,
            FASTN_SPACE_ID=DEFAULT_SPACE_ID,
            PHASES="examples",
            MAX_EXAMPLES="1",
            REPORT=str(tmp_path / "contract.xml"),
        )
        run = subprocess.run(
            ["bash", "scripts/contract.sh"], cwd=ROOT, env=env, capture_output=True, text=True, check=False
        )
    output = run.stdout + run.stderr
    assert run.returncode == 0, output[-6000:]  # an unlisted value is valid (open enum): conformance holds
    built = json.loads((tmp_path / "evidence.json").read_text(encoding="utf-8"))
    assert named(built) == EXACT["unlisted-enum"]  # and it is news all the same
    assert "not in the spec: enum value WorkflowStatus = mock-unlisted" in output
