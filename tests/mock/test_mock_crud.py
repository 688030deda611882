"""Spec-driven CRUD: defaults, merge updates, revisions, uniqueness, references, pagination, secrecy."""

from __future__ import annotations

import pytest
from fastn_mock._cursors import Cursors, documented_cursors
from fastn_mock._errors import ApiError

from .mock_testkit import ORACLE, Api

UNKNOWN_ID = "7a2b9c4d-1e3f-4a5b-8c6d-9e0f1a2b3c4d"


def test_create_fills_server_fields_and_stated_defaults(api: Api) -> None:
    customer = api.make_customer()
    assert customer["revision"] == 1
    assert customer["plan"] == "starter"  # "Plan; defaults to `starter`."
    assert customer["dataResidency"] == "US"
    assert customer["status"] == "active"
    assert customer["createdAt"] == customer["updatedAt"]
    workflow = api.make_workflow()
    assert workflow["version"] == "v1"
    assert workflow["timeoutSeconds"] == 300
    assert workflow["retryPolicy"] == {
        "maxAttempts": 3,
        "initialIntervalMs": 5000,
        "backoffCoefficient": 2,
        "maxIntervalMs": 60000,
    }


def test_a_partial_nested_object_gets_the_rest_of_its_defaults(api: Api) -> None:
    workflow = api.make_workflow(retryPolicy={"maxAttempts": 5})
    assert workflow["retryPolicy"]["maxAttempts"] == 5
    assert workflow["retryPolicy"]["maxIntervalMs"] == 60000


def test_get_returns_what_create_returned(api: Api) -> None:
    connector = api.make_connector()
    assert api.get(f"/api/v1/connectors/{connector['id']}").json() == connector


def test_update_merges_and_bumps_the_revision(api: Api, clock) -> None:  # type: ignore[no-untyped-def]
    customer = api.make_customer(plan="growth")
    clock.advance(5)
    updated = api.put(f"/api/v1/customers/{customer['id']}", {"revision": 1, "name": "Acme Corp."}).json()
    assert updated["name"] == "Acme Corp."
    assert updated["plan"] == "growth"  # left out, kept
    assert updated["revision"] == 2
    assert updated["updatedAt"] > customer["updatedAt"]
    assert updated["createdAt"] == customer["createdAt"]


def test_a_stale_revision_is_409_and_changes_nothing(api: Api) -> None:
    customer = api.make_customer()
    assert api.put(f"/api/v1/customers/{customer['id']}", {"revision": 1, "name": "First"}).status_code == 200
    stale = api.put(f"/api/v1/customers/{customer['id']}", {"revision": 1, "name": "Second"})
    assert stale.status_code == 409
    assert stale.json()["code"] == "VERSION_MISMATCH"
    current = api.get(f"/api/v1/customers/{customer['id']}").json()
    assert (current["name"], current["revision"]) == ("First", 2)


def test_a_stale_revision_says_the_current_one(api: Api) -> None:
    workflow = api.make_workflow()
    for revision in (1, 2, 3):
        assert (
            api.put(f"/api/v1/workflows/{workflow['id']}", {"revision": revision, "name": f"R{revision}"}).status_code
            == 200
        )
    stale = api.put(f"/api/v1/workflows/{workflow['id']}", {"revision": 2, "name": "Stale"})
    assert (stale.status_code, stale.json()["code"]) == (409, "VERSION_MISMATCH")
    assert stale.json()["currentRevision"] == 4 == api.get(f"/api/v1/workflows/{workflow['id']}").json()["revision"]
    # Re-sent at the revision it names, the update goes through.
    retried = api.put(
        f"/api/v1/workflows/{workflow['id']}", {"revision": stale.json()["currentRevision"], "name": "Now"}
    )
    assert (retried.status_code, retried.json()["revision"]) == (200, 5)
    # Other errors do not carry it.
    assert "currentRevision" not in api.post("/api/v1/customers", {"slug": "x"}).json()


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("/api/v1/customers", {"name": "B", "slug": "acme", "adminEmail": "b@b.example"}, "/slug"),
        ("/api/v1/secrets", {"name": "TOKEN", "value": "again"}, "/name"),
        (
            "/api/v1/roles",
            {"key": "owner", "name": "Mine", "permissions": [{"resource": "ai", "actions": ["read"]}]},
            "/key",
        ),
    ],
)
def test_a_duplicate_unique_field_is_409_conflict(api: Api, path: str, body: dict[str, object], field: str) -> None:
    api.make_customer("acme")
    assert api.post("/api/v1/secrets", {"name": "TOKEN", "value": "first"}).status_code == 201
    response = api.post(path, body)
    assert response.status_code == 409
    assert response.json()["code"] == "CONFLICT"
    assert response.json()["details"][0]["field"] == field


