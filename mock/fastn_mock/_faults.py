"""Fault injection, off by default: random errors, latency, dropped connections and lost replies, scripted faults.

Client tests use it to exercise retries and timeouts against a server that misbehaves on
purpose. Random faults draw from a seeded generator (so a run can be replayed); scripted
faults are deterministic: "the next 2 requests to this path fail with 503".

A fault strikes before the request is processed (latency, an error status, ``drop``: no answer
at all) or after it (``truncate``: the answer's headers and half its body, then the connection
closes; ``loseReply``: the request is applied, then the connection closes with no answer), so
"the write happened but the client never heard" can be tested. `DroppedResponse` and
`TruncatedResponse` put the failures on the wire.

Settings come from the environment / command line at start-up, and can be changed at run
time through ``POST /_mock/faults`` (see `mock/README.md`). The JSON shape is the same in
both places (`FAULTS_SCHEMA`). Every request is matched against every pending scripted fault,
so the queue is bounded (``max_pending``, `MockConfig.max_faults`): a ``POST`` that would pass
the bound is refused whole (409), and each path glob is compiled once, when it is queued.
"""

from __future__ import annotations

import fnmatch
import logging
import random
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Final

from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from ._errors import ApiError
from ._schema import error_details, first_errors, make_validator

logger = logging.getLogger("fastn_mock")

FAULT_STATUSES: Final = {
    408: "TIMED_OUT",
    429: "RATE_LIMITED",
    500: "INTERNAL_ERROR",
    502: "BAD_GATEWAY",
    503: "SERVICE_UNAVAILABLE",
    504: "GATEWAY_TIMEOUT",
}

MAX_FAULTS: Final = 1000
"""Scripted faults that may wait in the queue at once (each request is matched against all of them)."""

_STATUS = {"type": "integer", "enum": sorted(FAULT_STATUSES)}
FAULTS_SCHEMA: Final = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "errorRate": {"type": "number", "minimum": 0, "maximum": 1},
        "errorStatuses": {
            "type": "array",
            "items": _STATUS,
            "minItems": 1,
            "maxItems": len(FAULT_STATUSES),
            "uniqueItems": True,
        },
        "latencyMs": {"type": "integer", "minimum": 0, "maximum": 60000},
        "dropRate": {"type": "number", "minimum": 0, "maximum": 1},
        "loseReplyRate": {"type": "number", "minimum": 0, "maximum": 1},
        "truncateRate": {"type": "number", "minimum": 0, "maximum": 1},
        "seed": {"type": "integer"},
        "script": {
            "type": "array",
            "maxItems": 100,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "path": {"type": "string", "minLength": 1, "maxLength": 2048},
                    "operationId": {"type": "string", "minLength": 1, "maxLength": 128},
                    "method": {"type": "string", "pattern": "^[A-Za-z]+$", "maxLength": 16},
                    "status": _STATUS,
                    "drop": {"type": "boolean"},
                    "truncate": {"type": "boolean"},
                    "loseReply": {"type": "boolean"},
                    "latencyMs": {"type": "integer", "minimum": 0, "maximum": 60000},
                    "retryAfter": {"type": "integer", "minimum": 0, "maximum": 86400},
                    "count": {"type": "integer", "minimum": 1, "maximum": 1_000_000, "default": 1},
                },
                "anyOf": [{"required": [name]} for name in ("status", "drop", "truncate", "loseReply", "latencyMs")],
            },
        },
    },
}
_VALIDATOR: Final = make_validator(FAULTS_SCHEMA)


@dataclass
class ScriptedFault:
    """A fault for the next ``count`` requests matching a path glob / operation id / method."""

    count: int = 1
    path: str | None = None
    operation_id: str | None = None
    method: str | None = None
    status: int | None = None
    drop: bool = False
    truncate: bool = False
    lose_reply: bool = False
    latency_ms: int = 0
    retry_after: int = 1
    _glob: re.Pattern[str] | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Compiled here, once: `fnmatch` caches only so many patterns, and a queue of distinct globs
        # recompiled on every request cost seconds per request.
        self._glob = re.compile(fnmatch.translate(self.path)) if self.path is not None else None

    def matches(self, method: str, path: str, operation_id: str | None) -> bool:
        """Whether a request is one this fault targets."""
        if self.method is not None and self.method.upper() != method:
            return False
        if self.operation_id is not None and self.operation_id != operation_id:
            return False
        return self._glob is None or self._glob.match(path) is not None

    def as_dict(self) -> dict[str, Any]:
        """The JSON form (as accepted by ``POST /_mock/faults``)."""
        out: dict[str, Any] = {
            "count": self.count,
            "drop": self.drop,
            "truncate": self.truncate,
            "loseReply": self.lose_reply,
            "latencyMs": self.latency_ms,
        }
        for key, value in (
            ("path", self.path),
            ("operationId", self.operation_id),
            ("method", self.method),
            ("status", self.status),
        ):
            if value is not None:
                out[key] = value
        out["retryAfter"] = self.retry_after
        return out


