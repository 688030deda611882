from typing import Literal

Enforcement = Literal["hard", "none", "soft"]

ENFORCEMENT_VALUES: set[Enforcement] = {
    "hard",
    "none",
    "soft",
}


def check_enforcement(value: str) -> Enforcement:
    if value in ENFORCEMENT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ENFORCEMENT_VALUES!r}")
