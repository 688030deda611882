from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.customer import Customer


T = TypeVar("T", bound="CustomerList")
# from_dict() makes a CustomerList the way its attrs __init__ does, without calling it.
_new = object.__new__

# The JSON keys of CustomerList's fields: from_dict() puts any other key in additional_properties.
_FIELD_KEYS = frozenset(
    {
        "data",
        "nextCursor",
    }
)


@_attrs_define
class CustomerList:
    """One page of Customer resources, in creation order.

    Attributes:
        data (list[Customer]):
        next_cursor (None | str): Pass as `cursor` to get the next page; null on the last page.
    """

    data: list[Customer]
    next_cursor: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        next_cursor: None | str
        next_cursor = self.next_cursor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
                "nextCursor": next_cursor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer import Customer  # noqa: PLC0415

        if src_dict.__class__ is not dict:
            src_dict = dict(src_dict)
        _data_item = Customer.from_dict
        data = [_data_item(data_item_data) for data_item_data in src_dict["data"]]

        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(src_dict["nextCursor"])

        if cls is CustomerList:
            _made = _new(cls)
            _made.data = data
            _made.next_cursor = next_cursor
            _made.additional_properties = {}
            customer_list = _made
        else:
            customer_list = cls(
                data,
                next_cursor,
            )

        if len(src_dict) > 2:
            d = {k: v for k, v in src_dict.items() if k not in _FIELD_KEYS}
            customer_list.additional_properties = d

        return customer_list

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
