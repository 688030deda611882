from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...lib.errors import raise_for_status
from ...models.error import Error
from ...models.execution import Execution
from ...models.workflow_run_request import WorkflowRunRequest
from ...types import Response, to_status


def _get_kwargs(
    workflow_id: UUID,
    *,
    body: WorkflowRunRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/workflows/{workflow_id}/run".format(
            workflow_id=quote(str(workflow_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Execution | None:
    if response.status_code == 202:
        response_202 = Execution.from_dict(response.json())

        return response_202

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

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Error.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())

        return response_422

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Execution]:
    return Response(
        status_code=to_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    workflow_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: WorkflowRunRequest,
) -> Response[Error | Execution]:
    """Run a workflow

     Starts an execution of the workflow with the given input and answers 202 at once with the execution,
    status `pending`. Poll `getExecution` (the `Location` header and the `GetExecution` link point at
    it) until the status is final. An `inactive` workflow cannot run (409 `CONFLICT`).

    Args:
        workflow_id (UUID): Identifier of the workflow.
        body (WorkflowRunRequest): Input of a workflow run.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Execution]
    """

    kwargs = _get_kwargs(
        workflow_id=workflow_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    workflow_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: WorkflowRunRequest,
) -> Execution:
    """Run a workflow

     Starts an execution of the workflow with the given input and answers 202 at once with the execution,
    status `pending`. Poll `getExecution` (the `Location` header and the `GetExecution` link point at
    it) until the status is final. An `inactive` workflow cannot run (409 `CONFLICT`).

    Args:
        workflow_id (UUID): Identifier of the workflow.
        body (WorkflowRunRequest): Input of a workflow run.

    Raises:
        fastn_client.APIStatusError: On any 4xx or 5xx answer, as its subclass for the status
            (NotFoundError, ConflictError, RateLimitError, ...), after the client's retries.
        fastn_client.APIConnectionError: If the server could not be reached (APITimeoutError on a timeout).

    Returns:
        Execution
    """

    kwargs = _get_kwargs(
        workflow_id=workflow_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )
    raise_for_status(response)
    return cast(Execution, _parse_response(client=client, response=response))


async def asyncio_detailed(
    workflow_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: WorkflowRunRequest,
) -> Response[Error | Execution]:
    """Run a workflow

     Starts an execution of the workflow with the given input and answers 202 at once with the execution,
    status `pending`. Poll `getExecution` (the `Location` header and the `GetExecution` link point at
    it) until the status is final. An `inactive` workflow cannot run (409 `CONFLICT`).

    Args:
        workflow_id (UUID): Identifier of the workflow.
        body (WorkflowRunRequest): Input of a workflow run.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Execution]
    """

    kwargs = _get_kwargs(
        workflow_id=workflow_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    workflow_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: WorkflowRunRequest,
) -> Execution:
    """Run a workflow

     Starts an execution of the workflow with the given input and answers 202 at once with the execution,
    status `pending`. Poll `getExecution` (the `Location` header and the `GetExecution` link point at
    it) until the status is final. An `inactive` workflow cannot run (409 `CONFLICT`).

    Args:
        workflow_id (UUID): Identifier of the workflow.
        body (WorkflowRunRequest): Input of a workflow run.

    Raises:
        fastn_client.APIStatusError: On any 4xx or 5xx answer, as its subclass for the status
            (NotFoundError, ConflictError, RateLimitError, ...), after the client's retries.
        fastn_client.APIConnectionError: If the server could not be reached (APITimeoutError on a timeout).

    Returns:
        Execution
    """

    kwargs = _get_kwargs(
        workflow_id=workflow_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)
    raise_for_status(response)
    return cast(Execution, _parse_response(client=client, response=response))
