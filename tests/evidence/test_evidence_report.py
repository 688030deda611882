"""The evidence report names exactly what a server contradicts: the mock's deviating modes prove it.

Each test drives the same short scenario (a create, reads of what it made, lists, billing, an
error, the ``Idempotency-Key`` probe) against the mock in-process, once conforming and once per
deviation of `fastn_mock.DEVIATIONS`, judges every exchange with `fastn_contract.observer.Observer`
and builds the report. A conforming mock must give a report with nothing contradicted and
nothing unknown; each deviation must give a report that names the elements it contradicts, and
nothing else. Every report validates against ``report.schema.json``.
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import fastn_spec
import pytest
from fastn_contract import report
from fastn_contract.exchanges import REDACTED, Exchange, ExchangeLog, from_httpx
from fastn_contract.observer import Observer
from fastn_contract.probes import probe_idempotency
from fastn_mock import DEFAULT_API_KEY, DEFAULT_SPACE_ID, DEVIATIONS, MockConfig, create_app
from jsonschema import Draft202012Validator
from starlette.exceptions import StarletteDeprecationWarning

with warnings.catch_warnings():
    # Starlette 1.x nudges towards `httpx2`; the pinned httpx 0.28 is what this project uses.
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from starlette.testclient import TestClient

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "openapi" / "fastn.yaml"
DOCUMENT = fastn_spec.load(SPEC)
EXAMPLES = DOCUMENT["components"]["examples"]
SCHEMAS = "#/components/schemas/"
CREDENTIALS = {"x-fastn-api-key": DEFAULT_API_KEY, "x-fastn-space-id": DEFAULT_SPACE_ID}
# The top-level schemas of the scenario's 2xx answers (an envelope hides all of their fields).
ANSWERS = ("Workflow", "WorkflowList", "CustomerList", "Billing", "Secret")


def scenario(deviations: frozenset[str] = frozenset()) -> tuple[Observer, dict[str, Any]]:
    """Run the scenario against a mock with ``deviations``; return the observer and the report."""
    app = create_app(MockConfig(spec_path=SPEC, rate_limit=0, deviations=deviations))
    observer = Observer(DOCUMENT)
    with TestClient(app, base_url="http://mock", headers=CREDENTIALS) as client:

        def send(method: str, path: str, **kwargs: Any) -> Any:
            response = client.request(method, path, **kwargs)
            observer.observe(from_httpx(response, source="test"))
            try:
                return response.json()
            except ValueError:
                return None

        created = send("POST", "/api/v1/workflows", json=EXAMPLES["WorkflowCreate"]["value"])
        workflow = created.get("id") or (created.get("body") or {}).get("id") or "sync_orders"
        send("GET", f"/api/v1/workflows/{workflow}")
        send("GET", "/api/v1/workflows", params={"limit": 5})
        send("GET", "/api/v1/customers")
        send("GET", "/api/v1/billing")
        send("GET", "/api/v1/workflows/no-such-flow")
        probe_idempotency(client, observer)
    return observer, report.build(observer, target="http://mock", spec=str(SPEC))


def named(built: dict[str, Any]) -> set[tuple[str, str, str]]:
    """(verdict, kind, name) of everything the report says the spec did not predict."""
    return {("contradicted", e["kind"], e["name"]) for e in built["contradicted"]} | {
        ("unknown", e["kind"], f"{e['name']}={e['value']}") for e in built["unknown"]
    }


def declared_fields(schema: Any) -> set[str]:
    """The fields an object schema declares, its ``allOf`` branches included."""
    schema = fastn_spec.resolve(DOCUMENT, schema)
    return set(schema.get("properties", {})).union(*(declared_fields(sub) for sub in schema.get("allOf", [])))


def snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    return Draft202012Validator(report.schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


@pytest.fixture(scope="module")
def conforming() -> dict[str, Any]:
    return scenario()[1]


def test_a_conforming_server_contradicts_nothing(conforming: dict[str, Any], validator: Draft202012Validator) -> None:
    assert not list(validator.iter_errors(conforming))
    assert named(conforming) == set()
    assert conforming["probes"] == [
        {
            "name": "idempotency",
            "element": "#/components/parameters/IdempotencyKey",
            "verdict": "honoured",
            "detail": conforming["probes"][0]["detail"],
            "requestIds": conforming["probes"][0]["requestIds"],
        }
    ]
    confirmed = {e["name"] for e in conforming["confirmed"]}
    assert {"Workflow.createdAt", "X-RateLimit-Limit", "ApiKeyAuth (x-fastn-api-key)", "getBilling 200"} <= confirmed
    assert "WorkflowStatus = active" in confirmed  # the listed value the mock sent
    assert "header Idempotency-Key" in confirmed


def test_every_element_is_in_exactly_one_list(conforming: dict[str, Any]) -> None:
    lists = [conforming[state] for state in ("contradicted", "confirmed", "unexercised")]
    pointers = [entry["pointer"] for entries in lists for entry in entries]
    assert len(pointers) == len(set(pointers)) == conforming["summary"]["elements"]
    assert set(pointers) == set(Observer(DOCUMENT).index.elements)


def test_the_report_puts_the_news_first_and_validates(validator: Draft202012Validator) -> None:
    _, built = scenario(frozenset({"missing-field", "unlisted-enum"}))
    assert not list(validator.iter_errors(built))
    keys = list(built)
    assert keys.index("contradicted") < keys.index("unknown") < keys.index("confirmed") < keys.index("unexercised")
    (entry,) = built["contradicted"]
    assert entry["pointer"] == SCHEMAS + "Workflow/properties/createdAt"
    assert entry["evidence"] == "inferred" and entry["verify"]
    observation = entry["observations"][0]
    assert observation["observed"] == "absent" and observation["requestId"].startswith("req_")
    markdown = report.markdown(built)
    assert markdown.index("## Contradicted") < markdown.index("## Not in the spec") < markdown.index("## Coverage")
    assert "`Workflow.createdAt`" in markdown and "mock-unlisted" in markdown


EXACT = {
    "bearer-key": {("contradicted", "security scheme", "ApiKeyAuth (x-fastn-api-key)")},
    "unlisted-enum": {("unknown", "enum value", "WorkflowStatus=mock-unlisted")},
    "missing-field": {("contradicted", "field", "Workflow.createdAt")},
    "undocumented-status": {("unknown", "status", "getBilling 203=203")},
    "no-rate-limit-headers": {
        ("contradicted", "header", "X-RateLimit-Limit"),
        ("contradicted", "header", "X-RateLimit-Remaining"),
        ("contradicted", "header", "X-RateLimit-Reset"),
    },
    "no-idempotency": {("contradicted", "parameter", "header Idempotency-Key")},
}


def test_every_deviation_has_a_test() -> None:
    assert set(DEVIATIONS) == {*EXACT, "snake-case", "envelope"}


@pytest.mark.parametrize("deviation", sorted(EXACT))
def test_a_deviation_is_named_exactly(deviation: str) -> None:
    _, built = scenario(frozenset({deviation}))
    assert named(built) == EXACT[deviation]  # (the report's form is checked above and in the served runs)


def test_snake_case_fields_are_named_field_by_field() -> None:
    observer, built = scenario(frozenset({"snake-case"}))
    assert_snake_case(built)
    assert SCHEMAS + "Workflow/properties/createdAt" in {e["pointer"] for e in built["contradicted"]}
    assert observer.tallies[SCHEMAS + "Workflow/properties/id"].confirmed  # no capital: unchanged, confirmed


def assert_snake_case(built: dict[str, Any]) -> None:
    """Everything named is a camelCase field found absent, or its snake_case twin found undeclared."""
    assert built["contradicted"] and built["unknown"]
    contradicted = {e["pointer"] for e in built["contradicted"]}
    unknown = {(e["where"], e["value"]) for e in built["unknown"]}
    assert all(e["kind"] == "field" for e in [*built["contradicted"], *built["unknown"]])
    # Every contradiction: a camelCase required field, absent; every unknown: its snake_case twin, where it belongs.
    for pointer in contradicted:
        name = pointer.rsplit("/", 1)[-1]
        assert name != snake(name), f"{pointer} has no capital: snake-case cannot have changed it"
        assert {o["observed"] for e in built["contradicted"] if e["pointer"] == pointer for o in e["observations"]} == {
            "absent"
        }
        assert (pointer.rsplit("/properties/", 1)[0], snake(name)) in unknown
    for where, value in unknown:
        declared = declared_fields(fastn_spec.lookup(DOCUMENT, where))
        assert any(snake(name) == value != name for name in declared), f"{value} at {where} is no renamed field"


def test_an_envelope_hides_the_top_level_fields_only() -> None:
    _, built = scenario(frozenset({"envelope"}))
    assert {(e["kind"], e["name"], e["value"]) for e in built["unknown"]} == {
        ("field", f"{name}.body", "body") for name in ANSWERS
    }
    assert_envelope(built)
    required = fastn_spec.lookup(DOCUMENT, SCHEMAS + "Workflow")["required"]
    assert {e["name"] for e in built["contradicted"]} >= {f"Workflow.{name}" for name in required}


def assert_envelope(built: dict[str, Any]) -> None:
    """Everything named is a top-level field of a 2xx answer, found absent, or the envelope's `body`."""
    assert built["contradicted"] and built["unknown"]
    assert {(e["kind"], e["value"]) for e in built["unknown"]} == {("field", "body")}
    for entry in built["unknown"]:
        assert all(o["at"] == "body/body" for o in entry["observations"]), entry
    for entry in built["contradicted"]:
        assert entry["kind"] == "field" and "/" not in entry["pointer"].partition("/properties/")[2], entry["pointer"]
        for observation in entry["observations"]:
            assert observation["observed"] == "absent" and observation["at"].count("/") == 1, observation


