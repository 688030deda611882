"""The plan every workspace of the mock is on (Growth), and its limits: one definition each.

`_config` takes its default rate limit from here; the billing behaviours (`_behaviours`) report
the plan, its quotas and the usage measured against them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

PLAN: Final = "growth"
RATE_LIMIT_PER_MINUTE: Final = 600
"""Requests per minute per key (the mock enforces it unless configured otherwise)."""
MONTHLY_QUOTAS: Final[Mapping[str, tuple[int, str]]] = {
    "api_calls": (1_000_000, "soft"),
    "workflow_executions": (100_000, "soft"),
    "ai_credits": (5_000, "hard"),
    "active_connections": (1_000, "hard"),
}
"""Metric → (limit per month, enforcement)."""
