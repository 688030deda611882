"""Hand-written behaviour: what plain CRUD over the spec's schemas cannot express.

* collection hooks: a workflow starts at ``v1``; a trigger's type needs its fields and a
  webhook trigger gets a URL; a connection of an OAuth connector starts ``pending`` with an
  expiring ``authUrl``, and belongs to a tenant (a request acting for a tenant sees only that
  tenant's connections); an API key gets a secret (shown once) and must name a known role that
  allows nothing its maker's role does not (no key above its maker);
* actions: running a workflow (an ``instant`` one answers 200 with the flow's result; others
  answer 202 with an execution that moves pending → running → final as it is polled or as
  time passes, and can be cancelled; a run for a tenant is seen only by that tenant and by the
  workspace itself), inviting a user (no role above the inviter's), billing (usage counts real calls), the
  audit log with its filters, AI chat sessions and build jobs (PLANNING → PLANNED per poll,
  then ``generateAiBuild``: GENERATING → GENERATED per poll, then ``deployAiBuild``: DEPLOYED).

Every handler runs under the store lock, synchronously, so each is one atomic state change.
What a handler stores goes through `Workspace.put` / `Workspace.measure`, so the workspace's
count of stored bytes stays true (`_app` refuses a body that would take it past the cap).
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Final

from . import _audit
from ._audit import Subject
from ._auth import grants_from_payload
from ._clock import parse_rfc3339, rfc3339
from ._context import TENANT_HEADER, Ctx, Hooks, Result
from ._crud import Crud, find, page
from ._errors import ApiError, not_found
from ._plan import MONTHLY_QUOTAS, PLAN, RATE_LIMIT_PER_MINUTE
from ._spec import Spec, render
from ._store import Record, key_prefix

Handler = Callable[[Ctx], Result]

SIMULATED_OUTCOMES: Final = ("failed", "timed_out", "cancelled")
"""A run whose input has ``"simulate": <one of these>`` ends that way (else ``completed``)."""
FINAL_EXECUTION_STATES: Final = frozenset({"completed", "failed", "cancelled", "timed_out"})
EXECUTION_ID_PREFIX: Final = "run_"
"""Execution ids look like the SDK's examples (``run_xyz``): ids are opaque strings, not UUIDs."""
FAIL_BUILD_MARKER: Final = "[mock:fail]"
"""A build prompt containing this ends ``FAILED`` instead of ``GENERATED``."""
OAUTH_URL_LIFETIME: Final = 600
"""Seconds the ``authUrl`` of a new OAuth connection stays valid."""
MIB: Final = 1024 * 1024
"""The ``storage_mb`` metric counts mebibytes."""


# --------------------------------------------------------------------------------------------
# Collection hooks


class WorkflowHooks(Hooks):
    """A new workflow is published as ``v1``."""

    assigned = frozenset({"version"})

    def prepare(self, ctx: Ctx, record: Record) -> None:
        record["version"] = "v1"


class TriggerHooks(Hooks):
    """The fields each trigger type needs (stated in `createTrigger`'s description), and webhook URLs."""

    assigned = frozenset({"webhookUrl"})

    def check(self, ctx: Ctx, record: Record) -> None:
        kind = record.get("type")
        if kind == "cron" and record.get("cron") is None and record.get("intervalSeconds") is None:
            raise _rule("/cron", "a cron trigger needs cron or intervalSeconds")
        if kind == "event" and record.get("event") is None:
            raise _rule("/event", "an event trigger needs event")

    def prepare(self, ctx: Ctx, record: Record) -> None:
        if record.get("type") == "webhook":
            record["webhookUrl"] = f"https://hooks.mock.fastn.example/v1/{ctx.ws.id}/{record['id']}"


