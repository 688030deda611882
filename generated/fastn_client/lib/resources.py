"""The machinery under the resource client (``Fastn().customers.list()``), which is generated.

``make generate`` builds one class per resource from the spec (``api/<tag>/__init__.py``) and
``Fastn`` / ``AsyncFastn`` with one attribute per resource (``api/__init__.py``). Their
methods only name the generated endpoint functions to call and the arguments to pass; what is
common to all of them is here, hand-written:

* calling an endpoint function through the resource's client, or its ``*_detailed`` twin
  when the call is made through ``with_raw_response``;
* turning keyword arguments (or a plain dict) into the operation's request-body model;
* pages that iterate across pages (:mod:`.pagination`) and waiters (:mod:`.waiters`).

Like the rest of ``lib/`` it imports nothing generated: the generated code passes in what it
needs (its functions, model classes, the ``UNSET`` sentinel).
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable, Mapping
from contextvars import ContextVar
from datetime import date, datetime
from typing import Any, ParamSpec, Protocol, TypeVar
from uuid import UUID

from .error_mapping import PARSE_ERRORS
from .options import ClientOptions
from .pagination import AsyncPage, AsyncPaginator, SyncPage
from .request_options import NotGiven, RequestOptions, Timeout

__all__ = [
    "AsyncAPIResource",
    "SyncAPIResource",
    "request_body",
    "request_options",
    "to_wire",
    "with_raw_response",
    "with_raw_response_async",
]

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")
M = TypeVar("M", bound="_FromDict")

# Set while a call runs through `with_raw_response`: the resource then calls `*_detailed`.
_RAW: ContextVar[bool] = ContextVar("fastn_raw_response", default=False)


class _FromDict(Protocol):
    @classmethod
    def from_dict(cls: type[M], src_dict: Mapping[str, Any]) -> M: ...


class _Client(Protocol):
    @property
    def options(self) -> ClientOptions: ...


def request_options(timeout: Timeout | NotGiven, extra_headers: Mapping[str, str] | None) -> RequestOptions:
    """The ``RequestOptions`` of a resource method's ``timeout=`` and ``extra_headers=``."""
    return RequestOptions(timeout=timeout, extra_headers=dict(extra_headers or {}))


# --------------------------------------------------------------------------- bodies


