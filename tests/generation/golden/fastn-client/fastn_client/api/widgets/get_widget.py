from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...lib.errors import raise_for_status
from ...models.error import Error
from ...models.widget import Widget
from ...types import Response, to_status


def _get_kwargs(
    widget_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/widgets/{widget_id}".format(
            widget_id=quote(str(widget_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Widget | None:
    if response.status_code == 200:
        response_200 = Widget.from_dict(response.json())

        return response_200

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Widget]:
    return Response(
        status_code=to_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    widget_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | Widget]:
    """Get a widget

     Returns one widget.

    Args:
        widget_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Widget]
    """

    kwargs = _get_kwargs(
        widget_id=widget_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    widget_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Widget:
    """Get a widget

     Returns one widget.

    Args:
        widget_id (UUID):

    Raises:
        fastn_client.APIStatusError: On any 4xx or 5xx answer, as its subclass for the status
            (NotFoundError, ConflictError, RateLimitError, ...), after the client's retries.
        fastn_client.APIConnectionError: If the server could not be reached (APITimeoutError on a timeout).

    Returns:
        Widget
    """

    kwargs = _get_kwargs(
        widget_id=widget_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )
    raise_for_status(response)
    return cast(Widget, _parse_response(client=client, response=response))


async def asyncio_detailed(
    widget_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | Widget]:
    """Get a widget

     Returns one widget.

    Args:
        widget_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Widget]
    """

    kwargs = _get_kwargs(
        widget_id=widget_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    widget_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Widget:
    """Get a widget

     Returns one widget.

    Args:
        widget_id (UUID):

    Raises:
        fastn_client.APIStatusError: On any 4xx or 5xx answer, as its subclass for the status
            (NotFoundError, ConflictError, RateLimitError, ...), after the client's retries.
        fastn_client.APIConnectionError: If the server could not be reached (APITimeoutError on a timeout).

    Returns:
        Widget
    """

    kwargs = _get_kwargs(
        widget_id=widget_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)
    raise_for_status(response)
    return cast(Widget, _parse_response(client=client, response=response))
