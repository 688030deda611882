"""Run by test_generation.py inside a fresh virtualenv where only ./generated was installed.

Proves the installed package (not the repo's copy) imports and works: one call over a mock
transport, the key header sent, the 404 raised as NotFoundError. Usage: python install_probe.py VENV
"""

import sys

import fastn_client
import httpx
from fastn_client import AuthenticatedClient
from fastn_client.api.billing_quotas import get_billing

assert fastn_client.__file__.startswith(sys.argv[1]), fastn_client.__file__
seen: dict[str, str] = {}


def handler(request: httpx.Request) -> httpx.Response:
    seen.update(request.headers)
    return httpx.Response(404, json={"code": "NOT_FOUND", "message": "no", "statusCode": 404})


client = AuthenticatedClient(
    base_url="https://x.invalid", token="k", httpx_args={"transport": httpx.MockTransport(handler)}
)
try:
    get_billing.sync(client=client)
except fastn_client.NotFoundError as error:
    print("ok", error.status_code, seen["x-fastn-api-key"])
