"""The Fastn API as resources, ``Fastn().customers.list()``; the endpoint functions are in the packages below.

from fastn_client import Fastn

client = Fastn()  # FASTN_API_KEY, FASTN_SPACE_ID, ... as AuthenticatedClient.from_env() reads them
for customer in client.customers.list():
    print(customer.name)
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING, Any, Final

import attrs
import httpx

from ..client import AuthenticatedClient
from ..lib.errors import ClientInputError
from ..lib.inputs import check_timeout
from ..lib.options import ClientOptions
from ..lib.request_options import NOT_GIVEN, NotGiven, Timeout

if TYPE_CHECKING:
    from .ai import AiResource, AsyncAiResource
    from .api_keys import ApiKeysResource, AsyncApiKeysResource
    from .audit import AsyncAuditResource, AuditResource
    from .billing_quotas import AsyncBillingResource, BillingResource
    from .connections import AsyncConnectionsResource, ConnectionsResource
    from .connectors import AsyncConnectorsResource, ConnectorsResource
    from .customers import AsyncCustomersResource, CustomersResource
    from .executions import AsyncExecutionsResource, ExecutionsResource
    from .people_roles import AsyncRolesResource, AsyncUsersResource, RolesResource, UsersResource
    from .secrets import AsyncSecretsResource, SecretsResource
    from .triggers import AsyncTriggersResource, TriggersResource
    from .workflows import AsyncWorkflowsResource, WorkflowsResource

__all__ = [
    "AsyncFastn",
    "Fastn",
    "EXECUTION_STATUS_FINAL",
    "BUILD_STATUS_FINAL",
    "BUILD_STATUS_AWAITING_CALLER",
]

EXECUTION_STATUS_FINAL: Final = frozenset(
    {
        "completed",
        "failed",
        "cancelled",
        "timed_out",
    }
)
"""The ExecutionStatus values after which nothing changes any more."""

BUILD_STATUS_FINAL: Final = frozenset(
    {
        "DEPLOYED",
        "FAILED",
    }
)
"""The BuildStatus values after which nothing changes any more."""

BUILD_STATUS_AWAITING_CALLER: Final = frozenset(
    {
        "PLANNED",
        "GENERATED",
    }
)
"""The BuildStatus values that wait for the caller's next step."""


def _httpx_timeout(timeout: Timeout) -> httpx.Timeout | None:
    check_timeout("timeout", timeout)
    return timeout if timeout is None or isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)


def _client(
    environ: Mapping[str, str] | None,
    timeout: Timeout | NotGiven,
    max_retries: int | None,
    settings: dict[str, Any],
) -> AuthenticatedClient:
    given = {name: value for name, value in settings.items() if value is not None}
    if not given.get("token") and not (os.environ if environ is None else environ).get("FASTN_API_KEY"):
        raise ClientInputError("no API key: pass api_key=... or set FASTN_API_KEY", argument="api_key")
    if not isinstance(timeout, NotGiven):
        given["timeout"] = _httpx_timeout(timeout)
    if max_retries is not None:
        given["options"] = attrs.evolve(given.get("options") or ClientOptions(), max_retries=max_retries)
    return AuthenticatedClient.from_env(environ, **given)


def _derived(
    client: AuthenticatedClient,
    timeout: Timeout | NotGiven,
    max_retries: int | None,
    extra_headers: Mapping[str, str] | None,
    options: ClientOptions | None,
) -> AuthenticatedClient:
    if options is not None:
        client = client.with_options(options)
    if max_retries is not None:
        client = client.with_options(attrs.evolve(client.options, max_retries=max_retries))
    if extra_headers:
        client = client.with_headers(dict(extra_headers))
    if not isinstance(timeout, NotGiven):
        client = client.with_timeout(_httpx_timeout(timeout))
    return client


