from typing import Literal

UsageMetric = Literal[
    "active_connections",
    "agent_sessions",
    "ai_credits",
    "api_calls",
    "connectors",
    "events_per_day",
    "events_per_minute",
    "flows",
    "llm_tokens",
    "storage_mb",
    "workflow_executions",
]

USAGE_METRIC_VALUES: set[UsageMetric] = {
    "active_connections",
    "agent_sessions",
    "ai_credits",
    "api_calls",
    "connectors",
    "events_per_day",
    "events_per_minute",
    "flows",
    "llm_tokens",
    "storage_mb",
    "workflow_executions",
}


def check_usage_metric(value: str) -> UsageMetric:
    if value in USAGE_METRIC_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {USAGE_METRIC_VALUES!r}")
