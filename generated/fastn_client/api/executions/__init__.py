"""One module of endpoint functions per operation of this tag, and the resource classes that call them:
``Fastn().executions`` (ExecutionsResource, AsyncExecutionsResource)."""

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
    from ...models.execution_list import ExecutionList
    from ...models.execution_status import ExecutionStatus, check_execution_status

__all__ = [
    "ExecutionsResource",
    "AsyncExecutionsResource",
]

_WAIT_DONE: Final = frozenset(
    {
        "completed",
        "failed",
        "cancelled",
        "timed_out",
    }
)
"""The states that end `wait()`: the final ones and those waiting for the caller."""


class ExecutionsResource(SyncAPIResource):
    """The Executions operations, one method each. Reached as ``Fastn().executions``."""

    @cached_property
    def with_raw_response(self) -> ExecutionsResourceWithRawResponse:
        """The same methods, answering the generated ``Response`` (status, headers, content, parsed)."""
        return ExecutionsResourceWithRawResponse(self)

    def list(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | None = None,
        workflow_id: str | Unset = UNSET,
        status: ExecutionStatus | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> SyncPage[Execution]:
        """List executions.

        Lists executions, newest first, one page at a time; filter by workflow and status.

        Returns the first page; iterating it yields every item of every page.
        """
        from . import list_executions

        options = request_options(timeout, extra_headers)
        return self._list(
            list_executions.sync,
            list_executions.sync_detailed,
            limit=limit,
            workflow_id=workflow_id,
            status=status,
            request_options=options,
            cursor=cursor,
            unset=UNSET,
        )

    def get(
        self,
        execution_id: str,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Execution:
        """Get an execution.

        Returns one execution with its status, steps and result. Poll it after `runWorkflow`.
        """
        from . import get_execution

        options = request_options(timeout, extra_headers)
        return self._call(
            get_execution.sync,
            get_execution.sync_detailed,
            execution_id,
            request_options=options,
        )

    def wait(
        self,
        execution_id: str,
        /,
        *,
        timeout: float = DEFAULT_WAIT_TIMEOUT,
        interval: float = DEFAULT_POLL_INTERVAL,
        max_interval: float = DEFAULT_POLL_INTERVAL_MAX,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Execution:
        """Poll ``get()`` until the execution's ``status`` is final or waits for the caller.

        Those states: completed, failed, cancelled, timed_out. Pauses start at ``interval`` seconds and double up to
        ``max_interval``, or follow the answer's ``Retry-After``; each poll is retried and paced as any
        call. Raises ``WaitTimeoutError`` (with the last state seen) after ``timeout`` seconds.
        """
        return self._wait(
            execution_id,
            WaitSettings(timeout=timeout, interval=interval, max_interval=max_interval),
            request_options(NOT_GIVEN, extra_headers),
        )

    def _wait(
        self,
        execution_id: str,
        settings: WaitSettings,
        options: RequestOptions,
        first: Execution | None = None,
        first_retry_after: float | None = None,
    ) -> Execution:
        from . import get_execution

        def fetch(polling: RequestOptions) -> Execution:
            return get_execution.sync(execution_id, client=self._client, request_options=polling)

        return wait_until(
            fetch,
            what=f"execution {execution_id}",
            done=_WAIT_DONE,
            status=lambda value: value.status,
            options=self._options,
            settings=settings,
            request_options=options,
            first=first,
            first_retry_after=first_retry_after,
        )

    def cancel(
        self,
        execution_id: str,
        /,
        *,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Execution:
        """Cancel an execution.

        Stops a `pending` or `running` execution: it ends `cancelled` and the answer is the
        execution in that state. An execution that is already final cannot be cancelled (409
        `CONFLICT`).
        """
        from . import cancel_execution

        options = request_options(timeout, extra_headers)
        return self._call(
            cancel_execution.sync,
            cancel_execution.sync_detailed,
            execution_id,
            idempotency_key=idempotency_key,
            request_options=options,
        )


class ExecutionsResourceWithRawResponse:
    """``ExecutionsResource`` methods answering the generated ``Response``; a 4xx/5xx answer is returned, not raised."""

    def __init__(self, resource: ExecutionsResource) -> None:
        self.list = with_raw_response(resource.list)
        self.get = with_raw_response(resource.get)
        self.cancel = with_raw_response(resource.cancel)


class AsyncExecutionsResource(AsyncAPIResource):
    """The Executions operations, one method each. Reached as ``AsyncFastn().executions``."""

    @cached_property
    def with_raw_response(self) -> AsyncExecutionsResourceWithRawResponse:
        """The same methods, answering the generated ``Response`` (status, headers, content, parsed)."""
        return AsyncExecutionsResourceWithRawResponse(self)

    def list(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | None = None,
        workflow_id: str | Unset = UNSET,
        status: ExecutionStatus | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncPaginator[Execution]:
        """List executions.

        Lists executions, newest first, one page at a time; filter by workflow and status.

        Returns the first page; iterating it (``async for``) yields every item of every page.
        """
        from . import list_executions

        options = request_options(timeout, extra_headers)
        return self._list(
            list_executions.asyncio,
            list_executions.asyncio_detailed,
            limit=limit,
            workflow_id=workflow_id,
            status=status,
            request_options=options,
            cursor=cursor,
            unset=UNSET,
        )

    async def get(
        self,
        execution_id: str,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Execution:
        """Get an execution.

        Returns one execution with its status, steps and result. Poll it after `runWorkflow`.
        """
        from . import get_execution

        options = request_options(timeout, extra_headers)
        return await self._call(
            get_execution.asyncio,
            get_execution.asyncio_detailed,
            execution_id,
            request_options=options,
        )

    async def wait(
        self,
        execution_id: str,
        /,
        *,
        timeout: float = DEFAULT_WAIT_TIMEOUT,
        interval: float = DEFAULT_POLL_INTERVAL,
        max_interval: float = DEFAULT_POLL_INTERVAL_MAX,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Execution:
        """Poll ``get()`` until the execution's ``status`` is final or waits for the caller.

        Those states: completed, failed, cancelled, timed_out. Pauses start at ``interval`` seconds and double up to
        ``max_interval``, or follow the answer's ``Retry-After``; each poll is retried and paced as any
        call. Raises ``WaitTimeoutError`` (with the last state seen) after ``timeout`` seconds.
        """
        return await self._wait(
            execution_id,
            WaitSettings(timeout=timeout, interval=interval, max_interval=max_interval),
            request_options(NOT_GIVEN, extra_headers),
        )

    async def _wait(
        self,
        execution_id: str,
        settings: WaitSettings,
        options: RequestOptions,
        first: Execution | None = None,
        first_retry_after: float | None = None,
    ) -> Execution:
        from . import get_execution

        async def fetch(polling: RequestOptions) -> Execution:
            return await get_execution.asyncio(execution_id, client=self._client, request_options=polling)

        return await await_until(
            fetch,
            what=f"execution {execution_id}",
            done=_WAIT_DONE,
            status=lambda value: value.status,
            options=self._options,
            settings=settings,
            request_options=options,
            first=first,
            first_retry_after=first_retry_after,
        )

    async def cancel(
        self,
        execution_id: str,
        /,
        *,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Execution:
        """Cancel an execution.

        Stops a `pending` or `running` execution: it ends `cancelled` and the answer is the
        execution in that state. An execution that is already final cannot be cancelled (409
        `CONFLICT`).
        """
        from . import cancel_execution

        options = request_options(timeout, extra_headers)
        return await self._call(
            cancel_execution.asyncio,
            cancel_execution.asyncio_detailed,
            execution_id,
            idempotency_key=idempotency_key,
            request_options=options,
        )


class AsyncExecutionsResourceWithRawResponse:
    """``AsyncExecutionsResource`` methods answering the generated ``Response``; a 4xx/5xx answer is returned, not raised."""

    def __init__(self, resource: AsyncExecutionsResource) -> None:
        self.list = with_raw_response_async(resource.list)
        self.get = with_raw_response_async(resource.get)
        self.cancel = with_raw_response_async(resource.cancel)
