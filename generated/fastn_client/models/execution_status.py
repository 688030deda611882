from typing import Literal

ExecutionStatus = Literal["cancelled", "completed", "failed", "pending", "queued", "running", "timed_out"]

EXECUTION_STATUS_VALUES: set[ExecutionStatus] = {
    "cancelled",
    "completed",
    "failed",
    "pending",
    "queued",
    "running",
    "timed_out",
}


def check_execution_status(value: str) -> ExecutionStatus:
    if value in EXECUTION_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {EXECUTION_STATUS_VALUES!r}")
