"""Errors as a user of the client sees them: the right exception, code and details, and a
message that says what failed (status, code, method and URL) without ever leaking the API key."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from fastn_client import (
    APIStatusError,
    AuthenticatedClient,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    UnprocessableEntityError,
)
from fastn_client.api.customers import create_customer, get_customer, list_customers
from fastn_client.api.triggers import create_trigger
from fastn_client.api.workflows import create_workflow
from fastn_client.models.customer_create import CustomerCreate
from fastn_client.models.error import Error
from fastn_client.models.trigger_create import TriggerCreate
from fastn_client.models.workflow_create import WorkflowCreate
from fastn_mock import DEFAULT_API_KEY, OTHER_API_KEY, OTHER_SPACE_ID, VIEWER_API_KEY

from .conftest import ClientFactory
from .e2e_kit import all_items

BAD_KEY = "fsk_test_this_key_does_not_exist_0123456789"
ALL_KEYS = (DEFAULT_API_KEY, VIEWER_API_KEY, OTHER_API_KEY, BAD_KEY)


def _acme(slug: str = "acme", email: str = "ops@acme.example") -> CustomerCreate:
    return CustomerCreate(name="Acme", slug=slug, admin_email=email)


@dataclass(frozen=True)
class Scenario:
    """A mistake a user can make, and what the client must raise for it."""

    provoke: Callable[[ClientFactory], object]
    error: type[APIStatusError]
    status: int
    code: str
    method: str
    path: str
    """The request path (``{id}`` for the resource's id)."""
    field: str | None = None
    """A field ``details`` must name, if any."""


def _duplicate_slug(make_client: ClientFactory) -> object:
    client = make_client()
    create_customer.sync(client=client, body=_acme())
    return create_customer.sync(client=client, body=_acme(email="other@acme.example"))


def _invalid_email(make_client: ClientFactory) -> object:
    return create_customer.sync(client=make_client(), body=_acme(email="not-an-email"))


def _schedule_without_cron(make_client: ClientFactory) -> object:
    client = make_client()
    workflow = create_workflow.sync(client=client, body=WorkflowCreate(name="Nightly", slug="nightly"))
    return create_trigger.sync(
        client=client, body=TriggerCreate(name="Nightly", type_="cron", workflow_ids=[workflow.id])
    )


def _viewer_creates(make_client: ClientFactory) -> object:
    return create_customer.sync(client=make_client(token=VIEWER_API_KEY), body=_acme())


def _other_workspace_reads(make_client: ClientFactory) -> object:
    customer = create_customer.sync(client=make_client(), body=_acme())
    intruder = make_client(token=OTHER_API_KEY, space_id=OTHER_SPACE_ID)
    return get_customer.sync(customer.id, client=intruder)


def _wrong_workspace_header(make_client: ClientFactory) -> object:
    return list_customers.sync(client=make_client(space_id=OTHER_SPACE_ID))


def _bad_key(make_client: ClientFactory) -> object:
    return list_customers.sync(client=make_client(token=BAD_KEY))


def _limit_out_of_range(make_client: ClientFactory) -> object:
    return list_customers.sync(client=make_client(), limit=1000)


SCENARIOS = [
    pytest.param(
        Scenario(_duplicate_slug, ConflictError, 409, "CONFLICT", "POST", "/api/v1/customers", "/slug"),
        id="duplicate-slug",
    ),
    pytest.param(
        Scenario(
            _invalid_email,
            UnprocessableEntityError,
            422,
            "VALIDATION_ERROR",
            "POST",
            "/api/v1/customers",
            "/adminEmail",
        ),
        id="invalid-email",
    ),
    pytest.param(
        Scenario(
            _schedule_without_cron,
            UnprocessableEntityError,
            422,
            "VALIDATION_ERROR",
            "POST",
            "/api/v1/triggers",
            "/cron",
        ),
        id="schedule-without-cron",
    ),
    pytest.param(
        Scenario(_viewer_creates, PermissionDeniedError, 403, "FORBIDDEN", "POST", "/api/v1/customers"),
        id="viewer-creates",
    ),
    pytest.param(
        Scenario(_other_workspace_reads, NotFoundError, 404, "NOT_FOUND", "GET", "/api/v1/customers/{id}"),
        id="other-workspace",
    ),
    pytest.param(
        Scenario(_wrong_workspace_header, PermissionDeniedError, 403, "FORBIDDEN", "GET", "/api/v1/customers"),
        id="wrong-space-id-header",
    ),
    pytest.param(
        Scenario(_bad_key, AuthenticationError, 401, "UNAUTHORIZED", "GET", "/api/v1/customers"),
        id="bad-key",
    ),
    pytest.param(
        Scenario(_limit_out_of_range, BadRequestError, 400, "BAD_REQUEST", "GET", "/api/v1/customers", "query.limit"),
        id="limit-out-of-range",
    ),
]


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_error_as_the_user_sees_it(make_client: ClientFactory, scenario: Scenario) -> None:
    """A user's mistake raises the typed error for its status, with the server's code, the field
    at fault in ``details``, a request id, and a message naming status, code, method and URL but
    never any API key."""
    with pytest.raises(APIStatusError) as caught:
        scenario.provoke(make_client)
    error = caught.value

    assert type(error) is scenario.error
    assert (error.status_code, error.code) == (scenario.status, scenario.code)
    assert error.request.method == scenario.method
    path = error.request.url.path
    if "{id}" in scenario.path:
        prefix = scenario.path.removesuffix("{id}")
        assert path.startswith(prefix) and len(path) > len(prefix)
    else:
        assert path == scenario.path
    assert error.request.url.host == "127.0.0.1"
    assert error.message and error.request_id
    if scenario.field is not None:
        assert scenario.field in [detail.field for detail in error.details]
        assert all(detail.message for detail in error.details)

    text = str(error)
    assert text.startswith(f"{scenario.status} {scenario.code}: ")
    assert f"{scenario.method} {error.request.url}" in text
    assert error.request_id in text
    for key in ALL_KEYS:
        assert key not in text
        assert key not in repr(error)
        assert key not in str(error.body)
        assert key not in str(dict(error.headers))


def test_rejected_writes_change_nothing(make_client: ClientFactory) -> None:
    """After a duplicate, an invalid body and a forbidden create, the workspace holds only the one
    customer that was created correctly."""
    client = make_client()
    first = create_customer.sync(client=client, body=_acme())
    with pytest.raises(ConflictError):
        create_customer.sync(client=client, body=_acme(email="other@acme.example"))
    with pytest.raises(UnprocessableEntityError):
        create_customer.sync(client=client, body=_acme(slug="acme-2", email="not-an-email"))
    with pytest.raises(PermissionDeniedError):
        create_customer.sync(client=make_client(token=VIEWER_API_KEY), body=_acme(slug="acme-3"))
    assert [item.id for item in all_items(list_customers.sync, client)] == [first.id]


def test_detailed_call_returns_the_error_instead_of_raising(client: AuthenticatedClient) -> None:
    """A user who calls ``sync_detailed`` gets the 409 as a response with the parsed Error body."""
    create_customer.sync(client=client, body=_acme())

    response = create_customer.sync_detailed(client=client, body=_acme())

    assert response.status_code == 409
    assert response.request_id is not None
    assert isinstance(response.parsed, Error)
    assert (response.parsed.status_code, response.parsed.code) == (409, "CONFLICT")
