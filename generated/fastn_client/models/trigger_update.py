from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="TriggerUpdate")
# from_dict() makes a TriggerUpdate the way its attrs __init__ does, without calling it.
_new = object.__new__


@_attrs_define
class TriggerUpdate:
    """Changes to a trigger. Omitted fields keep their value; `type` cannot change.

    Attributes:
        revision (int): The `revision` the caller last read. The update is applied only if it still matches; otherwise
            the server answers 409 `VERSION_MISMATCH` and changes nothing.
        name (str | Unset): Display name.
        workflow_ids (list[str] | Unset): Workflows started when the trigger fires.
        enabled (bool | Unset): Defaults to `true`.
        cron (None | str | Unset): Cron expression (5 or 6 fields), for `cron` triggers. `null` clears it.
        interval_seconds (int | None | Unset): Fixed interval, for `cron` triggers. `null` clears it.
        deduplication_key (None | str | Unset): JSON path in the webhook payload used to de-duplicate deliveries. `null`
            clears it.
        dead_letter_enabled (bool | Unset): Defaults to `false`.
        event (None | str | Unset): Event name, for `event` triggers. `null` clears it.
    """

    revision: int
    name: str | Unset = UNSET
    workflow_ids: list[str] | Unset = UNSET
    enabled: bool | Unset = UNSET
    cron: None | str | Unset = UNSET
    interval_seconds: int | None | Unset = UNSET
    deduplication_key: None | str | Unset = UNSET
    dead_letter_enabled: bool | Unset = UNSET
    event: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        revision = self.revision

        name = self.name

        workflow_ids: list[str] | Unset = UNSET
        if not isinstance(self.workflow_ids, Unset):
            workflow_ids = self.workflow_ids

        enabled = self.enabled

        cron: None | str | Unset
        if isinstance(self.cron, Unset):
            cron = UNSET
        else:
            cron = self.cron

        interval_seconds: int | None | Unset
        if isinstance(self.interval_seconds, Unset):
            interval_seconds = UNSET
        else:
            interval_seconds = self.interval_seconds

        deduplication_key: None | str | Unset
        if isinstance(self.deduplication_key, Unset):
            deduplication_key = UNSET
        else:
            deduplication_key = self.deduplication_key

        dead_letter_enabled = self.dead_letter_enabled

        event: None | str | Unset
        if isinstance(self.event, Unset):
            event = UNSET
        else:
            event = self.event

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "revision": revision,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if workflow_ids is not UNSET:
            field_dict["workflowIds"] = workflow_ids
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
        revision = src_dict["revision"]

        name = src_dict.get("name", UNSET)

        workflow_ids = cast(list[str], src_dict.get("workflowIds", UNSET))

        enabled = src_dict.get("enabled", UNSET)

        def _parse_cron(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cron = _parse_cron(src_dict.get("cron", UNSET))

        def _parse_interval_seconds(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        interval_seconds = _parse_interval_seconds(src_dict.get("intervalSeconds", UNSET))

        def _parse_deduplication_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        deduplication_key = _parse_deduplication_key(src_dict.get("deduplicationKey", UNSET))

        dead_letter_enabled = src_dict.get("deadLetterEnabled", UNSET)

        def _parse_event(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        event = _parse_event(src_dict.get("event", UNSET))

        if cls is TriggerUpdate:
            _made = _new(cls)
            _made.revision = revision
            _made.name = name
            _made.workflow_ids = workflow_ids
            _made.enabled = enabled
            _made.cron = cron
            _made.interval_seconds = interval_seconds
            _made.deduplication_key = deduplication_key
            _made.dead_letter_enabled = dead_letter_enabled
            _made.event = event
            trigger_update = _made
        else:
            trigger_update = cls(
                revision,
                name,
                workflow_ids,
                enabled,
                cron,
                interval_seconds,
                deduplication_key,
                dead_letter_enabled,
                event,
            )

        return trigger_update
