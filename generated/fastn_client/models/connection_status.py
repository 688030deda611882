from typing import Literal

ConnectionStatus = Literal["active", "authorized", "expired", "failed", "inactive", "pending", "revoked"]

CONNECTION_STATUS_VALUES: set[ConnectionStatus] = {
    "active",
    "authorized",
    "expired",
    "failed",
    "inactive",
    "pending",
    "revoked",
}


def check_connection_status(value: str) -> ConnectionStatus:
    if value in CONNECTION_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CONNECTION_STATUS_VALUES!r}")
