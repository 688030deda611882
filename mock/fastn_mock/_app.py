"""The ASGI application: one request pipeline for every path, plus the ``/_mock`` admin routes.

A request to the API goes through these steps, each of which can answer early with the
spec's `Error` body (and every answer carries the ``X-RateLimit-*`` headers):

1. identify the caller (``x-fastn-api-key`` or ``Authorization: Bearer``) — without failing yet;
2. count it against its key's rate limit, or, without a valid key, against its client address's
   (so a flood of keyless requests is limited too); apply any injected fault; 429 when over the limit;
3. route it: 404 for an unknown path, 405 (with ``Allow``) for a method the path lacks;
4. 401 without a valid key; 403 for a space header naming another workspace; 400 for a bad stage;
   400 for a tenant header that cannot be a tenant id, 403 for one naming no customer of the workspace;
5. count the call (billing usage); 403 when the key's role lacks the operation's permission;
6. parameters (400), then the body (`_http`): 413 over the size limit, 408 when it arrives too
   slowly, 415 not JSON, 400 unreadable or too deeply nested, 422 invalid;
7. 413 when the body would take the workspace's stored data past its cap; else the CRUD engine or
   a hand-written behaviour, under the store lock; then the audit entry. A POST with an
   ``Idempotency-Key`` already answered is replayed instead, with no audit entry (`_idempotency`).
   A request with a large body is decoded, processed and answered in a worker thread (`_http.offload`);
8. the deviations in force, if any (`_deviations`: off by default, ``/api/`` only): which form of the
   key counts (step 1), whether ``Idempotency-Key`` is honoured (step 7), and the final answer's
   status, headers and body, whatever produced it (after ``--validate-responses`` checked it);
9. an injected fault that strikes after processing (`_faults`): a truncated or lost answer.

Anything unexpected becomes a logged, spec-shaped 500: the mock never leaks a framework page. A
client that disconnects before its body arrived is logged in one line, not as an error.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import secrets
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Final

from fastn_spec import SpecError
from jsonschema.protocols import Validator
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from . import _audit
from ._admin import AdminRoutes
from ._auth import Principal, grants_from_payload, missing_key_message, presented_key
from ._behaviours import HOOKS, Behaviours
from ._clock import Clock, SystemClock, parse_rfc3339
from ._config import MockConfig
from ._context import TENANT_HEADER, Ctx, Result, Tenant
from ._crud import Crud
from ._cursors import Cursors, documented_cursors
from ._deviations import Deviations
from ._errors import ApiError
from ._faults import Decision, DroppedResponse, Faults, TruncatedResponse
from ._http import (
    INLINE_BODY_BYTES,
    ClientGone,
    decode,
    encoded_response,
    json_response,
    offload,
    read_body,
    require_media_type,
)
from ._idempotency import Answer, Idempotency
from ._ratelimit import UNLIMITED, Quota, RateLimiter
from ._schema import error_details, first_errors
from ._spec import Operation, Spec
from ._store import Store, Workspace

logger = logging.getLogger("fastn_mock")

STAGE: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}", re.ASCII)
"""A stage is ``DRAFT`` or the name of a live environment (the docs): one token, not a closed list."""
TENANT_ID: Final = re.compile(r"[\x21-\x7e]{1,128}", re.ASCII)
"""A tenant id is opaque (``tenant_customer_123``, a customer's slug or id): visible ASCII, at most 128 characters."""
_INTEGER = re.compile(r"-?[0-9]{1,18}", re.ASCII)
_NUMBER = re.compile(r"-?[0-9]{1,18}(\.[0-9]{1,18})?([eE][-+]?[0-9]{1,3})?", re.ASCII)

Sleep = Callable[[float], Awaitable[None]]


@dataclass
class _PipelineState:
    """What the pipeline learnt about a request so far (its rate-limit quota, the fault drawn for it, its operation).

    Any answer, the catch-all's included, carries the quota's headers and suffers the fault (and the deviations).
    """

    quota: Quota | None = None
    fault: Decision = field(default_factory=Decision)
    operation_id: str | None = None


def _validated(validator: Validator, body: Any) -> Any:
    """``body`` if it satisfies the schema, else 422 with the errors as details."""
    errors = first_errors(validator, body)
    if errors:
        raise ApiError(422, "The request body is invalid.", details=error_details(errors))
    return body


def _client(request: Request) -> str:
    """The rate-limit identity of a request without a valid key: its client's address."""
    return f"client {request.client.host if request.client else 'unknown'}"


def _coerce(raw: str, types: frozenset[str]) -> Any:
    """A query/path/header string as the type its schema declares (left a string when it is not one)."""
    if "integer" in types and _INTEGER.fullmatch(raw):
        return int(raw)
    if "number" in types and _NUMBER.fullmatch(raw):
        return float(raw) if any(c in raw for c in ".eE") else int(raw)
    if "boolean" in types and raw in ("true", "false"):
        return raw == "true"
    return raw


class MockApp:
    """The Fastn mock as an ASGI application (see `create_app`)."""

    def __init__(self, config: MockConfig, *, clock: Clock | None = None, sleep: Sleep | None = None) -> None:
        self.config = config
        self.clock: Clock = clock or SystemClock()
        self.sleep: Sleep = sleep or asyncio.sleep
        self.spec = Spec.load(config.spec_path)
        resources = dict.fromkeys(op.permission[0] for op in self.spec.operations.values())
        self.store = Store(self.clock, key_seeds=config.keys, seed=config.seed, resources=resources)
        self.limiter = RateLimiter(config.rate_limit, self.clock, config.rate_window)
        self.deviations = Deviations(config.deviations, [op.operation_id for op in self.spec.operations.values()])
        self.idempotency = Idempotency(
            self.clock,
            lock=self.store.lock,
            # no-idempotency: no operation takes the key, so every POST is processed afresh.
            operations=self.spec.operations.values() if self.deviations.honours_idempotency else (),
            max_bytes=config.max_workspace_bytes,
        )
        self.faults = Faults(config.faults, max_pending=config.max_faults)
        self.crud = Crud(self.spec, HOOKS)
        self.behaviours = Behaviours(
            self.spec,
            self.crud,
            step_seconds=config.execution_step_seconds,
            rate_limit=lambda: self.config.rate_limit if self.limiter.enabled else UNLIMITED,
            storage_limit=config.max_workspace_bytes,
        )
        unhandled = sorted(
            op.operation_id
            for op in self.spec.operations.values()
            if op.kind == "action" and op.operation_id not in self.behaviours.actions
        )
        if unhandled:
            raise SpecError(f"operations that are not CRUD and have no behaviour: {', '.join(unhandled)}")
        self.cursors = Cursors(documented=documented_cursors(self.spec.raw))
        self.admin = AdminRoutes(
            self.spec,
            self.faults,
            reset=self.reset,
            max_body_bytes=config.max_body_bytes,
            body_timeout=config.body_timeout,
        )
        # Starlette's router keeps lifespan handling; every request, whatever its path (even one whose
        # decoded form holds a newline, which no route pattern matches), reaches the one endpoint.
        self.starlette = Starlette()
        self.starlette.router.default = _Endpoint(self)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.starlette(scope, receive, send)

    def reset(self) -> None:
        """Back to the start: seeded state, empty rate-limit windows, start-up fault settings."""
        self.store.reset()
        self.idempotency.reset()
        self.limiter.reset()
        self.faults.reset()

    # ------------------------------------------------------------------------------------
    # Entry point

    async def handle(self, request: Request) -> Response:
        """Answer one request; nothing escapes as a framework error page."""
        request_id = f"req_{secrets.token_hex(8)}"
        state = _PipelineState()
        admin = request.url.path == "/_mock" or request.url.path.startswith("/_mock/")
        try:
            if admin:
                response = await self.admin.handle(request)
            else:
                response = await self._api(request, request_id, state)
        except ApiError as error:
            response = self._error(error, request_id, state, api=not admin)
        except ClientGone as gone:
            # Nobody is left to read an answer: one line, no traceback, no audit entry.
            logger.info("%s %s: %s (%s)", request.method, request.url.path[:200], gone, request_id)
            unread = ApiError(400, f"The request was not received: {gone}.")
            response = self._error(unread, request_id, state, api=not admin)
        except Exception:
            logger.exception("unhandled error answering %s %s (%s)", request.method, request.url.path, request_id)
            response = self._error(ApiError(500, "Internal server error."), request_id, state, api=not admin)
        if state.fault.lose_reply:
            return DroppedResponse()
        if self.deviations.on_response and not admin:
            response = await self.deviations.response(response, state.operation_id)
        if state.fault.truncate:
            return TruncatedResponse(response)
        return response

    # ------------------------------------------------------------------------------------
    # Responses

    def _headers(self, request_id: str, state: _PipelineState) -> dict[str, str]:
        headers = {"X-Request-Id": request_id}
        if state.quota is not None:
            headers.update(state.quota.headers())
        return headers

    def _error(self, error: ApiError, request_id: str, state: _PipelineState, *, api: bool = True) -> Response:
        if api and state.quota is None:
            # Failed before the limiter counted the request: still say where the caller stands.
            state.quota = self.limiter.peek("anonymous")
        headers = {**self._headers(request_id, state), **error.headers}
        return json_response(error.status, error.body(request_id), headers)

    # ------------------------------------------------------------------------------------
    # The API pipeline

    def _authenticate(self, request: Request) -> tuple[Principal | None, str]:
        bearer_only = self.deviations.bearer_only
        secret = presented_key(request.headers, bearer_only=bearer_only)
        if not secret:
            return None, missing_key_message(bearer_only=bearer_only)
        found = self.store.find_key(secret)
        if found is None:
            return None, "Invalid or revoked API key."
        ws, key = found
        expires = key.get("expiresAt")
        if expires is not None and parse_rfc3339(expires) <= self.clock.now():
            return None, "The API key has expired."
        role = self.store.role(ws, str(key["role"]))
        grants = grants_from_payload(role["permissions"]) if role is not None else {}
        principal = Principal(ws.id, key["id"], key["name"], str(key["role"]), grants)
        return principal, ""

    async def _api(self, request: Request, request_id: str, state: _PipelineState) -> Response:
        method = request.method.upper()
        path = request.url.path
        principal, auth_problem = self._authenticate(request)
        # Limits are per key. A request without a valid key is counted against its client address
        # (the peer's, not a header a client could forge), with the same limit: a 401 is cheap, but
        # a flood of them is still a flood.
        state.quota = self.limiter.hit(principal.key_id if principal else _client(request))

        match = self.spec.match(path)
        op = match[0].operations.get(method) if match else None
        state.operation_id = op.operation_id if op else None
        decision = state.fault = self.faults.decide(method, path, state.operation_id)
        if decision.latency_seconds:
            await self.sleep(decision.latency_seconds)
        if decision.drop:
            # Read what the client sent first: a socket closed with unread data is reset (RST), and
            # the client would see "connection reset" or "disconnected" by a race, not a clean drop.
            with contextlib.suppress(ApiError, ClientGone):
                await read_body(request, limit=self.config.max_body_bytes, timeout=self.config.body_timeout)
            return DroppedResponse()
        if decision.error is not None:
            raise decision.error
        if not state.quota.allowed:
            per = "" if principal else " for requests without a valid API key from one address"
            raise ApiError(429, f"Rate limit of {state.quota.limit} requests per minute{per} exceeded.")
        if match is None:
            raise ApiError(404, f"There is no operation at {path[:200]}.")
        route, path_params = match
        if op is None:
            raise ApiError(
                405,
                f"{method[:20]} is not allowed on {route.template}; allowed: {route.allow}.",
                headers={"Allow": route.allow},
            )
        if principal is None:
            raise ApiError(401, auth_problem)
        space = request.headers.get("x-fastn-space-id")
        if space is not None and space != principal.workspace_id:
            raise ApiError(403, "The API key belongs to another workspace than x-fastn-space-id names.")
        stage = request.headers.get("stage")
        if stage is not None and STAGE.fullmatch(stage) is None:
            raise ApiError(
                400,
                "The stage header must be DRAFT or an environment name (letters, digits, '_' and '-').",
                details=[{"field": "header.stage", "message": "not a stage name", "code": "pattern"}],
            )

        ws = self.store.workspace(principal.workspace_id)
        tenant = self._tenant(request, ws)
        with self.store.lock:
            ws.usage["api_calls"] += 1
            key = ws.collection("api-keys").get(principal.key_id)
            if key is not None:
                key["lastUsedAt"] = self.store.now()
                ws.put("api-keys", key)  # measured again (a few bytes), so the workspace's count stays exact

        mutation = method != "GET"
        try:
            resource, action = op.permission
            if not principal.may(resource, action):
                raise ApiError(403, f"Role {principal.role} may not perform {resource}:{action}.")
            query, valid_path = self._parameters(op, request, path_params)
            body, size = await self._body(op, request)
            ctx = Ctx(
                store=self.store,
                spec=self.spec,
                ws=ws,
                op=op,
                path_params=valid_path,
                query=query,
                body=body,
                headers=request.headers,
                request_id=request_id,
                now=self.clock.now(),
                cursors=self.cursors,
                principal=principal,
                tenant=tenant,
            )
            process = partial(self._process, ctx, principal, path_params, path, request.url.query, size)
            # A large body makes large records and answers: it is processed (and answered, below) in a
            # worker thread, so the event loop serves other requests meanwhile.
            large = size > INLINE_BODY_BYTES
            result = await offload(process) if large else process()
        except ApiError as error:
            if mutation:
                outcome = "denied" if error.status == 403 else "failure"
                with self.store.lock:
                    self._audit(op, principal, path_params, None, outcome, request_id)
            raise
        answer = partial(self._answer, op, result, {**self._headers(request_id, state), **result.headers})
        return await offload(answer) if large else answer()

    def _process(
        self,
        ctx: Ctx,
        principal: Principal,
        path_params: Mapping[str, str],
        path: str,
        query: str,
        size: int,
    ) -> Result | Answer:
        """Under the store lock: the room check, then the handler (or the kept answer of its ``Idempotency-Key``)."""
        with self.store.lock:
            handler = partial(self._run, ctx, principal, path_params)
            return self.idempotency.run(ctx, path, query, handler, admit=partial(self._admit, ctx, size))

    def _admit(self, ctx: Ctx, size: int) -> None:
        """413 when a body of ``size`` bytes would take its workspace's stored data past the cap.

        Only operations documenting 413 (those that take a body) are refused; what they store is
        about the size of their body (a run: twice, its input and the result that echoes it), so a
        workspace passes its cap by at most what one request adds. Deletes, reads and bodiless
        actions always work, so a full workspace can be emptied.
        """
        limit = self.config.max_workspace_bytes
        if size and ctx.op.response_for(413) is not None and ctx.ws.stored_bytes + size > limit:
            raise ApiError(
                413,
                f"The workspace stores {ctx.ws.stored_bytes} bytes of data; this body of {size} bytes would take "
                f"it past its limit of {limit} bytes. Delete resources first (or reset the mock: POST /_mock/reset).",
            )

    def _answer(self, op: Operation, result: Result | Answer, headers: Mapping[str, str]) -> Response:
        """The answer to send: checked against the spec in strict mode, then encoded; a replay goes as first sent."""
        if isinstance(result, Answer):
            return encoded_response(result.status, result.content, headers)
        if self.config.validate_responses:
            self._check_response(op, result, headers)
        return json_response(result.status, result.body, headers)

    def _tenant(self, request: Request, ws: Workspace) -> Tenant | None:
        """The customer ``x-fastn-space-tenantid`` names (by id or slug); None without one (or with an empty one).

        The spec: "the tenant (one of the workspace's customers) a request acts for ... omit it, or
        send it empty, for the workspace itself". A value that cannot be a tenant id is 400 (like a bad
        stage); one naming no customer of the workspace is 403 (like a space header naming another
        workspace: the key may not act for it).
        """
        raw = request.headers.get(TENANT_HEADER, "")
        if not raw:
            return None
        if TENANT_ID.fullmatch(raw) is None:
            raise ApiError(
                400,
                f"The {TENANT_HEADER} header must be a tenant id: 1 to 128 visible ASCII characters.",
                details=[{"field": f"header.{TENANT_HEADER}", "message": "not a tenant id", "code": "pattern"}],
            )
        with self.store.lock:
            customers = ws.collection("customers")
            customer = customers.get(raw) or next((c for c in customers.values() if c.get("slug") == raw), None)
        if customer is None:
            raise ApiError(403, f"{TENANT_HEADER} names no customer (tenant) of this workspace.")
        return Tenant(str(customer["id"]), str(customer.get("slug", "")))

    def _run(self, ctx: Ctx, principal: Principal, path_params: Mapping[str, str]) -> Result:
        """The operation's handler (the CRUD engine or a behaviour), then a mutation's audit event."""
        action_handler = self.behaviours.actions.get(ctx.op.operation_id)
        result = action_handler.handler(ctx) if action_handler else self.crud.handle(ctx)
        if ctx.op.method.upper() != "GET":
            self._audit(ctx.op, principal, path_params, result.audit, "success", ctx.request_id)
        return result

    def _audit(
        self,
        op: Operation,
        principal: Principal,
        path_params: Mapping[str, str],
        subject: _audit.Subject | None,
        outcome: str,
        request_id: str,
    ) -> None:
        """One audit event for a mutation: about ``subject`` (from the handler's `Result`), else its path."""
        action = self.behaviours.actions.get(op.operation_id)
        if subject is None:
            subject = _audit.path_subject(op, path_params, action.audit_type if action else None)
        _audit.record(
            self.store.workspace(principal.workspace_id),
            self.store,
            actor=principal.actor,
            action=_audit.action_name(op, action.audit_action if action else None),
            subject=subject,
            outcome=outcome,
            request_id=request_id,
            timestamp=self.store.now(),
        )

    def _parameters(
        self, op: Operation, request: Request, path_params: Mapping[str, str]
    ) -> tuple[dict[str, Any], dict[str, str]]:
        query: dict[str, Any] = {}
        valid_path: dict[str, str] = {}
        details: list[dict[str, str]] = []
        for param in op.params:
            label = f"{param.location}.{param.name}"
            raw: str | None
            if param.location == "path":
                raw = path_params.get(param.name)
            elif param.location == "query":
                values = request.query_params.getlist(param.name)
                if len(values) > 1:
                    details.append({"field": label, "message": "given more than once", "code": "duplicate"})
                    continue
                raw = values[0] if values else None
            elif param.location == "header":
                raw = request.headers.get(param.name)
            else:
                continue
            if raw is None:
                if param.required:
                    details.append({"field": label, "message": f"{param.name} is required", "code": "required"})
                continue
            value = _coerce(raw, param.types)
            errors = first_errors(param.validator, value)
            if errors:
                details.extend(error_details(errors, prefix=label))
                continue
            if param.location == "path":
                valid_path[param.name] = raw
            elif param.location == "query":
                query[param.name] = value
        if details:
            raise ApiError(400, "The request parameters are invalid.", details=details[:100])
        return query, valid_path

    async def _body(self, op: Operation, request: Request) -> tuple[Any, int]:
        """The validated body (None when the operation takes none, or none was sent) and its size in bytes."""
        if op.body_validator is None:
            return None, 0
        raw = await read_body(request, limit=self.config.max_body_bytes, timeout=self.config.body_timeout)
        if not raw:
            if op.body_required:
                raise ApiError(400, "A JSON request body is required.")
            return None, 0
        require_media_type(request, op.body_media_types)
        return await decode(raw, partial(_validated, op.body_validator)), len(raw)

    def _check_response(self, op: Operation, result: Result, headers: Mapping[str, str]) -> None:
        """Strict mode: a response the spec does not allow is a bug in the mock, reported as 500."""
        spec = op.response_for(result.status)
        problems = []
        if spec is None:
            problems.append(f"status {result.status} is not documented")
        else:
            if spec.validator is not None:
                problems += [e.message[:300] for e in spec.validator.iter_errors(result.body)]
            elif result.body is not None:
                problems.append("a body where the spec documents none")
            for name, (required, _schema) in spec.headers.items():
                if required and name not in headers:
                    problems.append(f"missing header {name}")
        if problems:
            logger.error("%s answered outside its spec: %s", op.operation_id, "; ".join(problems))
            raise ApiError(500, f"The mock's answer broke the spec: {'; '.join(problems)}")


class _Endpoint:
    """The ASGI endpoint every HTTP request is routed to (the Starlette router's default)."""

    def __init__(self, app: MockApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        response = await self.app.handle(request)
        await response(scope, receive, send)


def create_app(config: MockConfig | None = None, *, clock: Clock | None = None, sleep: Sleep | None = None) -> MockApp:
    """The mock as an ASGI app; settings from ``config`` or, when omitted, from the environment."""
    return MockApp(config or MockConfig.from_env(), clock=clock, sleep=sleep)
