"""Clients of the Fastn API.

``Client`` sends no credentials; ``AuthenticatedClient`` sends the API key the Fastn way
(``x-fastn-api-key: KEY``, no prefix, as the seed reference documents it; or
``Authorization: Bearer KEY`` with ``ClientOptions(key_placement="bearer")``, as newer docs show
it) with the workspace, tenant and stage headers set once, ``X-fastn-Test-Mode: true`` with a
test key and ``realm: fastn`` as the official SDK sends it::

    client = AuthenticatedClient(token="fsk_live_...", space_id="...")
    client = AuthenticatedClient.from_env()  # FASTN_API_KEY, FASTN_SPACE_ID, ...

Both send every request through ``FastnTransport`` / ``AsyncFastnTransport`` (retries,
Retry-After, rate-limit pacing), configured by ``options=ClientOptions(...)``, and time out
after 5 s to connect and 30 s to read unless given another ``timeout``.
"""

import os
import ssl
from collections.abc import Mapping
from typing import Any, Self

import httpx
from attrs import define, evolve, field

from .lib.auth import CredentialAuth
from .lib.constants import (
    API_KEY_HEADER,
    AUTHORIZATION_HEADER,
    LIVE_KEY_PREFIX,
    REALM_HEADER,
    TEST_KEY_PREFIX,
    TEST_MODE_HEADER,
)
from .lib.deadline import async_http_transport, http_transport
from .lib.errors import ClientInputError
from .lib.inputs import check_header_value, check_headers, check_timeout
from .lib.options import ClientOptions
from .lib.transport import AsyncFastnTransport, FastnTransport

DEFAULT_BASE_URL = "https://live.fastn.ai"
"""Where requests go unless ``base_url`` (or ``FASTN_BASE_URL`` for ``from_env``) says otherwise."""

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
"""5 s to connect, 30 s for each read, write and pool wait. Pass ``timeout=`` to change it."""

SPACE_ID_HEADER = "x-fastn-space-id"
TENANT_ID_HEADER = "x-fastn-space-tenantid"
STAGE_HEADER = "stage"
CUSTOM_AUTH_HEADER = "x-fastn-custom-auth"


def _base_url(_instance: object, _attribute: Any, value: object) -> None:
    url = httpx.URL(value) if isinstance(value, str) else None
    if url is None or url.scheme not in ("http", "https") or not url.host:
        raise ClientInputError(f"base_url must be an http:// or https:// URL, got {value!r}", argument="base_url")


def _timeout(_instance: object, _attribute: Any, value: object) -> None:
    check_timeout("timeout", value)


def _headers(_instance: object, _attribute: Any, value: dict[str, str]) -> None:
    check_headers(value, {name: f"headers[{name!r}]" for name in value})


def _header_value(secret: bool = False) -> Any:
    def check(_instance: object, attribute: Any, value: object) -> None:
        if value is not None:
            check_header_value(attribute.alias or attribute.name, value, secret=secret)

    return check


