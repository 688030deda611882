"""How a generated endpoint function sends its request: through the client, typed errors only.

The transports turn every failure of an exchange into a ``FastnError``; what httpx raises around
them, outside any transport, is turned here: a redirect loop (``httpx.TooManyRedirects``), a scheme
no transport serves (``httpx.UnsupportedProtocol``), a body that its ``Content-Encoding`` cannot
decode. Each becomes an ``APIConnectionError`` chained to a copy of httpx's exception that holds no
request (its headers carry the key).
"""

from __future__ import annotations

from typing import Any

import httpx

from .error_mapping import connection_error_from, detached
from .urls import absolute

__all__ = ["asend", "send"]


def send(client: httpx.Client, kwargs: dict[str, Any]) -> httpx.Response:
    """``client.request(**kwargs)`` with its URL built once (:func:`.urls.absolute`)."""
    try:
        return client.request(**absolute(client, kwargs))
    except httpx.RequestError as error:
        failure = error
    raise _typed(failure) from detached(failure)


async def asend(client: httpx.AsyncClient, kwargs: dict[str, Any]) -> httpx.Response:
    """Async twin of :func:`send`."""
    try:
        return await client.request(**absolute(client, kwargs))
    except httpx.RequestError as error:
        failure = error
    raise _typed(failure) from detached(failure)


def _typed(failure: httpx.RequestError) -> Exception:
    # httpx sets the request on whatever is raised while it sends one (its request_context).
    return connection_error_from(failure, failure.request)
