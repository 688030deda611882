"""The HTML reference (``make docs``) renders every operation, offline, in a real browser.

The page is built from the current spec by ``scripts/build-docs.sh`` (the same command as
``make docs``), opened from disk in headless Chromium, and walked by
``redoc_probe.js``: every operation page, every response tab. The test then checks, per
operation of the spec, that the page shows its summary, method and path, each parameter
(header parameters included), each request-body field, each response with its headers and
body fields, and the first example of each JSON body. It also checks that the page made
no request outside the file and threw no script error, and saves screenshots under
``build/docs/`` for a human to look at.

Why per-element ids: Redoc gives every rendered parameter and field an element id such
as ``customers/listcustomers/t=request&in=query&path=limit``; the spec itself is also
embedded in the page as data, so searching the HTML text would find every name even if
nothing rendered. Only the ids and the visible text of the rendered sections count here.
"""

from __future__ import annotations

import dataclasses
import fcntl
import hashlib
import json
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import fastn_spec
import pytest

from .chromium import Browser

pytestmark = pytest.mark.slow  # builds the reference with Node tools and drives headless Chromium

ROOT = Path(__file__).resolve().parents[2]

SPEC = ROOT / "openapi" / "fastn.yaml"
BUILD = ROOT / "build" / "docs"
BUILD_SCRIPT = ROOT / "scripts" / "build-docs.sh"
PROBE = Path(__file__).with_name("redoc_probe.js")
# Redoc's id segment for each parameter location.
LOCATIONS = {"query": "query", "path": "path", "header": "headers", "cookie": "cookies"}
JSON_MEDIA = "application/json"
# Resolves on the frame after the one where the operation section (its id goes in %s) shows its
# responses, tested on every frame; gives up after 30 s (the screenshot then shows what there is).
SETTLE = """new Promise((resolve) => {
  const end = Date.now() + 30000;
  const poll = () => {
    const section = document.getElementById(%s);
    if ((section && section.innerText.includes("Responses")) || Date.now() > end) requestAnimationFrame(resolve);
    else requestAnimationFrame(poll);
  };
  poll();
})"""


SEARCHED = "secret"
# Searches as a reader does (open the search dialog, type %s), and resolves with the links of the
# results once some show, tested whenever the DOM changes and on every frame; an empty list after
# 60 s. Redoc builds its search index in workers started from blob: URLs.
SEARCH = """new Promise((resolve) => {
  const end = Date.now() + 60000;
  const term = %s;
  let typed = false;
  const poll = () => {
    const input = document.querySelector('[data-testid="search-dialog"] input');
    if (!input) {
      document.querySelector('[data-testid="search-trigger"]')?.click();
    } else if (!typed) {
      // React reads the value through the prototype's setter, then the input event.
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set.call(input, term);
      input.dispatchEvent(new Event("input", { bubbles: true }));
      typed = true;
    }
    const found = [...document.querySelectorAll('[data-component-name="Search/SearchItem"]')];
    if (found.length || Date.now() > end) resolve(found.map((a) => a.getAttribute("href")));
    else requestAnimationFrame(poll);
  };
  poll();
})"""


# --------------------------------------------------------------------------- the spec


@dataclass
class Response:
    """What one documented response should show."""

    headers: list[str]
    fields: list[str]
    example: Any = None


@dataclass
class Operation:
    """What one operation's page should show, read from the spec."""

    operation_id: str
    method: str
    path: str
    summary: str
    parameters: list[tuple[str, str]]
    body_fields: list[str] | None
    body_example: Any
    responses: dict[str, Response] = field(default_factory=dict)


def _fields(document: dict[str, Any], schema: Any, hidden: str) -> list[str]:
    """Top-level property names Redoc lists for a body (it hides readOnly in requests, writeOnly in responses)."""
    schema = fastn_spec.resolve(document, schema)
    if not isinstance(schema, dict):
        return []
    names: list[str] = []
    for part in schema.get("allOf", []):
        names += [name for name in _fields(document, part, hidden) if name not in names]
    for name, prop in schema.get("properties", {}).items():
        if not fastn_spec.resolve(document, prop).get(hidden) and name not in names:
            names.append(name)
    return names


def _example(document: dict[str, Any], media: dict[str, Any]) -> Any:
    """The example Redoc shows first: ``example``, else the first of ``examples``."""
    if "example" in media:
        return media["example"]
    for example in media.get("examples", {}).values():
        return fastn_spec.resolve(document, example).get("value")
    return None


