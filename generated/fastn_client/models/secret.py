from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..lib.fast_parsing import parse_datetime

T = TypeVar("T", bound="Secret")
# from_dict() makes a Secret the way its attrs __init__ does, without calling it.
_new = object.__new__

# The JSON keys of Secret's fields: from_dict() puts any other key in additional_properties.
_FIELD_KEYS = frozenset(
    {
        "id",
        "name",
        "description",
        "createdAt",
        "updatedAt",
    }
)


@_attrs_define
class Secret:
    """A named secret for workflows and connectors. Its value is write-only: it is never returned.

    Attributes:
        id (str): Unique identifier of the secret, assigned by the server.
        name (str): Name used to reference the secret.
        description (str): What the secret is for.
        created_at (datetime.datetime): When the resource was created (RFC 3339, UTC).
        updated_at (datetime.datetime): When the resource was last changed (RFC 3339, UTC).
    """

    id: str
    name: str
    description: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        description = self.description

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "description": description,
                "createdAt": created_at,
                "updatedAt": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict:
            src_dict = dict(src_dict)
        id = src_dict["id"]

        name = src_dict["name"]

        description = src_dict["description"]

        created_at = parse_datetime(src_dict["createdAt"])

        updated_at = parse_datetime(src_dict["updatedAt"])

        if cls is Secret:
            _made = _new(cls)
            _made.id = id
            _made.name = name
            _made.description = description
            _made.created_at = created_at
            _made.updated_at = updated_at
            _made.additional_properties = {}
            secret = _made
        else:
            secret = cls(
                id,
                name,
                description,
                created_at,
                updated_at,
            )

        if len(src_dict) > 5:
            d = {k: v for k, v in src_dict.items() if k not in _FIELD_KEYS}
            secret.additional_properties = d

        return secret

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
