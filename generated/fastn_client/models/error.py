from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.error_detail import ErrorDetail


T = TypeVar("T", bound="Error")

# The JSON keys of Error's fields: from_dict() puts any other key in additional_properties.
_FIELD_KEYS = frozenset(
    {
        "code",
        "message",
        "statusCode",
        "requestId",
        "details",
    }
)


@_attrs_define
class Error:
    """The one error body of the API, for every 4xx and 5xx status. `code` is stable and machine-readable; `message` is for
    people and may change. Unknown codes must be tolerated: clients map on the HTTP status first.

        Attributes:
            code (str): Machine code. Documented: `UNAUTHORIZED`, `FORBIDDEN`, `NOT_FOUND`, `TIMED_OUT`, `RATE_LIMITED`,
                `INTERNAL_ERROR`. Added by this document: `BAD_REQUEST`, `METHOD_NOT_ALLOWED`, `CONFLICT`, `VERSION_MISMATCH`,
                `PAYLOAD_TOO_LARGE`, `UNSUPPORTED_MEDIA_TYPE`, `VALIDATION_ERROR`, `SERVICE_UNAVAILABLE`.
            message (str): Human-readable explanation.
            status_code (int): The HTTP status, repeated for logs and proxies that drop it.
            request_id (str | Unset): Identifier of the request, to quote to support.
            details (list[ErrorDetail] | Unset): Field-level problems, for 400 and 422.
    """

    code: str
    message: str
    status_code: int
    request_id: str | Unset = UNSET
    details: list[ErrorDetail] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        message = self.message

        status_code = self.status_code

        request_id = self.request_id

        details: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.details, Unset):
            details = []
            for details_item_data in self.details:
                details_item = details_item_data.to_dict()
                details.append(details_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "message": message,
                "statusCode": status_code,
            }
        )
        if request_id is not UNSET:
            field_dict["requestId"] = request_id
        if details is not UNSET:
            field_dict["details"] = details

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.error_detail import ErrorDetail  # noqa: PLC0415

        if src_dict.__class__ is not dict:
            src_dict = dict(src_dict)
        code = src_dict["code"]

        message = src_dict["message"]

        status_code = src_dict["statusCode"]

        request_id = src_dict.get("requestId", UNSET)

        _details = src_dict.get("details", UNSET)
        details: list[ErrorDetail] | Unset = UNSET
        if _details is not UNSET:
            details = []
            for details_item_data in _details:
                details_item = ErrorDetail.from_dict(details_item_data)

                details.append(details_item)

        error = cls(
            code,
            message,
            status_code,
            request_id,
            details,
        )

        if len(src_dict) > 3 + ("requestId" in src_dict) + ("details" in src_dict):
            d = {k: v for k, v in src_dict.items() if k not in _FIELD_KEYS}
            error.additional_properties = d

        return error

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
