from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.workflow_run_request_input import WorkflowRunRequestInput


T = TypeVar("T", bound="WorkflowRunRequest")
# from_dict() makes a WorkflowRunRequest the way its attrs __init__ does, without calling it.
_new = object.__new__


@_attrs_define
class WorkflowRunRequest:
    """Input of a workflow run.

    Attributes:
        input_ (WorkflowRunRequestInput | Unset): Free-form input handed to the workflow's first step.
    """

    input_: WorkflowRunRequestInput | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        input_: dict[str, Any] | Unset = UNSET
        if not isinstance(self.input_, Unset):
            input_ = self.input_.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if input_ is not UNSET:
            field_dict["input"] = input_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.workflow_run_request_input import WorkflowRunRequestInput  # noqa: PLC0415

        if src_dict.__class__ is not dict:
            src_dict = dict(src_dict)
        _input_ = src_dict.get("input", UNSET)
        input_: WorkflowRunRequestInput | Unset
        if isinstance(_input_, Unset):
            input_ = UNSET
        else:
            input_ = WorkflowRunRequestInput.from_dict(_input_)

        if cls is WorkflowRunRequest:
            _made = _new(cls)
            _made.input_ = input_
            workflow_run_request = _made
        else:
            workflow_run_request = cls(
                input_,
            )

        return workflow_run_request
