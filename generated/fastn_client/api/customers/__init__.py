"""One module of endpoint functions per operation of this tag, and the resource classes that call them:
``Fastn().customers`` (CustomersResource, AsyncCustomersResource)."""

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
    from ...models.customer import Customer
    from ...models.customer_create import CustomerCreate
    from ...models.customer_list import CustomerList
    from ...models.customer_status import CustomerStatus, check_customer_status
    from ...models.customer_update import CustomerUpdate
    from ...models.data_residency import DataResidency, check_data_residency
    from ...models.error import Error
    from ...models.plan import Plan, check_plan

__all__ = [
    "CustomersResource",
    "AsyncCustomersResource",
]


class CustomersResource(SyncAPIResource):
    """The Customers operations, one method each. Reached as ``Fastn().customers``."""

    @cached_property
    def with_raw_response(self) -> CustomersResourceWithRawResponse:
        """The same methods, answering the generated ``Response`` (status, headers, content, parsed)."""
        return CustomersResourceWithRawResponse(self)

    def list(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> SyncPage[Customer]:
        """List customers.

        Lists the workspace's customers, oldest first, one page at a time.

        Returns the first page; iterating it yields every item of every page.
        """
        from . import list_customers

        options = request_options(timeout, extra_headers)
        return self._list(
            list_customers.sync,
            list_customers.sync_detailed,
            limit=limit,
            request_options=options,
            cursor=cursor,
            unset=UNSET,
        )

    @overload
    def create(
        self,
        body: CustomerCreate | Mapping[str, Any],
        /,
        *,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Customer: ...

    @overload
    def create(
        self,
        *,
        name: str,
        slug: str,
        admin_email: str,
        plan: Plan | Unset = UNSET,
        data_residency: DataResidency | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Customer: ...

    def create(
        self,
        body: CustomerCreate | Mapping[str, Any] | None = None,
        *,
        name: str | Unset = UNSET,
        slug: str | Unset = UNSET,
        admin_email: str | Unset = UNSET,
        plan: Plan | Unset = UNSET,
        data_residency: DataResidency | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Customer:
        """Create a customer.

        Creates a customer. The slug must be unique in the workspace (409 `CONFLICT` otherwise).

        The body is ``body`` (a CustomerCreate or a dict) or the keyword arguments, not both.
        """
        from ...models.customer_create import CustomerCreate
        from . import create_customer

        options = request_options(timeout, extra_headers)
        payload = request_body(
            CustomerCreate,
            body,
            {
                "name": name,
                "slug": slug,
                "adminEmail": admin_email,
                "plan": plan,
                "dataResidency": data_residency,
            },
            unset=UNSET,
            operation="createCustomer",
        )
        return self._call(
            create_customer.sync,
            create_customer.sync_detailed,
            body=payload,
            idempotency_key=idempotency_key,
            request_options=options,
        )

    def get(
        self,
        customer_id: UUID,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Customer:
        """Get a customer.

        Returns one customer.
        """
        from . import get_customer

        options = request_options(timeout, extra_headers)
        return self._call(
            get_customer.sync,
            get_customer.sync_detailed,
            customer_id,
            request_options=options,
        )

    @overload
    def update(
        self,
        customer_id: UUID,
        body: CustomerUpdate | Mapping[str, Any],
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Customer: ...

    @overload
    def update(
        self,
        customer_id: UUID,
        /,
        *,
        revision: int,
        name: str | Unset = UNSET,
        admin_email: str | Unset = UNSET,
        plan: Plan | Unset = UNSET,
        status: CustomerStatus | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Customer: ...

    def update(
        self,
        customer_id: UUID,
        body: CustomerUpdate | Mapping[str, Any] | None = None,
        *,
        revision: int | Unset = UNSET,
        name: str | Unset = UNSET,
        admin_email: str | Unset = UNSET,
        plan: Plan | Unset = UNSET,
        status: CustomerStatus | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Customer:
        """Update a customer.

        Changes a customer. Fields left out keep their value. The body's `revision` must equal the
        customer's current `revision`, or nothing changes and the answer is 409
        `VERSION_MISMATCH`.

        The body is ``body`` (a CustomerUpdate or a dict) or the keyword arguments, not both.
        """
        from ...models.customer_update import CustomerUpdate
        from . import update_customer

        options = request_options(timeout, extra_headers)
        payload = request_body(
            CustomerUpdate,
            body,
            {
                "revision": revision,
                "name": name,
                "adminEmail": admin_email,
                "plan": plan,
                "status": status,
            },
            unset=UNSET,
            operation="updateCustomer",
        )
        return self._call(
            update_customer.sync,
            update_customer.sync_detailed,
            customer_id,
            body=payload,
            request_options=options,
        )

    def delete(
        self,
        customer_id: UUID,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        """Delete a customer.

        Deletes a customer. Deleting is permanent.
        """
        from . import delete_customer

        options = request_options(timeout, extra_headers)
        return self._call(
            delete_customer.sync,
            delete_customer.sync_detailed,
            customer_id,
            request_options=options,
        )


class CustomersResourceWithRawResponse:
    """``CustomersResource`` methods answering the generated ``Response``; a 4xx/5xx answer is returned, not raised."""

    def __init__(self, resource: CustomersResource) -> None:
        self.list = with_raw_response(resource.list)
        self.create = with_raw_response(resource.create)
        self.get = with_raw_response(resource.get)
        self.update = with_raw_response(resource.update)
        self.delete = with_raw_response(resource.delete)


class AsyncCustomersResource(AsyncAPIResource):
    """The Customers operations, one method each. Reached as ``AsyncFastn().customers``."""

    @cached_property
    def with_raw_response(self) -> AsyncCustomersResourceWithRawResponse:
        """The same methods, answering the generated ``Response`` (status, headers, content, parsed)."""
        return AsyncCustomersResourceWithRawResponse(self)

    def list(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncPaginator[Customer]:
        """List customers.

        Lists the workspace's customers, oldest first, one page at a time.

        Returns the first page; iterating it (``async for``) yields every item of every page.
        """
        from . import list_customers

        options = request_options(timeout, extra_headers)
        return self._list(
            list_customers.asyncio,
            list_customers.asyncio_detailed,
            limit=limit,
            request_options=options,
            cursor=cursor,
            unset=UNSET,
        )

    @overload
    async def create(
        self,
        body: CustomerCreate | Mapping[str, Any],
        /,
        *,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Customer: ...

    @overload
    async def create(
        self,
        *,
        name: str,
        slug: str,
        admin_email: str,
        plan: Plan | Unset = UNSET,
        data_residency: DataResidency | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Customer: ...

    async def create(
        self,
        body: CustomerCreate | Mapping[str, Any] | None = None,
        *,
        name: str | Unset = UNSET,
        slug: str | Unset = UNSET,
        admin_email: str | Unset = UNSET,
        plan: Plan | Unset = UNSET,
        data_residency: DataResidency | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Customer:
        """Create a customer.

        Creates a customer. The slug must be unique in the workspace (409 `CONFLICT` otherwise).

        The body is ``body`` (a CustomerCreate or a dict) or the keyword arguments, not both.
        """
        from ...models.customer_create import CustomerCreate
        from . import create_customer

        options = request_options(timeout, extra_headers)
        payload = request_body(
            CustomerCreate,
            body,
            {
                "name": name,
                "slug": slug,
                "adminEmail": admin_email,
                "plan": plan,
                "dataResidency": data_residency,
            },
            unset=UNSET,
            operation="createCustomer",
        )
        return await self._call(
            create_customer.asyncio,
            create_customer.asyncio_detailed,
            body=payload,
            idempotency_key=idempotency_key,
            request_options=options,
        )

    async def get(
        self,
        customer_id: UUID,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Customer:
        """Get a customer.

        Returns one customer.
        """
        from . import get_customer

        options = request_options(timeout, extra_headers)
        return await self._call(
            get_customer.asyncio,
            get_customer.asyncio_detailed,
            customer_id,
            request_options=options,
        )

    @overload
    async def update(
        self,
        customer_id: UUID,
        body: CustomerUpdate | Mapping[str, Any],
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Customer: ...

    @overload
    async def update(
        self,
        customer_id: UUID,
        /,
        *,
        revision: int,
        name: str | Unset = UNSET,
        admin_email: str | Unset = UNSET,
        plan: Plan | Unset = UNSET,
        status: CustomerStatus | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Customer: ...

    async def update(
        self,
        customer_id: UUID,
        body: CustomerUpdate | Mapping[str, Any] | None = None,
        *,
        revision: int | Unset = UNSET,
        name: str | Unset = UNSET,
        admin_email: str | Unset = UNSET,
        plan: Plan | Unset = UNSET,
        status: CustomerStatus | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Customer:
        """Update a customer.

        Changes a customer. Fields left out keep their value. The body's `revision` must equal the
        customer's current `revision`, or nothing changes and the answer is 409
        `VERSION_MISMATCH`.

        The body is ``body`` (a CustomerUpdate or a dict) or the keyword arguments, not both.
        """
        from ...models.customer_update import CustomerUpdate
        from . import update_customer

        options = request_options(timeout, extra_headers)
        payload = request_body(
            CustomerUpdate,
            body,
            {
                "revision": revision,
                "name": name,
                "adminEmail": admin_email,
                "plan": plan,
                "status": status,
            },
            unset=UNSET,
            operation="updateCustomer",
        )
        return await self._call(
            update_customer.asyncio,
            update_customer.asyncio_detailed,
            customer_id,
            body=payload,
            request_options=options,
        )

    async def delete(
        self,
        customer_id: UUID,
        /,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        """Delete a customer.

        Deletes a customer. Deleting is permanent.
        """
        from . import delete_customer

        options = request_options(timeout, extra_headers)
        return await self._call(
            delete_customer.asyncio,
            delete_customer.asyncio_detailed,
            customer_id,
            request_options=options,
        )


class AsyncCustomersResourceWithRawResponse:
    """``AsyncCustomersResource`` methods answering the generated ``Response``; a 4xx/5xx answer is returned, not raised."""

    def __init__(self, resource: AsyncCustomersResource) -> None:
        self.list = with_raw_response_async(resource.list)
        self.create = with_raw_response_async(resource.create)
        self.get = with_raw_response_async(resource.get)
        self.update = with_raw_response_async(resource.update)
        self.delete = with_raw_response_async(resource.delete)
