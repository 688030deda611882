from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..lib.fast_parsing import parse_datetime
from ..models.user_status import UserStatus

T = TypeVar("T", bound="User")
# from_dict() makes a User the way its attrs __init__ does, without calling it.
_new = object.__new__

# The JSON keys of User's fields: from_dict() puts any other key in additional_properties.
_FIELD_KEYS = frozenset(
    {
        "id",
        "email",
        "name",
        "role",
        "teams",
        "status",
        "lastActiveAt",
        "createdAt",
    }
)


@_attrs_define
class User:
    """A member of the workspace.

    Attributes:
        id (str): Unique identifier of the user, assigned by the server.
        email (str): Login email.
        name (None | str): Display name, once the user has accepted the invite.
        role (str): Key of the user's role, e.g. `developer` or a custom role's key.
        teams (list[str]): Teams the user belongs to.
        status (str | UserStatus): State of a workspace member. Values not listed here arrive as plain strings.
        last_active_at (datetime.datetime | None): Last activity.
        created_at (datetime.datetime): When the resource was created (RFC 3339, UTC).
    """

    id: str
    email: str
    name: None | str
    role: str
    teams: list[str]
    status: str | UserStatus
    last_active_at: datetime.datetime | None
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        email = self.email

        name: None | str
        name = self.name

        role = self.role

        teams = self.teams

        status: str
        if isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        last_active_at: None | str
        if isinstance(self.last_active_at, datetime.datetime):
            last_active_at = self.last_active_at.isoformat()
        else:
            last_active_at = self.last_active_at

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "email": email,
                "name": name,
                "role": role,
                "teams": teams,
                "status": status,
                "lastActiveAt": last_active_at,
                "createdAt": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict:
            src_dict = dict(src_dict)
        id = src_dict["id"]

        email = src_dict["email"]

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(src_dict["name"])

        role = src_dict["role"]

        teams = cast(list[str], src_dict["teams"])

        status = src_dict["status"]

        def _parse_last_active_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_active_at_type_0 = parse_datetime(data)

                return last_active_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_active_at = _parse_last_active_at(src_dict["lastActiveAt"])

        created_at = parse_datetime(src_dict["createdAt"])

        if cls is User:
            _made = _new(cls)
            _made.id = id
            _made.email = email
            _made.name = name
            _made.role = role
            _made.teams = teams
            _made.status = status
            _made.last_active_at = last_active_at
            _made.created_at = created_at
            _made.additional_properties = {}
            user = _made
        else:
            user = cls(
                id,
                email,
                name,
                role,
                teams,
                status,
                last_active_at,
                created_at,
            )

        if len(src_dict) > 8:
            d = {k: v for k, v in src_dict.items() if k not in _FIELD_KEYS}
            user.additional_properties = d

        return user

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
