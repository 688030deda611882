"""Lifecycle of every CRUD resource, as a user of the generated client lives it.

Each story creates through the real client, over HTTP, against the stateful mock: create,
read back, page through the list, update with optimistic concurrency (``revision``), delete,
and see the resource gone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from uuid import UUID

import pytest
from fastn_client import (
    AuthenticatedClient,
    AuthenticationError,
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    UnprocessableEntityError,
)
from fastn_client.api.api_keys import create_api_key, list_api_keys, revoke_api_key
from fastn_client.api.connections import create_connection, delete_connection, list_connections
from fastn_client.api.connectors import (
    create_connector,
    delete_connector,
    get_connector,
    list_connectors,
    update_connector,
)
from fastn_client.api.customers import (
    create_customer,
    delete_customer,
    get_customer,
    list_customers,
    update_customer,
)
from fastn_client.api.people_roles import create_role, invite_user, list_roles, list_users
from fastn_client.api.secrets import create_secret, delete_secret, list_secrets
from fastn_client.api.triggers import create_trigger, delete_trigger, get_trigger, list_triggers, update_trigger
from fastn_client.api.workflows import (
    create_workflow,
    delete_workflow,
    get_workflow,
    list_workflows,
    update_workflow,
)
from fastn_client.models.api_key_create import ApiKeyCreate
from fastn_client.models.connection_create import ConnectionCreate
from fastn_client.models.connector_create import ConnectorCreate
from fastn_client.models.connector_update import ConnectorUpdate
from fastn_client.models.customer_create import CustomerCreate
from fastn_client.models.customer_update import CustomerUpdate
from fastn_client.models.permission_grant import PermissionGrant
from fastn_client.models.role_create import RoleCreate
from fastn_client.models.secret import Secret
from fastn_client.models.secret_create import SecretCreate
from fastn_client.models.trigger_create import TriggerCreate
from fastn_client.models.trigger_update import TriggerUpdate
from fastn_client.models.user_invite import UserInvite
from fastn_client.models.workflow_create import WorkflowCreate
from fastn_client.models.workflow_update import WorkflowUpdate

from .conftest import ClientFactory
from .e2e_kit import all_items, pages

CREATED = 25
PAGE = 10

# --- makers: how a user creates the n-th item of each collection ------------------------------

Maker = Callable[[int], Any]


def customers(client: AuthenticatedClient) -> Maker:
    """Customers with unique slugs."""
    return lambda n: create_customer.sync(
        client=client,
        body=CustomerCreate(name=f"Customer {n}", slug=f"customer-{n}", admin_email=f"admin{n}@example.com"),
    )


def connectors(client: AuthenticatedClient) -> Maker:
    """Connectors with unique slugs."""
    return lambda n: create_connector.sync(
        client=client, body=ConnectorCreate(name=f"Connector {n}", slug=f"connector-{n}", auth_method="api_key")
    )


def workflows(client: AuthenticatedClient) -> Maker:
    """Workflows with unique slugs."""
    return lambda n: create_workflow.sync(
        client=client, body=WorkflowCreate(name=f"Workflow {n}", slug=f"workflow-{n}")
    )


def triggers(client: AuthenticatedClient) -> Maker:
    """Manual triggers of one workflow (a trigger needs a workflow to start)."""
    target = create_workflow.sync(client=client, body=WorkflowCreate(name="Trigger target", slug="trigger-target"))
    return lambda n: create_trigger.sync(
        client=client, body=TriggerCreate(name=f"Trigger {n}", type_="manual", workflow_ids=[target.id])
    )


def connections(client: AuthenticatedClient) -> Maker:
    """Connections of one connector (a connection needs a connector)."""
    connector = create_connector.sync(
        client=client, body=ConnectorCreate(name="Stripe", slug="stripe", auth_method="api_key")
    )
    return lambda n: create_connection.sync(
        client=client, body=ConnectionCreate(connector_id=connector.id, tenant_id=f"tenant-{n}")
    )


def secrets(client: AuthenticatedClient) -> Maker:
    """Secrets with unique names."""
    return lambda n: create_secret.sync(client=client, body=SecretCreate(name=f"SECRET_{n}", value=f"value-{n}"))


def api_keys(client: AuthenticatedClient) -> Maker:
    """Test-mode API keys."""
    return lambda n: create_api_key.sync(client=client, body=ApiKeyCreate(name=f"Key {n}", mode="test"))


def roles(client: AuthenticatedClient) -> Maker:
    """Custom read-only roles with unique keys."""
    return lambda n: create_role.sync(
        client=client,
        body=RoleCreate(
            key=f"reader_{n}", name=f"Reader {n}", permissions=[PermissionGrant(resource="customers", actions=["read"])]
        ),
    )


def users(client: AuthenticatedClient) -> Maker:
    """Invited viewers with unique emails."""
    return lambda n: invite_user.sync(client=client, body=UserInvite(email=f"user{n}@example.com", role="viewer"))


COLLECTIONS = [
    pytest.param(customers, list_customers.sync, id="customers"),
    pytest.param(connectors, list_connectors.sync, id="connectors"),
    pytest.param(workflows, list_workflows.sync, id="workflows"),
    pytest.param(triggers, list_triggers.sync, id="triggers"),
    pytest.param(connections, list_connections.sync, id="connections"),
    pytest.param(secrets, list_secrets.sync, id="secrets"),
    pytest.param(api_keys, list_api_keys.sync, id="api-keys"),
    pytest.param(roles, list_roles.sync, id="roles"),
    pytest.param(users, list_users.sync, id="users"),
]


@pytest.mark.parametrize(("maker", "list_page"), COLLECTIONS)
def test_paging_shows_every_created_item_once_in_creation_order(
    client: AuthenticatedClient, maker: Callable[[AuthenticatedClient], Maker], list_page: Callable[..., Any]
) -> None:
    """A user creates 25 items, then pages with limit=10 following nextCursor until it is null:
    every item appears exactly once, after what the workspace already held, in creation order."""
    make = maker(client)
    before = [item.id for item in all_items(list_page, client)]
    created = [make(n).id for n in range(CREATED)]

    listed = pages(list_page, client, limit=PAGE)

    seen: list[UUID | str] = [item.id for page in listed for item in page]
    assert len(listed) == -(-(len(before) + CREATED) // PAGE), "pages of 10 until the last, partial one"
    assert all(len(page) == PAGE for page in listed[:-1])
    assert seen == before + created


# --- versioned resources: full CRUD with optimistic concurrency -------------------------------


@dataclass(frozen=True)
class Versioned:
    """The operations of a resource with get, update (by revision) and delete."""

    maker: Callable[[AuthenticatedClient], Maker]
    get: Callable[..., Any]
    update: Callable[..., Any]
    update_body: Callable[[int, str], Any]
    delete: Callable[..., Any]


VERSIONED = [
    pytest.param(
        Versioned(
            customers,
            get_customer.sync,
            update_customer.sync,
            lambda revision, name: CustomerUpdate(revision=revision, name=name),
            delete_customer.sync,
        ),
        id="customers",
    ),
    pytest.param(
        Versioned(
            connectors,
            get_connector.sync,
            update_connector.sync,
            lambda revision, name: ConnectorUpdate(revision=revision, name=name),
            delete_connector.sync,
        ),
        id="connectors",
    ),
    pytest.param(
        Versioned(
            workflows,
            get_workflow.sync,
            update_workflow.sync,
            lambda revision, name: WorkflowUpdate(revision=revision, name=name),
            delete_workflow.sync,
        ),
        id="workflows",
    ),
    pytest.param(
        Versioned(
            triggers,
            get_trigger.sync,
            update_trigger.sync,
            lambda revision, name: TriggerUpdate(revision=revision, name=name),
            delete_trigger.sync,
        ),
        id="triggers",
    ),
]


@pytest.mark.parametrize("kind", VERSIONED)
def test_versioned_resource_lifecycle(client: AuthenticatedClient, kind: Versioned) -> None:
    """A user creates a resource, reads it back, renames it with the current revision, fails to
    rename it again with the now stale revision (409 VERSION_MISMATCH, nothing changes), deletes
    it, and then finds it gone."""
    created = kind.maker(client)(1)
    assert created.revision == 1
    assert kind.get(created.id, client=client).to_dict() == created.to_dict()

    updated = kind.update(created.id, client=client, body=kind.update_body(1, "Renamed"))
    assert (updated.id, updated.name, updated.revision) == (created.id, "Renamed", 2)
    assert updated.created_at == created.created_at
    assert kind.get(created.id, client=client).to_dict() == updated.to_dict()

    with pytest.raises(ConflictError) as stale:
        kind.update(created.id, client=client, body=kind.update_body(1, "Stale write"))
    assert stale.value.status_code == 409
    assert stale.value.code == "VERSION_MISMATCH"
    assert kind.get(created.id, client=client).to_dict() == updated.to_dict()

    assert kind.delete(created.id, client=client) is None
    with pytest.raises(NotFoundError) as gone:
        kind.get(created.id, client=client)
    assert gone.value.code == "NOT_FOUND"
    with pytest.raises(NotFoundError):
        kind.delete(created.id, client=client)


# --- resources without get/update ----------------------------------------------------------------


def test_connection_lifecycle(client: AuthenticatedClient) -> None:
    """A user connects a tenant to an API-key connector (active at once, no auth URL), sees the
    connection listed, deletes it, and it is no longer listed; deleting it again is 404."""
    connector = create_connector.sync(
        client=client, body=ConnectorCreate(name="Stripe", slug="stripe", auth_method="api_key")
    )
    connection = create_connection.sync(
        client=client, body=ConnectionCreate(connector_id=connector.id, tenant_id="acme")
    )
    assert (connection.connector_id, connection.tenant_id, connection.status) == (connector.id, "acme", "active")
    assert connection.auth_url is None
    assert [item.id for item in all_items(list_connections.sync, client)] == [connection.id]

    delete_connection.sync(connection.id, client=client)
    assert all_items(list_connections.sync, client) == []
    with pytest.raises(NotFoundError):
        delete_connection.sync(connection.id, client=client)


def test_connection_to_a_missing_connector_is_unprocessable(client: AuthenticatedClient) -> None:
    """A user connecting to a connector that does not exist gets 422 naming the connectorId field."""
    missing = "00000000-0000-4000-8000-000000000000"
    with pytest.raises(UnprocessableEntityError) as error:
        create_connection.sync(client=client, body=ConnectionCreate(connector_id=missing))
    assert any(detail.field is not None and "connectorId" in detail.field for detail in error.value.details)
    assert all_items(list_connections.sync, client) == []


def test_secret_lifecycle_never_shows_the_value(client: AuthenticatedClient) -> None:
    """A user stores a secret: neither the creation answer nor the list ever shows its value;
    after deletion it is no longer listed."""
    value = "sk_live_do_not_echo_me"
    response = create_secret.sync_detailed(
        client=client, body=SecretCreate(name="STRIPE_KEY", value=value, description="Stripe live key")
    )
    assert response.status_code == 201
    secret = response.parsed
    assert isinstance(secret, Secret) and not hasattr(secret, "value")
    assert (secret.name, secret.description) == ("STRIPE_KEY", "Stripe live key")
    assert value.encode() not in response.content

    listed = list_secrets.sync_detailed(client=client)
    assert value.encode() not in listed.content
    assert [item.id for item in all_items(list_secrets.sync, client)] == [secret.id]

    delete_secret.sync(secret.id, client=client)
    assert all_items(list_secrets.sync, client) == []
    with pytest.raises(NotFoundError):
        delete_secret.sync(secret.id, client=client)


def test_api_key_lifecycle(client: AuthenticatedClient, make_client: ClientFactory) -> None:
    """A user creates an API key and sees its secret exactly once; the list never shows it; the
    key works at once; once revoked, the key gets AuthenticationError."""
    created = create_api_key.sync(client=client, body=ApiKeyCreate(name="CI pipeline", mode="test", role="developer"))
    assert created.secret.startswith("fsk_test_")
    assert created.secret.startswith(created.prefix)
    assert (created.name, created.mode, created.role) == ("CI pipeline", "test", "developer")

    listed = list_api_keys.sync_detailed(client=client, limit=100)
    assert created.secret.encode() not in listed.content
    assert listed.status_code == 200
    mine = [item for item in all_items(list_api_keys.sync, client) if item.id == created.id]
    assert len(mine) == 1
    assert "secret" not in mine[0].to_dict()
    assert mine[0].prefix == created.prefix

    as_ci = make_client(token=created.secret)
    assert list_customers.sync(client=as_ci).data == []

    revoke_api_key.sync(created.id, client=client)
    with pytest.raises(AuthenticationError) as refused:
        list_customers.sync(client=as_ci)
    assert refused.value.status_code == 401
    assert created.secret not in str(refused.value)


def test_custom_role_grants_exactly_its_permissions(client: AuthenticatedClient, make_client: ClientFactory) -> None:
    """A user creates a read-only custom role, finds it listed beside the system roles, and a key
    with that role may read customers but not create one."""
    role = create_role.sync(
        client=client,
        body=RoleCreate(
            key="auditor",
            name="Auditor",
            description="Reads customers, nothing else.",
            permissions=[PermissionGrant(resource="customers", actions=["read"])],
        ),
    )
    assert (role.key, role.system) == ("auditor", False)

    listed = {item.key: item for item in all_items(list_roles.sync, client)}
    assert listed["auditor"].id == role.id
    assert listed["owner"].system is True
    with pytest.raises(ConflictError) as duplicate:
        create_role.sync(
            client=client,
            body=RoleCreate(
                key="auditor", name="Again", permissions=[PermissionGrant(resource="customers", actions=["read"])]
            ),
        )
    assert duplicate.value.code == "CONFLICT"

    key = create_api_key.sync(client=client, body=ApiKeyCreate(name="Auditor key", mode="test", role="auditor"))
    auditor = make_client(token=key.secret)
    assert list_customers.sync(client=auditor).data == []
    with pytest.raises(PermissionDeniedError):
        create_customer.sync(
            client=auditor, body=CustomerCreate(name="Nope", slug="nope", admin_email="nope@example.com")
        )


def test_invited_user_is_listed(client: AuthenticatedClient) -> None:
    """A user invites a colleague as a viewer: the invitation is listed as 'invited'; inviting the
    same email again is 409 and inviting with an unknown role is 422."""
    invited = invite_user.sync(
        client=client, body=UserInvite(email="grace@example.com", role="viewer", teams=["platform"])
    )
    assert (invited.email, invited.role, invited.status, invited.teams) == (
        "grace@example.com",
        "viewer",
        "invited",
        ["platform"],
    )
    listed = [item for item in all_items(list_users.sync, client) if item.email == "grace@example.com"]
    assert [item.id for item in listed] == [invited.id]

    with pytest.raises(ConflictError):
        invite_user.sync(client=client, body=UserInvite(email="grace@example.com", role="viewer"))
    with pytest.raises(UnprocessableEntityError):
        invite_user.sync(client=client, body=UserInvite(email="alan@example.com", role="no_such_role"))
