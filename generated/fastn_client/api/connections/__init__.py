"""One module of endpoint functions per operation of this tag, and the resource classes that call them:
``Fastn().connections`` (ConnectionsResource, AsyncConnectionsResource)."""

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
    from ...models.connection import Connection
    from ...models.connection_create import ConnectionCreate
    from ...models.connection_list import ConnectionList
    from ...models.connection_status import ConnectionStatus, check_connection_status
    from ...models.error import Error

__all__ = [
    "ConnectionsResource",
    "AsyncConnectionsResource",
]


class ConnectionsResource(SyncAPIResource):
    """The Connections operations, one method each. Reached as ``Fastn().connections``."""

    @cached_property
    def with_raw_response(self) -> ConnectionsResourceWithRawResponse:
        """The same methods, answering the generated ``Response`` (status, headers, content, parsed)."""
        return ConnectionsResourceWithRawResponse(self)

    def list(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | None = None,
        status: ConnectionStatus | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> SyncPage[Connection]:
        """List connections.

        Lists the workspace's connections, oldest first, one page at a time; `status` keeps only
        the connections in that state.

        Returns the first page; iterating it yields every item of every page.
        """
        from . import list_connections

        options = request_options(timeout, extra_headers)
        return self._list(
            list_connections.sync,
            list_connections.sync_detailed,
            limit=limit,
            status=status,
            request_options=options,
            cursor=cursor,
            unset=UNSET,
        )

    @overload
    def create(
        self,
        body: ConnectionCreate | Mapping[str, Any],
        /,
        *,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Connection: ...

    @overload
    def create(
        self,
        *,
        connector_id: str,
        tenant_id: str | Unset = UNSET,
        redirect_url: str | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Connection: ...

    def create(
        self,
        body: ConnectionCreate | Mapping[str, Any] | None = None,
        *,
        connector_id: str | Unset = UNSET,
        tenant_id: str | Unset = UNSET,
        redirect_url: str | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Connection:
        """Create a connection.

        Creates a connection of a connector for a tenant. For OAuth connectors the connection
        starts `pending` and `authUrl` is where the end user authorises it; it expires after
        `authUrlExpiresAt`. 404 if the connector does not exist.

        The body is ``body`` (a ConnectionCreate or a dict) or the keyword arguments, not both.
        """
        from ...models.connection_create import ConnectionCreate
        from . import create_connection

        options = request_options(timeout, extra_headers)
        payload = request_body(
            ConnectionCreate,
            body,
            {
                "connectorId": connector_id,
                "tenantId": tenant_id,
                "redirectUrl": redirect_url,
            },
            unset=UNSET,
            operation="createConnection",
        )
        return self._call(
            create_connection.sync,
            create_connection.sync_detailed,
            body=payload,
            idempotency_key=idempotency_key,
            request_options=options,
        )

    def get(
        self,
        connection_id: str,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Connection:
        """Get a connection.

        Returns one connection. Poll it after `createConnection` to see an OAuth connection leave
        `pending`.
        """
        from . import get_connection

        options = request_options(timeout, extra_headers)
        return self._call(
            get_connection.sync,
            get_connection.sync_detailed,
            connection_id,
            request_options=options,
        )

    def delete(
        self,
        connection_id: str,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        """Delete a connection.

        Deletes a connection and revokes the credentials it holds. Deleting is permanent.
        """
        from . import delete_connection

        options = request_options(timeout, extra_headers)
        return self._call(
            delete_connection.sync,
            delete_connection.sync_detailed,
            connection_id,
            request_options=options,
        )


class ConnectionsResourceWithRawResponse:
    """``ConnectionsResource`` methods answering the generated ``Response``; a 4xx/5xx answer is returned, not raised."""

    def __init__(self, resource: ConnectionsResource) -> None:
        self.list = with_raw_response(resource.list)
        self.create = with_raw_response(resource.create)
        self.get = with_raw_response(resource.get)
        self.delete = with_raw_response(resource.delete)


class AsyncConnectionsResource(AsyncAPIResource):
    """The Connections operations, one method each. Reached as ``AsyncFastn().connections``."""

    @cached_property
    def with_raw_response(self) -> AsyncConnectionsResourceWithRawResponse:
        """The same methods, answering the generated ``Response`` (status, headers, content, parsed)."""
        return AsyncConnectionsResourceWithRawResponse(self)

    def list(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | None = None,
        status: ConnectionStatus | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncPaginator[Connection]:
        """List connections.

        Lists the workspace's connections, oldest first, one page at a time; `status` keeps only
        the connections in that state.

        Returns the first page; iterating it (``async for``) yields every item of every page.
        """
        from . import list_connections

        options = request_options(timeout, extra_headers)
        return self._list(
            list_connections.asyncio,
            list_connections.asyncio_detailed,
            limit=limit,
            status=status,
            request_options=options,
            cursor=cursor,
            unset=UNSET,
        )

    @overload
    async def create(
        self,
        body: ConnectionCreate | Mapping[str, Any],
        /,
        *,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Connection: ...

    @overload
    async def create(
        self,
        *,
        connector_id: str,
        tenant_id: str | Unset = UNSET,
        redirect_url: str | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Connection: ...

    async def create(
        self,
        body: ConnectionCreate | Mapping[str, Any] | None = None,
        *,
        connector_id: str | Unset = UNSET,
        tenant_id: str | Unset = UNSET,
        redirect_url: str | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Connection:
        """Create a connection.

        Creates a connection of a connector for a tenant. For OAuth connectors the connection
        starts `pending` and `authUrl` is where the end user authorises it; it expires after
        `authUrlExpiresAt`. 404 if the connector does not exist.

        The body is ``body`` (a ConnectionCreate or a dict) or the keyword arguments, not both.
        """
        from ...models.connection_create import ConnectionCreate
        from . import create_connection

        options = request_options(timeout, extra_headers)
        payload = request_body(
            ConnectionCreate,
            body,
            {
                "connectorId": connector_id,
                "tenantId": tenant_id,
                "redirectUrl": redirect_url,
            },
            unset=UNSET,
            operation="createConnection",
        )
        return await self._call(
            create_connection.asyncio,
            create_connection.asyncio_detailed,
            body=payload,
            idempotency_key=idempotency_key,
            request_options=options,
        )

    async def get(
        self,
        connection_id: str,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Connection:
        """Get a connection.

        Returns one connection. Poll it after `createConnection` to see an OAuth connection leave
        `pending`.
        """
        from . import get_connection

        options = request_options(timeout, extra_headers)
        return await self._call(
            get_connection.asyncio,
            get_connection.asyncio_detailed,
            connection_id,
            request_options=options,
        )

    async def delete(
        self,
        connection_id: str,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        """Delete a connection.

        Deletes a connection and revokes the credentials it holds. Deleting is permanent.
        """
        from . import delete_connection

        options = request_options(timeout, extra_headers)
        return await self._call(
            delete_connection.asyncio,
            delete_connection.asyncio_detailed,
            connection_id,
            request_options=options,
        )


class AsyncConnectionsResourceWithRawResponse:
    """``AsyncConnectionsResource`` methods answering the generated ``Response``; a 4xx/5xx answer is returned, not raised."""

    def __init__(self, resource: AsyncConnectionsResource) -> None:
        self.list = with_raw_response_async(resource.list)
        self.create = with_raw_response_async(resource.create)
        self.get = with_raw_response_async(resource.get)
        self.delete = with_raw_response_async(resource.delete)
