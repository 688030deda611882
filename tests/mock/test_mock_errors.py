"""Error answers: statuses, the one `Error` body, and the catch-all for the mock's own bugs."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

import pytest
from fastn_mock import MockApp

from .mock_testkit import Api, TestClient

CUSTOMER = {"name": "Acme", "slug": "acme", "adminEmail": "it@acme.example"}
UNKNOWN_ID = "3f1c2a9e-8b4d-4e2f-9a61-0c5d7e8f9a10"


def test_unknown_paths_are_404(api: Api) -> None:
    for path in ["/", "/api/v1", "/api/v1/nothing", "/api/v1/customers/", "/api/v2/customers", "/api/v1/customers/a/b"]:
        response = api.get(path)
        assert response.status_code == 404, path
        assert response.json()["code"] == "NOT_FOUND"


def test_unknown_ids_are_404(api: Api) -> None:
    for path in ["customers", "connectors", "workflows", "triggers", "executions", "ai/build"]:
        response = api.get(f"/api/v1/{path}/{UNKNOWN_ID}")
        assert response.status_code == 404, path
    assert api.delete(f"/api/v1/secrets/{UNKNOWN_ID}").status_code == 404
    assert api.put(f"/api/v1/customers/{UNKNOWN_ID}", {"revision": 1}).status_code == 404


def test_a_malformed_id_is_400(api: Api) -> None:
    response = api.get("/api/v1/customers/not-a-uuid")
    assert response.status_code == 400
    assert response.json()["details"] == [
        {"field": "path.customerId", "message": "'not-a-uuid' is not a 'uuid'", "code": "format"}
    ]


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("PATCH", "/api/v1/customers", "GET, POST"),
        ("DELETE", "/api/v1/customers", "GET, POST"),
        ("POST", f"/api/v1/customers/{UNKNOWN_ID}", "GET, PUT, DELETE"),
        ("GET", f"/api/v1/workflows/{UNKNOWN_ID}/run", "POST"),
        ("OPTIONS", "/api/v1/billing", "GET"),
        ("TRACE", "/api/v1/audit", "GET"),
    ],
)
def test_a_method_the_path_lacks_is_405_with_allow(api: Api, method: str, path: str, allow: str) -> None:
    response = api.call(method, path)
    assert response.status_code == 405
    assert response.headers["Allow"] == allow
    assert response.json()["code"] == "METHOD_NOT_ALLOWED"


def test_malformed_json_is_400(api: Api) -> None:
    for raw in [b"{", b"{'name': 1}", b"[1,]", b'{"a": NaN}', b'{"a": Infinity}', b'{"a": 1e999}', b"\xef\xbb\xbf{}"]:
        response = api.post("/api/v1/customers", content=raw, headers={"content-type": "application/json"})
        assert response.status_code == 400, raw
        assert response.json()["code"] == "BAD_REQUEST"


def test_invalid_utf8_is_400(api: Api) -> None:
    response = api.post("/api/v1/customers", content=b'{"name": "\xff"}', headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert "UTF-8" in response.json()["message"]


def test_a_lone_surrogate_is_400(api: Api) -> None:
    body = b'{"name": "\\ud800", "slug": "x", "adminEmail": "a@b.example"}'
    response = api.post("/api/v1/customers", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert "surrogate" in response.json()["message"]


def test_deeply_nested_json_is_400_not_500(api: Api) -> None:
    workflow = api.make_workflow()
    deep = b'{"input": ' + b'{"a": ' * 100_000 + b"1" + b"}" * 100_001
    response = api.post(
        f"/api/v1/workflows/{workflow['id']}/run", content=deep, headers={"content-type": "application/json"}
    )
    assert response.status_code == 400


def test_a_missing_body_is_400(api: Api) -> None:
    response = api.post("/api/v1/customers", content=b"", headers={"content-type": "application/json"})
    assert response.status_code == 400


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", "application/jsonx", ""])
def test_a_body_that_is_not_json_is_415(api: Api, content_type: str) -> None:
    headers = {"content-type": content_type} if content_type else {}
    response = api.post("/api/v1/customers", content=json.dumps(CUSTOMER).encode(), headers=headers)
    assert response.status_code == 415
    assert response.json()["code"] == "UNSUPPORTED_MEDIA_TYPE"


def test_json_with_a_charset_is_fine(api: Api) -> None:
    headers = {"content-type": "application/json; charset=utf-8"}
    assert api.post("/api/v1/customers", content=json.dumps(CUSTOMER).encode(), headers=headers).status_code == 201


def test_an_oversized_body_is_413(api: Api) -> None:
    big = {**CUSTOMER, "name": "x" * (1024 * 1024)}
    response = api.post("/api/v1/customers", big)
    assert response.status_code == 413
    assert response.json()["code"] == "PAYLOAD_TOO_LARGE"


def test_an_oversized_body_without_a_length_is_413(api: Api) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(20):
            yield b"x" * 65536

    response = api.client.post(
        "/api/v1/customers",
        content=chunks(),
        headers={"x-fastn-api-key": api.key or "", "content-type": "application/json"},
    )
    assert response.status_code == 413


@pytest.mark.parametrize(
    ("body", "field", "code"),
    [
        ({**CUSTOMER, "tier": "gold"}, "/tier", "additionalProperties"),
        ({"name": "Acme", "slug": "acme"}, "/adminEmail", "required"),
        ({**CUSTOMER, "slug": "Not A Slug"}, "/slug", "pattern"),
        ({**CUSTOMER, "slug": "acme\n"}, "/slug", "pattern"),
        ({**CUSTOMER, "adminEmail": "not-an-email"}, "/adminEmail", "format"),
        ({**CUSTOMER, "plan": "platinum"}, "/plan", "enum"),
        ({**CUSTOMER, "name": 5}, "/name", "type"),
        ([CUSTOMER], "/", "type"),
    ],
)
def test_an_invalid_body_is_422_with_the_field(api: Api, body: object, field: str, code: str) -> None:
    response = api.post("/api/v1/customers", body)
    assert response.status_code == 422
    error = response.json()
    assert error["code"] == "VALIDATION_ERROR"
    assert {"field": field, "code": code} in [{"field": d["field"], "code": d["code"]} for d in error["details"]]


def test_read_only_fields_may_not_be_sent(api: Api) -> None:
    customer = api.make_customer()
    response = api.put(f"/api/v1/customers/{customer['id']}", {"revision": 1, "slug": "renamed"})
    assert response.status_code == 422  # slug cannot change: not in CustomerUpdate
    assert response.json()["details"][0]["field"] == "/slug"


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"limit": 0}, "query.limit"),
        ({"limit": 101}, "query.limit"),
        ({"limit": "ten"}, "query.limit"),
        ({"limit": "٣"}, "query.limit"),
        ({"cursor": ""}, "query.cursor"),
        ({"cursor": "x" * 513}, "query.cursor"),
        ({"cursor": "not-issued"}, "query.cursor"),
        ({"limit": [1, 2]}, "query.limit"),
    ],
)
def test_bad_parameters_are_400(api: Api, params: dict[str, object], field: str) -> None:
    response = api.get("/api/v1/customers", params=params)
    assert response.status_code == 400
    assert response.json()["details"][0]["field"] == field


def test_every_error_carries_a_request_id(api: Api) -> None:
    response = api.get("/api/v1/nothing")
    assert response.json()["requestId"] == response.headers["X-Request-Id"]


def test_a_bug_becomes_a_logged_spec_shaped_500(
    api: Api, app: MockApp, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(ctx: object) -> object:
        raise RuntimeError("the mock has a bug")

    monkeypatch.setattr(app.crud, "list", broken)
    with caplog.at_level(logging.ERROR, logger="fastn_mock"):
        response = api.get("/api/v1/customers")
    assert response.status_code == 500
    assert response.json()["code"] == "INTERNAL_ERROR"
    assert "the mock has a bug" not in response.text
    assert any("the mock has a bug" in str(record.exc_info[1]) for record in caplog.records if record.exc_info)
    assert response.json()["requestId"] in caplog.text


def test_strict_mode_turns_an_off_spec_answer_into_a_500(
    api: Api, app: MockApp, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from fastn_mock._context import Result  # the internal result type is what a broken handler would return

    monkeypatch.setattr(app.crud, "list", lambda ctx: Result(200, {"data": "not a list"}))
    with caplog.at_level(logging.ERROR, logger="fastn_mock"):
        response = api.get("/api/v1/customers")
    assert response.status_code == 500
    assert "broke the spec" in response.json()["message"]
    assert "listCustomers answered outside its spec" in caplog.text


def test_admin_routes_answer_errors_with_the_error_body(client: TestClient) -> None:
    assert client.get("/_mock/nothing").status_code == 404
    response = client.put("/_mock/reset")
    assert response.status_code == 405
    assert response.headers["Allow"] == "POST"
    assert response.json()["code"] == "METHOD_NOT_ALLOWED"
