"""Generic CRUD over a collection, driven by the schemas and ``x-fastn-*`` extensions of the spec.

Nothing here names a resource. A record is built from the create body, the stated defaults
("Defaults to `starter`"), and type-derived values for required server-set fields; duplicates
of ``x-fastn-unique`` fields are 409 ``CONFLICT``; ids under ``x-fastn-references`` must
exist (422); an update merges into the record if its ``revision`` is current (409
``VERSION_MISMATCH`` otherwise, with the record's ``currentRevision``). Per-collection `Hooks`
add what a schema cannot say, such as which records a request may see at all (a tenant's
connections). Unique ``format: email`` fields are compared without regard to case (``Dana@x``
and ``dana@x`` collide). Records are written through `Workspace.put` / `Workspace.remove`, which
keep the workspace's count of stored bytes.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from typing import Any

from fastn_spec import SpecError

from ._audit import Subject
from ._context import Ctx, Hooks, Result
from ._errors import ApiError, not_found
from ._schema import JSON, declared_properties
from ._spec import SERVER_TIMESTAMPS, Collection, Operation, Spec, iter_references, render, singular
from ._store import Record

NO_HOOKS = Hooks()


def item_schema(op: Operation) -> JSON:
    """The schema one resource of ``op``'s success response is rendered with."""
    schema = op.responses[str(op.success_status)].schema
    if op.kind == "list":
        return declared_properties(schema)["data"]["items"]
    return schema


# --------------------------------------------------------------------------------------------
# Pagination


def page(ctx: Ctx, records: Sequence[Record]) -> Result:
    """One page of ``records`` (already filtered and ordered) as ``{data, nextCursor}``.

    Cursors are signed for this workspace's listing (`Cursors`): one the server did not issue is 400.
    """
    limit = int(ctx.query.get("limit", 20))
    listing = f"{ctx.ws.id}:{ctx.op.operation_id}"
    cursor = ctx.query.get("cursor")
    offset = ctx.cursors.offset(listing, cursor) if cursor is not None else 0
    chunk = records[offset : offset + limit]
    schema = item_schema(ctx.op)
    next_cursor = ctx.cursors.issue(listing, offset + limit) if offset + limit < len(records) else None
    return Result(200, {"data": [render(schema, r) for r in chunk], "nextCursor": next_cursor})


# --------------------------------------------------------------------------------------------
# Building and checking records


def _fill(collection: Collection, body: Mapping[str, Any], record_id: str, now: str) -> Record:
    record: Record = {}
    for name in declared_properties(collection.item_schema):
        if name in body:
            record[name] = copy.deepcopy(body[name])
        elif name == "id":
            record[name] = record_id
        elif name == "revision":
            record[name] = 1
        elif name in SERVER_TIMESTAMPS:
            record[name] = now
        elif name in collection.defaults:
            record[name] = copy.deepcopy(collection.defaults[name])
        elif name in collection.fallbacks:
            record[name] = copy.deepcopy(collection.fallbacks[name])
    # Write-only and request-only fields (a secret's value, a redirect URL) are kept, never rendered.
    for name, value in body.items():
        record.setdefault(name, copy.deepcopy(value))
    _apply_nested_defaults(collection, record)
    return record


def _apply_nested_defaults(collection: Collection, record: Record) -> None:
    # An object given in part (`retryPolicy: {maxAttempts: 5}`) gets the defaults of the rest.
    for name, default in collection.defaults.items():
        if isinstance(default, dict) and isinstance(record.get(name), dict):
            record[name] = {**default, **record[name]}


def check_references(ctx: Ctx, schema: JSON, body: Any) -> None:
    """422 when an ``x-fastn-references`` id in the body names nothing in the workspace.

    The path names what a request acts on (404 when missing); a body that refers to a missing
    resource is an invalid body, so its ``details`` point at the field.
    """
    for pointer, identifier, target in iter_references(schema, body):
        collection = ctx.spec.collections.get(target)
        name = collection.name if collection is not None else target.rsplit("/", 1)[-1]
        if identifier not in ctx.ws.collection(name):
            raise ApiError(
                422,
                f"{singular(name).capitalize()} {identifier} (in {pointer}) was not found.",
                details=[{"field": pointer, "message": "no such resource in this workspace", "code": "not_found"}],
            )


def _comparable(collection: Collection, name: str, value: Any) -> Any:
    if name in collection.case_insensitive and isinstance(value, str):
        return value.casefold()
    return value


def check_unique(ctx: Ctx, collection: Collection, record: Record) -> None:
    """409 ``CONFLICT`` when another record has the same value of an ``x-fastn-unique`` field."""
    records = ctx.ws.collection(collection.name)
    for name in collection.unique:
        value = _comparable(collection, name, record.get(name))
        if value is None:
            continue
        for other in records.values():
            if other.get("id") != record.get("id") and _comparable(collection, name, other.get(name)) == value:
                raise ApiError(
                    409,
                    f"A {singular(collection.name)} with {name} {str(value)[:200]!r} already exists.",
                    code="CONFLICT",
                    details=[{"field": f"/{name}", "message": "already taken", "code": "unique"}],
                )


