"""Hand-written behaviour: executions, invitations, billing usage, the audit log, AI chat and builds."""

from __future__ import annotations

import pytest
from fastn_mock import OTHER_API_KEY, VIEWER_API_KEY, ManualClock

from .mock_testkit import Api


def run(api: Api, workflow_id: str, run_input: dict[str, object] | None = None) -> dict[str, object]:
    response = api.post(f"/api/v1/workflows/{workflow_id}/run", {"input": run_input or {}})
    assert response.status_code == 202, response.text
    assert response.headers["Location"] == f"/api/v1/executions/{response.json()['id']}"
    return dict(response.json())


def poll(api: Api, execution_id: object) -> dict[str, object]:
    response = api.get(f"/api/v1/executions/{execution_id}")
    assert response.status_code == 200
    return dict(response.json())


def test_an_execution_moves_on_with_each_poll(api: Api) -> None:
    workflow = api.make_workflow()
    execution = run(api, workflow["id"], {"since": "2026-11-01"})
    assert execution["status"] == "pending"
    assert execution["tier"] == "standard"
    assert execution["workflowVersion"] == "v1"
    running = poll(api, execution["id"])
    assert running["status"] == "running"
    assert running["startedAt"] is not None
    assert running["completedAt"] is None
    done = poll(api, execution["id"])
    assert done["status"] == "completed"
    assert done["result"] == {"echo": {"since": "2026-11-01"}}
    steps = done["steps"]
    assert isinstance(steps, list)
    assert [step["status"] for step in steps] == ["completed", "completed"]
    assert done["durationMs"] is not None
    assert poll(api, execution["id"]) == done  # final states are final


def test_an_execution_moves_on_as_time_passes(api: Api, clock: ManualClock) -> None:
    workflow = api.make_workflow()
    execution = run(api, workflow["id"])
    listed = api.get("/api/v1/executions").json()["data"]
    assert listed[0]["status"] == "pending"
    clock.advance(1.0)
    assert api.get("/api/v1/executions").json()["data"][0]["status"] == "running"
    clock.advance(1.0)
    done = api.get("/api/v1/executions").json()["data"][0]
    assert done["status"] == "completed"
    assert done["durationMs"] == 1000
    assert poll(api, execution["id"])["status"] == "completed"


def test_a_long_wait_jumps_straight_to_the_end(api: Api, clock: ManualClock) -> None:
    execution = run(api, api.make_workflow()["id"])
    clock.advance(3600)
    done = poll(api, execution["id"])
    assert done["status"] == "completed"
    assert done["durationMs"] == 1000  # it ran one step-time, not the hour nobody looked


@pytest.mark.parametrize("outcome", ["failed", "timed_out", "cancelled"])
def test_a_run_can_be_told_how_to_end(api: Api, outcome: str) -> None:
    execution = run(api, api.make_workflow()["id"], {"simulate": outcome})
    poll(api, execution["id"])
    done = poll(api, execution["id"])
    assert done["status"] == outcome
    assert done["result"] is None
    assert (done["error"] is None) == (outcome == "cancelled")


def test_execution_ids_are_opaque_strings_like_the_sdks(api: Api) -> None:
    execution = run(api, api.make_workflow()["id"])
    assert str(execution["id"]).startswith("run_")  # not a UUID: clients must not parse ids
    assert poll(api, execution["id"])["id"] == execution["id"]


def test_an_instant_run_answers_200_with_what_the_flow_returns(api: Api) -> None:
    workflow = api.make_workflow(executionTier="instant")
    response = api.post(f"/api/v1/workflows/{workflow['id']}/run", {"input": {"since": "2026-11-01"}})
    assert response.status_code == 200
    assert response.json() == {"echo": {"since": "2026-11-01"}}
    assert "Location" not in response.headers
    (execution,) = api.get("/api/v1/executions").json()["data"]
    assert (execution["status"], execution["tier"]) == ("completed", "instant")


def test_an_instant_run_that_times_out_is_408_and_a_failing_step_is_the_docs_400(api: Api) -> None:
    workflow = api.make_workflow(executionTier="instant")
    timed_out = api.post(f"/api/v1/workflows/{workflow['id']}/run", {"input": {"simulate": "timed_out"}})
    assert (timed_out.status_code, timed_out.json()["code"]) == (408, "TIMED_OUT")
    failed = api.post(f"/api/v1/workflows/{workflow['id']}/run", {"input": {"simulate": "failed"}})
    assert failed.status_code == 400
    body = failed.json()
    assert body["code"] == "DATASOURCE_CONNECTION_ERROR"
    assert body["isCustomAuthError"] is False
    assert body["datasourceDebug"]["jsonObject"] == {"ok": False, "error": "simulated_failure"}


