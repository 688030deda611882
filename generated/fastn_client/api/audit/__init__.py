"""One module of endpoint functions per operation of this tag, and the resource classes that call them:
``Fastn().audit`` (AuditResource, AsyncAuditResource)."""

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
    import datetime

    from ...lib.pagination import AsyncPaginator, SyncPage
    from ...models.actor_type import ActorType, check_actor_type
    from ...models.audit_event import AuditEvent
    from ...models.audit_event_list import AuditEventList
    from ...models.audit_outcome import AuditOutcome, check_audit_outcome
    from ...models.error import Error

__all__ = [
    "AuditResource",
    "AsyncAuditResource",
]


class AuditResource(SyncAPIResource):
    """The Audit operations, one method each. Reached as ``Fastn().audit``."""

    @cached_property
    def with_raw_response(self) -> AuditResourceWithRawResponse:
        """The same methods, answering the generated ``Response`` (status, headers, content, parsed)."""
        return AuditResourceWithRawResponse(self)

    def query(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | None = None,
        from_: datetime.datetime | Unset = UNSET,
        to: datetime.datetime | Unset = UNSET,
        actor_id: str | Unset = UNSET,
        actor_type: ActorType | Unset = UNSET,
        action: str | Unset = UNSET,
        resource_type: str | Unset = UNSET,
        outcome: AuditOutcome | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> SyncPage[AuditEvent]:
        """Query the audit log.

        Returns audit events, newest first, filtered by time range, actor, action, resource type
        and outcome.

        Returns the first page; iterating it yields every item of every page.
        """
        from . import query_audit_log

        options = request_options(timeout, extra_headers)
        return self._list(
            query_audit_log.sync,
            query_audit_log.sync_detailed,
            limit=limit,
            from_=from_,
            to=to,
            actor_id=actor_id,
            actor_type=actor_type,
            action=action,
            resource_type=resource_type,
            outcome=outcome,
            request_options=options,
            cursor=cursor,
            unset=UNSET,
        )


class AuditResourceWithRawResponse:
    """``AuditResource`` methods answering the generated ``Response``; a 4xx/5xx answer is returned, not raised."""

    def __init__(self, resource: AuditResource) -> None:
        self.query = with_raw_response(resource.query)


class AsyncAuditResource(AsyncAPIResource):
    """The Audit operations, one method each. Reached as ``AsyncFastn().audit``."""

    @cached_property
    def with_raw_response(self) -> AsyncAuditResourceWithRawResponse:
        """The same methods, answering the generated ``Response`` (status, headers, content, parsed)."""
        return AsyncAuditResourceWithRawResponse(self)

    def query(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | None = None,
        from_: datetime.datetime | Unset = UNSET,
        to: datetime.datetime | Unset = UNSET,
        actor_id: str | Unset = UNSET,
        actor_type: ActorType | Unset = UNSET,
        action: str | Unset = UNSET,
        resource_type: str | Unset = UNSET,
        outcome: AuditOutcome | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncPaginator[AuditEvent]:
        """Query the audit log.

        Returns audit events, newest first, filtered by time range, actor, action, resource type
        and outcome.

        Returns the first page; iterating it (``async for``) yields every item of every page.
        """
        from . import query_audit_log

        options = request_options(timeout, extra_headers)
        return self._list(
            query_audit_log.asyncio,
            query_audit_log.asyncio_detailed,
            limit=limit,
            from_=from_,
            to=to,
            actor_id=actor_id,
            actor_type=actor_type,
            action=action,
            resource_type=resource_type,
            outcome=outcome,
            request_options=options,
            cursor=cursor,
            unset=UNSET,
        )


class AsyncAuditResourceWithRawResponse:
    """``AsyncAuditResource`` methods answering the generated ``Response``; a 4xx/5xx answer is returned, not raised."""

    def __init__(self, resource: AsyncAuditResource) -> None:
        self.query = with_raw_response_async(resource.query)
