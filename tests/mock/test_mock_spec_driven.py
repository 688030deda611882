"""The mock follows the spec it is given: a new CRUD resource works with no code, gaps stop it starting.

Each test writes a tiny inline spec (one `widgets` collection) and serves it.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml
from fastn_mock import DEFAULT_API_KEY, ManualClock, MockConfig, SpecError, create_app

from .mock_testkit import TestClient

HEADERS = {"x-fastn-api-key": DEFAULT_API_KEY}
_ERROR = {"$ref": "#/components/responses/Error"}
_ERRORS = {status: _ERROR for status in ("400", "401", "403", "404", "409", "422", "429", "500")}


def _op(op_id: str, permission: str, success: str, schema: str | None = None, **extra: Any) -> dict[str, Any]:
    response: dict[str, Any] = {"description": "ok"}
    if schema:
        response["content"] = {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}}
    return {
        "operationId": op_id,
        "x-fastn-permission": permission,
        "responses": {success: response, **_ERRORS},
        **extra,
    }


def _body(schema: str) -> dict[str, Any]:
    return {"required": True, "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}}}


ID_PARAM = {"name": "widgetId", "in": "path", "required": True, "schema": {"type": "string", "format": "uuid"}}
PAGE_PARAMS = [
    {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20}},
    {"name": "cursor", "in": "query", "schema": {"type": "string", "minLength": 1}},
]

TINY: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Widgets", "version": "1"},
    "paths": {
        "/api/v1/widgets": {
            "get": _op("listWidgets", "widgets:read", "200", "WidgetList", parameters=PAGE_PARAMS),
            "post": _op("createWidget", "widgets:create", "201", "Widget", requestBody=_body("WidgetCreate")),
        },
        "/api/v1/widgets/{widgetId}": {
            "parameters": [ID_PARAM],
            "get": _op("getWidget", "widgets:read", "200", "Widget"),
            "put": _op("updateWidget", "widgets:update", "200", "Widget", requestBody=_body("WidgetUpdate")),
            "delete": _op("deleteWidget", "widgets:delete", "204"),
        },
    },
    "components": {
        "responses": {
            "Error": {
                "description": "error",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
            }
        },
        "schemas": {
            "Error": {
                "type": "object",
                "required": ["code", "message", "statusCode"],
                "properties": {
                    "code": {"type": "string"},
                    "message": {"type": "string"},
                    "statusCode": {"type": "integer"},
                    "requestId": {"type": "string"},
                    "details": {"type": "array", "items": {"type": "object"}},
                },
            },
            "Widget": {
                "type": "object",
                "x-fastn-unique": ["code"],
                "required": ["id", "code", "colour", "size", "revision", "createdAt", "updatedAt"],
                "properties": {
                    "id": {"type": "string", "format": "uuid", "readOnly": True},
                    "code": {"type": "string", "pattern": "^[A-Z]{3}$"},
                    "colour": {"type": "string", "enum": ["red", "blue"]},
                    "size": {"type": "integer", "minimum": 1},
                    "pin": {"type": "string", "writeOnly": True},
                    "revision": {"type": "integer", "minimum": 1, "readOnly": True},
                    "createdAt": {"type": "string", "format": "date-time", "readOnly": True},
                    "updatedAt": {"type": "string", "format": "date-time", "readOnly": True},
                },
            },
            "WidgetCreate": {
                "type": "object",
                "additionalProperties": False,
                "required": ["code"],
                "properties": {
                    "code": {"type": "string", "pattern": "^[A-Z]{3}$"},
                    "colour": {"type": "string", "enum": ["red", "blue"], "description": "Defaults to `blue`."},
                    "size": {"type": "integer", "minimum": 1, "default": 3},
                    "pin": {"type": "string", "minLength": 4},
                },
            },
            "WidgetUpdate": {
                "type": "object",
                "additionalProperties": False,
                "required": ["revision"],
                "properties": {
                    "revision": {"type": "integer", "minimum": 1},
                    "colour": {"type": "string", "enum": ["red", "blue"]},
                    "size": {"type": "integer", "minimum": 1},
                },
            },
            "WidgetList": {
                "type": "object",
                "required": ["data", "nextCursor"],
                "properties": {
                    "data": {"type": "array", "items": {"$ref": "#/components/schemas/Widget"}},
                    "nextCursor": {"type": ["string", "null"]},
                },
            },
        },
    },
}


def _serve(tmp_path: Path, document: dict[str, Any], clock: ManualClock) -> TestClient:
    path = tmp_path / "spec.yaml"
    path.write_text(yaml.safe_dump(document), encoding="utf-8")
    app = create_app(MockConfig(spec_path=path, validate_responses=True), clock=clock)
    return TestClient(app, base_url="http://mock", headers=HEADERS)


def test_a_new_crud_resource_needs_no_code(tmp_path: Path, clock: ManualClock) -> None:
    with _serve(tmp_path, TINY, clock) as client:
        created = client.post("/api/v1/widgets", json={"code": "ABC", "pin": "1234"})
        assert created.status_code == 201
        widget = created.json()
        assert (widget["colour"], widget["size"], widget["revision"]) == ("blue", 3, 1)
        assert "pin" not in widget  # write-only
        assert client.post("/api/v1/widgets", json={"code": "ABC"}).status_code == 409
        assert client.post("/api/v1/widgets", json={"code": "abc"}).status_code == 422
        assert client.post("/api/v1/widgets", json={"code": "XYZ", "extra": 1}).status_code == 422
        assert client.post("/api/v1/widgets", json={"code": "XYZ", "id": widget["id"]}).status_code == 422
        assert client.get(f"/api/v1/widgets/{widget['id']}").json() == widget
        updated = client.put(f"/api/v1/widgets/{widget['id']}", json={"revision": 1, "size": 9}).json()
        assert (updated["size"], updated["colour"], updated["revision"]) == (9, "blue", 2)
        assert client.put(f"/api/v1/widgets/{widget['id']}", json={"revision": 1}).status_code == 409
        assert client.get("/api/v1/widgets", params={"limit": 1}).json()["nextCursor"] is None
        assert client.patch("/api/v1/widgets").headers["Allow"] == "GET, POST"
        assert client.delete(f"/api/v1/widgets/{widget['id']}").status_code == 204
        assert client.get(f"/api/v1/widgets/{widget['id']}").status_code == 404


def test_an_action_without_a_behaviour_stops_the_mock(tmp_path: Path, clock: ManualClock) -> None:
    document = copy.deepcopy(TINY)
    document["paths"]["/api/v1/widgets/{widgetId}/polish"] = {
        "parameters": [ID_PARAM],
        "post": _op("polishWidget", "widgets:update", "200", "Widget"),
    }
    with pytest.raises(SpecError, match="polishWidget"):
        _serve(tmp_path, document, clock)


def test_a_required_field_with_no_value_stops_the_mock(tmp_path: Path, clock: ManualClock) -> None:
    document = copy.deepcopy(TINY)
    del document["components"]["schemas"]["WidgetCreate"]["properties"]["colour"]["description"]
    document["components"]["schemas"]["Widget"]["properties"]["colour"] = {"type": "string", "pattern": "^[a-z]+$"}
    with pytest.raises(SpecError, match="colour"):
        _serve(tmp_path, document, clock)


def test_an_operation_without_a_permission_stops_the_mock(tmp_path: Path, clock: ManualClock) -> None:
    document = copy.deepcopy(TINY)
    del document["paths"]["/api/v1/widgets"]["get"]["x-fastn-permission"]
    with pytest.raises(SpecError, match="listWidgets"):
        _serve(tmp_path, document, clock)


def test_a_constraint_beside_a_ref_stops_the_mock_naming_the_place(tmp_path: Path, clock: ManualClock) -> None:
    """The generated client would drop it (fastn_spec's rule): the mock must not enforce what the client cannot see."""
    document = copy.deepcopy(TINY)
    document["components"]["schemas"]["Code"] = {"type": "string", "pattern": "^[A-Z]{3}$"}
    document["components"]["schemas"]["WidgetCreate"]["properties"]["code"] = {
        "$ref": "#/components/schemas/Code",
        "maxLength": 3,
    }
    with pytest.raises(SpecError, match="#/components/schemas/WidgetCreate/properties/code: maxLength beside"):
        _serve(tmp_path, document, clock)


def test_a_duplicate_key_stops_the_mock_naming_the_line(tmp_path: Path, clock: ManualClock) -> None:
    """Parsers disagree on which of two equal keys wins; the mock reads the file as every tool here does."""
    path = tmp_path / "spec.yaml"
    text = yaml.safe_dump(TINY)
    path.write_text(text + "info: {title: Again, version: '2'}\n", encoding="utf-8")
    line = text.count("\n") + 1
    with pytest.raises(SpecError, match=f"line {line}: duplicate key 'info'"):
        create_app(MockConfig(spec_path=path), clock=clock)
