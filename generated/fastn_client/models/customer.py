from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..lib.fast_parsing import parse_datetime, parse_uuid
from ..models.customer_status import CustomerStatus
from ..models.data_residency import DataResidency
from ..models.plan import Plan

T = TypeVar("T", bound="Customer")
# from_dict() makes a Customer the way its attrs __init__ does, without calling it.
_new = object.__new__

# The JSON keys of Customer's fields: from_dict() puts any other key in additional_properties.
_FIELD_KEYS = frozenset(
    {
        "id",
        "name",
        "slug",
        "status",
        "adminEmail",
        "plan",
        "dataResidency",
        "revision",
        "createdAt",
        "updatedAt",
    }
)


@_attrs_define
class Customer:
    """A customer (tenant) of the workspace: one of the businesses the workspace serves.

    Attributes:
        id (UUID): Unique identifier of the customer (UUID), assigned by the server.
        name (str): Display name.
        slug (str): URL-safe unique handle, e.g. `acme-customer`. Unique within the workspace.
        status (CustomerStatus | str): Lifecycle state of a customer. Values not listed here arrive as plain strings.
        admin_email (str): Email of the customer's administrator.
        plan (Plan | str): Billing plan. Rate limits per plan: free 20/min, starter 60/min, growth 600/min, enterprise
            6,000/min. Values not listed here arrive as plain strings.
        data_residency (DataResidency | str): Region where the customer's data is stored. Values not listed here arrive
            as plain strings.
        revision (int): Optimistic-concurrency revision: 1 on creation, incremented by every successful update. Send it
            back in an update's `revision` field.
        created_at (datetime.datetime): When the resource was created (RFC 3339, UTC).
        updated_at (datetime.datetime): When the resource was last changed (RFC 3339, UTC).
    """

    id: UUID
    name: str
    slug: str
    status: CustomerStatus | str
    admin_email: str
    plan: Plan | str
    data_residency: DataResidency | str
    revision: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        slug = self.slug

        status: str
        if isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        admin_email = self.admin_email

        plan: str
        if isinstance(self.plan, str):
            plan = self.plan
        else:
            plan = self.plan

        data_residency: str
        if isinstance(self.data_residency, str):
            data_residency = self.data_residency
        else:
            data_residency = self.data_residency

        revision = self.revision

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "slug": slug,
                "status": status,
                "adminEmail": admin_email,
                "plan": plan,
                "dataResidency": data_residency,
                "revision": revision,
                "createdAt": created_at,
                "updatedAt": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict:
            src_dict = dict(src_dict)
        id = parse_uuid(src_dict["id"])

        name = src_dict["name"]

        slug = src_dict["slug"]

        status = src_dict["status"]

        admin_email = src_dict["adminEmail"]

        plan = src_dict["plan"]

        data_residency = src_dict["dataResidency"]

        revision = src_dict["revision"]

        created_at = parse_datetime(src_dict["createdAt"])

        updated_at = parse_datetime(src_dict["updatedAt"])

        if cls is Customer:
            _made = _new(cls)
            _made.id = id
            _made.name = name
            _made.slug = slug
            _made.status = status
            _made.admin_email = admin_email
            _made.plan = plan
            _made.data_residency = data_residency
            _made.revision = revision
            _made.created_at = created_at
            _made.updated_at = updated_at
            _made.additional_properties = {}
            customer = _made
        else:
            customer = cls(
                id,
                name,
                slug,
                status,
                admin_email,
                plan,
                data_residency,
                revision,
                created_at,
                updated_at,
            )

        if len(src_dict) > 10:
            d = {k: v for k, v in src_dict.items() if k not in _FIELD_KEYS}
            customer.additional_properties = d

        return customer

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
