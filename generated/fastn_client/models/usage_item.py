from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.enforcement import Enforcement
from ..models.usage_metric import UsageMetric

T = TypeVar("T", bound="UsageItem")
# from_dict() makes a UsageItem the way its attrs __init__ does, without calling it.
_new = object.__new__

# The JSON keys of UsageItem's fields: from_dict() puts any other key in additional_properties.
_FIELD_KEYS = frozenset(
    {
        "metric",
        "used",
        "limit",
        "percentUsed",
        "enforcement",
    }
)


@_attrs_define
class UsageItem:
    """Usage of one metric in the current period.

    Attributes:
        metric (str | UsageMetric): A metered quantity. Values not listed here arrive as plain strings.
        used (int): Amount used so far.
        limit (int | None): Quota for the period; null when unlimited.
        percent_used (float | None): `used` as a percentage of `limit`.
        enforcement (Enforcement | str): What happens at the quota: `hard` blocks, `soft` warns, `none` only records.
            Values not listed here arrive as plain strings.
    """

    metric: str | UsageMetric
    used: int
    limit: int | None
    percent_used: float | None
    enforcement: Enforcement | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        metric: str
        if isinstance(self.metric, str):
            metric = self.metric
        else:
            metric = self.metric

        used = self.used

        limit: int | None
        limit = self.limit

        percent_used: float | None
        percent_used = self.percent_used

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
                "used": used,
                "limit": limit,
                "percentUsed": percent_used,
                "enforcement": enforcement,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict:
            src_dict = dict(src_dict)
        metric = src_dict["metric"]

        used = src_dict["used"]

        def _parse_limit(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        limit = _parse_limit(src_dict["limit"])

        def _parse_percent_used(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        percent_used = _parse_percent_used(src_dict["percentUsed"])

        enforcement = src_dict["enforcement"]

        if cls is UsageItem:
            _made = _new(cls)
            _made.metric = metric
            _made.used = used
            _made.limit = limit
            _made.percent_used = percent_used
            _made.enforcement = enforcement
            _made.additional_properties = {}
            usage_item = _made
        else:
            usage_item = cls(
                metric,
                used,
                limit,
                percent_used,
                enforcement,
            )

        if len(src_dict) > 5:
            d = {k: v for k, v in src_dict.items() if k not in _FIELD_KEYS}
            usage_item.additional_properties = d

        return usage_item

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