class ConnectionHooks(Hooks):
    """OAuth connections wait for the end user; others are active at once. A connection belongs to a tenant.

    A request acting for a tenant (``x-fastn-space-tenantid``) creates connections for that tenant
    only (403 for another) and sees only that tenant's connections (any other is 404); the workspace
    itself (no tenant header) sees them all.
    """

    assigned = frozenset({"status", "authUrl", "authUrlExpiresAt", "tenantId"})

    def check(self, ctx: Ctx, record: Record) -> None:
        tenant_id = record.get("tenantId")
        if ctx.tenant is not None and tenant_id and not ctx.tenant.owns(tenant_id):
            raise ApiError(
                403,
                f"The request acts for tenant {ctx.tenant.slug} ({TENANT_HEADER}); it may not create a "
                f"connection for tenant {str(tenant_id)[:128]!r}.",
            )

    def visible(self, ctx: Ctx, record: Record) -> bool:
        return ctx.tenant is None or ctx.tenant.owns(record.get("tenantId"))

    def listed(self, ctx: Ctx, record: Record) -> bool:
        """``listConnections?status=``: only the connections in that status."""
        wanted = ctx.query.get("status")
        return wanted is None or record.get("status") == wanted

    def prepare(self, ctx: Ctx, record: Record) -> None:
        connector = ctx.ws.collection("connectors").get(record.get("connectorId", ""), {})
        if not record.get("tenantId"):  # the tenant the request acts for, as the header named it
            record["tenantId"] = ctx.headers.get(TENANT_HEADER, "")[:128] if ctx.tenant is not None else ""
        if connector.get("authMethod") == "oauth2":
            record["status"] = "pending"
            record["authUrl"] = f"https://auth.mock.fastn.example/oauth/authorize?connection={record['id']}"
            record["authUrlExpiresAt"] = rfc3339(ctx.now + OAUTH_URL_LIFETIME)
        else:
            record["status"] = "active"
            record["authUrl"] = None
            record["authUrlExpiresAt"] = None


class ApiKeyHooks(Hooks):
    """A key names a role of the workspace, no more powerful than its maker's, and gets a secret, shown once."""

    assigned = frozenset({"prefix", "secret"})

    def check(self, ctx: Ctx, record: Record) -> None:
        role = ctx.store.role(ctx.ws, str(record.get("role")))
        if role is None:
            raise _unknown_role(str(record.get("role")))
        within_own_grants(ctx, role, "a key")

    def prepare(self, ctx: Ctx, record: Record) -> None:
        secret = f"fsk_{record['mode']}_{secrets.token_hex(16)}"
        record["secret"] = secret
        record["prefix"] = key_prefix(secret)
        ctx.store.keys[secret] = (ctx.ws.id, record["id"])

    def removed(self, ctx: Ctx, record: Record) -> None:
        # A revoked key's secret leaves the index too: create-and-revoke loops leave nothing behind.
        ctx.store.keys.pop(str(record.get("secret")), None)


def within_own_grants(ctx: Ctx, role: Record, what: str) -> None:
    """403 when ``role`` grants anything the caller's role does not: nobody mints a key (or invites a user) above it.

    Compared permission by permission (resource and action), not only over what today's operations
    check: an admin may not mint an owner key, though no operation needs ``billing:update`` yet.
    """
    for resource, actions in grants_from_payload(role.get("permissions", [])).items():
        for action in actions:
            if not ctx.principal.may(resource, action):
                mine = ctx.principal.role
                raise ApiError(
                    403,
                    f"Role {mine} may not give {what} the role {str(role.get('key'))[:63]}: it allows "
                    f"{resource[:63]}:{action[:63]}, which {mine} does not.",
                )


def _rule(field: str, message: str) -> ApiError:
    return ApiError(422, f"The request breaks a rule: {message}.", details=[{"field": field, "message": message}])


def _unknown_role(key: str) -> ApiError:
    return ApiError(
        422,
        f"Role {key[:63]!r} was not found.",
        details=[{"field": "/role", "message": "no such role in this workspace", "code": "not_found"}],
    )


HOOKS: Final[Mapping[str, Hooks]] = {
    "workflows": WorkflowHooks(),
    "triggers": TriggerHooks(),
    "connections": ConnectionHooks(),
    "api-keys": ApiKeyHooks(),
}


# --------------------------------------------------------------------------------------------
# Actions


