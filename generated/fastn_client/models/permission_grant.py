from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.permission_action import PermissionAction, check_permission_action
from ..models.permission_resource import PERMISSION_RESOURCE_VALUES, PermissionResource, check_permission_resource

T = TypeVar("T", bound="PermissionGrant")
# from_dict() makes a PermissionGrant the way its attrs __init__ does, without calling it.
_new = object.__new__


@_attrs_define
class PermissionGrant:
    """Actions a custom role allows on one kind of resource.

    Attributes:
        resource (PermissionResource): A kind of resource a permission applies to.
        actions (list[PermissionAction]):
    """

    resource: PermissionResource
    actions: list[PermissionAction]

    def to_dict(self) -> dict[str, Any]:
        resource: str = self.resource

        actions = []
        for actions_item_data in self.actions:
            actions_item: str = actions_item_data
            actions.append(actions_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "resource": resource,
                "actions": actions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict:
            src_dict = dict(src_dict)
        resource = src_dict["resource"]
        if resource not in PERMISSION_RESOURCE_VALUES:
            resource = check_permission_resource(resource)

        actions = []
        _actions = src_dict["actions"]
        for actions_item_data in _actions:
            actions_item = check_permission_action(actions_item_data)

            actions.append(actions_item)

        if cls is PermissionGrant:
            _made = _new(cls)
            _made.resource = resource
            _made.actions = actions
            permission_grant = _made
        else:
            permission_grant = cls(
                resource,
                actions,
            )

        return permission_grant
