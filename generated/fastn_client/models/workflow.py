from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..lib.fast_parsing import parse_datetime
from ..models.execution_tier import ExecutionTier
from ..models.workflow_status import WorkflowStatus

if TYPE_CHECKING:
    from ..models.retry_policy import RetryPolicy


T = TypeVar("T", bound="Workflow")
# from_dict() makes a Workflow the way its attrs __init__ does, without calling it.
_new = object.__new__

# The JSON keys of Workflow's fields: from_dict() puts any other key in additional_properties.
_FIELD_KEYS = frozenset(
    {
        "id",
        "name",
        "slug",
        "description",
        "executionTier",
        "timeoutSeconds",
        "status",
        "version",
        "retryPolicy",
        "revision",
        "createdAt",
        "updatedAt",
    }
)


@_attrs_define
class Workflow:
    """A workflow: steps that run on the platform when triggered or run on demand.

    Attributes:
        id (str): Unique identifier of the workflow, assigned by the server.
        name (str): Display name.
        slug (str): URL-safe unique handle within the workspace.
        description (str): What the workflow does.
        execution_tier (ExecutionTier | str): Execution tier: `instant` runs synchronously on the platform; `standard`
            and `long` run asynchronously. Values not listed here arrive as plain strings.
        timeout_seconds (int): Run time after which an execution is `timed_out`; the longest execution tier runs 6 hours
            (reference/workflows.md).
        status (str | WorkflowStatus): Whether a workflow accepts runs and trigger events. Values not listed here arrive
            as plain strings.
        version (str): Published version, `v1`, `v2`… (not the concurrency `revision`).
        retry_policy (RetryPolicy): How failed steps are retried. Defaults are those of the Fastn docs.
        revision (int): Optimistic-concurrency revision: 1 on creation, incremented by every successful update. Send it
            back in an update's `revision` field.
        created_at (datetime.datetime): When the resource was created (RFC 3339, UTC).
        updated_at (datetime.datetime): When the resource was last changed (RFC 3339, UTC).
    """

    id: str
    name: str
    slug: str
    description: str
    execution_tier: ExecutionTier | str
    timeout_seconds: int
    status: str | WorkflowStatus
    version: str
    retry_policy: RetryPolicy
    revision: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        slug = self.slug

        description = self.description

        execution_tier: str
        if isinstance(self.execution_tier, str):
            execution_tier = self.execution_tier
        else:
            execution_tier = self.execution_tier

        timeout_seconds = self.timeout_seconds

        status: str
        if isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        version = self.version

        retry_policy = self.retry_policy.to_dict()

        revision = self.revision

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "slug": slug,
                "description": description,
                "executionTier": execution_tier,
                "timeoutSeconds": timeout_seconds,
                "status": status,
                "version": version,
                "retryPolicy": retry_policy,
                "revision": revision,
                "createdAt": created_at,
                "updatedAt": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.retry_policy import RetryPolicy  # noqa: PLC0415

        if src_dict.__class__ is not dict:
            src_dict = dict(src_dict)
        id = src_dict["id"]

        name = src_dict["name"]

        slug = src_dict["slug"]

        description = src_dict["description"]

        execution_tier = src_dict["executionTier"]

        timeout_seconds = src_dict["timeoutSeconds"]

        status = src_dict["status"]

        version = src_dict["version"]

        retry_policy = RetryPolicy.from_dict(src_dict["retryPolicy"])

        revision = src_dict["revision"]

        created_at = parse_datetime(src_dict["createdAt"])

        updated_at = parse_datetime(src_dict["updatedAt"])

        if cls is Workflow:
            _made = _new(cls)
            _made.id = id
            _made.name = name
            _made.slug = slug
            _made.description = description
            _made.execution_tier = execution_tier
            _made.timeout_seconds = timeout_seconds
            _made.status = status
            _made.version = version
            _made.retry_policy = retry_policy
            _made.revision = revision
            _made.created_at = created_at
            _made.updated_at = updated_at
            _made.additional_properties = {}
            workflow = _made
        else:
            workflow = cls(
                id,
                name,
                slug,
                description,
                execution_tier,
                timeout_seconds,
                status,
                version,
                retry_policy,
                revision,
                created_at,
                updated_at,
            )

        if len(src_dict) > 12:
            d = {k: v for k, v in src_dict.items() if k not in _FIELD_KEYS}
            workflow.additional_properties = d

        return workflow

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
