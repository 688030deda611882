from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..lib.fast_parsing import parse_datetime
from ..models.auth_method import AuthMethod
from ..models.visibility import Visibility
from ..types import UNSET, Unset

T = TypeVar("T", bound="Connector")
# from_dict() makes a Connector the way its attrs __init__ does, without calling it.
_new = object.__new__

# The JSON keys of Connector's fields: from_dict() puts any other key in additional_properties.
_FIELD_KEYS = frozenset(
    {
        "id",
        "name",
        "slug",
        "description",
        "visibility",
        "authMethod",
        "active",
        "deployed",
        "revision",
        "createdAt",
        "updatedAt",
        "domain",
        "iconUrl",
    }
)


@_attrs_define
class Connector:
    """A connector: a packaged integration with a third-party API.

    Attributes:
        id (str): Unique identifier of the connector, assigned by the server.
        name (str): Display name.
        slug (str): URL-safe unique handle within the workspace.
        description (str): What the connector does.
        visibility (str | Visibility): Who can see and use a connector. Values not listed here arrive as plain strings.
        auth_method (AuthMethod | str): How a connector authenticates to the third-party API. Values not listed here
            arrive as plain strings.
        active (bool): Whether the connector can be used by workflows.
        deployed (bool): Whether the current version is deployed.
        revision (int): Optimistic-concurrency revision: 1 on creation, incremented by every successful update. Send it
            back in an update's `revision` field.
        created_at (datetime.datetime): When the resource was created (RFC 3339, UTC).
        updated_at (datetime.datetime): When the resource was last changed (RFC 3339, UTC).
        domain (str | Unset): Host name of the API the connector talks to.
        icon_url (None | str | Unset): Icon shown in the UI.
    """

    id: str
    name: str
    slug: str
    description: str
    visibility: str | Visibility
    auth_method: AuthMethod | str
    active: bool
    deployed: bool
    revision: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    domain: str | Unset = UNSET
    icon_url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        slug = self.slug

        description = self.description

        visibility: str
        if isinstance(self.visibility, str):
            visibility = self.visibility
        else:
            visibility = self.visibility

        auth_method: str
        if isinstance(self.auth_method, str):
            auth_method = self.auth_method
        else:
            auth_method = self.auth_method

        active = self.active

        deployed = self.deployed

        revision = self.revision

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        domain = self.domain

        icon_url: None | str | Unset
        if isinstance(self.icon_url, Unset):
            icon_url = UNSET
        else:
            icon_url = self.icon_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "slug": slug,
                "description": description,
                "visibility": visibility,
                "authMethod": auth_method,
                "active": active,
                "deployed": deployed,
                "revision": revision,
                "createdAt": created_at,
                "updatedAt": updated_at,
            }
        )
        if domain is not UNSET:
            field_dict["domain"] = domain
        if icon_url is not UNSET:
            field_dict["iconUrl"] = icon_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict:
            src_dict = dict(src_dict)
        id = src_dict["id"]

        name = src_dict["name"]

        slug = src_dict["slug"]

        description = src_dict["description"]

        visibility = src_dict["visibility"]

        auth_method = src_dict["authMethod"]

        active = src_dict["active"]

        deployed = src_dict["deployed"]

        revision = src_dict["revision"]

        created_at = parse_datetime(src_dict["createdAt"])

        updated_at = parse_datetime(src_dict["updatedAt"])

        domain = src_dict.get("domain", UNSET)

        def _parse_icon_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        icon_url = _parse_icon_url(src_dict.get("iconUrl", UNSET))

        if cls is Connector:
            _made = _new(cls)
            _made.id = id
            _made.name = name
            _made.slug = slug
            _made.description = description
            _made.visibility = visibility
            _made.auth_method = auth_method
            _made.active = active
            _made.deployed = deployed
            _made.revision = revision
            _made.created_at = created_at
            _made.updated_at = updated_at
            _made.domain = domain
            _made.icon_url = icon_url
            _made.additional_properties = {}
            connector = _made
        else:
            connector = cls(
                id,
                name,
                slug,
                description,
                visibility,
                auth_method,
                active,
                deployed,
                revision,
                created_at,
                updated_at,
                domain,
                icon_url,
            )

        if len(src_dict) > 11 + ("domain" in src_dict) + ("iconUrl" in src_dict):
            d = {k: v for k, v in src_dict.items() if k not in _FIELD_KEYS}
            connector.additional_properties = d

        return connector

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
