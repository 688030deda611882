from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ConnectionCreate")


@_attrs_define
class ConnectionCreate:
    """Fields to create a connection.

    Attributes:
        connector_id (UUID): Connector to connect; 404 `NOT_FOUND` if it does not exist.
        tenant_id (str | Unset): Tenant to connect for; defaults to the `x-fastn-space-tenantid` header.
        redirect_url (str | Unset): Where to send the end user after OAuth.
    """

    connector_id: UUID
    tenant_id: str | Unset = UNSET
    redirect_url: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        connector_id = str(self.connector_id)

        tenant_id = self.tenant_id

        redirect_url = self.redirect_url

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "connectorId": connector_id,
            }
        )
        if tenant_id is not UNSET:
            field_dict["tenantId"] = tenant_id
        if redirect_url is not UNSET:
            field_dict["redirectUrl"] = redirect_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        connector_id = UUID(d.pop("connectorId"))

        tenant_id = d.pop("tenantId", UNSET)

        redirect_url = d.pop("redirectUrl", UNSET)

        connection_create = cls(
            connector_id=connector_id,
            tenant_id=tenant_id,
            redirect_url=redirect_url,
        )

        return connection_create
