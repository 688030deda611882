from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.auth_method import AUTH_METHOD_VALUES, AuthMethod, check_auth_method
from ..models.visibility import Visibility, check_visibility
from ..types import UNSET, Unset

T = TypeVar("T", bound="ConnectorCreate")
# from_dict() makes a ConnectorCreate the way its attrs __init__ does, without calling it.
_new = object.__new__


@_attrs_define
class ConnectorCreate:
    """Fields to create a connector.

    Attributes:
        name (str): Display name.
        slug (str): URL-safe unique handle; 409 `CONFLICT` if taken.
        auth_method (AuthMethod): How a connector authenticates to the third-party API.
        description (str | Unset): What the connector does.
        domain (str | Unset): Host name of the third-party API.
        visibility (Visibility | Unset): Who can see and use a connector.
        icon_url (str | Unset): Icon shown in the UI.
        active (bool | Unset): Defaults to `true`.
    """

    name: str
    slug: str
    auth_method: AuthMethod
    description: str | Unset = UNSET
    domain: str | Unset = UNSET
    visibility: Visibility | Unset = UNSET
    icon_url: str | Unset = UNSET
    active: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        slug = self.slug

        auth_method: str = self.auth_method

        description = self.description

        domain = self.domain

        visibility: str | Unset = UNSET
        if not isinstance(self.visibility, Unset):
            visibility = self.visibility

        icon_url = self.icon_url

        active = self.active

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "slug": slug,
                "authMethod": auth_method,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if domain is not UNSET:
            field_dict["domain"] = domain
        if visibility is not UNSET:
            field_dict["visibility"] = visibility
        if icon_url is not UNSET:
            field_dict["iconUrl"] = icon_url
        if active is not UNSET:
            field_dict["active"] = active

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict:
            src_dict = dict(src_dict)
        name = src_dict["name"]

        slug = src_dict["slug"]

        auth_method = src_dict["authMethod"]
        if auth_method not in AUTH_METHOD_VALUES:
            auth_method = check_auth_method(auth_method)

        description = src_dict.get("description", UNSET)

        domain = src_dict.get("domain", UNSET)

        _visibility = src_dict.get("visibility", UNSET)
        visibility: Visibility | Unset
        if isinstance(_visibility, Unset):
            visibility = UNSET
        else:
            visibility = check_visibility(_visibility)

        icon_url = src_dict.get("iconUrl", UNSET)

        active = src_dict.get("active", UNSET)

        if cls is ConnectorCreate:
            _made = _new(cls)
            _made.name = name
            _made.slug = slug
            _made.auth_method = auth_method
            _made.description = description
            _made.domain = domain
            _made.visibility = visibility
            _made.icon_url = icon_url
            _made.active = active
            connector_create = _made
        else:
            connector_create = cls(
                name,
                slug,
                auth_method,
                description,
                domain,
                visibility,
                icon_url,
                active,
            )

        return connector_create
