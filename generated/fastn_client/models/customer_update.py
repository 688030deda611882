from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.customer_status import CustomerStatus, check_customer_status
from ..models.plan import Plan, check_plan
from ..types import UNSET, Unset

T = TypeVar("T", bound="CustomerUpdate")
# from_dict() makes a CustomerUpdate the way its attrs __init__ does, without calling it.
_new = object.__new__


@_attrs_define
class CustomerUpdate:
    """Changes to a customer. Omitted fields keep their value; `slug` and `dataResidency` cannot change.

    Attributes:
        revision (int): The `revision` the caller last read. The update is applied only if it still matches; otherwise
            the server answers 409 `VERSION_MISMATCH` and changes nothing.
        name (str | Unset): Display name.
        admin_email (str | Unset): Email of the administrator.
        plan (Plan | Unset): Billing plan. Rate limits per plan: free 20/min, starter 60/min, growth 600/min, enterprise
            6,000/min.
        status (CustomerStatus | Unset): Lifecycle state of a customer; `pending_admin_activation` waits for a workspace
            admin to activate it.
    """

    revision: int
    name: str | Unset = UNSET
    admin_email: str | Unset = UNSET
    plan: Plan | Unset = UNSET
    status: CustomerStatus | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        revision = self.revision

        name = self.name

        admin_email = self.admin_email

        plan: str | Unset = UNSET
        if not isinstance(self.plan, Unset):
            plan = self.plan

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "revision": revision,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if admin_email is not UNSET:
            field_dict["adminEmail"] = admin_email
        if plan is not UNSET:
            field_dict["plan"] = plan
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict:
            src_dict = dict(src_dict)
        revision = src_dict["revision"]

        name = src_dict.get("name", UNSET)

        admin_email = src_dict.get("adminEmail", UNSET)

        _plan = src_dict.get("plan", UNSET)
        plan: Plan | Unset
        if isinstance(_plan, Unset):
            plan = UNSET
        else:
            plan = check_plan(_plan)

        _status = src_dict.get("status", UNSET)
        status: CustomerStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = check_customer_status(_status)

        if cls is CustomerUpdate:
            _made = _new(cls)
            _made.revision = revision
            _made.name = name
            _made.admin_email = admin_email
            _made.plan = plan
            _made.status = status
            customer_update = _made
        else:
            customer_update = cls(
                revision,
                name,
                admin_email,
                plan,
                status,
            )

        return customer_update
