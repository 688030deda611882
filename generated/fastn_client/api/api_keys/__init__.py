"""One module of endpoint functions per operation of this tag, and the resource classes that call them:
``Fastn().api_keys`` (ApiKeysResource, AsyncApiKeysResource)."""

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
    from ...models.api_key import ApiKey
    from ...models.api_key_create import ApiKeyCreate
    from ...models.api_key_list import ApiKeyList
    from ...models.created_api_key import CreatedApiKey
    from ...models.error import Error
    from ...models.key_mode import KeyMode, check_key_mode

__all__ = [
    "ApiKeysResource",
    "AsyncApiKeysResource",
]


class ApiKeysResource(SyncAPIResource):
    """The API Keys operations, one method each. Reached as ``Fastn().api_keys``."""

    @cached_property
    def with_raw_response(self) -> ApiKeysResourceWithRawResponse:
        """The same methods, answering the generated ``Response`` (status, headers, content, parsed)."""
        return ApiKeysResourceWithRawResponse(self)

    def list(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> SyncPage[ApiKey]:
        """List API keys.

        Lists the workspace's API keys. Secrets are never included.

        Returns the first page; iterating it yields every item of every page.
        """
        from . import list_api_keys

        options = request_options(timeout, extra_headers)
        return self._list(
            list_api_keys.sync,
            list_api_keys.sync_detailed,
            limit=limit,
            request_options=options,
            cursor=cursor,
            unset=UNSET,
        )

    @overload
    def create(
        self,
        body: ApiKeyCreate | Mapping[str, Any],
        /,
        *,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> CreatedApiKey: ...

    @overload
    def create(
        self,
        *,
        name: str,
        mode: KeyMode,
        role: str | Unset = UNSET,
        expires_at: datetime.datetime | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> CreatedApiKey: ...

    def create(
        self,
        body: ApiKeyCreate | Mapping[str, Any] | None = None,
        *,
        name: str | Unset = UNSET,
        mode: KeyMode | Unset = UNSET,
        role: str | Unset = UNSET,
        expires_at: datetime.datetime | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> CreatedApiKey:
        """Create an API key.

        Creates an API key. The response is the only time its `secret` is shown: store it at once.
        404 if the role does not exist.

        The body is ``body`` (a ApiKeyCreate or a dict) or the keyword arguments, not both.
        """
        from ...models.api_key_create import ApiKeyCreate
        from . import create_api_key

        options = request_options(timeout, extra_headers)
        payload = request_body(
            ApiKeyCreate,
            body,
            {
                "name": name,
                "mode": mode,
                "role": role,
                "expiresAt": expires_at,
            },
            unset=UNSET,
            operation="createApiKey",
        )
        return self._call(
            create_api_key.sync,
            create_api_key.sync_detailed,
            body=payload,
            idempotency_key=idempotency_key,
            request_options=options,
        )

    def revoke(
        self,
        key_id: str,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        """Revoke an API key.

        Revokes an API key: requests made with it fail with 401 from now on. Revoking is
        permanent.
        """
        from . import revoke_api_key

        options = request_options(timeout, extra_headers)
        return self._call(
            revoke_api_key.sync,
            revoke_api_key.sync_detailed,
            key_id,
            request_options=options,
        )


class ApiKeysResourceWithRawResponse:
    """``ApiKeysResource`` methods answering the generated ``Response``; a 4xx/5xx answer is returned, not raised."""

    def __init__(self, resource: ApiKeysResource) -> None:
        self.list = with_raw_response(resource.list)
        self.create = with_raw_response(resource.create)
        self.revoke = with_raw_response(resource.revoke)


class AsyncApiKeysResource(AsyncAPIResource):
    """The API Keys operations, one method each. Reached as ``AsyncFastn().api_keys``."""

    @cached_property
    def with_raw_response(self) -> AsyncApiKeysResourceWithRawResponse:
        """The same methods, answering the generated ``Response`` (status, headers, content, parsed)."""
        return AsyncApiKeysResourceWithRawResponse(self)

    def list(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncPaginator[ApiKey]:
        """List API keys.

        Lists the workspace's API keys. Secrets are never included.

        Returns the first page; iterating it (``async for``) yields every item of every page.
        """
        from . import list_api_keys

        options = request_options(timeout, extra_headers)
        return self._list(
            list_api_keys.asyncio,
            list_api_keys.asyncio_detailed,
            limit=limit,
            request_options=options,
            cursor=cursor,
            unset=UNSET,
        )

    @overload
    async def create(
        self,
        body: ApiKeyCreate | Mapping[str, Any],
        /,
        *,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> CreatedApiKey: ...

    @overload
    async def create(
        self,
        *,
        name: str,
        mode: KeyMode,
        role: str | Unset = UNSET,
        expires_at: datetime.datetime | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> CreatedApiKey: ...

    async def create(
        self,
        body: ApiKeyCreate | Mapping[str, Any] | None = None,
        *,
        name: str | Unset = UNSET,
        mode: KeyMode | Unset = UNSET,
        role: str | Unset = UNSET,
        expires_at: datetime.datetime | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> CreatedApiKey:
        """Create an API key.

        Creates an API key. The response is the only time its `secret` is shown: store it at once.
        404 if the role does not exist.

        The body is ``body`` (a ApiKeyCreate or a dict) or the keyword arguments, not both.
        """
        from ...models.api_key_create import ApiKeyCreate
        from . import create_api_key

        options = request_options(timeout, extra_headers)
        payload = request_body(
            ApiKeyCreate,
            body,
            {
                "name": name,
                "mode": mode,
                "role": role,
                "expiresAt": expires_at,
            },
            unset=UNSET,
            operation="createApiKey",
        )
        return await self._call(
            create_api_key.asyncio,
            create_api_key.asyncio_detailed,
            body=payload,
            idempotency_key=idempotency_key,
            request_options=options,
        )

    async def revoke(
        self,
        key_id: str,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        """Revoke an API key.

        Revokes an API key: requests made with it fail with 401 from now on. Revoking is
        permanent.
        """
        from . import revoke_api_key

        options = request_options(timeout, extra_headers)
        return await self._call(
            revoke_api_key.asyncio,
            revoke_api_key.asyncio_detailed,
            key_id,
            request_options=options,
        )


class AsyncApiKeysResourceWithRawResponse:
    """``AsyncApiKeysResource`` methods answering the generated ``Response``; a 4xx/5xx answer is returned, not raised."""

    def __init__(self, resource: AsyncApiKeysResource) -> None:
        self.list = with_raw_response_async(resource.list)
        self.create = with_raw_response_async(resource.create)
        self.revoke = with_raw_response_async(resource.revoke)
