from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ConnectionCreate")
# from_dict() makes a ConnectionCreate the way its attrs __init__ does, without calling it.
_new = object.__new__


@_attrs_define
class ConnectionCreate:
    """Fields to create a connection.

    Attributes:
        connector_id (str): Connector to connect; 422 `VALIDATION_ERROR` if it does not exist.
        tenant_id (str | Unset): Tenant to connect for; defaults to the `x-fastn-space-tenantid` header.
        redirect_url (str | Unset): Where to send the end user after OAuth.
    """

    connector_id: str
    tenant_id: str | Unset = UNSET
    redirect_url: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        connector_id = self.connector_id

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
        if src_dict.__class__ is not dict:
            src_dict = dict(src_dict)
        connector_id = src_dict["connectorId"]

        tenant_id = src_dict.get("tenantId", UNSET)

        redirect_url = src_dict.get("redirectUrl", UNSET)

        if cls is ConnectionCreate:
            _made = _new(cls)
            _made.connector_id = connector_id
            _made.tenant_id = tenant_id
            _made.redirect_url = redirect_url
            connection_create = _made
        else:
            connection_create = cls(
                connector_id,
                tenant_id,
                redirect_url,
            )

        return connection_create
