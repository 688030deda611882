from typing import Literal

Plan = Literal["enterprise", "free", "growth", "starter"]

PLAN_VALUES: set[Plan] = {
    "enterprise",
    "free",
    "growth",
    "starter",
}


def check_plan(value: str) -> Plan:
    if value in PLAN_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PLAN_VALUES!r}")
