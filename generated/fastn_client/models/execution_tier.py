from typing import Literal

ExecutionTier = Literal["instant", "long", "standard"]

EXECUTION_TIER_VALUES: set[ExecutionTier] = {
    "instant",
    "long",
    "standard",
}


def check_execution_tier(value: str) -> ExecutionTier:
    if value in EXECUTION_TIER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {EXECUTION_TIER_VALUES!r}")