@define
class Client:
    """A client of the Fastn API that sends no credentials.

    Keyword arguments:
        ``base_url``: where the API is; default ``https://live.fastn.ai``.
        ``headers`` / ``cookies``: sent with every request.
        ``timeout``: an ``httpx.Timeout``; default 5 s connect, 30 s read. ``None`` waits forever.
        ``options``: a ``ClientOptions`` for retries, Retry-After and pacing.
        ``verify_ssl``, ``follow_redirects``: as in httpx.
        ``httpx_args``: more arguments for ``httpx.Client`` / ``httpx.AsyncClient``; a
            ``transport`` given here is wrapped by the retrying transport, not replaced, and a
            ``proxy`` is used by the default inner transport. Environment proxies
            (``HTTPS_PROXY``) are not read: pass ``proxy=`` explicitly.
        ``raise_on_unexpected_status``: raise ``errors.UnexpectedStatus`` when the server
            answers a status the spec does not document.
    """

    raise_on_unexpected_status: bool = field(default=False, kw_only=True)
    _base_url: str = field(default=DEFAULT_BASE_URL, alias="base_url", validator=_base_url)
    _cookies: dict[str, str] = field(factory=dict, kw_only=True, alias="cookies", repr=False)
    _headers: dict[str, str] = field(factory=dict, kw_only=True, alias="headers", repr=False, validator=_headers)
    _timeout: httpx.Timeout | None = field(default=DEFAULT_TIMEOUT, kw_only=True, alias="timeout", validator=_timeout)
    _verify_ssl: str | bool | ssl.SSLContext = field(default=True, kw_only=True, alias="verify_ssl")
    _follow_redirects: bool = field(default=False, kw_only=True, alias="follow_redirects")
    _httpx_args: dict[str, Any] = field(factory=dict, kw_only=True, alias="httpx_args", repr=False)
    _options: ClientOptions = field(factory=ClientOptions, kw_only=True, alias="options", repr=False)
    _client: httpx.Client | None = field(default=None, init=False, repr=False)
    _async_client: httpx.AsyncClient | None = field(default=None, init=False, repr=False)

    @property
    def options(self) -> ClientOptions:
        """Retry, Retry-After and pacing settings of this client."""
        return self._options

    def _request_headers(self) -> dict[str, str]:
        """Headers sent on every request, credentials excepted (those are `_auth`'s)."""
        realm = self._options.realm
        return {REALM_HEADER: realm, **self._headers} if realm is not None else dict(self._headers)

    def _auth(self) -> httpx.Auth | None:
        """What adds the credentials to each request; ``None``: there are none."""
        return None

    # The with_* methods return a copy, which builds httpx clients of its own when first used; the
    # client they are called on is never changed (the generator's versions also changed its live
    # httpx client, so a per-call header leaked into every later request of the original).

    def with_headers(self, headers: dict[str, str]) -> Self:
        """A copy of this client that also sends ``headers``; this client is unchanged."""
        return evolve(self, headers={**self._headers, **headers})

    def with_cookies(self, cookies: dict[str, str]) -> Self:
        """A copy of this client that also sends ``cookies``; this client is unchanged."""
        return evolve(self, cookies={**self._cookies, **cookies})

    def with_timeout(self, timeout: httpx.Timeout | None) -> Self:
        """A copy of this client with another timeout; this client is unchanged."""
        return evolve(self, timeout=timeout)

    def with_options(self, options: ClientOptions) -> Self:
        """A copy of this client with other retry and pacing options; this client is unchanged."""
        return evolve(self, options=options)

    def _client_args(self) -> tuple[dict[str, Any], Any, Any]:
        """httpx.Client arguments, the caller's own transport (if any) and proxy (if any).

        The proxy goes into the inner transport rather than to httpx.Client: given a proxy,
        httpx mounts a transport of its own for it, which would bypass the retrying one.
        """
        args = dict(self._httpx_args)
        inner = args.pop("transport", None)
        proxy = args.pop("proxy", None)
        common = {
            "base_url": self._base_url,
            "cookies": self._cookies,
            "headers": self._request_headers(),
            "auth": self._auth(),
            "timeout": self._timeout,
            "follow_redirects": self._follow_redirects,
            **args,
        }
        return common, inner, proxy

    def set_httpx_client(self, client: httpx.Client) -> Self:
        """Manually set the underlying httpx.Client

        **NOTE**: This will override any other settings on the client, including cookies,
        headers, timeout and the retrying transport.
        """
        self._client = client
        return self

    def get_httpx_client(self) -> httpx.Client:
        """Get the underlying httpx.Client, constructing a new one if not previously set"""
        if self._client is None:
            common, inner, proxy = self._client_args()
            inner = inner or http_transport(verify=self._verify_ssl, proxy=proxy)
            transport = FastnTransport(inner, options=self._options)
            self._client = httpx.Client(transport=transport, **common)
        return self._client

    def __enter__(self) -> Self:
        """Enter a context manager for self.client—you cannot enter twice (see httpx docs)"""
        self.get_httpx_client().__enter__()
        return self

    def __exit__(self, *args: Any, **kwargs: Any) -> None:
        """Exit a context manager for internal httpx.Client (see httpx docs)"""
        self.get_httpx_client().__exit__(*args, **kwargs)

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Manually set the underlying httpx.AsyncClient

        **NOTE**: This will override any other settings on the client, including cookies,
        headers, timeout and the retrying transport.
        """
        self._async_client = async_client
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """Get the underlying httpx.AsyncClient, constructing a new one if not previously set"""
        if self._async_client is None:
            common, inner, proxy = self._client_args()
            inner = inner or async_http_transport(verify=self._verify_ssl, proxy=proxy)
            transport = AsyncFastnTransport(inner, options=self._options)
            self._async_client = httpx.AsyncClient(transport=transport, **common)
        return self._async_client

    async def __aenter__(self) -> Self:
        """Enter a context manager for underlying httpx.AsyncClient—you cannot enter twice (see httpx docs)"""
        await self.get_async_httpx_client().__aenter__()
        return self

    async def __aexit__(self, *args: Any, **kwargs: Any) -> None:
        """Exit a context manager for underlying httpx.AsyncClient (see httpx docs)"""
        await self.get_async_httpx_client().__aexit__(*args, **kwargs)


@define
class AuthenticatedClient(Client):
    """A client of the Fastn API that authenticates every request.

    By default the key goes in ``x-fastn-api-key`` as is, the form the seed reference documents;
    ``options=ClientOptions(key_placement="bearer")`` sends it as ``Authorization: Bearer <key>``,
    the form of newer docs pages (the spec accepts both). With ``custom_auth=True`` the token is the
    caller's own custom-auth token and goes raw in ``Authorization``, with no ``Bearer `` prefix.
    ``auth_header_name`` and ``prefix``, when set, win over all of these. A test key
    (``fsk_test_…``) also sends ``X-fastn-Test-Mode: true``, a live key never
    (``ClientOptions.test_mode``). The workspace (``space_id``),
    tenant (``tenant_id``), stage (``stage``) and custom-auth flag (``custom_auth``) are
    client-wide: set them here once. A key plus a space id is a complete request; the others
    are optional and sent only when set. The token is never shown by ``repr()``.

    Attributes:
        token: The API key (``fsk_test_...`` / ``fsk_live_...``) or bearer token.
        prefix: Put before the token, separated by a space; empty by default (set by hand, it and
            ``auth_header_name`` decide where the token goes, whatever ``key_placement`` says).
        auth_header_name: Header that carries the token; ``x-fastn-api-key`` by default.
        space_id: Workspace id, sent as ``x-fastn-space-id``.
        tenant_id: Tenant of a multi-tenant workspace (e.g. ``tenant_customer_123``), sent as
            ``x-fastn-space-tenantid``; leave it unset for the workspace itself.
        stage: ``DRAFT``, or the name of a live environment (``LIVE``), sent as ``stage``.
        custom_auth: Set when the token is a flow's own custom-auth token rather than a Fastn
            key or token: sends it raw in ``Authorization`` with ``x-fastn-custom-auth: true``.
    """

    token: str = field(kw_only=True, repr=False, validator=_header_value(secret=True))
    prefix: str = field(default="", kw_only=True, validator=_header_value())
    auth_header_name: str = field(default=API_KEY_HEADER, kw_only=True, validator=_header_value())
    space_id: str | None = field(default=None, kw_only=True, validator=_header_value())
    tenant_id: str | None = field(default=None, kw_only=True, validator=_header_value())
    stage: str | None = field(default=None, kw_only=True, validator=_header_value())
    custom_auth: bool = field(default=False, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if self._options.test_mode is True and self.token.startswith(LIVE_KEY_PREFIX) and not self.custom_auth:
            raise ClientInputError(
                "test_mode=True with a live key: the docs forbid X-fastn-Test-Mode with a live key", argument="options"
            )

    def _request_headers(self) -> dict[str, str]:
        headers = super()._request_headers()
        for name, value in (
            (SPACE_ID_HEADER, self.space_id),
            (TENANT_ID_HEADER, self.tenant_id),
            (STAGE_HEADER, self.stage),
        ):
            if value is not None:
                headers[name] = value
        if self.custom_auth:
            headers[CUSTOM_AUTH_HEADER] = "true"
        if self._test_mode():
            headers[TEST_MODE_HEADER] = "true"
        return headers

    def _test_mode(self) -> bool:
        """Whether to send ``X-fastn-Test-Mode: true``: for a test key, unless the options say otherwise."""
        wanted = self._options.test_mode
        if self.custom_auth or wanted is False:
            return False
        return wanted is True or self.token.startswith(TEST_KEY_PREFIX)

    def _credential(self) -> tuple[str, str]:
        """The header that carries the token, and its value."""
        if self.auth_header_name != API_KEY_HEADER or self.prefix:
            return self.auth_header_name, f"{self.prefix} {self.token}" if self.prefix else self.token
        if self.custom_auth:
            return AUTHORIZATION_HEADER, self.token
        if self._options.key_placement == "bearer":
            return AUTHORIZATION_HEADER, f"Bearer {self.token}"
        return API_KEY_HEADER, self.token

    def _auth(self) -> httpx.Auth:
        return CredentialAuth(*self._credential())

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **kwargs: Any) -> Self:
        """Build a client from the environment; keyword arguments win over it.

        ``FASTN_API_KEY`` (required), ``FASTN_SPACE_ID``, ``FASTN_TENANT_ID``, ``FASTN_STAGE``,
        ``FASTN_CUSTOM_AUTH`` (``true`` to set ``custom_auth``) and ``FASTN_BASE_URL`` (default
        ``https://live.fastn.ai``).
        """
        env = os.environ if environ is None else environ
        token = kwargs.pop("token", None) or env.get("FASTN_API_KEY")
        if not token:
            raise ClientInputError(
                "no API key: pass token=... to AuthenticatedClient.from_env(), or set FASTN_API_KEY", argument="token"
            )
        settings: dict[str, Any] = {
            "base_url": env.get("FASTN_BASE_URL") or DEFAULT_BASE_URL,
            "space_id": env.get("FASTN_SPACE_ID") or None,
            "tenant_id": env.get("FASTN_TENANT_ID") or None,
            "stage": env.get("FASTN_STAGE") or None,
            "custom_auth": env.get("FASTN_CUSTOM_AUTH", "").strip().lower() == "true",
        }
        settings.update(kwargs)
        return cls(token=token, **settings)
