"""lib/urls.absolute: the one URL httpx would build from base_url, a path and params, or none at all.

Every case compares with httpx itself: ``client.build_request(method, url, params=params)``
is what the generated code asked for before, and ``absolute()`` must give a request with the
very same URL (or leave the arguments alone, or end in the very same error).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import httpx
import pytest
from fastn_client.lib.urls import absolute
from hypothesis import given, settings
from hypothesis import strategies as st

BASES = (
    "https://fastn.bench",
    "https://api.fastn.ai/",
    "http://127.0.0.1:4010/base",
    "https://host.example/v1/x/",
    "https://user:pw@host.example:8443/p%20q/r s/",
    "HTTPS://Host.Example:443/",
    "https://[::1]:8080/",
    "https://bücher.example/",
)

# Path segments as the generated code writes them: literals of the spec, and parameters
# through quote(str(value), safe=""), so anything at all may be in a value.
segments = st.one_of(
    st.sampled_from(["api", "v1", "customers", ".", "..", "", "%7E", "a%2Fb", "~user", "a:b", "@", "[x]"]),
    st.text(max_size=12).map(lambda value: quote(value, safe="")),
)
paths = st.lists(segments, min_size=0, max_size=5).map(lambda parts: "/" + "/".join(parts))
scalars = st.one_of(
    st.text(max_size=10),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
)
params = st.one_of(
    st.none(),
    st.dictionaries(st.text(max_size=8), st.one_of(scalars, st.lists(scalars, max_size=3)), max_size=4),
)


def outcome(client: httpx.Client, kwargs: dict[str, Any]) -> tuple[str, str]:
    try:
        return ("url", str(client.build_request("GET", **kwargs).url))
    except Exception as error:  # the same error as httpx's, with the same message
        return (type(error).__name__, str(error))


# One client per base URL (a client's SSL context costs milliseconds to make).
CLIENTS = {base: httpx.Client(base_url=base) for base in BASES}


@settings(max_examples=400, deadline=None)
@given(client=st.sampled_from(list(CLIENTS.values())), path=paths, query=params)
def test_the_url_is_the_one_httpx_builds(client: httpx.Client, path: str, query: dict[str, Any] | None) -> None:
    expected = outcome(client, {"url": path, "params": query})
    kwargs = absolute(client, {"url": path, "params": query})
    assert outcome(client, kwargs) == expected
    if isinstance(kwargs["url"], httpx.URL):
        assert "params" not in kwargs  # nothing is left to merge


def test_the_common_call_becomes_one_absolute_url() -> None:
    with httpx.Client(base_url="https://fastn.bench") as client:
        kwargs = absolute(client, {"method": "get", "url": "/api/v1/customers", "params": {"limit": 100, "all": True}})
    assert kwargs == {"method": "get", "url": httpx.URL("https://fastn.bench/api/v1/customers?limit=100&all=true")}
    assert kwargs["url"].is_absolute_url


@pytest.mark.parametrize(
    ("base", "client_params", "url"),
    [
        ("https://fastn.bench", {"tenant": "t1"}, "/api/v1/customers"),  # httpx merges client params first
        ("https://fastn.bench/?x=1", None, "/api/v1/customers"),  # a base with a query
        ("https://fastn.bench", None, "api/v1/customers"),  # not from the root
        ("https://fastn.bench", None, "//evil.example/a"),  # a host, not a path
        ("https://fastn.bench", None, "/a?b=1"),  # a literal query
        ("https://fastn.bench", None, "/a#top"),  # a fragment
        ("", None, "/api/v1/customers"),  # no base URL at all
    ],
)
def test_anything_else_is_left_to_httpx(base: str, client_params: dict[str, str] | None, url: str) -> None:
    with httpx.Client(base_url=base, params=client_params) as client:
        kwargs = {"url": url, "params": {"limit": 5}}
        assert absolute(client, dict(kwargs)) == kwargs
        assert outcome(client, absolute(client, dict(kwargs))) == outcome(client, kwargs)


def test_a_url_object_is_left_alone() -> None:
    url = httpx.URL("https://other.example/x")
    with httpx.Client(base_url="https://fastn.bench") as client:
        assert absolute(client, {"url": url, "params": {"a": 1}}) == {"url": url, "params": {"a": 1}}


def test_a_url_httpx_refuses_raises_httpx_own_error() -> None:
    with httpx.Client(base_url="https://fastn.bench") as client:
        kwargs = {"url": "/a\nb", "params": None}
        assert absolute(client, dict(kwargs)) == kwargs
        with pytest.raises(httpx.InvalidURL, match="non-printable"):
            client.build_request("GET", **absolute(client, dict(kwargs)))


def test_the_async_client_is_served_alike() -> None:
    client = httpx.AsyncClient(base_url="https://fastn.bench/v2")
    kwargs = absolute(client, {"url": "/items/a%2Fb", "params": {"q": "x y"}})
    assert kwargs["url"] == client.build_request("GET", "/items/a%2Fb", params={"q": "x y"}).url
