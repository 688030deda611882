from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..lib.fast_parsing import parse_datetime
from ..models.audit_outcome import AuditOutcome

if TYPE_CHECKING:
    from ..models.audit_actor import AuditActor
    from ..models.audit_resource import AuditResource


T = TypeVar("T", bound="AuditEvent")
# from_dict() makes a AuditEvent the way its attrs __init__ does, without calling it.
_new = object.__new__

# The JSON keys of AuditEvent's fields: from_dict() puts any other key in additional_properties.
_FIELD_KEYS = frozenset(
    {
        "id",
        "timestamp",
        "actor",
        "action",
        "resource",
        "outcome",
        "requestId",
    }
)


@_attrs_define
class AuditEvent:
    """One entry of the audit log. Every mutation is recorded.

    Attributes:
        id (str): Unique identifier of the audit event, assigned by the server.
        timestamp (datetime.datetime): When it happened.
        actor (AuditActor): Who performed an action.
        action (str): Dotted action name, e.g. `workflow.execute.completed`, `auth.login`, `customer.create`.
        resource (AuditResource): What an action was performed on.
        outcome (AuditOutcome | str): Result of an audited action. Values not listed here arrive as plain strings.
        request_id (None | str): Request that caused it, if any.
    """

    id: str
    timestamp: datetime.datetime
    actor: AuditActor
    action: str
    resource: AuditResource
    outcome: AuditOutcome | str
    request_id: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        timestamp = self.timestamp.isoformat()

        actor = self.actor.to_dict()

        action = self.action

        resource = self.resource.to_dict()

        outcome: str
        if isinstance(self.outcome, str):
            outcome = self.outcome
        else:
            outcome = self.outcome

        request_id: None | str
        request_id = self.request_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "timestamp": timestamp,
                "actor": actor,
                "action": action,
                "resource": resource,
                "outcome": outcome,
                "requestId": request_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audit_actor import AuditActor  # noqa: PLC0415
        from ..models.audit_resource import AuditResource  # noqa: PLC0415

        if src_dict.__class__ is not dict:
            src_dict = dict(src_dict)
        id = src_dict["id"]

        timestamp = parse_datetime(src_dict["timestamp"])

        actor = AuditActor.from_dict(src_dict["actor"])

        action = src_dict["action"]

        resource = AuditResource.from_dict(src_dict["resource"])

        outcome = src_dict["outcome"]

        def _parse_request_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        request_id = _parse_request_id(src_dict["requestId"])

        if cls is AuditEvent:
            _made = _new(cls)
            _made.id = id
            _made.timestamp = timestamp
            _made.actor = actor
            _made.action = action
            _made.resource = resource
            _made.outcome = outcome
            _made.request_id = request_id
            _made.additional_properties = {}
            audit_event = _made
        else:
            audit_event = cls(
                id,
                timestamp,
                actor,
                action,
                resource,
                outcome,
                request_id,
            )

        if len(src_dict) > 7:
            d = {k: v for k, v in src_dict.items() if k not in _FIELD_KEYS}
            audit_event.additional_properties = d

        return audit_event

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
