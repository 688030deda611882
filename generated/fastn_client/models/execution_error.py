from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ExecutionError")
# from_dict() makes a ExecutionError the way its attrs __init__ does, without calling it.
_new = object.__new__

# The JSON keys of ExecutionError's fields: from_dict() puts any other key in additional_properties.
_FIELD_KEYS = frozenset(
    {
        "code",
        "message",
        "step",
    }
)


@_attrs_define
class ExecutionError:
    """Why an execution failed.

    Attributes:
        code (str): Machine code, e.g. `STEP_FAILED`, `TIMED_OUT`.
        message (str): Human-readable explanation.
        step (str | Unset): Step that failed, if any.
    """

    code: str
    message: str
    step: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        message = self.message

        step = self.step

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "message": message,
            }
        )
        if step is not UNSET:
            field_dict["step"] = step

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict:
            src_dict = dict(src_dict)
        code = src_dict["code"]

        message = src_dict["message"]

        step = src_dict.get("step", UNSET)

        if cls is ExecutionError:
            _made = _new(cls)
            _made.code = code
            _made.message = message
            _made.step = step
            _made.additional_properties = {}
            execution_error = _made
        else:
            execution_error = cls(
                code,
                message,
                step,
            )

        if len(src_dict) > 2 + ("step" in src_dict):
            d = {k: v for k, v in src_dict.items() if k not in _FIELD_KEYS}
            execution_error.additional_properties = d

        return execution_error

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