def test_deviations_combine_and_each_is_still_named() -> None:
    _, built = scenario(frozenset({"missing-field", "undocumented-status", "no-rate-limit-headers"}))
    assert named(built) == EXACT["missing-field"] | EXACT["undocumented-status"] | EXACT["no-rate-limit-headers"]


# --------------------------------------------------------------------------- exchanges


def exchanges_of_a_run() -> Iterator[Exchange]:
    app = create_app(MockConfig(spec_path=SPEC, rate_limit=0))
    headers = {**CREDENTIALS, "x-fastn-space-tenantid": "acme", "Authorization": "Bearer eyJ.secret.jwt"}
    with TestClient(app, base_url="http://mock", headers=headers) as client:
        yield from_httpx(client.get("/api/v1/workflows"))
        yield from_httpx(client.post("/api/v1/secrets", json=EXAMPLES["SecretCreate"]["value"]))


def test_an_exchange_keeps_that_a_credential_was_sent_never_its_value(tmp_path: Path) -> None:
    log = ExchangeLog(tmp_path / "run.jsonl")
    for exchange in exchanges_of_a_run():
        log.append(exchange)
        assert exchange.request_header("x-fastn-api-key") == REDACTED
        assert exchange.request_header("authorization") == REDACTED
        assert exchange.request_header("x-fastn-space-tenantid") == REDACTED
        assert exchange.request_header("x-fastn-space-id") == DEFAULT_SPACE_ID  # not a credential
    text = (tmp_path / "run.jsonl").read_text(encoding="utf-8")
    secret_value = EXAMPLES["SecretCreate"]["value"]["value"]
    for secret in (DEFAULT_API_KEY, "eyJ.secret.jwt", '"acme"', secret_value):
        assert secret not in text
    again = list(log)
    assert [e.status for e in again] == [403, 403]  # "acme" names no customer: refused, which is all this needs
    assert again[1].request_body is None  # a request body may hold a secret value: never written
    assert json.loads(text.splitlines()[0])["method"] == "GET"


