from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...lib.errors import raise_for_status
from ...models.build_job import BuildJob
from ...models.error import Error
from ...types import Response, to_status


def _get_kwargs(
    build_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/ai/build/{build_id}".format(
            build_id=quote(str(build_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> BuildJob | Error | None:
    if response.status_code == 200:
        response_200 = BuildJob.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[BuildJob | Error]:
    return Response(
        status_code=to_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    build_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Response[BuildJob | Error]:
    """Get an AI build job

     Returns a build job, to poll after `startAiBuild`. Not in the seed reference: the seed lists no way
    to poll a build, so this path is this document's inference.

    Args:
        build_id (UUID): Identifier of the build job.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BuildJob | Error]
    """

    kwargs = _get_kwargs(
        build_id=build_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    build_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> BuildJob:
    """Get an AI build job

     Returns a build job, to poll after `startAiBuild`. Not in the seed reference: the seed lists no way
    to poll a build, so this path is this document's inference.

    Args:
        build_id (UUID): Identifier of the build job.

    Raises:
        fastn_client.APIStatusError: On any 4xx or 5xx answer, as its subclass for the status
            (NotFoundError, ConflictError, RateLimitError, ...), after the client's retries.
        fastn_client.APIConnectionError: If the server could not be reached (APITimeoutError on a timeout).

    Returns:
        BuildJob
    """

    kwargs = _get_kwargs(
        build_id=build_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )
    raise_for_status(response)
    return cast(BuildJob, _parse_response(client=client, response=response))


async def asyncio_detailed(
    build_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Response[BuildJob | Error]:
    """Get an AI build job

     Returns a build job, to poll after `startAiBuild`. Not in the seed reference: the seed lists no way
    to poll a build, so this path is this document's inference.

    Args:
        build_id (UUID): Identifier of the build job.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BuildJob | Error]
    """

    kwargs = _get_kwargs(
        build_id=build_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    build_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> BuildJob:
    """Get an AI build job

     Returns a build job, to poll after `startAiBuild`. Not in the seed reference: the seed lists no way
    to poll a build, so this path is this document's inference.

    Args:
        build_id (UUID): Identifier of the build job.

    Raises:
        fastn_client.APIStatusError: On any 4xx or 5xx answer, as its subclass for the status
            (NotFoundError, ConflictError, RateLimitError, ...), after the client's retries.
        fastn_client.APIConnectionError: If the server could not be reached (APITimeoutError on a timeout).

    Returns:
        BuildJob
    """

    kwargs = _get_kwargs(
        build_id=build_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)
    raise_for_status(response)
    return cast(BuildJob, _parse_response(client=client, response=response))
