"""The spec, compiled once at start-up into routes, validators and CRUD collections.

Everything the mock knows about the API comes from here: which paths and methods exist, what
each parameter and body must look like, which permission an operation needs, what each
response must look like, and which operations are plain CRUD on a collection. An operation is
classified as CRUD by its shape, not its name:

* ``GET  /c``        answering ``{data: [...], nextCursor}``                    → list
* ``POST /c``        answering 201, where ``/c`` has a list                      → create
* ``GET|PUT|DELETE /c/{id}``, where ``/c`` has a list                            → get / update / delete

Anything else is an *action* that needs a hand-written behaviour (`_behaviours.py`); the mock
refuses to start when one has none, so a new non-CRUD operation cannot go unnoticed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Literal

import fastn_spec
from fastn_spec import SpecError
from jsonschema.protocols import Validator

from ._schema import (
    JSON,
    declared_properties,
    make_validator,
    request_view,
    required_properties,
    response_view,
    schema_types,
)

HTTP_METHODS: Final = tuple(method.upper() for method in fastn_spec.HTTP_METHODS)
SERVER_TIMESTAMPS: Final = frozenset({"createdAt", "updatedAt"})
"""Properties the server sets to "now" (on create; `updatedAt` also on update)."""

Kind = Literal["list", "create", "get", "update", "delete", "action"]

_DEFAULT_IN_PROSE = re.compile(r"[Dd]efaults to `([^`]+)`|[Dd]efaults to (-?\d+)\b")


@dataclass(frozen=True)
class Param:
    """One path/query/header parameter with its validator."""

    name: str
    location: str
    required: bool
    schema: JSON
    validator: Validator
    types: frozenset[str]


@dataclass(frozen=True)
class ResponseSpec:
    """One documented response: body schema (response view) and headers."""

    status: str
    schema: JSON | None
    validator: Validator | None
    headers: Mapping[str, tuple[bool, JSON]]


@dataclass
class Operation:
    """A compiled operation."""

    operation_id: str
    method: str
    path: str
    params: tuple[Param, ...]
    body_required: bool
    body_media_types: tuple[str, ...]
    body_schema: JSON | None
    body_validator: Validator | None
    responses: Mapping[str, ResponseSpec]
    success_status: int
    permission: tuple[str, str]
    collection_path: str
    item_param: str | None
    kind: Kind = "action"

    def response_for(self, status: int) -> ResponseSpec | None:
        """The documented response for ``status`` (exact, then ``4XX``-style, then ``default``)."""
        return (
            self.responses.get(str(status))
            or self.responses.get(f"{str(status)[0]}XX")
            or self.responses.get("default")
        )


@dataclass
class Collection:
    """A CRUD collection (``/api/v1/customers``) derived from its operations' schemas."""

    path: str
    name: str
    item_schema: JSON
    create_schema: JSON | None
    update_schema: JSON | None
    unique: tuple[str, ...]
    case_insensitive: frozenset[str]
    """Unique fields compared without regard to case: those with ``format: email``."""
    defaults: dict[str, JSON]
    fallbacks: dict[str, JSON]
    undefaultable: tuple[str, ...]


@dataclass(frozen=True)
class Route:
    """A path template and the operations on it, by method."""

    template: str
    regex: re.Pattern[str]
    operations: Mapping[str, Operation]

    @property
    def allow(self) -> str:
        """The value of an `Allow` header for this path."""
        return ", ".join(method for method in HTTP_METHODS if method in self.operations)