def test_slugs_are_unique_per_workspace_only(api: Api) -> None:
    from fastn_mock import OTHER_API_KEY

    api.make_customer("acme")
    assert api.as_key(OTHER_API_KEY).make_customer("acme")["slug"] == "acme"


def test_a_missing_referenced_resource_is_422_naming_the_field(api: Api) -> None:
    response = api.post("/api/v1/connections", {"connectorId": UNKNOWN_ID})
    assert response.status_code == 422
    assert response.json()["details"][0]["field"] == "/connectorId"
    workflow = api.make_workflow()
    trigger = {"name": "t", "type": "manual", "workflowIds": [workflow["id"], UNKNOWN_ID]}
    response = api.post("/api/v1/triggers", trigger)
    assert response.status_code == 422
    assert response.json()["details"][0]["field"] == "/workflowIds/1"


def test_updates_check_references_too(api: Api) -> None:
    workflow = api.make_workflow()
    trigger = api.post("/api/v1/triggers", {"name": "t", "type": "manual", "workflowIds": [workflow["id"]]}).json()
    response = api.put(f"/api/v1/triggers/{trigger['id']}", {"revision": 1, "workflowIds": [UNKNOWN_ID]})
    assert response.status_code == 422


def test_an_update_sends_null_to_clear_a_nullable_field(api: Api) -> None:
    workflow = api.make_workflow()
    body = {"name": "t", "type": "event", "event": "order.created", "workflowIds": [workflow["id"]]}
    trigger = api.post("/api/v1/triggers", {**body, "deduplicationKey": "$.id"}).json()
    cleared = api.put(f"/api/v1/triggers/{trigger['id']}", {"revision": 1, "deduplicationKey": None})
    assert cleared.status_code == 200
    assert cleared.json()["deduplicationKey"] is None
    assert cleared.json()["event"] == "order.created"  # omitted: kept
    needed = api.put(f"/api/v1/triggers/{trigger['id']}", {"revision": 2, "event": None})
    assert needed.status_code == 422  # an event trigger needs its event: clearing it breaks the rule
    assert needed.json()["details"][0]["field"] == "/event"


def test_connections_of_oauth_connectors_start_pending(api: Api) -> None:
    oauth = api.make_connector("crm", "oauth2")
    plain = api.make_connector("db", "basic")
    api.make_customer("acme")  # the tenant header names one of the workspace's customers
    pending = api.post("/api/v1/connections", {"connectorId": oauth["id"]}, headers={"x-fastn-space-tenantid": "acme"})
    assert pending.json()["status"] == "pending"
    assert pending.json()["authUrl"].startswith("https://")
    assert pending.json()["tenantId"] == "acme"
    active = api.post("/api/v1/connections", {"connectorId": plain["id"], "tenantId": "globex"}).json()
    assert (active["status"], active["authUrl"], active["tenantId"]) == ("active", None, "globex")


def test_connections_can_be_followed_by_status_and_one_by_one(api: Api) -> None:
    """listConnections?status= keeps the connections in that state; getConnection reads one (404 once deleted)."""
    oauth = api.make_connector("crm", "oauth2")
    plain = api.make_connector("db", "basic")
    pending = api.post("/api/v1/connections", {"connectorId": oauth["id"]}).json()
    active = api.post("/api/v1/connections", {"connectorId": plain["id"]}).json()

    def listed(**query: object) -> list[str]:
        response = api.get("/api/v1/connections", params=query)
        assert response.status_code == 200
        return [item["id"] for item in response.json()["data"]]

    assert listed() == [pending["id"], active["id"]]
    assert listed(status="pending") == [pending["id"]]
    assert listed(status="active", limit=1) == [active["id"]]
    assert listed(status="expired") == []
    assert api.get("/api/v1/connections", params={"status": "nonsense"}).status_code == 400  # a closed enum
    got = api.get(f"/api/v1/connections/{pending['id']}")
    assert got.status_code == 200 and got.json() == pending
    assert api.delete(f"/api/v1/connections/{pending['id']}").status_code == 204
    assert api.get(f"/api/v1/connections/{pending['id']}").status_code == 404


@pytest.mark.parametrize(
    ("trigger", "status"),
    [
        ({"type": "cron"}, 422),
        ({"type": "cron", "cron": "0 2 * * *"}, 201),
        ({"type": "cron", "intervalSeconds": 3600}, 201),
        ({"type": "event"}, 422),
        ({"type": "event", "event": "contact.created"}, 201),
        ({"type": "manual"}, 201),
    ],
)
def test_trigger_types_need_their_fields(api: Api, trigger: dict[str, object], status: int) -> None:
    workflow = api.make_workflow()
    response = api.post("/api/v1/triggers", {"name": "t", "workflowIds": [workflow["id"]], **trigger})
    assert response.status_code == status


