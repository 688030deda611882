"""Page cursors only this server can issue: an offset, signed for one listing of one workspace.

A cursor is ``<base64url {"offset": n}>.<base64url MAC>``, the MAC an HMAC-SHA256 (truncated to
16 bytes) under a secret drawn when the mock starts, over the workspace, the list operation and
the payload. Anything else (a forged offset, a tampered cursor, one from another listing or
workspace, one from an earlier run of the mock) is 400, as the spec's `Cursor` parameter says.

One exception: the cursors the spec itself shows as examples of a ``cursor`` parameter (today
``eyJvZmZzZXQiOjIwfQ``, unsigned ``{"offset": 20}``), read from the document by `documented_cursors`,
are honoured on every listing, as the cursors the documentation hands out. Contract tools send
them in their examples phase; refusing them makes every list operation "mostly reject"
schema-valid data, which schemathesis reports as a warning (and the contract run fails on
warnings). A fixed, published offset forges nothing.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import secrets
from collections.abc import Mapping
from typing import Any, Final

from ._errors import ApiError

_MAC_BYTES: Final = 16


def _b64encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def _b64decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _unknown_cursor() -> ApiError:
    return ApiError(
        400,
        "The cursor is not one this server issued; pass a previous page's nextCursor.",
        details=[{"field": "query.cursor", "message": "unknown cursor", "code": "invalid_cursor"}],
    )


def documented_cursors(document: Mapping[str, Any]) -> dict[str, int]:
    """The example cursors of the spec's ``cursor`` query parameters that decode to an offset."""
    parameters = document.get("components", {}).get("parameters", {})
    found: dict[str, int] = {}
    for parameter in parameters.values():
        example = parameter.get("example") if isinstance(parameter, Mapping) else None
        if parameter.get("name") != "cursor" or not isinstance(example, str):
            continue
        try:
            offset = json.loads(_b64decode(example))["offset"]
        except (ValueError, binascii.Error, KeyError, TypeError):
            continue  # an example that is not an offset is just an opaque string: nothing to honour
        if isinstance(offset, int) and not isinstance(offset, bool) and offset >= 0:
            found[example] = offset
    return found


class Cursors:
    """Issues and checks the cursors of one mock (a fresh secret per instance unless one is given)."""

    def __init__(self, secret: bytes | None = None, *, documented: Mapping[str, int] | None = None) -> None:
        self._secret = secret if secret is not None else secrets.token_bytes(32)
        self._documented = dict(documented or {})

    def _mac(self, listing: str, payload: str) -> str:
        message = f"{listing}\n{payload}".encode()
        return _b64encode(hmac.new(self._secret, message, hashlib.sha256).digest()[:_MAC_BYTES])

    def issue(self, listing: str, offset: int) -> str:
        """The cursor of the page of ``listing`` (e.g. ``<workspace>:listCustomers``) starting at ``offset``."""
        payload = _b64encode(json.dumps({"offset": offset}, separators=(",", ":")).encode())
        return f"{payload}.{self._mac(listing, payload)}"

    def offset(self, listing: str, cursor: str) -> int:
        """The offset of a cursor this instance issued for ``listing`` (or the spec's example); 400 for any other."""
        if cursor in self._documented:
            return self._documented[cursor]
        payload, _, mac = cursor.partition(".")
        if not hmac.compare_digest(mac.encode(), self._mac(listing, payload).encode()):
            raise _unknown_cursor()
        try:
            offset = json.loads(_b64decode(payload))["offset"]
        except (ValueError, binascii.Error, KeyError, TypeError):  # cannot happen for a signed payload
            raise _unknown_cursor() from None
        if not isinstance(offset, int) or isinstance(offset, bool) or offset < 0:
            raise _unknown_cursor()
        return offset
