from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.permission_action import PermissionAction, check_permission_action
from ..models.permission_resource import PermissionResource

T = TypeVar("T", bound="Permission")
# from_dict() makes a Permission the way its attrs __init__ does, without calling it.
_new = object.__new__

# The JSON keys of Permission's fields: from_dict() puts any other key in additional_properties.
_FIELD_KEYS = frozenset(
    {
        "resource",
        "actions",
    }
)


@_attrs_define
class Permission:
    """Actions allowed on one kind of resource.

    Attributes:
        resource (PermissionResource | str): A kind of resource a permission applies to. Values not listed here arrive
            as plain strings.
        actions (list[PermissionAction | str]):
    """

    resource: PermissionResource | str
    actions: list[PermissionAction | str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        resource: str
        if isinstance(self.resource, str):
            resource = self.resource
        else:
            resource = self.resource

        actions = []
        for actions_item_data in self.actions:
            actions_item: str
            if isinstance(actions_item_data, str):
                actions_item = actions_item_data
            else:
                actions_item = actions_item_data
            actions.append(actions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
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

        actions = []
        _actions = src_dict["actions"]
        for actions_item_data in _actions:

            def _parse_actions_item(data: object) -> PermissionAction | str:
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    actions_item_type_0 = check_permission_action(data)

                    return actions_item_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(PermissionAction | str, data)

            actions_item = _parse_actions_item(actions_item_data)

            actions.append(actions_item)

        if cls is Permission:
            _made = _new(cls)
            _made.resource = resource
            _made.actions = actions
            _made.additional_properties = {}
            permission = _made
        else:
            permission = cls(
                resource,
                actions,
            )

        if len(src_dict) > 2:
            d = {k: v for k, v in src_dict.items() if k not in _FIELD_KEYS}
            permission.additional_properties = d

        return permission

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
