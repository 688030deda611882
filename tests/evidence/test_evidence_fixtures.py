"""Responses shaped the way Fastn's public docs and SDK show them, through the client and the mock.

Each file in ``fixtures/`` is one response, written from public evidence (see README.md). Two
tests run per fixture:

* the generated client, over ``httpx.MockTransport``, must send the fixture's request and turn
  the response into what ``expect`` says: a model with given attribute values, the JSON as sent,
  or a typed exception with a given ``code``/``message``;
* the mock's response validation (the compiled ``openapi/fastn.yaml``) must accept the body, and
  any header the fixture declares, for the fixture's operation and status.

A failure here is a gap between the evidence and the spec, the mock or the client, unless the
fixture itself is wrong (``test_fixture_is_well_formed`` catches the structural mistakes).
"""

from __future__ import annotations

import importlib
import inspect
import json
import os
import re
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import fastn_client
import fastn_client.api
import httpx
import pytest
from fastn_client import AuthenticatedClient, ClientOptions
from fastn_mock._schema import make_validator, schema_types
from fastn_mock._spec import Operation, Spec

ROOT = Path(__file__).resolve().parents[2]
SPEC_PATH = ROOT / "openapi" / "fastn.yaml"
OWN_FIXTURES = Path(__file__).resolve().parent / "fixtures"
# FASTN_EVIDENCE_FIXTURES=<folder> checks other fixtures the same way (the proxy's recordings, before review).
FIXTURES = Path(os.environ.get("FASTN_EVIDENCE_FIXTURES") or OWN_FIXTURES)
FIXTURE_FILES = sorted(FIXTURES.glob("*.json"))
BASE_URL = "https://live.fastn.ai"
TOKEN = "fsk_test_evidence"
# No retries and no pacing: one request per call, answered at once.
QUIET = ClientOptions(max_retries=0, pacing=False)
KNOWN_REPOS = frozenset({"fastn-ai/docs", "fastnai/fastn-sdk"})
EXPECT_KEYS = frozenset({"type", "attrs", "returns_json", "raises", "code", "message", "body"})


@dataclass(frozen=True)
class Fixture:
    """One evidence fixture file, parsed."""

    name: str
    source: list[dict[str, str]]
    operation: str
    method: str
    path: str
    request_body: Any
    status: int
    headers: dict[str, str]
    body: Any
    filled: list[str]
    expect: dict[str, Any]
    redacted: list[str]
    """Places a recording replaced (secrets, tenant ids): ``request.path``, ``request.body.<field>``, body paths."""

    @classmethod
    def load(cls, file: Path) -> Fixture:
        raw = json.loads(file.read_text(encoding="utf-8"))
        request = raw["request"]
        return cls(
            name=file.stem,
            source=raw["source"],
            operation=raw["operation"],
            method=request["method"].upper(),
            path=request["path"],
            request_body=request.get("body"),
            status=raw["status"],
            headers=raw.get("headers", {}),
            body=raw["body"],
            filled=raw["filled"],
            expect=raw["expect"],
            redacted=raw.get("redacted", []),
        )


@pytest.fixture(scope="module")
def spec() -> Spec:
    return Spec.load(SPEC_PATH)


def fixture_params() -> list[Any]:
    return [pytest.param(Fixture.load(file), id=file.stem) for file in FIXTURE_FILES]


# ----------------------------------------------------------------------------------------------
# Helpers


def snake(name: str) -> str:
    """``workflowId`` -> ``workflow_id``, ``listWorkflows`` -> ``list_workflows``."""
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()


def operation_module(operation_id: str) -> types.ModuleType:
    """The generated ``fastn_client.api.<tag>.<operation>`` module of an operationId."""
    module_name = snake(operation_id)
    found = []
    for tag in sorted(p.name for p in Path(fastn_client.api.__path__[0]).iterdir() if p.is_dir()):
        if (Path(fastn_client.api.__path__[0]) / tag / f"{module_name}.py").is_file():
            found.append(importlib.import_module(f"fastn_client.api.{tag}.{module_name}"))
    assert len(found) == 1, f"expected one generated module {module_name}.py under fastn_client.api, found {found}"
    return found[0]


