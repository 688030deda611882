from typing import Literal

CustomerStatus = Literal["active", "archived", "pending_admin_activation", "suspended"]

CUSTOMER_STATUS_VALUES: set[CustomerStatus] = {
    "active",
    "archived",
    "pending_admin_activation",
    "suspended",
}


def check_customer_status(value: str) -> CustomerStatus:
    if value in CUSTOMER_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CUSTOMER_STATUS_VALUES!r}")
