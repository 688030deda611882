"""The ASGI application: one request pipeline for every path, plus the ``/_mock`` admin routes.

A request to the API goes through these steps, each of which can answer early with the
spec's `Error` body (and every answer carries the ``X-RateLimit-*`` headers):

1. identify the caller (``x-fastn-api-key`` or ``Authorization: Bearer``) — without failing yet;
2. count it against its key's rate limit (keyless requests are not counted); apply any injected
   fault; 429 when over the limit;
3. route it: 404 for an unknown path, 405 (with ``Allow``) for a method the path lacks;
4. 401 without a valid key; 403 for a space header naming another workspace; 400 for a bad stage;
5. count the call (billing usage); 403 when the key's role lacks the operation's permission;
6. parameters (400), then the body: 413 over the size limit, 415 not JSON, 400 unreadable, 422 invalid;
7. the CRUD engine or a hand-written behaviour, under the store lock; then the audit entry.

Anything unexpected becomes a logged, spec-shaped 500: the mock never leaks a framework page.
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
import re
import secrets
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from ._auth import Principal, grants_from_payload
from ._behaviours import HOOKS, Behaviours, audit_action, record_audit
from ._clock import Clock, SystemClock, parse_rfc3339
from ._config import MockConfig
from ._crud import Crud, Ctx, Result, singular
from ._errors import ApiError
from ._faults import Faults, parse_payload
from ._ratelimit import UNLIMITED, Quota, RateLimiter
from ._schema import SpecError, error_details
from ._spec import Operation, Spec
from ._store import Store

logger = logging.getLogger("fastn_mock")

STAGE: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}", re.ASCII)
"""A stage is ``DRAFT`` or the name of a live environment (the docs): one token, not a closed list."""
_INTEGER = re.compile(r"-?[0-9]{1,18}", re.ASCII)
_NUMBER = re.compile(r"-?[0-9]{1,18}(\.[0-9]{1,18})?([eE][-+]?[0-9]{1,3})?", re.ASCII)

Sleep = Callable[[float], Awaitable[None]]


class DroppedConnection(Exception):
    """Raised to an in-process client in place of an answer: the mock "dropped the connection"."""


class DroppedResponse(Response):
    """Ends the exchange without an answer, as a crashed server or a reset connection would.

    ASGI has no way to close a connection, so this starts a response the server must refuse: a
    header value with a line break. uvicorn (h11 and httptools alike) checks headers before
    writing anything, raises, and, the response being marked started, closes the connection when
    the app returns — the client sees "server disconnected without sending a response". An
    in-process transport has no connection to close and accepts the headers; for it the app
    raises `DroppedConnection` instead.
    """

    def __init__(self) -> None:
        super().__init__(status_code=503)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await send({"type": "http.response.start", "status": 503, "headers": [(b"x-fastn-mock-drop", b"\r\n")]})
        except Exception:  # the server refused to write it: nothing reached the client
            logger.info("dropped the connection of %s %s on purpose", scope.get("method"), scope.get("path"))
            return
        raise DroppedConnection(f"fault injection dropped {scope.get('method')} {scope.get('path')}")


@dataclass
class _Exchange:
    """What the pipeline learnt so far, so the catch-all can still answer with the right headers."""

    quota: Quota | None = None
    extra_headers: dict[str, str] = field(default_factory=dict)


def _parse_json(raw: bytes) -> Any:
    """Strict JSON: UTF-8 only, no NaN/Infinity, no numbers out of range, no lone surrogates."""

    def reject_constant(name: str) -> Any:
        raise ValueError(f"{name} is not JSON")

    def finite(text: str) -> float:
        value = float(text)
        if not math.isfinite(value):
            raise ValueError(f"{text[:40]} is out of range")
        return value

    text = raw.decode("utf-8")
    value = json.loads(text, parse_constant=reject_constant, parse_float=finite)
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            item.encode("utf-8")
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return value


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
        self.limiter = RateLimiter(config.rate_limit, self.clock)
        self.faults = Faults(config.faults)
        self.crud = Crud(self.spec, HOOKS)
        self.behaviours = Behaviours(
            self.spec,
            self.crud,
            step_seconds=config.execution_step_seconds,
            rate_limit=lambda: self.config.rate_limit if self.limiter.enabled else UNLIMITED,
        )
        unhandled = sorted(
            op.operation_id
            for op in self.spec.operations.values()
            if op.kind == "action" and op.operation_id not in self.behaviours.actions
        )
        if unhandled:
            raise SpecError(f"operations that are not CRUD and have no behaviour: {', '.join(unhandled)}")
        self._admin_routes: dict[str, dict[str, Callable[[Request], Awaitable[Response]]]] = {
            "/_mock/health": {"GET": self._health},
            "/_mock/openapi.json": {"GET": self._openapi},
            "/_mock/reset": {"POST": self._reset},
            "/_mock/faults": {"GET": self._get_faults, "POST": self._post_faults, "DELETE": self._delete_faults},
        }
        # Starlette's router keeps lifespan handling; every request, whatever its path (even one whose
        # decoded form holds a newline, which no route pattern matches), reaches the one endpoint.
        self.starlette = Starlette()
        self.starlette.router.default = _Endpoint(self)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.starlette(scope, receive, send)

    def reset(self) -> None:
        """Back to the start: seeded state, empty rate-limit windows, start-up fault settings."""
        self.store.reset()
        self.limiter.reset()
        self.faults.reset()

    # ------------------------------------------------------------------------------------
    # Entry point

    async def handle(self, request: Request) -> Response:
        """Answer one request; nothing escapes as a framework error page."""
        request_id = f"req_{secrets.token_hex(8)}"
        exchange = _Exchange()
        admin = request.url.path == "/_mock" or request.url.path.startswith("/_mock/")
        try:
            if admin:
                return await self._admin(request, request_id)
            return await self._api(request, request_id, exchange)
        except ApiError as error:
            return self._error(error, request_id, exchange, api=not admin)
        except Exception:
            logger.exception("unhandled error answering %s %s (%s)", request.method, request.url.path, request_id)
            return self._error(ApiError(500, "Internal server error."), request_id, exchange, api=not admin)

    # ------------------------------------------------------------------------------------
    # Responses

    def _headers(self, request_id: str, exchange: _Exchange) -> dict[str, str]:
        headers = {"X-Request-Id": request_id}
        if exchange.quota is not None:
            headers.update(exchange.quota.headers())
        headers.update(exchange.extra_headers)
        return headers

    def _json(self, status: int, body: Any, headers: Mapping[str, str]) -> Response:
        if body is None:
            return Response(status_code=status, headers=dict(headers))
        content = json.dumps(body, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode("utf-8")
        return Response(content, status_code=status, headers=dict(headers), media_type="application/json")

    def _error(self, error: ApiError, request_id: str, exchange: _Exchange, *, api: bool = True) -> Response:
        if api and exchange.quota is None:
            # Failed before the limiter counted the request: still say where the caller stands.
            exchange.quota = self.limiter.peek("anonymous")
        headers = {**self._headers(request_id, exchange), **error.headers}
        return self._json(error.status, error.body(request_id), headers)

    # ------------------------------------------------------------------------------------
    # The API pipeline

    def _authenticate(self, request: Request) -> tuple[Principal | None, str]:
        secret = request.headers.get("x-fastn-api-key")
        if secret is None:
            authorization = request.headers.get("authorization", "")
            scheme, _, token = authorization.partition(" ")
            if scheme.lower() == "bearer" and token.strip():
                secret = token.strip()
        if not secret:
            return None, "Missing API key: send it in the x-fastn-api-key header."
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

    async def _api(self, request: Request, request_id: str, exchange: _Exchange) -> Response:
        method = request.method.upper()
        path = request.url.path
        principal, auth_problem = self._authenticate(request)
        # Limits are per key: a request without a valid one is answered (401) without being counted.
        exchange.quota = self.limiter.hit(principal.key_id) if principal else self.limiter.peek("anonymous")

        match = self.spec.match(path)
        op = match[0].operations.get(method) if match else None
        decision = self.faults.decide(method, path, op.operation_id if op else None)
        if decision.latency_seconds:
            await self.sleep(decision.latency_seconds)
        if decision.drop:
            return DroppedResponse()
        if decision.error is not None:
            raise decision.error
        if not exchange.quota.allowed:
            raise ApiError(429, f"Rate limit of {exchange.quota.limit} requests per minute exceeded.")
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
        with self.store.lock:
            ws.usage["api_calls"] += 1
            key = ws.collection("api-keys").get(principal.key_id)
            if key is not None:
                key["lastUsedAt"] = self.store.now()

        mutation = method != "GET"
        ctx: Ctx | None = None
        try:
            resource, action = op.permission
            if not principal.may(resource, action):
                raise ApiError(403, f"Role {principal.role} may not perform {resource}:{action}.")
            query, valid_path = self._parameters(op, request, path_params)
            body = await self._body(op, request)
            ctx = Ctx(
                store=self.store,
                spec=self.spec,
                ws=ws,
                principal=principal,
                op=op,
                path_params=valid_path,
                query=query,
                body=body,
                headers=request.headers,
                request_id=request_id,
                now=self.clock.now(),
            )
            with self.store.lock:
                action_handler = self.behaviours.actions.get(op.operation_id)
                result = action_handler.handler(ctx) if action_handler else self.crud.handle(ctx)
                if mutation:
                    self._audit(op, principal, ctx, path_params, "success", request_id)
        except ApiError as error:
            if mutation:
                outcome = "denied" if error.status == 403 else "failure"
                with self.store.lock:
                    self._audit(op, principal, ctx, path_params, outcome, request_id)
            raise
        exchange.extra_headers.update(ctx.response_headers)
        response_headers = self._headers(request_id, exchange)
        if self.config.validate_responses:
            self._check_response(op, result, response_headers)
        return self._json(result.status, result.body, response_headers)

    def _audit(
        self,
        op: Operation,
        principal: Principal,
        ctx: Ctx | None,
        path_params: Mapping[str, str],
        outcome: str,
        request_id: str,
    ) -> None:
        resource = ctx.audit_resource if ctx is not None else None
        if resource is None:
            identifier = path_params.get(op.item_param or "") or next(iter(path_params.values()), None)
            resource = {"type": singular(op.permission[0]), "id": identifier[:128] if identifier else None}
        record_audit(
            self.store.workspace(principal.workspace_id),
            self.store,
            actor=principal.actor,
            action=audit_action(op.operation_id, op.permission[0], self.behaviours.actions),
            resource=resource,
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
            errors = list(param.validator.iter_errors(value))
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

    async def _body(self, op: Operation, request: Request) -> Any:
        if op.body_validator is None:
            return None
        limit = self.config.max_body_bytes
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise ApiError(413, f"The request body is larger than {limit} bytes.")
        chunks: list[bytes] = []
        size = 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise ApiError(413, f"The request body is larger than {limit} bytes.")
            chunks.append(chunk)
        raw = b"".join(chunks)
        if not raw:
            if op.body_required:
                raise ApiError(400, "A JSON request body is required.")
            return None
        content_type = request.headers.get("content-type", "")
        media_type = content_type.split(";", 1)[0].strip().lower()
        if media_type not in op.body_media_types:
            raise ApiError(
                415,
                f"Send the body as {', '.join(op.body_media_types)}, not {content_type[:100] or 'no content type'}.",
            )
        try:
            body = _parse_json(raw)
        except UnicodeDecodeError as exc:
            raise ApiError(400, f"The request body is not valid UTF-8 (byte {exc.start}).") from None
        except UnicodeEncodeError:
            raise ApiError(400, "The request body holds an invalid Unicode escape (a lone surrogate).") from None
        except (ValueError, RecursionError) as exc:
            raise ApiError(400, f"The request body is not valid JSON: {str(exc)[:300]}") from None
        errors = list(op.body_validator.iter_errors(body))
        if errors:
            raise ApiError(422, "The request body is invalid.", details=error_details(errors))
        return body

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

    # ------------------------------------------------------------------------------------
    # Admin routes (not part of the API; documented in mock/README.md)

    async def _admin(self, request: Request, request_id: str) -> Response:
        route = self._admin_routes.get(request.url.path)
        if route is None:
            raise ApiError(404, f"There is no admin route at {request.url.path[:200]}.")
        handler = route.get(request.method.upper())
        if handler is None:
            allow = ", ".join(route)
            raise ApiError(405, f"Allowed on this admin route: {allow}.", headers={"Allow": allow})
        return await handler(request)

    async def _health(self, request: Request) -> Response:
        body = {"status": "ok", "spec": self.spec.source, "operations": len(self.spec.operations)}
        return self._json(200, body, {})

    async def _openapi(self, request: Request) -> Response:
        return self._json(200, self.spec.raw, {})

    async def _reset(self, request: Request) -> Response:
        self.reset()
        return self._json(204, None, {})

    async def _get_faults(self, request: Request) -> Response:
        return self._json(200, self.faults.snapshot(), {})

    async def _post_faults(self, request: Request) -> Response:
        try:
            payload = _parse_json(await request.body())
        except (ValueError, RecursionError):
            raise ApiError(400, "The fault settings are not valid JSON.") from None
        self.faults.update(parse_payload(payload))
        return self._json(200, self.faults.snapshot(), {})

    async def _delete_faults(self, request: Request) -> Response:
        self.faults.clear()
        return self._json(204, None, {})


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
