from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..lib.fast_parsing import parse_datetime
from ..models.plan import Plan

T = TypeVar("T", bound="Billing")
# from_dict() makes a Billing the way its attrs __init__ does, without calling it.
_new = object.__new__

# The JSON keys of Billing's fields: from_dict() puts any other key in additional_properties.
_FIELD_KEYS = frozenset(
    {
        "plan",
        "billingEmail",
        "currentPeriodStart",
        "currentPeriodEnd",
        "rateLimitPerMinute",
        "dailyCallLimit",
    }
)


@_attrs_define
class Billing:
    """The workspace's plan and billing period.

    Attributes:
        plan (Plan | str): Billing plan. Rate limits per plan: free 20/min, starter 60/min, growth 600/min, enterprise
            6,000/min. Values not listed here arrive as plain strings.
        billing_email (str): Where invoices go.
        current_period_start (datetime.datetime): Start of the current billing period.
        current_period_end (datetime.datetime): End of the current billing period.
        rate_limit_per_minute (int): API calls per minute per key on this plan.
        daily_call_limit (int | None): API calls per day (Free plan only); null when unlimited.
    """

    plan: Plan | str
    billing_email: str
    current_period_start: datetime.datetime
    current_period_end: datetime.datetime
    rate_limit_per_minute: int
    daily_call_limit: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        plan: str
        if isinstance(self.plan, str):
            plan = self.plan
        else:
            plan = self.plan

        billing_email = self.billing_email

        current_period_start = self.current_period_start.isoformat()

        current_period_end = self.current_period_end.isoformat()

        rate_limit_per_minute = self.rate_limit_per_minute

        daily_call_limit: int | None
        daily_call_limit = self.daily_call_limit

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "plan": plan,
                "billingEmail": billing_email,
                "currentPeriodStart": current_period_start,
                "currentPeriodEnd": current_period_end,
                "rateLimitPerMinute": rate_limit_per_minute,
                "dailyCallLimit": daily_call_limit,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict:
            src_dict = dict(src_dict)
        plan = src_dict["plan"]

        billing_email = src_dict["billingEmail"]

        current_period_start = parse_datetime(src_dict["currentPeriodStart"])

        current_period_end = parse_datetime(src_dict["currentPeriodEnd"])

        rate_limit_per_minute = src_dict["rateLimitPerMinute"]

        def _parse_daily_call_limit(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        daily_call_limit = _parse_daily_call_limit(src_dict["dailyCallLimit"])

        if cls is Billing:
            _made = _new(cls)
            _made.plan = plan
            _made.billing_email = billing_email
            _made.current_period_start = current_period_start
            _made.current_period_end = current_period_end
            _made.rate_limit_per_minute = rate_limit_per_minute
            _made.daily_call_limit = daily_call_limit
            _made.additional_properties = {}
            billing = _made
        else:
            billing = cls(
                plan,
                billing_email,
                current_period_start,
                current_period_end,
                rate_limit_per_minute,
                daily_call_limit,
            )

        if len(src_dict) > 6:
            d = {k: v for k, v in src_dict.items() if k not in _FIELD_KEYS}
            billing.additional_properties = d

        return billing

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
