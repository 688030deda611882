from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.trigger_route_headers import TriggerRouteHeaders


T = TypeVar("T", bound="TriggerRoute")
# from_dict() makes a TriggerRoute the way its attrs __init__ does, without calling it.
_new = object.__new__

# The JSON keys of TriggerRoute's fields: from_dict() puts any other key in additional_properties.
_FIELD_KEYS = frozenset(
    {
        "workflowId",
        "headers",
        "filters",
        "payload",
    }
)


@_attrs_define
class TriggerRoute:
    """One route of a trigger's events to a workflow.

    Attributes:
        workflow_id (str | Unset): The workflow the route starts.
        headers (TriggerRouteHeaders | Unset): Headers sent with the event.
        filters (Any | Unset): JSON filters an event must pass to take this route; their form is not documented.
        payload (Any | Unset): The payload the workflow receives; any JSON.
    """

    workflow_id: str | Unset = UNSET
    headers: TriggerRouteHeaders | Unset = UNSET
    filters: Any | Unset = UNSET
    payload: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        workflow_id = self.workflow_id

        headers: dict[str, Any] | Unset = UNSET
        if not isinstance(self.headers, Unset):
            headers = self.headers.to_dict()

        filters = self.filters

        payload = self.payload

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if workflow_id is not UNSET:
            field_dict["workflowId"] = workflow_id
        if headers is not UNSET:
            field_dict["headers"] = headers
        if filters is not UNSET:
            field_dict["filters"] = filters
        if payload is not UNSET:
            field_dict["payload"] = payload

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.trigger_route_headers import TriggerRouteHeaders  # noqa: PLC0415

        if src_dict.__class__ is not dict:
            src_dict = dict(src_dict)
        workflow_id = src_dict.get("workflowId", UNSET)

        _headers = src_dict.get("headers", UNSET)
        headers: TriggerRouteHeaders | Unset
        if isinstance(_headers, Unset):
            headers = UNSET
        else:
            headers = TriggerRouteHeaders.from_dict(_headers)

        filters = src_dict.get("filters", UNSET)

        payload = src_dict.get("payload", UNSET)

        if cls is TriggerRoute:
            _made = _new(cls)
            _made.workflow_id = workflow_id
            _made.headers = headers
            _made.filters = filters
            _made.payload = payload
            _made.additional_properties = {}
            trigger_route = _made
        else:
            trigger_route = cls(
                workflow_id,
                headers,
                filters,
                payload,
            )

        if len(src_dict) > 0 + ("workflowId" in src_dict) + ("headers" in src_dict) + ("filters" in src_dict) + (
            "payload" in src_dict
        ):
            d = {k: v for k, v in src_dict.items() if k not in _FIELD_KEYS}
            trigger_route.additional_properties = d

        return trigger_route

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
