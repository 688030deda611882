from typing import Literal

PermissionResource = Literal[
    "agents",
    "ai",
    "api_keys",
    "audit",
    "billing",
    "connections",
    "connectors",
    "customers",
    "executions",
    "roles",
    "secrets",
    "tools",
    "triggers",
    "users",
    "workflows",
]

PERMISSION_RESOURCE_VALUES: set[PermissionResource] = {
    "agents",
    "ai",
    "api_keys",
    "audit",
    "billing",
    "connections",
    "connectors",
    "customers",
    "executions",
    "roles",
    "secrets",
    "tools",
    "triggers",
    "users",
    "workflows",
}


def check_permission_resource(value: str) -> PermissionResource:
    if value in PERMISSION_RESOURCE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PERMISSION_RESOURCE_VALUES!r}")