def test_the_report_command_judges_a_recorded_run_and_fails_on_news(tmp_path: Path) -> None:
    from fastn_contract.__main__ import main

    log = ExchangeLog(tmp_path / "run.jsonl")
    app = create_app(MockConfig(spec_path=SPEC, rate_limit=0, deviations=frozenset({"missing-field"})))
    with TestClient(app, base_url="http://mock", headers=CREDENTIALS) as client:
        log.append(from_httpx(client.post("/api/v1/workflows", json=EXAMPLES["WorkflowCreate"]["value"])))
        log.append(from_httpx(client.get("/api/v1/customers")))
    status = main(["report", "--exchanges", str(log.path), "--target", "http://mock", "--out", str(tmp_path / "r")])
    assert status == 1
    built = json.loads((tmp_path / "r" / "evidence.json").read_text(encoding="utf-8"))
    assert named(built) == EXACT["missing-field"] and built["exchanges"]["total"] == 2
    assert (tmp_path / "r" / "evidence.md").read_text(encoding="utf-8").startswith("# Evidence report")


def test_a_key_as_a_bearer_token_is_accepted_and_a_raw_token_is_custom_auth_s_only_with_the_flag() -> None:
    """The spec documents the key as a bearer token too, and the mock accepts it; the raw-token scheme
    that shares the header (`CustomAuthToken`) is judged only on requests with `x-fastn-custom-auth: true`,
    and a 401 to one (the mock does not model custom auth) is exercised, never a contradiction."""
    app = create_app(MockConfig(spec_path=SPEC, rate_limit=0))
    observer = Observer(DOCUMENT)
    bearer = {"Authorization": f"Bearer {DEFAULT_API_KEY}", "x-fastn-space-id": DEFAULT_SPACE_ID}
    raw = {"Authorization": "caller-token", "x-fastn-custom-auth": "true", "x-fastn-space-id": DEFAULT_SPACE_ID}
    with TestClient(app, base_url="http://mock") as client:
        answered = client.get("/api/v1/customers", headers=bearer)
        observer.observe(from_httpx(answered, source="test"))
        confirmed = {e["name"] for e in report.build(observer, target="http://mock", spec=str(SPEC))["confirmed"]}
        assert answered.status_code == 200
        assert "CustomAuthToken (Authorization)" not in confirmed  # a bearer key is not a custom-auth token
        refused = client.get("/api/v1/customers", headers=raw)
        observer.observe(from_httpx(refused, source="test"))
    assert refused.status_code == 401
    built = report.build(observer, target="http://mock", spec=str(SPEC))
    assert "CustomAuthToken (Authorization)" not in {e["name"] for e in built["confirmed"]}
    assert named(built) == set()
