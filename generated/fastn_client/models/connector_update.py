from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.auth_method import AuthMethod, check_auth_method
from ..models.visibility import Visibility, check_visibility
from ..types import UNSET, Unset

T = TypeVar("T", bound="ConnectorUpdate")
# from_dict() makes a ConnectorUpdate the way its attrs __init__ does, without calling it.
_new = object.__new__


@_attrs_define
class ConnectorUpdate:
    """Changes to a connector. Omitted fields keep their value; `slug` cannot change.

    Attributes:
        revision (int): The `revision` the caller last read. The update is applied only if it still matches; otherwise
            the server answers 409 `VERSION_MISMATCH` and changes nothing.
        name (str | Unset): Display name.
        description (str | Unset): What the connector does.
        domain (str | Unset): Host name of the third-party API.
        visibility (Visibility | Unset): Who can see and use a connector.
        icon_url (None | str | Unset): Icon shown in the UI. `null` clears it.
        auth_method (AuthMethod | Unset): How a connector authenticates to the third-party API.
        active (bool | Unset): Defaults to `true`.
    """

    revision: int
    name: str | Unset = UNSET
    description: str | Unset = UNSET
    domain: str | Unset = UNSET
    visibility: Visibility | Unset = UNSET
    icon_url: None | str | Unset = UNSET
    auth_method: AuthMethod | Unset = UNSET
    active: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        revision = self.revision

        name = self.name

        description = self.description

        domain = self.domain

        visibility: str | Unset = UNSET
        if not isinstance(self.visibility, Unset):
            visibility = self.visibility

        icon_url: None | str | Unset
        if isinstance(self.icon_url, Unset):
            icon_url = UNSET
        else:
            icon_url = self.icon_url

        auth_method: str | Unset = UNSET
        if not isinstance(self.auth_method, Unset):
            auth_method = self.auth_method

        active = self.active

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "revision": revision,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if domain is not UNSET:
            field_dict["domain"] = domain
        if visibility is not UNSET:
            field_dict["visibility"] = visibility
        if icon_url is not UNSET:
            field_dict["iconUrl"] = icon_url
        if auth_method is not UNSET:
            field_dict["authMethod"] = auth_method
        if active is not UNSET:
            field_dict["active"] = active

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict:
            src_dict = dict(src_dict)
        revision = src_dict["revision"]

        name = src_dict.get("name", UNSET)

        description = src_dict.get("description", UNSET)

        domain = src_dict.get("domain", UNSET)

        _visibility = src_dict.get("visibility", UNSET)
        visibility: Visibility | Unset
        if isinstance(_visibility, Unset):
            visibility = UNSET
        else:
            visibility = check_visibility(_visibility)

        def _parse_icon_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        icon_url = _parse_icon_url(src_dict.get("iconUrl", UNSET))

        _auth_method = src_dict.get("authMethod", UNSET)
        auth_method: AuthMethod | Unset
        if isinstance(_auth_method, Unset):
            auth_method = UNSET
        else:
            auth_method = check_auth_method(_auth_method)

        active = src_dict.get("active", UNSET)

        if cls is ConnectorUpdate:
            _made = _new(cls)
            _made.revision = revision
            _made.name = name
            _made.description = description
            _made.domain = domain
            _made.visibility = visibility
            _made.icon_url = icon_url
            _made.auth_method = auth_method
            _made.active = active
            connector_update = _made
        else:
            connector_update = cls(
                revision,
                name,
                description,
                domain,
                visibility,
                icon_url,
                auth_method,
                active,
            )

        return connector_update
