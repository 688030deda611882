from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SecretCreate")
# from_dict() makes a SecretCreate the way its attrs __init__ does, without calling it.
_new = object.__new__


@_attrs_define
class SecretCreate:
    """A secret to store.

    Attributes:
        name (str): Name; 409 `CONFLICT` if taken.
        value (str): The secret value. Write-only: never returned by any operation.
        description (str | Unset): What the secret is for.
    """

    name: str
    value: str
    description: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        value = self.value

        description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "value": value,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict:
            src_dict = dict(src_dict)
        name = src_dict["name"]

        value = src_dict["value"]

        description = src_dict.get("description", UNSET)

        if cls is SecretCreate:
            _made = _new(cls)
            _made.name = name
            _made.value = value
            _made.description = description
            secret_create = _made
        else:
            secret_create = cls(
                name,
                value,
                description,
            )

        return secret_create
