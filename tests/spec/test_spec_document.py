"""The rules openapi/fastn.yaml must keep, beyond what the three linters check.

Each test names the rule it enforces; a failure names the operation or JSON pointer at fault.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

import fastn_spec
import jsonschema
import pytest
from spec_document import ROOT, SPEC, Operation, inline, operations, resolve, walk

OPERATIONS = operations()
SEED_CSV = Path(__file__).with_name("seed_endpoints.csv")
ERROR_STATUSES_EVERYWHERE = ("400", "401", "403", "429", "500")
RATE_LIMIT_HEADERS = ("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset")
VERBS = "list|create|get|update|delete|run|cancel|generate|deploy|invite|revoke|query|send|start"
VERB_RESOURCE = re.compile(rf"^({VERBS})[A-Z][A-Za-z]*$")


def seed_rows() -> list[dict[str, str]]:
    lines = [line for line in SEED_CSV.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines))


def shape(path: str) -> str:
    """A path with every parameter blanked: `/a/:cid` and `/a/{customerId}` compare equal."""
    return re.sub(r"(\{[^}]+\}|:[A-Za-z]+)", "{}", path)


BY_SHAPE = {(op.method, shape(op.path)): op for op in OPERATIONS}


def media_schema_validator(schema: dict[str, Any]) -> jsonschema.protocols.Validator:
    """A 2020-12 validator for a schema of the document, its local $refs inlined."""
    return jsonschema.Draft202012Validator(
        inline(schema), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


# --- coverage of the seed -----------------------------------------------------------------


def test_seed_table_has_42_endpoints() -> None:
    assert len(seed_rows()) == 42


@pytest.mark.parametrize("row", seed_rows(), ids=lambda row: f"{row['method']} {row['path']}")
def test_every_seed_endpoint_is_an_operation_tagged_with_its_section(row: dict[str, str]) -> None:
    op = BY_SHAPE.get((row["method"].lower(), shape(row["path"])))
    assert op is not None, f"seed endpoint {row['method']} {row['path']} is missing from the spec"
    assert op.body["tags"] == [row["section"]], f"{op}: tag should be the seed section {row['section']!r}"
    assert op.body["x-fastn-evidence"] == "seed", f"{op}: a seed endpoint is marked x-fastn-evidence: seed"


def test_operations_beyond_the_seed_are_marked_inferred() -> None:
    seeded = {(row["method"].lower(), shape(row["path"])) for row in seed_rows()}
    extra = [op for op in OPERATIONS if (op.method, shape(op.path)) not in seeded]
    # Pollable builds and their caller-driven steps, and cancelling a run: the docs show them at other paths.
    # Reading one connection: the official SDK polls a connection's status on a surface of its own.
    assert sorted(op.id for op in extra) == [
        "cancelExecution",
        "deployAiBuild",
        "generateAiBuild",
        "getAiBuild",
        "getConnection",
    ]
    for op in extra:
        assert op.body["x-fastn-evidence"] == "inferred", f"{op} is not in the seed and must say so"
        source = "official SDK" if op.id == "getConnection" else "docs' API reference"
        assert source in op.body.get("x-fastn-verify", ""), f"{op}: name the evidence to verify against"


# --- operations ---------------------------------------------------------------------------


def test_operation_ids_are_unique_and_verb_resource() -> None:
    ids = [op.id for op in OPERATIONS]
    assert len(ids) == len(set(ids)), f"duplicate operationIds: {sorted({i for i in ids if ids.count(i) > 1})}"
    bad = [op_id for op_id in ids if not VERB_RESOURCE.match(op_id)]
    assert not bad, f"operationIds not in verbResource form: {bad}"


@pytest.mark.parametrize("op", OPERATIONS, ids=str)
def test_operation_is_described_tagged_secured_and_permissioned(op: Operation) -> None:
    declared = {tag["name"] for tag in SPEC["tags"]}
    assert op.body.get("summary") and op.body.get("description"), f"{op}: summary and description are required"
    assert len(op.body["tags"]) == 1 and op.body["tags"][0] in declared, f"{op}: one declared tag"
    assert "security" not in op.body or op.body["security"], f"{op}: must not switch security off"
    assert re.match(r"^[a-z_]+:[a-z]+$", op.body.get("x-fastn-permission", "")), f"{op}: x-fastn-permission"


def test_every_tag_is_described_and_used() -> None:
    used = {op.body["tags"][0] for op in OPERATIONS}
    for tag in SPEC["tags"]:
        assert tag.get("description"), f"tag {tag['name']} needs a description"
        assert tag["name"] in used, f"tag {tag['name']} is declared but unused"


def test_api_key_and_workspace_headers_apply_to_every_operation() -> None:
    schemes = SPEC["components"]["securitySchemes"]
    assert schemes["ApiKeyAuth"] == {
        **schemes["ApiKeyAuth"],
        "type": "apiKey",
        "in": "header",
        "name": "x-fastn-api-key",
    }
    # The workspace key is accepted as a bearer token too (newer docs), not only as a user's JWT.
    assert schemes["BearerAuth"]["scheme"] == "bearer" and "bearerFormat" not in schemes["BearerAuth"]
    # A key (or token) plus the space id is a complete request; tenant, stage, test mode, realm and
    # custom auth are optional.
    assert [set(r) for r in SPEC["security"][:2]] == [{"ApiKeyAuth", "SpaceId"}, {"BearerAuth", "SpaceId"}]
    credentials = {"ApiKeyAuth", "BearerAuth", "CustomAuthToken"}
    for requirement in SPEC["security"]:
        assert "SpaceId" in set(requirement) and len(credentials & set(requirement)) == 1
    optional = {name for r in SPEC["security"] for name in r} - credentials - {"SpaceId"}
    assert optional == {"TenantId", "Stage", "CustomAuth", "TestMode", "Realm"}
    assert schemes["CustomAuth"]["name"] == "x-fastn-custom-auth"
    # A custom-auth token travels raw in Authorization, only with the custom-auth flag, never with test mode.
    raw = {"type": "apiKey", "in": "header", "name": "Authorization"}
    assert schemes["CustomAuthToken"] == {**schemes["CustomAuthToken"], **raw}
    for requirement in SPEC["security"]:
        assert ("CustomAuthToken" in requirement) == ("CustomAuth" in requirement)
        assert not {"CustomAuthToken", "TestMode"} <= set(requirement)
    assert (schemes["TestMode"]["name"], schemes["Realm"]["name"]) == ("X-fastn-Test-Mode", "realm")
    assert all("security" not in op.body for op in OPERATIONS), "operations inherit the top-level security"


# --- responses ----------------------------------------------------------------------------


def _has_path_id(op: Operation) -> bool:
    return "{" in op.path


def _body_schema(op: Operation) -> dict[str, Any] | None:
    if "requestBody" not in op.body:
        return None
    schema: dict[str, Any] = resolve(resolve(op.body["requestBody"])["content"]["application/json"]["schema"])
    return schema


def _references_other_resources(schema: dict[str, Any] | None) -> bool:
    """Whether a body names another resource by id (`x-fastn-references`), at any depth."""
    if schema is None:
        return False
    if "x-fastn-references" in schema:
        return True
    children = [*schema.get("properties", {}).values(), *([schema["items"]] if "items" in schema else [])]
    return any(_references_other_resources(resolve(child)) for child in children)


def _creates_unique_resource(op: Operation) -> bool:
    created = op.body["responses"].get("201")
    if op.method != "post" or created is None:
        return False
    schema = resolve(resolve(created)["content"]["application/json"]["schema"])
    return bool(schema.get("x-fastn-unique"))


@pytest.mark.parametrize("op", OPERATIONS, ids=str)
def test_operation_documents_the_required_error_responses(op: Operation) -> None:
    responses = op.body["responses"]
    required = set(ERROR_STATUSES_EVERYWHERE)
    if _has_path_id(op):
        required.add("404")
    elif "404" in responses:
        raise AssertionError(f"{op}: 404 is for a missing path id; a body naming a missing resource is 422")
    if _references_other_resources(_body_schema(op)):
        assert "422" in responses, f"{op}: a body naming a missing resource is 422"
    if op.method in ("post", "put") and "requestBody" in op.body:
        required |= {"413", "415", "422"}
    if op.method == "post":
        required.add("422")  # a reused Idempotency-Key with another request is IDEMPOTENCY_KEY_REUSED
    if op.method == "put" or _creates_unique_resource(op):
        required.add("409")
    missing = sorted(required - set(responses))
    assert not missing, f"{op} lacks responses {missing}"
    for status in responses:
        if status.startswith(("4", "5")):
            schema = resolve(responses[status])["content"]["application/json"]["schema"]
            assert schema == {"$ref": "#/components/schemas/Error"}, f"{op} {status}: errors use the Error schema"


@pytest.mark.parametrize("op", OPERATIONS, ids=str)
def test_every_response_declares_the_rate_limit_headers(op: Operation) -> None:
    for status, response in op.body["responses"].items():
        headers = resolve(response).get("headers", {})
        missing = [name for name in RATE_LIMIT_HEADERS if name not in headers]
        assert not missing, f"{op} {status} lacks {missing}"
        if status == "429":
            assert "Retry-After" in headers, f"{op} 429 lacks Retry-After"


@pytest.mark.parametrize("op", OPERATIONS, ids=str)
def test_request_bodies_and_success_responses_have_examples(op: Operation) -> None:
    if "requestBody" in op.body:
        media = resolve(op.body["requestBody"])["content"]["application/json"]
        assert media.get("examples") or "example" in media, f"{op}: request body needs an example"
    for status, response in op.body["responses"].items():
        response = resolve(response)
        if status.startswith("2") and "content" in response:
            media = response["content"]["application/json"]
            assert media.get("examples") or "example" in media, f"{op} {status}: response needs an example"


def _examples() -> list[tuple[str, dict[str, Any], Any]]:
    """(where, schema, example value) for every media-type and parameter example."""
    found = []
    for where, node in walk(SPEC):
        if not isinstance(node, dict) or "schema" not in node:
            continue
        if "example" in node:
            found.append((where, node["schema"], node["example"]))
        for name, example in (node.get("examples") or {}).items():
            found.append((f"{where}/examples/{name}", node["schema"], resolve(example)["value"]))
    return found


EXAMPLES = _examples()


def test_examples_were_found() -> None:
    assert len(EXAMPLES) >= 80, "the walker should find every media-type and parameter example"


@pytest.mark.parametrize(("where", "schema", "value"), EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_every_example_validates_against_its_schema(where: str, schema: dict[str, Any], value: Any) -> None:
    errors = sorted(media_schema_validator(schema).iter_errors(value), key=lambda e: list(e.absolute_path))
    assert not errors, f"{where}: " + "; ".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


def test_every_ref_resolves_locally_with_only_annotations_beside_it() -> None:
    """The loader's rule (loader/README.md): what openapi-python-client, the mock and every tool read alike."""
    assert fastn_spec.problems(SPEC) == []
    annotated = [where for where, node in fastn_spec.references(SPEC) if len(node) > 1]
    assert annotated, "the spec annotates some references: this test must see them"


