from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.enforcement import Enforcement, check_enforcement
from ..models.quota_period import QuotaPeriod, check_quota_period
from ..models.usage_metric import UsageMetric, check_usage_metric

T = TypeVar("T", bound="Quota")


@_attrs_define
class Quota:
    """A limit of the plan.

    Attributes:
        metric (UsageMetric): A metered quantity.
        limit (int): Effective limit.
        period (QuotaPeriod): Window over which a quota is counted.
        plan_default (int): The plan's default for this limit.
        enforcement (Enforcement): What happens at the quota: `hard` blocks, `soft` warns, `none` only records.
    """

    metric: UsageMetric
    limit: int
    period: QuotaPeriod
    plan_default: int
    enforcement: Enforcement
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        metric: str = self.metric

        limit = self.limit

        period: str = self.period

        plan_default = self.plan_default

        enforcement: str = self.enforcement

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
        d = dict(src_dict)
        metric = check_usage_metric(d.pop("metric"))

        limit = d.pop("limit")

        period = check_quota_period(d.pop("period"))

        plan_default = d.pop("planDefault")

        enforcement = check_enforcement(d.pop("enforcement"))

        quota = cls(
            metric=metric,
            limit=limit,
            period=period,
            plan_default=plan_default,
            enforcement=enforcement,
        )

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