def find(ctx: Ctx, collection: Collection, identifier: str) -> Record:
    """A record of the caller's workspace, or 404 (another workspace's records do not exist here)."""
    record = ctx.ws.collection(collection.name).get(identifier)
    if record is None:
        raise not_found(singular(collection.name).capitalize(), identifier)
    return record


# --------------------------------------------------------------------------------------------
# The five operations


class Crud:
    """List, create, get, update and delete for every collection of the spec."""

    def __init__(self, spec: Spec, hooks: Mapping[str, Hooks]) -> None:
        self.spec = spec
        self.hooks = dict(hooks)
        problems = []
        for collection in spec.collections.values():
            if collection.create_schema is None:
                continue
            create_required = set(collection.create_schema.get("required", []))
            missing = set(collection.undefaultable) - create_required - self.hooks_for(collection).assigned
            if missing:
                problems.append(f"{collection.path}: {', '.join(sorted(missing))}")
        if problems:
            raise SpecError(
                "required fields with no value on create (give them a default in the spec, or a hook): "
                + "; ".join(problems)
            )

    def hooks_for(self, collection: Collection) -> Hooks:
        """The collection's hooks (or none)."""
        return self.hooks.get(collection.name, NO_HOOKS)

    def collection(self, ctx: Ctx) -> Collection:
        """The collection of the request's operation."""
        collection = self.spec.collection_of(ctx.op)
        assert collection is not None, ctx.op.operation_id
        return collection

    def list(self, ctx: Ctx) -> Result:
        """A page of the collection (the records the request may see and its filters keep), oldest first."""
        collection = self.collection(ctx)
        hooks = self.hooks_for(collection)
        records = ctx.ws.collection(collection.name).values()
        return page(ctx, [r for r in records if hooks.visible(ctx, r) and hooks.listed(ctx, r)])

    def _find(self, ctx: Ctx, collection: Collection) -> Record:
        """The record the path names, or 404 (also when the request may not see it)."""
        identifier = ctx.path_params[str(ctx.op.item_param)]
        record = find(ctx, collection, identifier)
        if not self.hooks_for(collection).visible(ctx, record):
            raise not_found(singular(collection.name).capitalize(), identifier)
        return record

    def get(self, ctx: Ctx) -> Result:
        """One record."""
        record = self._find(ctx, self.collection(ctx))
        return Result(200, render(item_schema(ctx.op), record))

    def create_record(self, ctx: Ctx, collection: Collection, body: Mapping[str, Any]) -> Record:
        """Build, check and store a record from a create body (also used by behaviours)."""
        if collection.create_schema is not None:
            check_references(ctx, collection.create_schema, body)
        hooks = self.hooks_for(collection)
        record = _fill(collection, body, ctx.store.new_id(), ctx.timestamp)
        hooks.check(ctx, record)
        check_unique(ctx, collection, record)
        hooks.prepare(ctx, record)
        ctx.ws.put(collection.name, record)
        return record

    def create(self, ctx: Ctx) -> Result:
        """201 with the new record (the audited resource)."""
        collection = self.collection(ctx)
        record = self.create_record(ctx, collection, ctx.body)
        return Result(
            ctx.op.success_status,
            render(item_schema(ctx.op), record),
            audit=Subject(singular(collection.name), record["id"]),
        )

    def update(self, ctx: Ctx) -> Result:
        """Merge the body into the record if the expected revision is current."""
        collection = self.collection(ctx)
        record = self._find(ctx, collection)
        changes = dict(ctx.body)
        expected = changes.pop("revision", None)
        current = record.get("revision")
        if expected is not None and expected != current:
            raise ApiError(
                409,
                f"The {singular(collection.name)} was changed by someone else: revision is "
                f"{current}, the request expected {expected}.",
                code="VERSION_MISMATCH",
                extra={"currentRevision": current} if isinstance(current, int) else None,
            )
        if collection.update_schema is not None:
            check_references(ctx, collection.update_schema, changes)
        merged = {**copy.deepcopy(record), **copy.deepcopy(changes)}
        _apply_nested_defaults(collection, merged)
        hooks = self.hooks_for(collection)
        hooks.check(ctx, merged)
        check_unique(ctx, collection, merged)
        if "revision" in merged:
            merged["revision"] = int(record["revision"]) + 1
        if "updatedAt" in merged:
            merged["updatedAt"] = ctx.timestamp
        record.clear()
        record.update(merged)
        ctx.ws.put(collection.name, record)  # measured again: an update can grow or shrink it
        return Result(200, render(item_schema(ctx.op), record))

    def delete(self, ctx: Ctx) -> Result:
        """Remove the record for good."""
        collection = self.collection(ctx)
        record = self._find(ctx, collection)
        ctx.ws.remove(collection.name, record["id"])
        self.hooks_for(collection).removed(ctx, record)
        return Result(ctx.op.success_status)

    def handle(self, ctx: Ctx) -> Result:
        """Dispatch a CRUD operation by its kind."""
        handler = {
            "list": self.list,
            "create": self.create,
            "get": self.get,
            "update": self.update,
            "delete": self.delete,
        }[ctx.op.kind]
        return handler(ctx)