# --- resources, bodies, lists ---------------------------------------------------------------


@pytest.mark.parametrize("op", [op for op in OPERATIONS if op.method == "put"], ids=str)
def test_updates_carry_the_expected_revision(op: Operation) -> None:
    body = _body_schema(op)
    assert body is not None and "revision" in body.get("required", []), f"{op}: update bodies require revision"
    created = resolve(op.body["responses"]["200"])["content"]["application/json"]["schema"]
    assert resolve(created)["properties"]["revision"]["readOnly"] is True


@pytest.mark.parametrize("op_id", ["runWorkflow", "startAiBuild"])
def test_long_running_operations_answer_202_with_a_pollable_resource(op_id: str) -> None:
    op = next(op for op in OPERATIONS if op.id == op_id)
    accepted = resolve(op.body["responses"]["202"])
    assert "Location" in accepted["headers"]
    targets = [next(o for o in OPERATIONS if o.id == link["operationId"]) for link in accepted["links"].values()]
    assert any(target.method == "get" for target in targets), f"{op_id} links to a GET to poll"


@pytest.mark.parametrize(
    "op", [op for op in OPERATIONS if op.method == "post" and "201" in op.body["responses"]], ids=str
)
def test_create_operations_link_to_what_they_created(op: Operation) -> None:
    links = resolve(op.body["responses"]["201"]).get("links", {})
    by_id = {o.id: o for o in OPERATIONS}
    same_item = [
        o for o in OPERATIONS if o.path.startswith(op.path + "/{") and o.path.count("/") == op.path.count("/") + 1
    ]
    if not same_item:  # users and roles: the seed has no operation on a single one to link to
        assert op.id in ("inviteUser", "createRole"), f"{op}: nothing to link to"
        return
    assert {o.id for o in same_item} <= {link["operationId"] for link in links.values()}, f"{op}: links"
    for name, link in links.items():
        target = by_id[link["operationId"]]
        declared = {resolve(p)["name"] for p in target.body.get("parameters", [])}
        parameters = link.get("parameters", {})
        assert set(parameters) <= declared, f"{op} link {name}: unknown parameters"
        assert all(v == "$response.body#/id" for v in parameters.values()), f"{op} link {name}"
        # openapi-generator accepts a link body only as one runtime expression, which cannot build an object:
        # a link says in words which body field takes which value (tests/contract/fastn_checks.py sends it).
        assert "requestBody" not in link, f"{op} link {name}: no requestBody"
        if target in same_item and target.method == "put":
            assert "`revision`" in link["description"], f"{op} link {name}: say to send the revision"
        assert parameters or _names(_body_schema(target) or {}, op.path), f"{op} link {name} passes nothing"


