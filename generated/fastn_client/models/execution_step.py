from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..lib.fast_parsing import parse_datetime
from ..models.step_status import StepStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="ExecutionStep")
# from_dict() makes a ExecutionStep the way its attrs __init__ does, without calling it.
_new = object.__new__

# The JSON keys of ExecutionStep's fields: from_dict() puts any other key in additional_properties.
_FIELD_KEYS = frozenset(
    {
        "name",
        "status",
        "startedAt",
        "completedAt",
    }
)


@_attrs_define
class ExecutionStep:
    """One step of an execution.

    Attributes:
        name (str): Step name.
        status (StepStatus | str): State of one step of an execution. Values not listed here arrive as plain strings.
        started_at (datetime.datetime | None | Unset): When the step started.
        completed_at (datetime.datetime | None | Unset): When the step ended.
    """

    name: str
    status: StepStatus | str
    started_at: datetime.datetime | None | Unset = UNSET
    completed_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        status: str
        if isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        started_at: None | str | Unset
        if isinstance(self.started_at, Unset):
            started_at = UNSET
        elif isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        elif isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "status": status,
            }
        )
        if started_at is not UNSET:
            field_dict["startedAt"] = started_at
        if completed_at is not UNSET:
            field_dict["completedAt"] = completed_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict:
            src_dict = dict(src_dict)
        name = src_dict["name"]

        status = src_dict["status"]

        def _parse_started_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = parse_datetime(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        started_at = _parse_started_at(src_dict.get("startedAt", UNSET))

        def _parse_completed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = parse_datetime(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        completed_at = _parse_completed_at(src_dict.get("completedAt", UNSET))

        if cls is ExecutionStep:
            _made = _new(cls)
            _made.name = name
            _made.status = status
            _made.started_at = started_at
            _made.completed_at = completed_at
            _made.additional_properties = {}
            execution_step = _made
        else:
            execution_step = cls(
                name,
                status,
                started_at,
                completed_at,
            )

        if len(src_dict) > 2 + ("startedAt" in src_dict) + ("completedAt" in src_dict):
            d = {k: v for k, v in src_dict.items() if k not in _FIELD_KEYS}
            execution_step.additional_properties = d

        return execution_step

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
