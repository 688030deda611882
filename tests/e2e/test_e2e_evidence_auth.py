"""What "A third look" at Fastn's docs and SDK changed, as a user meets it against the mock.

A connection is followed by status and read by id (`listConnections?status=`, `getConnection`),
through the endpoint functions and the resource client; and the workspace key authenticates the
same whether the client sends it in ``x-fastn-api-key`` (the default) or as a bearer token.
"""

from __future__ import annotations

import attrs
import httpx
import pytest
from fastn_client import AuthenticatedClient, ClientOptions, Fastn, NotFoundError
from fastn_client.api.connections import create_connection, get_connection, list_connections
from fastn_client.api.connectors import create_connector
from fastn_client.api.customers import list_customers
from fastn_client.lib import KeyPlacement
from fastn_client.models import Connection, ConnectionList, CustomerList
from fastn_client.models.connection_create import ConnectionCreate
from fastn_client.models.connector_create import ConnectorCreate
from fastn_mock import DEFAULT_API_KEY, DEFAULT_SPACE_ID

from .conftest import ClientFactory, MockServer


def test_a_new_connection_can_be_followed_by_status_and_read_by_id(client: AuthenticatedClient) -> None:
    oauth = create_connector.sync(client=client, body=ConnectorCreate(name="CRM", slug="crm", auth_method="oauth2"))
    plain = create_connector.sync(client=client, body=ConnectorCreate(name="DB", slug="db", auth_method="basic"))
    pending = create_connection.sync(client=client, body=ConnectionCreate(connector_id=oauth.id))
    active = create_connection.sync(client=client, body=ConnectionCreate(connector_id=plain.id))

    waiting = list_connections.sync(client=client, status="pending")
    assert isinstance(waiting, ConnectionList) and [c.id for c in waiting.data] == [pending.id]
    read = get_connection.sync(pending.id, client=client)
    assert isinstance(read, Connection) and (read.id, read.status) == (pending.id, "pending")

    fastn = Fastn(http_client=client)
    assert [c.id for c in fastn.connections.list(status="active")] == [active.id]
    assert fastn.connections.get(active.id).status == "active"
    fastn.connections.delete(active.id)
    with pytest.raises(NotFoundError):
        fastn.connections.get(active.id)


@pytest.mark.parametrize("placement", ["header", "bearer"])
def test_the_key_authenticates_in_either_place(
    mock: MockServer, make_client: ClientFactory, placement: KeyPlacement
) -> None:
    seen: list[httpx.Request] = []
    base = make_client()
    client = base.with_options(attrs.evolve(base.options, key_placement=placement)).with_headers({})
    client = attrs.evolve(client, httpx_args={"event_hooks": {"request": [seen.append]}})
    page = list_customers.sync(client=client)
    assert isinstance(page, CustomerList)
    (request,) = seen
    if placement == "bearer":
        assert request.headers["authorization"] == f"Bearer {DEFAULT_API_KEY}"
        assert "x-fastn-api-key" not in request.headers
    else:
        assert request.headers["x-fastn-api-key"] == DEFAULT_API_KEY and "authorization" not in request.headers
    # The mock's keys are test keys: the client says so, and sends the SDK's realm.
    assert (request.headers["x-fastn-test-mode"], request.headers["realm"]) == ("true", "fastn")


def test_a_wrong_key_as_a_bearer_token_is_refused(mock: MockServer) -> None:
    client = AuthenticatedClient(
        base_url=mock.base_url,
        token="fsk_test_not_a_key",
        space_id=DEFAULT_SPACE_ID,
        options=ClientOptions(key_placement="bearer", max_retries=0, pacing=False),
    )
    with client:
        answer = list_customers.sync_detailed(client=client)
    assert answer.status_code == 401