@pytest.mark.parametrize("op", [op for op in OPERATIONS if op.id.startswith("list")], ids=str)
def test_list_operations_link_to_the_read_of_their_first_item(op: Operation) -> None:
    """A read-only client (or contract run) learns a real id from a list, with no create to get one from."""
    reads = [o for o in OPERATIONS if o.method == "get" and re.fullmatch(re.escape(op.path) + r"/\{[^}/]+\}", o.path)]
    links = resolve(op.body["responses"]["200"]).get("links", {})
    expected = [
        {"operationId": read.id, "parameters": {read.path.rsplit("{", 1)[1][:-1]: "$response.body#/data/0/id"}}
        for read in reads
    ]
    assert [{k: v for k, v in link.items() if k != "description"} for link in links.values()] == expected, op
    assert all(link.get("description") for link in links.values()), f"{op}: say what each link is for"


def _names(schema: dict[str, Any], collection: str) -> bool:
    """Whether a body has a field naming a resource of `collection` (`x-fastn-references`), or a list of them."""
    for field in schema.get("properties", {}).values():
        field = resolve(field)
        if collection in (field.get("x-fastn-references"), resolve(field.get("items", {})).get("x-fastn-references")):
            return True
    return False


def test_list_operations_are_paginated_with_an_envelope() -> None:
    for op in OPERATIONS:
        if not op.id.startswith(("list", "query")):
            continue
        names = {resolve(p)["name"] for p in op.body.get("parameters", [])}
        assert {"limit", "cursor"} <= names, f"{op}: limit and cursor"
        envelope = resolve(resolve(op.body["responses"]["200"])["content"]["application/json"]["schema"])
        assert set(envelope["required"]) == {"data", "nextCursor"}, f"{op}: {{data, nextCursor}} envelope"
    limit = SPEC["components"]["parameters"]["Limit"]["schema"]
    assert (limit["minimum"], limit["maximum"]) == (1, 100)


