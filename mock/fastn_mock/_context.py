"""What a handler is given and what it gives back: the request context types.

`Ctx` is one authenticated, validated request; a handler (`_crud`, `_behaviours`) reads it and
answers a `Result`: the status, the body, any extra headers and, for the audit log, the resource
it acted on when the request's path does not say (a create names what it created). Nothing flows
back through `Ctx`: it is frozen. It says who is calling (`Principal`: the key and its role's
grants) and for which tenant (`Tenant`: the customer ``x-fastn-space-tenantid`` names, or None for
the workspace itself). `Hooks` is what a collection adds to generic CRUD.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from ._audit import Subject
from ._auth import Principal
from ._clock import rfc3339
from ._cursors import Cursors
from ._spec import Operation, Spec
from ._store import Record, Store, Workspace

TENANT_HEADER: Final = "x-fastn-space-tenantid"
"""The tenant a request acts for (the spec's ``TenantId`` scheme): one of the workspace's customers."""


@dataclass(frozen=True)
class Tenant:
    """The customer a request acts for, named in ``x-fastn-space-tenantid`` by its id or its slug."""

    id: str
    slug: str

    def owns(self, tenant_id: object) -> bool:
        """Whether a record's ``tenantId`` (as it was sent: the customer's id or slug) is this tenant."""
        return tenant_id in (self.id, self.slug)


@dataclass(frozen=True)
class Ctx:
    """One authenticated, validated request, as the handlers see it."""

    store: Store
    spec: Spec
    ws: Workspace
    op: Operation
    path_params: dict[str, str]
    query: dict[str, Any]
    body: Any
    headers: Mapping[str, str]
    request_id: str
    now: float
    cursors: Cursors
    principal: Principal
    tenant: Tenant | None = None
    """None: the request acts for the workspace itself (no tenant header, or an empty one)."""

    @property
    def timestamp(self) -> str:
        """The request's time as RFC 3339."""
        return rfc3339(self.now)


@dataclass(frozen=True)
class Result:
    """What a handler answers: a status, a JSON body (None for no body), extra headers, the audited resource.

    ``audit`` is the resource a mutation acted on, when it is not the one the request's path names
    (`_audit.path_subject`): what a create created, the session a chat message went to.
    """

    status: int
    body: Any = None
    headers: Mapping[str, str] = field(default_factory=dict)
    audit: Subject | None = None


class Hooks:
    """What a collection needs beyond its schemas. The defaults do nothing."""

    assigned: frozenset[str] = frozenset()
    """Required fields `prepare` sets, which therefore need no default."""

    def check(self, ctx: Ctx, record: Record) -> None:
        """Business rules on the record about to be written (raise `ApiError` to refuse)."""

    def prepare(self, ctx: Ctx, record: Record) -> None:
        """Set server-assigned fields of a new record just before it is stored."""

    def visible(self, ctx: Ctx, record: Record) -> bool:
        """Whether the request may see the record at all (one it may not see does not exist for it: 404)."""
        return True

    def listed(self, ctx: Ctx, record: Record) -> bool:
        """Whether a list keeps a record the request may see: the list's own filters (none by default)."""
        return True

    def removed(self, ctx: Ctx, record: Record) -> None:
        """Forget what the record left elsewhere, once it is deleted."""
