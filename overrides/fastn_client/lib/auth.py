"""The credential header, added to each request by an ``httpx.Auth``, masked wherever it is shown.

httpx masks only ``Authorization`` and ``Proxy-Authorization`` in a ``Headers`` repr. A key kept
among an ``httpx.Client``'s default headers would show in ``repr(client.headers)``; so the
generated clients keep it here instead, add it to each request as it is sent, and give that
request headers whose repr masks it too (``repr(response.request.headers)``).

The key is for the origin it was added for only. httpx copies a request's headers into the
request a redirect leads to, dropping only ``Authorization`` on another origin; so the request
also records where its credential belongs (``CREDENTIAL_EXTENSION``, which httpx carries over to
the redirected request), and the transport removes it from a request to any other origin
(:func:`strip_foreign_credentials`), as requests does.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import ClassVar

import httpx

__all__ = ["CREDENTIAL_EXTENSION", "CredentialAuth", "MaskedHeaders", "strip_foreign_credentials"]

#: Request extension naming the origin a request's credential belongs to, and its header names.
CREDENTIAL_EXTENSION = "fastn_credential"


class MaskedHeaders(httpx.Headers):
    """``httpx.Headers`` whose repr shows the credential header as ``[secure]``, as httpx does ``Authorization``.

    A request's headers become one by a change of class (:meth:`masking`), which copies nothing:
    it costs nothing per request, and the headers stay the same object httpx built.
    """

    _secret_names: ClassVar[frozenset[str]] = frozenset()
    _kinds: ClassVar[dict[frozenset[str], type[MaskedHeaders]]] = {}

    @classmethod
    def masking(cls, headers: httpx.Headers, names: frozenset[str]) -> MaskedHeaders:
        """``headers`` itself, now masking ``names`` (lower case) in its repr."""
        kind = cls._kinds.get(names)
        if kind is None:
            kind = cls._kinds[names] = type("MaskedHeaders", (cls,), {"_secret_names": names})
        headers.__class__ = kind
        return headers  # type: ignore[return-value]

    def __repr__(self) -> str:
        secret = self._secret_names
        shown = [(name, "[secure]" if name.lower() in secret else value) for name, value in self.multi_items()]
        return f"Headers({shown!r})"


class CredentialAuth(httpx.Auth):
    """Sends ``value`` in header ``name`` with every request; its repr shows only the header's name."""

    def __init__(self, name: str, value: str) -> None:
        self._name = name
        self._value = value
        self._secret = frozenset({name.lower()})

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers[self._name] = self._value
        MaskedHeaders.masking(request.headers, self._secret)
        request.extensions[CREDENTIAL_EXTENSION] = (_origin(request.url), self._secret)
        yield request

    def __repr__(self) -> str:
        return f"CredentialAuth(header={self._name!r}, value='[secure]')"


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    return (url.scheme, url.host, url.port)


def strip_foreign_credentials(request: httpx.Request) -> bool:
    """Remove the credential from ``request`` if it goes to another origin than the credential's own.

    Returns whether it removed one. A request that no ``CredentialAuth`` touched is left alone.
    """
    recorded = request.extensions.get(CREDENTIAL_EXTENSION)
    if recorded is None:
        return False
    origin, names = recorded
    if _origin(request.url) == origin:
        return False
    removed = False
    for name in names:
        if name in request.headers:
            del request.headers[name]
            removed = True
    return removed
