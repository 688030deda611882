from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.data_residency import DataResidency, check_data_residency
from ..models.plan import Plan, check_plan
from ..types import UNSET, Unset

T = TypeVar("T", bound="CustomerCreate")
# from_dict() makes a CustomerCreate the way its attrs __init__ does, without calling it.
_new = object.__new__


@_attrs_define
class CustomerCreate:
    """Fields to create a customer.

    Attributes:
        name (str): Display name.
        slug (str): URL-safe unique handle; 409 `CONFLICT` if taken.
        admin_email (str): Email of the customer's administrator.
        plan (Plan | Unset): Billing plan. Rate limits per plan: free 20/min, starter 60/min, growth 600/min, enterprise
            6,000/min.
        data_residency (DataResidency | Unset): Region where the customer's data is stored.
    """

    name: str
    slug: str
    admin_email: str
    plan: Plan | Unset = UNSET
    data_residency: DataResidency | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        slug = self.slug

        admin_email = self.admin_email

        plan: str | Unset = UNSET
        if not isinstance(self.plan, Unset):
            plan = self.plan

        data_residency: str | Unset = UNSET
        if not isinstance(self.data_residency, Unset):
            data_residency = self.data_residency

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "slug": slug,
                "adminEmail": admin_email,
            }
        )
        if plan is not UNSET:
            field_dict["plan"] = plan
        if data_residency is not UNSET:
            field_dict["dataResidency"] = data_residency

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict:
            src_dict = dict(src_dict)
        name = src_dict["name"]

        slug = src_dict["slug"]

        admin_email = src_dict["adminEmail"]

        _plan = src_dict.get("plan", UNSET)
        plan: Plan | Unset
        if isinstance(_plan, Unset):
            plan = UNSET
        else:
            plan = check_plan(_plan)

        _data_residency = src_dict.get("dataResidency", UNSET)
        data_residency: DataResidency | Unset
        if isinstance(_data_residency, Unset):
            data_residency = UNSET
        else:
            data_residency = check_data_residency(_data_residency)

        if cls is CustomerCreate:
            _made = _new(cls)
            _made.name = name
            _made.slug = slug
            _made.admin_email = admin_email
            _made.plan = plan
            _made.data_residency = data_residency
            customer_create = _made
        else:
            customer_create = cls(
                name,
                slug,
                admin_email,
                plan,
                data_residency,
            )

        return customer_create
