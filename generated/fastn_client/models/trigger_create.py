from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..lib.fast_parsing import parse_uuid
from ..models.trigger_type import TRIGGER_TYPE_VALUES, TriggerType, check_trigger_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="TriggerCreate")


@_attrs_define
class TriggerCreate:
    """Fields to create a trigger.

    Attributes:
        name (str): Display name.
        type_ (TriggerType): What fires a trigger.
        workflow_ids (list[UUID]): Workflows started when the trigger fires.
        enabled (bool | Unset): Defaults to `true`.
        cron (str | Unset): Cron expression (5 or 6 fields), for `schedule` triggers.
        interval_seconds (int | Unset): Fixed interval, for `schedule` triggers.
        deduplication_key (str | Unset): JSON path in the webhook payload used to de-duplicate deliveries.
        dead_letter_enabled (bool | Unset): Defaults to `false`.
        event (str | Unset): Event name, for `app_event` triggers.
    """

    name: str
    type_: TriggerType
    workflow_ids: list[UUID]
    enabled: bool | Unset = UNSET
    cron: str | Unset = UNSET
    interval_seconds: int | Unset = UNSET
    deduplication_key: str | Unset = UNSET
    dead_letter_enabled: bool | Unset = UNSET
    event: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        type_: str = self.type_

        workflow_ids = []
        for workflow_ids_item_data in self.workflow_ids:
            workflow_ids_item = str(workflow_ids_item_data)
            workflow_ids.append(workflow_ids_item)

        enabled = self.enabled

        cron = self.cron

        interval_seconds = self.interval_seconds

        deduplication_key = self.deduplication_key

        dead_letter_enabled = self.dead_letter_enabled

        event = self.event

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "type": type_,
                "workflowIds": workflow_ids,
            }
        )
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if cron is not UNSET:
            field_dict["cron"] = cron
        if interval_seconds is not UNSET:
            field_dict["intervalSeconds"] = interval_seconds
        if deduplication_key is not UNSET:
            field_dict["deduplicationKey"] = deduplication_key
        if dead_letter_enabled is not UNSET:
            field_dict["deadLetterEnabled"] = dead_letter_enabled
        if event is not UNSET:
            field_dict["event"] = event

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict:
            src_dict = dict(src_dict)
        name = src_dict["name"]

        type_ = src_dict["type"]
        if type_ not in TRIGGER_TYPE_VALUES:
            type_ = check_trigger_type(type_)

        workflow_ids = []
        _workflow_ids = src_dict["workflowIds"]
        for workflow_ids_item_data in _workflow_ids:
            workflow_ids_item = parse_uuid(workflow_ids_item_data)

            workflow_ids.append(workflow_ids_item)

        enabled = src_dict.get("enabled", UNSET)

        cron = src_dict.get("cron", UNSET)

        interval_seconds = src_dict.get("intervalSeconds", UNSET)

        deduplication_key = src_dict.get("deduplicationKey", UNSET)

        dead_letter_enabled = src_dict.get("deadLetterEnabled", UNSET)

        event = src_dict.get("event", UNSET)

        trigger_create = cls(
            name,
            type_,
            workflow_ids,
            enabled,
            cron,
            interval_seconds,
            deduplication_key,
            dead_letter_enabled,
            event,
        )

        return trigger_create
