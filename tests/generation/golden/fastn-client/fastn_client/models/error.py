from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Error")
# from_dict() makes a Error the way its attrs __init__ does, without calling it.
_new = object.__new__

# The JSON keys of Error's fields: from_dict() puts any other key in additional_properties.
_FIELD_KEYS = frozenset(
    {
        "code",
        "message",
    }
)


@_attrs_define
class Error:
    """
    Attributes:
        code (str):
        message (str):
    """

    code: str
    message: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict:
            src_dict = dict(src_dict)
        code = src_dict["code"]

        message = src_dict["message"]

        if cls is Error:
            _made = _new(cls)
            _made.code = code
            _made.message = message
            _made.additional_properties = {}
            error = _made
        else:
            error = cls(
                code,
                message,
            )

        if len(src_dict) > 2:
            d = {k: v for k, v in src_dict.items() if k not in _FIELD_KEYS}
            error.additional_properties = d

        return error

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
