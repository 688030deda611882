"""Deviating mode: the mock contradicts its spec on purpose, in named and precisely defined ways.

A contract-testing tool must say which parts of the spec a real server contradicts; to prove
that it does, the mock can be told (``--deviate NAME[,NAME...]``, ``MOCK_DEVIATE``,
`MockConfig.deviations`) to break chosen promises of the spec, each one alone and nothing else, so
a report can be asserted to name exactly those. `DEVIATIONS` is the catalogue.

Deviations touch ``/api/`` routes only, never the ``/_mock`` admin routes, at three points of the
pipeline (`_app`):

* authentication (`Deviations.bearer_only`): which form of the key counts;
* idempotency (`Deviations.honours_idempotency`): whether ``Idempotency-Key`` is looked at at all;
* the final response (`Deviations.response`): its status, headers and JSON body, whatever made it
  (a handler, an error, an idempotent replay), after ``--validate-responses`` checked what the mock
  produced, and before a fault cuts it short. Content-Length is set to the new body's.

With no deviation on, none of this runs: the app checks one attribute per request.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Collection, Iterable, Mapping
from types import MappingProxyType
from typing import Any, Final

from starlette.responses import Response

from ._http import INLINE_BODY_BYTES, encode_json, offload

BEARER_KEY: Final = "bearer-key"
SNAKE_CASE: Final = "snake-case"
ENVELOPE: Final = "envelope"
UNLISTED_ENUM: Final = "unlisted-enum"
MISSING_FIELD: Final = "missing-field"
UNDOCUMENTED_STATUS: Final = "undocumented-status"
NO_RATE_LIMIT_HEADERS: Final = "no-rate-limit-headers"
NO_IDEMPOTENCY: Final = "no-idempotency"

DEVIATIONS: Final[Mapping[str, str]] = MappingProxyType(
    {
        BEARER_KEY: (
            "the API key counts only as 'Authorization: Bearer <key>'; in x-fastn-api-key alone it is 401 "
            "(the spec documents both forms: refusing the seed's one contradicts ApiKeyAuth)"
        ),
        SNAKE_CASE: "every key of every JSON object in a response body is snake_case (nextCursor -> next_cursor)",
        ENVELOPE: 'every 2xx JSON body is wrapped as {"body": <the body>} (the official SDK\'s shape)',
        UNLISTED_ENUM: 'every Workflow in a response has status "mock-unlisted", which WorkflowStatus does not list',
        MISSING_FIELD: "every Workflow in a response lacks its required createdAt",
        UNDOCUMENTED_STATUS: "getBilling (GET /api/v1/billing) answers 203 instead of 200",
        NO_RATE_LIMIT_HEADERS: "no response carries X-RateLimit-Limit/-Remaining/-Reset or Retry-After",
        NO_IDEMPOTENCY: "Idempotency-Key is ignored: a repeated key is neither replayed nor refused",
    }
)
"""Every deviation the mock knows: name -> what it changes (one line)."""

UNLISTED_STATUS: Final = "mock-unlisted"
"""The workflow status `unlisted-enum` sends: not a value of the spec's ``WorkflowStatus``."""
BILLING_OPERATION: Final = "getBilling"
UNDOCUMENTED_BILLING_STATUS: Final = 203
WORKFLOW_OPERATIONS: Final[Mapping[str, bool]] = MappingProxyType(
    {"listWorkflows": True, "getWorkflow": False, "createWorkflow": False, "updateWorkflow": False}
)
"""The operations whose success body holds Workflow objects: True for a list (in ``data``), False for one."""
RATE_LIMIT_HEADERS: Final = ("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "Retry-After")

_BODY_DEVIATIONS: Final = frozenset({SNAKE_CASE, ENVELOPE, UNLISTED_ENUM, MISSING_FIELD})
_RESPONSE_DEVIATIONS: Final = _BODY_DEVIATIONS | {UNDOCUMENTED_STATUS, NO_RATE_LIMIT_HEADERS}
_NEEDS_OPERATIONS: Final[Mapping[str, Collection[str]]] = MappingProxyType(
    {UNLISTED_ENUM: WORKFLOW_OPERATIONS, MISSING_FIELD: WORKFLOW_OPERATIONS, UNDOCUMENTED_STATUS: (BILLING_OPERATION,)}
)
_WORD_BOUNDARY: Final = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", re.ASCII)
_ASCII_LOWER: Final = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_CAPITALS: Final = re.compile(r"[A-Z]", re.ASCII)


def parse_deviations(names: str | Iterable[str]) -> frozenset[str]:
    """Deviation names from ``"a,b"`` or from an iterable of such strings; `ValueError` naming the valid ones."""
    items = [names] if isinstance(names, str) else list(names)
    found = {part.strip() for item in items for part in item.split(",")} - {""}
    unknown = sorted(found - DEVIATIONS.keys())
    if unknown:
        raise ValueError(
            f"unknown deviation{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}; "
            f"valid: {', '.join(DEVIATIONS)}"
        )
    return frozenset(found)


def ordered(names: Collection[str]) -> list[str]:
    """``names`` in the catalogue's order."""
    return [name for name in DEVIATIONS if name in names]


@functools.lru_cache(maxsize=4096)
def snake_case(key: str) -> str:
    """``nextCursor`` -> ``next_cursor``, ``authURL`` -> ``auth_url``; a key without ASCII capitals as it is."""
    if _CAPITALS.search(key) is None:
        return key
    return _WORD_BOUNDARY.sub("_", key).translate(_ASCII_LOWER)


def snake_cased(value: Any) -> Any:
    """``value`` with every key of every object in it snake_cased, at any depth."""
    if isinstance(value, dict):
        return {snake_case(key): snake_cased(item) for key, item in value.items()}
    if isinstance(value, list):
        return [snake_cased(item) for item in value]
    return value


class Deviations:
    """The deviations in force, and the hooks the pipeline calls (see the module's description)."""

    def __init__(self, names: Iterable[str], operation_ids: Collection[str]) -> None:
        self.names = parse_deviations(names)
        for name in ordered(self.names):
            missing = sorted(set(_NEEDS_OPERATIONS.get(name, ())) - set(operation_ids))
            if missing:
                raise ValueError(f"deviation {name} needs operations the spec lacks: {', '.join(missing)}")
        self.bearer_only = BEARER_KEY in self.names
        """Authentication: the key counts only as ``Authorization: Bearer <key>``."""
        self.honours_idempotency = NO_IDEMPOTENCY not in self.names
        """Idempotency: False when ``Idempotency-Key`` is to be ignored altogether."""
        self.on_response = bool(self.names & _RESPONSE_DEVIATIONS)
        """Whether `response` has anything to do (the pipeline skips it otherwise)."""
        self._edits_body = bool(self.names & _BODY_DEVIATIONS)

    def __repr__(self) -> str:
        return f"Deviations({ordered(self.names)!r})"

    async def response(self, response: Response, operation_id: str | None) -> Response:
        """``response`` (an ``/api/`` answer, changed in place) with the deviations applied.

        ``operation_id`` is the operation the request was routed to (None: no route). A large body is
        rewritten in a worker thread, as the pipeline does with large answers.
        """
        headers = response.headers
        if UNDOCUMENTED_STATUS in self.names and operation_id == BILLING_OPERATION and response.status_code == 200:
            response.status_code = UNDOCUMENTED_BILLING_STATUS
        if NO_RATE_LIMIT_HEADERS in self.names:
            for name in RATE_LIMIT_HEADERS:
                del headers[name]
        content = bytes(response.body)
        if self._edits_body and content and headers.get("content-type", "").startswith("application/json"):
            status = response.status_code

            def rewrite() -> bytes:
                body = self.body(json.loads(content), status, operation_id)
                return encode_json(body) or b""

            new = await offload(rewrite) if len(content) > INLINE_BODY_BYTES else rewrite()
            response.body = new
            headers["content-length"] = str(len(new))
        return response

    def body(self, body: Any, status: int, operation_id: str | None) -> Any:
        """A JSON body of an answer with ``status`` to ``operation_id``, as the body deviations change it.

        ``body`` is the answer's own (freshly decoded) copy: it is changed in place where that is simpler.
        """
        success = 200 <= status < 300
        listed = WORKFLOW_OPERATIONS.get(operation_id or "")
        if success and listed is not None and self.names & {UNLISTED_ENUM, MISSING_FIELD}:
            items = (body.get("data") if isinstance(body, dict) else None) if listed else [body]
            for workflow in items if isinstance(items, list) else ():
                if isinstance(workflow, dict):
                    if UNLISTED_ENUM in self.names:
                        workflow["status"] = UNLISTED_STATUS
                    if MISSING_FIELD in self.names:
                        workflow.pop("createdAt", None)
        if SNAKE_CASE in self.names:
            body = snake_cased(body)
        if ENVELOPE in self.names and success:
            body = {"body": body}
        return body
