"""Postman: the collection ``make postman`` builds has every operation and both required headers,
and Postman's own runner (newman) runs it against the mock with every answer as the spec says.

The collection is built from the working tree's spec by ``scripts/postman.py`` (the pinned
``openapi-to-postmanv2``, then the corrections it needs); the test serves a mock of the same
spec on a free loopback port, runs ``newman run`` with the mock's credentials, reads newman's JSON
report, and judges every exchange with ``fastn_contract`` (the judge of the contract suite): no
element contradicted, nothing the spec does not know (a status it does not list included).
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import fastn_spec
import postman
import pytest
from fastn_contract import report
from fastn_contract.exchanges import Exchange
from fastn_contract.observer import Observer
from fastn_mock._store import DEFAULT_API_KEY, DEFAULT_SPACE_ID

pytestmark = pytest.mark.slow  # Node: the converter and newman

ROOT = Path(__file__).resolve().parents[2]
NEWMAN = ROOT / "node_modules" / ".bin" / "newman"
DOCUMENT = fastn_spec.load(postman.SPEC)
OPERATIONS = {operation.id: operation for operation in fastn_spec.operations(DOCUMENT)}


@pytest.fixture(scope="module")
def collection() -> dict[str, Any]:
    if not postman.CONVERTER.exists():
        pytest.skip(f"no {postman.CONVERTER}: run `make node-tools`")
    return postman.build()


@pytest.fixture(scope="module")
def items(collection: dict[str, Any]) -> list[dict[str, Any]]:
    return list(postman.requests(collection["item"]))


def _operation_of(request: dict[str, Any]) -> str:
    template = "/" + "/".join("{" + s[1:] + "}" if s.startswith(":") else s for s in request["url"]["path"])
    return next(
        (op.id for op in OPERATIONS.values() if op.method.upper() == request["method"] and op.path == template), ""
    )


def test_every_operation_has_one_request(items: list[dict[str, Any]]) -> None:
    sent = sorted(_operation_of(item["request"]) for item in items)
    assert sent == sorted(OPERATIONS)


def test_every_request_sends_both_required_headers(items: list[dict[str, Any]], collection: dict[str, Any]) -> None:
    for item in items:
        headers = {h["key"].lower(): h["value"] for h in item["request"]["header"] if not h.get("disabled")}
        assert headers["x-fastn-api-key"] == "{{apiKey}}", item["name"]
        assert headers["x-fastn-space-id"] == "{{spaceId}}", item["name"]
    assert {v["key"] for v in collection["variable"]} == {"baseUrl", "apiKey", "spaceId"}


def test_bodies_are_the_specs_examples(items: list[dict[str, Any]]) -> None:
    with_bodies = 0
    for item in items:
        operation = OPERATIONS[_operation_of(item["request"])]
        body = fastn_spec.resolve(DOCUMENT, operation.body.get("requestBody") or {})
        media = (body.get("content") or {}).get("application/json")
        if media is None:
            assert "body" not in item["request"], item["name"]
            continue
        examples = [fastn_spec.resolve(DOCUMENT, e)["value"] for e in (media.get("examples") or {}).values()]
        assert json.loads(item["request"]["body"]["raw"]) == examples[0], item["name"]
        with_bodies += 1
    assert with_bodies > 0


def test_the_converter_alone_still_drops_the_space_id() -> None:
    """Why the collection is corrected: if this fails, the converter learnt combined requirements."""
    if not postman.CONVERTER.exists():
        pytest.skip(f"no {postman.CONVERTER}: run `make node-tools`")
    converted = postman.convert()
    assert converted["auth"]["type"] == "apikey"
    assert {"key": "key", "value": "x-fastn-api-key", "type": "any"} in converted["auth"]["apikey"]
    sent = {
        header["key"].lower()
        for item in postman.requests(converted["item"])
        for header in item["request"].get("header", [])
    }
    assert "x-fastn-space-id" not in sent
    assert "x-fastn-space-id" not in json.dumps(converted["auth"])


def _exchange(execution: dict[str, Any]) -> Exchange:
    """One exchange of newman's JSON report, as the contract judge reads it."""
    request, response = execution["request"], execution["response"]
    url = request["url"]
    return Exchange.build(
        method=request["method"],
        path="/" + "/".join(url["path"]),
        query=[(q["key"], q.get("value") or "") for q in url.get("query", []) if not q.get("disabled")],
        request_headers=[(h["key"], h["value"]) for h in request.get("header", []) if not h.get("disabled")],
        request_body=(request.get("body") or {}).get("raw"),
        status=response["code"],
        response_headers=[(h["key"], h["value"]) for h in response.get("header", [])],
        response_body=bytes(response["stream"]["data"]),
        source="newman",
    )


def test_newman_runs_the_collection_against_the_mock(
    collection: dict[str, Any], served_mock: tuple[str, dict[str, str]], tmp_path: Path
) -> None:
    mock_url = served_mock[0]
    if not NEWMAN.exists():
        pytest.skip(f"no {NEWMAN}: run `make node-tools`")
    path, result = tmp_path / "fastn.postman_collection.json", tmp_path / "newman.json"
    path.write_text(json.dumps(collection))
    run = subprocess.run(
        [
            str(NEWMAN),
            "run",
            str(path),
            *("--env-var", f"baseUrl={mock_url}"),
            *("--env-var", f"apiKey={DEFAULT_API_KEY}"),
            *("--env-var", f"spaceId={DEFAULT_SPACE_ID}"),
            *("--reporters", "json", "--reporter-json-export", str(result)),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-4000:]
    executions = json.loads(result.read_text())["run"]["executions"]
    observer = Observer(DOCUMENT)
    findings = []
    sent = set()
    for execution in executions:
        assert "response" in execution, f"{execution['item']['name']}: no answer ({execution.get('requestError')})"
        exchange = _exchange(execution)
        operation = observer.operation_of(exchange.method, exchange.path)
        sent.add(operation)
        assert operation, f"{exchange.method} {exchange.path}: no operation of the spec"
        sent_headers = {h["key"].lower(): h["value"] for h in execution["request"]["header"] if not h.get("disabled")}
        assert sent_headers.get("x-fastn-space-id") == DEFAULT_SPACE_ID, f"{operation}: no x-fastn-space-id sent"
        assert sent_headers.get("x-fastn-api-key") == DEFAULT_API_KEY, f"{operation}: no x-fastn-api-key sent"
        # The converter's own collection is refused on every request (no x-fastn-space-id): this one is not.
        assert exchange.status not in (401, 403), f"{operation}: refused ({exchange.status})"
        documented = OPERATIONS[operation].body["responses"]
        assert str(exchange.status) in documented or "default" in documented, f"{operation} answered {exchange.status}"
        findings += [
            f"{operation} {exchange.status}: {f.verdict} {f.where} {f.observation.message}"
            for f in observer.observe(exchange)
        ]
    assert sent == set(OPERATIONS)
    assert observer.unmatched == 0
    assert not findings, "\n".join(findings)
    summary = report.build(observer)["summary"]
    assert (summary["contradicted"], summary["unknown"]) == (0, 0)
