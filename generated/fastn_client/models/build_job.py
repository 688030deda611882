from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..lib.fast_parsing import parse_datetime
from ..models.build_kind import BuildKind
from ..models.build_status import BuildStatus

if TYPE_CHECKING:
    from ..models.execution_error import ExecutionError


T = TypeVar("T", bound="BuildJob")
# from_dict() makes a BuildJob the way its attrs __init__ does, without calling it.
_new = object.__new__

# The JSON keys of BuildJob's fields: from_dict() puts any other key in additional_properties.
_FIELD_KEYS = frozenset(
    {
        "id",
        "kind",
        "prompt",
        "status",
        "resourceId",
        "error",
        "createdAt",
        "updatedAt",
    }
)


@_attrs_define
class BuildJob:
    """An AI build job. Poll it with `getAiBuild`; act on it when `PLANNED` or `GENERATED`; it is over when `DEPLOYED` or
    `FAILED`.

        Attributes:
            id (str): Unique identifier of the build job, assigned by the server.
            kind (BuildKind | str): What an AI build produces. Values not listed here arrive as plain strings.
            prompt (str): The request.
            status (BuildStatus | str): Progress of a build job, in the docs' lifecycle PLANNING → PLANNED → GENERATING →
                GENERATED → DEPLOYED. `PLANNING` and `GENERATING` are in progress; `PLANNED` waits for the caller to
                `generateAiBuild` and `GENERATED` for `deployAiBuild`; `DEPLOYED` and `FAILED` are final. `FAILED` is inferred.
                Values not listed here arrive as plain strings.
            resource_id (None | str): The connector or workflow built, once `GENERATED`.
            error (ExecutionError | None): Why it failed, once `FAILED`.
            created_at (datetime.datetime): When the resource was created (RFC 3339, UTC).
            updated_at (datetime.datetime): When the resource was last changed (RFC 3339, UTC).
    """

    id: str
    kind: BuildKind | str
    prompt: str
    status: BuildStatus | str
    resource_id: None | str
    error: ExecutionError | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.execution_error import ExecutionError  # noqa: PLC0415

        id = self.id

        kind: str
        if isinstance(self.kind, str):
            kind = self.kind
        else:
            kind = self.kind

        prompt = self.prompt

        status: str
        if isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        resource_id: None | str
        resource_id = self.resource_id

        error: dict[str, Any] | None
        if isinstance(self.error, ExecutionError):
            error = self.error.to_dict()
        else:
            error = self.error

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "prompt": prompt,
                "status": status,
                "resourceId": resource_id,
                "error": error,
                "createdAt": created_at,
                "updatedAt": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.execution_error import ExecutionError  # noqa: PLC0415

        if src_dict.__class__ is not dict:
            src_dict = dict(src_dict)
        id = src_dict["id"]

        kind = src_dict["kind"]

        prompt = src_dict["prompt"]

        status = src_dict["status"]

        def _parse_resource_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        resource_id = _parse_resource_id(src_dict["resourceId"])

        def _parse_error(data: object) -> ExecutionError | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                error_type_0 = ExecutionError.from_dict(data)

                return error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ExecutionError | None, data)

        error = _parse_error(src_dict["error"])

        created_at = parse_datetime(src_dict["createdAt"])

        updated_at = parse_datetime(src_dict["updatedAt"])

        if cls is BuildJob:
            _made = _new(cls)
            _made.id = id
            _made.kind = kind
            _made.prompt = prompt
            _made.status = status
            _made.resource_id = resource_id
            _made.error = error
            _made.created_at = created_at
            _made.updated_at = updated_at
            _made.additional_properties = {}
            build_job = _made
        else:
            build_job = cls(
                id,
                kind,
                prompt,
                status,
                resource_id,
                error,
                created_at,
                updated_at,
            )

        if len(src_dict) > 8:
            d = {k: v for k, v in src_dict.items() if k not in _FIELD_KEYS}
            build_job.additional_properties = d

        return build_job

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