def spec_operation(spec: Spec, fixture: Fixture) -> tuple[Operation, dict[str, str]]:
    """The spec's operation for the fixture, checked against its request, and the path parameters."""
    operation = spec.operations.get(fixture.operation)
    assert operation is not None, f"openapi/fastn.yaml has no operation {fixture.operation}"
    matched = spec.match(fixture.path)
    assert matched is not None, f"no path of openapi/fastn.yaml matches {fixture.path}"
    route, path_params = matched
    routed = route.operations.get(fixture.method)
    assert routed is operation, (
        f"{fixture.method} {fixture.path} is {routed.operation_id if routed else 'no operation'} "
        f"in openapi/fastn.yaml, not {fixture.operation}"
    )
    return operation, path_params


def body_class(parameter: inspect.Parameter) -> Any:
    """The model class of a generated ``body`` parameter (``Model`` or ``Model | Unset``)."""
    candidates = [parameter.annotation, *typing.get_args(parameter.annotation)]
    for candidate in candidates:
        if inspect.isclass(candidate) and hasattr(candidate, "from_dict"):
            return candidate
    raise AssertionError(f"cannot build a request body of type {parameter.annotation!r}")


def resolve(value: Any, dotted: str) -> Any:
    """Follow ``data.0.status``-style paths through models (attributes), dicts (keys) and lists."""
    for part in dotted.split("."):
        if isinstance(value, list | tuple):
            value = value[int(part)]
        elif isinstance(value, Mapping):
            value = value[part]
        else:
            value = getattr(value, part)
    return value


def body_paths(body: Any, dotted: str) -> Iterator[tuple[str, bool]]:
    """Each concrete path a ``filled`` entry names (``*`` is every list element), and whether it exists."""

    def walk(node: Any, parts: list[str], done: list[str]) -> Iterator[tuple[str, bool]]:
        if not parts:
            yield ".".join(done), True
            return
        head, rest = parts[0], parts[1:]
        if head == "*":
            if not isinstance(node, list) or not node:
                yield ".".join([*done, head]), False
                return
            for index, item in enumerate(node):
                yield from walk(item, rest, [*done, str(index)])
        elif isinstance(node, list):
            if head.isdigit() and int(head) < len(node):
                yield from walk(node[int(head)], rest, [*done, head])
            else:
                yield ".".join([*done, head]), False
        elif isinstance(node, dict) and head in node:
            yield from walk(node[head], rest, [*done, head])
        else:
            yield ".".join([*done, head]), False

    yield from walk(body, dotted.split("."), [])


def header_value(raw: str, schema: Any) -> Any:
    """A header's text as the JSON value its schema describes (headers are strings on the wire)."""
    kinds = schema_types(schema)
    if "integer" in kinds and re.fullmatch(r"-?\d+", raw):
        return int(raw)
    if "number" in kinds:
        try:
            return float(raw)
        except ValueError:
            return raw
    return raw


# ----------------------------------------------------------------------------------------------
# Tests


def test_there_are_fixtures() -> None:
    assert FIXTURE_FILES, f"no fixture in {FIXTURES}"
    if FIXTURES == OWN_FIXTURES:
        assert len(FIXTURE_FILES) >= 15, "the evidence folder should hold at least 15 fixtures"


@pytest.mark.parametrize("fixture", fixture_params())
def test_fixture_is_well_formed(fixture: Fixture, spec: Spec) -> None:
    """Every fixture names its evidence, its `filled` fields exist, and its request is the operation's."""
    assert fixture.source, "a fixture names at least one source"
    for entry in fixture.source:
        if "recorded" in entry:  # traffic recorded by the fastn-contract proxy: the host, and the day
            assert entry["recorded"] and re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry.get("date", "")), entry
        else:
            assert entry.get("repo") and entry.get("path"), f"source without repo and path: {entry}"
            assert entry["repo"] in KNOWN_REPOS, f"unexpected evidence repository {entry['repo']}"
        assert entry.get("shows"), f"source {entry} does not say what it shows"
    for place in fixture.redacted:
        if place == "request.path":
            continue
        if place.startswith("request.body."):
            assert place.removeprefix("request.body.") in (fixture.request_body or {}), f"redacted {place} is not sent"
        else:
            assert all(exists for _, exists in body_paths(fixture.body, place)), f"redacted {place} is not in the body"
    for dotted in fixture.filled:
        for concrete, exists in body_paths(fixture.body, dotted):
            assert exists, f"filled field {dotted} is not in the body (missing at {concrete})"
    unknown = set(fixture.expect) - EXPECT_KEYS
    assert not unknown, f"unknown expect keys {sorted(unknown)}"
    assert ("raises" in fixture.expect) == (fixture.status >= 400), "an error status expects `raises`, else not"
    if "raises" not in fixture.expect:
        assert ("type" in fixture.expect) != bool(fixture.expect.get("returns_json")), (
            "a success expects either `type` or `returns_json`"
        )
    spec_operation(spec, fixture)


