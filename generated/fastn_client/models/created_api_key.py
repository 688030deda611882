from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..lib.fast_parsing import parse_datetime
from ..models.key_mode import KeyMode

T = TypeVar("T", bound="CreatedApiKey")
# from_dict() makes a CreatedApiKey the way its attrs __init__ does, without calling it.
_new = object.__new__

# The JSON keys of CreatedApiKey's fields: from_dict() puts any other key in additional_properties.
_FIELD_KEYS = frozenset(
    {
        "id",
        "name",
        "mode",
        "prefix",
        "role",
        "expiresAt",
        "lastUsedAt",
        "createdAt",
        "secret",
    }
)


@_attrs_define
class CreatedApiKey:
    """A new API key, with its secret. This is the only time the secret is shown: store it now.

    Attributes:
        id (str): Unique identifier of the API key, assigned by the server.
        name (str): Display name.
        mode (KeyMode | str): Whether a key acts on test or live data; the secret starts with `fsk_test_` or
            `fsk_live_`. Values not listed here arrive as plain strings.
        prefix (str): First characters of the secret, to recognise the key.
        role (str): Key of the role whose permissions the key has.
        expires_at (datetime.datetime | None): When the key stops working; null for never.
        last_used_at (datetime.datetime | None): Last successful use.
        created_at (datetime.datetime): When the resource was created (RFC 3339, UTC).
        secret (str): The key itself. Shown once. The docs show `fsk_test_…` and `fsk_live_…`; Fastn's extension and
            assistant code use UUID-shaped and `wak_…` keys and a docs example `sk_live_…`: no pattern is promised, and
            clients must not parse it.
    """

    id: str
    name: str
    mode: KeyMode | str
    prefix: str
    role: str
    expires_at: datetime.datetime | None
    last_used_at: datetime.datetime | None
    created_at: datetime.datetime
    secret: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        mode: str
        if isinstance(self.mode, str):
            mode = self.mode
        else:
            mode = self.mode

        prefix = self.prefix

        role = self.role

        expires_at: None | str
        if isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        last_used_at: None | str
        if isinstance(self.last_used_at, datetime.datetime):
            last_used_at = self.last_used_at.isoformat()
        else:
            last_used_at = self.last_used_at

        created_at = self.created_at.isoformat()

        secret = self.secret

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "mode": mode,
                "prefix": prefix,
                "role": role,
                "expiresAt": expires_at,
                "lastUsedAt": last_used_at,
                "createdAt": created_at,
                "secret": secret,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict:
            src_dict = dict(src_dict)
        id = src_dict["id"]

        name = src_dict["name"]

        mode = src_dict["mode"]

        prefix = src_dict["prefix"]

        role = src_dict["role"]

        def _parse_expires_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = parse_datetime(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        expires_at = _parse_expires_at(src_dict["expiresAt"])

        def _parse_last_used_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_used_at_type_0 = parse_datetime(data)

                return last_used_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_used_at = _parse_last_used_at(src_dict["lastUsedAt"])

        created_at = parse_datetime(src_dict["createdAt"])

        secret = src_dict["secret"]

        if cls is CreatedApiKey:
            _made = _new(cls)
            _made.id = id
            _made.name = name
            _made.mode = mode
            _made.prefix = prefix
            _made.role = role
            _made.expires_at = expires_at
            _made.last_used_at = last_used_at
            _made.created_at = created_at
            _made.secret = secret
            _made.additional_properties = {}
            created_api_key = _made
        else:
            created_api_key = cls(
                id,
                name,
                mode,
                prefix,
                role,
                expires_at,
                last_used_at,
                created_at,
                secret,
            )

        if len(src_dict) > 9:
            d = {k: v for k, v in src_dict.items() if k not in _FIELD_KEYS}
            created_api_key.additional_properties = d

        return created_api_key

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
