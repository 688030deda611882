"""The resource client's surface, read from the spec: which resource and method each operation is.

``make generate`` (``scripts/generate.py``) hands this to the templates that build the resource
client (``client.customers.list()``), so the client follows the document and no list of
operations is kept by hand anywhere:

* **resource**: the operation's ``x-fastn-sdk-resource``, else its tag's, else the tag as a
  module name (``Customers`` is ``customers``, ``API Keys`` is ``api_keys``);
* **method**: the operation's ``x-fastn-sdk-method``, else the first word of its
  ``operationId`` (``listCustomers`` is ``list``, ``revokeApiKey`` is ``revoke``);
* **pages**: a GET answering ``{data: [...], nextCursor}`` and taking a ``cursor`` is a list,
  whose method returns a page that iterates across pages;
* **waiters**: an operation with ``x-fastn-sdk-waiter`` polls a lifecycle: its answer's
  ``status`` enumeration's ``x-fastn-final`` and ``x-fastn-awaits-caller`` values end the wait
  (exported as constants, e.g. ``EXECUTION_STATUS_FINAL``); an operation with
  ``x-fastn-sdk-poll`` starts such work, and its method takes ``wait=True``.

Anything that would make a broken client (two operations of one resource with one method name,
a name that is not an identifier, a poll of an operation that is no waiter) is a
:class:`SurfaceError` naming the operations, and generation stops.

    python scripts/sdk_surface.py [SPEC]     # print the surface as a table
"""

from __future__ import annotations

import json
import keyword
import re
import sys
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import fastn_spec
from openapi_python_client.strings import PythonIdentifier

ROOT = Path(__file__).resolve().parent.parent
# Names the resource classes and the client use for themselves: no operation or resource may take them.
RESERVED = frozenset({"with_raw_response", "with_options", "close", "wait", "client"})
_IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]*$")


class SurfaceError(ValueError):
    """The spec's operations do not make a sound resource client; the message names them."""


@dataclass(frozen=True)
class Method:
    """One operation as a method of the resource client."""

    operation_id: str
    resource: str
    name: str
    pages: bool = False
    waiter: str = ""
    """Name of the method that polls this operation until a final state ("" if none)."""
    done: tuple[str, ...] = ()
    """For a waiter: the states that end the wait."""
    poll: str = ""
    """operationId of the waiter that this operation's ``wait=True`` polls with ("" if none)."""


@dataclass(frozen=True)
class Constant:
    """A set of lifecycle states exported by the client, e.g. ``EXECUTION_STATUS_FINAL``."""

    name: str
    values: tuple[str, ...]
    doc: str


@dataclass(frozen=True)
class Resource:
    """One attribute of ``Fastn``: its name, class name and what it holds."""

    name: str
    class_name: str
    doc: str


@dataclass(frozen=True)
class Surface:
    """Every operation's method (by operationId), the resources in order, the exported state sets."""

    methods: dict[str, Method]
    resources: list[Resource]
    constants: list[Constant] = field(default_factory=list)

    def to_jinja(self) -> str:
        """The surface as a Jinja template defining ``SDK`` (every value a string, list or dict)."""
        # Keyed as the generator names an endpoint (`endpoint.name`, the module name: list_customers);
        # a poll names its waiter the same way. JSON literals are Jinja literals, but for
        # true/false/null, so the one flag is a string: "yes" or "".
        data = {
            "methods": {
                python_name(op): {
                    **{k: list(v) if isinstance(v, tuple) else v for k, v in asdict(m).items()},
                    "pages": "yes" if m.pages else "",
                    "poll": python_name(m.poll) if m.poll else "",
                }
                for op, m in self.methods.items()
            },
            "resources": [asdict(resource) for resource in self.resources],
            "constants": [{"name": c.name, "states": list(c.values), "doc": c.doc} for c in self.constants],
        }
        text = json.dumps(data, indent=1, sort_keys=False)
        return (
            "{#- Written by scripts/sdk_surface.py for this generation; not a source file. -#}\n{% set SDK = "
            + text
            + " %}\n"
        )


def python_name(operation_id: str) -> str:
    """An operationId as the pinned generator names its endpoint and module (``listCustomers``: ``list_customers``)."""
    return str(PythonIdentifier(operation_id, "field_"))


def tag_module(tag: str) -> str:
    """A tag as the generator names its module: ``API Keys`` is ``api_keys``."""
    return re.sub(r"[^a-z0-9]+", "_", tag.lower()).strip("_")


def _class_name(resource: str) -> str:
    # "Resource" keeps it apart from the models: `Billing` is the answer of billing.get().
    return "".join(part.capitalize() for part in resource.split("_")) + "Resource"


def _first_word(operation_id: str) -> str:
    match = re.match(r"[a-z]+", operation_id)
    return match.group(0) if match else operation_id


def _upper_snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).upper()


def _check_identifier(value: object, what: str) -> str:
    if not isinstance(value, str) or not _IDENTIFIER.match(value) or keyword.iskeyword(value):
        raise SurfaceError(f"{what}: {value!r} is not a lower-case Python identifier")
    return value


def _success_schema(document: Mapping[str, Any], operation: fastn_spec.Operation) -> dict[str, Any] | None:
    for status in ("200", "201", "202"):
        response = operation.body.get("responses", {}).get(status)
        if response is not None:
            media = fastn_spec.resolve(document, response).get("content", {}).get("application/json")
            if media and "schema" in media:
                schema = fastn_spec.merge_all_of(document, media["schema"])
                return schema
    return None


