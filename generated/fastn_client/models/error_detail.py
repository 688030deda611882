from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ErrorDetail")
# from_dict() makes a ErrorDetail the way its attrs __init__ does, without calling it.
_new = object.__new__

# The JSON keys of ErrorDetail's fields: from_dict() puts any other key in additional_properties.
_FIELD_KEYS = frozenset(
    {
        "message",
        "field",
        "code",
    }
)


@_attrs_define
class ErrorDetail:
    """One problem with one part of the request.

    Attributes:
        message (str): What is wrong with it.
        field (str | Unset): JSON pointer or dotted path of the offending input, e.g. `/slug` or `query.limit`.
        code (str | Unset): Machine code of the problem, e.g. `too_long`, `required`, `invalid_format`.
    """

    message: str
    field: str | Unset = UNSET
    code: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message = self.message

        field = self.field

        code = self.code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "message": message,
            }
        )
        if field is not UNSET:
            field_dict["field"] = field
        if code is not UNSET:
            field_dict["code"] = code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict:
            src_dict = dict(src_dict)
        message = src_dict["message"]

        field = src_dict.get("field", UNSET)

        code = src_dict.get("code", UNSET)

        if cls is ErrorDetail:
            _made = _new(cls)
            _made.message = message
            _made.field = field
            _made.code = code
            _made.additional_properties = {}
            error_detail = _made
        else:
            error_detail = cls(
                message,
                field,
                code,
            )

        if len(src_dict) > 1 + ("field" in src_dict) + ("code" in src_dict):
            d = {k: v for k, v in src_dict.items() if k not in _FIELD_KEYS}
            error_detail.additional_properties = d

        return error_detail

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
