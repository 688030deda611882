"""One module of endpoint functions per operation of this tag, and the resource classes that call them:
``Fastn().triggers`` (TriggersResource, AsyncTriggersResource)."""

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
    from ...models.trigger import Trigger
    from ...models.trigger_create import TriggerCreate
    from ...models.trigger_list import TriggerList
    from ...models.trigger_type import TriggerType, check_trigger_type
    from ...models.trigger_update import TriggerUpdate

__all__ = [
    "TriggersResource",
    "AsyncTriggersResource",
]


class TriggersResource(SyncAPIResource):
    """The Triggers operations, one method each. Reached as ``Fastn().triggers``."""

    @cached_property
    def with_raw_response(self) -> TriggersResourceWithRawResponse:
        """The same methods, answering the generated ``Response`` (status, headers, content, parsed)."""
        return TriggersResourceWithRawResponse(self)

    def list(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> SyncPage[Trigger]:
        """List triggers.

        Lists the workspace's triggers, oldest first, one page at a time.

        Returns the first page; iterating it yields every item of every page.
        """
        from . import list_triggers

        options = request_options(timeout, extra_headers)
        return self._list(
            list_triggers.sync,
            list_triggers.sync_detailed,
            limit=limit,
            request_options=options,
            cursor=cursor,
            unset=UNSET,
        )

    @overload
    def create(
        self,
        body: TriggerCreate | Mapping[str, Any],
        /,
        *,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Trigger: ...

    @overload
    def create(
        self,
        *,
        name: str,
        type: TriggerType,
        workflow_ids: builtins.list[str],
        enabled: bool | Unset = UNSET,
        cron: str | Unset = UNSET,
        interval_seconds: int | Unset = UNSET,
        deduplication_key: str | Unset = UNSET,
        dead_letter_enabled: bool | Unset = UNSET,
        event: str | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Trigger: ...

    def create(
        self,
        body: TriggerCreate | Mapping[str, Any] | None = None,
        *,
        name: str | Unset = UNSET,
        type: TriggerType | Unset = UNSET,
        workflow_ids: builtins.list[str] | Unset = UNSET,
        enabled: bool | Unset = UNSET,
        cron: str | Unset = UNSET,
        interval_seconds: int | Unset = UNSET,
        deduplication_key: str | Unset = UNSET,
        dead_letter_enabled: bool | Unset = UNSET,
        event: str | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Trigger:
        """Create a trigger.

        Creates a trigger routed to one or more workflows (422 if one does not exist). `cron`
        triggers need `cron` or `intervalSeconds`; `event` triggers need `event`; `webhook`
        triggers get a `webhookUrl`.

        The body is ``body`` (a TriggerCreate or a dict) or the keyword arguments, not both.
        """
        from ...models.trigger_create import TriggerCreate
        from . import create_trigger

        options = request_options(timeout, extra_headers)
        payload = request_body(
            TriggerCreate,
            body,
            {
                "name": name,
                "type": type,
                "workflowIds": workflow_ids,
                "enabled": enabled,
                "cron": cron,
                "intervalSeconds": interval_seconds,
                "deduplicationKey": deduplication_key,
                "deadLetterEnabled": dead_letter_enabled,
                "event": event,
            },
            unset=UNSET,
            operation="createTrigger",
        )
        return self._call(
            create_trigger.sync,
            create_trigger.sync_detailed,
            body=payload,
            idempotency_key=idempotency_key,
            request_options=options,
        )

    def get(
        self,
        trigger_id: str,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Trigger:
        """Get a trigger.

        Returns one trigger.
        """
        from . import get_trigger

        options = request_options(timeout, extra_headers)
        return self._call(
            get_trigger.sync,
            get_trigger.sync_detailed,
            trigger_id,
            request_options=options,
        )

    @overload
    def update(
        self,
        trigger_id: str,
        body: TriggerUpdate | Mapping[str, Any],
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Trigger: ...

    @overload
    def update(
        self,
        trigger_id: str,
        /,
        *,
        revision: int,
        name: str | Unset = UNSET,
        workflow_ids: builtins.list[str] | Unset = UNSET,
        enabled: bool | Unset = UNSET,
        cron: None | str | Unset = UNSET,
        interval_seconds: int | None | Unset = UNSET,
        deduplication_key: None | str | Unset = UNSET,
        dead_letter_enabled: bool | Unset = UNSET,
        event: None | str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Trigger: ...

    def update(
        self,
        trigger_id: str,
        body: TriggerUpdate | Mapping[str, Any] | None = None,
        *,
        revision: int | Unset = UNSET,
        name: str | Unset = UNSET,
        workflow_ids: builtins.list[str] | Unset = UNSET,
        enabled: bool | Unset = UNSET,
        cron: None | str | Unset = UNSET,
        interval_seconds: int | None | Unset = UNSET,
        deduplication_key: None | str | Unset = UNSET,
        dead_letter_enabled: bool | Unset = UNSET,
        event: None | str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Trigger:
        """Update a trigger.

        Changes a trigger. Fields left out keep their value. The body's `revision` must equal the
        trigger's current `revision`, or nothing changes and the answer is 409 `VERSION_MISMATCH`.

        The body is ``body`` (a TriggerUpdate or a dict) or the keyword arguments, not both.
        """
        from ...models.trigger_update import TriggerUpdate
        from . import update_trigger

        options = request_options(timeout, extra_headers)
        payload = request_body(
            TriggerUpdate,
            body,
            {
                "revision": revision,
                "name": name,
                "workflowIds": workflow_ids,
                "enabled": enabled,
                "cron": cron,
                "intervalSeconds": interval_seconds,
                "deduplicationKey": deduplication_key,
                "deadLetterEnabled": dead_letter_enabled,
                "event": event,
            },
            unset=UNSET,
            operation="updateTrigger",
        )
        return self._call(
            update_trigger.sync,
            update_trigger.sync_detailed,
            trigger_id,
            body=payload,
            request_options=options,
        )

    def delete(
        self,
        trigger_id: str,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        """Delete a trigger.

        Deletes a trigger. Deleting is permanent.
        """
        from . import delete_trigger

        options = request_options(timeout, extra_headers)
        return self._call(
            delete_trigger.sync,
            delete_trigger.sync_detailed,
            trigger_id,
            request_options=options,
        )


class TriggersResourceWithRawResponse:
    """``TriggersResource`` methods answering the generated ``Response``; a 4xx/5xx answer is returned, not raised."""

    def __init__(self, resource: TriggersResource) -> None:
        self.list = with_raw_response(resource.list)
        self.create = with_raw_response(resource.create)
        self.get = with_raw_response(resource.get)
        self.update = with_raw_response(resource.update)
        self.delete = with_raw_response(resource.delete)


class AsyncTriggersResource(AsyncAPIResource):
    """The Triggers operations, one method each. Reached as ``AsyncFastn().triggers``."""

    @cached_property
    def with_raw_response(self) -> AsyncTriggersResourceWithRawResponse:
        """The same methods, answering the generated ``Response`` (status, headers, content, parsed)."""
        return AsyncTriggersResourceWithRawResponse(self)

    def list(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncPaginator[Trigger]:
        """List triggers.

        Lists the workspace's triggers, oldest first, one page at a time.

        Returns the first page; iterating it (``async for``) yields every item of every page.
        """
        from . import list_triggers

        options = request_options(timeout, extra_headers)
        return self._list(
            list_triggers.asyncio,
            list_triggers.asyncio_detailed,
            limit=limit,
            request_options=options,
            cursor=cursor,
            unset=UNSET,
        )

    @overload
    async def create(
        self,
        body: TriggerCreate | Mapping[str, Any],
        /,
        *,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Trigger: ...

    @overload
    async def create(
        self,
        *,
        name: str,
        type: TriggerType,
        workflow_ids: builtins.list[str],
        enabled: bool | Unset = UNSET,
        cron: str | Unset = UNSET,
        interval_seconds: int | Unset = UNSET,
        deduplication_key: str | Unset = UNSET,
        dead_letter_enabled: bool | Unset = UNSET,
        event: str | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Trigger: ...

    async def create(
        self,
        body: TriggerCreate | Mapping[str, Any] | None = None,
        *,
        name: str | Unset = UNSET,
        type: TriggerType | Unset = UNSET,
        workflow_ids: builtins.list[str] | Unset = UNSET,
        enabled: bool | Unset = UNSET,
        cron: str | Unset = UNSET,
        interval_seconds: int | Unset = UNSET,
        deduplication_key: str | Unset = UNSET,
        dead_letter_enabled: bool | Unset = UNSET,
        event: str | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Trigger:
        """Create a trigger.

        Creates a trigger routed to one or more workflows (422 if one does not exist). `cron`
        triggers need `cron` or `intervalSeconds`; `event` triggers need `event`; `webhook`
        triggers get a `webhookUrl`.

        The body is ``body`` (a TriggerCreate or a dict) or the keyword arguments, not both.
        """
        from ...models.trigger_create import TriggerCreate
        from . import create_trigger

        options = request_options(timeout, extra_headers)
        payload = request_body(
            TriggerCreate,
            body,
            {
                "name": name,
                "type": type,
                "workflowIds": workflow_ids,
                "enabled": enabled,
                "cron": cron,
                "intervalSeconds": interval_seconds,
                "deduplicationKey": deduplication_key,
                "deadLetterEnabled": dead_letter_enabled,
                "event": event,
            },
            unset=UNSET,
            operation="createTrigger",
        )
        return await self._call(
            create_trigger.asyncio,
            create_trigger.asyncio_detailed,
            body=payload,
            idempotency_key=idempotency_key,
            request_options=options,
        )

    async def get(
        self,
        trigger_id: str,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Trigger:
        """Get a trigger.

        Returns one trigger.
        """
        from . import get_trigger

        options = request_options(timeout, extra_headers)
        return await self._call(
            get_trigger.asyncio,
            get_trigger.asyncio_detailed,
            trigger_id,
            request_options=options,
        )

    @overload
    async def update(
        self,
        trigger_id: str,
        body: TriggerUpdate | Mapping[str, Any],
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Trigger: ...

    @overload
    async def update(
        self,
        trigger_id: str,
        /,
        *,
        revision: int,
        name: str | Unset = UNSET,
        workflow_ids: builtins.list[str] | Unset = UNSET,
        enabled: bool | Unset = UNSET,
        cron: None | str | Unset = UNSET,
        interval_seconds: int | None | Unset = UNSET,
        deduplication_key: None | str | Unset = UNSET,
        dead_letter_enabled: bool | Unset = UNSET,
        event: None | str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Trigger: ...

    async def update(
        self,
        trigger_id: str,
        body: TriggerUpdate | Mapping[str, Any] | None = None,
        *,
        revision: int | Unset = UNSET,
        name: str | Unset = UNSET,
        workflow_ids: builtins.list[str] | Unset = UNSET,
        enabled: bool | Unset = UNSET,
        cron: None | str | Unset = UNSET,
        interval_seconds: int | None | Unset = UNSET,
        deduplication_key: None | str | Unset = UNSET,
        dead_letter_enabled: bool | Unset = UNSET,
        event: None | str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Trigger:
        """Update a trigger.

        Changes a trigger. Fields left out keep their value. The body's `revision` must equal the
        trigger's current `revision`, or nothing changes and the answer is 409 `VERSION_MISMATCH`.

        The body is ``body`` (a TriggerUpdate or a dict) or the keyword arguments, not both.
        """
        from ...models.trigger_update import TriggerUpdate
        from . import update_trigger

        options = request_options(timeout, extra_headers)
        payload = request_body(
            TriggerUpdate,
            body,
            {
                "revision": revision,
                "name": name,
                "workflowIds": workflow_ids,
                "enabled": enabled,
                "cron": cron,
                "intervalSeconds": interval_seconds,
                "deduplicationKey": deduplication_key,
                "deadLetterEnabled": dead_letter_enabled,
                "event": event,
            },
            unset=UNSET,
            operation="updateTrigger",
        )
        return await self._call(
            update_trigger.asyncio,
            update_trigger.asyncio_detailed,
            trigger_id,
            body=payload,
            request_options=options,
        )

    async def delete(
        self,
        trigger_id: str,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        """Delete a trigger.

        Deletes a trigger. Deleting is permanent.
        """
        from . import delete_trigger

        options = request_options(timeout, extra_headers)
        return await self._call(
            delete_trigger.asyncio,
            delete_trigger.asyncio_detailed,
            trigger_id,
            request_options=options,
        )


class AsyncTriggersResourceWithRawResponse:
    """``AsyncTriggersResource`` methods answering the generated ``Response``; a 4xx/5xx answer is returned, not raised."""

    def __init__(self, resource: AsyncTriggersResource) -> None:
        self.list = with_raw_response_async(resource.list)
        self.create = with_raw_response_async(resource.create)
        self.get = with_raw_response_async(resource.get)
        self.update = with_raw_response_async(resource.update)
        self.delete = with_raw_response_async(resource.delete)
