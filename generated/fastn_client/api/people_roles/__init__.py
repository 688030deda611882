"""One module of endpoint functions per operation of this tag, and the resource classes that call them:
``Fastn().users`` (UsersResource, AsyncUsersResource), ``Fastn().roles`` (RolesResource, AsyncRolesResource)."""

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
    from ...models.permission_grant import PermissionGrant
    from ...models.role import Role
    from ...models.role_create import RoleCreate
    from ...models.role_list import RoleList
    from ...models.user import User
    from ...models.user_invite import UserInvite
    from ...models.user_list import UserList

__all__ = [
    "UsersResource",
    "AsyncUsersResource",
    "RolesResource",
    "AsyncRolesResource",
]


class UsersResource(SyncAPIResource):
    """The People & Roles operations, one method each. Reached as ``Fastn().users``."""

    @cached_property
    def with_raw_response(self) -> UsersResourceWithRawResponse:
        """The same methods, answering the generated ``Response`` (status, headers, content, parsed)."""
        return UsersResourceWithRawResponse(self)

    def list(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> SyncPage[User]:
        """List users.

        Lists the workspace's members and pending invitations.

        Returns the first page; iterating it yields every item of every page.
        """
        from . import list_users

        options = request_options(timeout, extra_headers)
        return self._list(
            list_users.sync,
            list_users.sync_detailed,
            limit=limit,
            request_options=options,
            cursor=cursor,
            unset=UNSET,
        )

    @overload
    def invite(
        self,
        body: UserInvite | Mapping[str, Any],
        /,
        *,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> User: ...

    @overload
    def invite(
        self,
        *,
        email: str,
        role: str,
        teams: builtins.list[str] | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> User: ...

    def invite(
        self,
        body: UserInvite | Mapping[str, Any] | None = None,
        *,
        email: str | Unset = UNSET,
        role: str | Unset = UNSET,
        teams: builtins.list[str] | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> User:
        """Invite a user.

        Invites someone by email with a role. The user appears with status `invited` until they
        accept. 409 `CONFLICT` if the email is already a member; 404 if the role does not exist.

        The body is ``body`` (a UserInvite or a dict) or the keyword arguments, not both.
        """
        from ...models.user_invite import UserInvite
        from . import invite_user

        options = request_options(timeout, extra_headers)
        payload = request_body(
            UserInvite,
            body,
            {
                "email": email,
                "role": role,
                "teams": teams,
            },
            unset=UNSET,
            operation="inviteUser",
        )
        return self._call(
            invite_user.sync,
            invite_user.sync_detailed,
            body=payload,
            idempotency_key=idempotency_key,
            request_options=options,
        )


class UsersResourceWithRawResponse:
    """``UsersResource`` methods answering the generated ``Response``; a 4xx/5xx answer is returned, not raised."""

    def __init__(self, resource: UsersResource) -> None:
        self.list = with_raw_response(resource.list)
        self.invite = with_raw_response(resource.invite)


class AsyncUsersResource(AsyncAPIResource):
    """The People & Roles operations, one method each. Reached as ``AsyncFastn().users``."""

    @cached_property
    def with_raw_response(self) -> AsyncUsersResourceWithRawResponse:
        """The same methods, answering the generated ``Response`` (status, headers, content, parsed)."""
        return AsyncUsersResourceWithRawResponse(self)

    def list(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncPaginator[User]:
        """List users.

        Lists the workspace's members and pending invitations.

        Returns the first page; iterating it (``async for``) yields every item of every page.
        """
        from . import list_users

        options = request_options(timeout, extra_headers)
        return self._list(
            list_users.asyncio,
            list_users.asyncio_detailed,
            limit=limit,
            request_options=options,
            cursor=cursor,
            unset=UNSET,
        )

    @overload
    async def invite(
        self,
        body: UserInvite | Mapping[str, Any],
        /,
        *,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> User: ...

    @overload
    async def invite(
        self,
        *,
        email: str,
        role: str,
        teams: builtins.list[str] | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> User: ...

    async def invite(
        self,
        body: UserInvite | Mapping[str, Any] | None = None,
        *,
        email: str | Unset = UNSET,
        role: str | Unset = UNSET,
        teams: builtins.list[str] | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> User:
        """Invite a user.

        Invites someone by email with a role. The user appears with status `invited` until they
        accept. 409 `CONFLICT` if the email is already a member; 404 if the role does not exist.

        The body is ``body`` (a UserInvite or a dict) or the keyword arguments, not both.
        """
        from ...models.user_invite import UserInvite
        from . import invite_user

        options = request_options(timeout, extra_headers)
        payload = request_body(
            UserInvite,
            body,
            {
                "email": email,
                "role": role,
                "teams": teams,
            },
            unset=UNSET,
            operation="inviteUser",
        )
        return await self._call(
            invite_user.asyncio,
            invite_user.asyncio_detailed,
            body=payload,
            idempotency_key=idempotency_key,
            request_options=options,
        )


class AsyncUsersResourceWithRawResponse:
    """``AsyncUsersResource`` methods answering the generated ``Response``; a 4xx/5xx answer is returned, not raised."""

    def __init__(self, resource: AsyncUsersResource) -> None:
        self.list = with_raw_response_async(resource.list)
        self.invite = with_raw_response_async(resource.invite)


class RolesResource(SyncAPIResource):
    """The People & Roles operations, one method each. Reached as ``Fastn().roles``."""

    @cached_property
    def with_raw_response(self) -> RolesResourceWithRawResponse:
        """The same methods, answering the generated ``Response`` (status, headers, content, parsed)."""
        return RolesResourceWithRawResponse(self)

    def list(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> SyncPage[Role]:
        """List roles.

        Lists system and custom roles.

        Returns the first page; iterating it yields every item of every page.
        """
        from . import list_roles

        options = request_options(timeout, extra_headers)
        return self._list(
            list_roles.sync,
            list_roles.sync_detailed,
            limit=limit,
            request_options=options,
            cursor=cursor,
            unset=UNSET,
        )

    @overload
    def create(
        self,
        body: RoleCreate | Mapping[str, Any],
        /,
        *,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Role: ...

    @overload
    def create(
        self,
        *,
        key: str,
        name: str,
        permissions: Sequence[PermissionGrant | Mapping[str, Any]],
        description: str | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Role: ...

    def create(
        self,
        body: RoleCreate | Mapping[str, Any] | None = None,
        *,
        key: str | Unset = UNSET,
        name: str | Unset = UNSET,
        permissions: Sequence[PermissionGrant | Mapping[str, Any]] | Unset = UNSET,
        description: str | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Role:
        """Create a custom role.

        Creates a custom role from permissions (resource × actions). The key must be unique (409
        `CONFLICT` otherwise).

        The body is ``body`` (a RoleCreate or a dict) or the keyword arguments, not both.
        """
        from ...models.role_create import RoleCreate
        from . import create_role

        options = request_options(timeout, extra_headers)
        payload = request_body(
            RoleCreate,
            body,
            {
                "key": key,
                "name": name,
                "permissions": permissions,
                "description": description,
            },
            unset=UNSET,
            operation="createRole",
        )
        return self._call(
            create_role.sync,
            create_role.sync_detailed,
            body=payload,
            idempotency_key=idempotency_key,
            request_options=options,
        )


class RolesResourceWithRawResponse:
    """``RolesResource`` methods answering the generated ``Response``; a 4xx/5xx answer is returned, not raised."""

    def __init__(self, resource: RolesResource) -> None:
        self.list = with_raw_response(resource.list)
        self.create = with_raw_response(resource.create)


class AsyncRolesResource(AsyncAPIResource):
    """The People & Roles operations, one method each. Reached as ``AsyncFastn().roles``."""

    @cached_property
    def with_raw_response(self) -> AsyncRolesResourceWithRawResponse:
        """The same methods, answering the generated ``Response`` (status, headers, content, parsed)."""
        return AsyncRolesResourceWithRawResponse(self)

    def list(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncPaginator[Role]:
        """List roles.

        Lists system and custom roles.

        Returns the first page; iterating it (``async for``) yields every item of every page.
        """
        from . import list_roles

        options = request_options(timeout, extra_headers)
        return self._list(
            list_roles.asyncio,
            list_roles.asyncio_detailed,
            limit=limit,
            request_options=options,
            cursor=cursor,
            unset=UNSET,
        )

    @overload
    async def create(
        self,
        body: RoleCreate | Mapping[str, Any],
        /,
        *,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Role: ...

    @overload
    async def create(
        self,
        *,
        key: str,
        name: str,
        permissions: Sequence[PermissionGrant | Mapping[str, Any]],
        description: str | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Role: ...

    async def create(
        self,
        body: RoleCreate | Mapping[str, Any] | None = None,
        *,
        key: str | Unset = UNSET,
        name: str | Unset = UNSET,
        permissions: Sequence[PermissionGrant | Mapping[str, Any]] | Unset = UNSET,
        description: str | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Role:
        """Create a custom role.

        Creates a custom role from permissions (resource × actions). The key must be unique (409
        `CONFLICT` otherwise).

        The body is ``body`` (a RoleCreate or a dict) or the keyword arguments, not both.
        """
        from ...models.role_create import RoleCreate
        from . import create_role

        options = request_options(timeout, extra_headers)
        payload = request_body(
            RoleCreate,
            body,
            {
                "key": key,
                "name": name,
                "permissions": permissions,
                "description": description,
            },
            unset=UNSET,
            operation="createRole",
        )
        return await self._call(
            create_role.asyncio,
            create_role.asyncio_detailed,
            body=payload,
            idempotency_key=idempotency_key,
            request_options=options,
        )


class AsyncRolesResourceWithRawResponse:
    """``AsyncRolesResource`` methods answering the generated ``Response``; a 4xx/5xx answer is returned, not raised."""

    def __init__(self, resource: AsyncRolesResource) -> None:
        self.list = with_raw_response_async(resource.list)
        self.create = with_raw_response_async(resource.create)