def to_wire(value: Any, unset: object) -> Any:
    """``value`` as JSON: models by their ``to_dict()``, dates and UUIDs as text, ``unset`` entries dropped."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, Mapping):
        return {str(key): to_wire(item, unset) for key, item in value.items() if item is not unset}
    if isinstance(value, list | tuple):
        return [to_wire(item, unset) for item in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, UUID):
        return str(value)
    return value


def _problem(error: Exception) -> str:
    if isinstance(error, KeyError):
        return f"missing field {error.args[0]!r}" if error.args else "a missing field"
    return f"{type(error).__name__}: {error}"


def request_body(
    model: type[M],
    given: M | Mapping[str, Any] | None,
    fields: Mapping[str, Any],
    *,
    unset: object,
    operation: str,
) -> M:
    """The request body of ``operation``: ``given`` (a model or a dict) or the keyword arguments ``fields``.

    ``fields`` maps the body's JSON names to the arguments (``unset`` where not given). A dict,
    or the arguments, are read by ``model.from_dict`` exactly as an answer would be, so a
    missing required field or a value of the wrong type is a ``TypeError`` before anything is
    sent ("strict in what we send"); a nested model may be given as a model or as a dict.
    """
    given_fields = [name for name, value in fields.items() if value is not unset]
    if given is not None and given_fields:
        raise TypeError(f"{operation}: give the body as one object or as keyword arguments, not both")
    if isinstance(given, model):
        return given
    wire = to_wire(given if given is not None else fields, unset)
    try:
        return model.from_dict(wire)
    except PARSE_ERRORS as error:
        raise TypeError(f"{operation}: the body is not a valid {model.__name__}: {_problem(error)}") from error


# --------------------------------------------------------------------------- resources


class _APIResource:
    """What both kinds of resource hold: the generated client their calls go through."""

    def __init__(self, client: Any) -> None:
        self._client = client

    @property
    def _options(self) -> ClientOptions:
        client: _Client = self._client
        return client.options


class SyncAPIResource(_APIResource):
    """Base of the generated resource classes (``CustomersResource``, ``WorkflowsResource``, ...)."""

    def _call(self, sync: Callable[..., T], detailed: Callable[..., Any], *args: Any, **kwargs: Any) -> T:
        """``sync(*args, client=..., **kwargs)``, or ``detailed(...)`` inside ``with_raw_response``."""
        if _RAW.get():
            raw: T = detailed(*args, client=self._client, **kwargs)
            return raw
        return sync(*args, client=self._client, **kwargs)

    def _list(
        self,
        sync: Callable[..., Any],
        detailed: Callable[..., Any],
        *args: Any,
        cursor: str | None,
        unset: object,
        **kwargs: Any,
    ) -> SyncPage[Any]:
        """The first page of a list operation, fetching later ones as iteration reaches them."""
        if _RAW.get():
            raw: SyncPage[Any] = detailed(*args, client=self._client, cursor=cursor or unset, **kwargs)
            return raw

        def fetch(at: str | None) -> SyncPage[Any]:
            page = sync(*args, client=self._client, cursor=at or unset, **kwargs)
            return SyncPage(page.data, cursor=at, next_cursor=page.next_cursor, fetch=fetch)

        return fetch(cursor)


class AsyncAPIResource(_APIResource):
    """Base of the generated async resource classes (``AsyncCustomersResource``, ...)."""

    async def _call(
        self, asyncio: Callable[..., Awaitable[T]], detailed: Callable[..., Awaitable[Any]], *args: Any, **kwargs: Any
    ) -> T:
        """``await asyncio(*args, client=..., **kwargs)``, or the detailed twin inside ``with_raw_response``."""
        if _RAW.get():
            raw: T = await detailed(*args, client=self._client, **kwargs)
            return raw
        return await asyncio(*args, client=self._client, **kwargs)

    def _list(
        self,
        asyncio: Callable[..., Awaitable[Any]],
        detailed: Callable[..., Awaitable[Any]],
        *args: Any,
        cursor: str | None,
        unset: object,
        **kwargs: Any,
    ) -> AsyncPaginator[Any]:
        """A paginator: awaited, the first page; iterated, every item."""

        async def fetch(at: str | None) -> AsyncPage[Any]:
            if _RAW.get():
                raw: AsyncPage[Any] = await detailed(*args, client=self._client, cursor=at or unset, **kwargs)
                return raw
            page = await asyncio(*args, client=self._client, cursor=at or unset, **kwargs)
            return AsyncPage(page.data, cursor=at, next_cursor=page.next_cursor, fetch=fetch)

        return AsyncPaginator(lambda: fetch(cursor))


# --------------------------------------------------------------------------- raw responses


def with_raw_response(method: Callable[P, Any]) -> Callable[P, Any]:
    """``method`` answering the generated ``Response`` (status, headers, content, parsed) instead of the model.

    The call still raises what the transport raises (no connection, a timeout), but a 4xx or 5xx
    answer is returned, not raised. For a list it is the first page's answer; for a method that
    can wait, the answer of the call that starts the work.
    """

    @functools.wraps(method)
    def call(*args: P.args, **kwargs: P.kwargs) -> Any:
        token = _RAW.set(True)
        try:
            return method(*args, **kwargs)
        finally:
            _RAW.reset(token)

    return call


def with_raw_response_async(method: Callable[P, Awaitable[Any]]) -> Callable[P, Awaitable[Any]]:
    """Async twin of :func:`with_raw_response` (for coroutines and paginators alike)."""

    @functools.wraps(method)
    async def call(*args: P.args, **kwargs: P.kwargs) -> Any:
        token = _RAW.set(True)
        try:
            return await method(*args, **kwargs)
        finally:
            _RAW.reset(token)

    return call