def test_webhook_triggers_get_a_url(api: Api) -> None:
    workflow = api.make_workflow()
    trigger = api.post("/api/v1/triggers", {"name": "hook", "type": "webhook", "workflowIds": [workflow["id"]]}).json()
    assert trigger["webhookUrl"].endswith(trigger["id"])


def test_delete_is_permanent(api: Api) -> None:
    customer = api.make_customer()
    assert api.delete(f"/api/v1/customers/{customer['id']}").status_code == 204
    assert api.get(f"/api/v1/customers/{customer['id']}").status_code == 404
    assert api.delete(f"/api/v1/customers/{customer['id']}").status_code == 404
    assert api.make_customer()["slug"] == "acme"  # the slug is free again


def test_pagination_walks_every_record_once_in_creation_order(api: Api) -> None:
    created = [api.make_customer(f"c{i:02d}")["id"] for i in range(25)]
    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        params: dict[str, object] = {"limit": 10, **({"cursor": cursor} if cursor else {})}
        page = api.get("/api/v1/customers", params=params).json()
        seen += [c["id"] for c in page["data"]]
        pages += 1
        cursor = page["nextCursor"]
        if cursor is None:
            break
    assert seen == created
    assert pages == 3


def test_the_default_page_size_is_20(api: Api) -> None:
    for i in range(21):
        api.make_customer(f"c{i:02d}")
    page = api.get("/api/v1/customers").json()
    assert len(page["data"]) == 20
    assert page["nextCursor"] is not None


def test_the_spec_s_example_cursor_is_understood(api: Api) -> None:
    # The spec's example cursor `eyJvZmZzZXQiOjIwfQ` is {"offset":20}: the third page of ten. It is the one
    # cursor honoured unsigned (contract tools send it); forged ones are refused (test_mock_hostile).
    assert ORACLE.document["components"]["parameters"]["Cursor"]["example"] == "eyJvZmZzZXQiOjIwfQ"
    for i in range(25):
        api.make_customer(f"c{i:02d}")
    page = api.get("/api/v1/customers", params={"cursor": "eyJvZmZzZXQiOjIwfQ", "limit": 10}).json()
    assert [c["slug"] for c in page["data"]] == [f"c{i:02d}" for i in range(20, 25)]
    assert page["nextCursor"] is None


def test_only_the_cursors_the_spec_documents_are_honoured_unsigned() -> None:
    documented = documented_cursors(ORACLE.document)
    assert documented == {"eyJvZmZzZXQiOjIwfQ": 20}  # read from the document, not written twice
    other = {"components": {"parameters": {"C": {"name": "cursor", "in": "query", "example": "opaque"}}}}
    assert documented_cursors(other) == {}  # an example that is no offset grants nothing
    cursors = Cursors(documented=documented)
    assert cursors.offset("ws:listCustomers", "eyJvZmZzZXQiOjIwfQ") == 20
    with pytest.raises(ApiError):
        cursors.offset("ws:listCustomers", "eyJvZmZzZXQiOjIxfQ")  # {"offset":21}: unsigned, undocumented


def test_secret_values_are_never_returned(api: Api) -> None:
    created = api.post("/api/v1/secrets", {"name": "DB_PASSWORD", "value": "hunter2", "description": "db"})
    assert created.status_code == 201
    assert "hunter2" not in created.text
    listed = api.get("/api/v1/secrets")
    assert "hunter2" not in listed.text
    assert listed.json()["data"][0]["name"] == "DB_PASSWORD"


def test_system_roles_are_listed_and_custom_roles_grant_access(api: Api) -> None:
    roles = {r["key"]: r for r in api.get("/api/v1/roles").json()["data"]}
    assert set(roles) == {"owner", "admin", "developer", "operator", "viewer", "end_user"}
    assert all(r["system"] for r in roles.values())
    role = {
        "key": "billing_reader",
        "name": "Billing reader",
        "permissions": [{"resource": "billing", "actions": ["read"]}],
    }
    assert api.post("/api/v1/roles", role).json()["system"] is False
    key = api.post("/api/v1/api-keys", {"name": "finance", "mode": "test", "role": "billing_reader"}).json()
    finance = api.as_key(key["secret"])
    assert finance.get("/api/v1/billing").status_code == 200
    assert finance.get("/api/v1/customers").status_code == 403