def test_a_running_execution_can_be_cancelled_once(api: Api) -> None:
    execution = run(api, api.make_workflow()["id"])
    cancelled = api.post(f"/api/v1/executions/{execution['id']}/cancel", None)
    assert cancelled.status_code == 200
    body = cancelled.json()
    assert body["status"] == "cancelled"
    assert body["completedAt"] is not None
    assert [step["status"] for step in body["steps"]] == ["completed", "skipped"]
    assert poll(api, execution["id"])["status"] == "cancelled"
    again = api.post(f"/api/v1/executions/{execution['id']}/cancel", None)
    assert (again.status_code, again.json()["code"]) == (409, "CONFLICT")
    assert api.post("/api/v1/executions/run_missing/cancel", None).status_code == 404


def test_a_finished_execution_cannot_be_cancelled(api: Api) -> None:
    execution = run(api, api.make_workflow()["id"])
    poll(api, execution["id"])
    assert poll(api, execution["id"])["status"] == "completed"
    assert api.post(f"/api/v1/executions/{execution['id']}/cancel", None).status_code == 409


def test_an_inactive_workflow_cannot_run(api: Api) -> None:
    workflow = api.make_workflow(status="inactive")
    response = api.post(f"/api/v1/workflows/{workflow['id']}/run", {"input": {}})
    assert response.status_code == 409
    assert response.json()["code"] == "CONFLICT"


def test_a_run_needs_an_existing_workflow(api: Api) -> None:
    assert api.post("/api/v1/workflows/c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f/run", {}).status_code == 404


def test_executions_are_listed_newest_first_and_filtered(api: Api) -> None:
    first, second = api.make_workflow("first"), api.make_workflow("second")
    a = run(api, first["id"])
    b = run(api, second["id"], {"simulate": "failed"})
    c = run(api, first["id"])
    assert [e["id"] for e in api.get("/api/v1/executions").json()["data"]] == [c["id"], b["id"], a["id"]]
    only_first = api.get("/api/v1/executions", params={"workflowId": first["id"]}).json()["data"]
    assert [e["id"] for e in only_first] == [c["id"], a["id"]]
    for _ in range(2):
        poll(api, b["id"])
    failed = api.get("/api/v1/executions", params={"status": "failed"}).json()["data"]
    assert [e["id"] for e in failed] == [b["id"]]
    assert api.get("/api/v1/executions", params={"status": "exploded"}).status_code == 400


def test_inviting_a_user(api: Api) -> None:
    response = api.post("/api/v1/users/invite", {"email": "dana@acme.example", "role": "developer", "teams": ["core"]})
    assert response.status_code == 201
    user = response.json()
    assert (user["status"], user["name"], user["lastActiveAt"], user["teams"]) == ("invited", None, None, ["core"])
    emails = [u["email"] for u in api.get("/api/v1/users").json()["data"]]
    assert emails == ["owner@example.com", "dana@acme.example"]
    again = api.post("/api/v1/users/invite", {"email": "dana@acme.example", "role": "viewer"})
    assert again.status_code == 409
    unknown_role = api.post("/api/v1/users/invite", {"email": "eve@acme.example", "role": "nobody"})
    assert unknown_role.status_code == 422
    assert unknown_role.json()["details"][0]["field"] == "/role"


def test_usage_counts_the_calls_made(api: Api) -> None:
    for _ in range(4):
        api.get("/api/v1/customers")
    api.get("/api/v1/customers", params={"limit": 0})  # a refused call is still a call
    api.as_key("fsk_test_unknown").get("/api/v1/customers")  # an unauthenticated one is not
    api.as_key(OTHER_API_KEY).get("/api/v1/customers")  # another workspace's is not ours
    usage = api.get("/api/v1/billing/usage").json()
    metrics = {m["metric"]: m for m in usage["metrics"]}
    assert metrics["api_calls"]["used"] == 6  # the five above and this one
    assert metrics["api_calls"]["percentUsed"] == round(100 * 6 / 1_000_000, 4)
    run(api, api.make_workflow()["id"])
    assert {m["metric"]: m["used"] for m in api.get("/api/v1/billing/usage").json()["metrics"]}[
        "workflow_executions"
    ] == 1


def test_billing_reports_the_rate_limit_in_force(api: Api) -> None:
    assert api.get("/api/v1/billing").json()["rateLimitPerMinute"] == 10_000
    quotas = api.get("/api/v1/billing/quotas").json()["data"]
    assert {
        "metric": "api_calls",
        "limit": 10_000,
        "period": "minute",
        "planDefault": 600,
        "enforcement": "hard",
    } in quotas


