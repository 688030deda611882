"""One module of endpoint functions per operation of this tag, and the resource classes that call them:
``Fastn().workflows`` (WorkflowsResource, AsyncWorkflowsResource)."""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any, Final, overload

from ...lib.constants import DEFAULT_POLL_INTERVAL, DEFAULT_POLL_INTERVAL_MAX, DEFAULT_WAIT_TIMEOUT
from ...lib.request_options import NOT_GIVEN, NotGiven, RequestOptions, Timeout
from ...lib.resources import (
    AsyncAPIResource,
    SyncAPIResource,
    request_body,
    request_options,
    with_raw_response,
    with_raw_response_async,
)
from ...lib.waiters import RetryAfter, WaitSettings, await_until, wait_until
from ...types import UNSET, Unset

if TYPE_CHECKING:
    from ...lib.pagination import AsyncPaginator, SyncPage
    from ...models.error import Error
    from ...models.execution import Execution
    from ...models.execution_tier import ExecutionTier, check_execution_tier
    from ...models.retry_policy import RetryPolicy
    from ...models.workflow import Workflow
    from ...models.workflow_create import WorkflowCreate
    from ...models.workflow_list import WorkflowList
    from ...models.workflow_run_request import WorkflowRunRequest
    from ...models.workflow_run_request_input import WorkflowRunRequestInput
    from ...models.workflow_status import WorkflowStatus, check_workflow_status
    from ...models.workflow_update import WorkflowUpdate

__all__ = [
    "WorkflowsResource",
    "AsyncWorkflowsResource",
]


