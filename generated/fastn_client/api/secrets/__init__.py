"""One module of endpoint functions per operation of this tag, and the resource classes that call them:
``Fastn().secrets`` (SecretsResource, AsyncSecretsResource)."""

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
    from ...models.secret import Secret
    from ...models.secret_create import SecretCreate
    from ...models.secret_list import SecretList

__all__ = [
    "SecretsResource",
    "AsyncSecretsResource",
]


class SecretsResource(SyncAPIResource):
    """The Secrets operations, one method each. Reached as ``Fastn().secrets``."""

    @cached_property
    def with_raw_response(self) -> SecretsResourceWithRawResponse:
        """The same methods, answering the generated ``Response`` (status, headers, content, parsed)."""
        return SecretsResourceWithRawResponse(self)

    def list(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> SyncPage[Secret]:
        """List secrets.

        Lists the workspace's secrets by name. Values are never returned.

        Returns the first page; iterating it yields every item of every page.
        """
        from . import list_secrets

        options = request_options(timeout, extra_headers)
        return self._list(
            list_secrets.sync,
            list_secrets.sync_detailed,
            limit=limit,
            request_options=options,
            cursor=cursor,
            unset=UNSET,
        )

    @overload
    def create(
        self,
        body: SecretCreate | Mapping[str, Any],
        /,
        *,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Secret: ...

    @overload
    def create(
        self,
        *,
        name: str,
        value: str,
        description: str | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Secret: ...

    def create(
        self,
        body: SecretCreate | Mapping[str, Any] | None = None,
        *,
        name: str | Unset = UNSET,
        value: str | Unset = UNSET,
        description: str | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Secret:
        """Create a secret.

        Stores a secret. Its value is write-only: no operation returns it. The name must be unique
        (409 `CONFLICT` otherwise).

        The body is ``body`` (a SecretCreate or a dict) or the keyword arguments, not both.
        """
        from ...models.secret_create import SecretCreate
        from . import create_secret

        options = request_options(timeout, extra_headers)
        payload = request_body(
            SecretCreate,
            body,
            {
                "name": name,
                "value": value,
                "description": description,
            },
            unset=UNSET,
            operation="createSecret",
        )
        return self._call(
            create_secret.sync,
            create_secret.sync_detailed,
            body=payload,
            idempotency_key=idempotency_key,
            request_options=options,
        )

    def delete(
        self,
        secret_id: str,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        """Delete a secret.

        Deletes a secret. Workflows that reference it fail from then on. Deleting is permanent.
        """
        from . import delete_secret

        options = request_options(timeout, extra_headers)
        return self._call(
            delete_secret.sync,
            delete_secret.sync_detailed,
            secret_id,
            request_options=options,
        )


class SecretsResourceWithRawResponse:
    """``SecretsResource`` methods answering the generated ``Response``; a 4xx/5xx answer is returned, not raised."""

    def __init__(self, resource: SecretsResource) -> None:
        self.list = with_raw_response(resource.list)
        self.create = with_raw_response(resource.create)
        self.delete = with_raw_response(resource.delete)


class AsyncSecretsResource(AsyncAPIResource):
    """The Secrets operations, one method each. Reached as ``AsyncFastn().secrets``."""

    @cached_property
    def with_raw_response(self) -> AsyncSecretsResourceWithRawResponse:
        """The same methods, answering the generated ``Response`` (status, headers, content, parsed)."""
        return AsyncSecretsResourceWithRawResponse(self)

    def list(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncPaginator[Secret]:
        """List secrets.

        Lists the workspace's secrets by name. Values are never returned.

        Returns the first page; iterating it (``async for``) yields every item of every page.
        """
        from . import list_secrets

        options = request_options(timeout, extra_headers)
        return self._list(
            list_secrets.asyncio,
            list_secrets.asyncio_detailed,
            limit=limit,
            request_options=options,
            cursor=cursor,
            unset=UNSET,
        )

    @overload
    async def create(
        self,
        body: SecretCreate | Mapping[str, Any],
        /,
        *,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Secret: ...

    @overload
    async def create(
        self,
        *,
        name: str,
        value: str,
        description: str | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Secret: ...

    async def create(
        self,
        body: SecretCreate | Mapping[str, Any] | None = None,
        *,
        name: str | Unset = UNSET,
        value: str | Unset = UNSET,
        description: str | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Secret:
        """Create a secret.

        Stores a secret. Its value is write-only: no operation returns it. The name must be unique
        (409 `CONFLICT` otherwise).

        The body is ``body`` (a SecretCreate or a dict) or the keyword arguments, not both.
        """
        from ...models.secret_create import SecretCreate
        from . import create_secret

        options = request_options(timeout, extra_headers)
        payload = request_body(
            SecretCreate,
            body,
            {
                "name": name,
                "value": value,
                "description": description,
            },
            unset=UNSET,
            operation="createSecret",
        )
        return await self._call(
            create_secret.asyncio,
            create_secret.asyncio_detailed,
            body=payload,
            idempotency_key=idempotency_key,
            request_options=options,
        )

    async def delete(
        self,
        secret_id: str,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        """Delete a secret.

        Deletes a secret. Workflows that reference it fail from then on. Deleting is permanent.
        """
        from . import delete_secret

        options = request_options(timeout, extra_headers)
        return await self._call(
            delete_secret.asyncio,
            delete_secret.asyncio_detailed,
            secret_id,
            request_options=options,
        )


class AsyncSecretsResourceWithRawResponse:
    """``AsyncSecretsResource`` methods answering the generated ``Response``; a 4xx/5xx answer is returned, not raised."""

    def __init__(self, resource: AsyncSecretsResource) -> None:
        self.list = with_raw_response_async(resource.list)
        self.create = with_raw_response_async(resource.create)
        self.delete = with_raw_response_async(resource.delete)
