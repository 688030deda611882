from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..lib.fast_parsing import parse_datetime
from ..models.trigger_type import TriggerType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.trigger_route import TriggerRoute


T = TypeVar("T", bound="Trigger")
# from_dict() makes a Trigger the way its attrs __init__ does, without calling it.
_new = object.__new__

# The JSON keys of Trigger's fields: from_dict() puts any other key in additional_properties.
_FIELD_KEYS = frozenset(
    {
        "id",
        "name",
        "type",
        "workflowIds",
        "enabled",
        "cron",
        "intervalSeconds",
        "webhookUrl",
        "deduplicationKey",
        "deadLetterEnabled",
        "event",
        "revision",
        "createdAt",
        "updatedAt",
        "description",
        "webhookId",
        "executionMode",
        "routes",
    }
)


@_attrs_define
class Trigger:
    """A trigger: an event source that starts workflows.

    Attributes:
        id (str): Unique identifier of the trigger, assigned by the server.
        name (str): Display name; required.
        type_ (str | TriggerType): What fires a trigger: an HTTP `webhook`, a `cron` schedule (or a fixed interval), a
            `manual` run, or an app `event` such as `order.created`. Values not listed here arrive as plain strings.
        workflow_ids (list[str]): Workflows started when the trigger fires.
        enabled (bool): Whether the trigger fires.
        cron (None | str): Cron expression, for `cron` triggers (or `intervalSeconds`).
        interval_seconds (int | None): Fixed interval, for `cron` triggers without `cron`.
        webhook_url (None | str): Where to POST events, for `webhook` triggers. An incoming webhook authenticates with
            the `x-fastn-key` header.
        deduplication_key (None | str): JSON path in a webhook payload whose value de-duplicates deliveries.
        dead_letter_enabled (bool): Keep events that failed every retry for inspection.
        event (None | str): Event name, for `event` triggers, e.g. `contact.created`.
        revision (int): Optimistic-concurrency revision: 1 on creation, incremented by every successful update. Send it
            back in an update's `revision` field.
        created_at (datetime.datetime): When the resource was created (RFC 3339, UTC).
        updated_at (datetime.datetime): When the resource was last changed (RFC 3339, UTC).
        description (None | str | Unset): What the trigger is for.
        webhook_id (None | str | Unset): Identifier of the webhook of a `webhook` trigger (opaque).
        execution_mode (None | str | Unset): How the trigger's workflows run. The docs name the setting but list no
            values, so it is a plain string.
        routes (list[TriggerRoute] | Unset): Where an event goes, each route a workflow with the headers, JSON filters
            and payload it receives.
    """

    id: str
    name: str
    type_: str | TriggerType
    workflow_ids: list[str]
    enabled: bool
    cron: None | str
    interval_seconds: int | None
    webhook_url: None | str
    deduplication_key: None | str
    dead_letter_enabled: bool
    event: None | str
    revision: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    description: None | str | Unset = UNSET
    webhook_id: None | str | Unset = UNSET
    execution_mode: None | str | Unset = UNSET
    routes: list[TriggerRoute] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        type_: str
        if isinstance(self.type_, str):
            type_ = self.type_
        else:
            type_ = self.type_

        workflow_ids = self.workflow_ids

        enabled = self.enabled

        cron: None | str
        cron = self.cron

        interval_seconds: int | None
        interval_seconds = self.interval_seconds

        webhook_url: None | str
        webhook_url = self.webhook_url

        deduplication_key: None | str
        deduplication_key = self.deduplication_key

        dead_letter_enabled = self.dead_letter_enabled

        event: None | str
        event = self.event

        revision = self.revision

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        webhook_id: None | str | Unset
        if isinstance(self.webhook_id, Unset):
            webhook_id = UNSET
        else:
            webhook_id = self.webhook_id

        execution_mode: None | str | Unset
        if isinstance(self.execution_mode, Unset):
            execution_mode = UNSET
        else:
            execution_mode = self.execution_mode

        routes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.routes, Unset):
            routes = []
            for routes_item_data in self.routes:
                routes_item = routes_item_data.to_dict()
                routes.append(routes_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "type": type_,
                "workflowIds": workflow_ids,
                "enabled": enabled,
                "cron": cron,
                "intervalSeconds": interval_seconds,
                "webhookUrl": webhook_url,
                "deduplicationKey": deduplication_key,
                "deadLetterEnabled": dead_letter_enabled,
                "event": event,
                "revision": revision,
                "createdAt": created_at,
                "updatedAt": updated_at,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if webhook_id is not UNSET:
            field_dict["webhookId"] = webhook_id
        if execution_mode is not UNSET:
            field_dict["executionMode"] = execution_mode
        if routes is not UNSET:
            field_dict["routes"] = routes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.trigger_route import TriggerRoute  # noqa: PLC0415

        if src_dict.__class__ is not dict:
            src_dict = dict(src_dict)
        id = src_dict["id"]

        name = src_dict["name"]

        type_ = src_dict["type"]

        workflow_ids = cast(list[str], src_dict["workflowIds"])

        enabled = src_dict["enabled"]

        def _parse_cron(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cron = _parse_cron(src_dict["cron"])

        def _parse_interval_seconds(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        interval_seconds = _parse_interval_seconds(src_dict["intervalSeconds"])

        def _parse_webhook_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        webhook_url = _parse_webhook_url(src_dict["webhookUrl"])

        def _parse_deduplication_key(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        deduplication_key = _parse_deduplication_key(src_dict["deduplicationKey"])

        dead_letter_enabled = src_dict["deadLetterEnabled"]

        def _parse_event(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        event = _parse_event(src_dict["event"])

        revision = src_dict["revision"]

        created_at = parse_datetime(src_dict["createdAt"])

        updated_at = parse_datetime(src_dict["updatedAt"])

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(src_dict.get("description", UNSET))

        def _parse_webhook_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        webhook_id = _parse_webhook_id(src_dict.get("webhookId", UNSET))

        def _parse_execution_mode(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        execution_mode = _parse_execution_mode(src_dict.get("executionMode", UNSET))

        _routes = src_dict.get("routes", UNSET)
        routes: list[TriggerRoute] | Unset = UNSET
        if _routes is not UNSET:
            routes = []
            for routes_item_data in _routes:
                routes_item = TriggerRoute.from_dict(routes_item_data)

                routes.append(routes_item)

        if cls is Trigger:
            _made = _new(cls)
            _made.id = id
            _made.name = name
            _made.type_ = type_
            _made.workflow_ids = workflow_ids
            _made.enabled = enabled
            _made.cron = cron
            _made.interval_seconds = interval_seconds
            _made.webhook_url = webhook_url
            _made.deduplication_key = deduplication_key
            _made.dead_letter_enabled = dead_letter_enabled
            _made.event = event
            _made.revision = revision
            _made.created_at = created_at
            _made.updated_at = updated_at
            _made.description = description
            _made.webhook_id = webhook_id
            _made.execution_mode = execution_mode
            _made.routes = routes
            _made.additional_properties = {}
            trigger = _made
        else:
            trigger = cls(
                id,
                name,
                type_,
                workflow_ids,
                enabled,
                cron,
                interval_seconds,
                webhook_url,
                deduplication_key,
                dead_letter_enabled,
                event,
                revision,
                created_at,
                updated_at,
                description,
                webhook_id,
                execution_mode,
                routes,
            )

        if len(src_dict) > 14 + ("description" in src_dict) + ("webhookId" in src_dict) + (
            "executionMode" in src_dict
        ) + ("routes" in src_dict):
            d = {k: v for k, v in src_dict.items() if k not in _FIELD_KEYS}
            trigger.additional_properties = d

        return trigger

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
