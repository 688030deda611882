"""Checks of what the caller hands the client, made before anything is sent.

A header value that is not printable ASCII would fail deep in httpx with a ``UnicodeEncodeError``
(or, with a line break, be refused by h11); a negative timeout would fail in the socket layer with
a ``ValueError``. Checked here instead, they fail at once with a
:class:`~fastn_client.lib.errors.ClientInputError` naming the argument. A secret (the API key) is
never quoted in the message.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

import httpx

from .errors import ClientInputError

__all__ = ["check_header_value", "check_headers", "check_timeout"]

# A header name is an RFC 9110 token.
_TOKEN = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")


def check_header_value(argument: str, value: object, *, secret: bool = False) -> str:
    """``value`` if it can be sent as a header value (printable ASCII, no line break); else raise."""
    if isinstance(value, str) and value.isascii() and value.isprintable():
        return value
    shown = "the value given" if secret else repr(value)
    if not isinstance(value, str):
        problem = f"must be a string, not {type(value).__name__}"
    else:
        problem = "must be printable ASCII (a header value cannot carry other characters or line breaks)"
    raise ClientInputError(f"{argument}: {problem}; got {shown}", argument=argument)


def check_headers(headers: Mapping[str, Any], arguments: Mapping[str, str] | None = None) -> None:
    """Check every header; ``arguments`` maps a header name to the argument it came from."""
    for name, value in headers.items():
        if not (isinstance(name, str) and _TOKEN.fullmatch(name)):
            raise ClientInputError(
                f"header name {name!r} must be printable ASCII, without spaces or separators", argument="extra_headers"
            )
        argument = (arguments or {}).get(name) or f"extra_headers[{name!r}]"
        check_header_value(argument, value)


def _check_seconds(argument: str, value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ClientInputError(f"{argument} must be seconds (a number) or None, not {value!r}", argument=argument)
    if math.isnan(value) or value < 0:
        raise ClientInputError(f"{argument} must be >= 0 seconds or None, not {value!r}", argument=argument)


def check_timeout(argument: str, value: object) -> None:
    """A timeout as httpx takes it (seconds, ``httpx.Timeout`` or ``None``), none of it negative."""
    if isinstance(value, httpx.Timeout):
        for kind in ("connect", "read", "write", "pool"):
            _check_seconds(f"{argument}.{kind}", getattr(value, kind))
    else:
        _check_seconds(argument, value)
