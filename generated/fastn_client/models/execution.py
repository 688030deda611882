from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..lib.fast_parsing import parse_datetime
from ..models.execution_status import ExecutionStatus
from ..models.execution_tier import ExecutionTier
from ..models.triggered_by import TriggeredBy

if TYPE_CHECKING:
    from ..models.execution_error import ExecutionError
    from ..models.execution_input import ExecutionInput
    from ..models.execution_result_type_0 import ExecutionResultType0
    from ..models.execution_step import ExecutionStep


T = TypeVar("T", bound="Execution")
# from_dict() makes a Execution the way its attrs __init__ does, without calling it.
_new = object.__new__

# The JSON keys of Execution's fields: from_dict() puts any other key in additional_properties.
_FIELD_KEYS = frozenset(
    {
        "id",
        "workflowId",
        "workflowVersion",
        "tier",
        "status",
        "triggeredBy",
        "input",
        "result",
        "error",
        "steps",
        "startedAt",
        "completedAt",
        "durationMs",
        "createdAt",
    }
)


@_attrs_define
class Execution:
    """One run of a workflow. Poll it with `getExecution` until `status` is final.

    Attributes:
        id (str): Unique identifier of the execution, assigned by the server.
        workflow_id (str): The workflow that ran.
        workflow_version (str): Version of the workflow that ran.
        tier (ExecutionTier | str): Execution tier: `instant` runs synchronously on the platform; `standard` and `long`
            run asynchronously. Values not listed here arrive as plain strings.
        status (ExecutionStatus | str): State of an execution: `pending` (triggered, not started) and `running` are
            transient; `completed`, `failed`, `cancelled` and `timed_out` are final. Values not listed here arrive as plain
            strings.
        triggered_by (str | TriggeredBy): What started an execution. Values not listed here arrive as plain strings.
        input_ (ExecutionInput): Input the run received.
        result (ExecutionResultType0 | None): Output, once `completed`.
        error (ExecutionError | None): Why it failed, once `failed` or `timed_out`.
        steps (list[ExecutionStep]): Steps in order.
        started_at (datetime.datetime | None): When it started running.
        completed_at (datetime.datetime | None): When it reached a final status.
        duration_ms (int | None): Run time in milliseconds, once final.
        created_at (datetime.datetime): When the resource was created (RFC 3339, UTC).
    """

    id: str
    workflow_id: str
    workflow_version: str
    tier: ExecutionTier | str
    status: ExecutionStatus | str
    triggered_by: str | TriggeredBy
    input_: ExecutionInput
    result: ExecutionResultType0 | None
    error: ExecutionError | None
    steps: list[ExecutionStep]
    started_at: datetime.datetime | None
    completed_at: datetime.datetime | None
    duration_ms: int | None
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.execution_error import ExecutionError  # noqa: PLC0415
        from ..models.execution_result_type_0 import ExecutionResultType0  # noqa: PLC0415

        id = self.id

        workflow_id = self.workflow_id

        workflow_version = self.workflow_version

        tier: str
        if isinstance(self.tier, str):
            tier = self.tier
        else:
            tier = self.tier

        status: str
        if isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        triggered_by: str
        if isinstance(self.triggered_by, str):
            triggered_by = self.triggered_by
        else:
            triggered_by = self.triggered_by

        input_ = self.input_.to_dict()

        result: dict[str, Any] | None
        if isinstance(self.result, ExecutionResultType0):
            result = self.result.to_dict()
        else:
            result = self.result

        error: dict[str, Any] | None
        if isinstance(self.error, ExecutionError):
            error = self.error.to_dict()
        else:
            error = self.error

        steps = []
        for steps_item_data in self.steps:
            steps_item = steps_item_data.to_dict()
            steps.append(steps_item)

        started_at: None | str
        if isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        completed_at: None | str
        if isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        duration_ms: int | None
        duration_ms = self.duration_ms

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "workflowId": workflow_id,
                "workflowVersion": workflow_version,
                "tier": tier,
                "status": status,
                "triggeredBy": triggered_by,
                "input": input_,
                "result": result,
                "error": error,
                "steps": steps,
                "startedAt": started_at,
                "completedAt": completed_at,
                "durationMs": duration_ms,
                "createdAt": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.execution_error import ExecutionError  # noqa: PLC0415
        from ..models.execution_input import ExecutionInput  # noqa: PLC0415
        from ..models.execution_result_type_0 import ExecutionResultType0  # noqa: PLC0415
        from ..models.execution_step import ExecutionStep  # noqa: PLC0415

        if src_dict.__class__ is not dict:
            src_dict = dict(src_dict)
        id = src_dict["id"]

        workflow_id = src_dict["workflowId"]

        workflow_version = src_dict["workflowVersion"]

        tier = src_dict["tier"]

        status = src_dict["status"]

        triggered_by = src_dict["triggeredBy"]

        input_ = ExecutionInput.from_dict(src_dict["input"])

        def _parse_result(data: object) -> ExecutionResultType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                result_type_0 = ExecutionResultType0.from_dict(data)

                return result_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ExecutionResultType0 | None, data)

        result = _parse_result(src_dict["result"])

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

        _steps_item = ExecutionStep.from_dict
        steps = [_steps_item(steps_item_data) for steps_item_data in src_dict["steps"]]

        def _parse_started_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = parse_datetime(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        started_at = _parse_started_at(src_dict["startedAt"])

        def _parse_completed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = parse_datetime(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        completed_at = _parse_completed_at(src_dict["completedAt"])

        def _parse_duration_ms(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        duration_ms = _parse_duration_ms(src_dict["durationMs"])

        created_at = parse_datetime(src_dict["createdAt"])

        if cls is Execution:
            _made = _new(cls)
            _made.id = id
            _made.workflow_id = workflow_id
            _made.workflow_version = workflow_version
            _made.tier = tier
            _made.status = status
            _made.triggered_by = triggered_by
            _made.input_ = input_
            _made.result = result
            _made.error = error
            _made.steps = steps
            _made.started_at = started_at
            _made.completed_at = completed_at
            _made.duration_ms = duration_ms
            _made.created_at = created_at
            _made.additional_properties = {}
            execution = _made
        else:
            execution = cls(
                id,
                workflow_id,
                workflow_version,
                tier,
                status,
                triggered_by,
                input_,
                result,
                error,
                steps,
                started_at,
                completed_at,
                duration_ms,
                created_at,
            )

        if len(src_dict) > 14:
            d = {k: v for k, v in src_dict.items() if k not in _FIELD_KEYS}
            execution.additional_properties = d

        return execution

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