def test_filters_the_facts_suggest() -> None:
    by_id = {op.id: op for op in OPERATIONS}

    def names(op_id: str) -> set[str]:
        return {resolve(p)["name"] for p in by_id[op_id].body["parameters"]}

    assert {"workflowId", "status"} <= names("listExecutions")
    assert {"from", "to", "actorId", "action", "outcome"} <= names("queryAuditLog")


def _input_schemas() -> list[tuple[str, Any]]:
    """Every schema a client sends: request bodies (all nested parts) and parameters."""
    found: list[tuple[str, Any]] = []
    seen: set[str] = set()

    def visit(where: str, schema: Any) -> None:
        if isinstance(schema, dict) and "$ref" in schema:
            if schema["$ref"] in seen:
                return
            seen.add(schema["$ref"])
            visit(schema["$ref"], resolve(schema))
            return
        if not isinstance(schema, dict):
            return
        found.append((where, schema))
        for name, prop in schema.get("properties", {}).items():
            visit(f"{where}/properties/{name}", prop)
        if "items" in schema:
            visit(f"{where}/items", schema["items"])

    for op in OPERATIONS:
        body = op.body.get("requestBody")
        if body:
            visit(f"{op.id}/requestBody", resolve(body)["content"]["application/json"]["schema"])
        for param in op.body.get("parameters", []):
            visit(f"{op.id}/parameters/{resolve(param)['name']}", resolve(param)["schema"])
    return found


