"""One module of endpoint functions per operation of this tag, and the resource classes that call them:
``Fastn().billing`` (BillingResource, AsyncBillingResource)."""

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
    from ...models.billing import Billing
    from ...models.billing_quotas import BillingQuotas
    from ...models.billing_usage import BillingUsage
    from ...models.error import Error

__all__ = [
    "BillingResource",
    "AsyncBillingResource",
]


class BillingResource(SyncAPIResource):
    """The Billing & Quotas operations, one method each. Reached as ``Fastn().billing``."""

    @cached_property
    def with_raw_response(self) -> BillingResourceWithRawResponse:
        """The same methods, answering the generated ``Response`` (status, headers, content, parsed)."""
        return BillingResourceWithRawResponse(self)

    def get(
        self,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Billing:
        """Get billing information.

        Returns the workspace's plan and billing period.
        """
        from . import get_billing

        options = request_options(timeout, extra_headers)
        return self._call(
            get_billing.sync,
            get_billing.sync_detailed,
            request_options=options,
        )

    def get_usage(
        self,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> BillingUsage:
        """Get usage.

        Returns usage per metric in the current billing period. API calls are counted as they are
        made.
        """
        from . import get_billing_usage

        options = request_options(timeout, extra_headers)
        return self._call(
            get_billing_usage.sync,
            get_billing_usage.sync_detailed,
            request_options=options,
        )

    def get_quotas(
        self,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> BillingQuotas:
        """Get quota limits.

        Returns the plan's limits, with the plan defaults they override.
        """
        from . import get_billing_quotas

        options = request_options(timeout, extra_headers)
        return self._call(
            get_billing_quotas.sync,
            get_billing_quotas.sync_detailed,
            request_options=options,
        )


class BillingResourceWithRawResponse:
    """``BillingResource`` methods answering the generated ``Response``; a 4xx/5xx answer is returned, not raised."""

    def __init__(self, resource: BillingResource) -> None:
        self.get = with_raw_response(resource.get)
        self.get_usage = with_raw_response(resource.get_usage)
        self.get_quotas = with_raw_response(resource.get_quotas)


class AsyncBillingResource(AsyncAPIResource):
    """The Billing & Quotas operations, one method each. Reached as ``AsyncFastn().billing``."""

    @cached_property
    def with_raw_response(self) -> AsyncBillingResourceWithRawResponse:
        """The same methods, answering the generated ``Response`` (status, headers, content, parsed)."""
        return AsyncBillingResourceWithRawResponse(self)

    async def get(
        self,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Billing:
        """Get billing information.

        Returns the workspace's plan and billing period.
        """
        from . import get_billing

        options = request_options(timeout, extra_headers)
        return await self._call(
            get_billing.asyncio,
            get_billing.asyncio_detailed,
            request_options=options,
        )

    async def get_usage(
        self,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> BillingUsage:
        """Get usage.

        Returns usage per metric in the current billing period. API calls are counted as they are
        made.
        """
        from . import get_billing_usage

        options = request_options(timeout, extra_headers)
        return await self._call(
            get_billing_usage.asyncio,
            get_billing_usage.asyncio_detailed,
            request_options=options,
        )

    async def get_quotas(
        self,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> BillingQuotas:
        """Get quota limits.

        Returns the plan's limits, with the plan defaults they override.
        """
        from . import get_billing_quotas

        options = request_options(timeout, extra_headers)
        return await self._call(
            get_billing_quotas.asyncio,
            get_billing_quotas.asyncio_detailed,
            request_options=options,
        )


class AsyncBillingResourceWithRawResponse:
    """``AsyncBillingResource`` methods answering the generated ``Response``; a 4xx/5xx answer is returned, not raised."""

    def __init__(self, resource: AsyncBillingResource) -> None:
        self.get = with_raw_response_async(resource.get)
        self.get_usage = with_raw_response_async(resource.get_usage)
        self.get_quotas = with_raw_response_async(resource.get_quotas)