def test_every_mutation_is_audited(api: Api) -> None:
    customer = api.make_customer()
    api.put(f"/api/v1/customers/{customer['id']}", {"revision": 1, "name": "New"})
    api.put(f"/api/v1/customers/{customer['id']}", {"revision": 1, "name": "Stale"})
    api.delete(f"/api/v1/customers/{customer['id']}")
    api.as_key(VIEWER_API_KEY).post("/api/v1/customers", {"name": "x", "slug": "x", "adminEmail": "x@x.example"})
    api.get("/api/v1/customers")  # reads are not audited
    events = api.get("/api/v1/audit").json()["data"]
    assert [(e["action"], e["outcome"]) for e in events] == [
        ("customer.create", "denied"),
        ("customer.delete", "success"),
        ("customer.update", "failure"),
        ("customer.update", "success"),
        ("customer.create", "success"),
    ]
    assert events[-1]["resource"] == {"type": "customer", "id": customer["id"]}
    assert events[-1]["actor"]["type"] == "service_account"
    assert events[0]["actor"]["name"] == "Mock viewer key"
    assert all(e["requestId"].startswith("req_") for e in events)


def test_the_audit_log_filters(api: Api, clock: ManualClock) -> None:
    api.make_customer()
    clock.advance(60)  # the clock starts at 2026-11-18T11:06:40Z
    workflow = api.make_workflow()
    run(api, workflow["id"])
    api.as_key(VIEWER_API_KEY).delete(f"/api/v1/workflows/{workflow['id']}")

    def actions(**params: object) -> list[str]:
        response = api.get("/api/v1/audit", params=params)
        assert response.status_code == 200
        return [e["action"] for e in response.json()["data"]]

    assert actions(action="workflow.run") == ["workflow.run"]
    assert actions(outcome="denied") == ["workflow.delete"]
    assert actions(resourceType="customer") == ["customer.create"]
    assert actions(to="2026-11-18T11:07:00Z") == ["customer.create"]
    assert "customer.create" not in actions(**{"from": "2026-11-18T11:07:00Z"})
    assert actions(actorType="system") == []
    viewer_key_id = next(k["id"] for k in api.get("/api/v1/api-keys").json()["data"] if k["role"] == "viewer")
    assert actions(actorId=viewer_key_id) == ["workflow.delete"]


@pytest.mark.parametrize(
    "moment", ["2024-12-31T23:59:60Z", "0001-01-01T00:00:00+23:59", "2026-11-18t11:07:00.123456789z"]
)
def test_any_rfc3339_time_is_a_valid_filter(api: Api, moment: str) -> None:
    assert api.get("/api/v1/audit", params={"from": moment, "to": moment}).status_code == 200


def test_finished_executions_are_audited_by_the_system(api: Api) -> None:
    execution = run(api, api.make_workflow()["id"], {"simulate": "failed"})
    poll(api, execution["id"])
    poll(api, execution["id"])
    events = api.get("/api/v1/audit", params={"actorType": "system"}).json()["data"]
    assert [(e["action"], e["outcome"], e["resource"]["id"]) for e in events] == [
        ("workflow.execute.failed", "failure", execution["id"])
    ]


def test_chat_sessions_continue_and_unknown_ones_are_422(api: Api) -> None:
    first = api.post("/api/v1/ai/chat", {"message": "How many workflows?"}).json()
    assert "turn 1" in first["reply"]
    second = api.post("/api/v1/ai/chat", {"message": "And now?", "sessionId": first["sessionId"]}).json()
    assert second["sessionId"] == first["sessionId"]
    assert "turn 2" in second["reply"]
    unknown = api.post("/api/v1/ai/chat", {"message": "hi", "sessionId": "5a6b7c8d-9e0f-4a1b-8c2d-e3f4a5b6c7d8"})
    assert unknown.status_code == 422
    assert unknown.json()["details"][0]["field"] == "/sessionId"
    assert (
        api.as_key(OTHER_API_KEY).post("/api/v1/ai/chat", {"message": "x", "sessionId": first["sessionId"]}).status_code
        == 422
    )


