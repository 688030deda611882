"""The audit log: what a request is recorded as, and the recording.

Every mutation (POST, PUT, DELETE) that passed authentication becomes one event, written by the
pipeline (`_app`) once the handler has answered or failed. Its action is ``<resource>.<verb>``
(`action_name`, ``customer.create``) unless the operation names another, and its resource is the
one the handler's `Result` names (a create names what it created), else the one the request's path
names (`path_subject`). Events no request makes itself (an execution finishing, the AI builder
creating a workflow) are recorded with `record` by the behaviour that causes them.

The log is history, and every refused mutation adds to it too, so it cannot count against a
workspace's stored data (a full workspace would then refuse to record its refusals): it keeps the
newest `MAX_EVENTS` events per workspace instead, the oldest going first.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from ._spec import Operation, singular
from ._store import Store, Workspace

MAX_EVENTS: Final = 10_000
"""Audit events kept per workspace; past this, the oldest is forgotten."""


@dataclass(frozen=True)
class Subject:
    """The resource an event is about (the spec's ``AuditEvent.resource``)."""

    type: str
    id: str | None

    def as_json(self) -> dict[str, Any]:
        """The ``resource`` object of an audit event."""
        return {"type": self.type, "id": self.id}


def path_subject(op: Operation, path_params: Mapping[str, str], resource_type: str | None = None) -> Subject:
    """The resource the request's path names: its item id (else its first id, else none).

    Typed ``resource_type`` when the operation says (an AI build step acts on a ``build``), else
    by the resource of the operation's permission (``customers`` → ``customer``).
    """
    identifier = path_params.get(op.item_param or "") or next(iter(path_params.values()), None)
    return Subject(resource_type or singular(op.permission[0]), identifier[:128] if identifier else None)


def action_name(op: Operation, override: str | None = None) -> str:
    """``createCustomer`` → ``customer.create``, ``revokeApiKey`` → ``api_key.revoke``; ``override`` wins."""
    if override is not None:
        return override
    verb = re.split(r"(?=[A-Z])", op.operation_id, maxsplit=1)[0]
    return f"{singular(op.permission[0])}.{verb}"


def record(
    ws: Workspace,
    store: Store,
    *,
    actor: Mapping[str, Any],
    action: str,
    subject: Subject,
    outcome: str,
    request_id: str | None,
    timestamp: str,
) -> None:
    """Append one event to the workspace's audit log (its `audit` collection, oldest first; at most `MAX_EVENTS`)."""
    event_id = store.new_id()
    events = ws.collection("audit")
    while len(events) >= MAX_EVENTS:
        del events[next(iter(events))]  # dicts keep insertion order: the first is the oldest
    events[event_id] = {
        "id": event_id,
        "timestamp": timestamp,
        "actor": dict(actor),
        "action": action,
        "resource": subject.as_json(),
        "outcome": outcome,
        "requestId": request_id,
    }