class WorkflowsResource(SyncAPIResource):
    """The Workflows operations, one method each. Reached as ``Fastn().workflows``."""

    @cached_property
    def with_raw_response(self) -> WorkflowsResourceWithRawResponse:
        """The same methods, answering the generated ``Response`` (status, headers, content, parsed)."""
        return WorkflowsResourceWithRawResponse(self)

    def list(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> SyncPage[Workflow]:
        """List workflows.

        Lists the workspace's workflows, oldest first, one page at a time.

        Returns the first page; iterating it yields every item of every page.
        """
        from . import list_workflows

        options = request_options(timeout, extra_headers)
        return self._list(
            list_workflows.sync,
            list_workflows.sync_detailed,
            limit=limit,
            request_options=options,
            cursor=cursor,
            unset=UNSET,
        )

    @overload
    def create(
        self,
        body: WorkflowCreate | Mapping[str, Any],
        /,
        *,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Workflow: ...

    @overload
    def create(
        self,
        *,
        name: str,
        slug: str,
        description: str | Unset = UNSET,
        execution_tier: ExecutionTier | Unset = UNSET,
        timeout_seconds: int | Unset = UNSET,
        status: WorkflowStatus | Unset = UNSET,
        retry_policy: RetryPolicy | Mapping[str, Any] | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Workflow: ...

    def create(
        self,
        body: WorkflowCreate | Mapping[str, Any] | None = None,
        *,
        name: str | Unset = UNSET,
        slug: str | Unset = UNSET,
        description: str | Unset = UNSET,
        execution_tier: ExecutionTier | Unset = UNSET,
        timeout_seconds: int | Unset = UNSET,
        status: WorkflowStatus | Unset = UNSET,
        retry_policy: RetryPolicy | Mapping[str, Any] | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Workflow:
        """Create a workflow.

        Creates a workflow at version `v1`. The slug must be unique in the workspace (409
        `CONFLICT` otherwise).

        The body is ``body`` (a WorkflowCreate or a dict) or the keyword arguments, not both.
        """
        from ...models.workflow_create import WorkflowCreate
        from . import create_workflow

        options = request_options(timeout, extra_headers)
        payload = request_body(
            WorkflowCreate,
            body,
            {
                "name": name,
                "slug": slug,
                "description": description,
                "executionTier": execution_tier,
                "timeoutSeconds": timeout_seconds,
                "status": status,
                "retryPolicy": retry_policy,
            },
            unset=UNSET,
            operation="createWorkflow",
        )
        return self._call(
            create_workflow.sync,
            create_workflow.sync_detailed,
            body=payload,
            idempotency_key=idempotency_key,
            request_options=options,
        )

    def get(
        self,
        workflow_id: str,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Workflow:
        """Get a workflow.

        Returns one workflow.
        """
        from . import get_workflow

        options = request_options(timeout, extra_headers)
        return self._call(
            get_workflow.sync,
            get_workflow.sync_detailed,
            workflow_id,
            request_options=options,
        )

    @overload
    def update(
        self,
        workflow_id: str,
        body: WorkflowUpdate | Mapping[str, Any],
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Workflow: ...

    @overload
    def update(
        self,
        workflow_id: str,
        /,
        *,
        revision: int,
        name: str | Unset = UNSET,
        description: str | Unset = UNSET,
        execution_tier: ExecutionTier | Unset = UNSET,
        timeout_seconds: int | Unset = UNSET,
        status: WorkflowStatus | Unset = UNSET,
        retry_policy: RetryPolicy | Mapping[str, Any] | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Workflow: ...

    def update(
        self,
        workflow_id: str,
        body: WorkflowUpdate | Mapping[str, Any] | None = None,
        *,
        revision: int | Unset = UNSET,
        name: str | Unset = UNSET,
        description: str | Unset = UNSET,
        execution_tier: ExecutionTier | Unset = UNSET,
        timeout_seconds: int | Unset = UNSET,
        status: WorkflowStatus | Unset = UNSET,
        retry_policy: RetryPolicy | Mapping[str, Any] | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Workflow:
        """Update a workflow.

        Changes a workflow. Fields left out keep their value. The body's `revision` must equal the
        workflow's current `revision`, or nothing changes and the answer is 409
        `VERSION_MISMATCH`.

        The body is ``body`` (a WorkflowUpdate or a dict) or the keyword arguments, not both.
        """
        from ...models.workflow_update import WorkflowUpdate
        from . import update_workflow

        options = request_options(timeout, extra_headers)
        payload = request_body(
            WorkflowUpdate,
            body,
            {
                "revision": revision,
                "name": name,
                "description": description,
                "executionTier": execution_tier,
                "timeoutSeconds": timeout_seconds,
                "status": status,
                "retryPolicy": retry_policy,
            },
            unset=UNSET,
            operation="updateWorkflow",
        )
        return self._call(
            update_workflow.sync,
            update_workflow.sync_detailed,
            workflow_id,
            body=payload,
            request_options=options,
        )

    def delete(
        self,
        workflow_id: str,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        """Delete a workflow.

        Deletes a workflow. Deleting is permanent.
        """
        from . import delete_workflow

        options = request_options(timeout, extra_headers)
        return self._call(
            delete_workflow.sync,
            delete_workflow.sync_detailed,
            workflow_id,
            request_options=options,
        )

    @overload
    def run(
        self,
        workflow_id: str,
        body: WorkflowRunRequest | Mapping[str, Any],
        /,
        *,
        idempotency_key: str | Unset = UNSET,
        wait: bool = False,
        wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Any | Execution: ...

    @overload
    def run(
        self,
        workflow_id: str,
        /,
        *,
        input: WorkflowRunRequestInput | Mapping[str, Any] | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
        wait: bool = False,
        wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Any | Execution: ...

    def run(
        self,
        workflow_id: str,
        body: WorkflowRunRequest | Mapping[str, Any] | None = None,
        *,
        input: WorkflowRunRequestInput | Mapping[str, Any] | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
        wait: bool = False,
        wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Any | Execution:
        """Run a workflow.

        Runs the workflow with the given input. An `instant`-tier workflow runs synchronously: the
        answer is 200 with whatever the flow's Success step returns (any JSON, defined by the
        flow), or 408 `TIMED_OUT` if it takes longer than the workflow allows. A `standard` or
        `long` workflow answers 202 at once with the execution, status `pending`: poll
        `getExecution` (the `Location` header and the `GetExecution` link point at it) until the
        status is final. An `inactive` workflow cannot run (409 `CONFLICT`).

        The body is ``body`` (a WorkflowRunRequest or a dict) or the keyword arguments, not both.With ``wait=True``, polls until the work it starts reaches a final state.
        """
        from ...models.workflow_run_request import WorkflowRunRequest
        from . import run_workflow

        seen = RetryAfter(self._options.clock)
        options = RequestOptions(timeout=timeout, extra_headers=dict(extra_headers or {}), on_response=seen)
        payload = request_body(
            WorkflowRunRequest,
            body,
            {
                "input": input,
            },
            unset=UNSET,
            operation="runWorkflow",
        )
        result = self._call(
            run_workflow.sync,
            run_workflow.sync_detailed,
            workflow_id,
            body=payload,
            idempotency_key=idempotency_key,
            request_options=options,
        )
        from ...models.execution import Execution

        if wait and isinstance(result, Execution):
            from ..executions import ExecutionsResource

            return ExecutionsResource(self._client)._wait(
                result.id,
                WaitSettings(timeout=wait_timeout),
                request_options(NOT_GIVEN, extra_headers),
                first=result,
                first_retry_after=seen.seconds,
            )
        return result


class WorkflowsResourceWithRawResponse:
    """``WorkflowsResource`` methods answering the generated ``Response``; a 4xx/5xx answer is returned, not raised."""

    def __init__(self, resource: WorkflowsResource) -> None:
        self.list = with_raw_response(resource.list)
        self.create = with_raw_response(resource.create)
        self.get = with_raw_response(resource.get)
        self.update = with_raw_response(resource.update)
        self.delete = with_raw_response(resource.delete)
        self.run = with_raw_response(resource.run)


class AsyncWorkflowsResource(AsyncAPIResource):
    """The Workflows operations, one method each. Reached as ``AsyncFastn().workflows``."""

    @cached_property
    def with_raw_response(self) -> AsyncWorkflowsResourceWithRawResponse:
        """The same methods, answering the generated ``Response`` (status, headers, content, parsed)."""
        return AsyncWorkflowsResourceWithRawResponse(self)

    def list(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncPaginator[Workflow]:
        """List workflows.

        Lists the workspace's workflows, oldest first, one page at a time.

        Returns the first page; iterating it (``async for``) yields every item of every page.
        """
        from . import list_workflows

        options = request_options(timeout, extra_headers)
        return self._list(
            list_workflows.asyncio,
            list_workflows.asyncio_detailed,
            limit=limit,
            request_options=options,
            cursor=cursor,
            unset=UNSET,
        )

    @overload
    async def create(
        self,
        body: WorkflowCreate | Mapping[str, Any],
        /,
        *,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Workflow: ...

    @overload
    async def create(
        self,
        *,
        name: str,
        slug: str,
        description: str | Unset = UNSET,
        execution_tier: ExecutionTier | Unset = UNSET,
        timeout_seconds: int | Unset = UNSET,
        status: WorkflowStatus | Unset = UNSET,
        retry_policy: RetryPolicy | Mapping[str, Any] | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Workflow: ...

    async def create(
        self,
        body: WorkflowCreate | Mapping[str, Any] | None = None,
        *,
        name: str | Unset = UNSET,
        slug: str | Unset = UNSET,
        description: str | Unset = UNSET,
        execution_tier: ExecutionTier | Unset = UNSET,
        timeout_seconds: int | Unset = UNSET,
        status: WorkflowStatus | Unset = UNSET,
        retry_policy: RetryPolicy | Mapping[str, Any] | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Workflow:
        """Create a workflow.

        Creates a workflow at version `v1`. The slug must be unique in the workspace (409
        `CONFLICT` otherwise).

        The body is ``body`` (a WorkflowCreate or a dict) or the keyword arguments, not both.
        """
        from ...models.workflow_create import WorkflowCreate
        from . import create_workflow

        options = request_options(timeout, extra_headers)
        payload = request_body(
            WorkflowCreate,
            body,
            {
                "name": name,
                "slug": slug,
                "description": description,
                "executionTier": execution_tier,
                "timeoutSeconds": timeout_seconds,
                "status": status,
                "retryPolicy": retry_policy,
            },
            unset=UNSET,
            operation="createWorkflow",
        )
        return await self._call(
            create_workflow.asyncio,
            create_workflow.asyncio_detailed,
            body=payload,
            idempotency_key=idempotency_key,
            request_options=options,
        )

    async def get(
        self,
        workflow_id: str,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Workflow:
        """Get a workflow.

        Returns one workflow.
        """
        from . import get_workflow

        options = request_options(timeout, extra_headers)
        return await self._call(
            get_workflow.asyncio,
            get_workflow.asyncio_detailed,
            workflow_id,
            request_options=options,
        )

    @overload
    async def update(
        self,
        workflow_id: str,
        body: WorkflowUpdate | Mapping[str, Any],
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Workflow: ...

    @overload
    async def update(
        self,
        workflow_id: str,
        /,
        *,
        revision: int,
        name: str | Unset = UNSET,
        description: str | Unset = UNSET,
        execution_tier: ExecutionTier | Unset = UNSET,
        timeout_seconds: int | Unset = UNSET,
        status: WorkflowStatus | Unset = UNSET,
        retry_policy: RetryPolicy | Mapping[str, Any] | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Workflow: ...

    async def update(
        self,
        workflow_id: str,
        body: WorkflowUpdate | Mapping[str, Any] | None = None,
        *,
        revision: int | Unset = UNSET,
        name: str | Unset = UNSET,
        description: str | Unset = UNSET,
        execution_tier: ExecutionTier | Unset = UNSET,
        timeout_seconds: int | Unset = UNSET,
        status: WorkflowStatus | Unset = UNSET,
        retry_policy: RetryPolicy | Mapping[str, Any] | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Workflow:
        """Update a workflow.

        Changes a workflow. Fields left out keep their value. The body's `revision` must equal the
        workflow's current `revision`, or nothing changes and the answer is 409
        `VERSION_MISMATCH`.

        The body is ``body`` (a WorkflowUpdate or a dict) or the keyword arguments, not both.
        """
        from ...models.workflow_update import WorkflowUpdate
        from . import update_workflow

        options = request_options(timeout, extra_headers)
        payload = request_body(
            WorkflowUpdate,
            body,
            {
                "revision": revision,
                "name": name,
                "description": description,
                "executionTier": execution_tier,
                "timeoutSeconds": timeout_seconds,
                "status": status,
                "retryPolicy": retry_policy,
            },
            unset=UNSET,
            operation="updateWorkflow",
        )
        return await self._call(
            update_workflow.asyncio,
            update_workflow.asyncio_detailed,
            workflow_id,
            body=payload,
            request_options=options,
        )

    async def delete(
        self,
        workflow_id: str,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        """Delete a workflow.

        Deletes a workflow. Deleting is permanent.
        """
        from . import delete_workflow

        options = request_options(timeout, extra_headers)
        return await self._call(
            delete_workflow.asyncio,
            delete_workflow.asyncio_detailed,
            workflow_id,
            request_options=options,
        )

    @overload
    async def run(
        self,
        workflow_id: str,
        body: WorkflowRunRequest | Mapping[str, Any],
        /,
        *,
        idempotency_key: str | Unset = UNSET,
        wait: bool = False,
        wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Any | Execution: ...

    @overload
    async def run(
        self,
        workflow_id: str,
        /,
        *,
        input: WorkflowRunRequestInput | Mapping[str, Any] | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
        wait: bool = False,
        wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Any | Execution: ...

    async def run(
        self,
        workflow_id: str,
        body: WorkflowRunRequest | Mapping[str, Any] | None = None,
        *,
        input: WorkflowRunRequestInput | Mapping[str, Any] | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
        wait: bool = False,
        wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Any | Execution:
        """Run a workflow.

        Runs the workflow with the given input. An `instant`-tier workflow runs synchronously: the
        answer is 200 with whatever the flow's Success step returns (any JSON, defined by the
        flow), or 408 `TIMED_OUT` if it takes longer than the workflow allows. A `standard` or
        `long` workflow answers 202 at once with the execution, status `pending`: poll
        `getExecution` (the `Location` header and the `GetExecution` link point at it) until the
        status is final. An `inactive` workflow cannot run (409 `CONFLICT`).

        The body is ``body`` (a WorkflowRunRequest or a dict) or the keyword arguments, not both.With ``wait=True``, polls until the work it starts reaches a final state.
        """
        from ...models.workflow_run_request import WorkflowRunRequest
        from . import run_workflow

        seen = RetryAfter(self._options.clock)
        options = RequestOptions(timeout=timeout, extra_headers=dict(extra_headers or {}), on_response=seen)
        payload = request_body(
            WorkflowRunRequest,
            body,
            {
                "input": input,
            },
            unset=UNSET,
            operation="runWorkflow",
        )
        result = await self._call(
            run_workflow.asyncio,
            run_workflow.asyncio_detailed,
            workflow_id,
            body=payload,
            idempotency_key=idempotency_key,
            request_options=options,
        )
        from ...models.execution import Execution

        if wait and isinstance(result, Execution):
            from ..executions import AsyncExecutionsResource

            return await AsyncExecutionsResource(self._client)._wait(
                result.id,
                WaitSettings(timeout=wait_timeout),
                request_options(NOT_GIVEN, extra_headers),
                first=result,
                first_retry_after=seen.seconds,
            )
        return result


class AsyncWorkflowsResourceWithRawResponse:
    """``AsyncWorkflowsResource`` methods answering the generated ``Response``; a 4xx/5xx answer is returned, not raised."""

    def __init__(self, resource: AsyncWorkflowsResource) -> None:
        self.list = with_raw_response_async(resource.list)
        self.create = with_raw_response_async(resource.create)
        self.get = with_raw_response_async(resource.get)
        self.update = with_raw_response_async(resource.update)
        self.delete = with_raw_response_async(resource.delete)
        self.run = with_raw_response_async(resource.run)
