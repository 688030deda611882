from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...lib.error_mapping import PARSE_ERRORS, raise_for_status, response_validation_error
from ...lib.fast_parsing import json_body
from ...lib.inputs import check_headers
from ...lib.request_options import RequestOptions
from ...lib.sending import asend, send
from ...models.api_key_create import ApiKeyCreate
from ...models.created_api_key import CreatedApiKey
from ...models.error import Error
from ...types import UNSET, Response, Unset, to_status


def _get_kwargs(
    *,
    body: ApiKeyCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    check_headers(
        headers,
        {
            "Idempotency-Key": "idempotency_key",
        },
    )

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/api-keys",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CreatedApiKey | Error | None:
    if response.status_code == 201:
        response_201 = CreatedApiKey.from_dict(json_body(response))

        return response_201

    if response.status_code == 400:
        response_400 = Error.from_dict(json_body(response))

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(json_body(response))

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(json_body(response))

        return response_403

    if response.status_code == 413:
        response_413 = Error.from_dict(json_body(response))

        return response_413

    if response.status_code == 415:
        response_415 = Error.from_dict(json_body(response))

        return response_415

    if response.status_code == 422:
        response_422 = Error.from_dict(json_body(response))

        return response_422

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


def _parse_success(response: httpx.Response) -> CreatedApiKey:
    """The body of a documented success status, as declared; anything else raises."""
    if response.status_code == 201:
        try:
            response_201 = CreatedApiKey.from_dict(json_body(response))

            return response_201
        except PARSE_ERRORS as cause:
            raise response_validation_error(response, declared="CreatedApiKey", cause=cause) from cause

    raise errors.UnexpectedStatus.from_response(response)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CreatedApiKey | Error]:
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
    body: ApiKeyCreate,
    idempotency_key: str | Unset = UNSET,
    request_options: RequestOptions | None = None,
) -> Response[CreatedApiKey | Error]:
    """Create an API key

     Creates an API key. The response is the only time its `secret` is shown: store it at once. 404 if
    the role does not exist.

    Args:
        idempotency_key (str | Unset): A unique string for one logical request (visible ASCII, no
            spaces), e.g. a UUID.
        body (ApiKeyCreate): Fields to create an API key.
        request_options (RequestOptions | None): This call's timeout and extra headers.

    Raises:
        fastn_client.APIConnectionError: If the server could not be reached, after the client's retries
            (APITimeoutError on a timeout). A 4xx or 5xx answer is returned, not raised.
        errors.UnexpectedStatus: If the server answers a status the operation does not document and
            Client.raise_on_unexpected_status is True.

    Returns:
        Response[CreatedApiKey | Error]: the status, headers and raw content, and the body as
        parsed (None when it does not match the declared type).
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
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
    body: ApiKeyCreate,
    idempotency_key: str | Unset = UNSET,
    request_options: RequestOptions | None = None,
) -> CreatedApiKey:
    """Create an API key

     Creates an API key. The response is the only time its `secret` is shown: store it at once. 404 if
    the role does not exist.

    Args:
        idempotency_key (str | Unset): A unique string for one logical request (visible ASCII, no
            spaces), e.g. a UUID.
        body (ApiKeyCreate): Fields to create an API key.
        request_options (RequestOptions | None): This call's timeout and extra headers.

    Raises:
        fastn_client.APIStatusError: On any 4xx or 5xx answer, as its subclass for the status
            (NotFoundError, ConflictError, RateLimitError, ...), after the client's retries.
        fastn_client.APIResponseValidationError: If the answer has a status the operation does not
            document (errors.UnexpectedStatus: a redirect, say), or a body that does not match the
            declared type (the parsing exception is its __cause__).
        fastn_client.APIConnectionError: If the server could not be reached (APITimeoutError on a timeout).

    Returns:
        CreatedApiKey
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
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
    body: ApiKeyCreate,
    idempotency_key: str | Unset = UNSET,
    request_options: RequestOptions | None = None,
) -> Response[CreatedApiKey | Error]:
    """Create an API key

     Creates an API key. The response is the only time its `secret` is shown: store it at once. 404 if
    the role does not exist.

    Args:
        idempotency_key (str | Unset): A unique string for one logical request (visible ASCII, no
            spaces), e.g. a UUID.
        body (ApiKeyCreate): Fields to create an API key.
        request_options (RequestOptions | None): This call's timeout and extra headers.

    Raises:
        fastn_client.APIConnectionError: If the server could not be reached, after the client's retries
            (APITimeoutError on a timeout). A 4xx or 5xx answer is returned, not raised.
        errors.UnexpectedStatus: If the server answers a status the operation does not document and
            Client.raise_on_unexpected_status is True.

    Returns:
        Response[CreatedApiKey | Error]: the status, headers and raw content, and the body as
        parsed (None when it does not match the declared type).
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
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
    body: ApiKeyCreate,
    idempotency_key: str | Unset = UNSET,
    request_options: RequestOptions | None = None,
) -> CreatedApiKey:
    """Create an API key

     Creates an API key. The response is the only time its `secret` is shown: store it at once. 404 if
    the role does not exist.

    Args:
        idempotency_key (str | Unset): A unique string for one logical request (visible ASCII, no
            spaces), e.g. a UUID.
        body (ApiKeyCreate): Fields to create an API key.
        request_options (RequestOptions | None): This call's timeout and extra headers.

    Raises:
        fastn_client.APIStatusError: On any 4xx or 5xx answer, as its subclass for the status
            (NotFoundError, ConflictError, RateLimitError, ...), after the client's retries.
        fastn_client.APIResponseValidationError: If the answer has a status the operation does not
            document (errors.UnexpectedStatus: a redirect, say), or a body that does not match the
            declared type (the parsing exception is its __cause__).
        fastn_client.APIConnectionError: If the server could not be reached (APITimeoutError on a timeout).

    Returns:
        CreatedApiKey
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )
    if request_options is not None:
        request_options.apply(kwargs)

    httpx_client = client.get_async_httpx_client()
    response = await asend(httpx_client, kwargs)
    if request_options is not None:
        request_options.observe(response)
    raise_for_status(response)
    return _parse_success(response)
