"""Run by test_mock_install.py inside a fresh virtualenv where only ./loader and ./mock were installed.

Proves the installed packages (not the repo's copies) import with the dependencies they declare and
serve: one ASGI request (no HTTP client is among the mock's dependencies), answered 200 with a page.
Usage: python install_probe.py VENV SPEC
"""

import asyncio
import json
import sys
from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

import fastn_mock
import fastn_spec
from fastn_mock import DEFAULT_API_KEY, MockConfig, create_app

for module in (fastn_mock, fastn_spec):
    assert module.__file__ is not None and module.__file__.startswith(sys.argv[1]), module.__file__


async def main() -> None:
    app = create_app(MockConfig(spec_path=Path(sys.argv[2]), rate_limit=0))
    sent: list[MutableMapping[str, Any]] = []
    scope: MutableMapping[str, Any] = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": "/api/v1/customers",
        "raw_path": b"/api/v1/customers",
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"mock"), (b"x-fastn-api-key", DEFAULT_API_KEY.encode())],
        "client": ("127.0.0.1", 1),
        "server": ("mock", 80),
    }

    async def receive() -> MutableMapping[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: MutableMapping[str, Any]) -> None:
        sent.append(message)

    await app(scope, receive, send)
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    print("ok", sent[0]["status"], sorted(json.loads(body)))


asyncio.run(main())