@pytest.mark.parametrize("kind", ["workflow", "connector"])
def test_a_build_follows_the_docs_lifecycle_and_waits_for_the_caller(api: Api, kind: str) -> None:
    started = api.post("/api/v1/ai/build", {"kind": kind, "prompt": "Post new leads to Slack", "name": "Lead alerts"})
    assert started.status_code == 202
    job = started.json()
    build = f"/api/v1/ai/build/{job['id']}"
    assert job["status"] == "PLANNING"
    assert started.headers["Location"] == build
    assert api.post(f"{build}/deploy", None).status_code == 409  # not generated yet
    planned = [api.get(build).json()["status"] for _ in range(3)]
    assert planned == ["PLANNED", "PLANNED", "PLANNED"]  # PLANNED waits for the caller
    generating = api.post(f"{build}/generate", None)
    assert (generating.status_code, generating.json()["status"]) == (202, "GENERATING")
    assert generating.headers["Location"] == build
    assert generating.json()["resourceId"] is None
    assert api.post(f"{build}/generate", None).status_code == 409  # only a PLANNED build
    generated = [api.get(build).json() for _ in range(3)]
    assert [g["status"] for g in generated] == ["GENERATED", "GENERATED", "GENERATED"]  # waits again
    resource = api.get(f"/api/v1/{kind}s/{generated[0]['resourceId']}").json()
    assert resource["name"] == "Lead alerts"
    deployed = api.post(f"{build}/deploy", None)
    assert (deployed.status_code, deployed.json()["status"]) == (200, "DEPLOYED")
    assert api.get(build).json()["status"] == "DEPLOYED"  # final
    assert api.post(f"{build}/deploy", None).status_code == 409
    if kind == "connector":
        assert api.get(f"/api/v1/{kind}s/{generated[0]['resourceId']}").json()["deployed"] is True


def test_a_build_can_be_told_to_fail(api: Api) -> None:
    job = api.post("/api/v1/ai/build", {"kind": "workflow", "prompt": "break [mock:fail]"}).json()
    assert api.get(f"/api/v1/ai/build/{job['id']}").json()["status"] == "PLANNED"
    assert api.post(f"/api/v1/ai/build/{job['id']}/generate", None).json()["status"] == "GENERATING"
    statuses = [api.get(f"/api/v1/ai/build/{job['id']}").json() for _ in range(2)]
    assert [s["status"] for s in statuses] == ["FAILED", "FAILED"]
    assert statuses[-1]["error"]["code"] == "BUILD_FAILED"
    assert api.get("/api/v1/workflows").json()["data"] == []


def test_a_build_whose_result_cannot_be_stored_fails_instead_of_the_poll(api: Api) -> None:
    job = api.post("/api/v1/ai/build", {"kind": "workflow", "prompt": "x", "name": "Lead alerts"}).json()
    api.make_workflow(f"lead-alerts-{job['id'][:8]}")  # takes the slug the build would give its workflow
    assert api.get(f"/api/v1/ai/build/{job['id']}").json()["status"] == "PLANNED"
    api.post(f"/api/v1/ai/build/{job['id']}/generate", None)
    statuses = [api.get(f"/api/v1/ai/build/{job['id']}").json() for _ in range(2)]
    assert [s["status"] for s in statuses] == ["FAILED", "FAILED"]
    assert "already exists" in statuses[-1]["error"]["message"]


def test_audit_events_name_the_resource_acted_on(api: Api) -> None:
    """A create names what it created (the AI builder's own create is a separate event); a step on a
    path item names that item, typed as the operation says, whether it succeeds or not."""
    job = api.post("/api/v1/ai/build", {"kind": "workflow", "prompt": "x", "name": "Audited"}).json()
    build = f"/api/v1/ai/build/{job['id']}"
    api.as_key(VIEWER_API_KEY).post(f"{build}/generate", None)  # denied
    api.get(build)
    api.post(f"{build}/generate", None)
    generated = api.get(build).json()  # the builder creates the workflow during this poll
    api.post(f"{build}/generate", None)  # 409: not PLANNED any more
    api.post("/api/v1/ai/build/nope/deploy", None)  # 404
    execution = run(api, api.make_workflow()["id"])
    api.post(f"/api/v1/executions/{execution['id']}/cancel", None)
    api.post(f"/api/v1/executions/{execution['id']}/cancel", None)  # 409: already cancelled
    events = api.get("/api/v1/audit", params={"limit": 100}).json()["data"]
    trail = [(e["action"], e["outcome"], e["resource"]) for e in reversed(events) if e["actor"]["type"] != "system"]
    assert trail[:6] == [
        ("ai.build", "success", {"type": "build", "id": job["id"]}),
        ("ai.build.generate", "denied", {"type": "build", "id": job["id"]}),
        ("ai.build.generate", "success", {"type": "build", "id": job["id"]}),
        ("workflow.create", "success", {"type": "workflow", "id": generated["resourceId"]}),
        ("ai.build.generate", "failure", {"type": "build", "id": job["id"]}),
        ("ai.build.deploy", "failure", {"type": "build", "id": "nope"}),
    ]
    assert trail[-3][:2] == ("workflow.run", "success")
    assert trail[-2] == ("workflow.execute.cancel", "success", {"type": "execution", "id": execution["id"]})
    assert trail[-1] == ("workflow.execute.cancel", "failure", {"type": "execution", "id": execution["id"]})
    assert [e["actor"]["id"] for e in events if e["resource"]["id"] == generated["resourceId"]] == ["ai-builder"]
