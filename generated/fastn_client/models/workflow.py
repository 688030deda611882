from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.execution_tier import ExecutionTier, check_execution_tier
from ..models.workflow_status import WorkflowStatus, check_workflow_status

if TYPE_CHECKING:
    from ..models.retry_policy import RetryPolicy


T = TypeVar("T", bound="Workflow")


@_attrs_define
class Workflow:
    """A workflow: steps that run on the platform when triggered or run on demand.

    Attributes:
        id (UUID): Unique identifier of the workflow, assigned by the server.
        name (str): Display name.
        slug (str): URL-safe unique handle within the workspace.
        description (str): What the workflow does.
        execution_tier (ExecutionTier): Execution tier: `instant` runs synchronously on the platform; `standard` and
            `long` run asynchronously.
        timeout_seconds (int): Run time after which an execution is `timed_out`.
        status (WorkflowStatus): Whether a workflow accepts runs and trigger events.
        version (str): Published version, `v1`, `v2`… (not the concurrency `revision`).
        retry_policy (RetryPolicy): How failed steps are retried. Defaults are those of the Fastn docs.
        revision (int): Optimistic-concurrency revision: 1 on creation, incremented by every successful update. Send it
            back in an update's `revision` field.
        created_at (datetime.datetime): When the resource was created (RFC 3339, UTC).
        updated_at (datetime.datetime): When the resource was last changed (RFC 3339, UTC).
    """

    id: UUID
    name: str
    slug: str
    description: str
    execution_tier: ExecutionTier
    timeout_seconds: int
    status: WorkflowStatus
    version: str
    retry_policy: RetryPolicy
    revision: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        slug = self.slug

        description = self.description

        execution_tier: str = self.execution_tier

        timeout_seconds = self.timeout_seconds

        status: str = self.status

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

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        slug = d.pop("slug")

        description = d.pop("description")

        execution_tier = check_execution_tier(d.pop("executionTier"))

        timeout_seconds = d.pop("timeoutSeconds")

        status = check_workflow_status(d.pop("status"))

        version = d.pop("version")

        retry_policy = RetryPolicy.from_dict(d.pop("retryPolicy"))

        revision = d.pop("revision")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        workflow = cls(
            id=id,
            name=name,
            slug=slug,
            description=description,
            execution_tier=execution_tier,
            timeout_seconds=timeout_seconds,
            status=status,
            version=version,
            retry_policy=retry_policy,
            revision=revision,
            created_at=created_at,
            updated_at=updated_at,
        )

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
