from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.enforcement import Enforcement
from ..models.quota_period import QuotaPeriod
from ..models.usage_metric import UsageMetric

T = TypeVar("T", bound="Quota")
# from_dict() makes a Quota the way its attrs __init__ does, without calling it.
_new = object.__new__

# The JSON keys of Quota's fields: from_dict() puts any other key in additional_properties.
_FIELD_KEYS = frozenset(
    {
        "metric",
        "limit",
        "period",
        "planDefault",
        "enforcement",
    }
)


@_attrs_define
class Quota:
    """A limit of the plan.

    Attributes:
        metric (str | UsageMetric): A metered quantity. Values not listed here arrive as plain strings.
        limit (int): Effective limit.
        period (QuotaPeriod | str): Window over which a quota is counted. Values not listed here arrive as plain
            strings.
        plan_default (int): The plan's default for this limit.
        enforcement (Enforcement | str): What happens at the quota: `hard` blocks, `soft` warns, `none` only records.
            Values not listed here arrive as plain strings.
    """

    metric: str | UsageMetric
    limit: int
    period: QuotaPeriod | str
    plan_default: int
    enforcement: Enforcement | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        metric: str
        if isinstance(self.metric, str):
            metric = self.metric
        else:
            metric = self.metric

        limit = self.limit

        period: str
        if isinstance(self.period, str):
            period = self.period
        else:
            period = self.period

        plan_default = self.plan_default

        enforcement: str
        if isinstance(self.enforcement, str):
            enforcement = self.enforcement
        else:
            enforcement = self.enforcement

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "metric": metric,
                "limit": limit,
                "period": period,
                "planDefault": plan_default,
                "enforcement": enforcement,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict:
            src_dict = dict(src_dict)
        metric = src_dict["metric"]

        limit = src_dict["limit"]

        period = src_dict["period"]

        plan_default = src_dict["planDefault"]

        enforcement = src_dict["enforcement"]

        if cls is Quota:
            _made = _new(cls)
            _made.metric = metric
            _made.limit = limit
            _made.period = period
            _made.plan_default = plan_default
            _made.enforcement = enforcement
            _made.additional_properties = {}
            quota = _made
        else:
            quota = cls(
                metric,
                limit,
                period,
                plan_default,
                enforcement,
            )

        if len(src_dict) > 5:
            d = {k: v for k, v in src_dict.items() if k not in _FIELD_KEYS}
            quota.additional_properties = d

        return quota

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
