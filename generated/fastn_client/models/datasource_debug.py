from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DatasourceDebug")
# from_dict() makes a DatasourceDebug the way its attrs __init__ does, without calling it.
_new = object.__new__

# The JSON keys of DatasourceDebug's fields: from_dict() puts any other key in additional_properties.
_FIELD_KEYS = frozenset(
    {
        "name",
        "jsonObject",
    }
)


@_attrs_define
class DatasourceDebug:
    """What a connector's third-party service answered when a step calling it failed (`DATASOURCE_CONNECTION_ERROR`): check
    `jsonObject` for the external error.

        Attributes:
            name (str | Unset): The connector action that failed, e.g. `sendMessage`.
            json_object (Any | Unset): The third party's raw answer, any JSON, e.g. `{"ok": false, "error":
                "channel_not_found"}`.
    """

    name: str | Unset = UNSET
    json_object: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        json_object = self.json_object

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if json_object is not UNSET:
            field_dict["jsonObject"] = json_object

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict:
            src_dict = dict(src_dict)
        name = src_dict.get("name", UNSET)

        json_object = src_dict.get("jsonObject", UNSET)

        if cls is DatasourceDebug:
            _made = _new(cls)
            _made.name = name
            _made.json_object = json_object
            _made.additional_properties = {}
            datasource_debug = _made
        else:
            datasource_debug = cls(
                name,
                json_object,
            )

        if len(src_dict) > 0 + ("name" in src_dict) + ("jsonObject" in src_dict):
            d = {k: v for k, v in src_dict.items() if k not in _FIELD_KEYS}
            datasource_debug.additional_properties = d

        return datasource_debug

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
