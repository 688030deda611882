from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...lib.error_mapping import PARSE_ERRORS, raise_for_status, response_validation_error
from ...lib.fast_parsing import json_body
from ...lib.request_options import RequestOptions
from ...lib.sending import asend, send
from ...models.connection import Connection
from ...models.error import Error
from ...types import Response, to_status


def _get_kwargs(
    connection_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/connections/{connection_id}".format(
            connection_id=quote(str(connection_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Connection | Error | None:
    if response.status_code == 200:
        response_200 = Connection.from_dict(json_body(response))

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(json_body(response))

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(json_body(response))

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(json_body(response))

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(json_body(response))

        return response_404

    if response.status_code == 429:
        response_429 = Error.from_dict(json_body(response))

        return response_429

    if response.status_code == 500:
        response_500 = Error.from_dict(json_body(response))

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus.from_response(response)
    else:
        return None


def _parse_success(response: httpx.Response) -> Connection:
    """The body of a documented success status, as declared; anything else raises."""
    if response.status_code == 200:
        try:
            response_200 = Connection.from_dict(json_body(response))

            return response_200
        except PARSE_ERRORS as cause:
            raise response_validation_error(response, declared="Connection", cause=cause) from cause

    raise errors.UnexpectedStatus.from_response(response)


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Connection | Error]:
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
    connection_id: str,
    *,
    client: AuthenticatedClient | Client,
    request_options: RequestOptions | None = None,
) -> Response[Connection | Error]:
    """Get a connection

     Returns one connection. Poll it after `createConnection` to see an OAuth connection leave `pending`.

    Args:
        connection_id (str): Identifier of the connection.
        request_options (RequestOptions | None): This call's timeout and extra headers.

    Raises:
        fastn_client.APIConnectionError: If the server could not be reached, after the client's retries
            (APITimeoutError on a timeout). A 4xx or 5xx answer is returned, not raised.
        errors.UnexpectedStatus: If the server answers a status the operation does not document and
            Client.raise_on_unexpected_status is True.

    Returns:
        Response[Connection | Error]: the status, headers and raw content, and the body as
        parsed (None when it does not match the declared type).
    """

    kwargs = _get_kwargs(
        connection_id=connection_id,
    )
    if request_options is not None:
        request_options.apply(kwargs)

    httpx_client = client.get_httpx_client()
    response = send(httpx_client, kwargs)
    if request_options is not None:
        request_options.observe(response)

    return _build_response(client=client, response=response)


def sync(
    connection_id: str,
    *,
    client: AuthenticatedClient | Client,
    request_options: RequestOptions | None = None,
) -> Connection:
    """Get a connection

     Returns one connection. Poll it after `createConnection` to see an OAuth connection leave `pending`.

    Args:
        connection_id (str): Identifier of the connection.
        request_options (RequestOptions | None): This call's timeout and extra headers.

    Raises:
        fastn_client.APIStatusError: On any 4xx or 5xx answer, as its subclass for the status
            (NotFoundError, ConflictError, RateLimitError, ...), after the client's retries.
        fastn_client.APIResponseValidationError: If the answer has a status the operation does not
            document (errors.UnexpectedStatus: a redirect, say), or a body that does not match the
            declared type (the parsing exception is its __cause__).
        fastn_client.APIConnectionError: If the server could not be reached (APITimeoutError on a timeout).

    Returns:
        Connection
    """

    kwargs = _get_kwargs(
        connection_id=connection_id,
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
    connection_id: str,
    *,
    client: AuthenticatedClient | Client,
    request_options: RequestOptions | None = None,
) -> Response[Connection | Error]:
    """Get a connection

     Returns one connection. Poll it after `createConnection` to see an OAuth connection leave `pending`.

    Args:
        connection_id (str): Identifier of the connection.
        request_options (RequestOptions | None): This call's timeout and extra headers.

    Raises:
        fastn_client.APIConnectionError: If the server could not be reached, after the client's retries
            (APITimeoutError on a timeout). A 4xx or 5xx answer is returned, not raised.
        errors.UnexpectedStatus: If the server answers a status the operation does not document and
            Client.raise_on_unexpected_status is True.

    Returns:
        Response[Connection | Error]: the status, headers and raw content, and the body as
        parsed (None when it does not match the declared type).
    """

    kwargs = _get_kwargs(
        connection_id=connection_id,
    )
    if request_options is not None:
        request_options.apply(kwargs)

    httpx_client = client.get_async_httpx_client()
    response = await asend(httpx_client, kwargs)
    if request_options is not None:
        request_options.observe(response)

    return _build_response(client=client, response=response)


async def asyncio(
    connection_id: str,
    *,
    client: AuthenticatedClient | Client,
    request_options: RequestOptions | None = None,
) -> Connection:
    """Get a connection

     Returns one connection. Poll it after `createConnection` to see an OAuth connection leave `pending`.

    Args:
        connection_id (str): Identifier of the connection.
        request_options (RequestOptions | None): This call's timeout and extra headers.

    Raises:
        fastn_client.APIStatusError: On any 4xx or 5xx answer, as its subclass for the status
            (NotFoundError, ConflictError, RateLimitError, ...), after the client's retries.
        fastn_client.APIResponseValidationError: If the answer has a status the operation does not
            document (errors.UnexpectedStatus: a redirect, say), or a body that does not match the
            declared type (the parsing exception is its __cause__).
        fastn_client.APIConnectionError: If the server could not be reached (APITimeoutError on a timeout).

    Returns:
        Connection
    """

    kwargs = _get_kwargs(
        connection_id=connection_id,
    )
    if request_options is not None:
        request_options.apply(kwargs)

    httpx_client = client.get_async_httpx_client()
    response = await asend(httpx_client, kwargs)
    if request_options is not None:
        request_options.observe(response)
    raise_for_status(response)
    return _parse_success(response)
