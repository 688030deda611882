from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.audit_outcome import AuditOutcome, check_audit_outcome

if TYPE_CHECKING:
    from ..models.audit_actor import AuditActor
    from ..models.audit_resource import AuditResource


T = TypeVar("T", bound="AuditEvent")


@_attrs_define
class AuditEvent:
    """One entry of the audit log. Every mutation is recorded.

    Attributes:
        id (UUID): Unique identifier of the audit event, assigned by the server.
        timestamp (datetime.datetime): When it happened.
        actor (AuditActor): Who performed an action.
        action (str): Dotted action name, e.g. `workflow.execute.completed`, `auth.login`, `customer.create`.
        resource (AuditResource): What an action was performed on.
        outcome (AuditOutcome): Result of an audited action.
        request_id (None | str): Request that caused it, if any.
    """

    id: UUID
    timestamp: datetime.datetime
    actor: AuditActor
    action: str
    resource: AuditResource
    outcome: AuditOutcome
    request_id: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        timestamp = self.timestamp.isoformat()

        actor = self.actor.to_dict()

        action = self.action

        resource = self.resource.to_dict()

        outcome: str = self.outcome

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

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        actor = AuditActor.from_dict(d.pop("actor"))

        action = d.pop("action")

        resource = AuditResource.from_dict(d.pop("resource"))

        outcome = check_audit_outcome(d.pop("outcome"))

        def _parse_request_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        request_id = _parse_request_id(d.pop("requestId"))

        audit_event = cls(
            id=id,
            timestamp=timestamp,
            actor=actor,
            action=action,
            resource=resource,
            outcome=outcome,
            request_id=request_id,
        )

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
