from typing import Literal

PermissionAction = Literal["create", "delete", "deploy", "execute", "read", "update"]

PERMISSION_ACTION_VALUES: set[PermissionAction] = {
    "create",
    "delete",
    "deploy",
    "execute",
    "read",
    "update",
}


def check_permission_action(value: str) -> PermissionAction:
    if value in PERMISSION_ACTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PERMISSION_ACTION_VALUES!r}")
