from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..lib.fast_parsing import parse_datetime
from ..models.key_mode import KEY_MODE_VALUES, KeyMode, check_key_mode
from ..types import UNSET, Unset

T = TypeVar("T", bound="ApiKeyCreate")
# from_dict() makes a ApiKeyCreate the way its attrs __init__ does, without calling it.
_new = object.__new__


@_attrs_define
class ApiKeyCreate:
    """Fields to create an API key.

    Attributes:
        name (str): Display name.
        mode (KeyMode): Whether a key acts on test or live data. The docs' keys start with `fsk_test_` or `fsk_live_`,
            but a key's format is not something to rely on; a test key is sent with `X-fastn-Test-Mode: true`.
        role (str | Unset): Role of the key; defaults to `developer`. 422 `VALIDATION_ERROR` if unknown.
        expires_at (datetime.datetime | Unset): When the key stops working; omit for never.
    """

    name: str
    mode: KeyMode
    role: str | Unset = UNSET
    expires_at: datetime.datetime | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        mode: str = self.mode

        role = self.role

        expires_at: str | Unset = UNSET
        if not isinstance(self.expires_at, Unset):
            expires_at = self.expires_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "mode": mode,
            }
        )
        if role is not UNSET:
            field_dict["role"] = role
        if expires_at is not UNSET:
            field_dict["expiresAt"] = expires_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict:
            src_dict = dict(src_dict)
        name = src_dict["name"]

        mode = src_dict["mode"]
        if mode not in KEY_MODE_VALUES:
            mode = check_key_mode(mode)

        role = src_dict.get("role", UNSET)

        _expires_at = src_dict.get("expiresAt", UNSET)
        expires_at: datetime.datetime | Unset
        if isinstance(_expires_at, Unset):
            expires_at = UNSET
        else:
            expires_at = parse_datetime(_expires_at)

        if cls is ApiKeyCreate:
            _made = _new(cls)
            _made.name = name
            _made.mode = mode
            _made.role = role
            _made.expires_at = expires_at
            api_key_create = _made
        else:
            api_key_create = cls(
                name,
                mode,
                role,
                expires_at,
            )

        return api_key_create
