"""Billing and audit: what the workspace is charged for, and the trail its mutations leave.

Every request the client sends is counted on the client side (an httpx request hook; no faults
are injected here, so one call is one request) and compared with what the server bills.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx
import pytest
from fastn_client import AuthenticatedClient, PermissionDeniedError
from fastn_client.api.api_keys import create_api_key, revoke_api_key
from fastn_client.api.audit import query_audit_log
from fastn_client.api.billing_quotas import get_billing_usage
from fastn_client.api.connections import create_connection
from fastn_client.api.connectors import create_connector
from fastn_client.api.customers import create_customer, delete_customer, get_customer, list_customers, update_customer
from fastn_client.api.executions import get_execution
from fastn_client.api.secrets import create_secret, delete_secret
from fastn_client.api.workflows import create_workflow, run_workflow
from fastn_client.models.api_key_create import ApiKeyCreate
from fastn_client.models.billing_usage import BillingUsage
from fastn_client.models.connection_create import ConnectionCreate
from fastn_client.models.connector_create import ConnectorCreate
from fastn_client.models.customer_create import CustomerCreate
from fastn_client.models.customer_update import CustomerUpdate
from fastn_client.models.secret_create import SecretCreate
from fastn_client.models.workflow_create import WorkflowCreate
from fastn_client.models.workflow_run_request import WorkflowRunRequest
from fastn_mock import VIEWER_API_KEY

from .conftest import ClientFactory
from .e2e_kit import all_items


class CountingClient:
    """The default client, with every request it sends counted."""

    def __init__(self, make_client: ClientFactory) -> None:
        self.sent = 0
        self.client: AuthenticatedClient = make_client()
        self.client.get_httpx_client().event_hooks = {"request": [self._count], "response": []}

    def _count(self, request: httpx.Request) -> None:
        self.sent += 1


@pytest.fixture
def counted(make_client: ClientFactory) -> CountingClient:
    """A client whose requests are counted as they leave."""
    return CountingClient(make_client)


def _used(usage: BillingUsage, metric: str) -> int:
    return next(item.used for item in usage.metrics if item.metric == metric)


def test_billing_usage_counts_real_calls(counted: CountingClient) -> None:
    """A user makes a known number of calls (one workflow run, one active connection among them):
    the usage report counts exactly the calls sent, itself included, one execution and one
    active connection."""
    client = counted.client
    customer = create_customer.sync(
        client=client, body=CustomerCreate(name="Acme", slug="acme", admin_email="ops@acme.example")
    )
    get_customer.sync(customer.id, client=client)
    list_customers.sync(client=client)
    workflow = create_workflow.sync(client=client, body=WorkflowCreate(name="Sync", slug="sync"))
    execution = run_workflow.sync(workflow.id, client=client, body=WorkflowRunRequest())
    get_execution.sync(execution.id, client=client)
    connector = create_connector.sync(
        client=client, body=ConnectorCreate(name="Stripe", slug="stripe", auth_method="api_key")
    )
    create_connection.sync(client=client, body=ConnectionCreate(connector_id=connector.id))

    usage = get_billing_usage.sync(client=client)

    assert counted.sent == 9
    assert _used(usage, "api_calls") == counted.sent
    assert _used(usage, "workflow_executions") == 1
    assert _used(usage, "active_connections") == 1
    assert usage.period_start < usage.period_end

    again = get_billing_usage.sync(client=client)
    assert _used(again, "api_calls") == counted.sent == 10


@dataclass(frozen=True)
class Mutation:
    """One audited change: its action, resource type and the id it touched."""

    action: str
    resource_type: str
    resource_id: str


def test_every_mutation_is_in_the_audit_log(counted: CountingClient, make_client: ClientFactory) -> None:
    """A user creates, updates and deletes several kinds of resources, creates and revokes a key,
    and a viewer is refused a create: each of these appears in queryAuditLog, found by action and
    by resource type, with the right outcome and the acting key."""
    client = counted.client
    done: list[Mutation] = []
    customer = create_customer.sync(
        client=client, body=CustomerCreate(name="Acme", slug="acme", admin_email="ops@acme.example")
    )
    done.append(Mutation("customer.create", "customer", str(customer.id)))
    update_customer.sync(customer.id, client=client, body=CustomerUpdate(revision=1, plan="growth"))
    done.append(Mutation("customer.update", "customer", str(customer.id)))
    workflow = create_workflow.sync(client=client, body=WorkflowCreate(name="Sync", slug="sync"))
    done.append(Mutation("workflow.create", "workflow", str(workflow.id)))
    run_workflow.sync(workflow.id, client=client, body=WorkflowRunRequest())
    done.append(Mutation("workflow.run", "workflow", str(workflow.id)))
    secret = create_secret.sync(client=client, body=SecretCreate(name="TOKEN", value="s3cr3t"))
    done.append(Mutation("secret.create", "secret", str(secret.id)))
    delete_secret.sync(secret.id, client=client)
    done.append(Mutation("secret.delete", "secret", str(secret.id)))
    key = create_api_key.sync(client=client, body=ApiKeyCreate(name="CI", mode="test"))
    done.append(Mutation("api_key.create", "api_key", str(key.id)))
    revoke_api_key.sync(key.id, client=client)
    done.append(Mutation("api_key.revoke", "api_key", str(key.id)))
    delete_customer.sync(customer.id, client=client)
    done.append(Mutation("customer.delete", "customer", str(customer.id)))
    with pytest.raises(PermissionDeniedError):
        create_customer.sync(
            client=make_client(token=VIEWER_API_KEY),
            body=CustomerCreate(name="Nope", slug="nope", admin_email="nope@example.com"),
        )

    everything = all_items(query_audit_log.sync, client)
    owner_key = {event.actor.id for event in everything if event.outcome == "success" and event.actor.type_ != "system"}
    for mutation in done:
        by_action = all_items(query_audit_log.sync, client, action=mutation.action)
        by_type = all_items(query_audit_log.sync, client, resource_type=mutation.resource_type)
        for found in (by_action, by_type):
            matching = [
                event
                for event in found
                if event.action == mutation.action and event.resource.id == mutation.resource_id
            ]
            assert len(matching) == 1, f"{mutation} found {len(matching)} times"
            assert matching[0].outcome == "success"
            assert matching[0].request_id
        assert {event.action for event in by_action} == {mutation.action}
        assert {event.resource.type_ for event in by_type} == {mutation.resource_type}

    denied = all_items(query_audit_log.sync, client, outcome="denied")
    assert [(event.action, event.resource.type_) for event in denied] == [("customer.create", "customer")]
    assert len(owner_key) == 1
    assert denied[0].actor.id not in owner_key
    assert [event.action for event in reversed(everything) if event.actor.type_ != "system"] == [
        mutation.action for mutation in done
    ] + ["customer.create"]
