from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.execution_tier import ExecutionTier, check_execution_tier
from ..models.workflow_status import WorkflowStatus, check_workflow_status
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.retry_policy import RetryPolicy


T = TypeVar("T", bound="WorkflowCreate")
# from_dict() makes a WorkflowCreate the way its attrs __init__ does, without calling it.
_new = object.__new__


@_attrs_define
class WorkflowCreate:
    """Fields to create a workflow.

    Attributes:
        name (str): Display name.
        slug (str): URL-safe unique handle; 409 `CONFLICT` if taken.
        description (str | Unset): What the workflow does.
        execution_tier (ExecutionTier | Unset): Execution tier: `instant` runs synchronously on the platform; `standard`
            and `long` run asynchronously.
        timeout_seconds (int | Unset): Defaults to 300; at most 6 hours, the longest execution tier
            (reference/workflows.md).
        status (WorkflowStatus | Unset): Whether a workflow accepts runs and trigger events (`active`, `inactive`, as
            the docs say), and the flow states the official SDK's CLI lists: `DEPLOYED`, `CONNECT` (waiting for a
            connection) and `DRAFT` (not deployed).
        retry_policy (RetryPolicy | Unset): How failed steps are retried. Defaults are those of the Fastn docs.
    """

    name: str
    slug: str
    description: str | Unset = UNSET
    execution_tier: ExecutionTier | Unset = UNSET
    timeout_seconds: int | Unset = UNSET
    status: WorkflowStatus | Unset = UNSET
    retry_policy: RetryPolicy | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        slug = self.slug

        description = self.description

        execution_tier: str | Unset = UNSET
        if not isinstance(self.execution_tier, Unset):
            execution_tier = self.execution_tier

        timeout_seconds = self.timeout_seconds

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status

        retry_policy: dict[str, Any] | Unset = UNSET
        if not isinstance(self.retry_policy, Unset):
            retry_policy = self.retry_policy.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "slug": slug,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if execution_tier is not UNSET:
            field_dict["executionTier"] = execution_tier
        if timeout_seconds is not UNSET:
            field_dict["timeoutSeconds"] = timeout_seconds
        if status is not UNSET:
            field_dict["status"] = status
        if retry_policy is not UNSET:
            field_dict["retryPolicy"] = retry_policy

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.retry_policy import RetryPolicy  # noqa: PLC0415

        if src_dict.__class__ is not dict:
            src_dict = dict(src_dict)
        name = src_dict["name"]

        slug = src_dict["slug"]

        description = src_dict.get("description", UNSET)

        _execution_tier = src_dict.get("executionTier", UNSET)
        execution_tier: ExecutionTier | Unset
        if isinstance(_execution_tier, Unset):
            execution_tier = UNSET
        else:
            execution_tier = check_execution_tier(_execution_tier)

        timeout_seconds = src_dict.get("timeoutSeconds", UNSET)

        _status = src_dict.get("status", UNSET)
        status: WorkflowStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = check_workflow_status(_status)

        _retry_policy = src_dict.get("retryPolicy", UNSET)
        retry_policy: RetryPolicy | Unset
        if isinstance(_retry_policy, Unset):
            retry_policy = UNSET
        else:
            retry_policy = RetryPolicy.from_dict(_retry_policy)

        if cls is WorkflowCreate:
            _made = _new(cls)
            _made.name = name
            _made.slug = slug
            _made.description = description
            _made.execution_tier = execution_tier
            _made.timeout_seconds = timeout_seconds
            _made.status = status
            _made.retry_policy = retry_policy
            workflow_create = _made
        else:
            workflow_create = cls(
                name,
                slug,
                description,
                execution_tier,
                timeout_seconds,
                status,
                retry_policy,
            )

        return workflow_create
