"""Authentication, roles and workspace isolation."""

from __future__ import annotations

from fastn_mock import (
    DEFAULT_API_KEY,
    DEFAULT_SPACE_ID,
    OTHER_API_KEY,
    OTHER_SPACE_ID,
    VIEWER_API_KEY,
    ManualClock,
    MockConfig,
    create_app,
)

from .mock_testkit import Api, TestClient


def test_every_operation_requires_a_key(api: Api) -> None:
    anonymous = api.as_key(None)
    for method, path in [
        ("GET", "/api/v1/customers"),
        ("POST", "/api/v1/customers"),
        ("GET", "/api/v1/billing/usage"),
        ("DELETE", "/api/v1/secrets/2d3e4f5a-6b7c-4d8e-9f0a-b1c2d3e4f5a6"),
    ]:
        response = anonymous.call(method, path, json={} if method == "POST" else None)
        assert response.status_code == 401
        assert response.json()["code"] == "UNAUTHORIZED"


def test_an_unknown_key_is_401(api: Api) -> None:
    response = api.as_key("fsk_test_not_a_key").get("/api/v1/customers")
    assert response.status_code == 401
    assert "Invalid" in response.json()["message"]


def test_a_key_works_as_a_bearer_token(api: Api) -> None:
    response = api.as_key(None).get("/api/v1/customers", headers={"Authorization": f"Bearer {DEFAULT_API_KEY}"})
    assert response.status_code == 200


def test_the_role_decides_403(api: Api) -> None:
    viewer = api.as_key(VIEWER_API_KEY)
    assert viewer.get("/api/v1/customers").status_code == 200
    denied = viewer.post("/api/v1/customers", {"name": "A", "slug": "a", "adminEmail": "a@a.example"})
    assert denied.status_code == 403
    assert denied.json()["code"] == "FORBIDDEN"
    assert "customers:create" in denied.json()["message"]
    assert viewer.get("/api/v1/billing").status_code == 403


def test_permission_is_checked_before_the_body(api: Api) -> None:
    # A viewer learns nothing about the body rules of an operation it may not call.
    assert api.as_key(VIEWER_API_KEY).post("/api/v1/customers", {"nonsense": True}).status_code == 403


def test_another_workspace_s_resources_do_not_exist(api: Api) -> None:
    customer = api.make_customer()
    other = api.as_key(OTHER_API_KEY)
    assert other.get(f"/api/v1/customers/{customer['id']}").status_code == 404
    assert other.delete(f"/api/v1/customers/{customer['id']}").status_code == 404
    assert other.get("/api/v1/customers").json()["data"] == []
    assert api.get(f"/api/v1/customers/{customer['id']}").status_code == 200


def test_a_space_header_must_name_the_key_s_workspace(api: Api) -> None:
    assert api.get("/api/v1/customers", headers={"x-fastn-space-id": DEFAULT_SPACE_ID}).status_code == 200
    wrong = api.get("/api/v1/customers", headers={"x-fastn-space-id": OTHER_SPACE_ID})
    assert wrong.status_code == 403


def test_a_stage_is_draft_or_an_environment_name_and_anything_else_is_400(api: Api) -> None:
    for stage in ("DRAFT", "LIVE", "production-eu"):  # the docs: DRAFT, or a live environment's name
        assert api.get("/api/v1/customers", headers={"stage": stage}).status_code == 200, stage
    response = api.get("/api/v1/customers", headers={"stage": "two words"})
    assert response.status_code == 400
    assert response.json()["details"][0]["field"] == "header.stage"


def test_created_keys_work_until_revoked(api: Api) -> None:
    created = api.post("/api/v1/api-keys", {"name": "CI", "mode": "live", "role": "viewer"})
    assert created.status_code == 201
    key = created.json()
    assert key["secret"].startswith("fsk_live_")
    assert key["prefix"] == key["secret"][:13]
    as_new_key = api.as_key(key["secret"])
    assert as_new_key.get("/api/v1/customers").status_code == 200
    assert as_new_key.post("/api/v1/secrets", {"name": "X", "value": "y"}).status_code == 403  # viewer
    assert api.delete(f"/api/v1/api-keys/{key['id']}").status_code == 204
    assert as_new_key.get("/api/v1/customers").status_code == 401
    assert api.delete(f"/api/v1/api-keys/{key['id']}").status_code == 404


def test_a_key_can_revoke_itself(api: Api) -> None:
    key = api.post("/api/v1/api-keys", {"name": "self", "mode": "test", "role": "owner"}).json()
    own = api.as_key(key["secret"])
    assert own.delete(f"/api/v1/api-keys/{key['id']}").status_code == 204
    assert own.get("/api/v1/customers").status_code == 401


def test_the_secret_is_shown_once(api: Api) -> None:
    key = api.post("/api/v1/api-keys", {"name": "once", "mode": "test"}).json()
    assert key["role"] == "developer"  # the stated default
    listed = api.get("/api/v1/api-keys").json()["data"]
    assert key["id"] in {k["id"] for k in listed}
    assert all("secret" not in k for k in listed)


def test_a_key_for_an_unknown_role_is_422(api: Api) -> None:
    response = api.post("/api/v1/api-keys", {"name": "x", "mode": "test", "role": "wizard"})
    assert response.status_code == 422
    assert response.json()["details"][0]["field"] == "/role"


def test_an_expired_key_is_401(api: Api, clock: ManualClock) -> None:
    expires = "2026-11-18T00:00:00Z"  # the manual clock starts on 2026-11-18T...
    key = api.post("/api/v1/api-keys", {"name": "soon", "mode": "test", "expiresAt": "2099-01-01T00:00:00Z"}).json()
    assert api.as_key(key["secret"]).get("/api/v1/customers").status_code == 200
    stale = api.post("/api/v1/api-keys", {"name": "old", "mode": "test", "expiresAt": expires}).json()
    response = api.as_key(stale["secret"]).get("/api/v1/customers")
    assert response.status_code == 401
    assert "expired" in response.json()["message"]


def test_last_used_is_recorded(api: Api) -> None:
    key = api.post("/api/v1/api-keys", {"name": "used", "mode": "test"}).json()
    api.as_key(key["secret"]).get("/api/v1/customers")
    listed = {k["id"]: k for k in api.get("/api/v1/api-keys").json()["data"]}
    assert listed[key["id"]]["lastUsedAt"] is not None


def test_the_environment_adds_an_owner_key(clock: ManualClock) -> None:
    space = "11111111-2222-4333-8444-555555555555"
    config = MockConfig.from_env({"FASTN_API_KEY": "fsk_live_from_env", "FASTN_SPACE_ID": space})
    with TestClient(create_app(config, clock=clock), base_url="http://mock") as client:
        api = Api(client, "fsk_live_from_env")
        assert api.get("/api/v1/customers", headers={"x-fastn-space-id": space}).status_code == 200
        assert api.post("/api/v1/secrets", {"name": "S", "value": "v"}).status_code == 201
        # The documented test key still works, in its own workspace.
        assert api.as_key(DEFAULT_API_KEY).get("/api/v1/secrets").json()["data"] == []