@dataclass(frozen=True)
class Action:
    """A hand-written operation handler, and how its requests are audited when not as the defaults say.

    ``audit_action`` replaces ``<resource>.<verb>`` (`_audit.action_name`); ``audit_type`` types the
    resource the request's path names (`_audit.path_subject`) instead of the permission's resource.
    """

    handler: Handler
    audit_action: str | None = None
    audit_type: str | None = None


class Behaviours:
    """The hand-written handlers, bound to the spec, the CRUD engine and the settings they need."""

    def __init__(
        self,
        spec: Spec,
        crud: Crud,
        *,
        step_seconds: float,
        rate_limit: Callable[[], int],
        storage_limit: int,
    ) -> None:
        self.spec = spec
        self.crud = crud
        self.step_seconds = step_seconds
        self.rate_limit = rate_limit
        self.storage_limit = storage_limit
        """Bytes a workspace may store (reported as the ``storage_mb`` quota)."""
        self.actions: dict[str, Action] = {
            "runWorkflow": Action(self.run_workflow),
            "listExecutions": Action(self.list_executions),
            "getExecution": Action(self.get_execution),
            "cancelExecution": Action(
                self.cancel_execution, audit_action="workflow.execute.cancel", audit_type="execution"
            ),
            "inviteUser": Action(self.invite_user),
            "getBilling": Action(self.get_billing),
            "getBillingUsage": Action(self.get_billing_usage),
            "getBillingQuotas": Action(self.get_billing_quotas),
            "queryAuditLog": Action(self.query_audit_log),
            "sendChatMessage": Action(self.send_chat_message, audit_action="ai.chat"),
            "startAiBuild": Action(self.start_ai_build, audit_action="ai.build"),
            "getAiBuild": Action(self.get_ai_build),
            "generateAiBuild": Action(self.generate_ai_build, audit_action="ai.build.generate", audit_type="build"),
            "deployAiBuild": Action(self.deploy_ai_build, audit_action="ai.build.deploy", audit_type="build"),
        }

    # ---- workflows and executions

    def run_workflow(self, ctx: Ctx) -> Result:
        """Instant tier: 200 with the flow's result (408/400 for a simulated timeout/failure).

        Other tiers: 202 with a pending execution. 409 when the workflow is inactive.
        """
        workflows = self.spec.collections["/api/v1/workflows"]
        workflow = find(ctx, workflows, ctx.path_params["workflowId"])
        if workflow.get("status") == "inactive":
            raise ApiError(409, "The workflow is inactive; activate it before running it.", code="CONFLICT")
        body = ctx.body if isinstance(ctx.body, dict) else {}
        run_input = body.get("input", {})
        simulate = run_input.get("simulate")
        execution_id = EXECUTION_ID_PREFIX + ctx.store.new_id().replace("-", "")[:20]
        execution: Record = {
            "id": execution_id,
            "workflowId": workflow["id"],
            "workflowVersion": workflow.get("version", "v1"),
            "tier": workflow.get("executionTier", "standard"),
            "status": "pending",
            "triggeredBy": "manual",
            "input": run_input,
            "result": None,
            "error": None,
            "steps": [],
            "startedAt": None,
            "completedAt": None,
            "durationMs": None,
            "createdAt": ctx.timestamp,
            "_created": ctx.now,
            "_stage": 0,
            "_outcome": simulate if simulate in SIMULATED_OUTCOMES else "completed",
            "_tenant": ctx.tenant.id if ctx.tenant is not None else "",
        }
        ctx.ws.put("executions", execution)
        if execution["_outcome"] == "completed":
            # Room for its result (the input, echoed) is taken now, while the request can still be
            # refused (413): a later read that finishes the run cannot be.
            ctx.ws.measure("results", execution_id, {"echo": run_input})
        ctx.ws.usage["workflow_executions"] += 1
        if execution["tier"] == "instant":
            return self._run_instantly(ctx, execution)
        location = {"Location": f"/api/v1/executions/{execution_id}"}
        return Result(202, render(self._schema(ctx, 202), execution), headers=location)

    def _run_instantly(self, ctx: Ctx, execution: Record) -> Result:
        """Run to the end now; answer what the flow returns, or its error as the docs show them."""
        execution["_created"] = ctx.now - 2 * max(self.step_seconds, 0.001)
        self._advance(ctx, execution, polled=False)
        outcome = execution["status"]
        if outcome == "timed_out":
            raise ApiError(408, "The run exceeded the workflow's timeout.", code="TIMED_OUT")
        if outcome == "failed":
            raise ApiError(
                400,
                "A step of the flow failed to reach its third-party service.",
                code="DATASOURCE_CONNECTION_ERROR",
                extra={
                    "isCustomAuthError": False,
                    "step": "run",
                    "datasourceDebug": {"name": "run", "jsonObject": {"ok": False, "error": "simulated_failure"}},
                },
            )
        return Result(200, execution["result"])

    def _advance(self, ctx: Ctx, execution: Record, *, polled: bool) -> None:
        """Move an execution on: one stage per poll, or one per `step_seconds` of time passed."""
        stage = int(execution["_stage"])
        if stage >= 2:
            return
        created = float(execution["_created"])
        by_time = min(2, int((ctx.now - created) // self.step_seconds)) if self.step_seconds > 0 else 2
        target = max(by_time, stage + 1 if polled else stage)
        if target <= stage:
            return
        if stage < 1:
            started = ctx.now if polled and by_time < 1 else min(ctx.now, created + self.step_seconds)
            execution["startedAt"] = rfc3339(started)
            execution["_started"] = started
            execution["status"] = "running"
            execution["steps"] = [
                {
                    "name": "start",
                    "status": "completed",
                    "startedAt": rfc3339(created),
                    "completedAt": rfc3339(started),
                },
                {"name": "run", "status": "running", "startedAt": rfc3339(started), "completedAt": None},
            ]
        if target >= 2:
            started = float(execution["_started"])
            finished = ctx.now if polled and by_time < 2 else min(ctx.now, created + 2 * self.step_seconds)
            finished = max(finished, started)
            outcome = str(execution["_outcome"])
            execution["status"] = outcome
            execution["completedAt"] = rfc3339(finished)
            execution["durationMs"] = round((finished - started) * 1000)
            run_step = execution["steps"][1]
            run_step["completedAt"] = rfc3339(finished)
            run_step["status"] = {"completed": "completed", "cancelled": "skipped"}.get(outcome, "failed")
            if outcome == "completed":
                execution["result"] = {"echo": execution["input"]}
            elif outcome == "failed":
                execution["error"] = {"code": "STEP_FAILED", "message": "Simulated step failure.", "step": "run"}
            elif outcome == "timed_out":
                execution["error"] = {"code": "TIMED_OUT", "message": "Simulated timeout.", "step": "run"}
            _audit.record(
                ctx.ws,
                ctx.store,
                actor={"type": "system", "id": "scheduler", "name": None},
                action=f"workflow.execute.{outcome}",
                subject=Subject("execution", execution["id"]),
                outcome="success" if outcome == "completed" else "failure",
                request_id=None,
                timestamp=rfc3339(finished),
            )
        execution["_stage"] = target
        # Measured again: steps were added and, once it completed, its result, whose room was taken
        # when it started (`run_workflow`) and is given back now.
        ctx.ws.put("executions", execution)
        if target >= 2:
            ctx.ws.measure("results", execution["id"], None)

    def list_executions(self, ctx: Ctx) -> Result:
        """Newest first, filtered by workflow and status (as the executions stand now); a tenant sees its own."""
        executions = [e for e in ctx.ws.collection("executions").values() if _sees(ctx, e)]
        for execution in executions:
            self._advance(ctx, execution, polled=False)
        wanted_workflow = ctx.query.get("workflowId")
        wanted_status = ctx.query.get("status")
        selected = [
            e
            for e in reversed(executions)
            if (wanted_workflow is None or e["workflowId"] == wanted_workflow)
            and (wanted_status is None or e["status"] == wanted_status)
        ]
        return page(ctx, selected)

    def get_execution(self, ctx: Ctx) -> Result:
        """One execution; each poll moves it one stage on."""
        execution = self._execution(ctx)
        self._advance(ctx, execution, polled=True)
        return Result(200, render(self._schema(ctx), execution))

    def cancel_execution(self, ctx: Ctx) -> Result:
        """A pending or running execution ends ``cancelled``; 409 when it is already final."""
        execution = self._execution(ctx)
        self._advance(ctx, execution, polled=False)
        if execution["status"] in FINAL_EXECUTION_STATES:
            raise ApiError(409, f"The execution is already {execution['status']}; it cannot be cancelled.")
        execution["_outcome"] = "cancelled"
        if int(execution["_stage"]) < 1:  # never started: the first stage passes now
            self._advance(ctx, execution, polled=True)
        execution["_created"] = min(float(execution["_created"]), ctx.now - 2 * max(self.step_seconds, 0.001))
        self._advance(ctx, execution, polled=True)
        return Result(200, render(self._schema(ctx), execution), audit=Subject("execution", execution["id"]))

    def _execution(self, ctx: Ctx) -> Record:
        execution = ctx.ws.collection("executions").get(ctx.path_params["executionId"])
        if execution is None or not _sees(ctx, execution):
            raise not_found("Execution", ctx.path_params["executionId"])
        return execution

    # ---- people and roles

    def invite_user(self, ctx: Ctx) -> Result:
        """A user with status ``invited``; 422 for an unknown role, 403 for one above the inviter's, 409 for members."""
        role = ctx.store.role(ctx.ws, ctx.body["role"])
        if role is None:
            raise _unknown_role(ctx.body["role"])
        within_own_grants(ctx, role, "a user")
        users = self.spec.collections["/api/v1/users"]
        record = self.crud.create_record(ctx, users, ctx.body)
        return Result(201, render(self._schema(ctx), record), audit=Subject("user", record["id"]))

    # ---- billing

    def _period(self, ctx: Ctx) -> tuple[str, str]:
        now = datetime.fromtimestamp(ctx.now, tz=UTC)
        start = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
        end = start.replace(year=start.year + 1, month=1) if start.month == 12 else start.replace(month=start.month + 1)
        return rfc3339(start.timestamp()), rfc3339(end.timestamp())

    def get_billing(self, ctx: Ctx) -> Result:
        """The plan (Growth), its period and the per-key rate limit in force."""
        start, end = self._period(ctx)
        return Result(
            200,
            {
                "plan": PLAN,
                "billingEmail": "billing@example.com",
                "currentPeriodStart": start,
                "currentPeriodEnd": end,
                "rateLimitPerMinute": self.rate_limit(),
                "dailyCallLimit": None,
            },
        )

    def get_billing_usage(self, ctx: Ctx) -> Result:
        """Usage counted from the calls actually made (this one included)."""
        start, end = self._period(ctx)
        counts = ctx.ws.usage.copy()  # counted as they happen; active connections are counted now
        counts["active_connections"] = sum(
            1 for c in ctx.ws.collection("connections").values() if c.get("status") == "active"
        )
        metrics: list[tuple[str, int, int | None, str]] = [
            (metric, counts[metric], limit, enforcement) for metric, (limit, enforcement) in MONTHLY_QUOTAS.items()
        ]
        # What the workspace stores, in MiB (rounded up), against the cap the mock enforces (`_app`).
        metrics.append(("storage_mb", -(-ctx.ws.stored_bytes // MIB), -(-self.storage_limit // MIB), "hard"))
        return Result(
            200,
            {
                "periodStart": start,
                "periodEnd": end,
                "metrics": [
                    {
                        "metric": metric,
                        "used": used,
                        "limit": limit,
                        "percentUsed": None if limit is None else round(100 * used / limit, 4),
                        "enforcement": enforcement,
                    }
                    for metric, used, limit, enforcement in metrics
                ],
            },
        )

    def get_billing_quotas(self, ctx: Ctx) -> Result:
        """The plan's limits; the per-minute one is the rate limit this mock enforces."""
        quotas = [("api_calls", self.rate_limit(), "minute", RATE_LIMIT_PER_MINUTE, "hard")]
        quotas += [
            (metric, limit, "month", limit, enforcement) for metric, (limit, enforcement) in MONTHLY_QUOTAS.items()
        ]
        return Result(
            200,
            {
                "data": [
                    {"metric": m, "limit": limit, "period": period, "planDefault": default, "enforcement": enforcement}
                    for m, limit, period, default, enforcement in quotas
                ]
            },
        )

    # ---- audit

    def query_audit_log(self, ctx: Ctx) -> Result:
        """Events newest first, filtered by time range, actor, action, resource type and outcome."""
        q = ctx.query
        since = parse_rfc3339(q["from"]) if "from" in q else None
        until = parse_rfc3339(q["to"]) if "to" in q else None
        selected = []
        for event in reversed(ctx.ws.collection("audit").values()):
            moment = parse_rfc3339(event["timestamp"])
            if since is not None and moment < since:
                continue
            if until is not None and moment >= until:
                continue
            if "actorId" in q and event["actor"]["id"] != q["actorId"]:
                continue
            if "actorType" in q and event["actor"]["type"] != q["actorType"]:
                continue
            if "action" in q and event["action"] != q["action"]:
                continue
            if "resourceType" in q and event["resource"]["type"] != q["resourceType"]:
                continue
            if "outcome" in q and event["outcome"] != q["outcome"]:
                continue
            selected.append(event)
        return page(ctx, selected)

    # ---- AI

    def send_chat_message(self, ctx: Ctx) -> Result:
        """A canned, workspace-aware reply; 422 for an unknown session."""
        session_id = ctx.body.get("sessionId")
        if session_id is None:
            session_id = ctx.store.new_id()
            ctx.ws.chat_sessions[session_id] = []
        elif session_id not in ctx.ws.chat_sessions:
            raise ApiError(
                422,
                f"Chat session {session_id} was not found.",
                details=[{"field": "/sessionId", "message": "no such session", "code": "not_found"}],
            )
        workflows = len(ctx.ws.collection("workflows"))
        failed = sum(1 for e in ctx.ws.collection("executions").values() if e["status"] == "failed")
        turn = len(ctx.ws.chat_sessions[session_id]) + 1
        reply = (
            f"(mock agent, turn {turn}) This workspace has {workflows} workflow(s) and {failed} failed "
            f"execution(s). You asked: {ctx.body['message'][:200]}"
        )
        turn_record = {"message": ctx.body["message"], "reply": reply}
        ctx.ws.chat_sessions[session_id].append(turn_record)
        ctx.ws.measure("chat", f"{session_id}#{turn}", turn_record)  # each turn on its own: no re-measuring
        ctx.ws.usage["ai_credits"] += 1
        return Result(
            200,
            {"sessionId": session_id, "messageId": ctx.store.new_id(), "reply": reply, "createdAt": ctx.timestamp},
            audit=Subject("chat_session", session_id),
        )

    def start_ai_build(self, ctx: Ctx) -> Result:
        """202 with a ``PLANNING`` job; poll `getAiBuild` to move it on."""
        build_id = ctx.store.new_id()
        job: Record = {
            "id": build_id,
            "kind": ctx.body["kind"],
            "prompt": ctx.body["prompt"],
            "status": "PLANNING",
            "resourceId": None,
            "error": None,
            "createdAt": ctx.timestamp,
            "updatedAt": ctx.timestamp,
            "_name": ctx.body.get("name"),
        }
        ctx.ws.builds[build_id] = job
        ctx.ws.measure("builds", build_id, job)
        ctx.ws.usage["ai_credits"] += 5
        location = {"Location": f"/api/v1/ai/build/{build_id}"}
        return Result(202, render(self._schema(ctx), job), headers=location, audit=Subject("build", build_id))

    def get_ai_build(self, ctx: Ctx) -> Result:
        """A poll moves a job that is in progress one stage on: PLANNING → PLANNED, GENERATING → GENERATED.

        At ``GENERATED`` the connector or workflow exists (a prompt with `FAIL_BUILD_MARKER`, or
        a resource that cannot be created, ends ``FAILED``). ``PLANNED`` and ``GENERATED`` wait
        for the caller.
        """
        job = self._build(ctx)
        if job["status"] == "PLANNING":
            job["status"] = "PLANNED"
            job["updatedAt"] = ctx.timestamp
        elif job["status"] == "GENERATING":
            self._generate(ctx, job)
            job["updatedAt"] = ctx.timestamp
        ctx.ws.measure("builds", job["id"], job)
        return Result(200, render(self._schema(ctx), job))

    def generate_ai_build(self, ctx: Ctx) -> Result:
        """``PLANNED`` → ``GENERATING`` (202); 409 in any other state."""
        job = self._awaiting(ctx, "PLANNED", "generated")
        job["status"] = "GENERATING"
        job["updatedAt"] = ctx.timestamp
        ctx.ws.measure("builds", job["id"], job)
        return Result(202, render(self._schema(ctx), job), headers={"Location": f"/api/v1/ai/build/{job['id']}"})

    def deploy_ai_build(self, ctx: Ctx) -> Result:
        """``GENERATED`` → ``DEPLOYED`` (final); 409 in any other state."""
        job = self._awaiting(ctx, "GENERATED", "deployed")
        self._deploy(ctx, job)
        job["status"] = "DEPLOYED"
        job["updatedAt"] = ctx.timestamp
        ctx.ws.measure("builds", job["id"], job)
        return Result(200, render(self._schema(ctx), job))

    def _build(self, ctx: Ctx) -> Record:
        job = ctx.ws.builds.get(ctx.path_params["buildId"])
        if job is None:
            raise not_found("Build", ctx.path_params["buildId"])
        return job

    def _awaiting(self, ctx: Ctx, status: str, verb: str) -> Record:
        job = self._build(ctx)
        if job["status"] != status:
            raise ApiError(409, f"The build is {job['status']}; only a {status} build can be {verb}.")
        return job

    def _generate(self, ctx: Ctx, job: Record) -> None:
        if FAIL_BUILD_MARKER in job["prompt"]:
            job["status"] = "FAILED"
            job["error"] = {"code": "BUILD_FAILED", "message": "Simulated build failure.", "step": "GENERATING"}
            return
        try:
            job["resourceId"] = self._build_resource(ctx, job)
            job["status"] = "GENERATED"
        except ApiError as error:  # e.g. the generated slug is taken: the build fails, the poll does not
            job["status"] = "FAILED"
            job["error"] = {"code": "BUILD_FAILED", "message": error.message[:2000], "step": "GENERATING"}

    def _build_resource(self, ctx: Ctx, job: Record) -> str:
        kind = job["kind"]
        collection = self.spec.collections[f"/api/v1/{kind}s"]
        name = (job.get("_name") or _first_words(job["prompt"]) or f"AI {kind}")[:200]
        slug = (_slugify(name)[:40].strip("-") or kind) + "-" + job["id"][:8]
        body: dict[str, Any] = {"name": name, "slug": slug, "description": job["prompt"][:2000]}
        if kind == "connector":
            body["authMethod"] = "none"
        record = self.crud.create_record(ctx, collection, body)
        _audit.record(
            ctx.ws,
            ctx.store,
            actor={"type": "agent", "id": "ai-builder", "name": "Fastn AI"},
            action=f"{kind}.create",
            subject=Subject(kind, record["id"]),
            outcome="success",
            request_id=ctx.request_id,
            timestamp=ctx.timestamp,
        )
        return str(record["id"])

    def _deploy(self, ctx: Ctx, job: Record) -> None:
        record = ctx.ws.collection(f"{job['kind']}s").get(str(job["resourceId"]))
        if record is None:
            return
        if job["kind"] == "connector":
            record["deployed"] = True
        else:
            record["status"] = "active"
        record["updatedAt"] = ctx.timestamp
        ctx.ws.put(f"{job['kind']}s", record)

    def _schema(self, ctx: Ctx, status: int | None = None) -> Any:
        return ctx.op.responses[str(status or ctx.op.success_status)].schema


def _sees(ctx: Ctx, execution: Record) -> bool:
    """Whether the request may see an execution: the workspace itself sees all, a tenant its own runs."""
    return ctx.tenant is None or execution.get("_tenant") == ctx.tenant.id


def _first_words(text: str) -> str:
    return " ".join(text.split()[:6])


def _slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
