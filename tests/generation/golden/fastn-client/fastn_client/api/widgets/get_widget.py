from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...lib.error_mapping import PARSE_ERRORS, raise_for_status, response_validation_error
from ...lib.fast_parsing import json_body
from ...lib.request_options import RequestOptions
from ...lib.sending import asend, send
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
        response_200 = Widget.from_dict(json_body(response))

        return response_200

    if response.status_code == 404:
        response_404 = Error.from_dict(json_body(response))

        return response_404

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus.from_response(response)
    else:
        return None


def _parse_success(response: httpx.Response) -> Widget:
    """The body of a documented success status, as declared; anything else raises."""
    if response.status_code == 200:
        try:
            response_200 = Widget.from_dict(json_body(response))

            return response_200
        except PARSE_ERRORS as cause:
            raise response_validation_error(response, declared="Widget", cause=cause) from cause

    raise errors.UnexpectedStatus.from_response(response)


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Widget]:
    try:
        parsed = _parse_response(client=client, response=response)
    except PARSE_ERRORS:
        parsed = None  # a body the spec did not predict: .content still has it
    return Response(
        status_code=to_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=parsed,
    )


def sync_detailed(
    widget_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    request_options: RequestOptions | None = None,
) -> Response[Error | Widget]:
    """Get a widget

     Returns one widget.

    Args:
        widget_id (UUID):
        request_options (RequestOptions | None): This call's timeout and extra headers.

    Raises:
        fastn_client.APIConnectionError: If the server could not be reached, after the client's retries
            (APITimeoutError on a timeout). A 4xx or 5xx answer is returned, not raised.
        errors.UnexpectedStatus: If the server answers a status the operation does not document and
            Client.raise_on_unexpected_status is True.

    Returns:
        Response[Error | Widget]: the status, headers and raw content, and the body as
        parsed (None when it does not match the declared type).
    """

    kwargs = _get_kwargs(
        widget_id=widget_id,
    )
    if request_options is not None:
        request_options.apply(kwargs)

    httpx_client = client.get_httpx_client()
    response = send(httpx_client, kwargs)
    if request_options is not None:
        request_options.observe(response)

    return _build_response(client=client, response=response)


def sync(
    widget_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    request_options: RequestOptions | None = None,
) -> Widget:
    """Get a widget

     Returns one widget.

    Args:
        widget_id (UUID):
        request_options (RequestOptions | None): This call's timeout and extra headers.

    Raises:
        fastn_client.APIStatusError: On any 4xx or 5xx answer, as its subclass for the status
            (NotFoundError, ConflictError, RateLimitError, ...), after the client's retries.
        fastn_client.APIResponseValidationError: If the answer has a status the operation does not
            document (errors.UnexpectedStatus: a redirect, say), or a body that does not match the
            declared type (the parsing exception is its __cause__).
        fastn_client.APIConnectionError: If the server could not be reached (APITimeoutError on a timeout).

    Returns:
        Widget
    """

    kwargs = _get_kwargs(
        widget_id=widget_id,
    )
    if request_options is not None:
        request_options.apply(kwargs)

    httpx_client = client.get_httpx_client()
    response = send(httpx_client, kwargs)
    if request_options is not None:
        request_options.observe(response)
    raise_for_status(response)
    return _parse_success(response)


async def asyncio_detailed(
    widget_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    request_options: RequestOptions | None = None,
) -> Response[Error | Widget]:
    """Get a widget

     Returns one widget.

    Args:
        widget_id (UUID):
        request_options (RequestOptions | None): This call's timeout and extra headers.

    Raises:
        fastn_client.APIConnectionError: If the server could not be reached, after the client's retries
            (APITimeoutError on a timeout). A 4xx or 5xx answer is returned, not raised.
        errors.UnexpectedStatus: If the server answers a status the operation does not document and
            Client.raise_on_unexpected_status is True.

    Returns:
        Response[Error | Widget]: the status, headers and raw content, and the body as
        parsed (None when it does not match the declared type).
    """

    kwargs = _get_kwargs(
        widget_id=widget_id,
    )
    if request_options is not None:
        request_options.apply(kwargs)

    httpx_client = client.get_async_httpx_client()
    response = await asend(httpx_client, kwargs)
    if request_options is not None:
        request_options.observe(response)

    return _build_response(client=client, response=response)


async def asyncio(
    widget_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    request_options: RequestOptions | None = None,
) -> Widget:
    """Get a widget

     Returns one widget.

    Args:
        widget_id (UUID):
        request_options (RequestOptions | None): This call's timeout and extra headers.

    Raises:
        fastn_client.APIStatusError: On any 4xx or 5xx answer, as its subclass for the status
            (NotFoundError, ConflictError, RateLimitError, ...), after the client's retries.
        fastn_client.APIResponseValidationError: If the answer has a status the operation does not
            document (errors.UnexpectedStatus: a redirect, say), or a body that does not match the
            declared type (the parsing exception is its __cause__).
        fastn_client.APIConnectionError: If the server could not be reached (APITimeoutError on a timeout).

    Returns:
        Widget
    """

    kwargs = _get_kwargs(
        widget_id=widget_id,
    )
    if request_options is not None:
        request_options.apply(kwargs)

    httpx_client = client.get_async_httpx_client()
    response = await asend(httpx_client, kwargs)
    if request_options is not None:
        request_options.observe(response)
    raise_for_status(response)
    return _parse_success(response)
