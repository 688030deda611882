from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="UserInvite")
# from_dict() makes a UserInvite the way its attrs __init__ does, without calling it.
_new = object.__new__


@_attrs_define
class UserInvite:
    """Who to invite and with which role.

    Attributes:
        email (str): Email to send the invitation to; 409 `CONFLICT` if already a member.
        role (str): Key of a system role (`owner`, `admin`, `developer`, `operator`, `viewer`, `end_user`) or a custom
            role; 422 `VALIDATION_ERROR` if unknown.
        teams (list[str] | Unset): Teams to add the user to.
    """

    email: str
    role: str
    teams: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        role = self.role

        teams: list[str] | Unset = UNSET
        if not isinstance(self.teams, Unset):
            teams = self.teams

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "email": email,
                "role": role,
            }
        )
        if teams is not UNSET:
            field_dict["teams"] = teams

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict:
            src_dict = dict(src_dict)
        email = src_dict["email"]

        role = src_dict["role"]

        teams = cast(list[str], src_dict.get("teams", UNSET))

        if cls is UserInvite:
            _made = _new(cls)
            _made.email = email
            _made.role = role
            _made.teams = teams
            user_invite = _made
        else:
            user_invite = cls(
                email,
                role,
                teams,
            )

        return user_invite
