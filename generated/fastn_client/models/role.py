from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..lib.fast_parsing import parse_datetime

if TYPE_CHECKING:
    from ..models.permission import Permission


T = TypeVar("T", bound="Role")
# from_dict() makes a Role the way its attrs __init__ does, without calling it.
_new = object.__new__

# The JSON keys of Role's fields: from_dict() puts any other key in additional_properties.
_FIELD_KEYS = frozenset(
    {
        "id",
        "key",
        "name",
        "description",
        "system",
        "permissions",
        "createdAt",
    }
)


@_attrs_define
class Role:
    """A role: a named set of permissions. System roles are built in; custom roles are created by the workspace.

    Attributes:
        id (str): Unique identifier of the role, assigned by the server.
        key (str): Stable handle used when assigning the role.
        name (str): Display name.
        description (str): What the role is for.
        system (bool): Built-in role (Owner, Admin, Developer, Operator, Viewer, End User).
        permissions (list[Permission]):
        created_at (datetime.datetime): When the resource was created (RFC 3339, UTC).
    """

    id: str
    key: str
    name: str
    description: str
    system: bool
    permissions: list[Permission]
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        key = self.key

        name = self.name

        description = self.description

        system = self.system

        permissions = []
        for permissions_item_data in self.permissions:
            permissions_item = permissions_item_data.to_dict()
            permissions.append(permissions_item)

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "key": key,
                "name": name,
                "description": description,
                "system": system,
                "permissions": permissions,
                "createdAt": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.permission import Permission  # noqa: PLC0415

        if src_dict.__class__ is not dict:
            src_dict = dict(src_dict)
        id = src_dict["id"]

        key = src_dict["key"]

        name = src_dict["name"]

        description = src_dict["description"]

        system = src_dict["system"]

        _permissions_item = Permission.from_dict
        permissions = [_permissions_item(permissions_item_data) for permissions_item_data in src_dict["permissions"]]

        created_at = parse_datetime(src_dict["createdAt"])

        if cls is Role:
            _made = _new(cls)
            _made.id = id
            _made.key = key
            _made.name = name
            _made.description = description
            _made.system = system
            _made.permissions = permissions
            _made.created_at = created_at
            _made.additional_properties = {}
            role = _made
        else:
            role = cls(
                id,
                key,
                name,
                description,
                system,
                permissions,
                created_at,
            )

        if len(src_dict) > 7:
            d = {k: v for k, v in src_dict.items() if k not in _FIELD_KEYS}
            role.additional_properties = d

        return role

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
