from typing import Literal

TriggeredBy = Literal["agent", "agent-service", "manual", "scheduler", "webhook"]

TRIGGERED_BY_VALUES: set[TriggeredBy] = {
    "agent",
    "agent-service",
    "manual",
    "scheduler",
    "webhook",
}


def check_triggered_by(value: str) -> TriggeredBy:
    if value in TRIGGERED_BY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TRIGGERED_BY_VALUES!r}")