def spec_operations() -> list[Operation]:
    """Every operation of the spec, with what its rendered page must contain."""
    document = fastn_spec.load(SPEC)
    operations = []
    for found in fastn_spec.operations(document):
        path, method, item, op = found.path, found.method, found.item, found.body
        parameters: dict[tuple[str, str], None] = {}
        for parameter in [*item.get("parameters", []), *op.get("parameters", [])]:
            resolved = fastn_spec.resolve(document, parameter)
            parameters[(resolved["in"], resolved["name"])] = None
        body = fastn_spec.resolve(document, op.get("requestBody"))
        media = body.get("content", {}).get(JSON_MEDIA, {}) if isinstance(body, dict) else {}
        operation = Operation(
            operation_id=op["operationId"],
            method=method,
            path=path,
            summary=op.get("summary", op["operationId"]),
            parameters=list(parameters),
            body_fields=_fields(document, media.get("schema"), "readOnly") if body else None,
            body_example=_example(document, media),
        )
        for code, response in op["responses"].items():
            response = fastn_spec.resolve(document, response)
            content = response.get("content", {}).get(JSON_MEDIA, {})
            operation.responses[code] = Response(
                headers=list(response.get("headers", {})),
                fields=_fields(document, content.get("schema"), "writeOnly"),
                example=_example(document, content),
            )
        operations.append(operation)
    return operations


def example_strings(value: Any) -> list[str]:
    """The example's string leaves, JSON-quoted as Redoc prints them in its sample panel."""
    if isinstance(value, dict):
        return [leaf for item in value.values() for leaf in example_strings(item)]
    if isinstance(value, list):
        return [leaf for item in value for leaf in example_strings(item)]
    if isinstance(value, str):
        return [json.dumps(value, ensure_ascii=False)]
    return []


OPERATIONS = spec_operations()


# --------------------------------------------------------------------------- the page


