from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.quota import Quota


T = TypeVar("T", bound="BillingQuotas")
# from_dict() makes a BillingQuotas the way its attrs __init__ does, without calling it.
_new = object.__new__

# The JSON keys of BillingQuotas's fields: from_dict() puts any other key in additional_properties.
_FIELD_KEYS = frozenset(
    {
        "data",
    }
)


@_attrs_define
class BillingQuotas:
    """The workspace's quota limits.

    Attributes:
        data (list[Quota]):
    """

    data: list[Quota]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.quota import Quota  # noqa: PLC0415

        if src_dict.__class__ is not dict:
            src_dict = dict(src_dict)
        _data_item = Quota.from_dict
        data = [_data_item(data_item_data) for data_item_data in src_dict["data"]]

        if cls is BillingQuotas:
            _made = _new(cls)
            _made.data = data
            _made.additional_properties = {}
            billing_quotas = _made
        else:
            billing_quotas = cls(
                data,
            )

        if len(src_dict) > 1:
            d = {k: v for k, v in src_dict.items() if k not in _FIELD_KEYS}
            billing_quotas.additional_properties = d

        return billing_quotas

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