INPUTS = _input_schemas()


@pytest.mark.parametrize(("where", "schema"), INPUTS, ids=[where for where, _ in INPUTS])
def test_every_input_is_bounded(where: str, schema: dict[str, Any]) -> None:
    kind = schema.get("type")
    if "enum" in schema or schema.get("format") in ("uuid", "date-time"):
        return
    if kind == "string":
        assert "maxLength" in schema, f"{where}: strings need maxLength"
    elif kind in ("integer", "number"):
        assert "minimum" in schema and "maximum" in schema, f"{where}: numbers need minimum and maximum"
    elif kind == "array":
        assert "maxItems" in schema, f"{where}: arrays need maxItems"
    elif kind == "object":
        assert schema.get("additionalProperties") is False or "maxProperties" in schema, (
            f"{where}: objects are closed or bounded"
        )


def test_request_bodies_are_closed_and_secrets_write_only() -> None:
    for op in OPERATIONS:
        body = _body_schema(op)
        if body is not None:
            assert body.get("additionalProperties") is False, f"{op}: request bodies are closed"
    secret_create = SPEC["components"]["schemas"]["SecretCreate"]["properties"]["value"]
    assert secret_create["writeOnly"] is True
    assert "value" not in SPEC["components"]["schemas"]["Secret"]["properties"]
    assert "secret" not in SPEC["components"]["schemas"]["ApiKey"]["properties"]


# --- evidence markers ---------------------------------------------------------------------

EVIDENCE = {"seed", "docs", "sdk", "inferred"}


def test_evidence_markers_are_valid_and_inferences_say_what_to_verify() -> None:
    problems = []
    for where, node in walk(SPEC):
        if isinstance(node, dict) and "x-fastn-evidence" in node:
            if node["x-fastn-evidence"] not in EVIDENCE:
                problems.append(f"{where}: unknown evidence {node['x-fastn-evidence']!r}")
            if node["x-fastn-evidence"] == "inferred" and not node.get("x-fastn-verify"):
                problems.append(f"{where}: inferred without x-fastn-verify")
    assert not problems, problems


def test_seed_verify_points_are_carried_forward() -> None:
    schemes = SPEC["components"]["securitySchemes"]
    assert schemes["SpaceId"].get("x-fastn-verify") and schemes["TenantId"].get("x-fastn-verify")
    assert all(op.body.get("x-fastn-verify") for op in OPERATIONS), "every path is a seed VERIFY point"


def test_every_vendor_extension_is_documented() -> None:
    used = {key for _, node in walk(SPEC) if isinstance(node, dict) for key in node if str(key).startswith("x-")}
    readme = (ROOT / "openapi" / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^### `(x-[A-Za-z-]+)`", readme, flags=re.MULTILINE))
    assert used <= documented, f"undocumented extensions: {sorted(used - documented)}"
