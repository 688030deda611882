from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.trigger_type import TRIGGER_TYPE_VALUES, TriggerType, check_trigger_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="TriggerCreate")
# from_dict() makes a TriggerCreate the way its attrs __init__ does, without calling it.
_new = object.__new__


@_attrs_define
class TriggerCreate:
    """Fields to create a trigger.

    Attributes:
        name (str): Display name.
        type_ (TriggerType): What fires a trigger: an HTTP `webhook`, a `cron` schedule (or a fixed interval), a
            `manual` run, or an app `event` such as `order.created`.
        workflow_ids (list[str]): Workflows started when the trigger fires.
        enabled (bool | Unset): Defaults to `true`.
        cron (str | Unset): Cron expression (5 or 6 fields), for `cron` triggers.
        interval_seconds (int | Unset): Fixed interval, for `cron` triggers.
        deduplication_key (str | Unset): JSON path in the webhook payload used to de-duplicate deliveries.
        dead_letter_enabled (bool | Unset): Defaults to `false`.
        event (str | Unset): Event name, for `event` triggers.
    """

    name: str
    type_: TriggerType
    workflow_ids: list[str]
    enabled: bool | Unset = UNSET
    cron: str | Unset = UNSET
    interval_seconds: int | Unset = UNSET
    deduplication_key: str | Unset = UNSET
    dead_letter_enabled: bool | Unset = UNSET
    event: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        type_: str = self.type_

        workflow_ids = self.workflow_ids

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

        workflow_ids = cast(list[str], src_dict["workflowIds"])

        enabled = src_dict.get("enabled", UNSET)

        cron = src_dict.get("cron", UNSET)

        interval_seconds = src_dict.get("intervalSeconds", UNSET)

        deduplication_key = src_dict.get("deduplicationKey", UNSET)

        dead_letter_enabled = src_dict.get("deadLetterEnabled", UNSET)

        event = src_dict.get("event", UNSET)

        if cls is TriggerCreate:
            _made = _new(cls)
            _made.name = name
            _made.type_ = type_
            _made.workflow_ids = workflow_ids
            _made.enabled = enabled
            _made.cron = cron
            _made.interval_seconds = interval_seconds
            _made.deduplication_key = deduplication_key
            _made.dead_letter_enabled = dead_letter_enabled
            _made.event = event
            trigger_create = _made
        else:
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
