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
    from .widgets import AsyncWidgetsResource, WidgetsResource

__all__ = [
    "AsyncFastn",
    "Fastn",
]


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
    def widgets(self) -> WidgetsResource:
        """The Widgets operations, one method each."""
        from .widgets import WidgetsResource

        return WidgetsResource(self.client)

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
    def widgets(self) -> AsyncWidgetsResource:
        """The Widgets operations, one method each."""
        from .widgets import AsyncWidgetsResource

        return AsyncWidgetsResource(self.client)

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
