"""The spec's contract, checked against the mock in-process by schemathesis.

Every operation goes through the examples, coverage and fuzzing phases (one pytest item per
operation) and the links of the spec through the stateful phase, with every built-in check
plus the Fastn checks of ``fastn_checks.py``. Settings come from the repository's
``schemathesis.toml`` (seed, checks, per-operation expectations), with credentials for the
mock's default key supplied through schemathesis' auth configuration — never as plain call
headers, which would make the negative cases that drop or garble them look like failures.

The mock's rate limit is set far above what the suite sends, so its headers are real but a
429 never interrupts a case. Items are named by operation (``test_operation_honours_the_contract[POST
/api/v1/customers]``), so ``-k "POST and customers"`` re-runs one; the seed makes a failure reproduce.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import hypothesis
import pytest
import schemathesis
from fastn_mock import DEFAULT_API_KEY, DEFAULT_SPACE_ID, MockConfig, create_app
from schemathesis.config import SchemathesisConfig

pytestmark = pytest.mark.slow  # schemathesis fuzzes every operation and the links (about 25 s)

REPO = Path(__file__).resolve().parents[2]
MAX_EXAMPLES = 12
STATEFUL_EXAMPLES = 40
STATEFUL_STEPS = 12


def contract_config() -> SchemathesisConfig:
    """The repository's schemathesis settings, with the mock's credentials and this suite's budget."""
    settings: dict[str, Any] = tomllib.loads((REPO / "schemathesis.toml").read_text(encoding="utf-8"))
    settings["hooks"] = str(REPO / settings["hooks"])
    settings.setdefault("generation", {})["max-examples"] = MAX_EXAMPLES
    settings.setdefault("phases", {}).setdefault("stateful", {})["max-steps"] = STATEFUL_STEPS
    settings["auth"] = {
        "openapi": {
            "ApiKeyAuth": {"api_key": DEFAULT_API_KEY},
            "SpaceId": {"api_key": DEFAULT_SPACE_ID},
            "TenantId": {"api_key": ""},
            "Stage": {"api_key": "LIVE"},
            "CustomAuth": {"api_key": "false"},
        }
    }
    return SchemathesisConfig.from_dict(settings)


APP = create_app(MockConfig(spec_path=REPO / "openapi" / "fastn.yaml", rate_limit=1_000_000))
schema = schemathesis.openapi.from_asgi("/_mock/openapi.json", APP, config=contract_config())


@schema.parametrize()
def test_operation_honours_the_contract(case: schemathesis.Case[Any]) -> None:
    """Examples, coverage and fuzzing cases of one operation: every check passes."""
    case.call_and_validate()


class MockStateMachine(schema.as_state_machine()):  # type: ignore[misc]
    """Link-driven scenarios (create → read/update/delete, run → poll, …) from a fresh mock each time."""

    def setup(self) -> None:
        APP.reset()


def test_linked_scenarios_honour_the_contract() -> None:
    """The stateful phase: sequences of linked calls pass every check, stateful ones included."""
    MockStateMachine.run(
        settings=hypothesis.settings(
            max_examples=STATEFUL_EXAMPLES,
            stateful_step_count=STATEFUL_STEPS,
            deadline=None,
            derandomize=True,
            suppress_health_check=list(hypothesis.HealthCheck),
        )
    )
