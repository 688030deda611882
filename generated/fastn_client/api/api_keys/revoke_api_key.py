from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...lib.error_mapping import PARSE_ERRORS, raise_for_status
from ...lib.fast_parsing import json_body
from ...lib.request_options import RequestOptions
from ...lib.sending import asend, send
from ...models.error import Error
from ...types import Response, to_status


def _get_kwargs(
    key_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/api/v1/api-keys/{key_id}".format(
            key_id=quote(str(key_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Error | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

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


def _parse_success(response: httpx.Response) -> None:
    """The body of a documented success status, as declared; anything else raises."""
    if response.status_code == 204:
        return None

    if 200 <= response.status_code <= 299:
        return None  # nothing is returned, so any success will do (a 200 for a documented 204, say)
    raise errors.UnexpectedStatus.from_response(response)


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Error]:
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
    key_id: str,
    *,
    client: AuthenticatedClient | Client,
    request_options: RequestOptions | None = None,
) -> Response[Any | Error]:
    """Revoke an API key

     Revokes an API key: requests made with it fail with 401 from now on. Revoking is permanent.

    Args:
        key_id (str): Identifier of the API key.
        request_options (RequestOptions | None): This call's timeout and extra headers.

    Raises:
        fastn_client.APIConnectionError: If the server could not be reached, after the client's retries
            (APITimeoutError on a timeout). A 4xx or 5xx answer is returned, not raised.
        errors.UnexpectedStatus: If the server answers a status the operation does not document and
            Client.raise_on_unexpected_status is True.

    Returns:
        Response[Any | Error]: the status, headers and raw content, and the body as
        parsed (None when it does not match the declared type).
    """

    kwargs = _get_kwargs(
        key_id=key_id,
    )
    if request_options is not None:
        request_options.apply(kwargs)

    httpx_client = client.get_httpx_client()
    response = send(httpx_client, kwargs)
    if request_options is not None:
        request_options.observe(response)

    return _build_response(client=client, response=response)


def sync(
    key_id: str,
    *,
    client: AuthenticatedClient | Client,
    request_options: RequestOptions | None = None,
) -> None:
    """Revoke an API key

     Revokes an API key: requests made with it fail with 401 from now on. Revoking is permanent.

    Args:
        key_id (str): Identifier of the API key.
        request_options (RequestOptions | None): This call's timeout and extra headers.

    Raises:
        fastn_client.APIStatusError: On any 4xx or 5xx answer, as its subclass for the status
            (NotFoundError, ConflictError, RateLimitError, ...), after the client's retries.
        fastn_client.APIResponseValidationError: If the answer has a status the operation does not
            document (errors.UnexpectedStatus: a redirect, say), or a body that does not match the
            declared type (the parsing exception is its __cause__).
        fastn_client.APIConnectionError: If the server could not be reached (APITimeoutError on a timeout).

    Returns:
        None
    """

    kwargs = _get_kwargs(
        key_id=key_id,
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
    key_id: str,
    *,
    client: AuthenticatedClient | Client,
    request_options: RequestOptions | None = None,
) -> Response[Any | Error]:
    """Revoke an API key

     Revokes an API key: requests made with it fail with 401 from now on. Revoking is permanent.

    Args:
        key_id (str): Identifier of the API key.
        request_options (RequestOptions | None): This call's timeout and extra headers.

    Raises:
        fastn_client.APIConnectionError: If the server could not be reached, after the client's retries
            (APITimeoutError on a timeout). A 4xx or 5xx answer is returned, not raised.
        errors.UnexpectedStatus: If the server answers a status the operation does not document and
            Client.raise_on_unexpected_status is True.

    Returns:
        Response[Any | Error]: the status, headers and raw content, and the body as
        parsed (None when it does not match the declared type).
    """

    kwargs = _get_kwargs(
        key_id=key_id,
    )
    if request_options is not None:
        request_options.apply(kwargs)

    httpx_client = client.get_async_httpx_client()
    response = await asend(httpx_client, kwargs)
    if request_options is not None:
        request_options.observe(response)

    return _build_response(client=client, response=response)


async def asyncio(
    key_id: str,
    *,
    client: AuthenticatedClient | Client,
    request_options: RequestOptions | None = None,
) -> None:
    """Revoke an API key

     Revokes an API key: requests made with it fail with 401 from now on. Revoking is permanent.

    Args:
        key_id (str): Identifier of the API key.
        request_options (RequestOptions | None): This call's timeout and extra headers.

    Raises:
        fastn_client.APIStatusError: On any 4xx or 5xx answer, as its subclass for the status
            (NotFoundError, ConflictError, RateLimitError, ...), after the client's retries.
        fastn_client.APIResponseValidationError: If the answer has a status the operation does not
            document (errors.UnexpectedStatus: a redirect, say), or a body that does not match the
            declared type (the parsing exception is its __cause__).
        fastn_client.APIConnectionError: If the server could not be reached (APITimeoutError on a timeout).

    Returns:
        None
    """

    kwargs = _get_kwargs(
        key_id=key_id,
    )
    if request_options is not None:
        request_options.apply(kwargs)

    httpx_client = client.get_async_httpx_client()
    response = await asend(httpx_client, kwargs)
    if request_options is not None:
        request_options.observe(response)
    raise_for_status(response)
    return _parse_success(response)
