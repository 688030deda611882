from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..lib.fast_parsing import parse_datetime
from ..models.connection_status import ConnectionStatus

T = TypeVar("T", bound="Connection")
# from_dict() makes a Connection the way its attrs __init__ does, without calling it.
_new = object.__new__

# The JSON keys of Connection's fields: from_dict() puts any other key in additional_properties.
_FIELD_KEYS = frozenset(
    {
        "id",
        "connectorId",
        "tenantId",
        "status",
        "authUrl",
        "authUrlExpiresAt",
        "createdAt",
        "updatedAt",
    }
)


@_attrs_define
class Connection:
    """A connection: a connector authorised for one tenant (customer) of the workspace.

    Attributes:
        id (str): Unique identifier of the connection, assigned by the server.
        connector_id (str): The connector this connection uses.
        tenant_id (str): Tenant the connection belongs to; empty for the workspace itself.
        status (ConnectionStatus | str): State of a connection: `pending` until its OAuth flow completes, then `active`;
            `inactive`, `expired` (its credentials lapsed) and `failed` as the docs list them; `revoked` is this document's
            addition. Values not listed here arrive as plain strings.
        auth_url (None | str): Where the end user completes OAuth, for `pending` OAuth connections; null otherwise.
        auth_url_expires_at (datetime.datetime | None): When `authUrl` stops working (600 s after creation in the
            official SDK).
        created_at (datetime.datetime): When the resource was created (RFC 3339, UTC).
        updated_at (datetime.datetime): When the resource was last changed (RFC 3339, UTC).
    """

    id: str
    connector_id: str
    tenant_id: str
    status: ConnectionStatus | str
    auth_url: None | str
    auth_url_expires_at: datetime.datetime | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        connector_id = self.connector_id

        tenant_id = self.tenant_id

        status: str
        if isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        auth_url: None | str
        auth_url = self.auth_url

        auth_url_expires_at: None | str
        if isinstance(self.auth_url_expires_at, datetime.datetime):
            auth_url_expires_at = self.auth_url_expires_at.isoformat()
        else:
            auth_url_expires_at = self.auth_url_expires_at

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "connectorId": connector_id,
                "tenantId": tenant_id,
                "status": status,
                "authUrl": auth_url,
                "authUrlExpiresAt": auth_url_expires_at,
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

        connector_id = src_dict["connectorId"]

        tenant_id = src_dict["tenantId"]

        status = src_dict["status"]

        def _parse_auth_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        auth_url = _parse_auth_url(src_dict["authUrl"])

        def _parse_auth_url_expires_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                auth_url_expires_at_type_0 = parse_datetime(data)

                return auth_url_expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        auth_url_expires_at = _parse_auth_url_expires_at(src_dict["authUrlExpiresAt"])

        created_at = parse_datetime(src_dict["createdAt"])

        updated_at = parse_datetime(src_dict["updatedAt"])

        if cls is Connection:
            _made = _new(cls)
            _made.id = id
            _made.connector_id = connector_id
            _made.tenant_id = tenant_id
            _made.status = status
            _made.auth_url = auth_url
            _made.auth_url_expires_at = auth_url_expires_at
            _made.created_at = created_at
            _made.updated_at = updated_at
            _made.additional_properties = {}
            connection = _made
        else:
            connection = cls(
                id,
                connector_id,
                tenant_id,
                status,
                auth_url,
                auth_url_expires_at,
                created_at,
                updated_at,
            )

        if len(src_dict) > 8:
            d = {k: v for k, v in src_dict.items() if k not in _FIELD_KEYS}
            connection.additional_properties = d

        return connection

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
