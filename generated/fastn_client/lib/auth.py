"""The credential header, added to each request by an ``httpx.Auth``, and masked wherever it is shown.

httpx masks only ``Authorization`` and ``Proxy-Authorization`` in a ``Headers`` repr. A key kept
among an ``httpx.Client``'s default headers would show in ``repr(client.headers)``; so the
generated clients keep it here instead, add it to each request as it is sent, and give that
request headers whose repr masks it too (``repr(response.request.headers)``).
"""

from __future__ import annotations

from collections.abc import Generator
from typing import ClassVar

import httpx

__all__ = ["CredentialAuth", "MaskedHeaders"]


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
        yield request

    def __repr__(self) -> str:
        return f"CredentialAuth(header={self._name!r}, value='[secure]')"