def _is_page(document: Mapping[str, Any], operation: fastn_spec.Operation) -> bool:
    if operation.method != "get":
        return False
    parameters = [
        fastn_spec.resolve(document, p)
        for p in [*operation.item.get("parameters", []), *operation.body.get("parameters", [])]
    ]
    if not any(p.get("in") == "query" and p.get("name") == "cursor" for p in parameters):
        return False
    schema = _success_schema(document, operation) or {}
    properties = schema.get("properties", {})
    data = fastn_spec.resolve(document, properties.get("data", {}))
    return "nextCursor" in properties and data.get("type") == "array"


def _lifecycle(document: Mapping[str, Any], operation: fastn_spec.Operation) -> tuple[str, dict[str, Any]]:
    """The name and schema of the enumeration behind the ``status`` of what ``operation`` answers."""
    schema = _success_schema(document, operation) or {}
    status = schema.get("properties", {}).get("status")
    branches = fastn_spec.resolve(document, status).get("anyOf", [status]) if status is not None else []
    for branch in branches:
        if fastn_spec.is_reference(branch):
            target = fastn_spec.resolve(document, branch)
            if target.get("x-fastn-final"):
                return str(branch["$ref"]).rsplit("/", 1)[-1], target
    raise SurfaceError(
        f"{operation.id}: x-fastn-sdk-waiter needs an answer whose `status` is an enumeration with x-fastn-final"
    )


def surface(document: Mapping[str, Any]) -> Surface:
    """The resource client the document makes; :class:`SurfaceError` if it would be unsound."""
    tag_resources = {
        str(tag.get("name")): str(tag.get("x-fastn-sdk-resource") or tag_module(str(tag.get("name"))))
        for tag in document.get("tags", [])
        if isinstance(tag, Mapping)
    }
    methods: dict[str, Method] = {}
    order: dict[str, str] = {}
    constants: dict[str, Constant] = {}
    operations = fastn_spec.operations(document)
    by_id = {operation.id: operation for operation in operations}
    for operation in operations:
        body = operation.body
        tags = body.get("tags") or ["default"]
        resource = body.get("x-fastn-sdk-resource") or tag_resources.get(tags[0]) or tag_module(tags[0])
        resource = _check_identifier(resource, f"{operation.id}: resource")
        if resource in RESERVED:
            raise SurfaceError(f"{operation.id}: the resource name {resource!r} is the client's own")
        name = _check_identifier(body.get("x-fastn-sdk-method") or _first_word(operation.id), f"{operation.id}: method")
        waiter = body.get("x-fastn-sdk-waiter") or ""
        done: tuple[str, ...] = ()
        if waiter:
            _check_identifier(waiter, f"{operation.id}: x-fastn-sdk-waiter")
            enum_name, enum = _lifecycle(document, operation)
            final = tuple(enum["x-fastn-final"])
            awaiting = tuple(enum.get("x-fastn-awaits-caller", ()))
            done = final + awaiting
            prefix = _upper_snake(enum_name)
            constants[f"{prefix}_FINAL"] = Constant(
                f"{prefix}_FINAL", final, f"The {enum_name} values after which nothing changes any more."
            )
            if awaiting:
                constants[f"{prefix}_AWAITING_CALLER"] = Constant(
                    f"{prefix}_AWAITING_CALLER",
                    awaiting,
                    f"The {enum_name} values that wait for the caller's next step.",
                )
        poll = body.get("x-fastn-sdk-poll") or ""
        if poll and not (poll in by_id and by_id[poll].body.get("x-fastn-sdk-waiter")):
            raise SurfaceError(
                f"{operation.id}: x-fastn-sdk-poll names {poll!r}, which is no operation with x-fastn-sdk-waiter"
            )
        methods[operation.id] = Method(
            operation.id, resource, name, pages=_is_page(document, operation), waiter=waiter, done=done, poll=poll
        )
        order.setdefault(resource, tags[0])
    taken: dict[tuple[str, str], str] = {}
    for method in methods.values():
        for name in filter(None, (method.name, method.waiter)):
            if name in RESERVED and name != method.waiter:
                raise SurfaceError(f"{method.operation_id}: the method name {name!r} is the client's own")
            other = taken.setdefault((method.resource, name), method.operation_id)
            if other != method.operation_id:
                raise SurfaceError(
                    f"{other} and {method.operation_id} would both be {method.resource}.{name}(): "
                    "give one an x-fastn-sdk-method (openapi/README.md)"
                )
    resources = [
        Resource(name, _class_name(name), f"The {tag} operations, one method each.") for name, tag in order.items()
    ]
    return Surface(methods, resources, list(constants.values()))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    spec = Path(args[0]) if args else ROOT / "openapi" / "fastn.yaml"
    try:
        found = surface(fastn_spec.load(spec))
    except (fastn_spec.SpecError, SurfaceError) as error:
        print(f"sdk_surface: {error}", file=sys.stderr)
        return 2
    for method in found.methods.values():
        extra = " (pages)" if method.pages else ""
        extra += f" + {method.waiter}()" if method.waiter else ""
        extra += f" (wait=True polls {method.poll})" if method.poll else ""
        print(f"{method.resource}.{method.name}()  <- {method.operation_id}{extra}")
    for constant in found.constants:
        print(f"{constant.name} = {set(constant.values)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
