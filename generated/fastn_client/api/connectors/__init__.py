"""One module of endpoint functions per operation of this tag, and the resource classes that call them:
``Fastn().connectors`` (ConnectorsResource, AsyncConnectorsResource)."""

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
    from ...models.auth_method import AuthMethod, check_auth_method
    from ...models.connector import Connector
    from ...models.connector_create import ConnectorCreate
    from ...models.connector_list import ConnectorList
    from ...models.connector_update import ConnectorUpdate
    from ...models.error import Error
    from ...models.visibility import Visibility, check_visibility

__all__ = [
    "ConnectorsResource",
    "AsyncConnectorsResource",
]


class ConnectorsResource(SyncAPIResource):
    """The Connectors operations, one method each. Reached as ``Fastn().connectors``."""

    @cached_property
    def with_raw_response(self) -> ConnectorsResourceWithRawResponse:
        """The same methods, answering the generated ``Response`` (status, headers, content, parsed)."""
        return ConnectorsResourceWithRawResponse(self)

    def list(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> SyncPage[Connector]:
        """List connectors.

        Lists the workspace's connectors, oldest first, one page at a time.

        Returns the first page; iterating it yields every item of every page.
        """
        from . import list_connectors

        options = request_options(timeout, extra_headers)
        return self._list(
            list_connectors.sync,
            list_connectors.sync_detailed,
            limit=limit,
            request_options=options,
            cursor=cursor,
            unset=UNSET,
        )

    @overload
    def create(
        self,
        body: ConnectorCreate | Mapping[str, Any],
        /,
        *,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Connector: ...

    @overload
    def create(
        self,
        *,
        name: str,
        slug: str,
        auth_method: AuthMethod,
        description: str | Unset = UNSET,
        domain: str | Unset = UNSET,
        visibility: Visibility | Unset = UNSET,
        icon_url: str | Unset = UNSET,
        active: bool | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Connector: ...

    def create(
        self,
        body: ConnectorCreate | Mapping[str, Any] | None = None,
        *,
        name: str | Unset = UNSET,
        slug: str | Unset = UNSET,
        auth_method: AuthMethod | Unset = UNSET,
        description: str | Unset = UNSET,
        domain: str | Unset = UNSET,
        visibility: Visibility | Unset = UNSET,
        icon_url: str | Unset = UNSET,
        active: bool | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Connector:
        """Create a connector.

        Creates a connector. The slug must be unique in the workspace (409 `CONFLICT` otherwise).

        The body is ``body`` (a ConnectorCreate or a dict) or the keyword arguments, not both.
        """
        from ...models.connector_create import ConnectorCreate
        from . import create_connector

        options = request_options(timeout, extra_headers)
        payload = request_body(
            ConnectorCreate,
            body,
            {
                "name": name,
                "slug": slug,
                "authMethod": auth_method,
                "description": description,
                "domain": domain,
                "visibility": visibility,
                "iconUrl": icon_url,
                "active": active,
            },
            unset=UNSET,
            operation="createConnector",
        )
        return self._call(
            create_connector.sync,
            create_connector.sync_detailed,
            body=payload,
            idempotency_key=idempotency_key,
            request_options=options,
        )

    def get(
        self,
        connector_id: str,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Connector:
        """Get a connector.

        Returns one connector.
        """
        from . import get_connector

        options = request_options(timeout, extra_headers)
        return self._call(
            get_connector.sync,
            get_connector.sync_detailed,
            connector_id,
            request_options=options,
        )

    @overload
    def update(
        self,
        connector_id: str,
        body: ConnectorUpdate | Mapping[str, Any],
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Connector: ...

    @overload
    def update(
        self,
        connector_id: str,
        /,
        *,
        revision: int,
        name: str | Unset = UNSET,
        description: str | Unset = UNSET,
        domain: str | Unset = UNSET,
        visibility: Visibility | Unset = UNSET,
        icon_url: None | str | Unset = UNSET,
        auth_method: AuthMethod | Unset = UNSET,
        active: bool | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Connector: ...

    def update(
        self,
        connector_id: str,
        body: ConnectorUpdate | Mapping[str, Any] | None = None,
        *,
        revision: int | Unset = UNSET,
        name: str | Unset = UNSET,
        description: str | Unset = UNSET,
        domain: str | Unset = UNSET,
        visibility: Visibility | Unset = UNSET,
        icon_url: None | str | Unset = UNSET,
        auth_method: AuthMethod | Unset = UNSET,
        active: bool | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Connector:
        """Update a connector.

        Changes a connector. Fields left out keep their value. The body's `revision` must equal
        the connector's current `revision`, or nothing changes and the answer is 409
        `VERSION_MISMATCH`.

        The body is ``body`` (a ConnectorUpdate or a dict) or the keyword arguments, not both.
        """
        from ...models.connector_update import ConnectorUpdate
        from . import update_connector

        options = request_options(timeout, extra_headers)
        payload = request_body(
            ConnectorUpdate,
            body,
            {
                "revision": revision,
                "name": name,
                "description": description,
                "domain": domain,
                "visibility": visibility,
                "iconUrl": icon_url,
                "authMethod": auth_method,
                "active": active,
            },
            unset=UNSET,
            operation="updateConnector",
        )
        return self._call(
            update_connector.sync,
            update_connector.sync_detailed,
            connector_id,
            body=payload,
            request_options=options,
        )

    def delete(
        self,
        connector_id: str,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        """Delete a connector.

        Deletes a connector. Deleting is permanent.
        """
        from . import delete_connector

        options = request_options(timeout, extra_headers)
        return self._call(
            delete_connector.sync,
            delete_connector.sync_detailed,
            connector_id,
            request_options=options,
        )


class ConnectorsResourceWithRawResponse:
    """``ConnectorsResource`` methods answering the generated ``Response``; a 4xx/5xx answer is returned, not raised."""

    def __init__(self, resource: ConnectorsResource) -> None:
        self.list = with_raw_response(resource.list)
        self.create = with_raw_response(resource.create)
        self.get = with_raw_response(resource.get)
        self.update = with_raw_response(resource.update)
        self.delete = with_raw_response(resource.delete)


class AsyncConnectorsResource(AsyncAPIResource):
    """The Connectors operations, one method each. Reached as ``AsyncFastn().connectors``."""

    @cached_property
    def with_raw_response(self) -> AsyncConnectorsResourceWithRawResponse:
        """The same methods, answering the generated ``Response`` (status, headers, content, parsed)."""
        return AsyncConnectorsResourceWithRawResponse(self)

    def list(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncPaginator[Connector]:
        """List connectors.

        Lists the workspace's connectors, oldest first, one page at a time.

        Returns the first page; iterating it (``async for``) yields every item of every page.
        """
        from . import list_connectors

        options = request_options(timeout, extra_headers)
        return self._list(
            list_connectors.asyncio,
            list_connectors.asyncio_detailed,
            limit=limit,
            request_options=options,
            cursor=cursor,
            unset=UNSET,
        )

    @overload
    async def create(
        self,
        body: ConnectorCreate | Mapping[str, Any],
        /,
        *,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Connector: ...

    @overload
    async def create(
        self,
        *,
        name: str,
        slug: str,
        auth_method: AuthMethod,
        description: str | Unset = UNSET,
        domain: str | Unset = UNSET,
        visibility: Visibility | Unset = UNSET,
        icon_url: str | Unset = UNSET,
        active: bool | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Connector: ...

    async def create(
        self,
        body: ConnectorCreate | Mapping[str, Any] | None = None,
        *,
        name: str | Unset = UNSET,
        slug: str | Unset = UNSET,
        auth_method: AuthMethod | Unset = UNSET,
        description: str | Unset = UNSET,
        domain: str | Unset = UNSET,
        visibility: Visibility | Unset = UNSET,
        icon_url: str | Unset = UNSET,
        active: bool | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Connector:
        """Create a connector.

        Creates a connector. The slug must be unique in the workspace (409 `CONFLICT` otherwise).

        The body is ``body`` (a ConnectorCreate or a dict) or the keyword arguments, not both.
        """
        from ...models.connector_create import ConnectorCreate
        from . import create_connector

        options = request_options(timeout, extra_headers)
        payload = request_body(
            ConnectorCreate,
            body,
            {
                "name": name,
                "slug": slug,
                "authMethod": auth_method,
                "description": description,
                "domain": domain,
                "visibility": visibility,
                "iconUrl": icon_url,
                "active": active,
            },
            unset=UNSET,
            operation="createConnector",
        )
        return await self._call(
            create_connector.asyncio,
            create_connector.asyncio_detailed,
            body=payload,
            idempotency_key=idempotency_key,
            request_options=options,
        )

    async def get(
        self,
        connector_id: str,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Connector:
        """Get a connector.

        Returns one connector.
        """
        from . import get_connector

        options = request_options(timeout, extra_headers)
        return await self._call(
            get_connector.asyncio,
            get_connector.asyncio_detailed,
            connector_id,
            request_options=options,
        )

    @overload
    async def update(
        self,
        connector_id: str,
        body: ConnectorUpdate | Mapping[str, Any],
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Connector: ...

    @overload
    async def update(
        self,
        connector_id: str,
        /,
        *,
        revision: int,
        name: str | Unset = UNSET,
        description: str | Unset = UNSET,
        domain: str | Unset = UNSET,
        visibility: Visibility | Unset = UNSET,
        icon_url: None | str | Unset = UNSET,
        auth_method: AuthMethod | Unset = UNSET,
        active: bool | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Connector: ...

    async def update(
        self,
        connector_id: str,
        body: ConnectorUpdate | Mapping[str, Any] | None = None,
        *,
        revision: int | Unset = UNSET,
        name: str | Unset = UNSET,
        description: str | Unset = UNSET,
        domain: str | Unset = UNSET,
        visibility: Visibility | Unset = UNSET,
        icon_url: None | str | Unset = UNSET,
        auth_method: AuthMethod | Unset = UNSET,
        active: bool | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Connector:
        """Update a connector.

        Changes a connector. Fields left out keep their value. The body's `revision` must equal
        the connector's current `revision`, or nothing changes and the answer is 409
        `VERSION_MISMATCH`.

        The body is ``body`` (a ConnectorUpdate or a dict) or the keyword arguments, not both.
        """
        from ...models.connector_update import ConnectorUpdate
        from . import update_connector

        options = request_options(timeout, extra_headers)
        payload = request_body(
            ConnectorUpdate,
            body,
            {
                "revision": revision,
                "name": name,
                "description": description,
                "domain": domain,
                "visibility": visibility,
                "iconUrl": icon_url,
                "authMethod": auth_method,
                "active": active,
            },
            unset=UNSET,
            operation="updateConnector",
        )
        return await self._call(
            update_connector.asyncio,
            update_connector.asyncio_detailed,
            connector_id,
            body=payload,
            request_options=options,
        )

    async def delete(
        self,
        connector_id: str,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        """Delete a connector.

        Deletes a connector. Deleting is permanent.
        """
        from . import delete_connector

        options = request_options(timeout, extra_headers)
        return await self._call(
            delete_connector.asyncio,
            delete_connector.asyncio_detailed,
            connector_id,
            request_options=options,
        )


class AsyncConnectorsResourceWithRawResponse:
    """``AsyncConnectorsResource`` methods answering the generated ``Response``; a 4xx/5xx answer is returned, not raised."""

    def __init__(self, resource: AsyncConnectorsResource) -> None:
        self.list = with_raw_response_async(resource.list)
        self.create = with_raw_response_async(resource.create)
        self.get = with_raw_response_async(resource.get)
        self.update = with_raw_response_async(resource.update)
        self.delete = with_raw_response_async(resource.delete)
