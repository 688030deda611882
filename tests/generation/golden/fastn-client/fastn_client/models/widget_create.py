from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.color import Color, check_color
from ..types import UNSET, Unset

T = TypeVar("T", bound="WidgetCreate")
# from_dict() makes a WidgetCreate the way its attrs __init__ does, without calling it.
_new = object.__new__


@_attrs_define
class WidgetCreate:
    """
    Attributes:
        name (str):
        color (Color | Unset):
    """

    name: str
    color: Color | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        color: str | Unset = UNSET
        if not isinstance(self.color, Unset):
            color = self.color

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if color is not UNSET:
            field_dict["color"] = color

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict:
            src_dict = dict(src_dict)
        name = src_dict["name"]

        _color = src_dict.get("color", UNSET)
        color: Color | Unset
        if isinstance(_color, Unset):
            color = UNSET
        else:
            color = check_color(_color)

        if cls is WidgetCreate:
            _made = _new(cls)
            _made.name = name
            _made.color = color
            widget_create = _made
        else:
            widget_create = cls(
                name,
                color,
            )

        return widget_create
