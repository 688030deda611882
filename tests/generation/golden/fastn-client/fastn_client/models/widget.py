from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..lib.fast_parsing import parse_datetime, parse_uuid
from ..models.color import Color, check_color
from ..types import UNSET, Unset

T = TypeVar("T", bound="Widget")
# from_dict() makes a Widget the way its attrs __init__ does, without calling it.
_new = object.__new__

# The JSON keys of Widget's fields: from_dict() puts any other key in additional_properties.
_FIELD_KEYS = frozenset(
    {
        "id",
        "name",
        "createdAt",
        "color",
    }
)


@_attrs_define
class Widget:
    """
    Attributes:
        id (UUID):
        name (str):
        created_at (datetime.datetime):
        color (Color | Unset):
    """

    id: UUID
    name: str
    created_at: datetime.datetime
    color: Color | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        created_at = self.created_at.isoformat()

        color: str | Unset = UNSET
        if not isinstance(self.color, Unset):
            color = self.color

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "createdAt": created_at,
            }
        )
        if color is not UNSET:
            field_dict["color"] = color

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict:
            src_dict = dict(src_dict)
        id = parse_uuid(src_dict["id"])

        name = src_dict["name"]

        created_at = parse_datetime(src_dict["createdAt"])

        _color = src_dict.get("color", UNSET)
        color: Color | Unset
        if isinstance(_color, Unset):
            color = UNSET
        else:
            color = check_color(_color)

        if cls is Widget:
            _made = _new(cls)
            _made.id = id
            _made.name = name
            _made.created_at = created_at
            _made.color = color
            _made.additional_properties = {}
            widget = _made
        else:
            widget = cls(
                id,
                name,
                created_at,
                color,
            )

        if len(src_dict) > 3 + ("color" in src_dict):
            d = {k: v for k, v in src_dict.items() if k not in _FIELD_KEYS}
            widget.additional_properties = d

        return widget

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
