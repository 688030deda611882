"""One module of endpoint functions per operation of this tag, and the resource classes that call them:
``Fastn().widgets`` (WidgetsResource, AsyncWidgetsResource)."""

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
    from uuid import UUID

    from ...lib.pagination import AsyncPaginator, SyncPage
    from ...models.color import Color, check_color
    from ...models.error import Error
    from ...models.widget import Widget
    from ...models.widget_create import WidgetCreate
    from ...models.widget_list import WidgetList

__all__ = [
    "WidgetsResource",
    "AsyncWidgetsResource",
]


class WidgetsResource(SyncAPIResource):
    """The Widgets operations, one method each. Reached as ``Fastn().widgets``."""

    @cached_property
    def with_raw_response(self) -> WidgetsResourceWithRawResponse:
        """The same methods, answering the generated ``Response`` (status, headers, content, parsed)."""
        return WidgetsResourceWithRawResponse(self)

    def list(
        self,
        *,
        limit: int | Unset = 20,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> WidgetList:
        """List widgets.

        Lists widgets.
        """
        from . import list_widgets

        options = request_options(timeout, extra_headers)
        return self._call(
            list_widgets.sync,
            list_widgets.sync_detailed,
            limit=limit,
            request_options=options,
        )

    @overload
    def create(
        self,
        body: WidgetCreate | Mapping[str, Any],
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Widget: ...

    @overload
    def create(
        self,
        *,
        name: str,
        color: Color | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Widget: ...

    def create(
        self,
        body: WidgetCreate | Mapping[str, Any] | None = None,
        *,
        name: str | Unset = UNSET,
        color: Color | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Widget:
        """Create a widget.

        Creates a widget.

        The body is ``body`` (a WidgetCreate or a dict) or the keyword arguments, not both.
        """
        from ...models.widget_create import WidgetCreate
        from . import create_widget

        options = request_options(timeout, extra_headers)
        payload = request_body(
            WidgetCreate,
            body,
            {
                "name": name,
                "color": color,
            },
            unset=UNSET,
            operation="createWidget",
        )
        return self._call(
            create_widget.sync,
            create_widget.sync_detailed,
            body=payload,
            request_options=options,
        )

    def get(
        self,
        widget_id: UUID,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Widget:
        """Get a widget.

        Returns one widget.
        """
        from . import get_widget

        options = request_options(timeout, extra_headers)
        return self._call(
            get_widget.sync,
            get_widget.sync_detailed,
            widget_id,
            request_options=options,
        )

    def delete(
        self,
        widget_id: UUID,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        """Delete a widget.

        Deletes a widget.
        """
        from . import delete_widget

        options = request_options(timeout, extra_headers)
        return self._call(
            delete_widget.sync,
            delete_widget.sync_detailed,
            widget_id,
            request_options=options,
        )


class WidgetsResourceWithRawResponse:
    """``WidgetsResource`` methods answering the generated ``Response``; a 4xx/5xx answer is returned, not raised."""

    def __init__(self, resource: WidgetsResource) -> None:
        self.list = with_raw_response(resource.list)
        self.create = with_raw_response(resource.create)
        self.get = with_raw_response(resource.get)
        self.delete = with_raw_response(resource.delete)


class AsyncWidgetsResource(AsyncAPIResource):
    """The Widgets operations, one method each. Reached as ``AsyncFastn().widgets``."""

    @cached_property
    def with_raw_response(self) -> AsyncWidgetsResourceWithRawResponse:
        """The same methods, answering the generated ``Response`` (status, headers, content, parsed)."""
        return AsyncWidgetsResourceWithRawResponse(self)

    async def list(
        self,
        *,
        limit: int | Unset = 20,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> WidgetList:
        """List widgets.

        Lists widgets.
        """
        from . import list_widgets

        options = request_options(timeout, extra_headers)
        return await self._call(
            list_widgets.asyncio,
            list_widgets.asyncio_detailed,
            limit=limit,
            request_options=options,
        )

    @overload
    async def create(
        self,
        body: WidgetCreate | Mapping[str, Any],
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Widget: ...

    @overload
    async def create(
        self,
        *,
        name: str,
        color: Color | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Widget: ...

    async def create(
        self,
        body: WidgetCreate | Mapping[str, Any] | None = None,
        *,
        name: str | Unset = UNSET,
        color: Color | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Widget:
        """Create a widget.

        Creates a widget.

        The body is ``body`` (a WidgetCreate or a dict) or the keyword arguments, not both.
        """
        from ...models.widget_create import WidgetCreate
        from . import create_widget

        options = request_options(timeout, extra_headers)
        payload = request_body(
            WidgetCreate,
            body,
            {
                "name": name,
                "color": color,
            },
            unset=UNSET,
            operation="createWidget",
        )
        return await self._call(
            create_widget.asyncio,
            create_widget.asyncio_detailed,
            body=payload,
            request_options=options,
        )

    async def get(
        self,
        widget_id: UUID,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Widget:
        """Get a widget.

        Returns one widget.
        """
        from . import get_widget

        options = request_options(timeout, extra_headers)
        return await self._call(
            get_widget.asyncio,
            get_widget.asyncio_detailed,
            widget_id,
            request_options=options,
        )

    async def delete(
        self,
        widget_id: UUID,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        """Delete a widget.

        Deletes a widget.
        """
        from . import delete_widget

        options = request_options(timeout, extra_headers)
        return await self._call(
            delete_widget.asyncio,
            delete_widget.asyncio_detailed,
            widget_id,
            request_options=options,
        )


class AsyncWidgetsResourceWithRawResponse:
    """``AsyncWidgetsResource`` methods answering the generated ``Response``; a 4xx/5xx answer is returned, not raised."""

    def __init__(self, resource: AsyncWidgetsResource) -> None:
        self.list = with_raw_response_async(resource.list)
        self.create = with_raw_response_async(resource.create)
        self.get = with_raw_response_async(resource.get)
        self.delete = with_raw_response_async(resource.delete)