class Spec:
    """The loaded, compiled document (read-only once built, so apps may share one)."""

    def __init__(self, document: Mapping[str, JSON], source: str = "<dict>") -> None:
        self.source = source
        self.raw = document
        inlined = fastn_spec.dereference(document)
        if inlined.recursive:
            raise SpecError(f"recursive schemas cannot be served: {', '.join(inlined.recursive)}")
        self.document = inlined.document
        self.operations: dict[str, Operation] = {}
        by_path: dict[str, dict[str, Operation]] = {template: {} for template in self.document.get("paths", {})}
        for found in fastn_spec.operations(self.document):
            method = found.method.upper()
            operation = _compile_operation(method, found.path, found.body, found.item.get("parameters", []))
            if operation.operation_id in self.operations:
                raise SpecError(f"duplicate operationId {operation.operation_id}")
            self.operations[operation.operation_id] = operation
            by_path[found.path][method] = operation
        routes = [Route(template, _path_regex(template), ops) for template, ops in by_path.items()]
        # Literal paths first, so `/users/invite` is never read as `/users/{id}`.
        self.routes = sorted(routes, key=lambda r: (r.template.count("{"), -len(r.template)))
        self.collections = self._classify()
        if "Error" not in self.document.get("components", {}).get("schemas", {}):
            raise SpecError("the spec has no components.schemas.Error (every error answer has its shape)")

    @classmethod
    def load(cls, path: str | Path) -> Spec:
        """Read and compile a YAML or JSON spec file (compiled once per file version, then shared)."""
        resolved = Path(path).resolve()
        stat = resolved.stat()
        key = (str(resolved), stat.st_mtime_ns, stat.st_size)
        cached = _LOADED.get(key)
        if cached is not None:
            return cached
        spec = _LOADED[key] = cls(fastn_spec.load(resolved), source=str(path))
        return spec

    def match(self, path: str) -> tuple[Route, dict[str, str]] | None:
        """The route for a request path and its path parameters, or None."""
        for route in self.routes:
            found = route.regex.fullmatch(path)
            if found is not None:
                return route, found.groupdict()
        return None

    def _classify(self) -> dict[str, Collection]:
        by_path: dict[str, list[Operation]] = {}
        for op in self.operations.values():
            by_path.setdefault(op.collection_path, []).append(op)
        collections: dict[str, Collection] = {}
        for path, ops in by_path.items():
            lists = [op for op in ops if op.method == "GET" and op.item_param is None and _is_page(op)]
            if not lists:
                continue
            listing = lists[0]
            listing.kind = "list"
            page = listing.responses[str(listing.success_status)].schema
            item_schema = declared_properties(page)["data"]["items"]
            create_schema = update_schema = None
            for op in ops:
                if op is listing:
                    continue
                if op.method == "POST" and op.item_param is None and op.success_status == 201:
                    op.kind = "create"
                    create_schema = op.body_schema
                elif op.item_param is not None and op.method in ("GET", "PUT", "DELETE"):
                    op.kind = {"GET": "get", "PUT": "update", "DELETE": "delete"}[op.method]  # type: ignore[assignment]
                    if op.method == "PUT":
                        update_schema = op.body_schema
            collections[path] = _compile_collection(path, item_schema, create_schema, update_schema)
        return collections

    def collection_of(self, op: Operation) -> Collection | None:
        """The CRUD collection an operation works on, if any."""
        return self.collections.get(op.collection_path)


_LOADED: dict[tuple[str, int, int], Spec] = {}


def _path_regex(template: str) -> re.Pattern[str]:
    pattern = ""
    for piece in re.split(r"(\{[^}]+\})", template):
        if piece.startswith("{") and piece.endswith("}"):
            pattern += f"(?P<{piece[1:-1]}>[^/]+)"
        else:
            pattern += re.escape(piece)
    return re.compile(pattern)


def _is_page(op: Operation) -> bool:
    response = op.responses.get(str(op.success_status))
    if response is None or response.schema is None:
        return False
    props = declared_properties(response.schema)
    return "nextCursor" in props and "array" in schema_types(props.get("data"))


def _compile_operation(method: str, template: str, op: Mapping[str, JSON], shared: list[JSON]) -> Operation:
    operation_id = op.get("operationId")
    if not isinstance(operation_id, str):
        raise SpecError(f"{method} {template} has no operationId")
    permission = op.get("x-fastn-permission")
    if not isinstance(permission, str) or ":" not in permission:
        raise SpecError(f"{operation_id} has no x-fastn-permission")
    resource, _, action = permission.partition(":")

    params: list[Param] = []
    for definition in [*shared, *op.get("parameters", [])]:
        schema = request_view(definition.get("schema", {}))
        params.append(
            Param(
                name=definition["name"],
                location=definition["in"],
                required=bool(definition.get("required", False)),
                schema=schema,
                validator=make_validator(schema),
                types=frozenset(schema_types(schema)),
            )
        )

    body_schema: JSON | None = None
    body_validator = None
    media_types: tuple[str, ...] = ()
    body_required = False
    request_body = op.get("requestBody")
    if isinstance(request_body, Mapping):
        content = request_body.get("content", {})
        media_types = tuple(content)
        if "application/json" not in content:
            raise SpecError(f"{operation_id}: only application/json request bodies are supported")
        body_schema = request_view(content["application/json"].get("schema", {}))
        body_validator = make_validator(body_schema)
        body_required = bool(request_body.get("required", False))

    responses: dict[str, ResponseSpec] = {}
    for status, response in op.get("responses", {}).items():
        schema = None
        validator = None
        json_content = response.get("content", {}).get("application/json")
        if json_content is not None and "schema" in json_content:
            schema = response_view(json_content["schema"])
            validator = make_validator(schema)
        headers = {
            name: (bool(header.get("required", False)), header.get("schema", {}))
            for name, header in response.get("headers", {}).items()
        }
        responses[str(status)] = ResponseSpec(str(status), schema, validator, headers)
    successes = sorted(int(code) for code in responses if code.isdigit() and code.startswith("2"))
    if not successes:
        raise SpecError(f"{operation_id} documents no 2xx response")

    item_param = None
    collection_path = template
    last = template.rsplit("/", 1)
    if last[-1].startswith("{") and last[-1].endswith("}"):
        item_param = last[-1][1:-1]
        collection_path = last[0]

    return Operation(
        operation_id=operation_id,
        method=method,
        path=template,
        params=tuple(params),
        body_required=body_required,
        body_media_types=media_types,
        body_schema=body_schema,
        body_validator=body_validator,
        responses=responses,
        success_status=successes[0],
        permission=(resource, action),
        collection_path=collection_path,
        item_param=item_param,
    )


