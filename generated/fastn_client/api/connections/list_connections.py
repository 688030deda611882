from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...lib.error_mapping import PARSE_ERRORS, raise_for_status, response_validation_error
from ...lib.fast_parsing import json_body
from ...lib.request_options import RequestOptions
from ...lib.sending import asend, send
from ...models.connection_list import ConnectionList
from ...models.connection_status import ConnectionStatus
from ...models.error import Error
from ...types import UNSET, Response, Unset, to_status


def _get_kwargs(
    *,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    status: ConnectionStatus | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status

    params["status"] = json_status

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/connections",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ConnectionList | Error | None:
    if response.status_code == 200:
        response_200 = ConnectionList.from_dict(json_body(response))

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


def _parse_success(response: httpx.Response) -> ConnectionList:
    """The body of a documented success status, as declared; anything else raises."""
    if response.status_code == 200:
        try:
            response_200 = ConnectionList.from_dict(json_body(response))

            return response_200
        except PARSE_ERRORS as cause:
            raise response_validation_error(response, declared="ConnectionList", cause=cause) from cause

    raise errors.UnexpectedStatus.from_response(response)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ConnectionList | Error]:
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
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    status: ConnectionStatus | Unset = UNSET,
    request_options: RequestOptions | None = None,
) -> Response[ConnectionList | Error]:
    """List connections

     Lists the workspace's connections, oldest first, one page at a time; `status` keeps only the
    connections in that state.

    Args:
        limit (int | Unset): Page size, 1 to 100. Default: 20.
        cursor (str | Unset): `nextCursor` of the previous page.
        status (ConnectionStatus | Unset): State of a connection: `pending` until its OAuth flow
            completes, then `active` (the SDK's `auth.status` says `authorized`); `inactive`,
            `expired` (its credentials lapsed) and `failed` as the docs list them; `revoked` is this
            document's addition.
        request_options (RequestOptions | None): This call's timeout and extra headers.

    Raises:
        fastn_client.APIConnectionError: If the server could not be reached, after the client's retries
            (APITimeoutError on a timeout). A 4xx or 5xx answer is returned, not raised.
        errors.UnexpectedStatus: If the server answers a status the operation does not document and
            Client.raise_on_unexpected_status is True.

    Returns:
        Response[ConnectionList | Error]: the status, headers and raw content, and the body as
        parsed (None when it does not match the declared type).
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        status=status,
    )
    if request_options is not None:
        request_options.apply(kwargs)

    httpx_client = client.get_httpx_client()
    response = send(httpx_client, kwargs)
    if request_options is not None:
        request_options.observe(response)

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    status: ConnectionStatus | Unset = UNSET,
    request_options: RequestOptions | None = None,
) -> ConnectionList:
    """List connections

     Lists the workspace's connections, oldest first, one page at a time; `status` keeps only the
    connections in that state.

    Args:
        limit (int | Unset): Page size, 1 to 100. Default: 20.
        cursor (str | Unset): `nextCursor` of the previous page.
        status (ConnectionStatus | Unset): State of a connection: `pending` until its OAuth flow
            completes, then `active` (the SDK's `auth.status` says `authorized`); `inactive`,
            `expired` (its credentials lapsed) and `failed` as the docs list them; `revoked` is this
            document's addition.
        request_options (RequestOptions | None): This call's timeout and extra headers.

    Raises:
        fastn_client.APIStatusError: On any 4xx or 5xx answer, as its subclass for the status
            (NotFoundError, ConflictError, RateLimitError, ...), after the client's retries.
        fastn_client.APIResponseValidationError: If the answer has a status the operation does not
            document (errors.UnexpectedStatus: a redirect, say), or a body that does not match the
            declared type (the parsing exception is its __cause__).
        fastn_client.APIConnectionError: If the server could not be reached (APITimeoutError on a timeout).

    Returns:
        ConnectionList
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        status=status,
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
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    status: ConnectionStatus | Unset = UNSET,
    request_options: RequestOptions | None = None,
) -> Response[ConnectionList | Error]:
    """List connections

     Lists the workspace's connections, oldest first, one page at a time; `status` keeps only the
    connections in that state.

    Args:
        limit (int | Unset): Page size, 1 to 100. Default: 20.
        cursor (str | Unset): `nextCursor` of the previous page.
        status (ConnectionStatus | Unset): State of a connection: `pending` until its OAuth flow
            completes, then `active` (the SDK's `auth.status` says `authorized`); `inactive`,
            `expired` (its credentials lapsed) and `failed` as the docs list them; `revoked` is this
            document's addition.
        request_options (RequestOptions | None): This call's timeout and extra headers.

    Raises:
        fastn_client.APIConnectionError: If the server could not be reached, after the client's retries
            (APITimeoutError on a timeout). A 4xx or 5xx answer is returned, not raised.
        errors.UnexpectedStatus: If the server answers a status the operation does not document and
            Client.raise_on_unexpected_status is True.

    Returns:
        Response[ConnectionList | Error]: the status, headers and raw content, and the body as
        parsed (None when it does not match the declared type).
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        status=status,
    )
    if request_options is not None:
        request_options.apply(kwargs)

    httpx_client = client.get_async_httpx_client()
    response = await asend(httpx_client, kwargs)
    if request_options is not None:
        request_options.observe(response)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    status: ConnectionStatus | Unset = UNSET,
    request_options: RequestOptions | None = None,
) -> ConnectionList:
    """List connections

     Lists the workspace's connections, oldest first, one page at a time; `status` keeps only the
    connections in that state.

    Args:
        limit (int | Unset): Page size, 1 to 100. Default: 20.
        cursor (str | Unset): `nextCursor` of the previous page.
        status (ConnectionStatus | Unset): State of a connection: `pending` until its OAuth flow
            completes, then `active` (the SDK's `auth.status` says `authorized`); `inactive`,
            `expired` (its credentials lapsed) and `failed` as the docs list them; `revoked` is this
            document's addition.
        request_options (RequestOptions | None): This call's timeout and extra headers.

    Raises:
        fastn_client.APIStatusError: On any 4xx or 5xx answer, as its subclass for the status
            (NotFoundError, ConflictError, RateLimitError, ...), after the client's retries.
        fastn_client.APIResponseValidationError: If the answer has a status the operation does not
            document (errors.UnexpectedStatus: a redirect, say), or a body that does not match the
            declared type (the parsing exception is its __cause__).
        fastn_client.APIConnectionError: If the server could not be reached (APITimeoutError on a timeout).

    Returns:
        ConnectionList
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        status=status,
    )
    if request_options is not None:
        request_options.apply(kwargs)

    httpx_client = client.get_async_httpx_client()
    response = await asend(httpx_client, kwargs)
    if request_options is not None:
        request_options.observe(response)
    raise_for_status(response)
    return _parse_success(response)
