from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..lib.fast_parsing import parse_datetime

if TYPE_CHECKING:
    from ..models.usage_item import UsageItem


T = TypeVar("T", bound="BillingUsage")
# from_dict() makes a BillingUsage the way its attrs __init__ does, without calling it.
_new = object.__new__

# The JSON keys of BillingUsage's fields: from_dict() puts any other key in additional_properties.
_FIELD_KEYS = frozenset(
    {
        "periodStart",
        "periodEnd",
        "metrics",
    }
)


@_attrs_define
class BillingUsage:
    """Usage in the current billing period, per metric.

    Attributes:
        period_start (datetime.datetime): Start of the period.
        period_end (datetime.datetime): End of the period.
        metrics (list[UsageItem]):
    """

    period_start: datetime.datetime
    period_end: datetime.datetime
    metrics: list[UsageItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        period_start = self.period_start.isoformat()

        period_end = self.period_end.isoformat()

        metrics = []
        for metrics_item_data in self.metrics:
            metrics_item = metrics_item_data.to_dict()
            metrics.append(metrics_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "periodStart": period_start,
                "periodEnd": period_end,
                "metrics": metrics,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.usage_item import UsageItem  # noqa: PLC0415

        if src_dict.__class__ is not dict:
            src_dict = dict(src_dict)
        period_start = parse_datetime(src_dict["periodStart"])

        period_end = parse_datetime(src_dict["periodEnd"])

        _metrics_item = UsageItem.from_dict
        metrics = [_metrics_item(metrics_item_data) for metrics_item_data in src_dict["metrics"]]

        if cls is BillingUsage:
            _made = _new(cls)
            _made.period_start = period_start
            _made.period_end = period_end
            _made.metrics = metrics
            _made.additional_properties = {}
            billing_usage = _made
        else:
            billing_usage = cls(
                period_start,
                period_end,
                metrics,
            )

        if len(src_dict) > 3:
            d = {k: v for k, v in src_dict.items() if k not in _FIELD_KEYS}
            billing_usage.additional_properties = d

        return billing_usage

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