@dataclass(frozen=True)
class FaultSettings:
    """Random faults applied to every API request (all off by default)."""

    error_rate: float = 0.0
    error_statuses: tuple[int, ...] = (500, 503, 429)
    latency_ms: int = 0
    drop_rate: float = 0.0
    lose_reply_rate: float = 0.0
    """Share of requests processed, then left without an answer (the connection closes)."""
    truncate_rate: float = 0.0
    """Share of requests processed, then answered with half a body."""
    seed: int | None = None
    script: tuple[ScriptedFault, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Decision:
    """What to do to one request: wait, then drop it, fail it, or let it through; then maybe spoil its answer."""

    latency_seconds: float = 0.0
    drop: bool = False
    error: ApiError | None = None
    truncate: bool = False
    """Process the request, then send the answer's headers and half its body, and close."""
    lose_reply: bool = False
    """Process the request, then close the connection without an answer."""


def parse_payload(payload: object) -> dict[str, Any]:
    """Validate a faults payload, raising 422 with details when it is not one."""
    errors = first_errors(_VALIDATOR, payload)
    if errors:
        raise ApiError(422, "The fault settings are invalid.", details=error_details(errors))
    assert isinstance(payload, dict)
    return payload


def scripted_from_payload(items: list[Mapping[str, Any]]) -> tuple[ScriptedFault, ...]:
    """Scripted faults from their JSON form."""
    return tuple(
        ScriptedFault(
            count=int(item.get("count", 1)),
            path=item.get("path"),
            operation_id=item.get("operationId"),
            method=item.get("method"),
            status=item.get("status"),
            drop=bool(item.get("drop", False)),
            truncate=bool(item.get("truncate", False)),
            lose_reply=bool(item.get("loseReply", False)),
            latency_ms=int(item.get("latencyMs", 0)),
            retry_after=int(item.get("retryAfter", 1)),
        )
        for item in items
    )


def settings_from_payload(payload: Mapping[str, Any], base: FaultSettings | None = None) -> FaultSettings:
    """Settings from a (validated) payload; keys it leaves out keep their value in ``base``."""
    base = base or FaultSettings()
    statuses = payload.get("errorStatuses")
    return replace(
        base,
        error_rate=float(payload.get("errorRate", base.error_rate)),
        error_statuses=tuple(statuses) if statuses else base.error_statuses,
        latency_ms=int(payload.get("latencyMs", base.latency_ms)),
        drop_rate=float(payload.get("dropRate", base.drop_rate)),
        lose_reply_rate=float(payload.get("loseReplyRate", base.lose_reply_rate)),
        truncate_rate=float(payload.get("truncateRate", base.truncate_rate)),
        seed=payload.get("seed", base.seed),
        script=base.script + scripted_from_payload(payload.get("script", [])),
    )


def _fault_error(status: int, retry_after: int, reason: str) -> ApiError:
    headers = {"Retry-After": str(retry_after)} if status in (429, 503) else {}
    return ApiError(status, f"Injected fault: {reason}.", code=FAULT_STATUSES[status], headers=headers)


class Faults:
    """The fault settings, the scripted queue (at most ``max_pending``), and the generator random faults draw from."""

    def __init__(self, settings: FaultSettings | None = None, *, max_pending: int = MAX_FAULTS) -> None:
        self._initial = settings or FaultSettings()
        self.max_pending = max_pending
        self._lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        """Back to the start-up settings (scripted faults from start-up are re-armed)."""
        self.configure(self._initial)

    def configure(self, settings: FaultSettings) -> None:
        """Use ``settings``, its script replacing the queue of scripted faults."""
        with self._lock:
            self._settings = replace(settings, script=())
            self._script = [replace(fault) for fault in settings.script]
            # Fault timing only has to be reproducible, not unpredictable.
            self._rng = random.Random(settings.seed)  # noqa: S311

    def update(self, payload: Mapping[str, Any]) -> None:
        """Apply a ``POST /_mock/faults`` payload: given keys change, scripted faults are queued.

        409, changing nothing, when the queue would hold more than ``max_pending`` scripted faults.
        """
        with self._lock:
            current = replace(self._settings, script=())
        addition = settings_from_payload(payload, current)
        with self._lock:
            pending = len(self._script)
            if pending + len(addition.script) > self.max_pending:
                raise ApiError(
                    409,
                    f"The fault queue holds {pending} scripted faults; {len(addition.script)} more would pass its "
                    f"limit of {self.max_pending} (MOCK_MAX_FAULTS). Nothing was changed: wait for pending faults "
                    "to be used, or clear them with DELETE /_mock/faults.",
                    code="CONFLICT",
                )
            self._settings = replace(addition, script=())
            self._script.extend(addition.script)
            if "seed" in payload:
                self._rng = random.Random(addition.seed)  # noqa: S311

    def clear(self) -> None:
        """No faults at all (not even the start-up ones) until configured again."""
        self.configure(FaultSettings())

    def snapshot(self) -> dict[str, Any]:
        """The current settings and queue in their JSON form."""
        with self._lock:
            s = self._settings
            return {
                "errorRate": s.error_rate,
                "errorStatuses": list(s.error_statuses),
                "latencyMs": s.latency_ms,
                "dropRate": s.drop_rate,
                "loseReplyRate": s.lose_reply_rate,
                "truncateRate": s.truncate_rate,
                "seed": s.seed,
                "script": [fault.as_dict() for fault in self._script],
            }

    def decide(self, method: str, path: str, operation_id: str | None) -> Decision:
        """The fault (if any) for one request; consumes one use of a matching scripted fault."""
        with self._lock:
            s = self._settings
            for fault in self._script:
                if fault.matches(method, path, operation_id):
                    fault.count -= 1
                    if fault.count <= 0:
                        self._script.remove(fault)
                    latency = (s.latency_ms + fault.latency_ms) / 1000
                    error = (
                        _fault_error(fault.status, fault.retry_after, "scripted") if fault.status is not None else None
                    )
                    return Decision(
                        latency,
                        fault.drop,
                        None if fault.drop else error,
                        truncate=fault.truncate,
                        lose_reply=fault.lose_reply,
                    )
            if not (s.error_rate or s.drop_rate or s.lose_reply_rate or s.truncate_rate or s.latency_ms):
                return Decision()
            latency = s.latency_ms / 1000
            if s.drop_rate and self._rng.random() < s.drop_rate:
                return Decision(latency, drop=True)
            if s.error_rate and self._rng.random() < s.error_rate:
                status = self._rng.choice(s.error_statuses)
                return Decision(latency, error=_fault_error(status, 1, "random"))
            if s.lose_reply_rate and self._rng.random() < s.lose_reply_rate:
                return Decision(latency, lose_reply=True)
            if s.truncate_rate and self._rng.random() < s.truncate_rate:
                return Decision(latency, truncate=True)
            return Decision(latency)


# --------------------------------------------------------------------------------------------
# Failures on the wire


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


class TruncatedResponse(Response):
    """Sends ``answer``'s status line, headers (with its full Content-Length) and half its body, then closes.

    The rest of the body is sent with one byte too many for the Content-Length: the server
    refuses to write it and closes the connection when the app returns, so the client reads an
    incomplete body ("peer closed connection without sending complete message body"). An
    in-process transport writes it all; for it the app raises `DroppedConnection` instead. An
    answer without a body cannot be cut short: it is dropped whole (`DroppedResponse`).
    """

    def __init__(self, answer: Response) -> None:
        super().__init__(status_code=answer.status_code)
        self.answer = answer

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        body = bytes(self.answer.body)
        if not body:
            await DroppedResponse()(scope, receive, send)
            return
        half = len(body) // 2
        status, headers = self.answer.status_code, self.answer.raw_headers
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body[:half], "more_body": True})
        try:
            await send({"type": "http.response.body", "body": body[half:] + b" ", "more_body": False})
        except Exception:  # too long for its Content-Length: the server wrote none of it
            logger.info(
                "cut the answer to %s %s short on purpose (%d of %d bytes)",
                scope.get("method"),
                scope.get("path"),
                half,
                len(body),
            )
            return
        raise DroppedConnection(f"fault injection truncated the answer to {scope.get('method')} {scope.get('path')}")
