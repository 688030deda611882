"""A request's URL built once, as httpx would build it from a path and query parameters.

Given a relative ``url`` and ``params``, httpx parses a URL three times per request: the path,
the path joined to the client's ``base_url``, and the result with the parameters merged in,
each time through its pure-Python parser. That was a fifth of a call's CPU on a page of 100
customers (``scripts/bench_client.py``). ``absolute(client, kwargs)`` puts in their place the
one URL httpx would arrive at, parsed once, and httpx sends it as it is: an absolute URL is
not joined to ``base_url``, and no parameters are left to merge.

"As httpx would" is the rule, so the shortcut is taken only where the two are the same by
construction, and anything else is left to httpx untouched:

* the client has no default ``params`` (httpx merges them before the request's own, an order
  a URL's query cannot keep) and an absolute ``base_url`` with neither query nor fragment;
* ``url`` is a ``str`` that starts with one ``/`` (``//`` would start a host) and holds no
  ``?`` or ``#`` (the generated code percent-encodes both in path parameters; a literal one
  would start a query or a fragment);
* the query is ``str(httpx.QueryParams(params))``, httpx's own encoding, so values are written
  the way httpx writes them (``true``, ``1.5``, a list as repeated keys).

A URL httpx would refuse (``httpx.InvalidURL``) is left to httpx too, so it raises its own
error with its own message. ``tests/overrides/test_runtime_urls.py`` compares both ways over
generated paths, parameters and base URLs.
"""

from __future__ import annotations

from typing import Any

import httpx


def absolute(client: httpx.Client | httpx.AsyncClient, kwargs: dict[str, Any]) -> dict[str, Any]:
    """``kwargs`` for ``client.request(**kwargs)``, its ``url`` and ``params`` one absolute URL.

    Changes ``kwargs`` in place and returns it; leaves it alone where httpx's own joining
    might differ.
    """
    url = kwargs.get("url")
    if url.__class__ is not str or url[:1] != "/" or url[:2] == "//" or "?" in url or "#" in url or client.params:
        return kwargs
    base = client.base_url
    if not base.is_absolute_url or base.query or base.fragment:
        return kwargs
    params = kwargs.get("params")
    root = str(base)  # base_url's path ends in "/" (httpx sees to it), unless it is empty
    text = f"{root}{'' if root[-1] == '/' else '/'}{url[1:]}"
    if params:  # as httpx, any parameters make a query, if empty (`{"k": []}` is "?")
        text = f"{text}?{httpx.QueryParams(params)}"
    try:
        kwargs["url"] = httpx.URL(text)
    except httpx.InvalidURL:
        return kwargs
    kwargs.pop("params", None)
    return kwargs
