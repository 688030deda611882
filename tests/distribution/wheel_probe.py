"""Run inside a fresh virtualenv where only the built wheels were installed, against their mock.

Proves the installed distributions (not the repo's copies) work together as a user meets them: the
client and the mock import from the venv, the mock serves the spec it was built with (its version is
the client's), and the resource client creates, reads and lists through it.
Usage: python wheel_probe.py VENV BASE_URL
"""

import sys
from importlib import metadata

import fastn_client
import fastn_mock
import fastn_spec
from fastn_client import Fastn, NotFoundError

venv, base_url = sys.argv[1], sys.argv[2]
for module in (fastn_client, fastn_mock, fastn_spec):
    assert module.__file__ is not None and module.__file__.startswith(venv), module.__file__
assert metadata.version("fastn-mock") == metadata.version("fastn-client"), "the mock follows the spec's version"

client = Fastn(api_key="fsk_test_mock_owner", space_id="5f0c6a52-3b1e-4d7a-9c2f-8e1d4b6a7c30", base_url=base_url)
created = client.customers.create(name="Acme", slug="acme-probe", admin_email="ops@acme.example")
assert client.customers.get(created.id).slug == "acme-probe"
assert any(each.id == created.id for each in client.customers.list())
client.customers.delete(created.id)
try:
    client.customers.get(created.id)
except NotFoundError as error:
    print("ok", metadata.version("fastn-client"), error.status_code)
