"""Who is calling, and what their role lets them do.

A key belongs to one workspace and carries one role; a role is a list of
``{resource, actions}`` permissions (the spec's `Permission`), and an operation needs the
permission its ``x-fastn-permission`` names. The six system roles below are the docs'
Owner, Admin, Developer, Operator, Viewer and End User; their exact grants are the mock's
choice (the real grants are not published) and are listed by `listRoles`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

API_KEY_HEADER: Final = "x-fastn-api-key"
"""Where a key is sent (the spec's ``ApiKey`` security scheme); ``Authorization: Bearer <key>`` works too."""

RESOURCES: Final = (
    "customers",
    "connectors",
    "connections",
    "workflows",
    "triggers",
    "executions",
    "agents",
    "tools",
    "users",
    "roles",
    "api_keys",
    "secrets",
    "billing",
    "audit",
    "ai",
)
ACTIONS: Final = ("create", "read", "update", "delete", "execute", "deploy")
_CORE: Final = ("customers", "connectors", "connections", "workflows", "triggers", "executions", "agents", "tools")

Grants = Mapping[str, Sequence[str]]


def _grants(**by_resource: Sequence[str]) -> dict[str, tuple[str, ...]]:
    return {resource: tuple(actions) for resource, actions in by_resource.items() if actions}


def system_roles(resources: Sequence[str] = RESOURCES) -> dict[str, tuple[str, str, dict[str, tuple[str, ...]]]]:
    """The system roles: key → (display name, description, resource → actions).

    Owner and Admin cover every resource given, so a resource a new spec introduces is usable at
    once with the default (owner) key; the other roles keep their fixed grants.
    """
    everything = tuple(dict.fromkeys([*RESOURCES, *resources]))
    return {
        "owner": ("Owner", "Everything, including billing and keys.", {r: ACTIONS for r in everything}),
        "admin": (
            "Admin",
            "Everything except changing billing.",
            {r: ("read",) if r == "billing" else ACTIONS for r in everything},
        ),
        "developer": (
            "Developer",
            "Builds and runs integrations; reads people and keys; no billing or audit.",
            {
                **{r: ACTIONS for r in _CORE},
                **_grants(secrets=("create", "read", "update", "delete"), ai=ACTIONS),
                **_grants(users=("read",), roles=("read",), api_keys=("read",)),
            },
        ),
        "operator": (
            "Operator",
            "Watches and runs workflows; reads the audit log and billing.",
            {
                **{r: ("read",) for r in _CORE},
                **_grants(workflows=("read", "execute"), triggers=("read", "update")),
                **_grants(audit=("read",), billing=("read",), users=("read",), roles=("read",)),
            },
        ),
        "viewer": (
            "Viewer",
            "Reads integrations, people and roles; changes nothing.",
            {**{r: ("read",) for r in _CORE}, **_grants(users=("read",), roles=("read",))},
        ),
        "end_user": (
            "End User",
            "Connects their own accounts and runs the workflows offered to them.",
            _grants(
                connectors=("read",),
                connections=("create", "read", "delete"),
                workflows=("read", "execute"),
                executions=("read",),
            ),
        ),
    }


def presented_key(headers: Mapping[str, str], *, bearer_only: bool = False) -> str | None:
    """The key a request presents: its `API_KEY_HEADER`, else an ``Authorization: Bearer <key>``.

    A present `API_KEY_HEADER` wins, even empty (then there is no key). With ``bearer_only`` (the
    ``bearer-key`` deviation, `_deviations`) that header is not looked at.
    """
    secret = None if bearer_only else headers.get(API_KEY_HEADER)
    if secret is None:
        scheme, _, token = headers.get("authorization", "").partition(" ")
        if scheme.lower() == "bearer" and token.strip():
            secret = token.strip()
    return secret


def missing_key_message(*, bearer_only: bool = False) -> str:
    """The 401 message for a request that presents no key."""
    if bearer_only:
        return "Missing API key: send it as Authorization: Bearer <key>."
    return f"Missing API key: send it in the {API_KEY_HEADER} header."


def permissions_payload(grants: Grants) -> list[dict[str, object]]:
    """Grants as the spec's list of `Permission` objects."""
    return [{"resource": r, "actions": list(actions)} for r, actions in grants.items() if actions]


def grants_from_payload(permissions: Sequence[Mapping[str, object]]) -> dict[str, tuple[str, ...]]:
    """A role's `permissions` list back as resource → actions (later entries add to earlier ones)."""
    grants: dict[str, tuple[str, ...]] = {}
    for permission in permissions:
        resource = str(permission.get("resource"))
        actions = permission.get("actions")
        if isinstance(actions, list):
            grants[resource] = tuple(dict.fromkeys([*grants.get(resource, ()), *map(str, actions)]))
    return grants


@dataclass(frozen=True)
class Principal:
    """An authenticated caller: a key of one workspace, with its role's grants."""

    workspace_id: str
    key_id: str
    key_name: str
    role: str
    grants: Mapping[str, Sequence[str]]

    def may(self, resource: str, action: str) -> bool:
        """Whether the role grants ``action`` on ``resource``."""
        return action in self.grants.get(resource, ())

    @property
    def actor(self) -> dict[str, object]:
        """The audit log's `AuditActor` for this caller."""
        return {"type": "service_account", "id": self.key_id, "name": self.key_name}
