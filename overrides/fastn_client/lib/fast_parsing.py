"""Cheaper constructors for the value types the generated models parse.

The generated ``from_dict`` methods call these instead of the standard library's
constructors (see ``overrides/templates/property_templates/uuid_property.py.jinja``).
Each one returns exactly what the standard constructor returns, and raises exactly
what it raises, only faster on the inputs a server actually sends.
"""

from __future__ import annotations

from uuid import UUID, SafeUUID

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
