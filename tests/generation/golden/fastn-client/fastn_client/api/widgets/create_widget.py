from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...lib.errors import raise_for_status
from ...models.error import Error
from ...models.widget import Widget
from ...models.widget_create import WidgetCreate
from ...types import Response, to_status


def _get_kwargs(
    *,
    body: WidgetCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/widgets",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Widget | None:
    if response.status_code == 201:
        response_201 = Widget.from_dict(response.json())

        return response_201

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())

        return response_422

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
    *,
    client: AuthenticatedClient | Client,
    body: WidgetCreate,
) -> Response[Error | Widget]:
    """Create a widget

     Creates a widget.

    Args:
        body (WidgetCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Widget]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: WidgetCreate,
) -> Widget:
    """Create a widget

     Creates a widget.

    Args:
        body (WidgetCreate):

    Raises:
        fastn_client.APIStatusError: On any 4xx or 5xx answer, as its subclass for the status
            (NotFoundError, ConflictError, RateLimitError, ...), after the client's retries.
        fastn_client.APIConnectionError: If the server could not be reached (APITimeoutError on a timeout).

    Returns:
        Widget
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )
    raise_for_status(response)
    return cast(Widget, _parse_response(client=client, response=response))


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: WidgetCreate,
) -> Response[Error | Widget]:
    """Create a widget

     Creates a widget.

    Args:
        body (WidgetCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Widget]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: WidgetCreate,
) -> Widget:
    """Create a widget

     Creates a widget.

    Args:
        body (WidgetCreate):

    Raises:
        fastn_client.APIStatusError: On any 4xx or 5xx answer, as its subclass for the status
            (NotFoundError, ConflictError, RateLimitError, ...), after the client's retries.
        fastn_client.APIConnectionError: If the server could not be reached (APITimeoutError on a timeout).

    Returns:
        Widget
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)
    raise_for_status(response)
    return cast(Widget, _parse_response(client=client, response=response))