class Fastn:
    """The Fastn API, one attribute per resource: ``client.customers``, ``client.workflows``, ...

    ``Fastn()`` reads the environment as ``AuthenticatedClient.from_env()`` does
    (``FASTN_API_KEY``, ``FASTN_SPACE_ID``, ``FASTN_TENANT_ID``, ``FASTN_STAGE``,
    ``FASTN_CUSTOM_AUTH``, ``FASTN_BASE_URL``); the keyword arguments win over it. ``options``
    are the retry, pacing and idempotency settings (``ClientOptions``), ``max_retries`` their retry
    count alone (default 2); ``http_client`` an
    ``AuthenticatedClient`` of your own, used as it is.

    Every resource method also takes ``timeout=`` and ``extra_headers=`` for that one call;
    ``with_options()`` returns a copy with other defaults and never changes this client.
    ``client.client`` is the generated ``AuthenticatedClient``, for the endpoint functions.
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        space_id: str | None = None,
        tenant_id: str | None = None,
        stage: str | None = None,
        base_url: str | None = None,
        custom_auth: bool | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        options: ClientOptions | None = None,
        http_client: AuthenticatedClient | None = None,
        environ: Mapping[str, str] | None = None,
    ) -> None:
        settings = {
            "token": api_key,
            "space_id": space_id,
            "tenant_id": tenant_id,
            "stage": stage,
            "base_url": base_url,
            "custom_auth": custom_auth,
            "options": options,
        }
        self.client: AuthenticatedClient = (
            http_client if http_client is not None else _client(environ, timeout, max_retries, settings)
        )

    def with_options(
        self,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        options: ClientOptions | None = None,
    ) -> Fastn:
        """A copy of this client with another timeout, retry count, default headers or options (this one is unchanged)."""
        return Fastn(http_client=_derived(self.client, timeout, max_retries, extra_headers, options))

    @cached_property
    def customers(self) -> CustomersResource:
        """The Customers operations, one method each."""
        from .customers import CustomersResource

        return CustomersResource(self.client)

    @cached_property
    def connectors(self) -> ConnectorsResource:
        """The Connectors operations, one method each."""
        from .connectors import ConnectorsResource

        return ConnectorsResource(self.client)

    @cached_property
    def connections(self) -> ConnectionsResource:
        """The Connections operations, one method each."""
        from .connections import ConnectionsResource

        return ConnectionsResource(self.client)

    @cached_property
    def workflows(self) -> WorkflowsResource:
        """The Workflows operations, one method each."""
        from .workflows import WorkflowsResource

        return WorkflowsResource(self.client)

    @cached_property
    def triggers(self) -> TriggersResource:
        """The Triggers operations, one method each."""
        from .triggers import TriggersResource

        return TriggersResource(self.client)

    @cached_property
    def executions(self) -> ExecutionsResource:
        """The Executions operations, one method each."""
        from .executions import ExecutionsResource

        return ExecutionsResource(self.client)

    @cached_property
    def users(self) -> UsersResource:
        """The People & Roles operations, one method each."""
        from .people_roles import UsersResource

        return UsersResource(self.client)

    @cached_property
    def roles(self) -> RolesResource:
        """The People & Roles operations, one method each."""
        from .people_roles import RolesResource

        return RolesResource(self.client)

    @cached_property
    def api_keys(self) -> ApiKeysResource:
        """The API Keys operations, one method each."""
        from .api_keys import ApiKeysResource

        return ApiKeysResource(self.client)

    @cached_property
    def secrets(self) -> SecretsResource:
        """The Secrets operations, one method each."""
        from .secrets import SecretsResource

        return SecretsResource(self.client)

    @cached_property
    def billing(self) -> BillingResource:
        """The Billing & Quotas operations, one method each."""
        from .billing_quotas import BillingResource

        return BillingResource(self.client)

    @cached_property
    def audit(self) -> AuditResource:
        """The Audit operations, one method each."""
        from .audit import AuditResource

        return AuditResource(self.client)

    @cached_property
    def ai(self) -> AiResource:
        """The AI operations, one method each."""
        from .ai import AiResource

        return AiResource(self.client)

    def close(self) -> None:
        """Close the connections of the underlying httpx client."""
        self.client.get_httpx_client().close()

    def __enter__(self) -> Fastn:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Fastn({self.client!r})"


class AsyncFastn:
    """The Fastn API for asyncio, one attribute per resource: ``client.customers``, ``client.workflows``, ...

    ``AsyncFastn()`` reads the environment as ``AuthenticatedClient.from_env()`` does
    (``FASTN_API_KEY``, ``FASTN_SPACE_ID``, ``FASTN_TENANT_ID``, ``FASTN_STAGE``,
    ``FASTN_CUSTOM_AUTH``, ``FASTN_BASE_URL``); the keyword arguments win over it. ``options``
    are the retry, pacing and idempotency settings (``ClientOptions``), ``max_retries`` their retry
    count alone (default 2); ``http_client`` an
    ``AuthenticatedClient`` of your own, used as it is.

    Every resource method also takes ``timeout=`` and ``extra_headers=`` for that one call;
    ``with_options()`` returns a copy with other defaults and never changes this client.
    ``client.client`` is the generated ``AuthenticatedClient``, for the endpoint functions.
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        space_id: str | None = None,
        tenant_id: str | None = None,
        stage: str | None = None,
        base_url: str | None = None,
        custom_auth: bool | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        options: ClientOptions | None = None,
        http_client: AuthenticatedClient | None = None,
        environ: Mapping[str, str] | None = None,
    ) -> None:
        settings = {
            "token": api_key,
            "space_id": space_id,
            "tenant_id": tenant_id,
            "stage": stage,
            "base_url": base_url,
            "custom_auth": custom_auth,
            "options": options,
        }
        self.client: AuthenticatedClient = (
            http_client if http_client is not None else _client(environ, timeout, max_retries, settings)
        )

    def with_options(
        self,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        options: ClientOptions | None = None,
    ) -> AsyncFastn:
        """A copy of this client with another timeout, retry count, default headers or options (this one is unchanged)."""
        return AsyncFastn(http_client=_derived(self.client, timeout, max_retries, extra_headers, options))

    @cached_property
    def customers(self) -> AsyncCustomersResource:
        """The Customers operations, one method each."""
        from .customers import AsyncCustomersResource

        return AsyncCustomersResource(self.client)

    @cached_property
    def connectors(self) -> AsyncConnectorsResource:
        """The Connectors operations, one method each."""
        from .connectors import AsyncConnectorsResource

        return AsyncConnectorsResource(self.client)

    @cached_property
    def connections(self) -> AsyncConnectionsResource:
        """The Connections operations, one method each."""
        from .connections import AsyncConnectionsResource

        return AsyncConnectionsResource(self.client)

    @cached_property
    def workflows(self) -> AsyncWorkflowsResource:
        """The Workflows operations, one method each."""
        from .workflows import AsyncWorkflowsResource

        return AsyncWorkflowsResource(self.client)

    @cached_property
    def triggers(self) -> AsyncTriggersResource:
        """The Triggers operations, one method each."""
        from .triggers import AsyncTriggersResource

        return AsyncTriggersResource(self.client)

    @cached_property
    def executions(self) -> AsyncExecutionsResource:
        """The Executions operations, one method each."""
        from .executions import AsyncExecutionsResource

        return AsyncExecutionsResource(self.client)

    @cached_property
    def users(self) -> AsyncUsersResource:
        """The People & Roles operations, one method each."""
        from .people_roles import AsyncUsersResource

        return AsyncUsersResource(self.client)

    @cached_property
    def roles(self) -> AsyncRolesResource:
        """The People & Roles operations, one method each."""
        from .people_roles import AsyncRolesResource

        return AsyncRolesResource(self.client)

    @cached_property
    def api_keys(self) -> AsyncApiKeysResource:
        """The API Keys operations, one method each."""
        from .api_keys import AsyncApiKeysResource

        return AsyncApiKeysResource(self.client)

    @cached_property
    def secrets(self) -> AsyncSecretsResource:
        """The Secrets operations, one method each."""
        from .secrets import AsyncSecretsResource

        return AsyncSecretsResource(self.client)

    @cached_property
    def billing(self) -> AsyncBillingResource:
        """The Billing & Quotas operations, one method each."""
        from .billing_quotas import AsyncBillingResource

        return AsyncBillingResource(self.client)

    @cached_property
    def audit(self) -> AsyncAuditResource:
        """The Audit operations, one method each."""
        from .audit import AsyncAuditResource

        return AsyncAuditResource(self.client)

    @cached_property
    def ai(self) -> AsyncAiResource:
        """The AI operations, one method each."""
        from .ai import AsyncAiResource

        return AsyncAiResource(self.client)

    async def close(self) -> None:
        """Close the connections of the underlying httpx client."""
        await self.client.get_async_httpx_client().aclose()

    async def __aenter__(self) -> AsyncFastn:
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        await self.close()

    def __repr__(self) -> str:
        return f"AsyncFastn({self.client!r})"
