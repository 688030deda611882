"""scripts/sdk_surface.py: the resource client's shape, read from the spec, and the errors that stop generation."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import fastn_spec
import pytest
from sdk_surface import SurfaceError, main, python_name, surface

ROOT = Path(__file__).resolve().parents[2]
SPEC = fastn_spec.load(ROOT / "openapi" / "fastn.yaml")


def _doc(*operations: tuple[str, str, str, dict[str, Any]], tags: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    paths: dict[str, Any] = {}
    for method, path, operation_id, extra in operations:
        paths.setdefault(path, {})[method] = {
            "operationId": operation_id,
            "tags": ["Widgets"],
            "responses": {},
            **extra,
        }
    return {"openapi": "3.1.0", "tags": tags or [{"name": "Widgets"}], "paths": paths}


def test_the_spec_makes_every_resource_the_issue_names() -> None:
    found = surface(SPEC)
    names = [resource.name for resource in found.resources]
    expected = ["customers", "connectors", "connections", "workflows", "triggers", "executions", "users", "roles"]
    assert names == [*expected, "api_keys", "secrets", "billing", "audit", "ai"]
    methods = {(m.resource, m.name) for m in found.methods.values()}
    assert len(methods) == len(found.methods) == len(fastn_spec.operations(SPEC))
    assert {("workflows", "run"), ("users", "invite"), ("api_keys", "revoke"), ("audit", "query")} <= methods
    assert {("billing", "get"), ("billing", "get_quotas"), ("ai", "build"), ("ai", "chat")} <= methods


def test_lists_waiters_and_polls_come_from_the_spec() -> None:
    found = surface(SPEC)
    assert {m.operation_id for m in found.methods.values() if m.pages} == {
        op.id for op in fastn_spec.operations(SPEC) if op.id.startswith("list")
    } | {"queryAuditLog"}
    execution = found.methods["getExecution"]
    assert (execution.waiter, set(execution.done)) == ("wait", {"completed", "failed", "cancelled", "timed_out"})
    build = found.methods["getAiBuild"]
    assert (build.waiter, set(build.done)) == ("wait_build", {"DEPLOYED", "FAILED", "PLANNED", "GENERATED"})
    assert found.methods["runWorkflow"].poll == "getExecution"
    assert {c.name: set(c.values) for c in found.constants} == {
        "EXECUTION_STATUS_FINAL": {"completed", "failed", "cancelled", "timed_out"},
        "BUILD_STATUS_FINAL": {"DEPLOYED", "FAILED"},
        "BUILD_STATUS_AWAITING_CALLER": {"PLANNED", "GENERATED"},
    }


def test_the_jinja_form_is_keyed_as_the_generator_names_endpoints() -> None:
    text = surface(SPEC).to_jinja()
    assert text.startswith("{#-") and '"list_customers": {' in text and '"poll": "get_execution"' in text
    assert "true" not in text and "false" not in text and "null" not in text  # not Jinja literals
    assert python_name("getAiBuild") == "get_ai_build"


def test_two_operations_with_one_method_name_stop_generation() -> None:
    document = _doc(("get", "/a", "getWidget", {}), ("get", "/b", "getWidgetStats", {}))
    with pytest.raises(
        SurfaceError,
        match=r"getWidget and getWidgetStats would both be widgets\.get\(\): give one an x-fastn-sdk-method",
    ):
        surface(document)
    document["paths"]["/b"]["get"]["x-fastn-sdk-method"] = "get_stats"
    assert surface(document).methods["getWidgetStats"].name == "get_stats"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"x-fastn-sdk-method": "Get-It"}, "getWidget: method: 'Get-It' is not a lower-case Python identifier"),
        ({"x-fastn-sdk-method": "class"}, "is not a lower-case Python identifier"),
        ({"x-fastn-sdk-method": "with_options"}, "the method name 'with_options' is the client's own"),
        ({"x-fastn-sdk-resource": "client"}, "the resource name 'client' is the client's own"),
        (
            {"x-fastn-sdk-poll": "getWidget"},
            "x-fastn-sdk-poll names 'getWidget', which is no operation with x-fastn-sdk-waiter",
        ),
        ({"x-fastn-sdk-waiter": "wait"}, "x-fastn-sdk-waiter needs an answer whose `status` is an enumeration"),
    ],
)
def test_an_unsound_surface_names_the_operation(extra: dict[str, Any], message: str) -> None:
    with pytest.raises(SurfaceError, match=message.replace("(", r"\(").replace(")", r"\)")):
        surface(_doc(("get", "/a", "getWidget", extra)))


def test_a_tag_can_name_its_resource_and_an_operation_its_own() -> None:
    tags = [{"name": "Widgets & Gadgets", "x-fastn-sdk-resource": "gadgets"}]
    document = _doc(
        ("get", "/a", "getWidget", {}), ("post", "/a", "createWidget", {"x-fastn-sdk-resource": "widgets"}), tags=tags
    )
    document["paths"]["/a"]["get"]["tags"] = document["paths"]["/a"]["post"]["tags"] = ["Widgets & Gadgets"]
    found = surface(document)
    assert [(m.resource, m.name) for m in found.methods.values()] == [("gadgets", "get"), ("widgets", "create")]
    assert [r.class_name for r in found.resources] == ["GadgetsResource", "WidgetsResource"]


def test_a_waiter_of_a_status_without_final_states_is_refused() -> None:
    document = copy.deepcopy(SPEC)
    del document["components"]["schemas"]["ExecutionStatus"]["x-fastn-final"]
    with pytest.raises(SurfaceError, match="getExecution: x-fastn-sdk-waiter needs"):
        surface(document)


def test_the_command_prints_the_surface_or_the_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 0
    out = capsys.readouterr().out
    assert "workflows.run()  <- runWorkflow (wait=True polls getExecution)" in out
    assert "executions.get()  <- getExecution + wait()" in out
    broken = tmp_path / "spec.yaml"
    broken.write_text(
        "openapi: 3.1.0\npaths:\n  /a:\n    get: {operationId: getA, tags: [A], responses: {}}\n"
        "  /b:\n    get: {operationId: getB, tags: [A], responses: {}}\n"
    )
    assert main([str(broken)]) == 2
    assert "getA and getB would both be a.get()" in capsys.readouterr().err
