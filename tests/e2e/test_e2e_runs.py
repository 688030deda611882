"""Runs and builds: an instant run (200 with the flow's body), a queued run (202 + Location,
polled, or cancelled) and an AI build (polled, and moved on by the caller where it waits).

The mock advances an execution or a build one stage per poll (its clock never moves here), so
each story knows exactly which statuses it should see, and a bounded number of polls suffices.
"""

from __future__ import annotations

from collections.abc import Mapping
from http import HTTPStatus
from typing import Any
from urllib.parse import urlsplit

import pytest
from fastn_client import AuthenticatedClient, ConflictError
from fastn_client.api.ai import deploy_ai_build, generate_ai_build, get_ai_build, start_ai_build
from fastn_client.api.audit import query_audit_log
from fastn_client.api.connectors import get_connector
from fastn_client.api.executions import cancel_execution, get_execution, list_executions
from fastn_client.api.workflows import create_workflow, get_workflow, run_workflow
from fastn_client.models.build_job import BuildJob
from fastn_client.models.build_kind import BuildKind
from fastn_client.models.build_request import BuildRequest
from fastn_client.models.execution import Execution
from fastn_client.models.execution_status import ExecutionStatus
from fastn_client.models.workflow_create import WorkflowCreate
from fastn_client.models.workflow_run_request import WorkflowRunRequest
from fastn_client.models.workflow_run_request_input import WorkflowRunRequestInput

from .e2e_kit import all_items

MAX_POLLS = 10
FINAL_EXECUTION = {"completed", "failed", "timed_out", "cancelled"}
FINAL_BUILD = {"DEPLOYED", "FAILED"}
AWAITS_CALLER = {"PLANNED", "GENERATED"}


def _location_path(headers: Mapping[str, str]) -> str:
    """The path of a ``Location`` header, relative or absolute."""
    return urlsplit(headers["location"]).path


def _start_run(client: AuthenticatedClient, workflow_id: str, run_input: dict[str, Any]) -> Execution:
    """Run a workflow as a user would (detailed, to see the 202 and its Location)."""
    response = run_workflow.sync_detailed(
        workflow_id, client=client, body=WorkflowRunRequest(input_=WorkflowRunRequestInput.from_dict(run_input))
    )
    assert response.status_code == HTTPStatus.ACCEPTED
    execution = response.parsed
    assert isinstance(execution, Execution)
    assert _location_path(response.headers) == f"/api/v1/executions/{execution.id}"
    assert response.rate_limit is not None
    return execution


def _poll_execution(client: AuthenticatedClient, execution: Execution) -> list[Execution]:
    """Poll getExecution until a final status, at most `MAX_POLLS` times; every answer seen."""
    seen = [execution]
    for _ in range(MAX_POLLS):
        if seen[-1].status in FINAL_EXECUTION:
            return seen
        seen.append(get_execution.sync(execution.id, client=client))
    raise AssertionError(f"execution still {seen[-1].status} after {MAX_POLLS} polls")


def test_workflow_run_is_polled_to_completion(client: AuthenticatedClient) -> None:
    """A user runs a workflow: the answer is 202 with a pending execution and its Location; polling
    getExecution shows it pending, running, then completed with a result; listExecutions
    filtered by workflow and status finds it, and only it."""
    workflow = create_workflow.sync(client=client, body=WorkflowCreate(name="Sync contacts", slug="sync-contacts"))
    other = create_workflow.sync(client=client, body=WorkflowCreate(name="Other", slug="other"))
    execution = _start_run(client, workflow.id, {"contact": "ada@example.com"})
    assert (execution.status, execution.workflow_id, execution.triggered_by) == ("pending", workflow.id, "manual")
    assert execution.input_.to_dict() == {"contact": "ada@example.com"}
    _poll_execution(client, _start_run(client, other.id, {}))

    seen = _poll_execution(client, execution)

    assert [step.status for step in seen] == ["pending", "running", "completed"]
    done = seen[-1]
    assert done.id == execution.id
    assert done.completed_at is not None and done.started_at is not None
    assert done.error is None and done.result is not None
    assert done.duration_ms is not None and done.duration_ms >= 0

    found = all_items(list_executions.sync, client, workflow_id=workflow.id, status="completed")
    assert [item.id for item in found] == [execution.id]
    assert all_items(list_executions.sync, client, workflow_id=workflow.id, status="running") == []
    assert {item.workflow_id for item in all_items(list_executions.sync, client)} == {workflow.id, other.id}


@pytest.mark.parametrize("outcome", ["failed", "timed_out", "cancelled"])
def test_workflow_run_ends_badly_as_asked(client: AuthenticatedClient, outcome: ExecutionStatus) -> None:
    """A user runs a workflow whose run fails, times out or is cancelled: polling ends in that
    status (with the error that says why, once failed or timed out), and the execution is listed
    under it."""
    workflow = create_workflow.sync(client=client, body=WorkflowCreate(name="Flaky", slug="flaky"))

    seen = _poll_execution(client, _start_run(client, workflow.id, {"simulate": outcome}))

    assert seen[-1].status == outcome
    if outcome != "cancelled":
        assert seen[-1].error is not None
    found = all_items(list_executions.sync, client, workflow_id=workflow.id, status=outcome)
    assert [item.id for item in found] == [seen[-1].id]


