"""Cheaper ways to the values the generated code parses: JSON bodies, UUIDs and dates.

The generated endpoint modules decode a body with ``json_body(response)`` instead of httpx's
``response.json()`` (``overrides/templates/endpoint_module.py.jinja``), and the generated
``from_dict`` methods build UUIDs with ``parse_uuid`` instead of ``uuid.UUID``
(``overrides/templates/property_templates/uuid_property.py.jinja``) and dates with
``parse_datetime`` and ``parse_date``, the standard ``fromisoformat`` bound once. Each one
returns exactly what the standard way returns, and raises exactly what it raises, only faster
on the inputs a server actually sends. ``tests/generation/test_fast_parsing.py`` compares
them, example by example and over generated inputs.
"""

from __future__ import annotations

import datetime
import json
from typing import Any
from uuid import UUID, SafeUUID

import httpx
import msgspec

_decode = msgspec.json.decode
# What msgspec raises for a document it will not decode (DecodeError: not JSON to it; ValidationError:
# a number beyond a float's range), and its recursion limit: json.loads is then asked instead.
_REFUSED = (msgspec.MsgspecError, RecursionError)


def json_body(response: httpx.Response) -> Any:
    """``response.json()``, that is ``json.loads(response.content)``, in half the CPU.

    msgspec decodes what it can, and returns what json.loads returns for every document it
    accepts: the same values of the same types, integers of any size exact, keys in order, the
    last of a repeated key. json.loads gets every document msgspec refuses (UTF-16 or UTF-32, a
    byte-order mark, NaN and Infinity, a number beyond a float's range, a lone surrogate,
    nesting deeper than msgspec goes, invalid JSON), so those end in json.loads's own result or
    its own exception (a ValueError: json.JSONDecodeError or UnicodeDecodeError; RecursionError).
    """
    content = response.content
    try:
        return _decode(content)
    except _REFUSED:
        return json.loads(content)


parse_datetime = datetime.datetime.fromisoformat
"""``datetime.datetime.fromisoformat`` itself, bound once: the generated code calls it per value."""
parse_date = datetime.date.fromisoformat
"""``datetime.date.fromisoformat`` itself, bound once."""

# uuid.UUID is immutable: its __setattr__ refuses every write, and __init__ stores
# through object.__setattr__ into two slots. Writing through the slot descriptors is
# that same store without __init__'s argument checks.
_new = object.__new__
_set_int = UUID.__dict__["int"].__set__
_set_is_safe = UUID.__dict__["is_safe"].__set__
_UNKNOWN = SafeUUID.unknown


def parse_uuid(value: str) -> UUID:
    """``uuid.UUID(value)``, about twice as fast for a well-formed string.

    The standard constructor drops ``urn:`` and ``uuid:``, strips ``{}``, removes every
    ``-``, requires 32 characters left and reads them with ``int(..., 16)``. When
    removing the hyphens alone leaves 32 characters that ``int(..., 16)`` reads, the
    string holds no ``:``, ``{`` or ``}``, so the other steps would have changed nothing
    and the result is the same number: the fast path builds that UUID directly
    (``is_safe`` is ``SafeUUID.unknown``, the constructor's default). Anything else --
    malformed strings, other types -- goes to ``uuid.UUID`` itself, so it is accepted or
    rejected with the very same exception and message.
    """
    if type(value) is str:
        digits = value.replace("-", "")
        if len(digits) == 32:
            try:
                number = int(digits, 16)
            except ValueError:
                pass
            else:
                uuid = _new(UUID)
                _set_int(uuid, number)
                _set_is_safe(uuid, _UNKNOWN)
                return uuid
    return UUID(value)
