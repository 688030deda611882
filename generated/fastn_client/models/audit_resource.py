from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AuditResource")
# from_dict() makes a AuditResource the way its attrs __init__ does, without calling it.
_new = object.__new__

# The JSON keys of AuditResource's fields: from_dict() puts any other key in additional_properties.
_FIELD_KEYS = frozenset(
    {
        "type",
        "id",
    }
)


@_attrs_define
class AuditResource:
    """What an action was performed on.

    Attributes:
        type_ (str): Kind of resource, e.g. `workflow`.
        id (None | str | Unset): Its identifier, if any.
    """

    type_: str
    id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict:
            src_dict = dict(src_dict)
        type_ = src_dict["type"]

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(src_dict.get("id", UNSET))

        if cls is AuditResource:
            _made = _new(cls)
            _made.type_ = type_
            _made.id = id
            _made.additional_properties = {}
            audit_resource = _made
        else:
            audit_resource = cls(
                type_,
                id,
            )

        if len(src_dict) > 1 + ("id" in src_dict):
            d = {k: v for k, v in src_dict.items() if k not in _FIELD_KEYS}
            audit_resource.additional_properties = d

        return audit_resource

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