def test_instant_run_returns_what_the_flow_returns(client: AuthenticatedClient) -> None:
    """A user runs an instant-tier workflow: the answer is 200 with the flow's own body (here the
    mock's echo of the input), returned as plain JSON; it is listed as a completed execution."""
    workflow = create_workflow.sync(
        client=client, body=WorkflowCreate(name="Lookup", slug="lookup", execution_tier="instant")
    )
    body = WorkflowRunRequest(input_=WorkflowRunRequestInput.from_dict({"sku": "A-1"}))

    result = run_workflow.sync(workflow.id, client=client, body=body)

    assert result == {"echo": {"sku": "A-1"}}
    (execution,) = all_items(list_executions.sync, client, workflow_id=workflow.id)
    assert (execution.status, execution.tier) == ("completed", "instant")


def test_running_execution_is_cancelled(client: AuthenticatedClient) -> None:
    """A user cancels a run that has not finished: it ends cancelled at once, and cancelling it
    again is 409 (it is final)."""
    workflow = create_workflow.sync(client=client, body=WorkflowCreate(name="Slow", slug="slow"))
    execution = _start_run(client, workflow.id, {})
    assert str(execution.id).startswith("run_")  # the mock's ids are not UUIDs, like the SDK's examples

    cancelled = cancel_execution.sync(execution.id, client=client)

    assert (cancelled.id, cancelled.status) == (execution.id, "cancelled")
    assert get_execution.sync(execution.id, client=client).status == "cancelled"
    with pytest.raises(ConflictError):
        cancel_execution.sync(execution.id, client=client)


def test_inactive_workflow_cannot_run(client: AuthenticatedClient) -> None:
    """A user running an inactive workflow gets 409 and no execution is created."""
    workflow = create_workflow.sync(client=client, body=WorkflowCreate(name="Paused", slug="paused", status="inactive"))
    with pytest.raises(ConflictError):
        run_workflow.sync(workflow.id, client=client, body=WorkflowRunRequest())
    assert all_items(list_executions.sync, client, workflow_id=workflow.id) == []


def test_finished_run_is_audited_by_the_system(client: AuthenticatedClient) -> None:
    """After a run finishes, the audit log shows the user's run and the system's final event."""
    workflow = create_workflow.sync(client=client, body=WorkflowCreate(name="Audited", slug="audited"))
    _poll_execution(client, _start_run(client, workflow.id, {}))

    runs = query_audit_log.sync(client=client, action="workflow.run").data
    assert [(event.resource.id, event.actor.type_) for event in runs] == [(str(workflow.id), "service_account")]
    assert query_audit_log.sync(client=client, actor_type="system").data != []


def _poll_build(client: AuthenticatedClient, build: BuildJob) -> list[BuildJob]:
    """Drive a build as the docs describe: poll getAiBuild while it works, generate it once
    PLANNED, deploy it once GENERATED, until a final status; every answer seen."""
    seen = [build]
    for _ in range(MAX_POLLS):
        status = seen[-1].status
        if status in FINAL_BUILD:
            return seen
        if status == "PLANNED":
            seen.append(generate_ai_build.sync(build.id, client=client))
        elif status == "GENERATED":
            seen.append(deploy_ai_build.sync(build.id, client=client))
        else:
            seen.append(get_ai_build.sync(build.id, client=client))
    raise AssertionError(f"build still {seen[-1].status} after {MAX_POLLS} polls")


def _start_build(client: AuthenticatedClient, body: BuildRequest) -> BuildJob:
    response = start_ai_build.sync_detailed(client=client, body=body)
    assert response.status_code == HTTPStatus.ACCEPTED
    build = response.parsed
    assert isinstance(build, BuildJob)
    assert _location_path(response.headers) == f"/api/v1/ai/build/{build.id}"
    return build


@pytest.mark.parametrize("kind", ["workflow", "connector"])
def test_ai_build_is_polled_to_deployment(client: AuthenticatedClient, kind: BuildKind) -> None:
    """A user asks the AI to build a workflow (or connector): 202 + Location, then polling shows
    PLANNING, PLANNED (then the user generates it), GENERATING, GENERATED (then the user deploys
    it) and DEPLOYED; the built resource then exists. A PLANNED build waits: polling it again
    does not move it on."""
    build = _start_build(client, BuildRequest(kind=kind, prompt="Sync new HubSpot contacts to Slack"))
    assert get_ai_build.sync(build.id, client=client).status == "PLANNED"
    assert get_ai_build.sync(build.id, client=client).status == "PLANNED"

    seen = _poll_build(client, build)

    assert [step.status for step in seen] == ["PLANNING", "PLANNED", "GENERATING", "GENERATED", "DEPLOYED"]
    with pytest.raises(ConflictError):
        deploy_ai_build.sync(build.id, client=client)
    assert seen[0].resource_id is None
    resource_id = seen[-1].resource_id
    assert resource_id is not None and seen[-1].error is None
    getter = get_workflow.sync if kind == "workflow" else get_connector.sync
    assert getter(resource_id, client=client).id == resource_id


def test_ai_build_can_fail(client: AuthenticatedClient) -> None:
    """A build the AI cannot do ends FAILED, with an error and no resource."""
    build = _start_build(client, BuildRequest(kind="workflow", prompt="Do the impossible [mock:fail]"))

    seen = _poll_build(client, build)

    assert seen[-1].status == "FAILED"
    assert seen[-1].error is not None and seen[-1].resource_id is None
