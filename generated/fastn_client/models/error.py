from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.datasource_debug import DatasourceDebug
    from ..models.error_detail import ErrorDetail


T = TypeVar("T", bound="Error")
# from_dict() makes a Error the way its attrs __init__ does, without calling it.
_new = object.__new__

# The JSON keys of Error's fields: from_dict() puts any other key in additional_properties.
_FIELD_KEYS = frozenset(
    {
        "code",
        "message",
        "error",
        "statusCode",
        "isCustomAuthError",
        "step",
        "datasourceDebug",
        "requestId",
        "details",
        "currentRevision",
    }
)


@_attrs_define
class Error:
    """The error body of the API, for every 4xx and 5xx status. No field is guaranteed: the one real body the docs print (a
    400) carries `code`, `statusCode`, `isCustomAuthError`, `step` and `datasourceDebug` but no `message`, and the
    official SDK also reads an `error` field. Clients map on the HTTP status first, read `code` (else `error`, when it
    is a code such as `FLOW_NOT_FOUND`) as the machine code and `message` (else `error`) as the text, and tolerate
    unknown codes and fields.

        Attributes:
            code (str | Unset): Machine code. Documented: `DATASOURCE_CONNECTION_ERROR` (400), `UNAUTHORIZED`, `FORBIDDEN`,
                `NOT_FOUND`, `TIMED_OUT` (408), `RATE_LIMITED`, `INTERNAL_ERROR`. Added by this document: `BAD_REQUEST`,
                `METHOD_NOT_ALLOWED`, `CONFLICT`, `VERSION_MISMATCH`, `PAYLOAD_TOO_LARGE`, `UNSUPPORTED_MEDIA_TYPE`,
                `VALIDATION_ERROR`, `IDEMPOTENCY_KEY_REUSED`, `SERVICE_UNAVAILABLE`. New codes may appear.
            message (str | Unset): Human-readable explanation. Absent from the docs' real 400 body.
            error (str | Unset): The error as the official SDK reads it when there is no `message`, e.g. `FLOW_NOT_FOUND`.
            status_code (int | Unset): The HTTP status, repeated for logs and proxies that drop it.
            is_custom_auth_error (bool | Unset): Whether the failure came from the flow's custom authentication.
            step (str | Unset): Name of the flow step that failed, e.g. `sendMessageApi`.
            datasource_debug (DatasourceDebug | Unset): What a connector's third-party service answered when a step calling
                it failed (`DATASOURCE_CONNECTION_ERROR`): check `jsonObject` for the external error.
            request_id (str | Unset): Identifier of the request, to quote to support.
            details (list[ErrorDetail] | Unset): Field-level problems, for 400 and 422.
            current_revision (int | Unset): With 409 `VERSION_MISMATCH`, the resource's current `revision`, so a client can
                re-read it or decide to overwrite without parsing the message.
    """

    code: str | Unset = UNSET
    message: str | Unset = UNSET
    error: str | Unset = UNSET
    status_code: int | Unset = UNSET
    is_custom_auth_error: bool | Unset = UNSET
    step: str | Unset = UNSET
    datasource_debug: DatasourceDebug | Unset = UNSET
    request_id: str | Unset = UNSET
    details: list[ErrorDetail] | Unset = UNSET
    current_revision: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        message = self.message

        error = self.error

        status_code = self.status_code

        is_custom_auth_error = self.is_custom_auth_error

        step = self.step

        datasource_debug: dict[str, Any] | Unset = UNSET
        if not isinstance(self.datasource_debug, Unset):
            datasource_debug = self.datasource_debug.to_dict()

        request_id = self.request_id

        details: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.details, Unset):
            details = []
            for details_item_data in self.details:
                details_item = details_item_data.to_dict()
                details.append(details_item)

        current_revision = self.current_revision

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if code is not UNSET:
            field_dict["code"] = code
        if message is not UNSET:
            field_dict["message"] = message
        if error is not UNSET:
            field_dict["error"] = error
        if status_code is not UNSET:
            field_dict["statusCode"] = status_code
        if is_custom_auth_error is not UNSET:
            field_dict["isCustomAuthError"] = is_custom_auth_error
        if step is not UNSET:
            field_dict["step"] = step
        if datasource_debug is not UNSET:
            field_dict["datasourceDebug"] = datasource_debug
        if request_id is not UNSET:
            field_dict["requestId"] = request_id
        if details is not UNSET:
            field_dict["details"] = details
        if current_revision is not UNSET:
            field_dict["currentRevision"] = current_revision

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.datasource_debug import DatasourceDebug  # noqa: PLC0415
        from ..models.error_detail import ErrorDetail  # noqa: PLC0415

        if src_dict.__class__ is not dict:
            src_dict = dict(src_dict)
        code = src_dict.get("code", UNSET)

        message = src_dict.get("message", UNSET)

        error = src_dict.get("error", UNSET)

        status_code = src_dict.get("statusCode", UNSET)

        is_custom_auth_error = src_dict.get("isCustomAuthError", UNSET)

        step = src_dict.get("step", UNSET)

        _datasource_debug = src_dict.get("datasourceDebug", UNSET)
        datasource_debug: DatasourceDebug | Unset
        if isinstance(_datasource_debug, Unset):
            datasource_debug = UNSET
        else:
            datasource_debug = DatasourceDebug.from_dict(_datasource_debug)

        request_id = src_dict.get("requestId", UNSET)

        _details = src_dict.get("details", UNSET)
        details: list[ErrorDetail] | Unset = UNSET
        if _details is not UNSET:
            details = []
            for details_item_data in _details:
                details_item = ErrorDetail.from_dict(details_item_data)

                details.append(details_item)

        current_revision = src_dict.get("currentRevision", UNSET)

        if cls is Error:
            _made = _new(cls)
            _made.code = code
            _made.message = message
            _made.error = error
            _made.status_code = status_code
            _made.is_custom_auth_error = is_custom_auth_error
            _made.step = step
            _made.datasource_debug = datasource_debug
            _made.request_id = request_id
            _made.details = details
            _made.current_revision = current_revision
            _made.additional_properties = {}
            error = _made
        else:
            error = cls(
                code,
                message,
                error,
                status_code,
                is_custom_auth_error,
                step,
                datasource_debug,
                request_id,
                details,
                current_revision,
            )

        if len(src_dict) > 0 + ("code" in src_dict) + ("message" in src_dict) + ("error" in src_dict) + (
            "statusCode" in src_dict
        ) + ("isCustomAuthError" in src_dict) + ("step" in src_dict) + ("datasourceDebug" in src_dict) + (
            "requestId" in src_dict
        ) + ("details" in src_dict) + ("currentRevision" in src_dict):
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
