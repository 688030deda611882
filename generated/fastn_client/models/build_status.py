from typing import Literal

BuildStatus = Literal["DEPLOYED", "FAILED", "GENERATED", "GENERATING", "PLANNED", "PLANNING"]

BUILD_STATUS_VALUES: set[BuildStatus] = {
    "DEPLOYED",
    "FAILED",
    "GENERATED",
    "GENERATING",
    "PLANNED",
    "PLANNING",
}


def check_build_status(value: str) -> BuildStatus:
    if value in BUILD_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {BUILD_STATUS_VALUES!r}")
