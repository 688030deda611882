from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.actor_type import ActorType
from ..types import UNSET, Unset

T = TypeVar("T", bound="AuditActor")
# from_dict() makes a AuditActor the way its attrs __init__ does, without calling it.
_new = object.__new__

# The JSON keys of AuditActor's fields: from_dict() puts any other key in additional_properties.
_FIELD_KEYS = frozenset(
    {
        "type",
        "id",
        "name",
    }
)


@_attrs_define
class AuditActor:
    """Who performed an action.

    Attributes:
        type_ (ActorType | str): Kind of principal that performed an audited action. Values not listed here arrive as
            plain strings.
        id (str): Identifier of the actor.
        name (None | str | Unset): Email or display name.
    """

    type_: ActorType | str
    id: str
    name: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: str
        if isinstance(self.type_, str):
            type_ = self.type_
        else:
            type_ = self.type_

        id = self.id

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "id": id,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict:
            src_dict = dict(src_dict)
        type_ = src_dict["type"]

        id = src_dict["id"]

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(src_dict.get("name", UNSET))

        if cls is AuditActor:
            _made = _new(cls)
            _made.type_ = type_
            _made.id = id
            _made.name = name
            _made.additional_properties = {}
            audit_actor = _made
        else:
            audit_actor = cls(
                type_,
                id,
                name,
            )

        if len(src_dict) > 2 + ("name" in src_dict):
            d = {k: v for k, v in src_dict.items() if k not in _FIELD_KEYS}
            audit_actor.additional_properties = d

        return audit_actor

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