@pytest.mark.parametrize("fixture", fixture_params())
def test_generated_client_handles_the_response(fixture: Fixture, spec: Spec) -> None:
    """The generated operation sends the fixture's request and yields what `expect` says."""
    _, path_params = spec_operation(spec, fixture)
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(fixture.status, json=fixture.body, headers=fixture.headers)

    client = AuthenticatedClient(
        base_url=BASE_URL, token=TOKEN, options=QUIET, httpx_args={"transport": httpx.MockTransport(answer)}
    )
    sync: Callable[..., Any] = operation_module(fixture.operation).sync
    parameters = inspect.signature(sync).parameters
    kwargs: dict[str, Any] = {"client": client}
    for name, value in path_params.items():
        argument = snake(name)
        assert argument in parameters, f"{fixture.operation}.sync() has no argument {argument} for {{{name}}}"
        kwargs[argument] = value
    if "body" in parameters:
        assert fixture.request_body is not None, f"{fixture.operation} takes a body: give request.body"
        kwargs["body"] = body_class(parameters["body"]).from_dict(fixture.request_body)

    expect = fixture.expect
    if "raises" in expect:
        error_class = getattr(fastn_client, expect["raises"])
        with pytest.raises(error_class) as caught:
            sync(**kwargs)
        error = caught.value
        if "code" in expect:
            assert error.code == expect["code"], f"code {error.code!r}, expected {expect['code']!r}"
        if "message" in expect:
            assert error.message == expect["message"]
        for key, value in expect.get("body", {}).items():
            assert isinstance(error.body, dict) and error.body.get(key) == value, f"error body lacks {key}={value!r}"
    else:
        result = sync(**kwargs)
        if expect.get("returns_json"):
            assert result == fixture.body, f"returned {result!r}, not the JSON as sent"
        if "type" in expect:
            assert type(result).__name__ == expect["type"], f"returned {type(result).__name__}: {result!r}"
        for dotted, value in expect.get("attrs", {}).items():
            actual = resolve(result, dotted)
            assert actual == value, f"{dotted} is {actual!r}, expected {value!r}"

    assert len(seen) == 1, f"expected one request, the client sent {len(seen)}"
    (request,) = seen
    assert (request.method, request.url.path) == (fixture.method, fixture.path)
    if fixture.request_body is not None:
        assert json.loads(request.content) == fixture.request_body


@pytest.mark.parametrize("fixture", fixture_params())
def test_mock_response_validation_accepts_the_response(fixture: Fixture, spec: Spec) -> None:
    """The mock's compiled spec documents the status, and the body and declared headers validate."""
    operation, _ = spec_operation(spec, fixture)
    response = operation.response_for(fixture.status)
    assert response is not None, (
        f"{fixture.operation} does not document status {fixture.status} "
        f"(documented: {', '.join(sorted(operation.responses))})"
    )
    if response.validator is None:
        assert fixture.body is None, f"{fixture.operation} {fixture.status} documents no body"
    else:
        problems = [
            f"{'/'.join(str(p) for p in error.absolute_path) or '(body)'}: {error.message[:300]}"
            for error in response.validator.iter_errors(fixture.body)
        ]
        assert not problems, f"{fixture.operation} {fixture.status} body breaks the spec:\n" + "\n".join(problems)
    declared = {name.lower(): schema for name, (_, schema) in response.headers.items()}
    for name, raw in fixture.headers.items():
        schema = declared.get(name.lower())
        if schema is None:
            continue
        errors = [e.message for e in make_validator(schema).iter_errors(header_value(raw, schema))]
        assert not errors, f"header {name}: {raw!r} breaks the spec: {errors}"