def _prose_default(schema: JSON) -> tuple[bool, JSON]:
    """A default stated in a description ("Defaults to `starter`."), parsed as a YAML scalar."""
    if not isinstance(schema, Mapping):
        return False, None
    if "default" in schema:
        return True, schema["default"]
    match = _DEFAULT_IN_PROSE.search(str(schema.get("description", "")))
    if match is None:
        return False, None
    token = match.group(1) if match.group(1) is not None else match.group(2)
    return True, fastn_spec.parse_yaml(token)


def _object_defaults(schema: JSON) -> tuple[bool, JSON]:
    """An object whose every property has a default defaults to the object of those defaults."""
    props = declared_properties(schema)
    if "object" not in schema_types(schema) or not props:
        return False, None
    result: dict[str, JSON] = {}
    for name, sub in props.items():
        found, value = _prose_default(sub)
        if not found:
            return False, None
        result[name] = value
    return True, result


def _fallback(schema: JSON) -> tuple[bool, JSON]:
    """The value a required, server-set property takes when nothing says otherwise."""
    if isinstance(schema, Mapping) and isinstance(schema.get("anyOf"), list):
        # An open enumeration (`anyOf` the known values and any string): its first known value.
        for branch in schema["anyOf"]:
            found, value = _fallback(branch)
            if found:
                return found, value
        return False, None
    types = schema_types(schema)
    if "null" in types:
        return True, None
    if isinstance(schema, Mapping) and isinstance(schema.get("enum"), list) and schema["enum"]:
        return True, schema["enum"][0]
    if "boolean" in types:
        return True, False
    if "array" in types:
        return True, []
    if "object" in types:
        found, value = _object_defaults(schema)
        return (True, value) if found else (True, {})
    if "integer" in types or "number" in types:
        return True, schema.get("minimum", 0) if isinstance(schema, Mapping) else 0
    plain_string = isinstance(schema, Mapping) and not ({"minLength", "pattern", "format"} & set(schema))
    if "string" in types and plain_string:
        return True, ""
    return False, None


def _is_email(schema: JSON) -> bool:
    return isinstance(schema, Mapping) and schema.get("format") == "email"


def _compile_collection(
    path: str, item_schema: JSON, create_schema: JSON | None, update_schema: JSON | None
) -> Collection:
    item_props = declared_properties(item_schema)
    create_props = declared_properties(create_schema) if create_schema is not None else {}
    required = required_properties(item_schema)
    unique = item_schema.get("x-fastn-unique", []) if isinstance(item_schema, Mapping) else []
    defaults: dict[str, JSON] = {}
    fallbacks: dict[str, JSON] = {}
    undefaultable: list[str] = []
    validator_cache: dict[str, Validator] = {}
    for name, prop in item_props.items():
        if name in ("id", "revision") or name in SERVER_TIMESTAMPS:
            continue
        for source in (create_props.get(name), prop):
            found, value = _prose_default(source)
            if not found:
                found, value = _object_defaults(source) if source is not None else (False, None)
            if found:
                validator_cache[name] = validator_cache.get(name) or make_validator(prop)
                if not validator_cache[name].is_valid(value):
                    raise SpecError(f"{path}: the stated default of {name} ({value!r}) does not validate")
                defaults[name] = value
                break
        else:
            if name in required:
                ok, value = _fallback(prop)
                if ok:
                    fallbacks[name] = value
                else:
                    undefaultable.append(name)
    return Collection(
        path=path,
        name=path.rsplit("/", 1)[-1],
        item_schema=item_schema,
        create_schema=create_schema,
        update_schema=update_schema,
        unique=tuple(unique),
        case_insensitive=frozenset(name for name in unique if _is_email(item_props.get(name))),
        defaults=defaults,
        fallbacks=fallbacks,
        undefaultable=tuple(undefaultable),
    )


def singular(collection_or_resource: str) -> str:
    """``customers`` → ``customer``, ``api-keys``/``api_keys`` → ``api_key`` (audit resource types)."""
    name = collection_or_resource.replace("-", "_")
    return name[:-1] if name.endswith("s") else name


def iter_references(schema: JSON, instance: JSON, pointer: str = "") -> Iterator[tuple[str, str, str]]:
    """Yield ``(pointer, id, collection path)`` for every ``x-fastn-references`` value in a body."""
    if not isinstance(schema, Mapping):
        return
    target = schema.get("x-fastn-references")
    if isinstance(target, str) and isinstance(instance, str):
        yield pointer or "/", instance, target
        return
    if isinstance(instance, dict):
        for name, sub in declared_properties(schema).items():
            if name in instance:
                yield from iter_references(sub, instance[name], f"{pointer}/{name}")
    elif isinstance(instance, list) and isinstance(schema.get("items"), Mapping):
        for index, item in enumerate(instance):
            yield from iter_references(schema["items"], item, f"{pointer}/{index}")


def render(schema: JSON, record: Mapping[str, Any]) -> dict[str, Any]:
    """The fields of ``record`` that the response schema declares (write-only and internal ones stay in)."""
    props = declared_properties(schema)
    return {name: record[name] for name in props if name in record and props[name] is not False}
