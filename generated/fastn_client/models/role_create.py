from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.permission_grant import PermissionGrant


T = TypeVar("T", bound="RoleCreate")
# from_dict() makes a RoleCreate the way its attrs __init__ does, without calling it.
_new = object.__new__


@_attrs_define
class RoleCreate:
    """Fields to create a custom role.

    Attributes:
        key (str): Stable handle; 409 `CONFLICT` if taken.
        name (str): Display name.
        permissions (list[PermissionGrant]):
        description (str | Unset): What the role is for.
    """

    key: str
    name: str
    permissions: list[PermissionGrant]
    description: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        name = self.name

        permissions = []
        for permissions_item_data in self.permissions:
            permissions_item = permissions_item_data.to_dict()
            permissions.append(permissions_item)

        description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "key": key,
                "name": name,
                "permissions": permissions,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.permission_grant import PermissionGrant  # noqa: PLC0415

        if src_dict.__class__ is not dict:
            src_dict = dict(src_dict)
        key = src_dict["key"]

        name = src_dict["name"]

        _permissions_item = PermissionGrant.from_dict
        permissions = [_permissions_item(permissions_item_data) for permissions_item_data in src_dict["permissions"]]

        description = src_dict.get("description", UNSET)

        if cls is RoleCreate:
            _made = _new(cls)
            _made.key = key
            _made.name = name
            _made.permissions = permissions
            _made.description = description
            role_create = _made
        else:
            role_create = cls(
                key,
                name,
                permissions,
                description,
            )

        return role_create
