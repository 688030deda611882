"""The proxy as users run it (``python -m fastn_contract proxy``), over sockets, beside Prism's proxy.

* The same requests go through our proxy and through Prism's (``prism proxy``, pinned in
  package.json) in front of one deviating mock; for every request (joined by its ``X-Request-Id``),
  the violations Prism puts in its ``sl-violations`` header are the contradictions our proxy logs,
  place for place (a body path, a header, the status). What only ours reports is what the spec
  does not know (an unlisted enum value): valid by the spec, so no violation for Prism.
* The generated client works through our proxy unchanged, and stopping the proxy writes the
  report, which validates against its schema.
* Recorded from a conforming mock, the fixtures pass the evidence tests as they are.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from fastn_client import Fastn, FastnError
from fastn_contract import report
from fastn_mock import DEFAULT_API_KEY, DEFAULT_SPACE_ID, MockConfig, create_app
from jsonschema import Draft202012Validator

pytestmark = pytest.mark.slow  # serves the mock, runs our proxy and Prism's (Node) as processes

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "openapi" / "fastn.yaml"
PRISM = ROOT / "node_modules" / ".bin" / "prism"
HEADERS = {"x-fastn-api-key": DEFAULT_API_KEY, "x-fastn-space-id": DEFAULT_SPACE_ID}
DEVIATIONS = frozenset({"missing-field", "no-rate-limit-headers", "undocumented-status", "unlisted-enum"})
START_TIMEOUT = 60.0
# One finding line of our proxy's log (fastn_contract.proxy): verdict, kind, name, where, ..., request id.
FINDING = re.compile(r"^fastn_contract\.proxy: (\w+) (.+?) at (\S+): .* \[\w+ \S+ -> \d+, (req_\w+)\]$")


@contextmanager
def mock(deviations: frozenset[str]) -> Iterator[str]:
    """The mock over HTTP (uvicorn in a thread, a free port); yields its base URL."""
    app = create_app(MockConfig(spec_path=SPEC, rate_limit=0, deviations=deviations))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + START_TIMEOUT
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the mock did not start"
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{server.servers[0].sockets[0].getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextmanager
def process(command: list[str], ready: str, log: Path) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """Run a server on a free port (``{port}`` in ``command``) until ``ready`` answers; yield its URL."""
    # The port stays bound here (never listening) until the server has bound it too (SO_REUSEADDR on both).
    with socket.socket() as placeholder:
        placeholder.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        placeholder.bind(("127.0.0.1", 0))
        port = placeholder.getsockname()[1]
        url = f"http://127.0.0.1:{port}"
        with log.open("wb") as out:
            child = subprocess.Popen(
                [part.format(port=port) for part in command], cwd=ROOT, stdout=out, stderr=subprocess.STDOUT
            )
        try:
            deadline = time.monotonic() + START_TIMEOUT
            while True:
                try:
                    httpx.get(url + ready, headers=HEADERS, timeout=5)
                    break
                except httpx.HTTPError:
                    assert child.poll() is None, log.read_text(errors="replace")[-3000:]
                    assert time.monotonic() < deadline, f"{command[0]} did not start"
                    time.sleep(0.1)
            yield url, child
        finally:
            if child.poll() is None:
                child.send_signal(signal.SIGINT)
                try:
                    child.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    child.kill()
                    child.wait()


def ours(upstream: str, tmp_path: Path, *extra: str) -> Any:
    command = [sys.executable, "-m", "fastn_contract", "proxy", "--upstream", upstream, "--port", "{port}"]
    return process([*command, "--out", str(tmp_path / "reports"), *extra], "/_proxy/report", tmp_path / "ours.log")


def scenario(base_url: str) -> dict[str, set[str]]:
    """The same requests through either proxy; request id -> Prism's violations (none through ours).

    Prism's violations are given as where they are: ``body/<path>``, ``header/<name>``, ``status``.
    """
    found: dict[str, set[str]] = {}
    with httpx.Client(base_url=base_url, headers=HEADERS, timeout=30) as client:
        for method, path, body in (
            ("POST", "/api/v1/workflows", {"name": "Sync", "slug": "sync"}),
            ("GET", "/api/v1/workflows", None),
            ("GET", "/api/v1/billing", None),
            ("GET", "/api/v1/customers", None),
            ("GET", "/api/v1/workflows/no-such-flow", None),
        ):
            response = client.request(method, path, json=body)
            places: set[str] = set()
            for violation in json.loads(response.headers.get("sl-violations", "[]")):
                location = violation["location"][1:]  # after "response"
                missing = re.search(r"must have required property '([^']+)'", violation["message"])
                if not location:
                    places.add("status")
                elif location[0] == "header":
                    places.add(f"header/{missing.group(1) if missing else ''}".lower())
                else:
                    places.add("/".join(["body", *location[1:], *([missing.group(1)] if missing else [])]))
            found[response.headers["x-request-id"]] = places
    return found


@pytest.mark.skipif(not PRISM.exists(), reason="Prism is not installed (make node-tools)")
def test_our_proxy_finds_what_prisms_proxy_finds(tmp_path: Path) -> None:
    with mock(DEVIATIONS) as upstream:
        with ours(upstream, tmp_path) as (url, child):
            ids = list(scenario(url))
        log = (tmp_path / "ours.log").read_text(encoding="utf-8")
        httpx.post(upstream + "/_mock/reset").raise_for_status()  # the same state, so the same answers
        with process(
            [str(PRISM), "proxy", str(SPEC), upstream, "--port", "{port}", "--errors=false"],
            "/api/v1/billing",
            tmp_path / "prism.log",
        ) as (prism_url, _):
            theirs = scenario(prism_url)
    assert child.returncode == 0
    mine: dict[str, set[str]] = {request: set() for request in ids}
    unknown: set[str] = set()
    for line in log.splitlines():
        match = FINDING.match(line)
        if match:
            verdict, kind, where, request = match.groups()
            if verdict == "contradicted" or kind.startswith("status"):
                mine[request].add(where.lower() if where.startswith("header/") else where)
            else:
                unknown.add(f"{kind} {where}")
    assert sorted(mine.values(), key=sorted) == sorted(theirs.values(), key=sorted), (mine, theirs)
    assert any("body/createdAt" in places for places in mine.values())  # the comparison compared something
    assert any("status" in places for places in mine.values())
    # Valid by the spec, and new: ours only.
    assert unknown == {"enum value WorkflowStatus body/status", "enum value WorkflowStatus body/data/0/status"}
    built = json.loads((tmp_path / "reports" / "evidence.json").read_text(encoding="utf-8"))
    assert not list(Draft202012Validator(report.schema()).iter_errors(built))
    assert built["exchanges"]["total"] == 5 and built["summary"]["contradicted"] == 4


def test_recordings_of_a_conforming_server_pass_the_evidence_tests(tmp_path: Path) -> None:
    recorded = tmp_path / "recorded"
    with mock(frozenset()) as upstream, ours(upstream, tmp_path, "--record", str(recorded)) as (url, _):
        client = Fastn(api_key=DEFAULT_API_KEY, space_id=DEFAULT_SPACE_ID, base_url=url, max_retries=0)
        customer = client.customers.create(name="Acme", slug="acme", admin_email="ops@acme.example")
        client.customers.get(customer.id)
        client.workflows.create(name="Sync", slug="sync", execution_tier="standard")
        assert [w.slug for w in client.workflows.list()] == ["sync"]
        client.secrets.create(name="WAREHOUSE_PASSWORD", value="correct-horse-battery-staple-0042")
        client.billing.get()
        with pytest.raises(FastnError):
            client.workflows.get("no-such-flow")
        client.close()
    files = sorted(recorded.glob("*.json"))
    assert len(files) == 7
    text = "\n".join(f.read_text(encoding="utf-8") for f in files)
    assert (
        DEFAULT_API_KEY not in text and "correct-horse-battery-staple-0042" not in text and str(customer.id) not in text
    )
    env = {**os.environ, "FASTN_EVIDENCE_FIXTURES": str(recorded)}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "tests/evidence/test_evidence_fixtures.py", "-q", "-p", "no:cacheprovider"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout[-4000:]
    assert "22 passed" in run.stdout  # 7 fixtures x 3 tests, and the folder is not empty