@pytest.fixture(scope="module")
def docs_html(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The reference built from the current spec, exactly as `make docs` builds it.

    Built once per test session: under pytest-xdist the first worker to need it builds it in
    the session's shared temporary folder, under a lock, named after the hash of the spec and
    of the build script, and the others use that file. Nothing outlives the session.
    """
    if worker_id == "master":  # not distributed: nothing to share
        out = tmp_path_factory.mktemp("docs") / "index.html"
        _build_docs(out)
        return out
    shared = tmp_path_factory.getbasetemp().parent  # one per session, shared by its workers
    key = hashlib.sha256(SPEC.read_bytes() + BUILD_SCRIPT.read_bytes()).hexdigest()[:16]
    out = shared / f"html-reference-{key}" / "index.html"
    with (shared / "html-reference-build.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not out.exists():
            partial = out.with_name("partial.html")
            _build_docs(partial)
            partial.replace(out)  # complete or absent, even if the build fails halfway
    return out


def _build_docs(out: Path) -> None:
    subprocess.run([str(BUILD_SCRIPT), str(SPEC), str(out)], check=True, timeout=300)


@dataclass
class Rendered:
    """What the browser saw: the probe's report and every event of the page."""

    pages: dict[str, dict[str, Any]]
    tags: list[str]
    hydrated: bool
    events: list[dict[str, Any]]
    search: list[str]  # the links the search dialog lists for SEARCHED


@pytest.fixture(scope="module")
def rendered(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Rendered:
    """What the browser saw, walked once per test session however many workers run this module.

    The walk keeps Chromium busy for seconds; under pytest-xdist the first worker to need it walks
    and leaves the result (JSON) in the session's shared temporary folder, under a lock, and the
    others read it.
    """
    if worker_id == "master":  # not distributed: nothing to share
        return _walk(request.getfixturevalue("browser"), request.getfixturevalue("docs_html"))
    shared = tmp_path_factory.getbasetemp().parent  # one per session, shared by its workers
    cache = shared / "html-reference-rendered.json"
    with (shared / "html-reference-rendered.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if cache.exists():
            return Rendered(**json.loads(cache.read_text(encoding="utf-8")))
        walked = _walk(request.getfixturevalue("browser"), request.getfixturevalue("docs_html"))
        cache.write_text(json.dumps(dataclasses.asdict(walked)), encoding="utf-8")
        return walked


def _walk(browser: Browser, docs_html: Path) -> Rendered:
    """Open the reference from disk, walk every operation, and save a screenshot of the first."""
    url = docs_html.as_uri()
    browser.navigate(url)
    report = browser.evaluate(PROBE.read_text(encoding="utf-8"))
    # The first operation's page, freshly loaded, as a reader following a link sees it.
    first = report["pages"][0]["route"] if report["pages"] else ""
    browser.navigate("about:blank")
    browser.navigate(f"{url}#/{first}")
    browser.evaluate(SETTLE % json.dumps(first))
    browser.screenshot(BUILD / "screenshot.png")
    found = browser.evaluate(SEARCH % json.dumps(SEARCHED))
    pages = {page["route"].rsplit("/", 1)[-1]: page for page in report["pages"]}
    return Rendered(
        pages=pages, tags=report["tags"], hydrated=report["hydrated"], events=list(browser.events), search=found
    )


def test_spec_has_operations() -> None:
    assert len(OPERATIONS) >= 40, "the spec should hold the seed's operations"


def test_page_hydrates_and_lists_every_tag(rendered: Rendered) -> None:
    assert rendered.hydrated, "Redoc never rendered its sidebar: the inlined bundle did not run"
    document = fastn_spec.load(SPEC)
    assert len(rendered.tags) == len(document.get("tags", [])), rendered.tags


@pytest.mark.parametrize("operation", OPERATIONS, ids=[op.operation_id for op in OPERATIONS])
def test_operation_is_rendered(rendered: Rendered, operation: Operation) -> None:
    page = rendered.pages.get(operation.operation_id.lower())
    assert page is not None, f"no page for {operation.operation_id} among {sorted(rendered.pages)}"
    assert page["found"], f"{page['route']} did not render"
    route, ids, text = page["route"], set(page["ids"]), page["text"]
    problems: list[str] = []

    for expected in (operation.summary, operation.method.upper(), operation.path):
        if expected not in text:
            problems.append(f"text lacks {expected!r}")
    for location, name in operation.parameters:
        if f"{route}/t=request&in={LOCATIONS[location]}&path={name.lower()}" not in ids:
            problems.append(f"{location} parameter {name} not rendered")
    if operation.body_fields is not None:
        if f"{route}/request/body" not in ids:
            problems.append("request body not rendered")
        problems += [
            f"request field {name} not rendered"
            for name in operation.body_fields
            if f"{route}/t=request&path={name.lower()}" not in ids
        ]
        problems += [
            f"request example lacks {leaf}" for leaf in example_strings(operation.body_example) if leaf not in text
        ]
    for code, response in operation.responses.items():
        shown = page["responses"].get(code)
        if shown is None:
            problems.append(f"response {code} has no tab")
            continue
        shown_ids = set(shown["ids"])
        prefix = f"{route}/t=response&c={code}&path="
        problems += [
            f"response {code} header {name} not rendered"
            for name in response.headers
            if prefix + name.lower() not in shown_ids
        ]
        problems += [
            f"response {code} field {name} not rendered"
            for name in response.fields
            if prefix + name.lower() not in shown_ids
        ]
        problems += [
            f"response {code} example lacks {leaf}"
            for leaf in example_strings(response.example)
            if leaf not in shown["text"]
        ]
    assert not problems, f"{operation.operation_id} ({route}): " + "; ".join(problems)


def test_no_page_for_an_unknown_operation(rendered: Rendered) -> None:
    known = {op.operation_id.lower() for op in OPERATIONS}
    assert set(rendered.pages) == known


def test_page_fetches_nothing_remote(rendered: Rendered) -> None:
    """Every request the page made is the file itself, a data: or a blob: URL.

    The template's Content-Security-Policy blocks remote fetches before they leave the
    browser (Redoc's attribution logo tries one); a remote request that was *not* blocked
    would mean the page needs the network.
    """
    blocked = {
        event["params"]["requestId"]
        for event in rendered.events
        if event.get("method") == "Network.loadingFailed" and event["params"].get("blockedReason") == "csp"
    }
    remote = [
        event["params"]["request"]["url"]
        for event in rendered.events
        if event.get("method") == "Network.requestWillBeSent"
        and event["params"]["request"]["url"].split(":", 1)[0] not in {"file", "data", "blob", "about"}
        and event["params"]["requestId"] not in blocked
    ]
    assert remote == []


def test_page_throws_no_script_error(rendered: Rendered) -> None:
    errors = [
        json.dumps(event["params"])[:500]
        for event in rendered.events
        if event.get("method") == "Runtime.exceptionThrown"
    ]
    # A CSP violation other than a blocked remote image would disable a feature (search
    # needs eval and blob workers): report those too.
    errors += [
        event["params"]["entry"]["text"]
        for event in rendered.events
        if event.get("method") == "Log.entryAdded"
        and event["params"]["entry"]["source"] == "security"
        and "Loading the image 'https://" not in event["params"]["entry"]["text"]
    ]
    assert errors == []


def test_search_finds_the_operations(rendered: Rendered) -> None:
    """Typing in Redoc's search lists the matching operations, as a reader sees them.

    The search index is built in workers started from blob: URLs: without `worker-src blob:` in
    the page's Content-Security-Policy they never start (no error is logged) and the dialog shows
    "Searching..." forever. (An earlier check looked for the worker's network event, which
    Chromium did not always report on the page: it failed once in a loaded run with search working.)
    """
    wanted = {op.operation_id.lower() for op in OPERATIONS if SEARCHED in op.operation_id.lower()}
    assert wanted, f"no operation's id holds {SEARCHED!r}: choose another word"
    listed = {link.rsplit("/", 1)[-1] for link in rendered.search}
    assert wanted <= listed, f"searching {SEARCHED!r} listed {rendered.search}"


def test_screenshot_is_saved(rendered: Rendered) -> None:
    shot = BUILD / "screenshot.png"
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 20_000, "a screenshot this small is a blank page"


def test_built_page_is_self_contained(docs_html: Path) -> None:
    """No remote script or stylesheet, telemetry off, the CSP first in <head>."""
    html = docs_html.read_text(encoding="utf-8")
    policy = html.index('http-equiv="Content-Security-Policy"')
    assert policy < html.index("</head>")
    assert policy < html.index("<script"), "the policy must be in force before any script runs"
    assert "default-src 'none'" in html[policy : html.index(">", policy)]
    assert '"disableTelemetry":true' in html
    for tag in ("<script src=", '<link rel="stylesheet"', '<link rel="modulepreload"'):
        assert tag not in html
